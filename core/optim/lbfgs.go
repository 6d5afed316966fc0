package optim

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/optimize"
)

const (
	// lbfgsStore is the number of past steps L-BFGS remembers. It is
	// gonum's default, which optimize.LBFGS only fills in when it runs the
	// whole minimization itself.
	lbfgsStore = 15
	// lbfgsMaxEvals bounds the objective evaluations of one line search.
	lbfgsMaxEvals = 100
	// lbfgsGradTol is the gradient size, relative to max(1, |loss|), at
	// which L-BFGS reports convergence.
	lbfgsGradTol = 1e-12
)

// errTooManyEvals is returned when a line search does not finish within
// lbfgsMaxEvals evaluations.
var errTooManyEvals = errors.New("line search took too many evaluations")

// lbfgs drives gonum's L-BFGS with a Moré–Thuente line search through
// gonum's reverse-communication interface, one major iteration per Step.
//
// It starts afresh (steepest descent, empty history) on the first step,
// after Reset, after an error, when obj is not the Objective of the previous
// step (compared with ==; a value that cannot be compared always counts as
// new) and when w is not what the previous step left.
type lbfgs struct {
	method optimize.LinesearchMethod
	loc    optimize.Location
	obj    Objective

	valid   bool // loc holds the loss and gradient of obj at the current w.
	running bool // method has been initialized at loc and may Iterate.

	// Loss and gradient at the start of the current step, to return to
	// when a line search fails.
	x0, g0 []float64
	f0     float64
}

func newLBFGS() *lbfgs {
	return &lbfgs{
		method: optimize.LinesearchMethod{
			NextDirectioner: &optimize.LBFGS{Store: lbfgsStore},
			Linesearcher:    &optimize.MoreThuente{},
		},
	}
}

// Step performs one major iteration of L-BFGS. It returns ErrConverged,
// leaving w as it is, when the gradient at w is negligible or when the line
// search can no longer move away from w.
func (o *lbfgs) Step(obj Objective, w []float64) (float64, error) {
	if !o.valid || !sameObjective(o.obj, obj) || !slices.Equal(o.loc.X, w) {
		if err := o.start(obj, w); err != nil {
			return o.loc.F, err
		}
	}
	loss := o.loc.F
	if o.converged() {
		return loss, ErrConverged
	}
	copy(o.x0, o.loc.X)
	copy(o.g0, o.loc.Gradient)
	o.f0 = o.loc.F

	err := o.iterate(obj)
	if err != nil && o.running && !errors.Is(err, ErrNonFinite) {
		// The L-BFGS direction failed: retry along the steepest descent.
		o.restore()
		o.running = false
		err = o.iterate(obj)
	}
	if err != nil {
		o.restore()
		o.running = false
		switch {
		case errors.Is(err, optimize.ErrNoProgress):
			return loss, ErrConverged
		case errors.Is(err, ErrNonFinite):
			return loss, err
		}
		return loss, fmt.Errorf("optim: lbfgs: %w", err)
	}
	o.running = true
	copy(w, o.loc.X)
	return loss, nil
}

// start evaluates obj at w into loc, forgetting the state of the method.
func (o *lbfgs) start(obj Objective, w []float64) error {
	o.valid, o.running, o.obj = false, false, obj
	n := len(w)
	if len(o.loc.X) != n {
		o.loc.X = make([]float64, n)
		o.loc.Gradient = make([]float64, n)
		o.x0 = make([]float64, n)
		o.g0 = make([]float64, n)
	}
	copy(o.loc.X, w)
	o.loc.F = obj.LossGrad(o.loc.X, o.loc.Gradient)
	if !finite(o.loc.F, o.loc.Gradient) {
		return ErrNonFinite
	}
	o.valid = true
	return nil
}

// iterate runs the method from loc to its next major iteration, evaluating
// obj wherever it asks.
func (o *lbfgs) iterate(obj Objective) error {
	var op optimize.Operation
	var err error
	if o.running {
		op, err = o.method.Iterate(&o.loc)
	} else {
		op, err = o.method.Init(&o.loc)
	}
	for evals := 0; err == nil; evals++ {
		switch op {
		case optimize.MajorIteration:
			return nil
		case optimize.FuncEvaluation, optimize.GradEvaluation, optimize.FuncEvaluation | optimize.GradEvaluation:
			if evals == lbfgsMaxEvals {
				return errTooManyEvals
			}
			o.loc.F = obj.LossGrad(o.loc.X, o.loc.Gradient)
			if !finite(o.loc.F, o.loc.Gradient) {
				return ErrNonFinite
			}
		default:
			return fmt.Errorf("unexpected operation %v", op)
		}
		op, err = o.method.Iterate(&o.loc)
	}
	return err
}

// restore puts loc back at the start of the current step.
func (o *lbfgs) restore() {
	copy(o.loc.X, o.x0)
	copy(o.loc.Gradient, o.g0)
	o.loc.F = o.f0
}

// converged reports whether the gradient at loc is negligible against the
// scale of the loss.
func (o *lbfgs) converged() bool {
	tol := lbfgsGradTol * math.Max(1, math.Abs(o.loc.F))
	for _, g := range o.loc.Gradient {
		if math.Abs(g) > tol {
			return false
		}
	}
	return true
}

func (*lbfgs) LearningRate() float64 { return 0 }

func (*lbfgs) SetLearningRate(float64) {}

func (o *lbfgs) Reset() {
	o.valid, o.running, o.obj = false, false, nil
}

// sameObjective reports whether b is the Objective a. Values that cannot be
// compared are never the same.
func sameObjective(a, b Objective) (same bool) {
	if a == nil || b == nil {
		return false
	}
	defer func() {
		if recover() != nil {
			same = false
		}
	}()
	return a == b
}
