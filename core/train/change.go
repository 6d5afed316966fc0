package train

import (
	"errors"
	"fmt"
	"math"
	"time"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/optim"
)

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
