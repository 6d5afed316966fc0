package fit

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
)

// RawTolerance is the largest error allowed of coefficients shown in the
// user's own x: evaluated exactly, they must reproduce the fitted curve
// over the data's x range to within RawTolerance times the range of y.
// One part in a million is below what a chart or a seven-digit equation
// can show; past it, the equation is shown in t = (x − c)/s instead.
const RawTolerance = 1e-6

// rawCheckPoints is the number of points at which raw coefficients are
// checked: the Chebyshev extreme points of the x range, where the error
// polynomial's largest value on the range is nearly reached.
const rawCheckPoints = 64

// Coefficients are a fit's coefficients as Tempfit shows them: in the
// user's x when, evaluated exactly, the coefficients of the powers of x
// reproduce the fitted curve to RawTolerance; otherwise in the centred
// and scaled variable t = (x − Center)/Scale, with Center and Scale short
// decimal numbers. Seasonal terms are always in x.
type Coefficients struct {
	Model Model
	// Variable is "x" or "t": what the powers are of.
	Variable string
	// Center and Scale define t = (x − Center)/Scale; CenterText and
	// ScaleText are their decimal forms, which are exact: the coefficients
	// are computed for those decimal values.
	Center, Scale         float64
	CenterText, ScaleText string
	Values                []float64 // one per term, in Variable
	Names                 []string  // w0, w1, … or a0, c1, a1, b1, …
	Terms                 []string  // "1", "t", "t²", "cos(2π·x/12)", …
	// Raw are the coefficients in the user's x, each the float64 nearest
	// to the exact value. When RawExact is false they are available on
	// request only, with RawWarning.
	Raw []float64
	// RawError is the largest difference on the data's x range between the
	// curve and Raw evaluated exactly, relative to the range of y.
	RawError float64
	// Reason says why the equation is in t; "" when it is in x.
	Reason string
}

// RawExact reports whether the raw coefficients reproduce the curve to
// RawTolerance.
func (c Coefficients) RawExact() bool { return c.RawError <= RawTolerance }

// RawWarning returns a warning to show with the raw coefficients, or ""
// when they reproduce the curve.
func (c Coefficients) RawWarning() string {
	if c.RawExact() {
		return ""
	}
	return fmt.Sprintf("warning: these coefficients of the powers of x, evaluated exactly, miss the fitted curve by up to %.2g times the range of y: the digits of float64 cannot hold them", c.RawError)
}

// Definition returns "t = (x − 1950)/70" for an equation in t, "" for one
// in x.
func (c Coefficients) Definition() string {
	if c.Variable != "t" {
		return ""
	}
	switch {
	case c.Center == 0:
		return fmt.Sprintf("t = x/%s", c.ScaleText)
	case c.Center < 0:
		return fmt.Sprintf("t = (x + %s)/%s", c.CenterText[1:], c.ScaleText)
	}
	return fmt.Sprintf("t = (x − %s)/%s", c.CenterText, c.ScaleText)
}

// Coefficients returns the coefficients of weights w as Tempfit shows them.
// Whether they are in x or in t is decided once per problem, from its
// optimum, so that a running fit does not switch between the two. The
// conversions and the check of the raw coefficients are done in
// convPrec-bit arithmetic from exact rational change-of-basis matrices,
// and rounded once to float64.
func (pr *Problem) Coefficients(w []float64) Coefficients {
	pr.displayOnce.Do(pr.chooseDisplay)
	m := pr.Basis.Model
	n := pr.trendTerms()
	coef := pr.designCoefficients(w)
	c := pr.display
	raw := applyMap(pr.rawMap, coef[:n])
	c.Raw = append(roundFloats(raw), coef[n:]...)
	if pr.Basis.a == 1 && pr.Basis.b == 0 {
		// The optimizers' features are the powers of x themselves: their
		// weights are the raw coefficients, as the optimizer holds them.
		copy(c.Raw[:n], w[:n])
	}
	c.RawError = pr.rawError(raw, c.Raw[:n])
	if c.Variable == "t" {
		c.Values = append(roundFloats(applyMap(pr.shownMap, coef[:n])), coef[n:]...)
	} else {
		c.Values = append([]float64(nil), c.Raw...)
	}
	c.Names = make([]string, len(coef))
	c.Terms = make([]string, len(coef))
	for i := range coef {
		c.Names[i] = coefName(m, i)
		c.Terms[i] = termNameIn(m, i, c.Variable)
		if c.Terms[i] == "" {
			c.Terms[i] = "1"
		}
	}
	return c
}

// chooseDisplay prepares the maps from design coefficients to raw and
// shown ones, decides the variable of the shown coefficients from the
// optimum and fixes t's centre and scale.
func (pr *Problem) chooseDisplay() {
	c := Coefficients{Model: pr.Basis.Model, Variable: "x"}
	lo, hi := pr.xlo, pr.xhi
	c.CenterText, c.ScaleText = shortCenterScale(lo, hi)
	c.Center, _ = strconv.ParseFloat(c.CenterText, 64)
	c.Scale, _ = strconv.ParseFloat(c.ScaleText, 64)
	n := pr.trendTerms()
	pr.rawMap = chebyshevMap(n, pr.design.tOfX())
	pr.shownMap = chebyshevMap(n, pr.tOfShown(c))
	if n > 1 {
		exactRaw := applyMap(pr.rawMap, pr.coef[:n])
		if e := pr.rawError(exactRaw, roundFloats(exactRaw)); !(e <= RawTolerance) {
			c.Variable = "t"
			c.Reason = fmt.Sprintf("the coefficients of the powers of x cannot be held in float64: evaluated exactly, they would miss the fitted curve by up to %.2g times the range of y, so the equation is in t = (x − c)/s", e)
		}
	}
	pr.display = c
	to := pr.rawMap
	if c.Variable == "t" {
		to = pr.shownMap
	}
	p := len(pr.opt)
	pr.shownMatrix = make([]float64, p*p)
	for i := 0; i < n; i++ {
		for k := 0; k < n; k++ {
			pr.shownMatrix[i*p+k], _ = to[i][k].Float64()
		}
	}
	for k := n; k < p; k++ {
		pr.shownMatrix[k*p+k] = 1
	}
}

// convPrec is the precision, in bits, of coefficient conversions and of the
// check of raw coefficients: far beyond float64's 53 bits, so that their
// rounding is nothing beside the errors measured.
const convPrec = 2048

// chebyshevMap returns the n×n matrix taking Chebyshev coefficients in the
// design's t to power coefficients in the variable u, where t = to(u):
// column k holds the power coefficients of T_k(to(u)).
func chebyshevMap(n int, to affine) [][]*big.Float {
	out := make([][]*big.Float, n)
	for i := range out {
		out[i] = make([]*big.Float, n)
	}
	for k := 0; k < n; k++ {
		unit := make([]*big.Rat, n)
		for i := range unit {
			unit[i] = new(big.Rat)
		}
		unit[k].SetInt64(1)
		for i, v := range rewrite(chebToPower(unit), to) {
			out[i][k] = new(big.Float).SetPrec(convPrec).SetRat(v)
		}
	}
	return out
}

// applyMap returns m·a in convPrec-bit arithmetic.
func applyMap(m [][]*big.Float, a []float64) []*big.Float {
	out := make([]*big.Float, len(m))
	var term, ak big.Float
	term.SetPrec(convPrec)
	ak.SetPrec(convPrec)
	for i, row := range m {
		out[i] = new(big.Float).SetPrec(convPrec)
		for k, v := range row {
			ak.SetFloat64(a[k])
			out[i].Add(out[i], term.Mul(v, &ak))
		}
	}
	return out
}

// roundFloats returns the values rounded to the nearest float64.
func roundFloats(v []*big.Float) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i], _ = x.Float64()
	}
	return out
}

// shortCenterScale returns a centre and scale for t = (x − c)/s as short
// decimal numbers: s is the half-range of x to two significant digits and
// c the midpoint to a tenth of s's leading digit.
func shortCenterScale(lo, hi float64) (center, scale string) {
	mid, half := lo/2+hi/2, hi/2-lo/2
	if !(half > 0) {
		return strconv.FormatFloat(mid, 'g', -1, 64), "1"
	}
	s, _ := strconv.ParseFloat(strconv.FormatFloat(half, 'g', 2, 64), 64)
	e := int(math.Floor(math.Log10(s))) - 1
	q := math.Pow(10, float64(e))
	c := math.Round(mid/q) * q
	if e < 0 {
		center = strconv.FormatFloat(c, 'f', -e, 64)
	} else {
		center = strconv.FormatFloat(c, 'f', 0, 64)
	}
	if f, _ := strconv.ParseFloat(center, 64); f == 0 {
		center = "0"
	}
	return center, strconv.FormatFloat(s, 'f', -1, 64)
}

// tOfShown returns the design's t as an exact function of the t of c.
func (pr *Problem) tOfShown(c Coefficients) affine {
	center, _ := new(big.Rat).SetString(c.CenterText)
	scale, _ := new(big.Rat).SetString(c.ScaleText)
	// x = scale·t_shown + center.
	x := affine{scale, center}
	return compose(x, pr.design.tOfX())
}

// rawError returns the largest difference, at the check points of the
// data's x range, between the polynomial with the exact coefficients and
// the one with the rounded coefficients, relative to the range of y.
func (pr *Problem) rawError(exactRaw []*big.Float, rounded []float64) float64 {
	diff := make([]*big.Float, len(rounded))
	for i, v := range rounded {
		diff[i] = new(big.Float).SetPrec(convPrec).SetFloat64(v)
		diff[i].Sub(diff[i], exactRaw[i])
	}
	lo, hi := pr.xlo, pr.xhi
	worst := 0.0
	y := new(big.Float).SetPrec(convPrec)
	xb := new(big.Float).SetPrec(convPrec)
	for k := 0; k < rawCheckPoints; k++ {
		x := lo/2 + hi/2 + (hi/2-lo/2)*math.Cos(math.Pi*float64(k)/(rawCheckPoints-1))
		xb.SetFloat64(x)
		y.SetInt64(0)
		for i := len(diff) - 1; i >= 0; i-- {
			y.Mul(y, xb)
			y.Add(y, diff[i])
		}
		v, _ := y.Float64()
		worst = math.Max(worst, math.Abs(v))
	}
	return worst / pr.yRange()
}

// yRange returns the range of the data's y, or a stand-in when it is zero:
// the largest |y|, or 1. It is found once.
func (pr *Problem) yRange() float64 {
	pr.yRangeOnce.Do(func() { pr.yRng = pr.findYRange() })
	return pr.yRng
}

// findYRange finds what yRange returns.
func (pr *Problem) findYRange() float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, y := range pr.Data.Y {
		lo, hi = min(lo, y), max(hi, y)
	}
	largest := max(-lo, hi)
	switch {
	case hi > lo:
		return hi - lo
	case largest > 0:
		return largest
	}
	return 1
}
