package main

import (
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"

	"tempfit/core/data"
)

// lineCSV is eight points near a line, for statistics worked out by hand.
const lineCSV = "x,y\n1,2.1\n2,3.9\n3,6.2\n4,7.8\n5,10.1\n6,12.2\n7,13.8\n8,16.1\n"

// lineFit is the least-squares line through lineCSV with its statistics,
// from the textbook formulas.
type lineFit struct {
	a, b           float64 // intercept and slope
	seA, seB       float64
	sse, sigma, r2 float64
	adjR2          float64
	aic, bic       float64
	df             int
}

func handLine(x, y []float64) lineFit {
	n := float64(len(x))
	var mx, my float64
	for i := range x {
		mx += x[i] / n
		my += y[i] / n
	}
	var sxx, sxy, sst float64
	for i := range x {
		sxx += (x[i] - mx) * (x[i] - mx)
		sxy += (x[i] - mx) * (y[i] - my)
		sst += (y[i] - my) * (y[i] - my)
	}
	var f lineFit
	f.b = sxy / sxx
	f.a = my - f.b*mx
	for i := range x {
		r := y[i] - f.a - f.b*x[i]
		f.sse += r * r
	}
	f.df = len(x) - 2
	f.sigma = math.Sqrt(f.sse / float64(f.df))
	f.seB = f.sigma / math.Sqrt(sxx)
	f.seA = f.sigma * math.Sqrt(1/n+mx*mx/sxx)
	f.r2 = 1 - f.sse/sst
	f.adjR2 = 1 - (1-f.r2)*(n-1)/float64(f.df)
	// −2 log L at σ² = SSE/n, with the line's two parameters and σ.
	m2LogL := n * (math.Log(2*math.Pi) + math.Log(f.sse/n) + 1)
	f.aic = m2LogL + 2*3
	f.bic = m2LogL + math.Log(n)*3
	return f
}

func lineData(t *testing.T) (path string, x, y []float64) {
	t.Helper()
	path = writeFile(t, t.TempDir(), "line.csv", []byte(lineCSV))
	res, err := data.ParseText(lineCSV, data.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return path, res.Data.X, res.Data.Y
}

func TestFitUncertaintyByHand(t *testing.T) {
	path, x, y := lineData(t)
	want := handLine(x, y)
	r := fitJSON(t, "--data", path, "--degree", "1", "--optimizer", "exact")
	in := r.Inference
	if in.Level != 0.95 || in.DF != want.df || in.Points != 8 || in.Params != 2 {
		t.Fatalf("inference %+v", in)
	}
	student := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(want.df)}
	q := student.Quantile(0.975)
	for i, w := range []struct{ value, se float64 }{{want.a, want.seA}, {want.b, want.seB}} {
		e := in.Estimates[i]
		tval := w.value / w.se
		p := 2 * student.Survival(math.Abs(tval))
		for _, c := range []struct {
			name      string
			got, want float64
		}{
			{"value", float64(e.Value), w.value}, {"std. error", float64(e.StdErr), w.se},
			{"t", float64(e.T), tval}, {"p", float64(e.P), p},
			{"lower", float64(e.Lower), w.value - q*w.se}, {"upper", float64(e.Upper), w.value + q*w.se},
		} {
			if !near(c.got, c.want, 1e-9) {
				t.Errorf("%s %s: %v, by hand %v", e.Name, c.name, c.got, c.want)
			}
		}
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"residual SD", float64(in.Sigma), want.sigma}, {"R²", float64(in.R2), want.r2},
		{"adjusted R²", float64(in.AdjR2), want.adjR2}, {"AIC", float64(in.AIC), want.aic}, {"BIC", float64(in.BIC), want.bic},
	} {
		if !near(c.got, c.want, 1e-9) {
			t.Errorf("%s: %v, by hand %v", c.name, c.got, c.want)
		}
	}

	// The text shows the same numbers.
	out, _, _ := runCLI(t, "fit", "--data", path, "--degree", "1", "--optimizer", "exact")
	for _, s := range []string{
		"Uncertainty (95% intervals; residual SD " + formatG(want.sigma, 4) + " on 6 degrees of freedom):",
		formatG(want.seB, 4),
		formatG(want.b-q*want.seB, 6) + " to " + formatG(want.b+q*want.seB, 6),
		"AIC  " + formatFixed(want.aic, 4),
		"BIC  " + formatFixed(want.bic, 4),
		"adjusted R² " + formatFixed(want.adjR2, 5),
	} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
}

func TestFitLevel(t *testing.T) {
	path, x, y := lineData(t)
	want := handLine(x, y)
	r := fitJSON(t, "--data", path, "--degree", "1", "--optimizer", "exact", "--level", "0.9")
	q := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(want.df)}.Quantile(0.95)
	e := r.Inference.Estimates[1]
	if r.Inference.Level != 0.9 || r.Settings.Level != 0.9 || !near(float64(e.Upper)-float64(e.Lower), 2*q*want.seB, 1e-9) {
		t.Errorf("level 0.9: %+v", e)
	}
	out, _, _ := runCLI(t, "fit", "--data", path, "--degree", "1", "--optimizer", "exact", "--level", "0.9")
	if !strings.Contains(out, "Uncertainty (90% intervals;") || !strings.Contains(out, "90% interval") {
		t.Errorf("output:\n%s", out)
	}
}

func TestFitUncertaintyOfAnyWeights(t *testing.T) {
	// Adam for a few steps is far from the optimum; the statistics are of
	// its own weights.
	r := fitJSON(t, "--steps", "300", "--log-every", "0")
	if r.Inference.Estimates[0].Value != r.Coefficients.Values[0] || len(r.Inference.Estimates) != 5 {
		t.Errorf("estimates %+v, coefficients %v", r.Inference.Estimates, r.Coefficients.Values)
	}
	if want := math.Sqrt(float64(r.Statistics.SSE) / 7); !near(float64(r.Inference.Sigma), want, 1e-12) || !(r.Statistics.GapPercent > 100) {
		t.Errorf("residual SD %v, want sqrt(SSE/7) = %v; gap %v%%", r.Inference.Sigma, want, r.Statistics.GapPercent)
	}
}

// yearsCSV is a smooth curve over the years 1880 to 2020, whose degree-8
// polynomial has raw coefficients float64 cannot hold.
func yearsCSV() string {
	var b strings.Builder
	b.WriteString("year,anomaly\n")
	for year := 1880; year <= 2020; year++ {
		u := float64(year-1950) / 70
		fmt.Fprintf(&b, "%d,%.4f\n", year, 0.1+0.4*u+0.3*u*u-0.2*math.Sin(3*u))
	}
	return b.String()
}

func TestFitCoefficientsInT(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "years.csv", []byte(yearsCSV()))
	pred := filepath.Join(dir, "pred.csv")
	r := fitJSON(t, "--data", path, "--degree", "8", "--optimizer", "exact", "--out", pred)
	c := r.Coefficients
	if c.Variable != "t" || c.Definition != "t = (x − 1950)/70" || *c.Center != 1950 || *c.Scale != 70 || c.Reason == "" {
		t.Fatalf("coefficients %+v", c)
	}
	if c.RawExact || c.RawWarning == "" || len(c.Raw) != 9 || !(float64(c.RawError) > 1e-6) {
		t.Errorf("raw: exact %v, error %v, warning %q", c.RawExact, c.RawError, c.RawWarning)
	}
	if r.Optimum.Coefficients.Variable != "t" || r.Inference.Estimates[3].Value != c.Values[3] {
		t.Errorf("the optimum and the estimates are not in t: %+v", r.Optimum.Coefficients)
	}
	// The shown coefficients, in t, give the predictions written.
	res, err := data.ReadFile(pred, data.ReadOptions{XColumn: "year", YColumn: "predicted"})
	if err != nil {
		t.Fatal(err)
	}
	for i, x := range res.Data.X {
		tt, v := (x-1950)/70, 0.0
		for k := len(c.Values) - 1; k >= 0; k-- {
			v = v*tt + float64(c.Values[k])
		}
		if !near(v, res.Data.Y[i], 1e-12) {
			t.Fatalf("at %v: the coefficients in t give %v, the export %v", x, v, res.Data.Y[i])
		}
	}

	out, _, _ := runCLI(t, "fit", "--data", path, "--degree", "8", "--optimizer", "exact", "--raw-coefficients")
	for _, s := range []string{
		"Coefficients in t = (x − 1950)/70, x = year:\n  in t because the coefficients of the powers of x cannot be held in float64",
		"Equation: y = ",
		", t = (x − 1950)/70\n",
		"Raw coefficients (x = year):\n  warning: these coefficients of the powers of x",
		"w8  x⁸",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
	book, _, _ := runCLI(t, "fit", "--optimizer", "exact", "--raw-coefficients")
	if !strings.Contains(book, "Raw coefficients: as above, the equation is in x.") {
		t.Errorf("the book's fit:\n%s", book)
	}
}

func TestTrendPerDecade(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "daily.csv", []byte(dailyCSV(3653, 0.3)))
	r := fitJSON(t, "--data", path, "--model", "seasonal", "--trend", "1", "--optimizer", "exact")
	tr := r.Trend
	if tr == nil {
		t.Fatal("no trend")
	}
	if !(float64(tr.Lower) < 0.3 && 0.3 < float64(tr.Upper)) || tr.Unit != "°C" || tr.Per != "decade" || tr.Level != 0.95 {
		t.Errorf("trend %+v", tr)
	}
	if slope := float64(r.Coefficients.Raw[1]) * 3652.425; !near(slope, float64(tr.Value), 1e-9) {
		t.Errorf("trend %v per decade, the slope %v per decade", tr.Value, slope)
	}
	want := fmt.Sprintf("%s °C per decade (95%%: %s to %s)",
		formatTrend(float64(tr.Value), float64(tr.Upper-tr.Lower), true),
		formatTrend(float64(tr.Lower), float64(tr.Upper-tr.Lower), false),
		formatTrend(float64(tr.Upper), float64(tr.Upper-tr.Lower), false))
	if tr.Text != want || !strings.HasPrefix(tr.Text, "+0.") {
		t.Errorf("text %q, want %q", tr.Text, want)
	}
	out, _, _ := runCLI(t, "fit", "--data", path, "--model", "seasonal", "--trend", "1", "--optimizer", "exact")
	if !strings.Contains(out, "\nTrend: "+want+"\n") {
		t.Errorf("output lacks the trend %q:\n%s", want, out)
	}
	// A straight line on dates has one too; other models and plain
	// numbers have none.
	if r := fitJSON(t, "--data", path, "--degree", "1", "--optimizer", "exact"); r.Trend == nil {
		t.Error("no trend of a line on dates")
	}
	if r := fitJSON(t, "--data", path, "--degree", "2", "--optimizer", "exact"); r.Trend != nil {
		t.Errorf("a trend of a parabola: %+v", r.Trend)
	}
	lines, _, _ := runCLI(t, "fit", "--degree", "1", "--optimizer", "exact")
	if strings.Contains(lines, "Trend:") {
		t.Errorf("a trend of months:\n%s", lines)
	}
	if tr.Warning != "" || strings.Contains(out, "warning:") {
		t.Errorf("ten years warned of: %q", tr.Warning)
	}

	// A year of days cannot tell a trend from the season.
	year := writeFile(t, dir, "year.csv", []byte(dailyCSV(365, 0.3)))
	short := fitJSON(t, "--data", year, "--model", "seasonal", "--trend", "1", "--optimizer", "exact")
	if short.Trend == nil || !strings.Contains(short.Trend.Warning, "under two years") {
		t.Errorf("a year's trend: %+v", short.Trend)
	}
	out, _, _ = runCLI(t, "fit", "--data", year, "--model", "seasonal", "--trend", "1", "--optimizer", "exact")
	if !strings.Contains(out, "\n  warning: under two years of data") {
		t.Errorf("output lacks the warning:\n%s", out)
	}
}

func TestYUnit(t *testing.T) {
	for name, want := range map[string]string{
		"평균기온(°C)":    "°C",
		"temp (°F)":   "°F",
		"flux [W/m²]": "W/m²",
		"気温（℃）":       "℃",
		"temp_max":    "temp_max",
		"()":          "()",
	} {
		if got := yUnit(name); got != want {
			t.Errorf("yUnit(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestFormatTrend(t *testing.T) {
	for _, c := range []struct {
		v, width float64
		signed   bool
		want     string
	}{
		{0.2134, 0.12, true, "+0.213"},
		{0.2134, 0.5, true, "+0.21"},
		{-7.15, 3.1, true, "-7.2"},
		{7.15, 31, false, "7"},
		{0.2134, math.NaN(), true, "+0.213"},
	} {
		if got := formatTrend(c.v, c.width, c.signed); got != c.want {
			t.Errorf("formatTrend(%v, %v, %v) = %q, want %q", c.v, c.width, c.signed, got, c.want)
		}
	}
}

func TestNumberJSON(t *testing.T) {
	b, err := json.Marshal([]number{1.5, number(math.NaN()), number(math.Inf(1))})
	if err != nil || string(b) != "[1.5,null,null]" {
		t.Fatalf("%s, %v", b, err)
	}
	var back []number
	if err := json.Unmarshal(b, &back); err != nil || back[0] != 1.5 || !math.IsNaN(float64(back[1])) {
		t.Errorf("%v, %v", back, err)
	}
}

func TestFitWithoutDegreesOfFreedom(t *testing.T) {
	path := writeFile(t, t.TempDir(), "two.csv", []byte("x,y\n1,2\n2,5\n"))
	out, errOut, status := runCLI(t, "fit", "--data", path, "--degree", "1", "--optimizer", "exact", "--json")
	if status != exitOK {
		t.Fatalf("status %d: %s", status, errOut)
	}
	r := decodeReport(t, out)
	if e := r.Inference.Estimates[1]; !math.IsNaN(float64(e.StdErr)) || !near(float64(e.Value), 3, 1e-12) || r.Inference.DF != 0 {
		t.Errorf("estimate %+v, df %d", e, r.Inference.DF)
	}
	text, _, _ := runCLI(t, "fit", "--data", path, "--degree", "1", "--optimizer", "exact")
	if !strings.Contains(text, "n/a") {
		t.Errorf("output:\n%s", text)
	}
}
