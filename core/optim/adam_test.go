package optim

import (
	"math"
	"testing"
)

func TestAdamTemperatures(t *testing.T) {
	// Quartic fit of the monthly temperatures with raw powers of the month
	// and the summed squared error, from zero weights at TF1's defaults:
	// the lowest loss over steps 8,001 to 10,000 is known to be 31.014391.
	const want = 31.014391
	obj := newPolynomial(months, temps, 4)
	o := mustNew(t, Adam, 0)
	w := make([]float64, 5)
	best := math.Inf(1)
	for step := 1; step <= 10000; step++ {
		loss, err := o.Step(obj, w)
		if err != nil {
			t.Fatalf("step %d: %v", step, err)
		}
		if step > 8000 {
			best = math.Min(best, loss)
		}
	}
	if math.Abs(best-want) > 0.015*want {
		t.Errorf("lowest loss over steps 8001..10000 = %v, want %v within 1.5%%", best, want)
	}
	t.Logf("lowest loss %.6f (%.2f%% from %v), w = %v", best, 100*(best-want)/want, want, w)
}
