package optim

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// diagQuad is L(w) = sum_i a_i (w_i - c_i)^2 with gradient 2 a_i (w_i - c_i).
type diagQuad struct {
	a, c []float64
}

func (q *diagQuad) LossGrad(w, grad []float64) float64 {
	var loss float64
	for i, wi := range w {
		d := wi - q.c[i]
		loss += q.a[i] * d * d
		grad[i] = 2 * q.a[i] * d
	}
	return loss
}

func (q *diagQuad) Minimum(w []float64) { copy(w, q.c) }

// denseQuad is L(w) = (w-c)ᵀ A (w-c) + f0 with A symmetric positive definite.
type denseQuad struct {
	a  *mat.SymDense
	c  []float64
	f0 float64
}

// newIllConditioned returns a 5-dimensional denseQuad whose Hessian has
// eigenvalues 2, 20, 200, 2000 and 20000 along the axes of a Householder
// reflection, so that no coordinate is decoupled from the others.
func newIllConditioned() *denseQuad {
	v := mat.NewVecDense(5, []float64{1, 2, 3, 4, 5})
	q := mat.NewDense(5, 5, nil)
	q.Outer(-2/mat.Dot(v, v), v, v)
	for i := range 5 {
		q.Set(i, i, q.At(i, i)+1)
	}
	lambda := mat.NewDiagDense(5, []float64{1, 10, 100, 1e3, 1e4})
	var ql, a mat.Dense
	ql.Mul(q, lambda)
	a.Mul(&ql, q.T())
	sym := mat.NewSymDense(5, nil)
	for i := range 5 {
		for j := i; j < 5; j++ {
			sym.SetSym(i, j, (a.At(i, j)+a.At(j, i))/2)
		}
	}
	return &denseQuad{a: sym, c: []float64{1, -2, 3, -4, 5}, f0: 2}
}

func (q *denseQuad) LossGrad(w, grad []float64) float64 {
	n := len(w)
	d := make([]float64, n)
	for i := range d {
		d[i] = w[i] - q.c[i]
	}
	loss := q.f0
	for i := range n {
		var ad float64
		for j := range n {
			ad += q.a.At(i, j) * d[j]
		}
		grad[i] = 2 * ad
		loss += d[i] * ad
	}
	return loss
}

func (q *denseQuad) Minimum(w []float64) { copy(w, q.c) }

// leastSquares is the sum of squared errors ‖Xw − y‖² of a linear model,
// with gradient 2Xᵀ(Xw − y). X is stored by rows.
type leastSquares struct {
	x    []float64
	y    []float64
	cols int
	r    []float64
}

// newPolynomial returns the least-squares fit of y by the raw powers
// 1, x, …, x^degree.
func newPolynomial(x, y []float64, degree int) *leastSquares {
	cols := degree + 1
	ls := &leastSquares{x: make([]float64, len(x)*cols), y: y, cols: cols, r: make([]float64, len(y))}
	for i, xi := range x {
		p := 1.0
		for j := range cols {
			ls.x[i*cols+j] = p
			p *= xi
		}
	}
	return ls
}

func (ls *leastSquares) LossGrad(w, grad []float64) float64 {
	var loss float64
	for i := range ls.y {
		row := ls.x[i*ls.cols : (i+1)*ls.cols]
		r := -ls.y[i]
		for j, xij := range row {
			r += xij * w[j]
		}
		ls.r[i] = r
		loss += r * r
	}
	for j := range grad {
		grad[j] = 0
	}
	for i, r := range ls.r {
		row := ls.x[i*ls.cols : (i+1)*ls.cols]
		for j, xij := range row {
			grad[j] += 2 * xij * r
		}
	}
	return loss
}

func (ls *leastSquares) Minimum(w []float64) {
	x := mat.NewDense(len(ls.y), ls.cols, ls.x)
	y := mat.NewVecDense(len(ls.y), ls.y)
	var sol mat.VecDense
	if err := sol.SolveVec(x, y); err != nil {
		for i := range w {
			w[i] = math.NaN()
		}
		return
	}
	for i := range w {
		w[i] = sol.AtVec(i)
	}
}

// gram is the least-squares loss in the form wᵀGw − 2bᵀw + s, 25
// multiply-adds per evaluation for 5 weights.
type gram struct {
	g [5][5]float64
	b [5]float64
	s float64
}

func newGram(ls *leastSquares) *gram {
	q := new(gram)
	for i, yi := range ls.y {
		row := ls.x[i*ls.cols : (i+1)*ls.cols]
		for j := range 5 {
			q.b[j] += row[j] * yi
			for k := range 5 {
				q.g[j][k] += row[j] * row[k]
			}
		}
		q.s += yi * yi
	}
	return q
}

func (q *gram) LossGrad(w, grad []float64) float64 {
	w = w[:5]
	grad = grad[:5]
	loss := q.s
	for j := range 5 {
		row := &q.g[j]
		gw := row[0]*w[0] + row[1]*w[1] + row[2]*w[2] + row[3]*w[3] + row[4]*w[4]
		grad[j] = 2 * (gw - q.b[j])
		loss += w[j] * (gw - 2*q.b[j])
	}
	return loss
}

func (q *gram) Minimum(w []float64) {
	g := mat.NewSymDense(5, nil)
	for i := range 5 {
		for j := i; j < 5; j++ {
			g.SetSym(i, j, q.g[i][j])
		}
	}
	var chol mat.Cholesky
	var sol mat.VecDense
	if !chol.Factorize(g) || chol.SolveVecTo(&sol, mat.NewVecDense(5, q.b[:])) != nil {
		for i := range w {
			w[i] = math.NaN()
		}
		return
	}
	for i := range w {
		w[i] = sol.AtVec(i)
	}
}

// funcObjective adapts a function to an Objective. Its values cannot be
// compared with ==.
type funcObjective func(w, grad []float64) float64

func (f funcObjective) LossGrad(w, grad []float64) float64 { return f(w, grad) }

// recorder is an Objective that records where it is evaluated.
type recorder struct {
	Objective
	points [][]float64
}

func (r *recorder) LossGrad(w, grad []float64) float64 {
	r.points = append(r.points, append([]float64(nil), w...))
	return r.Objective.LossGrad(w, grad)
}

// Monthly mean temperatures (°C) and their month numbers.
var (
	months = []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
	temps  = []float64{5.2, 5.7, 8.6, 14.9, 18.2, 20.4, 25.5, 26.4, 22.8, 17.5, 11.1, 6.6}
)
