package landscape

import (
	"math"

	"tempfit/core/fit"
)

// plane is the loss on the plane of weights i and j through base:
//
//	SSE(base + a·e_i + b·e_j) = loss + 2·(g₀a + g₁b) + (a, b)·A·(a, b)ᵀ
//
// where A is the 2×2 block of XᵀX for the two weights and g their part of
// XᵀX·(base − w*), w* the exact optimum. It is exact, since the loss is
// quadratic in the weights.
type plane struct {
	a    [2][2]float64
	g    [2]float64
	loss float64
}

// newPlane returns the plane of weights i and j through base, read off the
// problem's quadratic form in O(p²).
func newPlane(pr *fit.Problem, base []float64, i, j int) plane {
	ci, cj := gramColumn(pr, i), gramColumn(pr, j)
	grad := make([]float64, len(base))
	loss := pr.LossGrad(base, grad)
	return plane{
		a:    [2][2]float64{{ci[i], cj[i]}, {ci[j], cj[j]}},
		g:    [2]float64{grad[i] / 2, grad[j] / 2},
		loss: loss,
	}
}

// gramColumn returns column k of XᵀX. The gradient of the loss is
// 2·XᵀX·(w − w*), so at w* + d·e_k it is 2d times the column; d is taken
// as the problem itself computes it, which makes the column exact to
// rounding.
func gramColumn(pr *fit.Problem, k int) []float64 {
	opt := pr.Optimum()
	w := pr.Optimum()
	w[k] += math.Max(1, math.Abs(w[k]))
	d := w[k] - opt[k]
	col := make([]float64, len(w))
	pr.LossGrad(w, col)
	for i := range col {
		col[i] /= 2 * d
	}
	return col
}

// det returns the determinant of A, or 0 when A is singular to working
// precision.
func (pl plane) det() float64 {
	a := pl.a
	d := a[0][0]*a[1][1] - a[0][1]*a[1][0]
	if !(a[0][0] > 0) || !(a[1][1] > 0) || d <= 1e-12*a[0][0]*a[1][1] {
		return 0
	}
	return d
}

// minimum returns the offset (a, b) from base of the plane's lowest point,
// with ok false when the loss has no single lowest point on the plane.
func (pl plane) minimum() (a, b float64, ok bool) {
	d := pl.det()
	if d == 0 {
		return 0, 0, false
	}
	// Solve A·(a, b) = −g.
	a = (-pl.g[0]*pl.a[1][1] + pl.g[1]*pl.a[0][1]) / d
	b = (-pl.g[1]*pl.a[0][0] + pl.g[0]*pl.a[1][0]) / d
	return a, b, true
}

// rise returns (a, b)·A·(a, b)ᵀ, how far the loss rises from the plane's
// lowest point at the offset (a, b) from it.
func (pl plane) rise(a, b float64) float64 {
	return pl.a[0][0]*a*a + (pl.a[0][1]+pl.a[1][0])*a*b + pl.a[1][1]*b*b
}

// reach returns how far from the lowest point the contour of the given rise
// extends along each axis: the half-widths of the ellipse's bounding box.
func (pl plane) reach(rise float64) (ha, hb float64) {
	d := pl.det()
	return math.Sqrt(rise * pl.a[1][1] / d), math.Sqrt(rise * pl.a[0][0] / d)
}

// smallestRise returns the rise of the smallest contour that a grid of
// cells dx by dy can draw: the one whose ellipse is two cells across its
// narrow way. A narrower one would break up into dots.
func (pl plane) smallestRise(dx, dy float64) float64 {
	// A in grid cells, and its larger eigenvalue: the rise one cell from
	// the lowest point along the steepest way.
	a, b, c := pl.a[0][0]*dx*dx, pl.a[0][1]*dx*dy, pl.a[1][1]*dy*dy
	return (a+c)/2 + math.Sqrt((a-c)*(a-c)/4+b*b)
}
