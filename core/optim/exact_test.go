package optim

import (
	"errors"
	"math"
	"testing"
)

func TestExact(t *testing.T) {
	o := mustNew(t, Exact, 0)
	w := []float64{0, 0}
	loss, err := o.Step(handQuad(), w)
	if err != ErrConverged {
		t.Fatalf("Step returned %v, want ErrConverged", err)
	}
	if loss != 6.5 {
		t.Errorf("loss before = %v, want 6.5", loss)
	}
	checkNear(t, "w", w, []float64{-1, 3})
}

func TestExactTemperatures(t *testing.T) {
	obj := newPolynomial(months, temps, 4)
	o := mustNew(t, Exact, 0)
	w := make([]float64, 5)
	g := make([]float64, 5)
	start := obj.LossGrad(w, g)
	loss, err := o.Step(obj, w)
	if err != ErrConverged || loss != start {
		t.Fatalf("Step = %v, %v; want %v, ErrConverged", loss, err, start)
	}
	least := obj.LossGrad(w, g)
	// At the least-squares minimum the residual is orthogonal to every
	// feature: the gradient vanishes to rounding against 2‖X‖‖r‖.
	for j, gj := range g {
		if math.Abs(gj) > 1e-7*math.Pow(12, float64(j)) {
			t.Errorf("gradient[%d] = %v at the exact minimum", j, gj)
		}
	}
	// No other weights do better.
	lb := mustNew(t, LBFGS, 0)
	v := make([]float64, 5)
	for range 200 {
		if _, err := lb.Step(obj, v); err != nil {
			break
		}
	}
	if other := obj.LossGrad(v, g); other < least*(1-1e-9) {
		t.Errorf("L-BFGS found loss %v below the exact minimum %v", other, least)
	}
}

func TestExactNotSolver(t *testing.T) {
	o := mustNew(t, Exact, 0)
	w := []float64{0.5, 0.5}
	notSolver := struct{ Objective }{handQuad()}
	loss, err := o.Step(notSolver, w)
	if err != ErrNotSolver {
		t.Errorf("Step on an Objective that is not a Solver returned %v, want ErrNotSolver", err)
	}
	// L(0.5, 0.5) = 2·1.5² + 0.5·2.5² = 4.5 + 3.125.
	if loss != 7.625 {
		t.Errorf("loss = %v, want 7.625", loss)
	}
	if w[0] != 0.5 || w[1] != 0.5 {
		t.Errorf("w = %v, want it unchanged", w)
	}
}

// nanSolver is a Solver whose minimum is not a number.
type nanSolver struct{ *diagQuad }

func (nanSolver) Minimum(w []float64) {
	for i := range w {
		w[i] = math.NaN()
	}
}

func TestExactNonFinite(t *testing.T) {
	o := mustNew(t, Exact, 0)
	w := []float64{0.5, 0.5}
	if _, err := o.Step(nanSolver{handQuad()}, w); !errors.Is(err, ErrNonFinite) {
		t.Errorf("Step returned %v, want ErrNonFinite", err)
	}
	if w[0] != 0.5 || w[1] != 0.5 {
		t.Errorf("w = %v, want it unchanged", w)
	}
}
