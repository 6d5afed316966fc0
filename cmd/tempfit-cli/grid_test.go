package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// readCSV reads the CSV file at path.
func readCSV(t *testing.T, path string) [][]string {
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

// gridRows runs fit with args and --out, and returns the rows written
// after the header, which it checks is header.
func gridRows(t *testing.T, header string, args ...string) [][]string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "grid.csv")
	if _, errOut, status := runCLI(t, append(append([]string{"fit"}, args...), "--out", path)...); status != exitOK {
		t.Fatalf("fit %q: status %d, %s", args, status, errOut)
	}
	recs := readCSV(t, path)
	if got := strings.Join(recs[0], ","); got != header {
		t.Fatalf("fit %q: header %q, want %q", args, got, header)
	}
	return recs[1:]
}

func value(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// checkBracketed fails unless lower < predicted < upper in every row of
// x, predicted, lower, upper.
func checkBracketed(t *testing.T, rows [][]string) {
	t.Helper()
	for _, r := range rows {
		if lo, p, hi := value(t, r[2]), value(t, r[1]), value(t, r[3]); !(lo < p && p < hi) {
			t.Fatalf("row %q: the interval does not bracket the prediction", r)
		}
	}
}

func TestGridNumbers(t *testing.T) {
	// The old FROM:TO:STEP and next:SPAN:STEP name the same months.
	old := gridRows(t, "month,predicted,lower,upper", "--optimizer", "exact", "--grid", "13:24:1")
	next := gridRows(t, "month,predicted,lower,upper", "--optimizer", "exact", "--grid", "next:12:1")
	if len(old) != 12 || len(next) != 12 || old[0][0] != "13" || next[11][0] != "24" {
		t.Fatalf("grids %q and %q", old, next)
	}
	for i := range old {
		if strings.Join(old[i], ",") != strings.Join(next[i], ",") {
			t.Errorf("row %d: %q and %q", i, old[i], next[i])
		}
	}
	checkBracketed(t, old)
	if rows := gridRows(t, "month,predicted,lower,upper", "--optimizer", "exact", "--grid", "1:24:1"); len(rows) != 24 {
		t.Errorf("1:24:1: %d rows", len(rows))
	}
}

func TestGridDates(t *testing.T) {
	path := writeFile(t, t.TempDir(), "daily.csv", []byte(dailyCSV(4*365+1, 0.2))) // 2012-01-01 to 2015-12-31
	fitArgs := []string{"--data", path, "--model", "seasonal", "--trend", "1", "--optimizer", "exact"}
	days := gridRows(t, "date,predicted,lower,upper", append(fitArgs, "--grid", "next:1y:1d")...)
	if len(days) != 366 || days[0][0] != "2016-01-01" || days[365][0] != "2016-12-31" {
		t.Fatalf("next:1y:1d: %d rows from %q to %q", len(days), days[0][0], days[len(days)-1][0])
	}
	checkBracketed(t, days)
	months := gridRows(t, "date,predicted,lower,upper", append(fitArgs, "--grid", "next:2y:1mo")...)
	if len(months) != 24 || months[0][0] != "2016-01-01" || months[23][0] != "2017-12-01" {
		t.Fatalf("next:2y:1mo: %d rows from %q to %q", len(months), months[0][0], months[len(months)-1][0])
	}
	dates := gridRows(t, "date,predicted,lower,upper", append(fitArgs, "--grid", "2016-07-01:2016-07-31:1d")...)
	if len(dates) != 31 || dates[0][1] != days[182][1] {
		t.Errorf("July: %d rows, the first %q; next:1y:1d has %q", len(dates), dates[0], days[182])
	}
	hours := gridRows(t, "date,predicted,lower,upper", append(fitArgs, "--grid", "2016-01-01:2016-01-02:6h")...)
	if len(hours) != 5 || hours[1][0] != "2016-01-01 06:00" {
		t.Errorf("6h: %q", hours)
	}
}

func TestGridIntervals(t *testing.T) {
	args := []string{"--optimizer", "exact", "--grid", "next:12:1"}
	prediction := gridRows(t, "month,predicted,lower,upper", args...)
	confidence := gridRows(t, "month,predicted,lower,upper", append(args, "--interval", "confidence")...)
	narrower := gridRows(t, "month,predicted,lower,upper", append(args, "--interval", "prediction", "--level", "0.5")...)
	checkBracketed(t, confidence)
	for i := range prediction {
		wide := value(t, prediction[i][3]) - value(t, prediction[i][2])
		if c := value(t, confidence[i][3]) - value(t, confidence[i][2]); !(c < wide) {
			t.Errorf("row %d: the confidence interval (%v) is not narrower than the prediction interval (%v)", i, c, wide)
		}
		if n := value(t, narrower[i][3]) - value(t, narrower[i][2]); !(n < wide) {
			t.Errorf("row %d: the 50%% interval (%v) is not narrower than the 95%% one (%v)", i, n, wide)
		}
	}
	none := gridRows(t, "month,predicted", append(args, "--interval", "none")...)
	if len(none) != 12 || none[0][1] != prediction[0][1] {
		t.Errorf("--interval none: %q", none)
	}
	// Predictions at the data's x keep their own columns.
	rows := gridRows(t, "month,temperature,predicted,residual", "--optimizer", "exact")
	if len(rows) != 12 {
		t.Errorf("%d rows", len(rows))
	}
}

func TestGridReported(t *testing.T) {
	path := filepath.Join(t.TempDir(), "grid.csv")
	out, _, _ := runCLI(t, "fit", "--optimizer", "exact", "--grid", "next:12:1", "--out", path)
	if !strings.Contains(out, "Predictions: "+path+", 12 points on the grid next:12:1, with 95% prediction intervals (lower, upper)\n") {
		t.Errorf("output:\n%s", out)
	}
	r := fitJSON(t, "--optimizer", "exact", "--grid", "next:12:1", "--out", path, "--interval", "confidence")
	if o := r.Output; o == nil || o.File != path || o.Points != 12 || o.Grid != "next:12:1" || o.Interval != "confidence" || o.Level != 0.95 {
		t.Errorf("output %+v", r.Output)
	}
}

func TestGridErrors(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "grid.csv")
	daily := writeFile(t, dir, "daily.csv", []byte(dailyCSV(30, 0)))
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--grid", "1:24"}, "--grid"},
		{[]string{"--grid", "next:1y"}, "--grid"},
		{[]string{"--grid", "next:1y:1d", "--out", out}, "--grid next:1y:1d"}, // days on months
		{[]string{"--grid", "24:1:1", "--out", out}, "--grid"},
		{[]string{"--grid", "next:12:1"}, "--grid needs --out"},
		{[]string{"--data", daily, "--grid", "2016-01-01:2015-01-01:1d", "--out", out}, "--grid"},
		{[]string{"--interval", "prediction", "--out", out}, "--interval applies to --grid"},
		{[]string{"--interval", "credible", "--grid", "next:12:1", "--out", out}, "credible"},
	} {
		stdout, errOut, status := runCLI(t, append([]string{"fit"}, c.args...)...)
		if status != exitUsage || !strings.Contains(errOut, c.want) || stdout != "" {
			t.Errorf("fit %q: status %d, stderr %q, stdout %q; want 2 and %q before any step", c.args, status, errOut, stdout, c.want)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused grid wrote its file")
	}
}
