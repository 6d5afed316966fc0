package chart

import (
	"slices"
	"testing"

	"gonum.org/v1/plot"
)

// TestLossStepAxis checks that a loss chart's step axis never shows
// negative or fractional steps, even for the single step of an exact solve.
func TestLossStepAxis(t *testing.T) {
	for _, test := range []struct {
		name       string
		steps      []float64
		lo, hi     float64
		wantLabels []string
	}{
		{"the exact solve's one step", []float64{0}, 0, 1, []string{"0", "1"}},
		{"one step later on", []float64{5}, 4, 6, []string{"4", "5", "6"}},
		{"two steps", []float64{0, 1}, 0, 1, []string{"0", "1"}},
	} {
		losses := make([]float64, len(test.steps))
		for i := range losses {
			losses[i] = 10 - float64(i)
		}
		for _, p := range []func() (lo, hi float64, labels []string){
			func() (float64, float64, []string) {
				p, err := LossPlot(Loss{Steps: test.steps, Losses: losses, Optimum: 5})
				if err != nil {
					t.Fatal(err)
				}
				return p.X.Min, p.X.Max, majorLabels(p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max))
			},
			func() (float64, float64, []string) {
				p, err := RaceLossPlot(RaceLoss{Runs: []RaceRun{{Label: "a", Steps: test.steps, Losses: losses}}, Optimum: 5})
				if err != nil {
					t.Fatal(err)
				}
				return p.X.Min, p.X.Max, majorLabels(p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max))
			},
		} {
			lo, hi, labels := p()
			if lo != test.lo || hi != test.hi || !slices.Equal(labels, test.wantLabels) {
				t.Errorf("%s: steps %v to %v labelled %q, want %v to %v labelled %q", test.name, lo, hi, labels, test.lo, test.hi, test.wantLabels)
			}
		}
	}
}

// majorLabels returns the labels of the labelled ticks.
func majorLabels(ticks []plot.Tick) []string {
	var labels []string
	for _, tk := range ticks {
		if !tk.IsMinor() {
			labels = append(labels, tk.Label)
		}
	}
	return labels
}
