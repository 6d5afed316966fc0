package optim

import (
	"math"
	"slices"
	"testing"
)

// handQuad returns L(w) = 2(w₀+1)² + 0.5(w₁−3)², whose gradient
// (4(w₀+1), w₁−3) is (4, −3) at the starting point w = (0, 0).
func handQuad() *diagQuad {
	return &diagQuad{a: []float64{2, 0.5}, c: []float64{-1, 3}}
}

// handGrad is the gradient of handQuad, written out.
func handGrad(w []float64) []float64 {
	return []float64{4 * (w[0] + 1), w[1] - 3}
}

// mustNew returns New(k, lr) or fails the test.
func mustNew(t testing.TB, k Kind, lr float64) Optimizer {
	t.Helper()
	o, err := New(k, lr)
	if err != nil {
		t.Fatalf("New(%q, %v): %v", k, lr, err)
	}
	return o
}

// run takes n steps of o on obj from w, which it updates, and returns the
// weights after each step and the losses the steps returned. ErrConverged
// counts as a step; any other error fails the test.
func run(t testing.TB, o Optimizer, obj Objective, w []float64, n int) (ws [][]float64, losses []float64) {
	t.Helper()
	for i := range n {
		loss, err := o.Step(obj, w)
		if err != nil && err != ErrConverged {
			t.Fatalf("step %d: %v", i+1, err)
		}
		ws = append(ws, append([]float64(nil), w...))
		losses = append(losses, loss)
	}
	return ws, losses
}

// near reports whether got equals want to a relative 1e-12.
func near(got, want float64) bool {
	return math.Abs(got-want) <= 1e-12*math.Abs(want)
}

// checkNear fails the test unless got and want agree to a relative 1e-12.
func checkNear(t testing.TB, what string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: got %v, want %v", what, got, want)
	}
	for i := range want {
		if !near(got[i], want[i]) {
			t.Errorf("%s[%d] = %.17g, want %.17g", what, i, got[i], want[i])
		}
	}
}

// checkSame fails the test unless got and want are equal number by number.
func checkSame(t testing.TB, what string, got, want [][]float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d steps, want %d", what, len(got), len(want))
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("%s: step %d gave %v, want %v", what, i+1, got[i], want[i])
		}
	}
}

// gradientKinds are the kinds that follow the gradient with a learning rate.
func gradientKinds() []Kind {
	var ks []Kind
	for _, k := range Kinds() {
		if UsesLearningRate(k) {
			ks = append(ks, k)
		}
	}
	return ks
}
