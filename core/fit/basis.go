package fit

import "math"

// Basis is a model's feature map bound to an x range: the features the
// optimizers see. The range matters only to powers of scaled x, where
// t = a·x + b maps [lo, hi] onto [-1, 1]. The powers come first (1, t, t², …),
// then for a seasonal model the pairs cos(2πkx/P), sin(2πkx/P), k = 1..K.
type Basis struct {
	Model Model
	a, b  float64 // t = a·x + b
}

// NewBasis returns the feature map of m for data whose x spans [lo, hi].
func NewBasis(m Model, lo, hi float64) Basis {
	bs := Basis{Model: m, a: 1}
	if m.scaling() == Scaled && m.TrendDegree() > 0 {
		if hi > lo {
			bs.a = 2 / (hi - lo)
			bs.b = -(hi + lo) / (hi - lo)
		} else {
			bs.b = -lo
		}
	}
	return bs
}

// Features writes the features of x into dst, which has NumParams elements.
func (bs Basis) Features(x float64, dst []float64) {
	t := bs.a*x + bs.b
	n := bs.Model.TrendDegree() + 1
	p := 1.0
	for i := range dst[:n] {
		dst[i] = p
		p *= t
	}
	if bs.Model.Kind == Seasonal {
		harmonics(x, bs.Model, dst[n:])
	}
}

// Predict returns the model's value at x for weights w, evaluated in these
// features in float64. For raw powers of a large x this loses digits to
// cancellation; Problem.Predict evaluates a fitted curve accurately.
func (bs Basis) Predict(w []float64, x float64) float64 {
	t := bs.a*x + bs.b
	n := bs.Model.TrendDegree() + 1
	y := 0.0
	for i := n - 1; i >= 0; i-- {
		y = y*t + w[i]
	}
	if bs.Model.Kind == Seasonal {
		var f [2 * MaxHarmonics]float64
		h := f[:2*bs.Model.Harmonics]
		harmonics(x, bs.Model, h)
		for i, v := range h {
			y += w[n+i] * v
		}
	}
	return y
}

// harmonics writes cos(2πkx/P), sin(2πkx/P) for k = 1..K into dst. The
// phase kx/P is reduced exactly to one period first, so large x (days or
// seconds since an epoch) keep their digits, and a harmonic that vanishes
// at x (such as sin(πx) at whole x) is exactly zero.
func harmonics(x float64, m Model, dst []float64) {
	r := math.Mod(x, m.Period)
	for k := 1; k <= m.Harmonics; k++ {
		s, c := sincos2pi(math.Mod(float64(k)*r, m.Period) / m.Period)
		dst[2*k-2] = c
		dst[2*k-1] = s
	}
}

// sincos2pi returns sin(2πv) and cos(2πv), exact at multiples of a quarter.
func sincos2pi(v float64) (sin, cos float64) {
	v -= math.Floor(v)
	q := math.Round(4 * v)
	s, c := math.Sincos(2 * math.Pi * (v - q/4))
	switch int(q) % 4 {
	case 1:
		return c, -s
	case 2:
		return -s, -c
	case 3:
		return -c, s
	}
	return s, c
}

// RawCoefficients returns the model's coefficients in the user's own x: the
// powers are re-expressed as c0 + c1·x + ..., the seasonal weights are kept.
// In float64 this loses digits when x is far from zero; Problem.Coefficients
// says when the result can be trusted.
func (bs Basis) RawCoefficients(w []float64) []float64 {
	if bs.a == 1 && bs.b == 0 {
		return append([]float64(nil), w...)
	}
	n := bs.Model.TrendDegree() + 1
	return append(substitute(w[:n], bs.a, bs.b), w[n:]...)
}

// FromRaw returns the weights of this basis that give the model with
// coefficients raw in x; it is the inverse of RawCoefficients.
func (bs Basis) FromRaw(raw []float64) []float64 {
	if bs.a == 1 && bs.b == 0 {
		return append([]float64(nil), raw...)
	}
	// x = (t - b)/a = t/a - b/a.
	n := bs.Model.TrendDegree() + 1
	return append(substitute(raw[:n], 1/bs.a, -bs.b/bs.a), raw[n:]...)
}

// substitute returns the coefficients in x of Σ w_i (a·x + b)^i.
func substitute(w []float64, a, b float64) []float64 {
	c := make([]float64, len(w))
	pow := []float64{1} // coefficients of (a·x + b)^i
	for i, wi := range w {
		for j, pj := range pow {
			c[j] += wi * pj
		}
		if i == len(w)-1 {
			break
		}
		next := make([]float64, len(pow)+1)
		for j, pj := range pow {
			next[j] += pj * b
			next[j+1] += pj * a
		}
		pow = next
	}
	return c
}
