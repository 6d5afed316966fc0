package fit

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"tempfit/core/data"
)

// dailyTemps returns ten years of daily temperatures, x in days since
// 2012-01-01, with a trend of 0.21 °C per decade, a yearly cycle and noise.
func dailyTemps(t *testing.T) *data.Dataset {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	n := 3653
	x := make([]float64, n)
	y := make([]float64, n)
	for i := range x {
		x[i] = float64(15340 + i) // days since 1970
		y[i] = 12.5 + 0.21*float64(i)/DaysPerDecade - 9*math.Cos(2*math.Pi*(x[i]-20)/DaysPerYear) + rng.NormFloat64()
	}
	d, err := data.New("day", "temperature", x, y)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestTrendPerDecade(t *testing.T) {
	d := dailyTemps(t)
	for _, sc := range []Scaling{Raw, Scaled} {
		m := Model{Kind: Seasonal, Trend: 1, Harmonics: 2, Period: DaysPerYear, Scaling: sc}
		pr, err := NewProblem(d, m)
		if err != nil {
			t.Fatal(err)
		}
		tr, err := pr.TrendPer(pr.Optimum(), DaysPerDecade, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		// Ten years of daily values with noise σ: the slope per decade has
		// a standard error near σ·sqrt(12/n), the seasonal terms being
		// nearly orthogonal to the trend.
		sigma := pr.Inference(pr.Optimum(), 0.95).Sigma
		want := 2 * 1.96 * sigma * math.Sqrt(12/float64(d.Len()))
		if !(tr.Lower < 0.21 && 0.21 < tr.Upper) || !near(tr.Upper-tr.Lower, want, 0.05) {
			t.Errorf("%s: trend %.3f per decade, interval [%.3f, %.3f]; want it to hold 0.21 and be %.3f wide", sc, tr.Value, tr.Lower, tr.Upper, want)
		}
		// The slope is the same however the trend's features are scaled.
		raw := pr.Coefficients(pr.Optimum())
		if slope := raw.Raw[1] * DaysPerDecade; !near(slope, tr.Value, 1e-9) {
			t.Errorf("%s: raw slope %v per decade, TrendPer %v", sc, slope, tr.Value)
		}
	}
}

func TestTrendSeasonalFits(t *testing.T) {
	d := dailyTemps(t)
	plain, err := NewProblem(d, Model{Kind: Seasonal, Harmonics: 2, Period: DaysPerYear})
	if err != nil {
		t.Fatal(err)
	}
	withTrend, err := NewProblem(d, Model{Kind: Seasonal, Trend: 3, Harmonics: 2, Period: DaysPerYear, Scaling: Raw})
	if err != nil {
		t.Fatal(err)
	}
	if !(withTrend.OptimumSSE() < plain.OptimumSSE()) {
		t.Errorf("a trend did not lower the SSE: %v, %v", withTrend.OptimumSSE(), plain.OptimumSSE())
	}
	// Gradient of the loss is zero at the optimum in the optimizers'
	// features, whatever their scaling.
	g := make([]float64, withTrend.NumParams())
	withTrend.LossGrad(withTrend.Optimum(), g)
	for i, v := range g {
		if v != 0 {
			t.Errorf("gradient %d at the optimum is %v", i, v)
		}
	}
	c := withTrend.Coefficients(withTrend.Optimum())
	eq := c.Equation(4)
	if !strings.Contains(eq, "cos(2π·x/365.2425)") || !strings.Contains(eq, "sin(2π·2·x/365.2425)") {
		t.Errorf("Equation = %q", eq)
	}
	if c.Names[1] != "c1" || c.Names[4] != "a1" || c.Names[7] != "b2" {
		t.Errorf("names %v", c.Names)
	}
}

func TestRawPowersOverflow(t *testing.T) {
	d, _ := data.New("x", "y", []float64{1e30, 2e30, 3e30, 4e30}, []float64{1, 2, 0, 5})
	_, err := NewProblem(d, Model{Kind: Polynomial, Degree: 12, Scaling: Raw})
	if err == nil || !strings.Contains(err.Error(), "use scaled x") {
		t.Errorf("raw x^12 at 1e30: error %v", err)
	}
	pr, err := NewProblem(d, Model{Kind: Polynomial, Degree: 2, Scaling: Scaled})
	if err != nil {
		t.Fatal(err)
	}
	if pr.OptimumSSE() < 0 || math.IsNaN(pr.OptimumSSE()) {
		t.Errorf("SSE %v", pr.OptimumSSE())
	}
}

func TestShortForTrend(t *testing.T) {
	two := MinTrendYears * DaysPerYear
	for _, c := range []struct {
		x     []float64
		short bool
	}{
		{[]float64{5, 5}, true},
		{[]float64{100, 0, two - 1}, true},
		{[]float64{two, 0, 50}, false},
		{[]float64{0, 1000, 3652}, false},
	} {
		d, err := data.New("day", "temp", c.x, make([]float64, len(c.x)))
		if err != nil {
			t.Fatal(err)
		}
		pr, err := NewProblem(d, Model{Kind: Polynomial, Degree: 1, Scaling: Scaled})
		if err != nil {
			t.Fatal(err)
		}
		if got := pr.ShortForTrend(); got != c.short {
			t.Errorf("x %v: ShortForTrend() = %v, want %v", c.x, got, c.short)
		}
	}
}
