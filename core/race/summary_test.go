package race

import (
	"math"
	"testing"

	"tempfit/core/fit"
	"tempfit/core/optim"
	"tempfit/core/train"
)

func TestStepsWithin(t *testing.T) {
	s := &train.Snapshot{
		Step:    40,
		Loss:    10.005,
		Stats:   fit.Stats{OptimumSSE: 10, GapPercent: 0.05},
		History: []train.LossPoint{{Step: 0, Loss: 500}, {Step: 10, Loss: 10.2}, {Step: 20, Loss: 10.09}, {Step: 30, Loss: 10.3}},
	}
	for _, c := range []struct {
		gap  float64
		want int
	}{
		{0.05, 10},   // 10.2 is within 5%
		{0.01, 20},   // 10.09 is the first within 1%, though 10.3 follows
		{0.001, 40},  // only the current loss is within 0.1%
		{0.0001, -1}, // never
	} {
		if got := StepsWithin(s, c.gap); got != c.want {
			t.Errorf("StepsWithin(%v) = %d, want %d", c.gap, got, c.want)
		}
	}
	exact := &train.Snapshot{Loss: 0, Stats: fit.Stats{GapPercent: math.NaN()}, History: []train.LossPoint{{Step: 0, Loss: 0}}}
	if got := StepsWithin(exact, 0.01); got != -1 {
		t.Errorf("StepsWithin of an exact fit = %d, want -1", got)
	}
}

// The steps in the summary are the first at which the loss was within 1%
// and 0.1%, as a run taken one step at a time shows.
func TestSummaryMatchesStepByStep(t *testing.T) {
	spec := Spec{Method: optim.Adam, LearningRate: 0.1, Features: fit.Scaled}
	r := newRace(t, fit.BookModel(), 4000, []Spec{spec})
	r.Start()
	r.Wait()
	sum := r.Summaries()[0]

	m := fit.BookModel()
	m.Scaling = fit.Scaled
	tr, err := train.New(bookData(t), train.Config{Model: m, Method: spec.Method, LearningRate: spec.LearningRate, Steps: 4000})
	if err != nil {
		t.Fatal(err)
	}
	within1, within01 := -1, -1
	opt := tr.Snapshot().Stats.OptimumSSE
	for s := tr.Snapshot(); s.Step < 4000; s = tr.Snapshot() {
		if within1 < 0 && s.Loss <= 1.01*opt {
			within1 = s.Step
		}
		if within01 < 0 && s.Loss <= 1.001*opt {
			within01 = s.Step
		}
		tr.Advance(1)
	}
	if within01 < 0 {
		t.Fatal("the step-by-step run never came within 0.1%")
	}
	if sum.StepsWithin1Pct != within1 || sum.StepsWithinTenthPct != within01 {
		t.Errorf("summary says %d and %d steps, step by step %d and %d", sum.StepsWithin1Pct, sum.StepsWithinTenthPct, within1, within01)
	}
	if sum.State != train.Done || sum.Step != 4000 || sum.Elapsed <= 0 {
		t.Errorf("summary: %v at step %d after %v", sum.State, sum.Step, sum.Elapsed)
	}
	if math.Abs(sum.OptimumSSE-opt) > 1e-9 || sum.BestLoss > sum.Loss {
		t.Errorf("summary: optimum %v (want %v), best %v, loss %v", sum.OptimumSSE, opt, sum.BestLoss, sum.Loss)
	}
}

// The book preset tells its story: raw x never gets within 1% whatever
// Adam's rate, scaled x does, and faster at the larger rate; L-BFGS needs
// a few dozen iterations. Raw and scaled share the optimum.
func TestBookPreset(t *testing.T) {
	p, ok := LookupPreset(" Book ")
	if !ok {
		t.Fatal("no book preset")
	}
	r, err := p.New(bookData(t))
	if err != nil {
		t.Fatal(err)
	}
	r.Start()
	r.Wait()
	byLabel := make(map[string]Summary)
	for _, s := range r.Summaries() {
		byLabel[s.Label] = s
		if math.Abs(s.OptimumSSE-12.144165) > 1e-6 {
			t.Errorf("%s: optimum SSE %.7f, want 12.144165", s.Label, s.OptimumSSE)
		}
		if s.State != train.Done {
			t.Errorf("%s: %v at step %d", s.Label, s.State, s.Step)
		}
	}
	for _, label := range []string{"adam 0.001 raw", "adam 0.1 raw"} {
		if s := byLabel[label]; s.StepsWithin1Pct >= 0 || s.Step != 100000 {
			t.Errorf("%s came within 1%% at step %d (of %d)", label, s.StepsWithin1Pct, s.Step)
		}
	}
	slow, fast, lbfgs := byLabel["adam 0.001 scaled"], byLabel["adam 0.1 scaled"], byLabel["lbfgs scaled"]
	if slow.StepsWithinTenthPct < 0 || slow.StepsWithinTenthPct > 60000 {
		t.Errorf("adam 0.001 scaled came within 0.1%% at step %d, want by 60,000", slow.StepsWithinTenthPct)
	}
	if fast.StepsWithinTenthPct < 0 || fast.StepsWithinTenthPct > slow.StepsWithinTenthPct/10 {
		t.Errorf("adam 0.1 scaled came within 0.1%% at step %d, want ten times sooner than %d", fast.StepsWithinTenthPct, slow.StepsWithinTenthPct)
	}
	if lbfgs.StepsWithinTenthPct < 0 || lbfgs.StepsWithinTenthPct > 50 {
		t.Errorf("lbfgs scaled came within 0.1%% at iteration %d", lbfgs.StepsWithinTenthPct)
	}
}
