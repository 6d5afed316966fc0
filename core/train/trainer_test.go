package train

import (
	"errors"
	"math"
	"runtime"
	"testing"
	"time"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/optim"
)

var bookY = []float64{5.2, 5.7, 8.6, 14.9, 18.2, 20.4, 25.5, 26.4, 22.8, 17.5, 11.1, 6.6}

func months(n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = float64(i + 1)
	}
	return x
}

func bookData(t testing.TB) *data.Dataset {
	t.Helper()
	d, err := data.New("month", "temperature", months(12), bookY)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func newTrainer(t testing.TB, cfg Config) *Trainer {
	t.Helper()
	tr, err := New(bookData(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tr.Stop)
	return tr
}

func bookConfig() Config {
	return Config{Model: fit.BookModel(), Method: optim.Adam}
}

// The book printed these losses at steps 10,000 to 50,000. Adam spikes on
// this problem, so the lowest loss in the 2,000 steps before each checkpoint
// is compared, not the loss at the step itself.
func TestReproducesBook(t *testing.T) {
	book := map[int]float64{10000: 31.014391, 20000: 29.295158, 30000: 28.033054, 40000: 26.855808, 50000: 25.771938}
	tr := newTrainer(t, bookConfig())
	low := math.Inf(1)
	for step := 1; step <= 50000; step++ {
		if tr.Advance(1) != 1 {
			t.Fatalf("step %d not taken: %v", step, tr.Snapshot().State)
		}
		if step%10000 > 8000 || step%10000 == 0 {
			low = math.Min(low, tr.Snapshot().Loss)
		}
		if want, ok := book[step]; ok {
			if math.Abs(low-want)/want > 0.015 {
				t.Errorf("step %d: lowest recent loss %.6f, book %.6f", step, low, want)
			}
			low = math.Inf(1)
		}
	}
}

func TestExactMethod(t *testing.T) {
	tr := newTrainer(t, Config{Model: fit.BookModel(), Method: optim.Exact})
	tr.Advance(10)
	s := tr.Snapshot()
	if s.State != Done || s.Step != 1 {
		t.Fatalf("state %v at step %d, want done at step 1", s.State, s.Step)
	}
	if math.Abs(s.Loss-12.144165) > 5e-7 {
		t.Errorf("loss %.7f, want 12.144165", s.Loss)
	}
	if s.Stats.GapPercent > 1e-9 {
		t.Errorf("gap %v%%, want 0", s.Stats.GapPercent)
	}
}

func TestSolve(t *testing.T) {
	tr := newTrainer(t, Config{Model: fit.BookModel(), Method: optim.Adam, Steps: 1 << 30})
	tr.Start()
	waitFor(t, "progress", func(s *Snapshot) bool { return s.Step > 1000 }, tr)
	tr.Solve()
	s := tr.Snapshot()
	if s.State != Stopped || s.Step < 1000 || len(s.History) == 0 {
		t.Fatalf("after Solve: %v at step %d with %d history points", s.State, s.Step, len(s.History))
	}
	if s.Stats.GapPercent > 1e-9 || s.BestLoss != s.Loss {
		t.Errorf("after Solve the gap is %v%%, best %v, loss %v", s.Stats.GapPercent, s.BestLoss, s.Loss)
	}
	// Training goes on from the optimum and stays near it.
	tr.Advance(100)
	if g := tr.Snapshot().Stats.GapPercent; g > 50 {
		t.Errorf("100 steps after Solve the gap is %v%%", g)
	}
}

func TestScaledAdamReachesOptimum(t *testing.T) {
	m := fit.BookModel()
	m.Scaling = fit.Scaled
	tr := newTrainer(t, Config{Model: m, Method: optim.Adam, LearningRate: 0.001, Steps: 60000})
	tr.Advance(60000)
	s := tr.Snapshot()
	if s.Stats.GapPercent > 0.1 {
		t.Errorf("after %d steps the gap is %.3f%%, want < 0.1%%", s.Step, s.Stats.GapPercent)
	}
}

func TestLBFGSReachesOptimum(t *testing.T) {
	m := fit.BookModel()
	m.Scaling = fit.Scaled
	tr := newTrainer(t, Config{Model: m, Method: optim.LBFGS, Steps: 49})
	tr.Advance(49)
	s := tr.Snapshot()
	if s.Stats.GapPercent > 0.1 {
		t.Errorf("after %d iterations the gap is %.4f%%, want < 0.1%%", s.Step, s.Stats.GapPercent)
	}
}

func TestBudgetAndDone(t *testing.T) {
	tr := newTrainer(t, Config{Model: fit.BookModel(), Method: optim.Adam, Steps: 500})
	tr.Start()
	tr.Wait()
	s := tr.Snapshot()
	if s.State != Done || s.Step != 500 {
		t.Fatalf("state %v step %d, want done at 500", s.State, s.Step)
	}
	if len(s.History) != 500 || s.History[0].Step != 0 || s.History[499].Step != 499 {
		t.Errorf("history has %d points, want steps 0..499", len(s.History))
	}
	tr.Start() // finished: nothing happens
	tr.Wait()
	if tr.Snapshot().Step != 500 {
		t.Fatalf("a finished run moved on")
	}
	tr.SetBudget(700)
	tr.Start()
	tr.Wait()
	if s := tr.Snapshot(); s.State != Done || s.Step != 700 {
		t.Fatalf("after raising the budget: %v at %d, want done at 700", s.State, s.Step)
	}
}

func waitFor(t *testing.T, what string, cond func(*Snapshot) bool, tr *Trainer) *Snapshot {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		if s := tr.Snapshot(); cond(s) {
			return s
		}
		select {
		case <-tr.Updates():
		case <-time.After(5 * time.Millisecond):
		case <-deadline:
			t.Fatalf("timed out waiting for %s; last state %v at step %d", what, tr.Snapshot().State, tr.Snapshot().Step)
		}
	}
}

func TestPauseResumeStepStopReset(t *testing.T) {
	before := runtime.NumGoroutine()
	tr := newTrainer(t, Config{Model: fit.BookModel(), Method: optim.Adam, Steps: 1 << 30})
	tr.Start()
	waitFor(t, "progress", func(s *Snapshot) bool { return s.Step > 1000 }, tr)
	tr.Pause()
	s1 := waitFor(t, "pause", func(s *Snapshot) bool { return s.State == Paused }, tr)
	time.Sleep(20 * time.Millisecond)
	if s := tr.Snapshot(); s.Step != s1.Step {
		t.Fatalf("paused run moved from %d to %d", s1.Step, s.Step)
	}
	if !tr.Step() {
		t.Fatal("Step refused while paused")
	}
	if s := tr.Snapshot(); s.Step != s1.Step+1 || s.State != Paused {
		t.Fatalf("after Step: %v at %d, want paused at %d", s.State, s.Step, s1.Step+1)
	}
	tr.Resume()
	waitFor(t, "resume", func(s *Snapshot) bool { return s.Step > s1.Step+1000 }, tr)
	if tr.Step() {
		t.Error("Step accepted while running")
	}
	tr.Stop()
	s2 := tr.Snapshot()
	if s2.State != Stopped {
		t.Errorf("state after Stop = %v", s2.State)
	}
	checkGoroutines(t, "Stop", before)
	tr.Start()
	waitFor(t, "restart", func(s *Snapshot) bool { return s.Step > s2.Step }, tr)
	tr.Reset()
	s3 := tr.Snapshot()
	if s3.State != Idle || s3.Step != 0 || len(s3.History) != 0 {
		t.Fatalf("after Reset: %v at %d with %d history points", s3.State, s3.Step, len(s3.History))
	}
	for _, w := range s3.Weights {
		if w != 0 {
			t.Fatalf("weights after Reset: %v", s3.Weights)
		}
	}
	checkGoroutines(t, "Reset", before)
}

// checkGoroutines fails the test when more goroutines run than before. A
// goroutine that has closed its done channel may take a moment to exit, so
// it allows a second for the count to settle.
func checkGoroutines(t *testing.T, after string, before int) {
	t.Helper()
	for range 100 {
		if runtime.NumGoroutine() <= before {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Errorf("%d goroutines after %s, %d before", runtime.NumGoroutine(), after, before)
}

// A run with a learning-rate change after 300 steps takes the same steps as
// an optimizer stepped by hand with the same change.
func TestLearningRateChange(t *testing.T) {
	tr := newTrainer(t, bookConfig())
	tr.Advance(300)
	if err := tr.SetLearningRate(0.05); err != nil {
		t.Fatal(err)
	}
	tr.Advance(300)
	got := tr.Snapshot()
	if got.LearningRate != 0.05 {
		t.Errorf("snapshot learning rate %v", got.LearningRate)
	}

	pr, _ := fit.NewProblem(bookData(t), fit.BookModel())
	opt, _ := optim.New(optim.Adam, 0)
	w := make([]float64, 5)
	for i := range 600 {
		if i == 300 {
			opt.SetLearningRate(0.05)
		}
		opt.Step(pr, w)
	}
	for i := range w {
		if got.Weights[i] != w[i] {
			t.Fatalf("weights %v, want %v", got.Weights, w)
		}
	}
	if tr.SetLearningRate(-1) == nil || tr.SetLearningRate(math.NaN()) == nil {
		t.Error("a bad learning rate was accepted")
	}
}

func TestLearningRateChangeWhileRunning(t *testing.T) {
	tr := newTrainer(t, Config{Model: fit.BookModel(), Method: optim.Adam, Steps: 1 << 30})
	tr.Start()
	waitFor(t, "progress", func(s *Snapshot) bool { return s.Step > 100 }, tr)
	tr.SetLearningRate(0.01)
	waitFor(t, "new rate", func(s *Snapshot) bool { return s.LearningRate == 0.01 && s.State == Running }, tr)
}

func TestDataSwapWhileRunning(t *testing.T) {
	m := fit.BookModel()
	m.Scaling = fit.Scaled
	tr := newTrainer(t, Config{Model: m, Method: optim.Adam, LearningRate: 0.01, Steps: 1 << 30})
	tr.Start()
	waitFor(t, "progress", func(s *Snapshot) bool { return s.Step > 1000 }, tr)
	tr.Pause()
	before := waitFor(t, "pause", func(s *Snapshot) bool { return s.State == Paused }, tr)

	// One more month widens the x range: the scaled weights change but the
	// curve does not.
	x, y := months(13), append(append([]float64(nil), bookY...), 4.0)
	d, _ := data.New("month", "temperature", x, y)
	if err := tr.SetData(d); err != nil {
		t.Fatal(err)
	}
	after := tr.Snapshot()
	if after.Problem.Data.Len() != 13 || after.Step != before.Step {
		t.Fatalf("after swap: %d points at step %d", after.Problem.Data.Len(), after.Step)
	}
	for _, xv := range []float64{1, 6.5, 12} {
		a := before.Problem.Basis.Predict(before.Weights, xv)
		b := after.Problem.Basis.Predict(after.Weights, xv)
		if math.Abs(a-b) > 1e-9*math.Max(1, math.Abs(a)) {
			t.Errorf("curve at %v moved from %v to %v", xv, a, b)
		}
	}
	tr.Resume()
	waitFor(t, "training on new data", func(s *Snapshot) bool {
		return s.Step > after.Step+1000 && s.Problem == after.Problem
	}, tr)

	// Swapping while running, without a pause.
	for i := range 20 {
		y[12] = float64(i)
		d, _ := data.New("month", "temperature", x, y)
		if err := tr.SetData(d); err != nil {
			t.Fatal(err)
		}
	}
	s := waitFor(t, "running after swaps", func(s *Snapshot) bool { return s.Problem.Data.Y[12] == 19 }, tr)
	if s.State != Running {
		t.Errorf("state %v after swaps", s.State)
	}
	bad, _ := data.New("month", "temperature", []float64{1}, []float64{1})
	if tr.SetData(bad) != nil {
		// One point is a valid, if underdetermined, problem.
		t.Error("one point refused")
	}
}

func TestDivergence(t *testing.T) {
	for _, method := range []optim.Kind{optim.GradientDescent, optim.Momentum} {
		tr := newTrainer(t, Config{Model: fit.BookModel(), Method: method, LearningRate: 0.01, Steps: 10000})
		tr.Start()
		tr.Wait()
		s := tr.Snapshot()
		if s.State != Diverged || !errors.Is(s.Err, ErrDiverged) {
			t.Fatalf("%s: state %v, err %v; want diverged", method, s.State, s.Err)
		}
		if s.Step > 100 {
			t.Errorf("%s: diverged only at step %d", method, s.Step)
		}
		for _, w := range s.Weights {
			if math.IsNaN(w) || math.IsInf(w, 0) {
				t.Fatalf("%s: kept weights are not finite: %v", method, s.Weights)
			}
		}
		if math.IsNaN(s.Loss) || math.IsInf(s.Loss, 0) || s.Loss > 1e6*5000 {
			t.Errorf("%s: kept loss %v is not the last finite one", method, s.Loss)
		}
		if tr.Step() {
			t.Errorf("%s: a diverged run took a step", method)
		}
		// What is left can be saved and restored: no loss recorded at or
		// after the current step, a finite optimizer state.
		c := tr.Checkpoint()
		if n := len(c.History); n > 0 && c.History[n-1].Step >= c.Step {
			t.Errorf("%s: history ends at step %d, the run at %d", method, c.History[n-1].Step, c.Step)
		}
		fresh := newTrainer(t, Config{Model: fit.BookModel(), Method: method, LearningRate: 0.01})
		if err := fresh.Restore(c); err != nil {
			t.Errorf("%s: the diverged run's checkpoint does not restore: %v", method, err)
		}
	}
}

func TestPace(t *testing.T) {
	tr := newTrainer(t, Config{Model: fit.BookModel(), Method: optim.Adam, Steps: 1 << 30, Pace: 2000})
	tr.Start()
	time.Sleep(300 * time.Millisecond)
	tr.SetPace(0)
	if p := tr.Snapshot().Config.Pace; p != 0 {
		t.Errorf("snapshot pace %v after SetPace(0)", p)
	}
	waitFor(t, "full speed", func(s *Snapshot) bool { return s.Step > 100000 }, tr)
	tr.SetPace(1) // one step a second: Stop must not wait for the sleep
	start := time.Now()
	tr.Stop()
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Stop took %v", d)
	}
}

// A run saved at a checkpoint and restored into a new trainer continues
// with exactly the steps the original takes.
func TestCheckpointRestore(t *testing.T) {
	rates := map[optim.Kind]float64{optim.Adam: 0.001, optim.RMSProp: 0.001, optim.GradientDescent: 1e-10}
	for k, lr := range rates {
		cfg := Config{Model: fit.BookModel(), Method: k, LearningRate: lr}
		tr := newTrainer(t, cfg)
		tr.Advance(1000)
		c := tr.Checkpoint()
		tr.Advance(500)
		want := tr.Snapshot()

		tr2 := newTrainer(t, cfg)
		if err := tr2.Restore(c); err != nil {
			t.Fatal(err)
		}
		if s := tr2.Snapshot(); s.Step != 1000 || len(s.History) != len(c.History) || s.State != Stopped {
			t.Fatalf("%s: restored %v at step %d with %d history points", k, s.State, s.Step, len(s.History))
		}
		tr2.Advance(500)
		got := tr2.Snapshot()
		for i := range want.Weights {
			if got.Weights[i] != want.Weights[i] {
				t.Fatalf("%s: continued weights %v, want %v", k, got.Weights, want.Weights)
			}
		}
	}
	// A run that never stepped has no optimizer state, and restores.
	unstepped := newTrainer(t, bookConfig()).Checkpoint()
	if unstepped.OptimizerState != nil {
		t.Errorf("state before the first step: %v", unstepped.OptimizerState)
	}
	if err := newTrainer(t, bookConfig()).Restore(unstepped); err != nil {
		t.Errorf("restoring an unstepped run: %v", err)
	}
	tr := newTrainer(t, bookConfig())
	if tr.Restore(Checkpoint{Weights: []float64{1, 2}}) == nil {
		t.Error("wrong number of weights accepted")
	}
	if tr.Restore(Checkpoint{Weights: []float64{1, 2, 3, 4, math.NaN()}}) == nil {
		t.Error("NaN weight accepted")
	}
	if tr.Restore(Checkpoint{Weights: make([]float64, 5), OptimizerState: map[string][]float64{"m": {1}}}) == nil {
		t.Error("a state that does not fit was accepted")
	}
}

func TestHistoryThins(t *testing.T) {
	h := newHistory()
	for step := range 100000 {
		h.add(step, float64(step))
	}
	pts := h.Points()
	if len(pts) > historySize || len(pts) < historySize/2 {
		t.Fatalf("%d points kept", len(pts))
	}
	if pts[0].Step != 0 || pts[len(pts)-1].Step < 100000-2*h.stride {
		t.Errorf("points cover steps %d..%d", pts[0].Step, pts[len(pts)-1].Step)
	}
	for i := 1; i < len(pts); i++ {
		if pts[i].Step-pts[i-1].Step != h.stride {
			t.Fatalf("uneven spacing at %d: %d then %d", i, pts[i-1].Step, pts[i].Step)
		}
	}
}

func TestHeldOutMeasuredLive(t *testing.T) {
	d := bookData(t)
	held := fit.LastFraction(d.X, 0.25)
	trainSet, heldSet, err := fit.Split(d, held)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := New(trainSet, bookConfig())
	if err != nil {
		t.Fatal(err)
	}
	if s := tr.Snapshot(); s.HeldOut.N != 0 {
		t.Errorf("held out %d points before any were given", s.HeldOut.N)
	}
	tr.SetHeldOut(heldSet)
	tr.Advance(1000)
	s := tr.Snapshot()
	if s.HeldOut.N != 3 || s.Problem.Data.Len() != 9 {
		t.Fatalf("held out %d points, trained on %d", s.HeldOut.N, s.Problem.Data.Len())
	}
	want := 0.0
	curve := s.Problem.Curve(s.Weights)
	for i, x := range heldSet.X {
		r := heldSet.Y[i] - curve(x)
		want += r * r
	}
	if math.Abs(s.HeldOut.SSE-want) > 1e-9*want || math.Abs(s.HeldOut.RMSE-math.Sqrt(want/3)) > 1e-9 {
		t.Errorf("held-out SSE %v, RMSE %v; want %v", s.HeldOut.SSE, s.HeldOut.RMSE, want)
	}
	// A data swap keeps measuring the same points.
	if err := tr.SetData(trainSet); err != nil {
		t.Fatal(err)
	}
	if n := tr.Snapshot().HeldOut.N; n != 3 {
		t.Errorf("after a swap %d points are held out", n)
	}
	tr.SetHeldOut(nil)
	if n := tr.Snapshot().HeldOut.N; n != 0 {
		t.Errorf("%d points held out after clearing", n)
	}
}

// TestLossCurveEndsWhereTheRunStands checks that the loss curve ends at
// the current step with the current loss: after the exact solve, whose
// record holds only the loss before it, after Solve, and during a run.
func TestLossCurveEndsWhereTheRunStands(t *testing.T) {
	last := func(s *Snapshot) LossPoint {
		c := s.LossCurve()
		if len(c) == 0 {
			t.Fatal("no loss curve")
		}
		return c[len(c)-1]
	}

	exact := newTrainer(t, Config{Model: fit.BookModel(), Method: optim.Exact})
	if c := exact.Snapshot().LossCurve(); len(c) != 0 {
		t.Errorf("before any step: curve %v", c)
	}
	exact.Advance(1)
	s := exact.Snapshot()
	if c := s.LossCurve(); len(c) != 2 || c[0].Step != 0 || c[1] != (LossPoint{1, s.Loss}) || len(s.History) != 1 {
		t.Errorf("after the exact solve: curve %v, record %v, loss %v", c, s.History, s.Loss)
	}

	adam := newTrainer(t, bookConfig())
	adam.Advance(100)
	s = adam.Snapshot()
	if p := last(s); p != (LossPoint{100, s.Loss}) || len(s.LossCurve()) != len(s.History)+1 {
		t.Errorf("after 100 steps the curve ends at %v, want step 100 at %v", p, s.Loss)
	}
	adam.Solve()
	s = adam.Snapshot()
	if p := last(s); p.Step != 100 || p.Loss != s.Loss || math.Abs(s.Loss-12.144165) > 5e-7 {
		t.Errorf("after Solve the curve ends at %v, loss %v", p, s.Loss)
	}
}
