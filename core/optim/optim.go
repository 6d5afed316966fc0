// Package optim holds the iterative optimizers Tempfit trains with: the
// update rules of TensorFlow 1's GradientDescent, Momentum, Adagrad, RMSProp
// and Adam optimizers, L-BFGS from gonum/optimize, and a one-step exact solve.
package optim

import "errors"

// Objective is a differentiable loss of a weight vector.
type Objective interface {
	// LossGrad returns the loss at w and writes its gradient into grad,
	// which has the length of w.
	LossGrad(w, grad []float64) float64
}

// Solver is an Objective that knows its own minimum.
type Solver interface {
	Objective
	// Minimum writes a minimizer of the loss into w.
	Minimum(w []float64)
}

// Optimizer moves weights step by step to lower an Objective.
//
// Step may be called with a different Objective from one call to the next
// (the data changed while training); an optimizer whose state does not carry
// over to a new objective starts afresh when it sees one. A step on weights
// of another length than the previous step's also starts afresh.
//
// An Optimizer is not safe for concurrent use.
type Optimizer interface {
	// Step updates w in place by one iteration on obj and returns the loss
	// at w as it was before the step. It returns ErrConverged once w is at a
	// minimum and further steps cannot change it.
	Step(obj Objective, w []float64) (loss float64, err error)
	// LearningRate returns the current learning rate (0 where none is used).
	LearningRate() float64
	// SetLearningRate changes the learning rate from the next step on. A
	// rate that is not positive (or NaN) restores the default of the
	// optimizer's kind; optimizers without a learning rate ignore it.
	SetLearningRate(lr float64)
	// Reset forgets all accumulated state, as if no step had been taken.
	Reset()
}

// ErrConverged is returned by Step when w is at a minimum of the objective.
var ErrConverged = errors.New("optim: converged")
