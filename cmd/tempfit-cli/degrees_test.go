package main

import (
	"encoding/json"
	"math"
	"regexp"
	"strings"
	"testing"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/sampledata"
)

func degreesJSON(t *testing.T, args ...string) comparisonReport {
	t.Helper()
	out, errOut, status := runCLI(t, append([]string{"degrees", "--json"}, args...)...)
	if status != exitOK {
		t.Fatalf("degrees %q: status %d, %s", args, status, errOut)
	}
	var r comparisonReport
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		t.Fatalf("decoding %s: %v", out, err)
	}
	return r
}

// leaveOneOut returns the sum over the points of d of the squared error
// of each predicted by model m fitted exactly to all the others.
func leaveOneOut(t *testing.T, d *data.Dataset, m fit.Model) float64 {
	t.Helper()
	sum := 0.0
	for i := range d.X {
		held := make([]bool, d.Len())
		held[i] = true
		rest, _, err := fit.Split(d, held)
		if err != nil {
			t.Fatal(err)
		}
		pr, err := fit.NewProblem(rest, m)
		if err != nil {
			t.Fatal(err)
		}
		e := d.Y[i] - pr.Predict(pr.Optimum(), d.X[i:i+1])[0]
		sum += e * e
	}
	return sum
}

func TestDegreesBestIsTheLowestPRESS(t *testing.T) {
	r := degreesJSON(t)
	if len(r.Candidates) != 11 || *r.Candidates[0].Degree != 0 || *r.Candidates[10].Degree != 10 {
		t.Fatalf("candidates %+v", r.Candidates)
	}
	book, err := data.ReadCSV(sampledata.Default().Open(), data.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// PRESS by refitting without each point in turn, for the degrees whose
	// refits are well determined.
	lowest, best := math.Inf(1), -1
	for i, c := range r.Candidates {
		if *c.Degree <= 8 {
			want := leaveOneOut(t, book.Data, fit.Model{Kind: fit.Polynomial, Degree: *c.Degree, Scaling: fit.Raw})
			if !near(float64(c.PRESS), want, 1e-6) {
				t.Errorf("degree %d: PRESS %v, by refitting %v", *c.Degree, c.PRESS, want)
			}
		}
		if c.Warning == "" && float64(c.PRESS) < lowest {
			lowest, best = float64(c.PRESS), i
		}
	}
	if r.Best != best || !r.Candidates[best].Best || r.Rule != bestRule || r.Folds != 10 || r.Seed != 1 {
		t.Errorf("best %d (marked %v), the lowest PRESS at %d; rule %q, folds %d, seed %d", r.Best, r.Candidates[best].Best, best, r.Rule, r.Folds, r.Seed)
	}

	out, _, _ := runCLI(t, "degrees")
	row := regexp.MustCompile(`(?m)^ +(\d+) +\d+ .*← best$`).FindStringSubmatch(out)
	if row == nil || row[1] != "4" || *r.Candidates[best].Degree != 4 {
		t.Errorf("the best row %q:\n%s", row, out)
	}
}

func TestFitDegreeBest(t *testing.T) {
	cmp := degreesJSON(t, "--features", "scaled")
	r := fitJSON(t, "--degree", "best", "--features", "scaled", "--optimizer", "exact")
	want := *cmp.Candidates[cmp.Best].Degree
	if *r.Settings.Degree != want || r.Chosen == nil || r.Chosen.By != bestRule || len(r.Chosen.Candidates) != len(cmp.Candidates) {
		t.Fatalf("degree %d, want %d; chosen %+v", *r.Settings.Degree, want, r.Chosen)
	}
	out, _, _ := runCLI(t, "fit", "--degree", "best", "--optimizer", "exact")
	if !strings.Contains(out, "Chosen: degree 4 of 0 to 10, the lowest leave-one-out error") || !strings.Contains(out, "polynomial of degree 4") {
		t.Errorf("output:\n%s", out)
	}
}

func TestDegreesSeasonal(t *testing.T) {
	path := writeFile(t, t.TempDir(), "daily.csv", []byte(dailyCSV(2*365, 0.5)))
	r := degreesJSON(t, "--data", path, "--model", "seasonal", "--trend", "1", "--max-harmonics", "4", "--folds", "5", "--seed", "9")
	if len(r.Candidates) != 4 || *r.Candidates[3].Harmonics != 4 || *r.Trend != 1 || *r.Period != fit.DaysPerYear || r.Folds != 5 || r.Seed != 9 {
		t.Fatalf("comparison %+v", r)
	}
	for i, c := range r.Candidates {
		if c.Params != 2+2*(i+1) {
			t.Errorf("%d harmonics on a line: %d params", *c.Harmonics, c.Params)
		}
	}
	// A yearly cosine: one harmonic explains it, more only add noise.
	if math.Abs(float64(r.Candidates[0].SSE-r.Candidates[3].SSE)) > 0.01*float64(r.Candidates[0].SSE) {
		t.Errorf("SSE %v with one harmonic, %v with four", r.Candidates[0].SSE, r.Candidates[3].SSE)
	}
	fitted := fitJSON(t, "--data", path, "--model", "seasonal", "--trend", "1", "--harmonics", "best", "--max-harmonics", "4", "--optimizer", "exact")
	if *fitted.Settings.Harmonics != *r.Candidates[r.Best].Harmonics || fitted.Chosen == nil {
		t.Errorf("--harmonics best fitted %d harmonics; the comparison's best has %d", *fitted.Settings.Harmonics, *r.Candidates[r.Best].Harmonics)
	}
	// The default most harmonics: min(12, (n−1−trend)/2), limited by the
	// points.
	if r := degreesJSON(t, "--sample", "seoul", "--model", "seasonal"); len(r.Candidates) != 4 {
		t.Errorf("12 months: %d candidates", len(r.Candidates))
	}
	out, _, _ := runCLI(t, "degrees", "--data", path, "--model", "seasonal", "--max-harmonics", "3")
	if !strings.Contains(out, "Seasonal models with 1 to 3 harmonics, period 365.2425") || !strings.Contains(out, "--harmonics best") {
		t.Errorf("output:\n%s", out)
	}
}

func TestDegreesErrors(t *testing.T) {
	two := writeFile(t, t.TempDir(), "two.csv", []byte("x,y\n1,2\n"))
	for _, c := range []struct {
		args   []string
		status int
		want   string
	}{
		{[]string{"--folds", "1"}, exitUsage, "--folds 1"},
		{[]string{"--folds", "13"}, exitUsage, "--folds 13"},
		{[]string{"--degree", "3"}, exitUsage, "-degree"},
		{[]string{"--max-harmonics", "3"}, exitUsage, "--max-harmonics applies to --model seasonal"},
		{[]string{"--model", "seasonal", "--max-harmonics", "13"}, exitUsage, "--max-harmonics 13"},
		{[]string{"--data", two}, exitData, "too few"},
		{[]string{"extra"}, exitUsage, "unexpected argument"},
	} {
		out, errOut, status := runCLI(t, append([]string{"degrees"}, c.args...)...)
		if status != c.status || !strings.Contains(errOut, c.want) || out != "" {
			t.Errorf("degrees %q: status %d, stderr %q; want %d and %q", c.args, status, errOut, c.status, c.want)
		}
	}
}
