// Package fit holds the models Tempfit fits, the least-squares problem they
// define on a data set, its exact solution and the statistics of a fit.
package fit

import (
	"fmt"
	"math"
	"strings"
)

// Kind names a family of models.
type Kind string

// The model families.
const (
	// Polynomial is y = w0 + w1·x + ... + wd·x^d.
	Polynomial Kind = "poly"
	// Seasonal is y = a0 + Σ_k (a_k cos(2πkx/P) + b_k sin(2πkx/P)).
	Seasonal Kind = "seasonal"
)

// Scaling says how x is transformed before the feature map.
type Scaling string

// The feature scalings.
const (
	// Raw uses x itself: the powers of x are the features.
	Raw Scaling = "raw"
	// Scaled maps the data's x range linearly onto [-1, 1] first.
	Scaled Scaling = "scaled"
)

// Limits of the model sizes.
const (
	MaxDegree    = 15
	MaxHarmonics = 12
	MaxParams    = 2*MaxHarmonics + 1 // the most weights any model has
)

// DefaultPeriod is the seasonal model's period: twelve months.
const DefaultPeriod = 12

// Model describes a model that is linear in its parameters.
type Model struct {
	Kind      Kind
	Degree    int     // polynomial degree, 0..MaxDegree
	Harmonics int     // seasonal harmonics K, 1..MaxHarmonics
	Period    float64 // seasonal period P, > 0
	Scaling   Scaling // polynomial only; the seasonal model uses x as it is
}

// BookModel returns the reference example's model: a degree-4 polynomial in
// raw x.
func BookModel() Model {
	return Model{Kind: Polynomial, Degree: 4, Scaling: Raw}
}

// ParseKind returns the Kind named by s ("poly", "polynomial" or "seasonal").
func ParseKind(s string) (Kind, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "poly", "polynomial":
		return Polynomial, nil
	case "seasonal", "fourier":
		return Seasonal, nil
	}
	return "", fmt.Errorf("fit: unknown model %q (want poly or seasonal)", s)
}

// ParseScaling returns the Scaling named by s ("raw" or "scaled").
func ParseScaling(s string) (Scaling, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "raw":
		return Raw, nil
	case "scaled":
		return Scaled, nil
	}
	return "", fmt.Errorf("fit: unknown feature scaling %q (want raw or scaled)", s)
}

// Validate reports whether m describes a model Tempfit can fit.
func (m Model) Validate() error {
	switch m.Kind {
	case Polynomial:
		if m.Degree < 0 || m.Degree > MaxDegree {
			return fmt.Errorf("fit: degree %d out of range 0..%d", m.Degree, MaxDegree)
		}
		if m.Scaling != Raw && m.Scaling != Scaled {
			return fmt.Errorf("fit: unknown feature scaling %q", m.Scaling)
		}
	case Seasonal:
		if m.Harmonics < 1 || m.Harmonics > MaxHarmonics {
			return fmt.Errorf("fit: harmonics %d out of range 1..%d", m.Harmonics, MaxHarmonics)
		}
		if !(m.Period > 0) || math.IsInf(m.Period, 0) {
			return fmt.Errorf("fit: period %v must be a positive number", m.Period)
		}
	default:
		return fmt.Errorf("fit: unknown model %q", m.Kind)
	}
	return nil
}

// NumParams returns the number of parameters (weights) of the model.
func (m Model) NumParams() int {
	if m.Kind == Seasonal {
		return 2*m.Harmonics + 1
	}
	return m.Degree + 1
}

// String returns a short English description such as
// "polynomial of degree 4, raw x".
func (m Model) String() string {
	if m.Kind == Seasonal {
		return fmt.Sprintf("seasonal with %d harmonics, period %g", m.Harmonics, m.Period)
	}
	return fmt.Sprintf("polynomial of degree %d, %s x", m.Degree, m.Scaling)
}

// Basis is a model's feature map bound to an x range; the range matters only
// to a polynomial in scaled x, where t = a·x + b maps [lo, hi] onto [-1, 1].
type Basis struct {
	Model Model
	a, b  float64 // t = a·x + b
}

// NewBasis returns the feature map of m for data whose x spans [lo, hi].
func NewBasis(m Model, lo, hi float64) Basis {
	bs := Basis{Model: m, a: 1}
	if m.Kind == Polynomial && m.Scaling == Scaled {
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
	m := bs.Model
	if m.Kind == Seasonal {
		dst[0] = 1
		for k := 1; k <= m.Harmonics; k++ {
			s, c := math.Sincos(2 * math.Pi * float64(k) * x / m.Period)
			dst[2*k-1] = c
			dst[2*k] = s
		}
		return
	}
	t := bs.a*x + bs.b
	p := 1.0
	for i := range dst {
		dst[i] = p
		p *= t
	}
}

// Predict returns the model's value at x for weights w.
func (bs Basis) Predict(w []float64, x float64) float64 {
	m := bs.Model
	if m.Kind == Seasonal {
		y := w[0]
		for k := 1; k <= m.Harmonics; k++ {
			s, c := math.Sincos(2 * math.Pi * float64(k) * x / m.Period)
			y += w[2*k-1]*c + w[2*k]*s
		}
		return y
	}
	t := bs.a*x + bs.b
	y := 0.0
	for i := len(w) - 1; i >= 0; i-- {
		y = y*t + w[i]
	}
	return y
}

// RawCoefficients returns the model's coefficients in the user's own x: for
// a polynomial, c with y = c0 + c1·x + ... ; for the seasonal model, the
// weights themselves.
func (bs Basis) RawCoefficients(w []float64) []float64 {
	if bs.Model.Kind == Seasonal || (bs.a == 1 && bs.b == 0) {
		return append([]float64(nil), w...)
	}
	return substitute(w, bs.a, bs.b)
}

// FromRaw returns the weights of this basis that give the polynomial with
// coefficients raw in x; it is the inverse of RawCoefficients.
func (bs Basis) FromRaw(raw []float64) []float64 {
	if bs.Model.Kind == Seasonal || (bs.a == 1 && bs.b == 0) {
		return append([]float64(nil), raw...)
	}
	// x = (t - b)/a = t/a - b/a.
	return substitute(raw, 1/bs.a, -bs.b/bs.a)
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
