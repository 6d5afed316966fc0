package train

import (
	"math"
	"testing"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/optim"
)

// TestExactOnUnixSeconds checks the exact method and Solve where raw
// powers of x cannot hold the optimum: monthly values with Unix seconds as
// x. Both must land on the true optimum's SSE, the same as with scaled x,
// and never diverge.
func TestExactOnUnixSeconds(t *testing.T) {
	x := make([]float64, 120)
	y := make([]float64, 120)
	for i := range x {
		x[i] = 1.6e9 + float64(i)*2629746
		y[i] = 12 - 10*math.Cos(2*math.Pi*float64(i)/12) + 0.5*math.Sin(float64(i)*1.3)
	}
	d, err := data.New("seconds", "temperature", x, y)
	if err != nil {
		t.Fatal(err)
	}
	m := fit.Model{Kind: fit.Polynomial, Degree: 5, Scaling: fit.Raw}
	scaled, err := fit.NewProblem(d, fit.Model{Kind: fit.Polynomial, Degree: 5, Scaling: fit.Scaled})
	if err != nil {
		t.Fatal(err)
	}

	start := func(cfg Config) *Trainer {
		tr, err := New(d, cfg)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(tr.Stop)
		return tr
	}
	tr := start(Config{Model: m, Method: optim.Exact})
	tr.Advance(10)
	s := tr.Snapshot()
	if want := scaled.OptimumSSE(); math.Abs(s.Loss-want) > 1e-12*want {
		t.Errorf("exact method: loss %v, the optimum with scaled x %v", s.Loss, want)
	}
	if s.State != Done || s.Loss != s.Problem.OptimumSSE() || s.Stats.Gap != 0 {
		t.Errorf("exact method: %v, loss %v, optimum %v", s.State, s.Loss, s.Problem.OptimumSSE())
	}

	tr = start(Config{Model: m, Method: optim.Adam, Steps: 100})
	tr.Advance(50)
	tr.Solve()
	s = tr.Snapshot()
	if s.State == Diverged || s.Loss != s.Problem.OptimumSSE() || s.Stats.Gap != 0 {
		t.Errorf("after Solve: %v, loss %v, optimum %v", s.State, s.Loss, s.Problem.OptimumSSE())
	}
}
