package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// What the command does with hostile data: a clear message and status 1
// for data it cannot fit, a warning and an answer for data it can.
func TestFitHostileData(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name, content string
		args          []string
		status        int
		stderr        string // a part of the standard error; "" for none at all
		stdout        string // a part of the standard output
	}{
		{"empty.csv", "", nil, exitData, "empty.csv: file has no data rows", ""},
		{"header.csv", "x,y\n", nil, exitData, "header.csv: file has no data rows", ""},
		{"one-column.csv", "t\n1\n2\n", nil, exitData, "one-column.csv:1: file has only one column", ""},
		{"binary.csv", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", nil, exitData, "binary.csv:3: not a text file", ""},
		{"typo.csv", "1,2O.5\n2,21\n3,22\n", nil, exitData, `typo.csv:1:2: "2O.5" is not a number`, ""},
		{"nan.csv", "x,y\n1,NaN\n", nil, exitData, `nan.csv:2:2: "NaN" is not a finite number`, ""},
		{"huge-cell.csv", "x,y\n1," + strings.Repeat("z", 1<<20) + "\n", nil, exitData, "(1048576 characters) is not a number", ""},
		{"german.csv", "Monat;Temperatur\n1;-2,4\n2;0,4\n3;1.005,5\n", []string{"--degree", "1"}, exitOK, "", "german.csv, 3 points"},
		{"ambiguous.csv", "x;y\n1;1.234\n2;2.345\n", nil, exitData, `ambiguous.csv:2:2: "1.234" could be 1.234 or 1234`, ""},
		{"same-x.csv", "x,y\n5,1\n5,2\n5,4\n", []string{"--degree", "2"}, exitOK, "warning: fewer distinct x values than parameters", "same-x.csv, 3 points"},
		{"one-point.csv", "x,y\n1,2\n", []string{"--degree", "0"}, exitOK, "", "SSE  0.000000"},
		{"few-points.csv", "x,y\n1,2\n2,3\n", nil, exitUsage, "an exact least-squares fit needs at least as many points as parameters", ""},
		{"years.csv", "year,anomaly\n1990,0.25\n2000,0.40\n2010,0.70\n2020,1.0\n", []string{"--degree", "1"}, exitOK, "", "0.0255"},
		{"unix.csv", "t,y\n1700000000,1\n1700086400,3\n1700172800,5\n", []string{"--degree", "1"}, exitOK, "", "R²   1.00000"},
		{"kelvin.csv", "x,K\n1,273.15\n2,274.15\n3,275.15\n", []string{"--degree", "1"}, exitOK, "", "272.15"},
		{"huge-y.csv", "x,y\n1,1e300\n2,-1e300\n3,1e300\n", []string{"--degree", "1"}, exitData, "the y values are too large to fit", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, dir, c.name, []byte(c.content))
			args := append([]string{"fit", "--data", path, "--optimizer", "exact"}, c.args...)
			out, errOut, status := runCLI(t, args...)
			if status != c.status {
				t.Errorf("status %d, want %d; stderr %q", status, c.status, errOut)
			}
			if (c.stderr == "" && errOut != "") || !strings.Contains(errOut, c.stderr) {
				t.Errorf("stderr %.300q, want %q", errOut, c.stderr)
			}
			if len(errOut) > 400 {
				t.Errorf("stderr of %d bytes", len(errOut))
			}
			if !strings.Contains(out, c.stdout) {
				t.Errorf("stdout lacks %q:\n%s", c.stdout, out)
			}
		})
	}
}

// Column names that a spreadsheet would run as formulas are neutralised
// in the predictions; negative numbers are not touched.
func TestPredictionsNeutraliseFormulas(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "in.csv", []byte("\"=cmd|' /C calc'!A0\",@temp\n-1,-2.5\n0,-1\n1,0.5\n"))
	out := filepath.Join(dir, "pred.csv")
	if _, errOut, status := runCLI(t, "fit", "--data", in, "--optimizer", "exact", "--degree", "1", "--out", out); status != exitOK {
		t.Fatal(errOut)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	if want := `"'=cmd|' /C calc'!A0","'@temp",predicted,residual`; lines[0] != want {
		t.Errorf("header %q, want %q", lines[0], want)
	}
	if !strings.HasPrefix(lines[1], "-1,-2.5,") {
		t.Errorf("first row %q", lines[1])
	}
}
