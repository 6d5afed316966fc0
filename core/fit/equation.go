package fit

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Equation returns the equation with coefficients raw in the user's x with
// the given number of significant digits, for example
// "y = 11.12 − 9.294·x + 4.064·x² − 0.454·x³ + 0.01474·x⁴". raw holds the
// coefficients from Basis.RawCoefficients. It shows x whatever its cost in
// accuracy; Coefficients.Equation follows Tempfit's rule of showing t when
// raw coefficients cannot reproduce the curve.
func Equation(m Model, raw []float64, digits int) string {
	terms := make([]string, len(raw))
	for i := range raw {
		terms[i] = termName(m, i)
	}
	return equation(terms, raw, digits)
}

// Equation returns the equation in the shown variable with the given
// number of significant digits, followed for t by its definition, as in
// "y = 0.1234 + 0.5·t − 0.02·t², t = (x − 1950)/70".
func (c Coefficients) Equation(digits int) string {
	terms := make([]string, len(c.Terms))
	for i, t := range c.Terms {
		if t != "1" {
			terms[i] = t
		}
	}
	eq := equation(terms, c.Values, digits)
	if def := c.Definition(); def != "" {
		eq += ", " + def
	}
	return eq
}

// equation writes "y = c0 + c1·term1 …" with terms "" for the constant.
func equation(terms []string, values []float64, digits int) string {
	var b strings.Builder
	b.WriteString("y =")
	for i, c := range values {
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
		if terms[i] != "" {
			b.WriteString("·" + terms[i])
		}
	}
	return b.String()
}

// CoefficientsText returns one line per coefficient raw in the user's x at
// full float64 precision (shortest round-trip form), such as
// "w4\tx⁴\t0.014743589743589744". Coefficients.Text follows Tempfit's rule
// of showing t when raw coefficients cannot reproduce the curve.
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

// Text returns one line per shown coefficient at full float64 precision,
// name, term and value separated by tabs, as CoefficientsText does. It is
// what the copy button puts on the clipboard, after Definition when the
// equation is in t.
func (c Coefficients) Text() string {
	var b strings.Builder
	for i, v := range c.Values {
		fmt.Fprintf(&b, "%s\t%s\t%s\n", c.Names[i], c.Terms[i], strconv.FormatFloat(v, 'g', -1, 64))
	}
	return b.String()
}

// RawText returns the coefficients in the user's x as Text does, preceded
// by a line "# warning: …" when they do not reproduce the curve.
func (c Coefficients) RawText() string {
	var b strings.Builder
	if w := c.RawWarning(); w != "" {
		b.WriteString("# " + w + "\n")
	}
	for i, v := range c.Raw {
		term := termName(c.Model, i)
		if term == "" {
			term = "1"
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\n", c.Names[i], term, strconv.FormatFloat(v, 'g', -1, 64))
	}
	return b.String()
}

// String returns the coefficients as plain English text: the definition
// of t and why it is used, when it is, then Text.
func (c Coefficients) String() string {
	var b strings.Builder
	if def := c.Definition(); def != "" {
		fmt.Fprintf(&b, "%s (%s)\n", def, c.Reason)
	}
	b.WriteString(c.Text())
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
