package gui

import (
	"math"
	"slices"
	"testing"

	"tempfit/core/train"
)

func TestThinLossesKeepsTheSpanOfTheLine(t *testing.T) {
	// A loss that falls while swinging up and down at every step, with one
	// spike.
	var history []train.LossPoint
	for i := range 10000 {
		loss := 1000/float64(i+1) + 50*float64(i%2)
		if i == 6789 {
			loss = 1e6
		}
		history = append(history, train.LossPoint{Step: 3 * i, Loss: loss})
	}
	steps, losses := thinLosses(history, 120)
	if len(steps) > 120 || len(steps) != len(losses) {
		t.Fatalf("%d steps and %d losses, want at most 120", len(steps), len(losses))
	}
	if !slices.IsSorted(steps) {
		t.Error("the steps are out of order")
	}
	if steps[0] != 0 || steps[len(steps)-1] != 3*9999 {
		t.Errorf("the line runs from step %v to %v", steps[0], steps[len(steps)-1])
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range history {
		lo, hi = math.Min(lo, p.Loss), math.Max(hi, p.Loss)
	}
	if slices.Min(losses) != lo || slices.Max(losses) != hi {
		t.Errorf("the thinned line spans %v to %v, the run %v to %v", slices.Min(losses), slices.Max(losses), lo, hi)
	}
	for i, s := range steps {
		if p := history[int(s)/3]; p.Loss != losses[i] {
			t.Errorf("point %d: loss %v at step %v, the run had %v", i, losses[i], s, p.Loss)
		}
	}

	// A short history is kept whole.
	steps, losses = thinLosses(history[:50], 120)
	if len(steps) != 50 || losses[49] != history[49].Loss {
		t.Errorf("50 points became %d", len(steps))
	}
}
