package fit

import "math/big"

// Exact changes of polynomial basis. A polynomial's coefficients are held
// as big.Rat so that moving between Chebyshev and power forms, and between
// variables related by v = α·u + β, loses nothing; only the final rounding
// to float64 does.

// rats returns the float64 values as exact rationals.
func rats(v []float64) []*big.Rat {
	out := make([]*big.Rat, len(v))
	for i, x := range v {
		out[i] = new(big.Rat).SetFloat64(x)
	}
	return out
}

// floats returns the rationals rounded to the nearest float64.
func floats(v []*big.Rat) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i], _ = x.Float64()
	}
	return out
}

// chebyshevPowers returns the power-form coefficients of T_0, …, T_d:
// row k holds those of T_k.
func chebyshevPowers(d int) [][]*big.Rat {
	rows := make([][]*big.Rat, d+1)
	for k := range rows {
		rows[k] = make([]*big.Rat, d+1)
		for j := range rows[k] {
			rows[k][j] = new(big.Rat)
		}
	}
	rows[0][0].SetInt64(1)
	if d >= 1 {
		rows[1][1].SetInt64(1)
	}
	two := big.NewRat(2, 1)
	for k := 2; k <= d; k++ {
		for j := 0; j <= k; j++ {
			if j > 0 {
				rows[k][j].Mul(two, rows[k-1][j-1])
			}
			rows[k][j].Sub(rows[k][j], rows[k-2][j])
		}
	}
	return rows
}

// chebToPower returns the power-form coefficients of Σ a_k T_k(t).
func chebToPower(a []*big.Rat) []*big.Rat {
	t := chebyshevPowers(len(a) - 1)
	out := make([]*big.Rat, len(a))
	var term big.Rat
	for j := range out {
		out[j] = new(big.Rat)
		for k := j; k < len(a); k++ {
			out[j].Add(out[j], term.Mul(a[k], t[k][j]))
		}
	}
	return out
}

// powerToCheb returns the Chebyshev coefficients of Σ c_j t^j.
func powerToCheb(c []*big.Rat) []*big.Rat {
	t := chebyshevPowers(len(c) - 1)
	rest := make([]*big.Rat, len(c))
	for j, v := range c {
		rest[j] = new(big.Rat).Set(v)
	}
	out := make([]*big.Rat, len(c))
	var term big.Rat
	for k := len(c) - 1; k >= 0; k-- {
		out[k] = new(big.Rat).Quo(rest[k], t[k][k])
		for j := 0; j <= k; j++ {
			rest[j].Sub(rest[j], term.Mul(out[k], t[k][j]))
		}
	}
	return out
}

// substituteRat returns the coefficients in v of Σ c_i (α·v + β)^i.
func substituteRat(c []*big.Rat, alpha, beta *big.Rat) []*big.Rat {
	out := make([]*big.Rat, len(c))
	for i := range out {
		out[i] = new(big.Rat)
	}
	// Horner: out = (…(c_d·(αv+β) + c_{d-1})·(αv+β) + …) + c_0.
	var a, b big.Rat
	for i := len(c) - 1; i >= 0; i-- {
		for j := len(c) - 1; j >= 0; j-- {
			b.Mul(out[j], beta)
			if j > 0 {
				a.Mul(out[j-1], alpha)
				b.Add(&b, &a)
			}
			out[j].Set(&b)
		}
		out[0].Add(out[0], c[i])
	}
	return out
}

// affine is the exact map v = α·u + β between two variables.
type affine struct{ alpha, beta *big.Rat }

// inverse returns u as an affine function of v.
func (f affine) inverse() affine {
	alpha := new(big.Rat).Inv(f.alpha)
	beta := new(big.Rat).Mul(f.beta, alpha)
	return affine{alpha, beta.Neg(beta)}
}

// tOfX returns the design's t = (x − c)·(1/s) as an exact map from x.
func (ds design) tOfX() affine {
	inv := new(big.Rat).SetFloat64(ds.invS)
	beta := new(big.Rat).Mul(new(big.Rat).SetFloat64(ds.c), inv)
	return affine{inv, beta.Neg(beta)}
}

// tOfX returns the basis's t = a·x + b as an exact map from x.
func (bs Basis) tOfX() affine {
	return affine{new(big.Rat).SetFloat64(bs.a), new(big.Rat).SetFloat64(bs.b)}
}

// compose returns g∘f: the map from f's input to g's output.
func compose(f, g affine) affine {
	alpha := new(big.Rat).Mul(g.alpha, f.alpha)
	beta := new(big.Rat).Mul(g.alpha, f.beta)
	return affine{alpha, beta.Add(beta, g.beta)}
}

// rewrite returns the coefficients in u of the polynomial Σ c_i v^i, where
// v = f(u).
func rewrite(c []*big.Rat, f affine) []*big.Rat { return substituteRat(c, f.alpha, f.beta) }
