package fit

import (
	"math"
	"math/big"

	"gonum.org/v1/gonum/mat"
)

// Moving coefficients between the design basis (Chebyshev polynomials of
// the design's t, then harmonics) and the optimizers' features (powers of
// raw or scaled x, then the same harmonics). The polynomial part is
// converted exactly and rounded once; the harmonics are the same functions
// in both.

// trendTerms returns the number of polynomial terms of the problem's model.
func (pr *Problem) trendTerms() int { return pr.Basis.Model.TrendDegree() + 1 }

// toFeatures returns design-basis coefficients re-expressed in the
// optimizers' features, each rounded once from the exact value.
func (pr *Problem) toFeatures(coef []float64) []float64 {
	n := pr.trendTerms()
	out := append([]float64(nil), coef...)
	power := chebToPower(rats(coef[:n]))
	// The design's t as a function of the features' variable.
	t := compose(pr.Basis.tOfX().inverse(), pr.design.tOfX())
	copy(out, floats(rewrite(power, t)))
	return out
}

// toDesign returns the p×p matrix M, row major, with a = M·w mapping
// weights in the optimizers' features to design-basis coefficients: column
// j holds the design coefficients of feature j.
func (pr *Problem) toDesign() []float64 {
	pr.toDesignOnce.Do(func() {
		p, n := len(pr.opt), pr.trendTerms()
		m := make([]float64, p*p)
		// The features' variable as a function of the design's t.
		u := compose(pr.design.tOfX().inverse(), pr.Basis.tOfX())
		for j := 0; j < n; j++ {
			unit := make([]*big.Rat, n)
			for i := range unit {
				unit[i] = new(big.Rat)
			}
			unit[j].SetInt64(1)
			col := floats(powerToCheb(rewrite(unit, u)))
			for i, v := range col {
				m[i*p+j] = v
			}
		}
		for j := n; j < p; j++ {
			m[j*p+j] = 1
		}
		pr.toDesignMatrix = m
	})
	return pr.toDesignMatrix
}

// designCoefficients returns the design-basis coefficients of the curve of
// weights w: the optimum's plus M·(w − w*).
func (pr *Problem) designCoefficients(w []float64) []float64 {
	p := len(pr.opt)
	out := append([]float64(nil), pr.coef...)
	moved := false
	for i := range w {
		moved = moved || w[i] != pr.opt[i]
	}
	if !moved {
		return out
	}
	m := pr.toDesign()
	for i := 0; i < p; i++ {
		for j := 0; j < p; j++ {
			out[i] += m[i*p+j] * (w[j] - pr.opt[j])
		}
	}
	return out
}

// featureFactor returns K = R·M, p×p row major: the R factor of the design
// matrix in the optimizers' features, X = Φ·M = Q·R·M. Both R and M are
// upper triangular (a feature of degree j is a combination of design
// functions of degree at most j), so K is too.
func (pr *Problem) featureFactor() []float64 {
	p := len(pr.opt)
	m := pr.toDesign()
	k := make([]float64, p*p)
	for i := 0; i < p; i++ {
		for j := i; j < p; j++ {
			s := 0.0
			for l := i; l <= j; l++ {
				s += pr.r[i*p+l] * m[l*p+j]
			}
			k[i*p+j] = s
		}
	}
	return k
}

// gramLimit is the largest ε·cond(K)², the relative error bound of the
// quadratic form dᵀ(KᵀK)d in float64, for which LossGrad uses KᵀK. The
// book's degree-4 polynomial in raw x, cond(K) ≈ 1e5, is well inside.
const gramLimit = 1e-4

// gramOf returns KᵀK for the p×p upper triangle k, or nil when cond(k) is
// too large for it to serve (see gramLimit).
func gramOf(k []float64, p int) []float64 {
	c := mat.Cond(mat.NewDense(p, p, append([]float64(nil), k...)), 2)
	if !(epsilon*c*c <= gramLimit) {
		return nil
	}
	g := make([]float64, p*p)
	for i := 0; i < p; i++ {
		for j := 0; j < p; j++ {
			s := 0.0
			for l := 0; l <= min(i, j); l++ {
				s += k[l*p+i] * k[l*p+j]
			}
			g[i*p+j] = s
			if math.IsInf(s, 0) {
				return nil
			}
		}
	}
	return g
}
