package session

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/optim"
	"tempfit/core/sheet"
	"tempfit/sampledata"
)

// daily writes a station file of n days from 2012-01-01 with a gap on
// every tenth day.
func daily(t *testing.T, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("date,temp_max\n")
	day := 0
	for i := range n {
		date := fmtDate(day)
		if i%10 == 9 {
			b.WriteString(date + ",\n")
		} else {
			v := 12 + 8*math.Sin(2*math.Pi*float64(day)/365.2425) + 0.001*float64(day)
			b.WriteString(date + "," + strings.TrimRight(strings.TrimRight(strconvF(v), "0"), ".") + "\n")
		}
		day++
	}
	return writeFile(t, "station.csv", b.String())
}

func fmtDate(day int) string {
	return time.Date(2012, 1, 1+day, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
}

func strconvF(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) }

func TestDailyRecordsJourney(t *testing.T) {
	s := newBook(t)
	path := daily(t, 800)
	res, good, err := ReadFile(path, data.ReadOptions{})
	if err != nil || good != nil {
		t.Fatal(err)
	}
	s.Import(path, res)
	if n := s.ReadNote(); n.Missing != 80 || len(n.Lines) == 0 || n.Lines[0] != 11 {
		t.Errorf("read note %+v, want 80 rows skipped, the first on line 11", n)
	}
	if got := s.Config().Model.Period; got != fit.DaysPerYear {
		t.Errorf("the period on a date axis is %v, want one year of days", got)
	}
	if s.Unsaved() {
		t.Error("the period that suits dates counts as an unsaved change")
	}
	if !s.Sheet().XAxis().IsTime() || s.Sheet().Text(0, sheet.X) != "2012-01-01" {
		t.Errorf("the table shows x as %q", s.Sheet().Text(0, sheet.X))
	}
	m := fit.Model{Kind: fit.Seasonal, Harmonics: 2, Period: fit.DaysPerYear, Trend: 1, Scaling: fit.Scaled}
	if err := s.SetModel(m, optim.Exact); err != nil {
		t.Fatal(err)
	}
	s.Sync()
	s.Solve()
	snap := s.Trainer().Snapshot()
	if n := s.NoticeFor(snap); n != NoticeSolved {
		t.Errorf("notice %v", n)
	}
	trend, err := snap.Problem.TrendPer(snap.Weights, fit.DaysPerDecade, 0.95)
	if err != nil || math.Abs(trend.Value-0.001*fit.DaysPerDecade) > 0.05 {
		t.Errorf("trend per decade %+v, %v", trend, err)
	}
	// Saved and opened again, the dates and the model come back.
	proj := filepath.Join(t.TempDir(), "station.tempfit")
	if err := s.SaveProject(proj); err != nil {
		t.Fatal(err)
	}
	o := New(Options{})
	defer o.Close()
	if err := o.OpenProject(proj); err != nil {
		t.Fatal(err)
	}
	if o.Sheet().XAxis() != s.Sheet().XAxis() || o.Config().Model != m {
		t.Errorf("opened axis %+v, model %+v", o.Sheet().XAxis(), o.Config().Model)
	}
	// The exported rows keep their dates.
	out := filepath.Join(t.TempDir(), "pred.csv")
	if err := s.ExportPredictions(out, nil); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(out)
	if !strings.HasPrefix(strings.SplitN(string(b), "\n", 3)[1], "2012-01-01,") {
		t.Errorf("exported rows start:\n%.200s", b)
	}
	// Back to month numbers, the period is twelve again.
	s.OpenSample(mustSample(t, "book"))
	if got := s.Config().Model.Period; got != fit.DefaultPeriod {
		t.Errorf("the period on month numbers is %v", got)
	}
}

func TestPasteDatesOntoTheTable(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	res, _, err := ReadText("date\ttemp\n2012-01-01\t3\n2012-01-03\t5\n", data.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s.ReplacePoints(res)
	more, _, err := ReadText("2012-01-02\t4\n", data.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.InsertPoints(1, more); err != nil {
		t.Fatal(err)
	}
	if x, _ := s.Sheet().Value(1, sheet.X); x != 1 || s.Sheet().Text(1, sheet.X) != "2012-01-02" {
		t.Errorf("the pasted date is x = %v, shown %q", x, s.Sheet().Text(1, sheet.X))
	}
	numbers, _, _ := ReadText("7\t1\n", data.ReadOptions{})
	if err := s.InsertPoints(0, numbers); err == nil {
		t.Error("a number was pasted into a table of dates")
	}
}

func TestHoldOutTrainsOnTheRest(t *testing.T) {
	s := newBook(t)
	tr := s.Trainer()
	tr.Advance(300)
	before := tr.Snapshot().Weights
	rule := fit.HoldRule{Kind: fit.HoldLast, Fraction: 0.25}
	if err := s.SetHoldOut(rule); err != nil {
		t.Fatal(err)
	}
	if !s.Unsaved() {
		t.Error("a hold-out rule is not an unsaved change")
	}
	s.Sync()
	snap := tr.Snapshot()
	if s.Trainer() != tr || !slices.Equal(snap.Weights, before) {
		t.Error("holding points out reset the run")
	}
	if snap.Problem.Data.Len() != 9 || snap.HeldOut.N != 3 || !(snap.HeldOut.RMSE > 0) {
		t.Errorf("trains on %d, holds %d out with RMSE %v", snap.Problem.Data.Len(), snap.HeldOut.N, snap.HeldOut.RMSE)
	}
	want := make([]bool, 12)
	want[9], want[10], want[11] = true, true, true
	if !slices.Equal(s.Held(), want) || !slices.Equal(s.HeldRows(), want) {
		t.Errorf("held %v, rows %v", s.Held(), s.HeldRows())
	}
	// Degree 9 needs 10 points; 9 train.
	if _, err := s.CheckModel(fit.Model{Kind: fit.Polynomial, Degree: 9, Scaling: fit.Raw}); err == nil {
		t.Error("degree 9 accepted for 9 training points")
	}
	// A project keeps the rule.
	path := filepath.Join(t.TempDir(), "held.tempfit")
	s.SaveProject(path)
	o := New(Options{})
	defer o.Close()
	if err := o.OpenProject(path); err != nil {
		t.Fatal(err)
	}
	if o.HoldOut() != rule || o.Trainer().Snapshot().HeldOut.N != 3 {
		t.Errorf("opened hold-out %+v with %d held", o.HoldOut(), o.Trainer().Snapshot().HeldOut.N)
	}
	// The exported rows include the held-out ones.
	out := filepath.Join(t.TempDir(), "rows.csv")
	s.Solve()
	if err := s.ExportPredictions(out, nil); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(out); strings.Count(string(b), "\n") != 13 {
		t.Errorf("exported:\n%s", b)
	}
	if err := s.SetHoldOut(fit.HoldRule{Kind: fit.HoldLast, Fraction: 2}); err == nil {
		t.Error("a fraction of 2 was taken")
	}
	s.SetHoldOut(fit.HoldRule{})
	s.Sync()
	if s.Held() != nil || tr.Snapshot().HeldOut.N != 0 {
		t.Error("points still held out after choosing none")
	}
}

func mustSample(t *testing.T, name string) sampledata.Sample {
	t.Helper()
	sm, ok := sampledata.Lookup(name)
	if !ok {
		t.Fatalf("no sample %q", name)
	}
	return sm
}

func TestExportNextYearWithIntervals(t *testing.T) {
	s := newBook(t)
	path := daily(t, 3*365+1) // 2012-01-01 to 2014-12-31
	res, _, err := ReadFile(path, data.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s.Import(path, res)
	s.SetModel(fit.Model{Kind: fit.Seasonal, Harmonics: 2, Period: fit.DaysPerYear, Trend: 1}, optim.Exact)
	s.Sync()
	s.Solve()
	spec, err := data.ParseGridSpec("next:1y:1d")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "2015.csv")
	if err := s.ExportGrid(out, spec, PredictionInterval, 0.95); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(out)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 366 || lines[0] != "date,predicted,lower,upper" || !strings.HasPrefix(lines[1], "2015-01-01,") || !strings.HasPrefix(lines[365], "2015-12-31,") {
		t.Fatalf("%d lines: %q … %q", len(lines), lines[:2], lines[len(lines)-1])
	}
	for _, l := range lines[1:] {
		f := strings.Split(l, ",")
		p, _ := strconv.ParseFloat(f[1], 64)
		lo, _ := strconv.ParseFloat(f[2], 64)
		hi, _ := strconv.ParseFloat(f[3], 64)
		if !(lo < p && p < hi) {
			t.Fatalf("the interval %v..%v does not hold the prediction %v", lo, hi, p)
		}
	}
	// Without an interval, just the predictions; each month of two years.
	spec, _ = data.ParseGridSpec("next:2y:1mo")
	if err := s.ExportGrid(out, spec, NoInterval, 0); err != nil {
		t.Fatal(err)
	}
	b, _ = os.ReadFile(out)
	if lines := strings.Split(strings.TrimSpace(string(b)), "\n"); len(lines) != 25 || lines[0] != "date,predicted" || !strings.HasPrefix(lines[24], "2016-12-01,") {
		t.Errorf("monthly grid: %d lines, last %q", len(lines), lines[len(lines)-1])
	}
}

func TestCompareModelsOfTheFamily(t *testing.T) {
	s := newBook(t)
	j := s.CompareModels()
	j.Run()
	if j.Err != nil {
		t.Fatal(j.Err)
	}
	c := j.Result
	if len(c.Candidates) != 11 || c.Candidates[4].Model.Degree != 4 || math.Abs(c.Candidates[4].SSE-12.144165) > 1e-5 {
		t.Fatalf("%d candidates, degree 4 SSE %v", len(c.Candidates), c.Candidates[4].SSE)
	}
	best := c.Candidates[c.Best]
	for _, cand := range c.Candidates {
		if cand.Warning == nil && cand.PRESS < best.PRESS {
			t.Errorf("degree %d has PRESS %v below the best's %v", cand.Model.Degree, cand.PRESS, best.PRESS)
		}
	}
	// Seasonal: harmonics with the trend kept.
	s.SetModel(fit.Model{Kind: fit.Seasonal, Harmonics: 1, Period: 12, Trend: 1}, optim.Exact)
	j = s.CompareModels()
	j.Run()
	for _, cand := range j.Result.Candidates {
		if cand.Model.Kind != fit.Seasonal || cand.Model.Trend != 1 {
			t.Errorf("candidate %v", cand.Model)
		}
	}
	s.New()
	if s.CompareModels() != nil {
		t.Error("a comparison without points")
	}
}
