package gui

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tempfit/core/data"
	"tempfit/core/train"
	"tempfit/sampledata"
)

func TestMain(m *testing.M) {
	// The tests read English texts; the Korean test switches on its own.
	os.Setenv("LANGUAGE", "en")
	os.Setenv("LANG", "en_US.UTF-8")
	os.Exit(m.Run())
}

// testApp is a headless test app with a storage folder of its own, so
// that the autosaves of different tests never meet, and with metadata as
// a packaged app has.
type testApp struct {
	fyne.App
	store testStorage
}

// testStorage is the test app's storage with another root folder.
type testStorage struct {
	fyne.Storage
	root fyne.URI
}

// RootURI returns the storage's folder.
func (s testStorage) RootURI() fyne.URI { return s.root }

// Storage returns the app's storage.
func (a *testApp) Storage() fyne.Storage { return a.store }

// testVersion is the version the test app's metadata gives.
const testVersion = "9.8.7"

// Metadata returns the metadata a packaged app has.
func (a *testApp) Metadata() fyne.AppMetadata {
	return fyne.AppMetadata{ID: "io.github.tempfit.test", Name: AppName, Version: testVersion, Build: 1}
}

// newTestApp returns a headless test app with its own storage folder.
func newTestApp(t testing.TB) *testApp {
	t.Helper()
	a := test.NewTempApp(t)
	return &testApp{App: a, store: testStorage{Storage: a.Storage(), root: storage.NewFileURI(t.TempDir())}}
}

// bookData reads the book's sample.
func bookData() (*data.Dataset, error) {
	s := sampledata.Default()
	res, err := data.ReadCSV(s.Open(), data.ReadOptions{File: s.File})
	if err != nil {
		return nil, err
	}
	return res.Data, nil
}

// newWindow returns a main window on a headless test app with the bridge's
// goroutines off, its first frame shown.
func newWindow(t testing.TB) *MainWindow {
	t.Helper()
	return newWindowOn(t, newTestApp(t))
}

// newWindowOn returns a main window on a, as newWindow does.
func newWindowOn(t testing.TB, a fyne.App) *MainWindow {
	t.Helper()
	w := NewMainWindow(a, Options{Tick: -1})
	t.Cleanup(w.Close)
	w.Sync()
	return w
}

// pressKey sends a key to the focused object as the desktop driver does:
// Tab moves the focus unless the object keeps it.
func pressKey(t testing.TB, w *MainWindow, name fyne.KeyName) {
	t.Helper()
	c := w.win.Canvas()
	f := c.Focused()
	if name == fyne.KeyTab {
		if tb, ok := f.(fyne.Tabbable); !ok || !tb.AcceptsTab() {
			c.FocusNext()
			return
		}
	}
	if f == nil {
		t.Fatalf("no object has the keyboard for %s", name)
	}
	f.TypedKey(&fyne.KeyEvent{Name: name})
}

// moveTo focuses the table and moves its cursor to (row, col) with the
// arrow keys.
func moveTo(t testing.TB, w *MainWindow, row, col int) {
	t.Helper()
	w.win.Canvas().Focus(w.table.table)
	pressKey(t, w, fyne.KeyHome)
	for range numCols {
		pressKey(t, w, fyne.KeyLeft)
	}
	for range col {
		pressKey(t, w, fyne.KeyRight)
	}
	for range row {
		pressKey(t, w, fyne.KeyDown)
	}
	if got := w.table.cursor; got != (widget.TableCellID{Row: row, Col: col}) {
		t.Fatalf("cursor at %v, want row %d col %d", got, row, col)
	}
}

// typeCell edits cell (row, col) as a user does with the keyboard: moves
// there, presses Enter, types text and presses end.
func typeCell(t testing.TB, w *MainWindow, row, col int, text string, end fyne.KeyName) {
	t.Helper()
	moveTo(t, w, row, col)
	pressKey(t, w, fyne.KeyReturn)
	if w.table.editing == nil || *w.table.editing != (widget.TableCellID{Row: row, Col: col}) {
		t.Fatalf("Enter did not open the editor on row %d col %d", row, col)
	}
	if w.win.Canvas().Focused() != w.table.editor {
		t.Fatal("the editor does not have the keyboard")
	}
	test.Type(w.table.editor, text)
	pressKey(t, w, end)
}

// cellText returns the text shown in cell (row, col), which must be on
// screen.
func cellText(t testing.TB, w *MainWindow, row, col int) string {
	t.Helper()
	c := visibleCell(t, w, widget.TableCellID{Row: row, Col: col})
	if !c.label.Visible() {
		t.Fatalf("cell row %d col %d shows the editor", row, col)
	}
	return c.label.Text
}

// visibleCell returns the cell view showing id: one the table shows now,
// not one it has put aside for reuse.
func visibleCell(t testing.TB, w *MainWindow, id widget.TableCellID) *cellView {
	t.Helper()
	for _, o := range objectsUnder(w.table.table) {
		if c, ok := o.(*cellView); ok && c.id == id && c.Visible() {
			return c
		}
	}
	t.Fatalf("cell %v is not on screen", id)
	return nil
}

// setSteps types a step budget into the steps field and presses Enter.
func setSteps(t testing.TB, w *MainWindow, n int) {
	t.Helper()
	e := w.settings.steps
	e.SetText("")
	test.Type(e, strconv.Itoa(n))
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if w.session.Config().Steps != n {
		t.Fatalf("steps = %d after typing %d", w.session.Config().Steps, n)
	}
}

// setMax selects the maximum speed.
func setMax(t testing.TB, w *MainWindow) {
	t.Helper()
	w.settings.speed.SetSelected("Max")
	if w.session.Config().Pace != 0 {
		t.Fatalf("pace %v after choosing Max", w.session.Config().Pace)
	}
}

// runToEnd presses Start, waits for the trainer to finish and shows the
// result.
func runToEnd(t testing.TB, w *MainWindow) *train.Snapshot {
	t.Helper()
	w.Sync()
	tr := w.session.Trainer()
	if tr == nil {
		t.Fatal("no trainer")
	}
	test.Tap(w.settings.startPause)
	tr.Wait()
	w.Sync()
	return tr.Snapshot()
}

// contains fails the test unless s contains every one of subs.
func contains(t testing.TB, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			t.Errorf("%s %q does not contain %q", what, s, sub)
		}
	}
}

// waitFor waits up to ten seconds for cond, which reads only the trainer's
// snapshots, to hold.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
