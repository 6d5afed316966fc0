package optim

// momentumDecay is the momentum of the Momentum and Nesterov optimizers.
// TensorFlow 1 has no default for it; 0.9 is the customary value.
const momentumDecay = 0.9

// momentum is TensorFlow 1's MomentumOptimizer:
//
//	accum = accum*momentum + g
//	w -= accum*lr                          (plain)
//	w -= g*lr + accum*momentum*lr          (use_nesterov)
type momentum struct {
	lr       float64
	momentum float64
	nesterov bool
	accum    []float64
	buf      gradBuf
}

func newMomentum(lr float64, nesterov bool) *momentum {
	o := &momentum{momentum: momentumDecay, nesterov: nesterov}
	o.SetLearningRate(lr)
	return o
}

func (o *momentum) kind() Kind {
	if o.nesterov {
		return Nesterov
	}
	return Momentum
}

func (o *momentum) Step(obj Objective, w []float64) (float64, error) {
	loss, g, err := o.buf.eval(obj, w)
	if err != nil {
		return loss, err
	}
	if len(o.accum) != len(w) {
		o.accum = make([]float64, len(w))
	}
	lr, mu := o.lr, o.momentum
	a := o.accum[:len(w)]
	g = g[:len(w)]
	if o.nesterov {
		for i := range w {
			a[i] = a[i]*mu + g[i]
			w[i] -= g[i]*lr + a[i]*mu*lr
		}
	} else {
		for i := range w {
			a[i] = a[i]*mu + g[i]
			w[i] -= a[i] * lr
		}
	}
	return loss, nil
}

func (o *momentum) LearningRate() float64 { return o.lr }

func (o *momentum) SetLearningRate(lr float64) {
	o.lr = rateOr(lr, DefaultLearningRate(o.kind()))
}

func (o *momentum) Reset() { fill(o.accum, 0) }
