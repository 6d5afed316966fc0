package session

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/train"
)

// solved returns the snapshot of the exact fit of model m to the CSV text.
func solved(t *testing.T, text string, m fit.Model) *train.Snapshot {
	t.Helper()
	res, err := data.ParseText(text, data.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tr, err := train.New(res.Data, train.Config{Model: m, Method: "exact"})
	if err != nil {
		t.Fatal(err)
	}
	tr.Solve()
	return tr.Snapshot()
}

// readRecords reads the CSV file at path.
func readRecords(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func parseFloat(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestWriteGridPredictionsOnDates(t *testing.T) {
	var b strings.Builder
	b.WriteString("date,temp\n")
	for i := range 40 {
		day := 1 + i%28
		month := 1 + i/28
		// A line with a little noise, so that the fit has an error to
		// estimate.
		noise := []float64{0.3, -0.2, 0.1, -0.4, 0.2}[i%5]
		b.WriteString("2015-0" + strconv.Itoa(month) + "-" + twoDigits(day) + "," + strconv.FormatFloat(10+0.1*float64(i)+noise, 'f', 2, 64) + "\n")
	}
	snap := solved(t, b.String(), fit.Model{Kind: fit.Polynomial, Degree: 1, Scaling: fit.Raw})
	pr := snap.Problem
	xs := []float64{40, 41, 42.25}

	dir := t.TempDir()
	wide := filepath.Join(dir, "wide.csv")
	if err := WriteGridPredictions(wide, snap, xs, PredictionInterval, 0.9); err != nil {
		t.Fatal(err)
	}
	recs := readRecords(t, wide)
	if got := strings.Join(recs[0], ","); got != "date,predicted,lower,upper" {
		t.Fatalf("header %q", got)
	}
	// A point at 06:00 makes every date carry its time, as
	// data.WriteGridAxis writes them.
	if recs[1][0] != "2015-02-10 00:00" || recs[3][0] != "2015-02-12 06:00" {
		t.Errorf("x written %q, %q", recs[1][0], recs[3][0])
	}
	fitted, lo, hi := pr.Band(snap.Weights, xs, fit.PredictionBand, 0.9)
	for i, rec := range recs[1:] {
		p, l, u := parseFloat(t, rec[1]), parseFloat(t, rec[2]), parseFloat(t, rec[3])
		if p != fitted[i] || l != lo[i] || u != hi[i] || !(l < p && p < u) {
			t.Errorf("row %d: %v %v %v; want %v %v %v, bracketing", i, l, p, u, lo[i], fitted[i], hi[i])
		}
	}

	// The confidence interval is narrower; none writes two columns.
	narrow := filepath.Join(dir, "narrow.csv")
	if err := WriteGridPredictions(narrow, snap, xs, ConfidenceInterval, 0.9); err != nil {
		t.Fatal(err)
	}
	for i, rec := range readRecords(t, narrow)[1:] {
		if w, cw := parseFloat(t, recs[i+1][3])-parseFloat(t, recs[i+1][2]), parseFloat(t, rec[3])-parseFloat(t, rec[2]); !(cw > 0 && cw < w) {
			t.Errorf("row %d: confidence width %v, prediction width %v", i, cw, w)
		}
	}
	plain := filepath.Join(dir, "plain.csv")
	if err := WriteGridPredictions(plain, snap, xs, NoInterval, 0); err != nil {
		t.Fatal(err)
	}
	if recs := readRecords(t, plain); len(recs[0]) != 2 || len(recs) != 4 {
		t.Errorf("no interval: %q", recs)
	}
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func TestWriteGridPredictionsKeepsAQuotedHeader(t *testing.T) {
	snap := solved(t, "\"#, month\",temp\n1,5\n2,7\n3,8\n4,12\n", fit.Model{Kind: fit.Polynomial, Degree: 1, Scaling: fit.Raw})
	path := filepath.Join(t.TempDir(), "grid.csv")
	if err := WriteGridPredictions(path, snap, []float64{5, 6}, PredictionInterval, 0.95); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	if lines[0] != `"#, month",predicted,lower,upper` || !strings.HasPrefix(lines[1], "5,") || len(lines) != 4 {
		t.Errorf("file:\n%s", b)
	}
}

func TestWriteGridPredictionsWithoutDegreesOfFreedom(t *testing.T) {
	// Two points and a line: the curve is exact, its error unknown.
	snap := solved(t, "x,y\n1,2\n2,4\n", fit.Model{Kind: fit.Polynomial, Degree: 1, Scaling: fit.Raw})
	path := filepath.Join(t.TempDir(), "grid.csv")
	if err := WriteGridPredictions(path, snap, []float64{3}, ConfidenceInterval, 0.95); err != nil {
		t.Fatal(err)
	}
	rec := readRecords(t, path)[1]
	if p := parseFloat(t, rec[1]); math.Abs(p-6) > 1e-12 || rec[2] != "NaN" || rec[3] != "NaN" {
		t.Errorf("row %q", rec)
	}
}

func TestParseInterval(t *testing.T) {
	for s, want := range map[string]Interval{"prediction": PredictionInterval, " Confidence": ConfidenceInterval, "none": NoInterval} {
		if got, err := ParseInterval(s); err != nil || got != want {
			t.Errorf("ParseInterval(%q) = %q, %v", s, got, err)
		}
	}
	if _, err := ParseInterval("credible"); err == nil || !strings.Contains(err.Error(), "credible") {
		t.Errorf("ParseInterval(credible): %v", err)
	}
}

// BenchmarkWriteGridPredictions writes a year of hourly predictions on a
// date axis, without and with a prediction interval.
func BenchmarkWriteGridPredictions(b *testing.B) {
	var text strings.Builder
	text.WriteString("date,temp\n")
	for i := range 365 {
		fmt.Fprintf(&text, "2015-%s,%.1f\n", time.Date(2015, 1, 1+i, 0, 0, 0, 0, time.UTC).Format("01-02"), 10+8*math.Sin(float64(i)/58)+float64(i%7)/10)
	}
	res, err := data.ParseText(text.String(), data.ReadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	tr, err := train.New(res.Data, train.Config{Model: fit.Model{Kind: fit.Seasonal, Harmonics: 3, Trend: 1, Period: fit.DaysPerYear}, Method: "exact"})
	if err != nil {
		b.Fatal(err)
	}
	tr.Solve()
	snap := tr.Snapshot()
	xs := make([]float64, 365*24)
	for i := range xs {
		xs[i] = 365 + float64(i)/24
	}
	path := filepath.Join(b.TempDir(), "grid.csv")
	for _, iv := range []Interval{NoInterval, PredictionInterval} {
		b.Run(string(iv), func(b *testing.B) {
			for b.Loop() {
				if err := WriteGridPredictions(path, snap, xs, iv, 0.95); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
