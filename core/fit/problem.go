package fit

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"sync"

	"tempfit/core/data"
)

// Problem is the least-squares problem a model defines on a data set: find
// weights w minimising the sum of squared errors SSE(w) = Σ (f(x_i)·w − y_i)².
//
// The exact minimum is found in a well-conditioned basis (centred and
// scaled x, Chebyshev polynomials, see design) by a QR factorization with
// iterative refinement, whatever features the optimizers see. The optimum
// is then re-expressed, exactly and rounded once, in the optimizers'
// features Basis. For raw powers of a large x that rounding can move the
// curve a great deal, so the curve of weights w is defined as the exact
// optimum plus the change the weights make to it:
//
//	y(x) = y*(x) + Σ_i (w_i − w*_i)·f_i(x),
//
// with y*(x) evaluated in the well-conditioned basis and w* the rounded
// optimum. In exact arithmetic this is Σ w_i·f_i(x); in float64 it makes
// the optimum's weights give the optimum's curve and SSE exactly, so the
// gap to the optimum, the optimum curve and every statistic of the exact
// answer are accurate however badly the raw features are conditioned.
// Weights that are all zero, where training starts, give y(x) = 0 exactly,
// and their SSE is the sum of the squared y.
//
// Training steps cost O(p²) for p parameters whatever the number of rows:
// with X = QK the QR factorization of the design matrix in the optimizers'
// features, SSE(w) = SSE(w*) + ‖K(w−w*)‖² and its gradient is
// 2KᵀK(w−w*). K is the design basis's R times the exact change of basis,
// so it is found without another pass over the data. When K is well enough
// conditioned the steps use G = KᵀK, the fastest form; otherwise (raw
// powers of a large x, where gradient methods cannot make progress anyway)
// they use K itself, whose sum of squares is never negative and loses
// digits only as fast as cond(K), not cond(K)². Reported losses are
// computed from the residuals.
//
// A Problem does not change once made and is safe for concurrent use.
type Problem struct {
	Data  *data.Dataset
	Basis Basis // the optimizers' features

	design  design    // the well-conditioned basis of the exact solve
	r       []float64 // p×p R factor of the design matrix, row major
	inv     []float64 // p×p W with (XᵀX)⁺ = W·Wᵀ in the design basis
	rank    int
	coef    []float64 // the optimum in the design basis
	factor  []float64 // p×p upper triangle K with XᵀX = KᵀK in the optimizers' features
	gram    []float64 // KᵀK when it is accurate enough for LossGrad, else nil
	opt     []float64 // the optimum in the optimizers' features
	optSSE  float64
	sst     float64 // total sum of squares about the mean
	yScale  float64 // the power of two y is divided by inside the solve
	warning error

	toDesignOnce   sync.Once
	toDesignMatrix []float64 // see toDesign
	displayOnce    sync.Once
	display        Coefficients   // the variable and t of shown coefficients
	rawMap         [][]*big.Float // Chebyshev to raw power coefficients
	shownMap       [][]*big.Float // Chebyshev to power coefficients in the shown t
	shownMatrix    []float64      // design to shown coefficients, p×p, rounded
	xlo, xhi       float64        // the data's x range
	yRangeOnce     sync.Once
	yRng           float64 // see yRange
	boundsOnce     sync.Once
	featureMax     []float64 // the largest |f_i(x)| at the ends and middle of the x range
	yMax           float64   // the largest |y|
}

// Warnings about a problem's exact solution. Rank is judged in the
// well-conditioned basis only: features that are merely badly conditioned
// never cause a warning.
var (
	// ErrUnderdetermined says there are fewer points than parameters.
	ErrUnderdetermined = errors.New("fewer points than parameters: the curve passes through every point and its coefficients are the smallest that do (minimum norm)")
	// ErrRankDeficient says there are fewer distinct x values than
	// parameters, so many curves fit equally well.
	ErrRankDeficient = errors.New("fewer distinct x values than parameters: many curves fit equally well, and the one shown has the smallest coefficients (minimum norm)")
	// ErrDependentTerms says the model's terms are linearly dependent at
	// the data's x values, as when a harmonic vanishes or repeats at every
	// point.
	ErrDependentTerms = errors.New("the model's terms are linearly dependent at these x values (a harmonic vanishes or repeats at every point): many curves fit equally well, and the one shown has the smallest coefficients (minimum norm)")
)

// NewProblem prepares the least-squares problem of model m on d and solves
// it exactly. It fails, saying why, when the values are too large or too
// small to fit in float64.
func NewProblem(d *data.Dataset, m Model) (*Problem, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	if d == nil || d.Len() == 0 {
		return nil, errors.New("fit: no data")
	}
	lo, hi := d.XRange()
	ds, err := newDesign(m, lo, hi)
	if err != nil {
		return nil, err
	}
	pr := &Problem{Data: d, Basis: NewBasis(m, lo, hi), design: ds, xlo: lo, xhi: hi}
	if err := pr.scaleY(); err != nil {
		return nil, err
	}
	if err := pr.solve(); err != nil {
		return nil, err
	}
	if err := pr.prepareFeatures(); err != nil {
		return nil, err
	}
	return pr, nil
}

// scaleY chooses the power of two that y is divided by in the solve and
// computes the total sum of squares. Values whose squares cannot be summed
// in float64 are refused.
func (pr *Problem) scaleY() error {
	largest := 0.0
	for _, y := range pr.Data.Y {
		largest = max(largest, math.Abs(y))
	}
	pr.yScale = 1
	if largest == 0 {
		return nil
	}
	_, e := math.Frexp(largest)
	pr.yScale = math.Ldexp(1, e)
	mean, sumSq := 0.0, 0.0
	for _, y := range pr.Data.Y {
		v := y / pr.yScale
		mean += v
		sumSq += v * v
	}
	n := float64(pr.Data.Len())
	mean /= n
	sst := 0.0
	for _, y := range pr.Data.Y {
		v := y/pr.yScale - mean
		sst += v * v
	}
	total := sumSq * pr.yScale * pr.yScale
	switch {
	case math.IsInf(total, 0):
		return fmt.Errorf("fit: the y values are too large to fit: |y| reaches %g, and the sum of their squares exceeds the largest number a float64 holds (about 1.8e308); change y's units, for example divide it by a power of ten", largest)
	case total < minSumSquares:
		return fmt.Errorf("fit: the y values are too small to fit: |y| is at most %g, and the sum of their squares is below %g, where float64 loses precision; change y's units, for example multiply it by a power of ten", largest, minSumSquares)
	}
	pr.sst = sst * pr.yScale * pr.yScale
	return nil
}

// minSumSquares is the smallest sum of squared y values fitted: below it a
// sum of squared errors a billion times smaller would lose precision to
// gradual underflow.
const minSumSquares = 1e-290

// prepareFeatures expresses the optimum in the optimizers' features and
// forms their Gram matrix, refusing features too large for float64.
func (pr *Problem) prepareFeatures() error {
	pr.opt = pr.toFeatures(pr.coef)
	pr.factor = pr.featureFactor()
	finite := true
	for _, v := range pr.opt {
		finite = finite && !math.IsNaN(v) && !math.IsInf(v, 0)
	}
	for _, v := range pr.factor {
		finite = finite && !math.IsNaN(v) && !math.IsInf(v, 0)
	}
	if !finite {
		lo, hi := pr.xlo, pr.xhi
		return fmt.Errorf("fit: raw powers of x up to x^%d overflow float64 for x as large as %g; use scaled x", pr.Basis.Model.TrendDegree(), math.Max(math.Abs(lo), math.Abs(hi)))
	}
	pr.gram = gramOf(pr.factor, len(pr.opt))
	return nil
}

// sumBlock is the number of rows summed before a partial sum is added to
// the total, which keeps rounding error low for large data sets.
const sumBlock = 1024

// NumParams returns the number of weights.
func (pr *Problem) NumParams() int { return len(pr.opt) }

// Rank returns the rank of the design matrix in the well-conditioned basis:
// NumParams unless Warning is not nil.
func (pr *Problem) Rank() int { return pr.rank }

// Optimum returns a copy of the exact least-squares weights in the
// optimizers' features.
func (pr *Problem) Optimum() []float64 { return append([]float64(nil), pr.opt...) }

// OptimumSSE returns the smallest possible sum of squared errors.
func (pr *Problem) OptimumSSE() float64 { return pr.optSSE }

// Warning returns ErrUnderdetermined, ErrRankDeficient or ErrDependentTerms
// when the exact solution is one of many, and nil otherwise.
func (pr *Problem) Warning() error { return pr.warning }

// Minimum writes the exact least-squares weights into w.
func (pr *Problem) Minimum(w []float64) { copy(w, pr.opt) }

// LossGrad returns SSE(w) and writes its gradient into grad, in O(p²).
// It uses G = KᵀK when that is accurate enough: q = dᵀGd, gradient 2Gd.
func (pr *Problem) LossGrad(w, grad []float64) float64 {
	gram := pr.gram
	if gram == nil {
		return pr.lossGradFactor(w, grad)
	}
	opt := pr.opt
	p := len(opt)
	var buf [MaxParams]float64
	d := buf[:p]
	for i, o := range opt {
		d[i] = w[i] - o
	}
	grad = grad[:p]
	q := 0.0
	for i := range grad {
		row := gram[i*p : i*p+p]
		s := 0.0
		for j, dj := range d {
			s += row[j] * dj
		}
		grad[i] = 2 * s
		q += d[i] * s
	}
	return pr.optSSE + q
}

// lossGradFactor is LossGrad from K itself: u = Kd, q = ‖u‖², gradient
// 2Kᵀu.
func (pr *Problem) lossGradFactor(w, grad []float64) float64 {
	p := len(pr.opt)
	var dbuf, ubuf [MaxParams]float64
	d, u := dbuf[:p], ubuf[:p]
	for i, o := range pr.opt {
		d[i] = w[i] - o
	}
	q := 0.0
	for i := range u {
		row := pr.factor[i*p+i : i*p+p]
		di := d[i:]
		di = di[:len(row)]
		s := 0.0
		for j, k := range row {
			s += k * di[j]
		}
		u[i] = s
		q += s * s
	}
	for j := range u {
		s := 0.0
		for i := 0; i <= j; i++ {
			s += pr.factor[i*p+j] * u[i]
		}
		grad[j] = 2 * s
	}
	return pr.optSSE + q
}

// QuickLoss returns SSE(w) in O(p²) from the prepared quadratic form.
func (pr *Problem) QuickLoss(w []float64) float64 {
	var grad [MaxParams]float64
	return pr.LossGrad(w, grad[:len(w)])
}

// isOptimum reports whether w are the optimum's weights.
func (pr *Problem) isOptimum(w []float64) bool {
	for i, v := range pr.opt {
		if w[i] != v {
			return false
		}
	}
	return true
}

// curve returns the function of x that weights w give (see Problem).
//
// Near the optimum it is the optimum's curve, evaluated in the design
// basis, plus the difference of the weights in the optimizers' features,
// which keeps every digit when raw powers of a large x cancel. Far from it,
// as at zero weights, the weights evaluated directly lose less: whichever
// form's rounding is bounded lower is used.
func (pr *Problem) curve(w []float64) func(x float64) float64 {
	var buf [MaxParams]float64
	d := buf[:len(pr.opt)]
	moved, zero := false, true
	for i := range d {
		d[i] = w[i] - pr.opt[i]
		moved = moved || d[i] != 0
		zero = zero && w[i] == 0
	}
	switch {
	case zero:
		return func(float64) float64 { return 0 }
	case !moved:
		return func(x float64) float64 { return pr.design.eval(pr.coef, x) }
	}
	pr.boundsOnce.Do(pr.findBounds)
	direct, diff := 0.0, pr.yMax
	for i, m := range pr.featureMax {
		direct += math.Abs(w[i]) * m
		diff += math.Abs(d[i]) * m
	}
	if direct <= diff {
		w = append([]float64(nil), w...)
		return func(x float64) float64 { return pr.Basis.Predict(w, x) }
	}
	return func(x float64) float64 { return pr.design.eval(pr.coef, x) + pr.Basis.Predict(d, x) }
}

// findBounds finds the sizes that bound the rounding of a curve: the
// largest feature values over the data's x range and the largest y.
func (pr *Problem) findBounds() {
	p := len(pr.opt)
	pr.featureMax = make([]float64, p)
	f := make([]float64, p)
	lo, hi := pr.xlo, pr.xhi
	for _, x := range []float64{lo, (lo + hi) / 2, hi} {
		pr.Basis.Features(x, f)
		for i, v := range f {
			pr.featureMax[i] = math.Max(pr.featureMax[i], math.Abs(v))
		}
	}
	for _, y := range pr.Data.Y {
		pr.yMax = math.Max(pr.yMax, math.Abs(y))
	}
}

// SSE returns the sum of squared errors of w, computed from the residuals;
// for the optimum's weights, those the exact solve computed.
func (pr *Problem) SSE(w []float64) float64 {
	if pr.isOptimum(w) {
		return pr.optSSE
	}
	f := pr.curve(w)
	x, y := pr.Data.X, pr.Data.Y
	parts := blockSums(len(x), 1, func(start, end int, part []float64) {
		s := 0.0
		for i := start; i < end; i++ {
			r := y[i] - f(x[i])
			s += r * r
		}
		part[0] = s
	})
	total := 0.0
	for _, s := range parts {
		total += s
	}
	return total
}

// Predict returns the model's values at xs for weights w.
func (pr *Problem) Predict(w []float64, xs []float64) []float64 {
	f := pr.curve(w)
	out := make([]float64, len(xs))
	forSegments(len(xs), func(_, start, end int) {
		for i := start; i < end; i++ {
			out[i] = f(xs[i])
		}
	})
	return out
}

// Curve returns the model's curve for weights w as a function of x, for
// charts; it is the function Predict evaluates.
func (pr *Problem) Curve(w []float64) func(x float64) float64 {
	return pr.curve(append([]float64(nil), w...))
}

// Residuals returns observed minus predicted at every data point.
func (pr *Problem) Residuals(w []float64) []float64 {
	f := pr.curve(w)
	x, y := pr.Data.X, pr.Data.Y
	out := make([]float64, len(x))
	forSegments(len(x), func(_, start, end int) {
		for i := start; i < end; i++ {
			out[i] = y[i] - f(x[i])
		}
	})
	return out
}
