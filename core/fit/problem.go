package fit

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"tempfit/core/data"
)

// Problem is the least-squares problem a model defines on a data set: find
// weights w minimising the sum of squared errors SSE(w) = Σ (f(x_i)·w − y_i)².
//
// It is prepared once per data set so that training steps cost O(p²) for p
// parameters whatever the number of rows: with w* the exact minimiser and
// G = XᵀX, SSE(w) = SSE(w*) + (w−w*)ᵀG(w−w*) and its gradient is 2G(w−w*).
// Both are differences from the optimum, which keeps them accurate for badly
// conditioned features. Reported losses are computed from the residuals.
//
// A Problem does not change once made and is safe for concurrent use.
type Problem struct {
	Data  *data.Dataset
	Basis Basis

	gram    []float64 // p×p, row major
	opt     []float64 // exact minimiser
	optSSE  float64
	sst     float64 // total sum of squares about the mean
	warning error
}

// Warnings about a problem's exact solution.
var (
	// ErrUnderdetermined says there are fewer points than parameters.
	ErrUnderdetermined = errors.New("fewer points than parameters: the curve passes through every point and the weights are the smallest that do (minimum norm)")
	// ErrRankDeficient says the features are linearly dependent on the data.
	ErrRankDeficient = errors.New("the features are linearly dependent on these x values: the weights are the smallest among equally good ones (minimum norm)")
)

// NewProblem prepares the least-squares problem of model m on d.
func NewProblem(d *data.Dataset, m Model) (*Problem, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	if d == nil || d.Len() == 0 {
		return nil, errors.New("fit: no data")
	}
	lo, hi := d.XRange()
	pr := &Problem{Data: d, Basis: NewBasis(m, lo, hi)}
	p := m.NumParams()
	pr.gram = gram(pr.Basis, d.X, p)
	if err := pr.solve(); err != nil {
		return nil, err
	}
	pr.optSSE = pr.SSE(pr.opt)
	mean := 0.0
	for _, y := range d.Y {
		mean += y
	}
	mean /= float64(d.Len())
	for _, y := range d.Y {
		pr.sst += (y - mean) * (y - mean)
	}
	return pr, nil
}

// gramBlock is the number of rows summed before a partial sum is added to
// the total, which keeps rounding error low for large data sets.
const gramBlock = 1024

// gram returns XᵀX for the features of x, as a p×p row-major slice.
func gram(bs Basis, x []float64, p int) []float64 {
	total := make([]float64, p*p)
	part := make([]float64, p*p)
	f := make([]float64, p)
	for start := 0; start < len(x); start += gramBlock {
		clear(part)
		for _, xi := range x[start:min(start+gramBlock, len(x))] {
			bs.Features(xi, f)
			for i, fi := range f {
				row := part[i*p : i*p+p]
				for j := i; j < p; j++ {
					row[j] += fi * f[j]
				}
			}
		}
		for i := range total {
			total[i] += part[i]
		}
	}
	for i := 0; i < p; i++ {
		for j := 0; j < i; j++ {
			total[i*p+j] = total[j*p+i]
		}
	}
	return total
}

// solve finds the exact least-squares weights. Each feature column is
// scaled to unit norm first, which is what makes raw powers of x tractable;
// a full-rank tall system is then solved by QR, anything else by SVD for the
// answer of minimum norm in those scaled columns.
func (pr *Problem) solve() error {
	d, bs := pr.Data, pr.Basis
	n, p := d.Len(), bs.Model.NumParams()
	x := mat.NewDense(n, p, nil)
	for i, xi := range d.X {
		bs.Features(xi, x.RawRowView(i))
	}
	y := mat.NewVecDense(n, append([]float64(nil), d.Y...))

	norms := make([]float64, p)
	for j := range norms {
		norms[j] = mat.Norm(x.ColView(j), 2)
		if norms[j] == 0 {
			norms[j] = 1
		}
	}
	for i := 0; i < n; i++ {
		row := x.RawRowView(i)
		for j := range row {
			row[j] /= norms[j]
		}
	}

	w := mat.NewVecDense(p, nil)
	solved := false
	if n >= p {
		var qr mat.QR
		qr.Factorize(x)
		if qr.Cond() < 1e12 {
			if err := qr.SolveVecTo(w, false, y); err == nil {
				solved = true
			}
		}
	}
	if !solved {
		var svd mat.SVD
		if !svd.Factorize(x, mat.SVDThin) {
			return errors.New("fit: singular value decomposition failed")
		}
		vals := svd.Values(nil)
		tol := float64(max(n, p)) * vals[0] * 1e-13
		rank := 0
		for _, v := range vals {
			if v > tol {
				rank++
			}
		}
		if rank == 0 {
			rank = 1
		}
		var ws mat.Dense
		svd.SolveTo(&ws, y, rank)
		w.CopyVec(ws.ColView(0))
		if n < p {
			pr.warning = ErrUnderdetermined
		} else {
			pr.warning = ErrRankDeficient
		}
	}
	pr.opt = make([]float64, p)
	for j := range pr.opt {
		pr.opt[j] = w.AtVec(j) / norms[j]
	}
	for _, v := range pr.opt {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("fit: the exact solution is not finite for %s", bs.Model)
		}
	}
	return nil
}

// NumParams returns the number of weights.
func (pr *Problem) NumParams() int { return len(pr.opt) }

// Optimum returns a copy of the exact least-squares weights.
func (pr *Problem) Optimum() []float64 { return append([]float64(nil), pr.opt...) }

// OptimumSSE returns the smallest possible sum of squared errors.
func (pr *Problem) OptimumSSE() float64 { return pr.optSSE }

// Warning returns ErrUnderdetermined or ErrRankDeficient when the exact
// solution is one of many, and nil otherwise.
func (pr *Problem) Warning() error { return pr.warning }

// Minimum writes the exact least-squares weights into w.
func (pr *Problem) Minimum(w []float64) { copy(w, pr.opt) }

// LossGrad returns SSE(w) and writes its gradient into grad, in O(p²).
func (pr *Problem) LossGrad(w, grad []float64) float64 {
	p := len(pr.opt)
	var buf [MaxParams]float64
	d := buf[:p]
	for i := range d {
		d[i] = w[i] - pr.opt[i]
	}
	q := 0.0
	for i := 0; i < p; i++ {
		row := pr.gram[i*p : i*p+p]
		s := 0.0
		for j, dj := range d {
			s += row[j] * dj
		}
		grad[i] = 2 * s
		q += d[i] * s
	}
	return pr.optSSE + q
}

// QuickLoss returns SSE(w) in O(p²) from the prepared quadratic form.
func (pr *Problem) QuickLoss(w []float64) float64 {
	var grad [MaxParams]float64
	return pr.LossGrad(w, grad[:len(w)])
}

// SSE returns the sum of squared errors of w, computed from the residuals.
func (pr *Problem) SSE(w []float64) float64 {
	s := 0.0
	for i, x := range pr.Data.X {
		r := pr.Data.Y[i] - pr.Basis.Predict(w, x)
		s += r * r
	}
	return s
}

// Predict returns the model's values at xs for weights w.
func (pr *Problem) Predict(w []float64, xs []float64) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = pr.Basis.Predict(w, x)
	}
	return out
}

// Residuals returns observed minus predicted at every data point.
func (pr *Problem) Residuals(w []float64) []float64 {
	out := make([]float64, pr.Data.Len())
	for i, x := range pr.Data.X {
		out[i] = pr.Data.Y[i] - pr.Basis.Predict(w, x)
	}
	return out
}
