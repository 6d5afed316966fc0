package optim

import "math"

// TensorFlow 1's AdamOptimizer defaults.
const (
	adamBeta1   = 0.9
	adamBeta2   = 0.999
	adamEpsilon = 1e-8
)

// adam is TensorFlow 1's AdamOptimizer. At step t (from 1), with
// beta1Power = beta1^t and beta2Power = beta2^t kept as running products:
//
//	m += (g - m)*(1 - beta1)
//	v += (g*g - v)*(1 - beta2)
//	lr_t = lr*sqrt(1 - beta2^t)/(1 - beta1^t)
//	w -= m*lr_t/(sqrt(v) + epsilon)
type adam struct {
	lr         float64
	beta1      float64
	beta2      float64
	epsilon    float64
	beta1Power float64
	beta2Power float64
	m          []float64
	v          []float64
	buf        gradBuf
}

func newAdam(lr float64) *adam {
	o := &adam{
		lr:      rateOr(lr, DefaultLearningRate(Adam)),
		beta1:   adamBeta1,
		beta2:   adamBeta2,
		epsilon: adamEpsilon,
	}
	o.Reset()
	return o
}

func (o *adam) Step(obj Objective, w []float64) (float64, error) {
	loss, g, err := o.buf.eval(obj, w)
	if err != nil {
		return loss, err
	}
	if len(o.m) != len(w) {
		o.m = make([]float64, len(w))
		o.v = make([]float64, len(w))
		o.Reset()
	}
	alpha := o.lr * math.Sqrt(1-o.beta2Power) / (1 - o.beta1Power)
	b1, b2, eps := 1-o.beta1, 1-o.beta2, o.epsilon
	m := o.m[:len(w)]
	v := o.v[:len(w)]
	g = g[:len(w)]
	for i := range w {
		gi := g[i]
		m[i] += (gi - m[i]) * b1
		v[i] += (gi*gi - v[i]) * b2
		w[i] -= m[i] * alpha / (math.Sqrt(v[i]) + eps)
	}
	o.beta1Power *= o.beta1
	o.beta2Power *= o.beta2
	return loss, nil
}

func (o *adam) LearningRate() float64 { return o.lr }

func (o *adam) SetLearningRate(lr float64) {
	o.lr = rateOr(lr, DefaultLearningRate(Adam))
}

func (o *adam) Reset() {
	fill(o.m, 0)
	fill(o.v, 0)
	o.beta1Power = o.beta1
	o.beta2Power = o.beta2
}
