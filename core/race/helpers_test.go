package race

import (
	"testing"
	"time"

	"go.uber.org/goleak"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/optim"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// bookData returns the book's twelve monthly temperatures.
func bookData(t testing.TB) *data.Dataset {
	t.Helper()
	y := []float64{5.2, 5.7, 8.6, 14.9, 18.2, 20.4, 25.5, 26.4, 22.8, 17.5, 11.1, 6.6}
	x := make([]float64, len(y))
	for i := range x {
		x[i] = float64(i + 1)
	}
	d, err := data.New("month", "temperature", x, y)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// newRace returns a race on the book's data that is stopped when the test
// ends.
func newRace(t testing.TB, m fit.Model, steps int, specs []Spec) *Race {
	t.Helper()
	r, err := New(bookData(t), m, steps, specs)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.Stop)
	return r
}

// sameCost returns n runs that cost the same per step: Adam on raw x at n
// learning rates, none of which converges.
func sameCost(n int) []Spec {
	specs := make([]Spec, n)
	for i := range specs {
		specs[i] = Spec{Method: optim.Adam, LearningRate: 0.001 * float64(i+1), Features: fit.Raw}
	}
	return specs
}

// waitUntil polls cond until it holds, failing the test after ten seconds.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// steps returns the current step of every run.
func steps(r *Race) []int {
	var out []int
	for _, run := range r.Runs() {
		out = append(out, run.Snapshot().Step)
	}
	return out
}
