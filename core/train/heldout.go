package train

import (
	"tempfit/core/data"
	"tempfit/core/fit"
)

// HeldOut is how well a run's weights predict the points held out of its
// training data.
type HeldOut struct {
	N    int     // the points held out; 0 when none are
	SSE  float64 // sum of squared errors on them
	RMSE float64 // root mean squared error on them
}

// SetHeldOut measures every snapshot from now on against held, the points
// left out of the training data; nil measures none. Training is not
// changed. It may be called while training runs.
func (t *Trainer) SetHeldOut(held *data.Dataset) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.held = held
	t.holdOut = nil
	if held != nil && held.Len() > 0 {
		t.holdOut = fit.NewHoldOut(t.prob, held)
	}
	t.publish()
}

// heldOut returns the measure of the current weights on the held-out
// points. t.mu is held.
func (t *Trainer) heldOut() HeldOut {
	if t.holdOut == nil {
		return HeldOut{}
	}
	sse := t.holdOut.SSE(t.w)
	return HeldOut{N: t.held.Len(), SSE: sse, RMSE: t.holdOut.RMSE(t.w)}
}
