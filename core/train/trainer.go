// Package train runs an optimizer on a fitting problem in its own goroutine
// and publishes snapshots of its progress for readers on other goroutines.
package train

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/optim"
)

// Config says what to train and how.
type Config struct {
	Model        fit.Model
	Method       optim.Kind
	LearningRate float64 // 0 means the method's default
	Steps        int     // step budget; 0 means DefaultSteps
	Pace         float64 // steps per second; 0 means as fast as possible
}

// DefaultSteps is the book's number of steps.
const DefaultSteps = 100000

// ErrDiverged is the error of a run whose loss became NaN, infinite or grew
// a million times above its starting value.
var ErrDiverged = errors.New("the loss diverged: try a smaller learning rate or scaled x")

// divergeFactor is how far above its reference a loss must grow for the run
// to count as diverged.
const divergeFactor = 1e6

// Snapshot is the state of a run at one moment. Snapshots are never changed
// once published, so a reader may keep one as long as it likes.
type Snapshot struct {
	Seq            uint64 // increases with every snapshot published
	State          State
	Err            error // why the run diverged or failed
	Step, Budget   int
	Loss           float64 // SSE at the current weights
	BestLoss       float64 // the lowest SSE seen so far
	Stats          fit.Stats
	Weights        []float64 // in the model's own features
	Raw            []float64 // coefficients in the user's x
	LearningRate   float64
	StepsPerSecond float64
	Elapsed        time.Duration // time spent running
	History        []LossPoint
	HeldOut        HeldOut      // the weights measured on the points held out of training
	Problem        *fit.Problem // the problem the weights belong to
	Config         Config
	Path           []PathPoint // the weights at the recorded steps before Step
}

// Trainer trains one model on one data set. All its methods are safe to call
// from any goroutine.
type Trainer struct {
	mu   sync.Mutex
	cond *sync.Cond // signalled when pause or stop requests change

	cfg     Config
	prob    *fit.Problem
	opt     optim.Optimizer
	w       []float64 // current weights
	prev    []float64 // the weights one step before w
	spare   []float64
	step    int
	best    float64
	limit   float64 // a loss above this is divergence
	hist    History
	held    *data.Dataset // the points held out of training, or nil
	holdOut *fit.HoldOut  // measures weights on them, or nil
	state   State
	err     error

	running bool          // the goroutine is alive
	paused  bool          // the goroutine should wait
	stopReq bool          // the goroutine should end
	done    chan struct{} // closed when the goroutine ends
	wake    chan struct{} // interrupts a pacing sleep

	elapsed   time.Duration
	since     time.Time // start of the current running stretch
	paceStart time.Time
	paceStep  int
	rateTime  time.Time
	rateStep  int
	rate      float64

	seq       uint64
	published time.Time
	latest    atomic.Pointer[Snapshot]
	updates   chan struct{}

	path Path // the weights along the way, recorded with hist
}

// New returns an idle Trainer for d and cfg with all weights zero.
func New(d *data.Dataset, cfg Config) (*Trainer, error) {
	if cfg.Steps <= 0 {
		cfg.Steps = DefaultSteps
	}
	prob, err := fit.NewProblem(d, cfg.Model)
	if err != nil {
		return nil, err
	}
	opt, err := optim.New(cfg.Method, cfg.LearningRate)
	if err != nil {
		return nil, err
	}
	cfg.LearningRate = opt.LearningRate()
	p := prob.NumParams()
	t := &Trainer{
		cfg:     cfg,
		prob:    prob,
		opt:     opt,
		w:       make([]float64, p),
		prev:    make([]float64, p),
		spare:   make([]float64, p),
		hist:    newHistory(),
		path:    newPath(),
		best:    math.Inf(1),
		wake:    make(chan struct{}, 1),
		updates: make(chan struct{}, 1),
	}
	t.cond = sync.NewCond(&t.mu)
	t.setLimit()
	t.publish()
	return t, nil
}

// setLimit sets the divergence threshold from the loss at zero weights and
// the loss now, whichever is larger.
func (t *Trainer) setLimit() {
	zero := 0.0
	for _, y := range t.prob.Data.Y {
		zero += y * y
	}
	ref := math.Max(zero, t.prob.QuickLoss(t.w))
	t.limit = divergeFactor * math.Max(ref, math.SmallestNonzeroFloat64)
}

// Snapshot returns the latest published snapshot. It never blocks training.
func (t *Trainer) Snapshot() *Snapshot { return t.latest.Load() }

// Updates returns a channel that receives a value after a snapshot is
// published (at most one is buffered, so a slow reader misses none of the
// latest state and never slows training).
func (t *Trainer) Updates() <-chan struct{} { return t.updates }

// Start begins training in a new goroutine, or resumes a paused run. It does
// nothing when the run is finished or already running.
func (t *Trainer) Start() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.running {
		t.resumeLocked()
		return
	}
	if t.step >= t.cfg.Steps {
		t.state = Done
	}
	if t.state.Finished() {
		t.publish()
		return
	}
	t.running, t.paused, t.stopReq = true, false, false
	t.done = make(chan struct{})
	t.startClock()
	t.state = Running
	t.publish()
	go t.run(t.done)
}

// Pause makes a running run wait. Step still works while paused.
func (t *Trainer) Pause() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.running || t.paused {
		return
	}
	t.paused = true
	t.stopClock()
	t.state = Paused
	t.poke()
	t.publish()
}

// Resume continues a paused run.
func (t *Trainer) Resume() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.resumeLocked()
}

func (t *Trainer) resumeLocked() {
	if !t.running || !t.paused {
		return
	}
	t.paused = false
	t.startClock()
	t.state = Running
	t.cond.Broadcast()
	t.publish()
}

// Step takes a single step when the run is not running (idle, paused or
// stopped) and reports whether it did.
func (t *Trainer) Step() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.running && !t.paused {
		return false
	}
	if t.state == Diverged || t.state == Failed || t.converged() {
		return false
	}
	if t.step >= t.cfg.Steps {
		t.cfg.Steps = t.step + 1
	}
	t.state = Paused
	t.steps(1)
	t.publish()
	return true
}

// Advance takes up to n steps on the calling goroutine, exactly as the
// training goroutine does, and returns the number taken. It is how the CLI
// and the benchmarks train; it does nothing while the goroutine runs.
func (t *Trainer) Advance(n int) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.running || t.state.Finished() {
		return 0
	}
	start := t.step
	t.startClock()
	t.state = Running
	t.steps(n)
	t.stopClock()
	if t.state == Running {
		t.state = Paused
	}
	t.publish()
	return t.step - start
}

// Stop ends the training goroutine, keeping the weights, and returns once it
// has exited.
func (t *Trainer) Stop() {
	t.mu.Lock()
	if !t.running {
		t.mu.Unlock()
		return
	}
	t.stopReq = true
	t.cond.Broadcast()
	t.poke()
	done := t.done
	t.mu.Unlock()
	<-done
}

// Wait blocks until the training goroutine, if any, has ended.
func (t *Trainer) Wait() {
	t.mu.Lock()
	done := t.done
	t.mu.Unlock()
	if done != nil {
		<-done
	}
}

// Reset stops the run and sets the weights to zero, the step to 0 and the
// optimizer to its initial state.
func (t *Trainer) Reset() {
	t.Stop()
	t.mu.Lock()
	defer t.mu.Unlock()
	clear(t.w)
	t.opt.Reset()
	t.step = 0
	t.best = math.Inf(1)
	t.hist = newHistory()
	t.path = newPath()
	t.state, t.err = Idle, nil
	t.elapsed, t.rate = 0, 0
	t.setLimit()
	t.publish()
}

// SetLearningRate changes the learning rate from the next step on.
func (t *Trainer) SetLearningRate(lr float64) error {
	if !(lr > 0) || math.IsInf(lr, 0) {
		return fmt.Errorf("learning rate %v must be a positive number", lr)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.opt.SetLearningRate(lr)
	t.cfg.LearningRate = t.opt.LearningRate()
	t.publish()
	return nil
}

// SetPace sets the speed in steps per second; 0 means as fast as possible.
func (t *Trainer) SetPace(stepsPerSecond float64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.cfg.Pace = math.Max(stepsPerSecond, 0)
	t.paceStart, t.paceStep = time.Now(), t.step
	t.poke()
	t.publish()
}

// SetBudget sets the total number of steps. A run that was done because its
// budget ran out may then be started again.
func (t *Trainer) SetBudget(steps int) {
	if steps <= 0 {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.cfg.Steps = steps
	if t.state == Done && t.step < steps && !t.converged() {
		t.state = Stopped
	}
	t.publish()
}

// converged reports whether the optimizer said the weights are optimal.
func (t *Trainer) converged() bool { return errors.Is(t.err, optim.ErrConverged) }

// SetData swaps in a new data set, keeping the fitted curve: the weights stay
// as they are, or for a polynomial in scaled x whose x range changed, are
// re-expressed so the curve is the same. Training goes on if it was running.
func (t *Trainer) SetData(d *data.Dataset) error {
	prob, err := fit.NewProblem(d, t.cfg.Model)
	if err != nil {
		return err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if prob.Basis != t.prob.Basis {
		copy(t.w, prob.Basis.FromRaw(t.prob.Basis.RawCoefficients(t.w)))
		t.path = newPath() // its weights belong to the old features
	}
	t.prob = prob
	if t.held != nil {
		t.holdOut = fit.NewHoldOut(prob, t.held)
	}
	copy(t.prev, t.w)
	t.best = prob.QuickLoss(t.w)
	t.setLimit()
	if t.state == Done && t.converged() {
		// The optimum moved with the data.
		t.state, t.err = Stopped, nil
	}
	t.publish()
	return nil
}

// Solve stops the run and sets the weights to the exact least-squares
// solution, keeping the step and the loss history; the optimizer starts
// afresh from there if training goes on.
func (t *Trainer) Solve() {
	t.Stop()
	t.mu.Lock()
	defer t.mu.Unlock()
	t.prob.Minimum(t.w)
	copy(t.prev, t.w)
	t.opt.Reset()
	t.best = math.Min(t.best, t.prob.QuickLoss(t.w))
	t.state, t.err = Stopped, nil
	if t.step == 0 {
		t.state = Idle
	}
	t.setLimit()
	t.publish()
}

// Checkpoint is what it takes to continue a run later exactly where it
// stopped.
type Checkpoint struct {
	Weights        []float64
	Step           int
	History        []LossPoint
	OptimizerState map[string][]float64 // nil for optimizers without state
}

// Checkpoint returns a consistent copy of the run's progress. It may be
// called while training runs.
func (t *Trainer) Checkpoint() Checkpoint {
	t.mu.Lock()
	defer t.mu.Unlock()
	c := Checkpoint{
		Weights: append([]float64(nil), t.w...),
		Step:    t.step,
		History: t.hist.Points(),
	}
	if st, ok := t.opt.(optim.Stateful); ok {
		c.OptimizerState = st.State()
	}
	return c
}

// Restore continues from a checkpoint, for example one read from a saved
// project. The run must not be running. An optimizer state that does not fit
// is an error; a missing one starts the optimizer afresh.
func (t *Trainer) Restore(c Checkpoint) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.running {
		return errors.New("cannot restore while training runs")
	}
	if len(c.Weights) != len(t.w) {
		return fmt.Errorf("%d weights given, the model has %d", len(c.Weights), len(t.w))
	}
	for i, v := range c.Weights {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("weight %d is not a finite number", i)
		}
	}
	t.opt.Reset()
	if st, ok := t.opt.(optim.Stateful); ok && len(c.OptimizerState) > 0 {
		if err := st.SetState(c.OptimizerState, len(t.w)); err != nil {
			return err
		}
	}
	copy(t.w, c.Weights)
	copy(t.prev, c.Weights)
	t.step = max(c.Step, 0)
	t.hist.restore(c.History)
	t.path = newPath()
	t.best = t.prob.QuickLoss(t.w)
	for _, p := range c.History {
		t.best = math.Min(t.best, p.Loss)
	}
	t.state, t.err = Stopped, nil
	if t.step == 0 {
		t.state = Idle
	}
	t.setLimit()
	t.publish()
	return nil
}

// run is the training goroutine.
func (t *Trainer) run(done chan struct{}) {
	defer close(done)
	yielded := time.Now()
	for {
		t.mu.Lock()
		for t.paused && !t.stopReq {
			t.cond.Wait()
		}
		if t.stopReq {
			t.finish(Stopped)
			t.mu.Unlock()
			return
		}
		t.steps(t.batch())
		if t.state != Running {
			t.finish(t.state)
			t.mu.Unlock()
			return
		}
		if time.Since(t.published) >= publishEvery {
			t.publish()
		}
		wait := t.paceWait()
		t.mu.Unlock()
		if wait <= 0 && time.Since(yielded) >= yieldEvery {
			// Give the processor to the other runs and to the window.
			runtime.Gosched()
			yielded = time.Now()
		}
		if wait > 0 {
			timer := time.NewTimer(wait)
			select {
			case <-timer.C:
			case <-t.wake:
				timer.Stop()
			}
		}
	}
}

// finish ends the goroutine's run in state s. t.mu is held.
func (t *Trainer) finish(s State) {
	t.running, t.paused, t.stopReq = false, false, false
	t.stopClock()
	t.state = s
	t.publish()
}

// publishEvery is the shortest time between two snapshots while running.
const publishEvery = 10 * time.Millisecond

// yieldEvery is the longest a run keeps the processor before offering it.
const yieldEvery = time.Millisecond

// maxBatch is the most steps taken between two looks at the controls.
const maxBatch = 256

// batch returns how many steps to take before looking at the controls
// again: all that fit in about 10 ms at the pace, at most maxBatch.
func (t *Trainer) batch() int {
	n := maxBatch
	if t.cfg.Pace > 0 {
		n = int(math.Ceil(t.cfg.Pace / 100))
	}
	return max(1, min(n, maxBatch, t.cfg.Steps-t.step))
}

// paceWait returns how long to sleep to keep to the pace.
func (t *Trainer) paceWait() time.Duration {
	if t.cfg.Pace <= 0 {
		return 0
	}
	if t.paceStart.IsZero() || t.step < t.paceStep {
		t.paceStart, t.paceStep = time.Now(), t.step
	}
	due := t.paceStart.Add(time.Duration(float64(t.step-t.paceStep) / t.cfg.Pace * float64(time.Second)))
	return time.Until(due)
}

// poke interrupts a pacing sleep.
func (t *Trainer) poke() {
	select {
	case t.wake <- struct{}{}:
	default:
	}
}

// steps takes up to n optimizer steps. t.mu is held. It records the loss of
// every step (the loss at the weights before the step's update) and stops
// early when the run is done, diverges or fails.
func (t *Trainer) steps(n int) {
	for range n {
		if t.step >= t.cfg.Steps {
			t.state = Done
			return
		}
		copy(t.spare, t.w)
		loss, err := t.opt.Step(t.prob, t.w)
		if err != nil && !errors.Is(err, optim.ErrConverged) {
			if errors.Is(err, optim.ErrNonFinite) {
				t.diverge()
			} else {
				copy(t.w, t.spare)
				t.state, t.err = Failed, err
			}
			return
		}
		if !(loss <= t.limit) {
			t.diverge()
			return
		}
		t.prev, t.spare = t.spare, t.prev
		t.hist.add(t.step, loss)
		t.path.add(t.step, t.prev)
		if loss < t.best {
			t.best = loss
		}
		t.step++
		if err != nil {
			t.state, t.err = Done, err
			return
		}
	}
	if t.step >= t.cfg.Steps {
		t.state = Done
	}
}

// diverge ends the run as diverged. The loss of the weights before the step
// just taken was already off, so it goes back one step more, to the last
// weights whose loss was finite and in bounds.
//
// The optimizer's accumulators took in the exploding gradients, so they are
// reset, and the loss recorded for the step gone back to is dropped: the
// history holds only steps before the current one.
func (t *Trainer) diverge() {
	copy(t.w, t.prev)
	t.step = max(t.step-1, 0)
	t.hist.truncate(t.step)
	t.path.truncate(t.step)
	t.opt.Reset()
	t.state, t.err = Diverged, ErrDiverged
}

func (t *Trainer) startClock() {
	now := time.Now()
	t.since = now
	t.rateTime, t.rateStep = now, t.step
	t.paceStart, t.paceStep = now, t.step
}

func (t *Trainer) stopClock() {
	if !t.since.IsZero() {
		t.elapsed += time.Since(t.since)
		t.since = time.Time{}
	}
}

// residualRows is the most rows for which every snapshot's loss is computed
// from the residuals.
const residualRows = 10000

// publish makes a new snapshot the latest. t.mu is held.
func (t *Trainer) publish() {
	now := time.Now()
	elapsed := t.elapsed
	if !t.since.IsZero() {
		elapsed += now.Sub(t.since)
		if dt := now.Sub(t.rateTime); dt >= 250*time.Millisecond {
			t.rate = float64(t.step-t.rateStep) / dt.Seconds()
			t.rateTime, t.rateStep = now, t.step
		}
	}
	if elapsed > 0 && t.rate == 0 {
		t.rate = float64(t.step) / elapsed.Seconds()
	}
	// The loss from the residuals costs O(n); while a large data set
	// trains, the O(p²) quadratic form stands in for it.
	var loss float64
	if t.state == Running && t.prob.Data.Len() > residualRows {
		loss = t.prob.QuickLoss(t.w)
	} else {
		loss = t.prob.SSE(t.w)
	}
	t.seq++
	s := &Snapshot{
		Seq:            t.seq,
		State:          t.state,
		Err:            t.err,
		Step:           t.step,
		Budget:         t.cfg.Steps,
		Loss:           loss,
		BestLoss:       math.Min(t.best, loss),
		Stats:          t.prob.StatsFor(loss),
		Weights:        append([]float64(nil), t.w...),
		Raw:            t.prob.Basis.RawCoefficients(t.w),
		LearningRate:   t.opt.LearningRate(),
		StepsPerSecond: t.rate,
		Elapsed:        elapsed,
		History:        t.hist.Points(),
		HeldOut:        t.heldOut(),
		Problem:        t.prob,
		Config:         t.cfg,
		Path:           t.path.Points(),
	}
	if errors.Is(s.Err, optim.ErrConverged) {
		s.Err = nil
	}
	t.latest.Store(s)
	t.published = now
	select {
	case t.updates <- struct{}{}:
	default:
	}
}
