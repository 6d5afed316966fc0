package fit

import (
	"errors"
	"math"

	"gonum.org/v1/gonum/mat"
)

// solve finds the exact least-squares optimum in the design basis. One pass
// over the data accumulates the QR factorization of [X y] (X the design
// matrix, y scaled by a power of two), each segment of rows on its own
// processor and the segments' factors merged in order; the triangular
// system gives the
// optimum, and refinement steps on the semi-normal equations,
// RᵀR·δ = Xᵀr with r the residuals, remove what rounding left. When the
// design has lower rank than parameters the answer is the minimum-norm one
// from the singular value decomposition of R.
func (pr *Problem) solve() error {
	p := pr.Basis.Model.NumParams()
	x, y := pr.Data.X, pr.Data.Y
	tris := make([]*triangle, (len(x)+segmentRows-1)/segmentRows)
	forSegments(len(x), func(k, start, end int) {
		tri := newTriangle(p + 1)
		row := make([]float64, p+1)
		for i := start; i < end; i++ {
			pr.design.features(x[i], row[:p])
			row[p] = y[i] / pr.yScale
			tri.add(row)
		}
		tris[k] = tri
	})
	for _, t := range tris[1:] {
		tris[0].merge(t)
	}
	aug := tris[0].R()
	pr.r = make([]float64, p*p)
	z := make([]float64, p)
	for i := 0; i < p; i++ {
		copy(pr.r[i*p:i*p+p], aug[i*(p+1):i*(p+1)+p])
		z[i] = aug[i*(p+1)+p]
	}

	pr.rank = p
	if distinct := distinctUpTo(x, p); distinct < p {
		pr.rank = distinct
		pr.warning = ErrRankDeficient
		if len(x) < p {
			pr.warning = ErrUnderdetermined
		}
	}
	if pr.rank == p && (pr.Basis.Model.Kind == Seasonal || !fullDiagonal(pr.r, p)) {
		// Harmonics can be dependent at distinct x values; so can any
		// design whose R has lost a diagonal element.
		if rank := numericalRank(pr.r, p); rank < p {
			pr.rank = rank
			pr.warning = ErrDependentTerms
		}
	}

	var a []float64
	if pr.rank == p {
		pr.inv = triangularInverse(pr.r, p)
		a = backSolve(pr.r, p, z)
	} else {
		var err error
		if pr.inv, err = pseudoInverseFactor(pr.r, p, pr.rank); err != nil {
			return err
		}
		a = normalSolve(pr.inv, mulTransVec(pr.r, p, z))
	}
	pr.optSSE = pr.refine(a)
	for _, v := range a {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return errors.New("fit: the exact solution is not a finite number")
		}
	}
	pr.coef = make([]float64, p)
	for i, v := range a {
		pr.coef[i] = v * pr.yScale
	}
	return nil
}

// maxRefinements bounds the refinement steps of the exact solve.
const maxRefinements = 3

// refine improves a, the optimum for y scaled by yScale, in place, and
// returns the sum of squared residuals of the final a (in y's units). Each
// step solves RᵀR·δ = Xᵀr for the residuals r of a, which converges to the
// least-squares solution as long as the design is not nearly singular; it
// stops when the correction no longer changes a.
func (pr *Problem) refine(a []float64) float64 {
	p := len(a)
	g := make([]float64, p)
	x, y := pr.Data.X, pr.Data.Y
	for step := 0; ; step++ {
		// Per block of rows: Xᵀr in parts[0:p], and the sum of squares
		// with its compensation in parts[p] and parts[p+1].
		parts := blockSums(len(x), p+2, func(start, end int, part []float64) {
			var buf [MaxParams]float64
			f := buf[:p]
			partSSE, comp := 0.0, 0.0
			for i := start; i < end; i++ {
				pr.design.features(x[i], f)
				r := residual(y[i]/pr.yScale, f, a)
				for j, fj := range f {
					part[j] += fj * r
				}
				sq := r * r
				partSSE, comp = twoSumAdd(partSSE, comp, sq, math.FMA(r, r, -sq))
			}
			part[p], part[p+1] = partSSE, comp
		})
		clear(g)
		sse := 0.0
		for k := 0; k < len(parts); k += p + 2 {
			for j := range g {
				g[j] += parts[k+j]
			}
			sse += parts[k+p] + parts[k+p+1]
		}
		sse *= pr.yScale * pr.yScale
		if step == maxRefinements {
			return sse
		}
		var delta []float64
		if pr.rank == p {
			delta = backSolve(pr.r, p, forwardSolveTrans(pr.r, p, g))
		} else {
			delta = normalSolve(pr.inv, g)
		}
		size, change := 0.0, 0.0
		for j := range a {
			size = math.Max(size, math.Abs(a[j]))
			change = math.Max(change, math.Abs(delta[j]))
		}
		if !(change > 4*epsilon*size) {
			return sse
		}
		for j := range a {
			a[j] += delta[j]
		}
	}
}

// epsilon is the float64 machine epsilon, 2⁻⁵².
const epsilon = 0x1p-52

// normalSolve returns W·Wᵀ·g, the solution of RᵀR·δ = g when W·Wᵀ =
// (RᵀR)⁺.
func normalSolve(w []float64, g []float64) []float64 {
	p := len(g)
	u := make([]float64, p)
	for k := 0; k < p; k++ {
		for i := 0; i < p; i++ {
			u[k] += w[i*p+k] * g[i]
		}
	}
	out := make([]float64, p)
	for i := 0; i < p; i++ {
		for k := 0; k < p; k++ {
			out[i] += w[i*p+k] * u[k]
		}
	}
	return out
}

// distinctUpTo returns the number of distinct values in x, counting no
// further than k.
func distinctUpTo(x []float64, k int) int {
	seen := make([]float64, 0, k)
outer:
	for _, v := range x {
		for _, s := range seen {
			if s == v {
				continue outer
			}
		}
		seen = append(seen, v)
		if len(seen) == k {
			break
		}
	}
	return len(seen)
}

// fullDiagonal reports whether the p×p triangle r has no zero on its
// diagonal.
func fullDiagonal(r []float64, p int) bool {
	for i := 0; i < p; i++ {
		if r[i*p+i] == 0 {
			return false
		}
	}
	return true
}

// numericalRank returns the number of singular values of the p×p matrix r
// above the tolerance p·ε·σ_max (the default of LAPACK's least-squares
// drivers and numpy's lstsq).
func numericalRank(r []float64, p int) int {
	var svd mat.SVD
	if !svd.Factorize(mat.NewDense(p, p, append([]float64(nil), r...)), mat.SVDNone) {
		return 0
	}
	vals := svd.Values(nil)
	tol := float64(p) * epsilon * vals[0]
	rank := 0
	for _, v := range vals {
		if v > tol {
			rank++
		}
	}
	return rank
}

// pseudoInverseFactor returns W = V_k·S_k⁻¹ (p×p, the columns past k zero)
// for the SVD r = U·S·Vᵀ truncated to rank k, so that W·Wᵀ = (rᵀr)⁺.
func pseudoInverseFactor(r []float64, p, k int) ([]float64, error) {
	var svd mat.SVD
	if !svd.Factorize(mat.NewDense(p, p, append([]float64(nil), r...)), mat.SVDFull) {
		return nil, errors.New("fit: singular value decomposition failed")
	}
	vals := svd.Values(nil)
	var v mat.Dense
	svd.VTo(&v)
	w := make([]float64, p*p)
	for i := 0; i < p; i++ {
		for j := 0; j < k; j++ {
			w[i*p+j] = v.At(i, j) / vals[j]
		}
	}
	return w, nil
}

// backSolve returns the solution of r·a = z for the p×p upper triangle r.
func backSolve(r []float64, p int, z []float64) []float64 {
	a := make([]float64, p)
	for i := p - 1; i >= 0; i-- {
		s := z[i]
		for j := i + 1; j < p; j++ {
			s -= r[i*p+j] * a[j]
		}
		a[i] = s / r[i*p+i]
	}
	return a
}

// forwardSolveTrans returns the solution of rᵀ·u = g for the p×p upper
// triangle r.
func forwardSolveTrans(r []float64, p int, g []float64) []float64 {
	u := make([]float64, p)
	for i := 0; i < p; i++ {
		s := g[i]
		for j := 0; j < i; j++ {
			s -= r[j*p+i] * u[j]
		}
		u[i] = s / r[i*p+i]
	}
	return u
}

// mulTransVec returns rᵀ·z.
func mulTransVec(r []float64, p int, z []float64) []float64 {
	out := make([]float64, p)
	for i := 0; i < p; i++ {
		for j := 0; j < p; j++ {
			out[j] += r[i*p+j] * z[i]
		}
	}
	return out
}

// triangularInverse returns the inverse of the p×p upper triangle r, also
// upper triangular, column by column from r·w_j = e_j.
func triangularInverse(r []float64, p int) []float64 {
	w := make([]float64, p*p)
	e := make([]float64, p)
	for j := 0; j < p; j++ {
		clear(e)
		e[j] = 1
		col := backSolve(r, p, e)
		for i := 0; i < p; i++ {
			w[i*p+j] = col[i]
		}
	}
	return w
}

// residual returns y − f·a with the dot product compensated: each product's
// rounding error (from FMA) and each sum's (from TwoSum) are summed apart
// and added at the end, which gives the result as if computed in twice the
// precision.
func residual(y float64, f, a []float64) float64 {
	s, c := y, 0.0
	for j, fj := range f {
		p := fj * a[j]
		e := math.FMA(fj, a[j], -p)
		s, c = twoSumAdd(s, c, -p, -e)
	}
	return s + c
}

// twoSumAdd adds v + ve to the sum s with compensation c: TwoSum(s, v) puts
// the rounding error of s + v into c, along with ve.
func twoSumAdd(s, c, v, ve float64) (float64, float64) {
	t := s + v
	z := t - s
	c += (s - (t - z)) + (v - z) + ve
	return t, c
}
