package data

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// maxGridPoints is the largest number of points Grid returns.
const maxGridPoints = 1_000_000

// formatFloat formats v in the shortest form that reads back as the same
// float64.
func formatFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// appendFloat appends v as formatFloat formats it.
func appendFloat(b []byte, v float64) []byte { return strconv.AppendFloat(b, v, 'g', -1, 64) }

// WritePredictions writes d with the model's predicted values as CSV with the
// header "<XName>,<YName>,predicted,residual", one row per point, where
// residual is the observed y minus the predicted value. x is written as
// d.XAxis writes it: dates in the layout they were read in, which reads
// back to the same x, and numbers, like the other values, with full float64
// precision; non-finite predictions are written as NaN, +Inf or -Inf. The
// column names are written safe for spreadsheets (see SafeText). It is
// an error for predicted and d to differ in length.
func WritePredictions(w io.Writer, d *Dataset, predicted []float64) error {
	if len(predicted) != d.Len() {
		return fmt.Errorf("data: %d points but %d predicted values", d.Len(), len(predicted))
	}
	if err := writeHeader(w, []string{d.XName, d.YName, "predicted", "residual"}); err != nil {
		return err
	}
	axis := d.XAxis.writing(d.X)
	appendX, number := axis.appender(), axis.Kind == Number
	return writeRows(w, len(d.X), func(b []byte, i int) []byte {
		b = appendField(b, appendX, d.X[i], number)
		b = append(b, ',')
		b = appendFloat(b, d.Y[i])
		b = append(b, ',')
		b = appendFloat(b, predicted[i])
		b = append(b, ',')
		b = appendFloat(b, d.Y[i]-predicted[i])
		return append(b, '\n')
	})
}

// WriteGrid writes model predictions at the points x as CSV with the header
// "<xName>,predicted", with x as plain numbers. An empty xName is written
// as "x". It is an error for x and predicted to differ in length.
func WriteGrid(w io.Writer, xName string, x, predicted []float64) error {
	return WriteGridAxis(w, xName, XAxis{}, x, predicted)
}

// WriteGridAxis is WriteGrid with x written as axis writes it: dates in
// its layout, with a time of day added when some point is not at
// midnight (and seconds when not on a whole minute), days when a
// year-month axis has points within a month, and numbers when a month
// name axis has points that are not months 1 to 12.
func WriteGridAxis(w io.Writer, xName string, axis XAxis, x, predicted []float64) error {
	if len(x) != len(predicted) {
		return fmt.Errorf("data: %d x values but %d predicted values", len(x), len(predicted))
	}
	if xName == "" {
		xName = "x"
	}
	if err := writeHeader(w, []string{xName, "predicted"}); err != nil {
		return err
	}
	axis = axis.writing(x)
	appendX, number := axis.appender(), axis.Kind == Number
	return writeRows(w, len(x), func(b []byte, i int) []byte {
		b = appendField(b, appendX, x[i], number)
		b = append(b, ',')
		b = appendFloat(b, predicted[i])
		return append(b, '\n')
	})
}

// appendField appends x as appendX writes it, quoted as CSV when the
// text holds a comma, a quote or a line end. Numbers, dates and month
// names never do, but a layout may; numbers are not looked at.
func appendField(b []byte, appendX func([]byte, float64) []byte, x float64, number bool) []byte {
	if number {
		return appendX(b, x)
	}
	start := len(b)
	b = appendX(b, x)
	if bytes.IndexAny(b[start:], ",\"\r\n") < 0 {
		return b
	}
	field := string(b[start:])
	b = append(b[:start], '"')
	b = append(b, strings.ReplaceAll(field, `"`, `""`)...)
	return append(b, '"')
}

// writeHeader writes the header record of names, made safe for
// spreadsheets by SafeText. A name that SafeText changes, and a first one
// starting with '#', which ReadCSV would take for a comment, is quoted.
func writeHeader(w io.Writer, names []string) error {
	fields := make([]string, len(names))
	for i, name := range names {
		safe := SafeText(name)
		if safe != name || (i == 0 && strings.HasPrefix(name, "#")) {
			fields[i] = `"` + strings.ReplaceAll(safe, `"`, `""`) + `"`
		} else {
			fields[i] = csvField(name)
		}
	}
	_, err := io.WriteString(w, strings.Join(fields, ",")+"\n")
	return err
}

// csvField returns s as encoding/csv writes it as a field.
func csvField(s string) string {
	var b strings.Builder
	cw := csv.NewWriter(&b)
	cw.Write([]string{s})
	cw.Flush()
	return strings.TrimSuffix(b.String(), "\n")
}

// Grid returns the points from, from+step, from+2*step, ... up to and
// including to; to itself is included when a point falls within step*1e-9 of
// it, and that point is then exactly to. It is an error for a value not to be
// finite, for step not to be positive, for from to exceed to, for step to be
// too small to change the values, or for the grid to have more than
// 1,000,000 points.
func Grid(from, to, step float64) ([]float64, error) {
	n, err := gridPoints(from, to, step)
	if err != nil {
		return nil, err
	}
	x := make([]float64, n)
	for i := range x {
		x[i] = from + float64(i)*step
		if i > 0 && x[i] <= x[i-1] {
			return nil, fmt.Errorf("grid: step %v is too small to change values near %v", step, x[i])
		}
	}
	if last := x[n-1]; math.Abs(last-to) <= step*1e-9 && (n == 1 || to > x[n-2]) {
		x[n-1] = to
	}
	return x, nil
}

// gridPoints validates a grid and returns its number of points.
func gridPoints(from, to, step float64) (int, error) {
	switch {
	case !isFinite(from) || !isFinite(to) || !isFinite(step):
		return 0, fmt.Errorf("grid: from %v, to %v and step %v must be finite numbers", from, to, step)
	case step <= 0:
		return 0, fmt.Errorf("grid: step must be greater than 0, not %v", step)
	case from > to:
		return 0, fmt.Errorf("grid: from (%v) must not be greater than to (%v)", from, to)
	}
	n := math.Floor((to-from)/step+1e-9) + 1
	if !(n <= maxGridPoints) {
		return 0, fmt.Errorf("grid: from %v to %v in steps of %v gives %.0f points; at most %d are allowed", from, to, step, n, maxGridPoints)
	}
	return int(n), nil
}

// ParseGrid parses a grid written "FROM:TO:STEP", such as "1:24:1", and
// checks it as Grid does.
func ParseGrid(s string) (from, to, step float64, err error) {
	parts := strings.Split(s, ":")
	if len(parts) != 3 {
		return 0, 0, 0, fmt.Errorf("grid: %q is not of the form FROM:TO:STEP, such as 1:24:1", s)
	}
	var v [3]float64
	for i, name := range []string{"from", "to", "step"} {
		p := strings.TrimSpace(parts[i])
		f, kind := classify(p)
		if p == "" || kind != isNumber {
			return 0, 0, 0, fmt.Errorf("grid: %s value %q is not a finite number", name, p)
		}
		v[i] = f
	}
	if _, err := gridPoints(v[0], v[1], v[2]); err != nil {
		return 0, 0, 0, err
	}
	return v[0], v[1], v[2], nil
}
