package exact

import (
	"math"
	"math/big"
	"slices"
)

// Result is what a float64 solver reports for a Case.
type Result struct {
	Fitted []float64 // the fitted values at the data's x
	SSE    float64
	// Coef are the coefficients of the powers of t = (x − Center)/Scale;
	// Center and Scale are exact. Coef is nil when the solver gives no
	// power-form coefficients.
	Coef          []float64
	Center, Scale *big.Rat
}

// Agreement is the number of decimal digits to which a Result matches the
// exact solution.
type Agreement struct {
	CoefMin, CoefMedian float64 // per coefficient, relative to its own size; NaN without coefficients
	Fitted              float64 // the worst fitted value, relative to the largest
	SSE                 float64 // relative
}

// Compare returns the digits of agreement of r with the exact fit f.
func (f *Fit) Compare(r Result) Agreement {
	a := Agreement{CoefMin: math.NaN(), CoefMedian: math.NaN(), Fitted: 17}
	largest := new(big.Rat)
	var abs big.Rat
	for _, v := range f.Fitted {
		if abs.Abs(v).Cmp(largest) > 0 {
			largest.Set(&abs)
		}
	}
	for i, v := range f.Fitted {
		a.Fitted = math.Min(a.Fitted, Digits(r.Fitted[i], v, largest))
	}
	a.SSE = Digits(r.SSE, f.SSE, f.SSE)
	if r.Coef != nil {
		exact := f.In(r.Center, r.Scale)
		d := make([]float64, len(exact))
		for i, c := range exact {
			d[i] = Digits(r.Coef[i], c, c)
		}
		slices.Sort(d)
		a.CoefMin = d[0]
		a.CoefMedian = d[len(d)/2]
		if len(d)%2 == 0 {
			a.CoefMedian = (d[len(d)/2-1] + d[len(d)/2]) / 2
		}
	}
	return a
}
