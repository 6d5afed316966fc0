package fit

import (
	"fmt"
	"math"
)

// design is the well-conditioned basis every exact solve works in, whatever
// the features the optimizers see: x is centred and scaled, t = (x − c)/s
// with c the midpoint and s the half-range of the data's x, so t spans
// [-1, 1], and the powers of x are replaced by the Chebyshev polynomials
// T_0(t), …, T_d(t). The seasonal terms are kept as they are: on [-1, 1]
// both families are close to orthogonal, so the columns of the design
// matrix are of one size and far from dependent.
type design struct {
	model Model
	c, s  float64 // t = (x − c)/s
	invS  float64 // 1/s
}

// newDesign returns the well-conditioned basis of m for x in [lo, hi]. It
// fails when the half-range of x cannot be represented.
func newDesign(m Model, lo, hi float64) (design, error) {
	c := lo/2 + hi/2
	s := hi/2 - lo/2
	if math.IsInf(s, 0) || math.IsNaN(s) {
		return design{}, fmt.Errorf("fit: x spans [%g, %g], too wide a range to fit", lo, hi)
	}
	if !(s > 0) {
		s = 1
	}
	return design{model: m, c: c, s: s, invS: 1 / s}, nil
}

// t returns the centred and scaled x. It multiplies by 1/s rather than
// divide by s: the map differs from (x − c)/s by a rounding, which is
// harmless as long as every use goes through this method.
func (ds design) t(x float64) float64 { return (x - ds.c) * ds.invS }

// features writes the basis functions at x into dst.
func (ds design) features(x float64, dst []float64) {
	n := ds.model.TrendDegree() + 1
	chebyshev(ds.t(x), dst[:n])
	if ds.model.Kind == Seasonal {
		harmonics(x, ds.model, dst[n:])
	}
}

// chebyshev writes T_0(t), …, T_{len(dst)-1}(t) into dst.
func chebyshev(t float64, dst []float64) {
	if len(dst) == 0 {
		return
	}
	dst[0] = 1
	if len(dst) == 1 {
		return
	}
	dst[1] = t
	prev, cur := 1.0, t
	for i := 2; i < len(dst); i++ {
		prev, cur = cur, 2*t*cur-prev
		dst[i] = cur
	}
}

// eval returns Σ a_i·f_i(x) for coefficients a in this basis, the
// polynomial part by Clenshaw's recurrence.
func (ds design) eval(a []float64, x float64) float64 {
	n := ds.model.TrendDegree() + 1
	t := ds.t(x)
	var b1, b2 float64
	for i := n - 1; i >= 1; i-- {
		b1, b2 = 2*t*b1-b2+a[i], b1
	}
	y := t*b1 - b2 + a[0]
	if ds.model.Kind == Seasonal {
		var f [2 * MaxHarmonics]float64
		h := f[:2*ds.model.Harmonics]
		harmonics(x, ds.model, h)
		for i, v := range h {
			y += a[n+i] * v
		}
	}
	return y
}
