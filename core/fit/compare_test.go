package fit

import (
	"math"
	"testing"

	"tempfit/core/data"
)

// bruteLeaveOneOut refits the model without each point in turn and sums
// the squared errors of the left-out points.
func bruteLeaveOneOut(t *testing.T, d *data.Dataset, m Model) float64 {
	t.Helper()
	total := 0.0
	for i := range d.X {
		x := append(append([]float64(nil), d.X[:i]...), d.X[i+1:]...)
		y := append(append([]float64(nil), d.Y[:i]...), d.Y[i+1:]...)
		rest, err := data.New(d.XName, d.YName, x, y)
		if err != nil {
			t.Fatal(err)
		}
		pr, err := NewProblem(rest, m)
		if err != nil {
			t.Fatal(err)
		}
		e := d.Y[i] - pr.Predict(pr.Optimum(), d.X[i:i+1])[0]
		total += e * e
	}
	return total
}

func TestPRESSAgainstRefits(t *testing.T) {
	models := []Model{
		BookModel(),
		{Kind: Polynomial, Degree: 2, Scaling: Scaled},
		{Kind: Polynomial, Degree: 6, Scaling: Raw},
		{Kind: Seasonal, Harmonics: 2, Period: 12},
		{Kind: Seasonal, Trend: 1, Harmonics: 1, Period: 12, Scaling: Raw},
	}
	for _, d := range []*data.Dataset{bookData(t), yearsData(t)} {
		for _, m := range models {
			pr, err := NewProblem(d, m)
			if err != nil {
				t.Fatal(err)
			}
			press, brute := pr.PRESS(), bruteLeaveOneOut(t, d, m)
			if !near(press, brute, 1e-9) {
				t.Errorf("%s on %s: PRESS %v, refits %v", m, d.XName, press, brute)
			}
			// With one fold per point, cross-validation is leave-one-out.
			cv := pr.crossValidate(Folds(d.Len(), d.Len(), 7), d.Len())
			if !near(cv, brute, 1e-9) {
				t.Errorf("%s on %s: %d-fold CV %v, refits %v", m, d.XName, d.Len(), cv, brute)
			}
		}
	}
}

func TestCrossValidationAgainstRefits(t *testing.T) {
	d := yearsData(t)
	m := Model{Kind: Polynomial, Degree: 4, Scaling: Raw}
	const k = 10
	folds := Folds(d.Len(), k, 42)
	want := 0.0
	for f := 0; f < k; f++ {
		var x, y, hx, hy []float64
		for i := range d.X {
			if folds[i] == f {
				hx, hy = append(hx, d.X[i]), append(hy, d.Y[i])
			} else {
				x, y = append(x, d.X[i]), append(y, d.Y[i])
			}
		}
		rest, _ := data.New("x", "y", x, y)
		pr, err := NewProblem(rest, m)
		if err != nil {
			t.Fatal(err)
		}
		for i, v := range pr.Predict(pr.Optimum(), hx) {
			want += (hy[i] - v) * (hy[i] - v)
		}
	}
	cmp, err := Compare(d, []Model{m}, CompareOptions{Seed: 42})
	if err != nil {
		t.Fatal(err)
	}
	if cmp.Folds != k || !near(cmp.Candidates[0].CV, want, 1e-9) {
		t.Errorf("%d folds, CV %v; want %d folds, %v from refits", cmp.Folds, cmp.Candidates[0].CV, k, want)
	}
}

func TestFoldsAreBalancedAndSeeded(t *testing.T) {
	a, b := Folds(23, 5, 1), Folds(23, 5, 1)
	count := make([]int, 5)
	for i := range a {
		if a[i] != b[i] {
			t.Fatal("the same seed gave other folds")
		}
		count[a[i]]++
	}
	for f, c := range count {
		if c < 4 || c > 5 {
			t.Errorf("fold %d has %d points", f, c)
		}
	}
	c := Folds(23, 5, 2)
	same := true
	for i := range a {
		same = same && a[i] == c[i]
	}
	if same {
		t.Error("another seed gave the same folds")
	}
}

func TestCompareDegrees(t *testing.T) {
	d := bookData(t)
	models := DegreeCandidates(d.Len(), Raw)
	if len(models) != 11 || models[10].Degree != 10 {
		t.Fatalf("%d candidates for 12 points", len(models))
	}
	cmp, err := Compare(d, models, CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]float64{1: 588.45, 2: 90.49, 3: 32.61, 4: 12.14, 5: 8.42, 6: 6.24, 7: 5.15}
	for deg, sse := range want {
		if got := cmp.Candidates[deg].SSE; math.Abs(got-sse) > 0.005 {
			t.Errorf("degree %d: SSE %v, want %v", deg, got, sse)
		}
	}
	for i, c := range cmp.Candidates {
		if i > 0 && c.SSE > cmp.Candidates[i-1].SSE*(1+1e-12) {
			t.Errorf("training SSE rose from degree %d to %d", i-1, i)
		}
		if c.PRESS < c.SSE || c.CV < c.SSE {
			t.Errorf("degree %d: validation errors %v, %v below the training error %v", i, c.PRESS, c.CV, c.SSE)
		}
	}
	best := cmp.Candidates[cmp.Best]
	for _, c := range cmp.Candidates {
		if c.PRESS < best.PRESS {
			t.Errorf("best is degree %d with PRESS %v, degree %d has %v", best.Model.Degree, best.PRESS, c.Model.Degree, c.PRESS)
		}
	}
	// Past some degree the curve follows the noise: validation error
	// rises again while training error keeps falling.
	if last := cmp.Candidates[len(cmp.Candidates)-1]; !(last.PRESS > best.PRESS) {
		t.Errorf("degree 10 PRESS %v not above the best %v", last.PRESS, best.PRESS)
	}
}

func TestHarmonicCandidates(t *testing.T) {
	base := Model{Kind: Seasonal, Trend: 1, Period: 12, Scaling: Raw}
	ms := HarmonicCandidates(12, base, MaxHarmonics)
	// Trend 1 and K harmonics: 2 + 2K parameters, at most 10.
	if len(ms) != 4 || ms[3].Harmonics != 4 || ms[3].Trend != 1 {
		t.Errorf("candidates %v", ms)
	}
	cmp, err := Compare(bookData(t), ms, CompareOptions{Folds: 4, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if cmp.Folds != 4 || cmp.Best < 0 {
		t.Errorf("folds %d, best %d", cmp.Folds, cmp.Best)
	}
}

func TestCompareFewPoints(t *testing.T) {
	one, _ := data.New("x", "y", []float64{3}, []float64{7})
	cmp, err := Compare(one, []Model{{Kind: Polynomial, Degree: 0, Scaling: Raw}, {Kind: Polynomial, Degree: 2, Scaling: Raw}}, CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c := cmp.Candidates[0]
	if c.SSE != 0 || !math.IsInf(c.PRESS, 1) || !math.IsNaN(c.CV) || cmp.Best != 0 {
		t.Errorf("one point: %+v, best %d", c, cmp.Best)
	}
	if cmp.Candidates[1].Warning == nil {
		t.Error("degree 2 through one point has no warning")
	}
	if _, err := Compare(bookData(t), DegreeCandidates(12, Raw), CompareOptions{Folds: 13}); err == nil {
		t.Error("13 folds for 12 points were accepted")
	}
}
