// Package exact solves polynomial least-squares problems in rational
// arithmetic, with no rounding at all, and generates the ill-conditioned
// problems Tempfit's float64 solver is measured against.
package exact

import (
	"errors"
	"math"
	"math/big"
)

// Fit is the exact least-squares polynomial of a degree through points.
type Fit struct {
	// Origin is the rational the coefficients are centred on: the
	// polynomial is Σ Coef[i]·(x − Origin)^i.
	Origin *big.Rat
	Coef   []*big.Rat
	// Fitted holds the exact values of the polynomial at the data's x.
	Fitted []*big.Rat
	// SSE is the exact sum of squared residuals.
	SSE *big.Rat
}

// Solve returns the exact least-squares polynomial of degree deg through
// the points (x_i, y_i), every float64 taken as the rational it is. It
// solves the normal equations, which are exact in rationals, in x − origin
// with origin a whole number near the middle of x to keep the numbers
// small. It fails when the normal equations are singular (fewer distinct x
// than coefficients).
func Solve(x, y []float64, deg int) (*Fit, error) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range x {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	origin := new(big.Rat).SetFloat64(math.Round(lo/2 + hi/2))
	p := deg + 1
	u := make([]*big.Rat, len(x))
	for i, v := range x {
		u[i] = new(big.Rat).Sub(new(big.Rat).SetFloat64(v), origin)
	}
	// Power sums Σ u^k for k ≤ 2·deg and Σ u^k·y for k ≤ deg.
	moments := make([]*big.Rat, 2*p-1)
	rhs := make([]*big.Rat, p)
	for k := range moments {
		moments[k] = new(big.Rat)
	}
	for k := range rhs {
		rhs[k] = new(big.Rat)
	}
	pow, term := new(big.Rat), new(big.Rat)
	for i := range u {
		yi := new(big.Rat).SetFloat64(y[i])
		pow.SetInt64(1)
		for k := range moments {
			moments[k].Add(moments[k], pow)
			if k < p {
				rhs[k].Add(rhs[k], term.Mul(pow, yi))
			}
			pow.Mul(pow, u[i])
		}
	}
	a := make([][]*big.Rat, p)
	for i := range a {
		a[i] = make([]*big.Rat, p+1)
		for j := 0; j < p; j++ {
			a[i][j] = new(big.Rat).Set(moments[i+j])
		}
		a[i][p] = new(big.Rat).Set(rhs[i])
	}
	coef, err := gauss(a)
	if err != nil {
		return nil, err
	}
	f := &Fit{Origin: origin, Coef: coef, SSE: new(big.Rat)}
	for i := range u {
		v := horner(coef, u[i])
		f.Fitted = append(f.Fitted, v)
		r := new(big.Rat).Sub(new(big.Rat).SetFloat64(y[i]), v)
		f.SSE.Add(f.SSE, r.Mul(r, r))
	}
	return f, nil
}

// gauss solves the augmented system a (p rows of p+1) by elimination with
// a non-zero pivot.
func gauss(a [][]*big.Rat) ([]*big.Rat, error) {
	p := len(a)
	factor, term := new(big.Rat), new(big.Rat)
	for col := 0; col < p; col++ {
		piv := -1
		for r := col; r < p; r++ {
			if a[r][col].Sign() != 0 {
				piv = r
				break
			}
		}
		if piv < 0 {
			return nil, errors.New("exact: singular normal equations")
		}
		a[col], a[piv] = a[piv], a[col]
		for r := col + 1; r < p; r++ {
			if a[r][col].Sign() == 0 {
				continue
			}
			factor.Quo(a[r][col], a[col][col])
			for c := col; c <= p; c++ {
				a[r][c].Sub(a[r][c], term.Mul(factor, a[col][c]))
			}
		}
	}
	x := make([]*big.Rat, p)
	for r := p - 1; r >= 0; r-- {
		s := new(big.Rat).Set(a[r][p])
		for c := r + 1; c < p; c++ {
			s.Sub(s, term.Mul(a[r][c], x[c]))
		}
		x[r] = s.Quo(s, a[r][r])
	}
	return x, nil
}

// horner returns Σ c_i·u^i.
func horner(c []*big.Rat, u *big.Rat) *big.Rat {
	y := new(big.Rat)
	for i := len(c) - 1; i >= 0; i-- {
		y.Mul(y, u)
		y.Add(y, c[i])
	}
	return y
}

// At returns the exact value of the fitted polynomial at x.
func (f *Fit) At(x *big.Rat) *big.Rat {
	return horner(f.Coef, new(big.Rat).Sub(x, f.Origin))
}

// In returns the exact coefficients of the fitted polynomial in the
// variable v = (x − center)/scale: Σ c_i·v^i.
func (f *Fit) In(center, scale *big.Rat) []*big.Rat {
	// x − origin = scale·v + (center − origin).
	beta := new(big.Rat).Sub(center, f.Origin)
	out := make([]*big.Rat, len(f.Coef))
	for i := range out {
		out[i] = new(big.Rat)
	}
	var a, b big.Rat
	for i := len(f.Coef) - 1; i >= 0; i-- {
		for j := len(out) - 1; j >= 0; j-- {
			b.Mul(out[j], beta)
			if j > 0 {
				a.Mul(out[j-1], scale)
				b.Add(&b, &a)
			}
			out[j].Set(&b)
		}
		out[0].Add(out[0], f.Coef[i])
	}
	return out
}

// Digits returns the number of decimal digits to which approx agrees with
// exact relative to scale: −log10(|approx − exact| / |scale|), at most 17
// (agreement to the last bit of a float64), at least 0, and 17 when both
// the error and scale are zero.
func Digits(approx float64, exact, scale *big.Rat) float64 {
	diff := new(big.Rat).Sub(new(big.Rat).SetFloat64(approx), exact)
	if diff.Sign() == 0 {
		return 17
	}
	if scale.Sign() == 0 {
		return 0
	}
	rel, _ := new(big.Rat).Quo(diff, scale).Float64()
	d := -math.Log10(math.Abs(rel))
	return math.Max(0, math.Min(17, d))
}
