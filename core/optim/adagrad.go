package optim

import "math"

// adagradInitialAccumulator is TensorFlow 1's default
// initial_accumulator_value of AdagradOptimizer.
const adagradInitialAccumulator = 0.1

// adagrad is TensorFlow 1's AdagradOptimizer, which has no epsilon:
//
//	accum += g*g
//	w -= g*lr/sqrt(accum)
type adagrad struct {
	lr      float64
	initial float64
	accum   []float64
	buf     gradBuf
}

func newAdagrad(lr float64) *adagrad {
	return &adagrad{
		lr:      rateOr(lr, DefaultLearningRate(Adagrad)),
		initial: adagradInitialAccumulator,
	}
}

func (o *adagrad) Step(obj Objective, w []float64) (float64, error) {
	loss, g, err := o.buf.eval(obj, w)
	if err != nil {
		return loss, err
	}
	if len(o.accum) != len(w) {
		o.accum = make([]float64, len(w))
		o.Reset()
	}
	lr := o.lr
	a := o.accum[:len(w)]
	g = g[:len(w)]
	for i := range w {
		a[i] += g[i] * g[i]
		w[i] -= g[i] * lr / math.Sqrt(a[i])
	}
	return loss, nil
}

func (o *adagrad) LearningRate() float64 { return o.lr }

func (o *adagrad) SetLearningRate(lr float64) {
	o.lr = rateOr(lr, DefaultLearningRate(Adagrad))
}

func (o *adagrad) Reset() { fill(o.accum, o.initial) }
