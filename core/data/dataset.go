package data

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// Dataset is an ordered set of (x, y) points with the names of the columns
// they came from and what x stands for.
type Dataset struct {
	XName, YName string
	X, Y         []float64
	// XAxis says what x stands for: plain numbers (the zero value), or
	// days since a date, or months.
	XAxis XAxis
}

// New returns a Dataset holding copies of x and y. It is an error for the set
// to be empty, for x and y to differ in length, for the column names to be
// the same, or for any value to be NaN or infinite; the error names the row
// (1-based) and the column.
func New(xName, yName string, x, y []float64) (*Dataset, error) {
	return Take(xName, yName, slices.Clone(x), slices.Clone(y))
}

// Take is like New but keeps x and y themselves rather than copies, for a
// caller that has just made them: it must not change them afterwards.
func Take(xName, yName string, x, y []float64) (*Dataset, error) {
	if len(x) != len(y) {
		return nil, fmt.Errorf("data: %d x values but %d y values", len(x), len(y))
	}
	if len(x) == 0 {
		return nil, errors.New("data: no points")
	}
	if xName == "" {
		xName = "x"
	}
	if yName == "" {
		yName = "y"
	}
	if xName == yName {
		return nil, fmt.Errorf("data: x and y columns have the same name %q", xName)
	}
	for i := range x {
		if !isFinite(x[i]) {
			return nil, fmt.Errorf("data: row %d, column %q: %v is not a finite number", i+1, xName, x[i])
		}
		if !isFinite(y[i]) {
			return nil, fmt.Errorf("data: row %d, column %q: %v is not a finite number", i+1, yName, y[i])
		}
	}
	return &Dataset{XName: xName, YName: yName, X: x, Y: y}, nil
}

// Len returns the number of points.
func (d *Dataset) Len() int { return len(d.X) }

// XRange returns the smallest and largest x.
func (d *Dataset) XRange() (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range d.X {
		lo, hi = min(lo, v), max(hi, v)
	}
	return lo, hi
}

func isFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// InAxis returns d with its x measured on the axis a, for adding rows
// read with one axis to a table that has another: dates are moved to a's
// origin (a Date, DateTime or YearMonth axis takes any of these), month
// names and numbers stay as they are. It is an error to mix dates with
// numbers or month names, or numbers with month names.
func (d *Dataset) InAxis(a XAxis) (*Dataset, error) {
	from := d.XAxis
	switch {
	case from.IsTime() && a.IsTime():
	case from.Kind == a.Kind:
	default:
		return nil, fmt.Errorf("data: x holds %s, not %s", from.Kind.noun(), a.Kind.noun())
	}
	out := &Dataset{XName: d.XName, YName: d.YName, X: make([]float64, len(d.X)), Y: append([]float64(nil), d.Y...), XAxis: a}
	shift := 0.0
	if a.IsTime() {
		shift = float64(from.Origin.Unix()-a.Origin.Unix()) / 86400
	}
	for i, x := range d.X {
		out.X[i] = x + shift
	}
	return out, nil
}
