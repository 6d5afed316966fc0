package data

import (
	"math"
	"testing"
)

// TestNewCopiesTakeKeeps checks that New keeps copies of its slices and
// Take the slices themselves, and that both refuse the same bad sets.
func TestNewCopiesTakeKeeps(t *testing.T) {
	x, y := []float64{1, 2, 3}, []float64{4, 5, 6}
	copied, err := New("x", "y", x, y)
	if err != nil {
		t.Fatal(err)
	}
	kept, err := Take("x", "y", x, y)
	if err != nil {
		t.Fatal(err)
	}
	x[0], y[0] = 10, 40
	if copied.X[0] != 1 || copied.Y[0] != 4 {
		t.Errorf("New's set changed with its arguments: %v %v", copied.X, copied.Y)
	}
	if kept.X[0] != 10 || kept.Y[0] != 40 {
		t.Errorf("Take's set holds copies: %v %v", kept.X, kept.Y)
	}
	if kept.XName != "x" || kept.YName != "y" {
		t.Errorf("Take's names %q, %q", kept.XName, kept.YName)
	}

	for _, bad := range []struct {
		name         string
		xName, yName string
		x, y         []float64
	}{
		{"empty", "x", "y", nil, nil},
		{"lengths", "x", "y", []float64{1, 2}, []float64{1}},
		{"same names", "t", "t", []float64{1}, []float64{1}},
		{"NaN", "x", "y", []float64{1, math.NaN()}, []float64{1, 2}},
		{"Inf", "x", "y", []float64{1, 2}, []float64{math.Inf(1), 2}},
	} {
		if _, err := New(bad.xName, bad.yName, bad.x, bad.y); err == nil {
			t.Errorf("%s: New accepted it", bad.name)
		}
		if _, err := Take(bad.xName, bad.yName, bad.x, bad.y); err == nil {
			t.Errorf("%s: Take accepted it", bad.name)
		}
	}
}
