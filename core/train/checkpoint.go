package train

import (
	"errors"
	"fmt"
	"math"

	"tempfit/core/optim"
)

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
