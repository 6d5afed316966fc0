package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func raceJSON(t *testing.T, args ...string) raceReport {
	t.Helper()
	out, errOut, status := runCLI(t, append([]string{"race", "--json"}, args...)...)
	if status != exitOK {
		t.Fatalf("status %d, stderr %s", status, errOut)
	}
	var r raceReport
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		t.Fatalf("decoding %s: %v", out, err)
	}
	return r
}

func TestRaceBookPreset(t *testing.T) {
	out, errOut, status := runCLI(t, "race", "--preset", "book")
	if status != exitOK {
		t.Fatalf("status %d, stderr %s", status, errOut)
	}
	for _, want := range []string{
		"Race: polynomial of degree 4 on sample:book, 12 points (x: month, y: temperature); 100000 steps each from zero weights",
		"Exact optimum (least squares): SSE 12.144165",
		"XᵀX has condition number 1.1e+10 on raw x and 279 on scaled x",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	header := regexp.MustCompile(`(?m)^\s*run\s+steps\s+within 1%\s+within 0\.1%\s+best loss\s+gap\s+wall time\s+state$`)
	if !header.MatchString(out) {
		t.Fatalf("no table header in:\n%s", out)
	}
	// A row: label, steps, the two step counts or "-", best loss, gap,
	// wall time, state.
	row := regexp.MustCompile(`(?m)^\s*(\S+ \S+(?: \S+)?)\s+(\d+)\s+(\d+|-)\s+(\d+|-)\s+\d+\.\d{6}\s+\d+\.\d{4}%\s+\S+\s+(\w+)$`)
	rows := row.FindAllStringSubmatch(out, -1)
	if len(rows) != 5 {
		t.Fatalf("%d rows, want 5:\n%s", len(rows), out)
	}
	want := []struct{ label, steps, within1, state string }{
		{"adam 0.001 raw", "100000", "-", "done"},
		{"adam 0.1 raw", "100000", "-", "done"},
		{"adam 0.001 scaled", "100000", "", "done"},
		{"adam 0.1 scaled", "100000", "", "done"},
		{"lbfgs scaled", "", "", "done"},
	}
	for i, w := range want {
		r := rows[i]
		if r[1] != w.label || (w.steps != "" && r[2] != w.steps) || r[5] != w.state {
			t.Errorf("row %d: %q", i, r[0])
		}
		if (w.within1 == "-") != (r[3] == "-") {
			t.Errorf("row %d: within 1%% is %q", i, r[3])
		}
	}
}

func TestRaceJSON(t *testing.T) {
	r := raceJSON(t, "--optimizers", "adam,sgd:0.01,lbfgs", "--features", "raw,scaled", "--steps", "3000")
	labels := []string{"adam 0.001 raw", "adam 0.001 scaled", "sgd 0.01 raw", "sgd 0.01 scaled", "lbfgs raw", "lbfgs scaled"}
	if len(r.Runs) != len(labels) {
		t.Fatalf("%d runs, want %d", len(r.Runs), len(labels))
	}
	for i, run := range r.Runs {
		if run.Label != labels[i] {
			t.Errorf("run %d is %q, want %q", i, run.Label, labels[i])
		}
		if len(run.Weights) != 5 || len(run.Coefficients) != 5 || run.BestLoss > run.Loss {
			t.Errorf("%s: %d weights, %d coefficients, best %v, loss %v", run.Label, len(run.Weights), len(run.Coefficients), run.BestLoss, run.Loss)
		}
	}
	if sgd := r.Runs[2]; sgd.State != "diverged" || !strings.Contains(sgd.Error, "diverged") {
		t.Errorf("sgd 0.01 raw: %s, %q", sgd.State, sgd.Error)
	}
	if lbfgs := r.Runs[5]; lbfgs.StepsWithinTenthPct == nil || *lbfgs.StepsWithinTenthPct > 50 || lbfgs.Optimizer != "lbfgs" || lbfgs.Features != "scaled" {
		t.Errorf("lbfgs scaled: %+v", lbfgs)
	}
	if adam := r.Runs[0]; adam.StepsWithin1Pct != nil || adam.LearningRate != 0.001 || adam.Steps != 3000 {
		t.Errorf("adam raw: %+v", adam)
	}
	if r.OptimumSSE < 12.144164 || r.OptimumSSE > 12.144166 || r.Settings.Steps != 3000 || r.Settings.Degree != 4 {
		t.Errorf("optimum %v, settings %+v", r.OptimumSSE, r.Settings)
	}
	if !(r.Condition.Raw >= 1e10) || !(r.Condition.Scaled <= 300) {
		t.Errorf("condition %+v", r.Condition)
	}
	if r.Data.Source != "sample:book" || r.Data.Points != 12 {
		t.Errorf("data %+v", r.Data)
	}
}

func TestRaceSeasonal(t *testing.T) {
	r := raceJSON(t, "--sample", "seoul", "--model", "seasonal", "--optimizers", "adam:0.1,lbfgs", "--steps", "2000")
	if len(r.Runs) != 2 || r.Runs[0].Label != "adam 0.1" || r.Runs[1].Label != "lbfgs" || r.Runs[1].Features != "raw" {
		t.Fatalf("runs %+v", r.Runs)
	}
	if r.Settings.Model != "seasonal" || r.Settings.Harmonics != 2 || math.IsNaN(float64(r.Condition.Raw)) || r.Condition.Raw != r.Condition.Scaled {
		t.Errorf("settings %+v, condition %+v", r.Settings, r.Condition)
	}
}

func TestRaceErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("month,temp\n1,5.2\n2,abc\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args   []string
		status int
		stderr string
	}{
		{[]string{"race", "--optimizers", "adma"}, exitUsage, `unknown optimizer "adma"`},
		{[]string{"race", "--optimizers", "sgd:x"}, exitUsage, `the learning rate "x" is not a number`},
		{[]string{"race", "--optimizers", "lbfgs:0.1"}, exitUsage, "lbfgs takes no learning rate"},
		{[]string{"race", "--features", "wide"}, exitUsage, `unknown feature scaling "wide"`},
		{[]string{"race", "--preset", "nope"}, exitUsage, `no preset named "nope" (valid: book)`},
		{[]string{"race", "--preset", "book", "--optimizers", "adam"}, exitUsage, "--preset book sets the model and the runs: leave out --optimizers"},
		{[]string{"race", "--preset", "book", "--degree", "3"}, exitUsage, "leave out --degree"},
		{[]string{"race", "--steps", "0"}, exitUsage, "--steps 0 must be positive"},
		{[]string{"race", "--model", "seasonal", "--features", "raw,scaled"}, exitUsage, "a seasonal model without a trend has no x scaling"},
		{[]string{"race", "--degree", "16"}, exitUsage, "degree 16"},
		{[]string{"race", "extra"}, exitUsage, `unexpected argument "extra"`},
		{[]string{"race", "--data", bad}, exitData, "bad.csv:3:2"},
		{[]string{"race", "--data", filepath.Join(dir, "missing.csv")}, exitData, "missing.csv"},
		{[]string{"race", "--sample", "mars"}, exitUsage, "mars"},
		{[]string{"race", "--optimizers", "sgd:0.01,momentum:0.01", "--features", "raw"}, exitData, "every run diverged or failed"},
	} {
		_, errOut, status := runCLI(t, c.args...)
		if status != c.status || !strings.Contains(errOut, c.stderr) {
			t.Errorf("%v: status %d, stderr %q; want %d and %q", c.args, status, errOut, c.status, c.stderr)
		}
	}
}

func TestRaceHelp(t *testing.T) {
	_, errOut, status := runCLI(t, "race", "-h")
	if status != exitOK {
		t.Fatalf("status %d", status)
	}
	for _, want := range []string{"Usage: tempfit-cli race [flags]", "-optimizers", "-features", "-preset", "Presets:", "book   The book's problem, raw against scaled"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("help lacks %q:\n%s", want, errOut)
		}
	}
	out, _, _ := runCLI(t, "help")
	if !strings.Contains(out, "tempfit-cli race [flags]") {
		t.Errorf("usage lacks the race command:\n%s", out)
	}
}
