package fit

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"tempfit/core/data"
)

var bookY = []float64{5.2, 5.7, 8.6, 14.9, 18.2, 20.4, 25.5, 26.4, 22.8, 17.5, 11.1, 6.6}

func bookData(t testing.TB) *data.Dataset {
	t.Helper()
	x := make([]float64, 12)
	for i := range x {
		x[i] = float64(i + 1)
	}
	d, err := data.New("month", "temperature", x, bookY)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func near(a, b, rel float64) bool {
	return math.Abs(a-b) <= rel*math.Max(math.Abs(a), math.Abs(b))
}

func TestExactBook(t *testing.T) {
	want := []float64{11.12020, -9.293603, 4.063967, -0.4540275, 0.01474359}
	for _, sc := range []Scaling{Raw, Scaled} {
		m := BookModel()
		m.Scaling = sc
		pr, err := NewProblem(bookData(t), m)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprintf("%.6f", pr.OptimumSSE()); got != "12.144165" {
			t.Errorf("%s: optimum SSE = %s, want 12.144165", sc, got)
		}
		raw := pr.Basis.RawCoefficients(pr.Optimum())
		for i := range want {
			if !near(raw[i], want[i], 1e-6) {
				t.Errorf("%s: c%d = %.10g, want %.7g", sc, i, raw[i], want[i])
			}
		}
		st := pr.Stats(pr.Optimum())
		if got := fmt.Sprintf("%.5f", st.R2); got != "0.98147" {
			t.Errorf("%s: R² = %s, want 0.98147", sc, got)
		}
		if pr.Warning() != nil {
			t.Errorf("%s: unexpected warning %v", sc, pr.Warning())
		}
	}
}

func TestExactByDegree(t *testing.T) {
	want := map[int]string{1: "588.45", 2: "90.49", 3: "32.61", 4: "12.14", 5: "8.42", 6: "6.24", 7: "5.15"}
	for deg, w := range want {
		for _, sc := range []Scaling{Raw, Scaled} {
			pr, err := NewProblem(bookData(t), Model{Kind: Polynomial, Degree: deg, Scaling: sc})
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprintf("%.2f", pr.OptimumSSE()); got != w {
				t.Errorf("degree %d %s: SSE %s, want %s", deg, sc, got, w)
			}
		}
	}
}

func TestUnderdetermined(t *testing.T) {
	d, _ := data.New("x", "y", []float64{1, 2, 3}, []float64{1, 4, 2})
	pr, err := NewProblem(d, Model{Kind: Polynomial, Degree: 5, Scaling: Scaled})
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(pr.Warning(), ErrUnderdetermined) {
		t.Fatalf("warning = %v, want ErrUnderdetermined", pr.Warning())
	}
	if pr.OptimumSSE() > 1e-20 {
		t.Errorf("SSE = %g, want an exact fit", pr.OptimumSSE())
	}
	for i, x := range d.X {
		if got := pr.Predict(pr.Optimum(), []float64{x})[0]; math.Abs(got-d.Y[i]) > 1e-12 {
			t.Errorf("prediction at %v = %v, want %v", x, got, d.Y[i])
		}
	}
	// Minimum norm in the well-conditioned basis: the coefficients lie in
	// the row space of the design matrix, orthogonal to its null space.
	p := pr.NumParams()
	phi := mat.NewDense(d.Len(), p, nil)
	for i, x := range d.X {
		pr.design.features(x, phi.RawRowView(i))
	}
	var svd mat.SVD
	if !svd.Factorize(phi, mat.SVDFull) {
		t.Fatal("SVD failed")
	}
	var v mat.Dense
	svd.VTo(&v)
	for k := d.Len(); k < p; k++ {
		if dot := mat.Dot(v.ColView(k), mat.NewVecDense(p, pr.coef)); math.Abs(dot) > 1e-12 {
			t.Errorf("coefficients have %v along null direction %d", dot, k)
		}
	}
	if math.IsNaN(pr.StatsFor(0).GapPercent) == false {
		t.Errorf("gap percent of an exact fit should be undefined")
	}
}

func TestRankDeficient(t *testing.T) {
	d, _ := data.New("x", "y", []float64{2, 2, 2, 2}, []float64{1, 2, 3, 4})
	pr, err := NewProblem(d, Model{Kind: Polynomial, Degree: 2, Scaling: Raw})
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(pr.Warning(), ErrRankDeficient) {
		t.Fatalf("warning = %v, want ErrRankDeficient", pr.Warning())
	}
	if got := pr.Basis.Predict(pr.Optimum(), 2); !near(got, 2.5, 1e-12) {
		t.Errorf("prediction at 2 = %v, want the mean 2.5", got)
	}
}

func TestLossGradMatchesResiduals(t *testing.T) {
	for _, m := range []Model{BookModel(), {Kind: Polynomial, Degree: 3, Scaling: Scaled}, {Kind: Seasonal, Harmonics: 2, Period: 12}} {
		pr, err := NewProblem(bookData(t), m)
		if err != nil {
			t.Fatal(err)
		}
		p := m.NumParams()
		w := make([]float64, p)
		for i := range w {
			w[i] = 0.3 / float64(i+1) / math.Pow(3, float64(i))
		}
		g := make([]float64, p)
		loss := pr.LossGrad(w, g)
		if sse := pr.SSE(w); !near(loss, sse, 1e-10) {
			t.Errorf("%s: LossGrad %v, SSE from residuals %v", m, loss, sse)
		}
		if q := pr.QuickLoss(w); !near(q, loss, 1e-12) {
			t.Errorf("%s: QuickLoss %v, LossGrad %v", m, q, loss)
		}
		// Gradient 2Xᵀ(Xw − y) from the residuals.
		f := make([]float64, p)
		want := make([]float64, p)
		for i, x := range pr.Data.X {
			pr.Basis.Features(x, f)
			r := pr.Basis.Predict(w, x) - pr.Data.Y[i]
			for j := range want {
				want[j] += 2 * r * f[j]
			}
		}
		for j := range want {
			if math.Abs(g[j]-want[j]) > 1e-9*math.Max(1, math.Abs(want[j])) {
				t.Errorf("%s: grad[%d] = %v, want %v", m, j, g[j], want[j])
			}
		}
	}
}

func TestRawCoefficientsRoundTrip(t *testing.T) {
	bs := NewBasis(Model{Kind: Polynomial, Degree: 4, Scaling: Scaled}, 1, 12)
	w := []float64{0.5, -1.5, 2, 0.25, -3}
	raw := bs.RawCoefficients(w)
	for _, x := range []float64{1, 3.5, 12, 20} {
		y := 0.0
		for i := len(raw) - 1; i >= 0; i-- {
			y = y*x + raw[i]
		}
		if !near(y, bs.Predict(w, x), 1e-10) {
			t.Errorf("x=%v: raw %v, scaled %v", x, y, bs.Predict(w, x))
		}
	}
	back := bs.FromRaw(raw)
	for i := range w {
		if math.Abs(back[i]-w[i]) > 1e-10 {
			t.Errorf("FromRaw[%d] = %v, want %v", i, back[i], w[i])
		}
	}
}

func TestSeasonal(t *testing.T) {
	// Data that is exactly a first harmonic is fitted exactly.
	x := make([]float64, 24)
	y := make([]float64, 24)
	for i := range x {
		x[i] = float64(i + 1)
		y[i] = 15 - 10*math.Cos(2*math.Pi*x[i]/12) + 2*math.Sin(2*math.Pi*x[i]/12)
	}
	d, _ := data.New("month", "t", x, y)
	pr, err := NewProblem(d, Model{Kind: Seasonal, Harmonics: 1, Period: 12})
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{15, -10, 2}
	for i, w := range pr.Optimum() {
		if math.Abs(w-want[i]) > 1e-9 {
			t.Errorf("w[%d] = %v, want %v", i, w, want[i])
		}
	}
}

func TestValidate(t *testing.T) {
	bad := []Model{
		{Kind: Polynomial, Degree: -1, Scaling: Raw},
		{Kind: Polynomial, Degree: 16, Scaling: Raw},
		{Kind: Polynomial, Degree: 2, Scaling: "log"},
		{Kind: Seasonal, Harmonics: 0, Period: 12},
		{Kind: Seasonal, Harmonics: 2, Period: 0},
		{Kind: "spline"},
	}
	for _, m := range bad {
		if m.Validate() == nil {
			t.Errorf("%+v validated", m)
		}
	}
}

func TestEquation(t *testing.T) {
	raw := []float64{11.12020, -9.293603, 4.063967, -0.4540275, 0.01474359}
	got := Equation(BookModel(), raw, 4)
	want := "y = 11.12 − 9.294·x + 4.064·x² − 0.454·x³ + 0.01474·x⁴"
	if got != want {
		t.Errorf("Equation = %q, want %q", got, want)
	}
	s := Model{Kind: Seasonal, Harmonics: 2, Period: 12}
	got = Equation(s, []float64{15, -10, 2, 0.5, -0.25}, 3)
	want = "y = 15 − 10·cos(2π·x/12) + 2·sin(2π·x/12) + 0.5·cos(2π·2·x/12) − 0.25·sin(2π·2·x/12)"
	if got != want {
		t.Errorf("Equation = %q, want %q", got, want)
	}
	a, b := 0.1, 0.2
	text := CoefficientsText(BookModel(), []float64{a + b, 1e-300})
	if text != "w0\t1\t0.30000000000000004\nw1\tx\t1e-300\n" {
		t.Errorf("CoefficientsText = %q", text)
	}
}
