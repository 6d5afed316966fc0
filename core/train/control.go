package train

import (
	"math"
)

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
