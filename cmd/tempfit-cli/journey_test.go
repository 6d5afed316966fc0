package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestJourney runs the README's one command: Seattle's daily maxima, a
// yearly cycle on a linear trend fitted exactly, and every day of the
// next year predicted with its prediction interval.
func TestJourney(t *testing.T) {
	path := filepath.Join(t.TempDir(), "2016.csv")
	out, errOut, status := runCLI(t, "fit", "--sample", "seattle-weather", "--y-col", "temp_max",
		"--model", "seasonal", "--trend", "1", "--optimizer", "exact", "--grid", "next:1y:1d", "--out", path)
	if status != exitOK || errOut != "" {
		t.Fatalf("status %d, stderr %q", status, errOut)
	}
	for _, want := range []string{
		"Model: seasonal with 2 harmonics, period 365.2425, trend of degree 1 in raw x; optimizer exact;",
		"Data: sample:seattle-weather, 1461 points (x: date, y: temp_max)",
		"Coefficients (x = days since 2012-01-01):",
		"Uncertainty (95% intervals;",
		"Predictions: " + path + ", 366 points on the grid next:1y:1d, with 95% prediction intervals (lower, upper)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !regexp.MustCompile(`\nTrend: \+\d+\.\d+ temp_max per decade \(95%: \d+\.\d+ to \d+\.\d+\)\n`).MatchString(out) {
		t.Errorf("no trend per decade:\n%s", out)
	}
	rows := readCSV(t, path)
	if strings.Join(rows[0], ",") != "date,predicted,lower,upper" || len(rows) != 367 || rows[1][0] != "2016-01-01" || rows[366][0] != "2016-12-31" {
		t.Fatalf("file: %d rows, header %q, from %q to %q", len(rows), rows[0], rows[1][0], rows[len(rows)-1][0])
	}
	checkBracketed(t, rows[1:])
	// Seattle's summer is warmer than its winter.
	if jan, jul := value(t, rows[15][1]), value(t, rows[197][1]); !(jul > jan+10) {
		t.Errorf("mid-January %v, mid-July %v", jan, jul)
	}
}
