package session

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"go.uber.org/goleak"

	"tempfit/core/data"
	"tempfit/core/sheet"
	"tempfit/core/train"
	"tempfit/sampledata"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// book reads the book's twelve months.
func book(t testing.TB) *data.Dataset {
	t.Helper()
	d, err := ReadSample(sampledata.Default())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// newBook returns a session on the book's data with its trainer made,
// stopped when the test ends.
func newBook(t testing.TB) *Session {
	t.Helper()
	return newBookWith(t, Options{})
}

// newBookWith returns a session made with opts on the book's data, its
// trainer made.
func newBookWith(t testing.TB, opts Options) *Session {
	t.Helper()
	opts.Data, opts.Name = book(t), "book.csv"
	s := New(opts)
	t.Cleanup(s.Close)
	s.Sync()
	if s.Trainer() == nil {
		t.Fatal("no trainer for the book's data")
	}
	return s
}

// changes records the changes a session reports.
type changes struct{ all []Change }

func (c *changes) record(ch Change) { c.all = append(c.all, ch) }

// last returns the last change reported and forgets them all.
func (c *changes) last() Change {
	if len(c.all) == 0 {
		return 0
	}
	ch := c.all[len(c.all)-1]
	c.all = nil
	return ch
}

// writeFile writes text to name in a new folder and returns its path.
func writeFile(t testing.TB, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// y returns the y of row i in the session's table.
func y(s *Session, i int) float64 {
	v, _ := s.Sheet().Value(i, sheet.Y)
	return v
}

// waitSteps waits for tr to have taken at least n steps.
func waitSteps(t testing.TB, tr *train.Trainer, n int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for tr.Snapshot().Step < n {
		if time.Now().After(deadline) {
			t.Fatalf("the trainer took %d steps, not %d", tr.Snapshot().Step, n)
		}
		time.Sleep(time.Millisecond)
	}
}
