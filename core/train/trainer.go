// Package train runs an optimizer on a fitting problem in its own goroutine
// and publishes snapshots of its progress for readers on other goroutines.
package train

import (
	"errors"
	"math"
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
