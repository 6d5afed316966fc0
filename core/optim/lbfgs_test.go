package optim

import (
	"errors"
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/optimize"
)

// lbfgsRun steps o on obj from w until it converges, for at most max steps,
// and returns the number of steps that moved w and the losses they returned.
func lbfgsRun(t *testing.T, o Optimizer, obj Objective, w []float64, max int) (int, []float64) {
	t.Helper()
	var losses []float64
	for i := range max {
		loss, err := o.Step(obj, w)
		if err == ErrConverged {
			return i, losses
		}
		if err != nil {
			t.Fatalf("step %d: %v", i+1, err)
		}
		losses = append(losses, loss)
	}
	t.Fatalf("no convergence in %d steps; w = %v", max, w)
	return 0, nil
}

func TestLBFGSIllConditioned(t *testing.T) {
	obj := newIllConditioned()
	o := mustNew(t, LBFGS, 0)
	w := make([]float64, 5)
	steps, losses := lbfgsRun(t, o, obj, w, 100)
	// Moré–Thuente with gonum's defaults (curvature 0.9) takes about 35 major
	// iterations here, against thousands for gradient descent.
	if steps > 40 {
		t.Errorf("took %d steps, want at most 40", steps)
	}
	for i := 1; i < len(losses); i++ {
		if losses[i] > losses[i-1] {
			t.Errorf("loss rose from %v to %v at step %d", losses[i-1], losses[i], i+1)
		}
	}
	for i, c := range obj.c {
		if math.Abs(w[i]-c) > 1e-9 {
			t.Errorf("w[%d] = %v, want %v", i, w[i], c)
		}
	}
	// Once converged, it stays put.
	before := append([]float64(nil), w...)
	loss, err := o.Step(obj, w)
	if err != ErrConverged || !slices.Equal(w, before) {
		t.Errorf("Step after convergence = %v, %v and moved w to %v", loss, err, w)
	}
	if math.Abs(loss-obj.f0) > 1e-12 {
		t.Errorf("loss at the minimum = %v, want %v", loss, obj.f0)
	}
}

func TestLBFGSTemperatures(t *testing.T) {
	obj := newPolynomial(months, temps, 4)
	want := make([]float64, 5)
	obj.Minimum(want)
	g := make([]float64, 5)
	least := obj.LossGrad(want, g)

	w := make([]float64, 5)
	lbfgsRun(t, mustNew(t, LBFGS, 0), obj, w, 500)
	if got := obj.LossGrad(w, g); math.Abs(got-least) > 1e-9*least {
		t.Errorf("loss = %.12g, want the least-squares minimum %.12g", got, least)
	}
}

// firstPoint returns the first point at which a step of o evaluates obj.
func firstPoint(t *testing.T, o Optimizer, obj Objective, w []float64) []float64 {
	t.Helper()
	rec := &recorder{Objective: obj}
	if _, err := o.Step(rec, w); err != nil {
		t.Fatal(err)
	}
	if len(rec.points) == 0 {
		t.Fatal("the step evaluated nothing")
	}
	return rec.points[0]
}

func TestLBFGSRestart(t *testing.T) {
	obj := newIllConditioned()
	// start returns an optimizer three steps into minimizing obj from zero.
	start := func(obj Objective) (Optimizer, []float64) {
		o := mustNew(t, LBFGS, 0)
		w := make([]float64, 5)
		run(t, o, obj, w, 3)
		return o, w
	}
	// fresh returns the first three steps of a new optimizer from w.
	fresh := func(obj Objective, w []float64) [][]float64 {
		ws, _ := run(t, mustNew(t, LBFGS, 0), obj, append([]float64(nil), w...), 3)
		return ws
	}

	t.Run("continue", func(t *testing.T) {
		rec := &recorder{Objective: obj}
		o, w := start(rec)
		g := make([]float64, 5)
		want := obj.LossGrad(w, g)
		w0 := append([]float64(nil), w...)
		rec.points = nil
		// The same objective goes on from where it was: w is not evaluated
		// again, its loss being known from the previous step.
		loss, err := o.Step(rec, w)
		if err != nil {
			t.Fatal(err)
		}
		if loss != want {
			t.Errorf("loss = %v, want %v", loss, want)
		}
		for _, p := range rec.points {
			if slices.Equal(p, w0) {
				t.Errorf("evaluated again at w = %v", w0)
			}
		}
	})
	t.Run("Reset", func(t *testing.T) {
		rec := &recorder{Objective: obj}
		o, w := start(rec)
		want := fresh(obj, w)
		w0 := append([]float64(nil), w...)
		o.Reset()
		rec.points = nil
		got, _ := run(t, o, rec, w, 3)
		if !slices.Equal(rec.points[0], w0) {
			t.Errorf("first evaluation after Reset at %v, want w = %v", rec.points[0], w0)
		}
		checkSame(t, "after Reset", got, want)
	})
	t.Run("new objective", func(t *testing.T) {
		o, w := start(obj)
		want := fresh(obj, w)
		w0 := append([]float64(nil), w...)
		other := &recorder{Objective: obj}
		got, _ := run(t, o, other, w, 3)
		if !slices.Equal(other.points[0], w0) {
			t.Errorf("first evaluation on a new objective at %v, want w = %v", other.points[0], w0)
		}
		checkSame(t, "on a new objective", got, want)
	})
	t.Run("moved weights", func(t *testing.T) {
		o, w := start(obj)
		w[2] += 0.5
		w0 := append([]float64(nil), w...)
		if p := firstPoint(t, o, obj, w); !slices.Equal(p, w0) {
			t.Errorf("first evaluation after moving w at %v, want w = %v", p, w0)
		}
	})
	t.Run("incomparable objective", func(t *testing.T) {
		rec := &recorder{Objective: obj}
		f := funcObjective(rec.LossGrad)
		// A struct of an interface compiles with == but panics at run time
		// when the interface holds a func.
		s := struct{ Objective }{f}
		for _, f := range []Objective{f, s} {
			o := mustNew(t, LBFGS, 0)
			w := make([]float64, 5)
			for range 3 {
				w0 := append([]float64(nil), w...)
				rec.points = nil
				if _, err := o.Step(f, w); err != nil {
					t.Fatal(err)
				}
				// Every step starts afresh with an evaluation at w.
				if !slices.Equal(rec.points[0], w0) {
					t.Errorf("first evaluation at %v, want w = %v", rec.points[0], w0)
				}
			}
		}
	})
}

func TestLBFGSLearningRate(t *testing.T) {
	o := mustNew(t, LBFGS, 0.5)
	o.SetLearningRate(0.1)
	if lr := o.LearningRate(); lr != 0 {
		t.Errorf("LearningRate() = %v, want 0", lr)
	}
}

func TestLBFGSNoProgress(t *testing.T) {
	// A loss that only ever rises away from w: every line search fails to
	// move, which is convergence at w.
	w := []float64{1, 2}
	obj := funcObjective(func(x, g []float64) float64 {
		g[0], g[1] = 1, 1
		if x[0] == 1 && x[1] == 2 {
			return 0
		}
		return 1
	})
	o := mustNew(t, LBFGS, 0)
	loss, err := o.Step(obj, w)
	if err != ErrConverged {
		t.Errorf("Step returned %v, want ErrConverged", err)
	}
	if w[0] != 1 || w[1] != 2 || loss != 0 {
		t.Errorf("Step moved w to %v (loss %v), want it to stay at (1, 2)", w, loss)
	}
}

func TestLBFGSUnbounded(t *testing.T) {
	// A loss without a minimum sends the line search to its largest step.
	obj := funcObjective(func(x, g []float64) float64 {
		g[0], g[1] = -1, -2
		return -x[0] - 2*x[1]
	})
	o := mustNew(t, LBFGS, 0)
	w := []float64{0, 0}
	_, err := o.Step(obj, w)
	if !errors.Is(err, optimize.ErrLinesearcherBound) {
		t.Errorf("Step returned %v, want a wrapped optimize.ErrLinesearcherBound", err)
	}
	if w[0] != 0 || w[1] != 0 {
		t.Errorf("w = %v, want it unchanged", w)
	}
}
