package optim

import "errors"

// ErrNonFinite is returned by Step when the loss or the gradient is NaN or
// infinite. The weights are then left as they were.
var ErrNonFinite = errors.New("optim: loss or gradient is not finite")

// gradBuf holds the gradient scratch space of a first-order method, reused
// from one step to the next.
type gradBuf struct {
	g []float64
}

// eval returns the loss and gradient of obj at w, or ErrNonFinite.
func (b *gradBuf) eval(obj Objective, w []float64) (float64, []float64, error) {
	if len(b.g) != len(w) {
		b.g = make([]float64, len(w))
	}
	g := b.g
	loss := obj.LossGrad(w, g)
	if !finite(loss, g) {
		return loss, g, ErrNonFinite
	}
	return loss, g, nil
}

// finite reports whether f and every element of g are finite numbers.
func finite(f float64, g []float64) bool {
	// x*0 is 0 for finite x and NaN otherwise, and NaN never compares equal.
	z := f * 0
	for _, v := range g {
		z += v * 0
	}
	return z == 0
}

// fill sets every element of s to v.
func fill(s []float64, v float64) {
	for i := range s {
		s[i] = v
	}
}

// gradientDescent is TensorFlow 1's GradientDescentOptimizer:
//
//	w -= lr*g
type gradientDescent struct {
	lr  float64
	buf gradBuf
}

func newGradientDescent(lr float64) *gradientDescent {
	return &gradientDescent{lr: rateOr(lr, DefaultLearningRate(GradientDescent))}
}

func (o *gradientDescent) Step(obj Objective, w []float64) (float64, error) {
	loss, g, err := o.buf.eval(obj, w)
	if err != nil {
		return loss, err
	}
	lr := o.lr
	g = g[:len(w)]
	for i := range w {
		w[i] -= g[i] * lr
	}
	return loss, nil
}

func (o *gradientDescent) LearningRate() float64 { return o.lr }

func (o *gradientDescent) SetLearningRate(lr float64) {
	o.lr = rateOr(lr, DefaultLearningRate(GradientDescent))
}

func (o *gradientDescent) Reset() {}
