package fit

import (
	"math"
	"testing"
)

func TestHoldOut(t *testing.T) {
	d := yearsData(t)
	held := LastSpan(d.X, 10)
	train, test, err := Split(d, held)
	if err != nil {
		t.Fatal(err)
	}
	if test.Len() != 10 || train.Len() != 131 || test.X[0] != 2011 {
		t.Fatalf("held %d points from %v, trained on %d", test.Len(), test.X[0], train.Len())
	}
	pr, err := NewProblem(train, Model{Kind: Polynomial, Degree: 3, Scaling: Scaled})
	if err != nil {
		t.Fatal(err)
	}
	h := NewHoldOut(pr, test)
	w := pr.Optimum()
	want := 0.0
	for i, x := range test.X {
		r := test.Y[i] - pr.Predict(w, []float64{x})[0]
		want += r * r
	}
	if got := h.SSE(w); !near(got, want, 1e-14) {
		t.Errorf("held-out SSE %v, want %v", got, want)
	}
	if got := h.RMSE(w); !near(got, math.Sqrt(want/10), 1e-14) {
		t.Errorf("held-out RMSE %v", got)
	}
	// The exact solve sees the training points only.
	full, _ := NewProblem(d, Model{Kind: Polynomial, Degree: 3, Scaling: Scaled})
	if full.OptimumSSE() == pr.OptimumSSE() {
		t.Error("holding points out did not change the fit")
	}
}

func TestHeldSets(t *testing.T) {
	x := []float64{5, 1, 3, 3, 2}
	last := LastFraction(x, 0.4)
	want := []bool{true, false, false, true, false}
	for i := range want {
		if last[i] != want[i] {
			t.Errorf("LastFraction = %v, want %v", last, want)
			break
		}
	}
	a, b := RandomFraction(50, 0.2, 9), RandomFraction(50, 0.2, 9)
	n := 0
	for i := range a {
		if a[i] != b[i] {
			t.Fatal("the same seed held other points")
		}
		if a[i] {
			n++
		}
	}
	if n != 10 {
		t.Errorf("held %d of 50 at 20%%", n)
	}
	d := bookData(t)
	if _, _, err := Split(d, LastFraction(d.X, 1)); err == nil {
		t.Error("holding every point out was allowed")
	}
	train, test, err := Split(d, make([]bool, d.Len()))
	if err != nil || test != nil || train.Len() != 12 {
		t.Errorf("holding nothing: %v, %v, %v", train, test, err)
	}
}
