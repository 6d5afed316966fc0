package train

import (
	"errors"
	"math"
	"runtime"
	"time"

	"tempfit/core/optim"
)

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
