package fit

import (
	"math"
	"math/big"
	"testing"

	"tempfit/core/data"
)

// anscombe is the first of Anscombe's four data sets (The American
// Statistician 27, 1973), a textbook example of simple linear regression.
func anscombe(t *testing.T) *data.Dataset {
	t.Helper()
	d, err := data.New("x", "y",
		[]float64{10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5},
		[]float64{8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// exactLine returns the least-squares line through the data worked out in
// rational arithmetic: intercept, slope, their variances and the SSE.
func exactLine(d *data.Dataset) (b0, b1, var0, var1, sse *big.Rat) {
	n := big.NewRat(int64(d.Len()), 1)
	sx, sy := new(big.Rat), new(big.Rat)
	for i := range d.X {
		sx.Add(sx, new(big.Rat).SetFloat64(d.X[i]))
		sy.Add(sy, new(big.Rat).SetFloat64(d.Y[i]))
	}
	mx, my := new(big.Rat).Quo(sx, n), new(big.Rat).Quo(sy, n)
	sxx, sxy := new(big.Rat), new(big.Rat)
	for i := range d.X {
		dx := new(big.Rat).Sub(new(big.Rat).SetFloat64(d.X[i]), mx)
		dy := new(big.Rat).Sub(new(big.Rat).SetFloat64(d.Y[i]), my)
		sxx.Add(sxx, new(big.Rat).Mul(dx, dx))
		sxy.Add(sxy, new(big.Rat).Mul(dx, dy))
	}
	b1 = new(big.Rat).Quo(sxy, sxx)
	b0 = new(big.Rat).Sub(my, new(big.Rat).Mul(b1, mx))
	sse = new(big.Rat)
	for i := range d.X {
		r := new(big.Rat).SetFloat64(d.Y[i])
		r.Sub(r, b0)
		r.Sub(r, new(big.Rat).Mul(b1, new(big.Rat).SetFloat64(d.X[i])))
		sse.Add(sse, r.Mul(r, r))
	}
	s2 := new(big.Rat).Quo(sse, big.NewRat(int64(d.Len()-2), 1))
	var1 = new(big.Rat).Quo(s2, sxx)
	// Var(b0) = σ²·(1/n + x̄²/Sxx).
	var0 = new(big.Rat).Quo(new(big.Rat).Mul(mx, mx), sxx)
	var0.Add(var0, new(big.Rat).Inv(n))
	var0.Mul(var0, s2)
	return b0, b1, var0, var1, sse
}

func ratFloat(r *big.Rat) float64 { f, _ := r.Float64(); return f }

func TestInferenceTextbook(t *testing.T) {
	d := anscombe(t)
	pr, err := NewProblem(d, Model{Kind: Polynomial, Degree: 1, Scaling: Raw})
	if err != nil {
		t.Fatal(err)
	}
	in := pr.Inference(pr.Optimum(), 0.95)
	b0, b1, var0, var1, sse := exactLine(d)
	if in.Coefficients.Variable != "x" {
		t.Fatalf("a line in x shown in %q", in.Coefficients.Variable)
	}
	check := func(name string, got, want, rel float64) {
		t.Helper()
		if !near(got, want, rel) {
			t.Errorf("%s = %.12g, want %.12g", name, got, want)
		}
	}
	// Against the exact rational answer.
	check("intercept", in.Estimates[0].Value, ratFloat(b0), 1e-14)
	check("slope", in.Estimates[1].Value, ratFloat(b1), 1e-14)
	check("SE(intercept)", in.Estimates[0].StdErr, math.Sqrt(ratFloat(var0)), 1e-13)
	check("SE(slope)", in.Estimates[1].StdErr, math.Sqrt(ratFloat(var1)), 1e-13)
	check("SSE", in.SSE, ratFloat(sse), 1e-14)
	// Against the published answer (as R's summary.lm, confint, AIC and
	// BIC print it).
	check("intercept", in.Estimates[0].Value, 3.0000909091, 1e-10)
	check("slope", in.Estimates[1].Value, 0.5000909091, 1e-10)
	check("SE(intercept)", in.Estimates[0].StdErr, 1.1247467908, 1e-10)
	check("SE(slope)", in.Estimates[1].StdErr, 0.1179055006, 1e-9)
	check("t(intercept)", in.Estimates[0].T, 2.667347828, 1e-9)
	check("t(slope)", in.Estimates[1].T, 4.241455289, 1e-9)
	check("p(intercept)", in.Estimates[0].P, 0.025734051399, 1e-9)
	check("p(slope)", in.Estimates[1].P, 0.002169628873, 1e-9)
	check("lower(intercept)", in.Estimates[0].Lower, 0.4557368999, 1e-9)
	check("upper(intercept)", in.Estimates[0].Upper, 5.5444449183, 1e-10)
	check("lower(slope)", in.Estimates[1].Lower, 0.2333701364, 1e-9)
	check("upper(slope)", in.Estimates[1].Upper, 0.7668116818, 1e-10)
	check("sigma", in.Sigma, 1.2366033227, 1e-10)
	check("R²", in.R2, 0.6665424595, 1e-10)
	check("adjusted R²", in.AdjR2, 0.6294916217, 1e-10)
	check("F", in.F, 17.98994297, 1e-9)
	check("p(F)", in.FP, 0.002169628873, 1e-8)
	check("AIC", in.AIC, 39.68137411, 1e-10)
	check("BIC", in.BIC, 40.87505993, 1e-10)
	if in.DF != 9 {
		t.Errorf("DF = %d, want 9", in.DF)
	}

	xs := []float64{0, 9, 20}
	fit, lo, hi := pr.Band(pr.Optimum(), xs, ConfidenceBand, 0.95)
	wantLo := []float64{0.4557368999, 6.6574639499, 9.9491503144}
	wantHi := []float64{5.544444918, 8.344354232, 16.054667867}
	for i := range xs {
		check("fit", fit[i], []float64{3.000090909, 7.500909091, 13.001909091}[i], 1e-9)
		check("confidence lower", lo[i], wantLo[i], 1e-9)
		check("confidence upper", hi[i], wantHi[i], 1e-9)
	}
	_, lo, hi = pr.Band(pr.Optimum(), xs, PredictionBand, 0.95)
	wantLo = []float64{-0.7813286774, 4.5791294156, 8.8612892203}
	wantHi = []float64{6.781510496, 10.422688766, 17.142528962}
	for i := range xs {
		check("prediction lower", lo[i], wantLo[i], 1e-9)
		check("prediction upper", hi[i], wantHi[i], 1e-9)
	}

	tr, err := pr.TrendPer(pr.Optimum(), 10, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	check("trend per 10", tr.Value, 5.000909091, 1e-9)
	check("trend lower", tr.Lower, 2.333701364, 1e-9)
	check("trend upper", tr.Upper, 7.668116818, 1e-9)
}

// TestInferenceInShownBasis checks that the covariance follows the shown
// variable: for years at degree 10 the estimates are of powers of
// t = (x − 1950)/70, and the band computed in the design basis agrees with
// the one from the shown covariance.
func TestInferenceInShownBasis(t *testing.T) {
	pr, err := NewProblem(yearsData(t), Model{Kind: Polynomial, Degree: 10, Scaling: Raw})
	if err != nil {
		t.Fatal(err)
	}
	w := pr.Optimum()
	in := pr.Inference(w, 0)
	if in.Level != DefaultLevel || in.Coefficients.Variable != "t" {
		t.Fatalf("level %v, variable %q", in.Level, in.Coefficients.Variable)
	}
	p := in.Params
	for _, x := range []float64{1880, 1950.5, 2020} {
		tv := (x - 1950) / 70
		f := make([]float64, p)
		for i := range f {
			f[i] = math.Pow(tv, float64(i))
		}
		v := 0.0
		for i := 0; i < p; i++ {
			for j := 0; j < p; j++ {
				v += f[i] * in.Cov[i*p+j] * f[j]
			}
		}
		want := in.Sigma * in.Sigma * pr.leverage(x)
		if !near(v, want, 1e-8) {
			t.Errorf("x=%v: variance of the curve %v from the shown covariance, %v from the design", x, v, want)
		}
	}
	for _, e := range in.Estimates {
		if !(e.StdErr > 0) || !(e.Lower < e.Value && e.Value < e.Upper) || !(e.P >= 0 && e.P <= 1) {
			t.Errorf("estimate %+v", e)
		}
	}
}

func TestInferenceWithoutDegreesOfFreedom(t *testing.T) {
	d, _ := data.New("x", "y", []float64{1, 2, 3}, []float64{1, 4, 2})
	pr, err := NewProblem(d, Model{Kind: Polynomial, Degree: 2, Scaling: Raw})
	if err != nil {
		t.Fatal(err)
	}
	in := pr.Inference(pr.Optimum(), 0.9)
	if in.DF != 0 || !math.IsNaN(in.Sigma) || !math.IsNaN(in.Estimates[0].StdErr) {
		t.Errorf("exact fit: DF %d, sigma %v, SE %v", in.DF, in.Sigma, in.Estimates[0].StdErr)
	}
	_, lo, _ := pr.Band(pr.Optimum(), []float64{2}, PredictionBand, 0.9)
	if !math.IsNaN(lo[0]) {
		t.Errorf("band without degrees of freedom: %v", lo[0])
	}
	if _, err := pr.TrendPer(pr.Optimum(), 1, 0.9); err != ErrNoLinearTrend {
		t.Errorf("TrendPer on a quadratic: %v", err)
	}
}
