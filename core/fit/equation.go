package fit

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Equation returns the fitted equation in the user's x with the given number
// of significant digits, for example
// "y = 11.12 − 9.294·x + 4.064·x² − 0.454·x³ + 0.01474·x⁴".
// raw holds the coefficients from Basis.RawCoefficients.
func Equation(m Model, raw []float64, digits int) string {
	var b strings.Builder
	b.WriteString("y =")
	for i, c := range raw {
		term := termName(m, i)
		num := strconv.FormatFloat(math.Abs(c), 'g', digits, 64)
		switch {
		case i == 0 && c < 0:
			b.WriteString(" −" + num)
		case i == 0:
			b.WriteString(" " + num)
		case c < 0 || (c == 0 && math.Signbit(c)):
			b.WriteString(" − " + num)
		default:
			b.WriteString(" + " + num)
		}
		if term != "" {
			b.WriteString("·" + term)
		}
	}
	return b.String()
}

// CoefficientsText returns one line per coefficient at full float64
// precision (shortest round-trip form), such as "w4 x⁴\t0.014743589743589744".
// It is what the copy button puts on the clipboard.
func CoefficientsText(m Model, raw []float64) string {
	var b strings.Builder
	for i, c := range raw {
		term := termName(m, i)
		if term == "" {
			term = "1"
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\n", coefName(m, i), term, strconv.FormatFloat(c, 'g', -1, 64))
	}
	return b.String()
}

// coefName returns the name of coefficient i: w0.. for a polynomial; a0,
// then c1.. for a trend, then a1, b1, a2, ... for the seasonal model.
func coefName(m Model, i int) string {
	if m.Kind == Seasonal {
		n := m.Trend + 1
		switch {
		case i == 0:
			return "a0"
		case i < n:
			return fmt.Sprintf("c%d", i)
		case (i-n)%2 == 0:
			return fmt.Sprintf("a%d", (i-n)/2+1)
		}
		return fmt.Sprintf("b%d", (i-n)/2+1)
	}
	return fmt.Sprintf("w%d", i)
}

// termName returns the feature that coefficient i multiplies in the user's
// x, "" for the constant.
func termName(m Model, i int) string {
	return termNameIn(m, i, "x")
}

// termNameIn returns the feature that coefficient i multiplies with the
// powers written in variable v, "" for the constant.
func termNameIn(m Model, i int, v string) string {
	if i == 0 {
		return ""
	}
	if m.Kind == Seasonal && i > m.Trend {
		j := i - m.Trend - 1
		k := j/2 + 1
		arg := fmt.Sprintf("2π·x/%g", m.Period)
		if k > 1 {
			arg = fmt.Sprintf("2π·%d·x/%g", k, m.Period)
		}
		if j%2 == 0 {
			return "cos(" + arg + ")"
		}
		return "sin(" + arg + ")"
	}
	if i == 1 {
		return v
	}
	return v + superscript(i)
}

func superscript(n int) string {
	const digits = "⁰¹²³⁴⁵⁶⁷⁸⁹"
	sup := []rune(digits)
	var b strings.Builder
	for _, r := range strconv.Itoa(n) {
		b.WriteRune(sup[r-'0'])
	}
	return b.String()
}
