package fit

import (
	"math"
	"testing"
)

func TestTrendSeasonalFeatures(t *testing.T) {
	m := Model{Kind: Seasonal, Trend: 2, Harmonics: 2, Period: 12, Scaling: Raw}
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	if m.NumParams() != 7 {
		t.Fatalf("NumParams = %d, want 7", m.NumParams())
	}
	bs := NewBasis(m, 1, 24)
	f := make([]float64, 7)
	bs.Features(3, f)
	want := []float64{1, 3, 9, 0, 1, -1, 0} // cos(π/2), sin(π/2), cos(π), sin(π)
	for i := range want {
		if f[i] != want[i] {
			t.Errorf("feature %d at x=3 is %v, want %v", i, f[i], want[i])
		}
	}
	w := []float64{1, 0.5, -0.25, 2, 3, -1, 0.5}
	dot := 0.0
	for i := range f {
		dot += w[i] * f[i]
	}
	if got := bs.Predict(w, 3); got != dot {
		t.Errorf("Predict = %v, want %v", got, dot)
	}
}

func TestTrendFollowsScaling(t *testing.T) {
	m := Model{Kind: Seasonal, Trend: 1, Harmonics: 1, Period: 12, Scaling: Scaled}
	bs := NewBasis(m, 0, 10)
	f := make([]float64, 4)
	bs.Features(10, f)
	if f[1] != 1 {
		t.Errorf("scaled trend feature at the top of the range = %v, want 1", f[1])
	}
	w := []float64{0.5, 2, 0.25, -0.75}
	raw := bs.RawCoefficients(w)
	if raw[2] != w[2] || raw[3] != w[3] {
		t.Errorf("seasonal weights changed: %v", raw)
	}
	for _, x := range []float64{0, 3.5, 10} {
		y := raw[0] + raw[1]*x + raw[2]*math.Cos(2*math.Pi*x/12) + raw[3]*math.Sin(2*math.Pi*x/12)
		if !near(y, bs.Predict(w, x), 1e-12) {
			t.Errorf("x=%v: raw %v, scaled %v", x, y, bs.Predict(w, x))
		}
	}
	back := bs.FromRaw(raw)
	for i := range w {
		if math.Abs(back[i]-w[i]) > 1e-12 {
			t.Errorf("FromRaw[%d] = %v, want %v", i, back[i], w[i])
		}
	}
}

func TestSincos2pi(t *testing.T) {
	for _, c := range []struct{ v, sin, cos float64 }{
		{0, 0, 1}, {0.25, 1, 0}, {0.5, 0, -1}, {0.75, -1, 0}, {1, 0, 1}, {-0.25, -1, 0}, {3.5, 0, -1},
	} {
		s, co := sincos2pi(c.v)
		if s != c.sin || co != c.cos {
			t.Errorf("sincos2pi(%v) = %v, %v; want %v, %v", c.v, s, co, c.sin, c.cos)
		}
	}
	for _, v := range []float64{0.1, 0.3, 0.61, 0.9, -2.2} {
		s, c := sincos2pi(v)
		ws, wc := math.Sincos(2 * math.Pi * v)
		if math.Abs(s-ws) > 1e-15 || math.Abs(c-wc) > 1e-15 {
			t.Errorf("sincos2pi(%v) = %v, %v; want %v, %v", v, s, c, ws, wc)
		}
	}
}

func TestTrendNames(t *testing.T) {
	m := Model{Kind: Seasonal, Trend: 1, Harmonics: 1, Period: 12}
	got := Equation(m, []float64{10, 0.5, -3, 2}, 3)
	want := "y = 10 + 0.5·x − 3·cos(2π·x/12) + 2·sin(2π·x/12)"
	if got != want {
		t.Errorf("Equation = %q, want %q", got, want)
	}
	text := CoefficientsText(m, []float64{10, 0.5, -3, 2})
	if text != "a0\t1\t10\nc1\tx\t0.5\na1\tcos(2π·x/12)\t-3\nb1\tsin(2π·x/12)\t2\n" {
		t.Errorf("CoefficientsText = %q", text)
	}
	bad := Model{Kind: Seasonal, Trend: 4, Harmonics: 1, Period: 12}
	if bad.Validate() == nil {
		t.Error("trend degree 4 validated")
	}
}
