package fit

import (
	"errors"
	"math"
	"strings"
	"testing"

	"tempfit/core/data"
	"tempfit/core/optim"
)

// yearsData returns 141 yearly values, 1880 to 2020, shaped like
// temperature anomalies.
func yearsData(t testing.TB) *data.Dataset {
	t.Helper()
	x := make([]float64, 141)
	y := make([]float64, 141)
	for i := range x {
		x[i] = float64(1880 + i)
		u := float64(i) / 140
		y[i] = math.Round((-0.3+0.8*u*u+0.15*math.Sin(7*u)+0.1*math.Sin(float64(i*i)))*100) / 100
	}
	d, err := data.New("year", "anomaly", x, y)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestScaleOfY(t *testing.T) {
	ref, err := NewProblem(bookData(t), BookModel())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []float64{1e150, 1e-140} {
		d := bookData(t)
		for i := range d.Y {
			d.Y[i] *= f
		}
		pr, err := NewProblem(d, BookModel())
		if err != nil {
			t.Fatalf("y×%g: %v", f, err)
		}
		if !near(pr.OptimumSSE(), ref.OptimumSSE()*f*f, 1e-12) {
			t.Errorf("y×%g: SSE %v, want %v", f, pr.OptimumSSE(), ref.OptimumSSE()*f*f)
		}
		got, want := pr.Predict(pr.Optimum(), d.X), ref.Predict(ref.Optimum(), d.X)
		for i := range got {
			if !near(got[i], want[i]*f, 1e-13) {
				t.Errorf("y×%g: prediction %d = %v, want %v", f, i, got[i], want[i]*f)
			}
		}
	}
	for f, word := range map[float64]string{1e300: "too large", 1e-160: "too small"} {
		d := bookData(t)
		for i := range d.Y {
			d.Y[i] *= f
		}
		_, err := NewProblem(d, BookModel())
		if err == nil || !strings.Contains(err.Error(), word) {
			t.Errorf("y×%g: error %v, want one saying the values are %s", f, err, word)
		}
	}
}

// TestSolvedStateIsOptimum checks that the exact step puts the weights at a
// state whose SSE is the optimum's, even where the raw coefficients of that
// optimum cannot be held in float64.
func TestSolvedStateIsOptimum(t *testing.T) {
	secs := make([]float64, 120)
	y := make([]float64, 120)
	for i := range secs {
		secs[i] = 1.6e9 + float64(i)*2629746
		y[i] = 12 - 10*math.Cos(2*math.Pi*float64(i)/12) + 0.3*math.Sin(float64(i)*1.7)
	}
	unix, _ := data.New("seconds", "t", secs, y)
	for _, c := range []struct {
		d   *data.Dataset
		deg int
	}{{unix, 5}, {unix, 8}, {yearsData(t), 6}, {yearsData(t), 10}} {
		pr, err := NewProblem(c.d, Model{Kind: Polynomial, Degree: c.deg, Scaling: Raw})
		if err != nil {
			t.Fatal(err)
		}
		if pr.Warning() != nil {
			t.Errorf("degree %d: warning %v on full-rank data", c.deg, pr.Warning())
		}
		o, _ := optim.New(optim.Exact, 0)
		w := make([]float64, pr.NumParams())
		if _, err := o.Step(pr, w); !errors.Is(err, optim.ErrConverged) {
			t.Fatalf("degree %d: exact step returned %v", c.deg, err)
		}
		if sse := pr.SSE(w); sse != pr.OptimumSSE() {
			t.Errorf("degree %d: SSE of the solved state %v, optimum %v", c.deg, sse, pr.OptimumSSE())
		}
		if st := pr.Stats(w); st.Gap != 0 {
			t.Errorf("degree %d: gap %v at the solved state", c.deg, st.Gap)
		}
		// The residuals of the solved state agree with its SSE.
		s := 0.0
		for _, r := range pr.Residuals(w) {
			s += r * r
		}
		if !near(s, pr.OptimumSSE(), 1e-12) {
			t.Errorf("degree %d: residuals give SSE %v, optimum %v", c.deg, s, pr.OptimumSSE())
		}
	}
}

func TestRankWarnings(t *testing.T) {
	months := bookData(t)
	// Twelve points and twelve parameters: an exact fit, not a warning.
	pr, err := NewProblem(months, Model{Kind: Polynomial, Degree: 11, Scaling: Raw})
	if err != nil {
		t.Fatal(err)
	}
	if pr.Warning() != nil || pr.Rank() != 12 {
		t.Errorf("degree 11 on 12 months: rank %d, warning %v", pr.Rank(), pr.Warning())
	}
	// The same months twice: 24 points, 12 distinct x, 13 parameters.
	x := append(append([]float64(nil), months.X...), months.X...)
	y := append(append([]float64(nil), months.Y...), months.Y...)
	twice, _ := data.New("month", "t", x, y)
	pr, err = NewProblem(twice, Model{Kind: Polynomial, Degree: 12, Scaling: Scaled})
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(pr.Warning(), ErrRankDeficient) || pr.Rank() != 12 {
		t.Errorf("degree 12 on 12 distinct months: rank %d, warning %v", pr.Rank(), pr.Warning())
	}
	if !strings.Contains(pr.Warning().Error(), "fewer distinct x values") {
		t.Errorf("warning %q does not say why", pr.Warning())
	}
	if pr.OptimumSSE() > 1e-20 {
		t.Errorf("SSE %v, want an exact fit through the repeated points", pr.OptimumSSE())
	}
	// Sixth harmonic of period 12 at 24 whole months: sin(πx) is zero.
	x = make([]float64, 24)
	for i := range x {
		x[i] = float64(i + 1)
	}
	two, _ := data.New("month", "t", x, y)
	pr, err = NewProblem(two, Model{Kind: Seasonal, Harmonics: 6, Period: 12})
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(pr.Warning(), ErrDependentTerms) || pr.Rank() != 12 {
		t.Errorf("6 harmonics on 24 months: rank %d, warning %v", pr.Rank(), pr.Warning())
	}
	if got := pr.Optimum()[12]; got != 0 {
		t.Errorf("the weight of the vanishing harmonic is %v, want 0 (minimum norm)", got)
	}
}

func TestShownCoefficients(t *testing.T) {
	pr, err := NewProblem(bookData(t), BookModel())
	if err != nil {
		t.Fatal(err)
	}
	c := pr.Coefficients(pr.Optimum())
	if c.Variable != "x" || !c.RawExact() || c.Reason != "" {
		t.Errorf("book: variable %q, raw error %v, reason %q", c.Variable, c.RawError, c.Reason)
	}
	if got, want := c.Equation(4), "y = 11.12 − 9.294·x + 4.064·x² − 0.454·x³ + 0.01474·x⁴"; got != want {
		t.Errorf("Equation = %q, want %q", got, want)
	}

	pr, err = NewProblem(yearsData(t), Model{Kind: Polynomial, Degree: 10, Scaling: Raw})
	if err != nil {
		t.Fatal(err)
	}
	c = pr.Coefficients(pr.Optimum())
	if c.Variable != "t" || c.RawExact() || c.Reason == "" || c.RawWarning() == "" {
		t.Fatalf("years: variable %q, raw error %v, reason %q", c.Variable, c.RawError, c.Reason)
	}
	if got := c.Definition(); got != "t = (x − 1950)/70" {
		t.Errorf("Definition = %q", got)
	}
	if !strings.HasSuffix(c.Equation(4), ", t = (x − 1950)/70") || !strings.Contains(c.Equation(4), "·t¹⁰") {
		t.Errorf("Equation = %q", c.Equation(4))
	}
	if !strings.HasPrefix(c.RawText(), "# warning: ") {
		t.Errorf("RawText has no warning: %q", c.RawText())
	}
	// The shown coefficients, in t = (x − 1950)/70, reproduce the curve.
	for _, x := range []float64{1880, 1937, 2020} {
		tv := (x - 1950) / 70
		y := 0.0
		for i := len(c.Values) - 1; i >= 0; i-- {
			y = y*tv + c.Values[i]
		}
		if want := pr.Predict(pr.Optimum(), []float64{x})[0]; math.Abs(y-want) > 1e-12 {
			t.Errorf("x=%v: shown coefficients give %v, the curve %v", x, y, want)
		}
	}
}

func TestShortCenterScale(t *testing.T) {
	for _, c := range []struct {
		lo, hi       float64
		center, scal string
	}{
		{1880, 2020, "1950", "70"},
		{1.6e9, 1.9e9, "1750000000", "150000000"},
		{1000, 1001, "1000.50", "0.5"},
		{1, 12, "6.5", "5.5"},
		{-3, 3, "0", "3"},
		{-30, 10, "-10", "20"},
		{5, 5, "5", "1"},
	} {
		center, scale := shortCenterScale(c.lo, c.hi)
		if center != c.center || scale != c.scal {
			t.Errorf("[%v, %v]: c=%s s=%s, want c=%s s=%s", c.lo, c.hi, center, scale, c.center, c.scal)
		}
	}
}
