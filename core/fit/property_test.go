package fit

import (
	"math"
	"math/rand/v2"
	"runtime"
	"testing"

	"tempfit/core/data"
)

// randomFit returns a random data set and a model with fewer parameters
// than distinct x: x anywhere from around 0 to around 1e9 (Unix
// seconds), in a range wide or narrow, and y of any scale.
func randomFit(rng *rand.Rand) (*data.Dataset, Model) {
	n := 20 + rng.IntN(400)
	centre := []float64{0, 6.5, 2000, 1.7e9}[rng.IntN(4)]
	width := math.Pow(10, float64(rng.IntN(6))-1)
	scale := math.Pow(10, float64(rng.IntN(40))-20)
	x := make([]float64, n)
	y := make([]float64, n)
	for i := range x {
		x[i] = centre + width*(rng.Float64()-0.5)
		t := (x[i] - centre) / width
		y[i] = scale * (1 + t - 3*t*t + rng.NormFloat64())
	}
	d, err := data.New("x", "y", x, y)
	if err != nil {
		panic(err)
	}
	var m Model
	switch rng.IntN(3) {
	case 0:
		m = Model{Kind: Polynomial, Degree: rng.IntN(7), Scaling: Scaled}
	case 1:
		m = Model{Kind: Polynomial, Degree: rng.IntN(4), Scaling: Raw}
	default:
		m = Model{Kind: Seasonal, Harmonics: 1 + rng.IntN(3), Period: width * (0.3 + rng.Float64()), Trend: rng.IntN(3), Scaling: Scaled}
	}
	return d, m
}

// The exact solve's residual is orthogonal to every feature: the cosine
// of the angle between them is at rounding level.
func TestResidualOrthogonalToFeatures(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	maxCos, checked := 0.0, 0
	defer func() { t.Logf("max cosine %.3g over %d fits", maxCos, checked) }()
	for i := range 300 {
		d, m := randomFit(rng)
		pr, err := NewProblem(d, m)
		if err != nil {
			t.Fatalf("case %d (%v): %v", i, m, err)
		}
		if pr.Warning() != nil {
			continue
		}
		checked++
		r := pr.Residuals(pr.Optimum())
		p := pr.NumParams()
		f := make([]float64, p)
		dots := make([]float64, p)
		norms := make([]float64, p)
		rNorm := 0.0
		for k, x := range d.X {
			pr.design.features(x, f)
			for j, fj := range f {
				dots[j] += fj * r[k]
				norms[j] += fj * fj
			}
			rNorm += r[k] * r[k]
		}
		for j := range dots {
			cos := math.Abs(dots[j]) / math.Sqrt(norms[j]*rNorm)
			maxCos = math.Max(maxCos, cos)
			if cos > 1e-12 {
				t.Errorf("case %d (%v, %d points): feature %d has cosine %.3g with the residual", i, m, d.Len(), j, cos)
			}
		}
	}
}

// A polynomial of raw x and one of scaled x are the same model: their
// exact optima predict the same values.
func TestScaledAndRawPredictAlike(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for i := range 300 {
		d, m := randomFit(rng)
		if m.Kind != Polynomial {
			continue
		}
		m.Degree = min(m.Degree, 4)
		raw, scaled := m, m
		raw.Scaling, scaled.Scaling = Raw, Scaled
		pr, err := NewProblem(d, raw)
		if err != nil {
			t.Fatal(err)
		}
		ps, err := NewProblem(d, scaled)
		if err != nil {
			t.Fatal(err)
		}
		lo, hi := d.XRange()
		xs := []float64{lo, hi, (lo + hi) / 2, d.X[0], hi + (hi-lo)/10}
		a, b := pr.Predict(pr.Optimum(), xs), ps.Predict(ps.Optimum(), xs)
		size := 0.0
		for _, y := range d.Y {
			size = math.Max(size, math.Abs(y))
		}
		for k := range xs {
			if diff := math.Abs(a[k] - b[k]); diff > 1e-9*size {
				t.Errorf("case %d (%v, x in [%g, %g]): at x=%g raw %v, scaled %v", i, m, lo, hi, xs[k], a[k], b[k])
			}
		}
		if sa, sb := pr.OptimumSSE(), ps.OptimumSSE(); math.Abs(sa-sb) > 1e-9*math.Max(sa, sb) {
			t.Errorf("case %d: SSE raw %v, scaled %v", i, sa, sb)
		}
	}
}

// Spreading the passes over the processors changes nothing: a fit gives
// the same bits with one processor or several, large data sets included.
func TestFitSameBitsOnAnyProcessors(t *testing.T) {
	n := 3*segmentRows + 123
	x := make([]float64, n)
	y := make([]float64, n)
	rng := rand.New(rand.NewPCG(9, 10))
	for i := range x {
		x[i] = float64(i) / 100
		y[i] = 20 + math.Sin(x[i]/50) + rng.NormFloat64()
	}
	d, err := data.New("x", "y", x, y)
	if err != nil {
		t.Fatal(err)
	}
	solve := func() (w []float64, sse float64, pred []float64) {
		pr, err := NewProblem(d, Model{Kind: Polynomial, Degree: 5, Scaling: Scaled})
		if err != nil {
			t.Fatal(err)
		}
		w = pr.Optimum()
		moved := append([]float64(nil), w...)
		moved[0] += 0.5
		return w, pr.SSE(moved), pr.Predict(w, x)
	}
	w1, s1, p1 := solve()
	defer setProcs(setProcs(1))
	w2, s2, p2 := solve()
	if s1 != s2 {
		t.Errorf("SSE %v on several processors, %v on one", s1, s2)
	}
	for i := range w1 {
		if w1[i] != w2[i] {
			t.Errorf("weight %d: %v on several processors, %v on one", i, w1[i], w2[i])
		}
	}
	for i := range p1 {
		if p1[i] != p2[i] {
			t.Fatalf("prediction %d: %v on several processors, %v on one", i, p1[i], p2[i])
		}
	}
}

// setProcs sets GOMAXPROCS to n and returns the value it had.
func setProcs(n int) int { return runtime.GOMAXPROCS(n) }
