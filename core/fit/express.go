package fit

import "math/big"

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
