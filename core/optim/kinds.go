package optim

import (
	"fmt"
	"strings"
)

// Kind names an optimization method.
type Kind string

// The optimizers Tempfit offers. Their values are the names used in the user
// interface and in saved settings.
const (
	GradientDescent Kind = "sgd"
	Momentum        Kind = "momentum"
	Nesterov        Kind = "nesterov"
	Adagrad         Kind = "adagrad"
	RMSProp         Kind = "rmsprop"
	Adam            Kind = "adam"
	LBFGS           Kind = "lbfgs"
	Exact           Kind = "exact"
)

// Kinds returns every Kind in the order the user interface lists them,
// the default (Adam) first.
func Kinds() []Kind {
	return []Kind{Adam, GradientDescent, Momentum, Nesterov, Adagrad, RMSProp, LBFGS, Exact}
}

// String returns the name of k.
func (k Kind) String() string { return string(k) }

// ParseKind returns the Kind named s, ignoring case.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds() {
		if strings.EqualFold(s, string(k)) {
			return k, nil
		}
	}
	return "", unknownKind(s)
}

// unknownKind returns the error for an optimizer name that is not a Kind.
func unknownKind(s string) error {
	kinds := Kinds()
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = string(k)
	}
	return fmt.Errorf("optim: unknown optimizer %q (valid: %s)", s, strings.Join(names, ", "))
}

// DefaultLearningRate returns the learning rate New uses for k when none is
// given: TensorFlow 1's default where it has one (Adam), otherwise the
// default of the matching Keras optimizer. It returns 0 for the kinds that
// use no learning rate and for unknown kinds.
func DefaultLearningRate(k Kind) float64 {
	switch k {
	case GradientDescent, Momentum, Nesterov:
		return 0.01 // Keras SGD.
	case Adagrad:
		return 0.001 // Keras Adagrad.
	case RMSProp:
		return 0.001 // Keras RMSprop.
	case Adam:
		return 0.001 // TensorFlow 1 AdamOptimizer and Keras Adam.
	}
	return 0
}

// UsesLearningRate reports whether k has a learning rate: every kind but
// LBFGS, Exact and unknown kinds.
func UsesLearningRate(k Kind) bool {
	return DefaultLearningRate(k) > 0
}

// Describe returns one line of help about k, or "" for an unknown kind.
func Describe(k Kind) string {
	switch k {
	case GradientDescent:
		return "Plain gradient descent, w -= lr·g (TensorFlow 1 GradientDescentOptimizer); TF1 has no default learning rate, so 0.01 is taken from Keras SGD."
	case Momentum:
		return "Gradient descent with momentum 0.9 (TensorFlow 1 MomentumOptimizer); TF1 has no default learning rate, so 0.01 is taken from Keras SGD."
	case Nesterov:
		return "Nesterov accelerated gradient, momentum 0.9 (TensorFlow 1 MomentumOptimizer with use_nesterov); TF1 has no default learning rate, so 0.01 is taken from Keras SGD."
	case Adagrad:
		return "Adagrad, per-weight steps shrinking with the summed squared gradients (TensorFlow 1 AdagradOptimizer, initial accumulator 0.1); TF1 has no default learning rate, so 0.001 is taken from Keras Adagrad."
	case RMSProp:
		return "RMSProp, steps scaled by a moving mean of squared gradients (TensorFlow 1 RMSPropOptimizer, decay 0.9, epsilon 1e-10); TF1 has no default learning rate, so 0.001 is taken from Keras RMSprop."
	case Adam:
		return "Adam, adaptive moments with bias correction (TensorFlow 1 AdamOptimizer, beta1 0.9, beta2 0.999, epsilon 1e-8); the default learning rate 0.001 is TF1's own."
	case LBFGS:
		return "L-BFGS quasi-Newton method with a Moré–Thuente line search (gonum); one step is one major iteration and no learning rate is used."
	case Exact:
		return "Exact least-squares solution in a single step; no learning rate is used."
	}
	return ""
}

// New returns a fresh optimizer of kind k. A learning rate lr that is not
// positive selects DefaultLearningRate(k); kinds without a learning rate
// ignore lr.
func New(k Kind, lr float64) (Optimizer, error) {
	switch k {
	case GradientDescent:
		return newGradientDescent(lr), nil
	case Momentum:
		return newMomentum(lr, false), nil
	case Nesterov:
		return newMomentum(lr, true), nil
	case Adagrad:
		return newAdagrad(lr), nil
	case RMSProp:
		return newRMSProp(lr), nil
	case Adam:
		return newAdam(lr), nil
	case LBFGS:
		return newLBFGS(), nil
	case Exact:
		return &exact{}, nil
	}
	return nil, unknownKind(string(k))
}

// rateOr returns lr if it is positive and def otherwise (also for NaN).
func rateOr(lr, def float64) float64 {
	if lr > 0 {
		return lr
	}
	return def
}
