package race

import (
	"errors"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"tempfit/core/fit"
	"tempfit/core/optim"
	"tempfit/core/train"
)

func TestNewRunsStartTogether(t *testing.T) {
	specs, err := ParseSpecs("adam,sgd:0.0001,lbfgs", "raw,scaled")
	if err != nil {
		t.Fatal(err)
	}
	r := newRace(t, fit.BookModel(), 1000, specs)
	runs := r.Runs()
	want := []string{"adam 0.001 raw", "adam 0.001 scaled", "sgd 0.0001 raw", "sgd 0.0001 scaled", "lbfgs raw", "lbfgs scaled"}
	if len(runs) != len(want) {
		t.Fatalf("%d runs, want %d", len(runs), len(want))
	}
	for i, run := range runs {
		s := run.Snapshot()
		if run.ID != i || run.Label != want[i] {
			t.Errorf("run %d: ID %d label %q, want %d %q", i, run.ID, run.Label, i, want[i])
		}
		if s.State != train.Idle || s.Step != 0 || s.Budget != 1000 {
			t.Errorf("%s: %v at step %d of %d, want idle at 0 of 1000", run.Label, s.State, s.Step, s.Budget)
		}
		if !slices.Equal(s.Weights, make([]float64, 5)) {
			t.Errorf("%s starts at %v, not at zero", run.Label, s.Weights)
		}
		if s.Config.Model.Scaling != run.Spec.Features || s.Config.Method != run.Spec.Method {
			t.Errorf("%s trains %v with %v", run.Label, s.Config.Model, s.Config.Method)
		}
	}
}

func TestNewRefuses(t *testing.T) {
	seasonal := fit.Model{Kind: fit.Seasonal, Harmonics: 2, Period: 12}
	for _, c := range []struct {
		name  string
		model fit.Model
		specs []Spec
	}{
		{"scaled seasonal", seasonal, []Spec{{Method: optim.Adam, Features: fit.Scaled}}},
		{"same run twice", fit.BookModel(), []Spec{{Method: optim.Adam}, {Method: optim.Adam, LearningRate: 0.001}}},
		{"bad model", fit.Model{Kind: fit.Polynomial, Degree: 99, Scaling: fit.Raw}, []Spec{{Method: optim.Adam}}},
		{"unknown optimizer", fit.BookModel(), []Spec{{Method: "newton"}}},
		{"too many runs", fit.BookModel(), sameCost(MaxRuns + 1)},
	} {
		if _, err := New(bookData(t), c.model, 10, c.specs); err == nil {
			t.Errorf("%s: no error", c.name)
		}
	}
	// The seasonal model takes runs that name no scaling, or raw.
	r := newRace(t, seasonal, 10, []Spec{{Method: optim.Adam}, {Method: optim.RMSProp, Features: fit.Raw}})
	if got := r.Runs()[0].Label; got != "adam 0.001" {
		t.Errorf("seasonal run label %q, want %q", got, "adam 0.001")
	}
}

// Five runs that cost the same per step take about as many steps in the
// same time: the runs share the processor fairly.
func TestFairness(t *testing.T) {
	r := newRace(t, fit.BookModel(), 1<<30, sameCost(5))
	r.Start()
	waitUntil(t, "2,000,000 steps in all", func() bool {
		total := 0
		for _, n := range steps(r) {
			total += n
		}
		return total >= 2_000_000
	})
	r.Pause()
	got := steps(r)
	lo, hi := slices.Min(got), slices.Max(got)
	if float64(lo) < 0.5*float64(hi) {
		t.Errorf("steps per run %v: the slowest took %.2f of the fastest's steps, want at least 0.5", got, float64(lo)/float64(hi))
	}
}

func TestStopOneRun(t *testing.T) {
	r := newRace(t, fit.BookModel(), 1<<30, sameCost(3))
	r.Start()
	waitUntil(t, "progress", func() bool { return slices.Min(steps(r)) > 100 })
	stopped := r.Runs()[1]
	if err := r.StopRun(stopped.ID); err != nil {
		t.Fatal(err)
	}
	s := stopped.Snapshot()
	if s.State != train.Stopped {
		t.Fatalf("stopped run is %v", s.State)
	}
	before := steps(r)
	waitUntil(t, "the others to go on", func() bool {
		now := steps(r)
		return now[0] > before[0]+1000 && now[2] > before[2]+1000
	})
	if got := stopped.Snapshot().Step; got != s.Step {
		t.Errorf("the stopped run moved from step %d to %d", s.Step, got)
	}
	// Start all continues the stopped run too.
	r.Start()
	waitUntil(t, "the stopped run to go on", func() bool { return stopped.Snapshot().Step > s.Step })
}

func TestPauseOneRun(t *testing.T) {
	r := newRace(t, fit.BookModel(), 1<<30, sameCost(2))
	r.Start()
	paused := r.Runs()[0]
	if err := r.PauseRun(paused.ID); err != nil {
		t.Fatal(err)
	}
	at := paused.Snapshot().Step
	waitUntil(t, "the other run to go on", func() bool { return r.Runs()[1].Snapshot().Step > at+5000 })
	if s := paused.Snapshot(); s.State != train.Paused || s.Step != at {
		t.Errorf("paused run: %v at step %d, want paused at %d", s.State, s.Step, at)
	}
	paused.Trainer.Resume()
	waitUntil(t, "the paused run to resume", func() bool { return paused.Snapshot().Step > at })
}

func TestDropOneRun(t *testing.T) {
	r := newRace(t, fit.BookModel(), 1<<30, sameCost(3))
	r.Start()
	dropped := r.Runs()[1]
	if err := r.Drop(dropped.ID); err != nil {
		t.Fatal(err)
	}
	if s := dropped.Snapshot(); s.State != train.Stopped {
		t.Errorf("dropped run is %v, want stopped", s.State)
	}
	var ids []int
	for _, run := range r.Runs() {
		ids = append(ids, run.ID)
	}
	if !slices.Equal(ids, []int{0, 2}) {
		t.Errorf("run IDs after the drop: %v, want [0 2]", ids)
	}
	if r.Run(dropped.ID) != nil {
		t.Error("Run finds the dropped run")
	}
	if err := r.Drop(dropped.ID); !errors.Is(err, ErrNoRun) {
		t.Errorf("second Drop: %v, want ErrNoRun", err)
	}
	before := steps(r)
	waitUntil(t, "the others to go on", func() bool {
		now := steps(r)
		return now[0] > before[0] && now[1] > before[1]
	})
	// A new run takes the next ID, never a dropped one.
	run, err := r.Add(Spec{Method: optim.LBFGS, Features: fit.Scaled})
	if err != nil {
		t.Fatal(err)
	}
	if run.ID != 3 {
		t.Errorf("added run has ID %d, want 3", run.ID)
	}
}

func TestRestart(t *testing.T) {
	r := newRace(t, fit.BookModel(), 1<<30, sameCost(2))
	r.Start()
	waitUntil(t, "progress", func() bool { return r.Runs()[0].Snapshot().Step > 5000 })
	run := r.Runs()[0]
	if err := r.PauseRun(run.ID); err != nil {
		t.Fatal(err)
	}
	if err := r.Restart(run.ID); err != nil {
		t.Fatal(err)
	}
	s := run.Snapshot()
	if s.State != train.Running || s.Step > 5000 {
		t.Errorf("restarted run: %v at step %d", s.State, s.Step)
	}
	if err := r.Restart(99); !errors.Is(err, ErrNoRun) {
		t.Errorf("Restart of no run: %v, want ErrNoRun", err)
	}
}

// Many goroutines drive one race at once, as a window and a command line
// might; the race detector and the leak check at the end watch.
func TestConcurrentControl(t *testing.T) {
	r := newRace(t, fit.BookModel(), 1<<30, sameCost(4))
	r.Start()
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(g), 7))
			for range 200 {
				runs := r.Runs()
				if len(runs) == 0 {
					return
				}
				run := runs[rng.IntN(len(runs))]
				// A run dropped by another goroutine meanwhile is left
				// alone: its trainer would start again, out of the race.
				switch rng.IntN(8) {
				case 0:
					_ = r.PauseRun(run.ID)
				case 1:
					_ = r.StartRun(run.ID)
				case 2:
					_ = r.StopRun(run.ID)
				case 3:
					_ = r.Restart(run.ID)
				case 4:
					if rng.IntN(4) == 0 {
						_ = r.Drop(run.ID)
					}
				case 5:
					_, _ = r.Add(Spec{Method: optim.RMSProp, LearningRate: 0.001 * float64(1+rng.IntN(50)), Features: fit.Scaled})
				case 6:
					r.Start()
				default:
					for _, s := range r.Summaries() {
						if s.Step < 0 || s.Step > s.Budget {
							t.Errorf("%s: step %d of %d", s.Label, s.Step, s.Budget)
						}
					}
				}
			}
		})
	}
	wg.Wait()
	r.Stop()
	for _, run := range r.Runs() {
		if s := run.Snapshot(); s.State == train.Running {
			t.Errorf("%s still running after Stop", run.Label)
		}
	}
}

func TestSetData(t *testing.T) {
	r := newRace(t, fit.BookModel(), 100, []Spec{{Method: optim.Adam, Features: fit.Raw}, {Method: optim.Adam, Features: fit.Scaled}})
	d := bookData(t)
	d.Y[0] = 30
	if err := r.SetData(d); err != nil {
		t.Fatal(err)
	}
	for _, run := range r.Runs() {
		if got := run.Snapshot().Problem.Data.Y[0]; got != 30 {
			t.Errorf("%s fits y[0] = %v after SetData", run.Label, got)
		}
	}
	added, err := r.Add(Spec{Method: optim.LBFGS, Features: fit.Scaled})
	if err != nil {
		t.Fatal(err)
	}
	if got := added.Snapshot().Problem.Data.Y[0]; got != 30 {
		t.Errorf("a run added after SetData fits y[0] = %v", got)
	}
	if err := r.SetData(nil); err == nil {
		t.Error("SetData(nil) gave no error")
	}
}

// TestRunControlsLeaveDroppedRunsAlone checks that the race's controls
// of one run refuse a run that has left the race, whose trainer would
// otherwise start again with nothing to stop it.
func TestRunControlsLeaveDroppedRunsAlone(t *testing.T) {
	r := newRace(t, fit.BookModel(), 1<<30, sameCost(2))
	runs := r.Runs()
	if err := r.StartRun(runs[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := r.PauseRun(runs[0].ID); err != nil || runs[0].Snapshot().State != train.Paused {
		t.Errorf("PauseRun: %v, state %v", err, runs[0].Snapshot().State)
	}
	if err := r.StopRun(runs[0].ID); err != nil || runs[0].Snapshot().State != train.Stopped {
		t.Errorf("StopRun: %v, state %v", err, runs[0].Snapshot().State)
	}
	if err := r.Drop(runs[1].ID); err != nil {
		t.Fatal(err)
	}
	for name, control := range map[string]func(int) error{"StartRun": r.StartRun, "PauseRun": r.PauseRun, "StopRun": r.StopRun} {
		if err := control(runs[1].ID); !errors.Is(err, ErrNoRun) {
			t.Errorf("%s of a dropped run: %v, want ErrNoRun", name, err)
		}
	}
	if s := runs[1].Snapshot(); s.State == train.Running {
		t.Error("the dropped run runs")
	}
}

// TestEndStopsForGood checks that an ended race keeps its runs' results
// but starts nothing again.
func TestEndStopsForGood(t *testing.T) {
	r := newRace(t, fit.BookModel(), 1<<30, sameCost(3))
	r.Start()
	waitUntil(t, "progress", func() bool { return slices.Min(steps(r)) > 100 })
	r.End()
	r.Start()
	run := r.Runs()[0]
	if err := r.StartRun(run.ID); !errors.Is(err, ErrEnded) {
		t.Errorf("StartRun after End: %v", err)
	}
	if err := r.Restart(run.ID); !errors.Is(err, ErrEnded) {
		t.Errorf("Restart after End: %v", err)
	}
	if _, err := r.Add(Spec{Method: optim.Adam, LearningRate: 0.01, Features: fit.Raw}); !errors.Is(err, ErrEnded) {
		t.Errorf("Add after End: %v", err)
	}
	for _, run := range r.Runs() {
		if s := run.Snapshot(); s.State != train.Stopped || s.Step == 0 {
			t.Errorf("%s after End: %v at step %d", run.Label, s.State, s.Step)
		}
	}
}
