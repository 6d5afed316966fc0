package fit

import (
	"slices"
	"testing"
)

func TestHoldRules(t *testing.T) {
	x := []float64{5, 1, 4, 2, 3, 6, 8, 7, 9, 10}
	for _, tc := range []struct {
		text string
		want []bool // nil: refused
	}{
		{"none", make([]bool, 10)},
		{"last:20%", []bool{false, false, false, false, false, false, false, false, true, true}},
		{"last:0.3", []bool{false, false, false, false, false, false, true, false, true, true}},
		{"span:3", []bool{false, false, false, false, false, false, true, false, true, true}},
		{"random:20%:7", RandomFraction(10, 0.2, 7)},
		{"random:20%", RandomFraction(10, 0.2, 1)},
		{"last:0", nil},
		{"last:100%", nil},
		{"span:-1", nil},
		{"span:1:2", nil},
		{"random:x", nil},
		{"first:20%", nil},
	} {
		r, err := ParseHoldRule(tc.text)
		if tc.want == nil {
			if err == nil {
				t.Errorf("%q was accepted as %+v", tc.text, r)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tc.text, err)
			continue
		}
		if got := r.Mask(x); !slices.Equal(got, tc.want) {
			t.Errorf("%q holds %v, want %v", tc.text, got, tc.want)
		}
		if back, err := ParseHoldRule(r.String()); err != nil || back != r {
			t.Errorf("%q → %q → %+v, %v", tc.text, r.String(), back, err)
		}
	}
}
