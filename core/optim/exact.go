package optim

import "errors"

// ErrNotSolver is returned by the Exact optimizer's Step for an Objective
// that is not a Solver.
var ErrNotSolver = errors.New("optim: exact: objective is not a Solver")

// exact jumps to the minimum of a Solver in one step.
type exact struct {
	grad []float64
	min  []float64
}

// Step writes the minimum of obj, which must be a Solver, into w and returns
// the loss at w before the jump together with ErrConverged. If obj is not a
// Solver it returns ErrNotSolver, and if the minimum is not finite it
// returns ErrNonFinite, leaving w as it was in both cases.
func (o *exact) Step(obj Objective, w []float64) (float64, error) {
	if len(o.grad) != len(w) {
		o.grad = make([]float64, len(w))
		o.min = make([]float64, len(w))
	}
	loss := obj.LossGrad(w, o.grad)
	s, ok := obj.(Solver)
	if !ok {
		return loss, ErrNotSolver
	}
	copy(o.min, w)
	s.Minimum(o.min)
	if !finite(0, o.min) {
		return loss, ErrNonFinite
	}
	copy(w, o.min)
	return loss, ErrConverged
}

func (*exact) LearningRate() float64 { return 0 }

func (*exact) SetLearningRate(float64) {}

func (*exact) Reset() {}
