package chart

import (
	"math"
	"math/rand/v2"
	"testing"
)

// tenYears returns n temperatures read at even intervals over ten years:
// a seasonal cosine with seeded noise, x counting days.
func tenYears(n int) (x, y []float64) {
	r := rand.New(rand.NewPCG(1, 2))
	x = make([]float64, n)
	y = make([]float64, n)
	for i := range x {
		x[i] = 3652.5 * float64(i) / float64(n)
		y[i] = seasonal(x[i]) + 3*r.NormFloat64()
	}
	return x, y
}

// seasonal is the mean of tenYears at x.
func seasonal(x float64) float64 {
	return 12 - 10*math.Cos(2*math.Pi*x/365.25)
}

// BenchmarkFit1M measures a frame of the fit chart of a million points:
// making the plot and rendering it at 1280×800.
func BenchmarkFit1M(b *testing.B) {
	x, y := tenYears(1_000_000)
	optimum := func(x float64) float64 { return seasonal(x) + 0.5 }
	for b.Loop() {
		p, err := FitPlot(Fit{X: x, Y: y, Predict: seasonal, Optimum: optimum})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Render(p, 1280, 800); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/frame")
}

// BenchmarkResiduals1M measures a frame of the residual chart of a million
// points.
func BenchmarkResiduals1M(b *testing.B) {
	x, y := tenYears(1_000_000)
	res := make([]float64, len(x))
	for i := range x {
		res[i] = y[i] - seasonal(x[i])
	}
	for b.Loop() {
		p, err := ResidualPlot(Residuals{X: x, Residuals: res})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Render(p, 1280, 800); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/frame")
}
