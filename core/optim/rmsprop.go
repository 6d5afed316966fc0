package optim

import "math"

// TensorFlow 1's RMSPropOptimizer defaults (centered=False).
const (
	rmspropDecay    = 0.9
	rmspropMomentum = 0.0
	rmspropEpsilon  = 1e-10
)

// rmsprop is TensorFlow 1's RMSPropOptimizer, uncentered, whose mean square
// ms starts at 1 and momentum mom at 0:
//
//	ms += (g*g - ms)*(1 - decay)
//	mom = mom*momentum + g*lr/sqrt(ms + epsilon)
//	w -= mom
type rmsprop struct {
	lr       float64
	decay    float64
	momentum float64
	epsilon  float64
	ms       []float64
	mom      []float64
	buf      gradBuf
}

func newRMSProp(lr float64) *rmsprop {
	return &rmsprop{
		lr:       rateOr(lr, DefaultLearningRate(RMSProp)),
		decay:    rmspropDecay,
		momentum: rmspropMomentum,
		epsilon:  rmspropEpsilon,
	}
}

func (o *rmsprop) Step(obj Objective, w []float64) (float64, error) {
	loss, g, err := o.buf.eval(obj, w)
	if err != nil {
		return loss, err
	}
	if len(o.ms) != len(w) {
		o.ms = make([]float64, len(w))
		o.mom = make([]float64, len(w))
		o.Reset()
	}
	lr, mu, eps := o.lr, o.momentum, o.epsilon
	rho := 1 - o.decay
	ms := o.ms[:len(w)]
	mom := o.mom[:len(w)]
	g = g[:len(w)]
	for i := range w {
		ms[i] += (g[i]*g[i] - ms[i]) * rho
		mom[i] = mom[i]*mu + g[i]*lr/math.Sqrt(ms[i]+eps)
		w[i] -= mom[i]
	}
	return loss, nil
}

func (o *rmsprop) LearningRate() float64 { return o.lr }

func (o *rmsprop) SetLearningRate(lr float64) {
	o.lr = rateOr(lr, DefaultLearningRate(RMSProp))
}

func (o *rmsprop) Reset() {
	fill(o.ms, 1)
	fill(o.mom, 0)
}
