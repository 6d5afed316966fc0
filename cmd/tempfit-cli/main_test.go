package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"tempfit/core/data"
)

func runCLI(t *testing.T, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	var out, errOut bytes.Buffer
	status = run(args, &out, &errOut)
	return out.String(), errOut.String(), status
}

func TestFitBookDefaults(t *testing.T) {
	out, errOut, status := runCLI(t, "fit")
	if status != exitOK {
		t.Fatalf("status %d, stderr %s", status, errOut)
	}
	steps := regexp.MustCompile(`(?m)^Step: (\d+), Loss: \d+\.\d{6}$`).FindAllStringSubmatch(out, -1)
	if len(steps) != 10 || steps[0][1] != "10000" || steps[9][1] != "100000" {
		t.Fatalf("want 10 checkpoint lines from 10000 to 100000, got %q", steps)
	}
	for _, want := range []string{
		"Model: polynomial of degree 4, raw x; optimizer adam, learning rate 0.001; step 100000 of 100000, done",
		"Exact optimum (least squares): SSE 12.144165",
		"11.12020202020",
		"Equation: y = ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestFitExact(t *testing.T) {
	out, _, status := runCLI(t, "fit", "--optimizer", "exact")
	if status != exitOK {
		t.Fatalf("status %d", status)
	}
	for _, want := range []string{"Step: 1, Loss: 12.144165", "SSE  12.144165", "R²   0.98147", "-9.2936026", "0.0147435897"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func fitJSON(t *testing.T, args ...string) report {
	t.Helper()
	out, errOut, status := runCLI(t, append([]string{"fit", "--json"}, args...)...)
	if status != exitOK {
		t.Fatalf("status %d, stderr %s", status, errOut)
	}
	return decodeReport(t, out)
}

// decodeReport decodes the JSON of fit --json, refusing fields the report
// does not have.
func decodeReport(t *testing.T, out string) report {
	t.Helper()
	var r report
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		t.Fatalf("decoding %s: %v", out, err)
	}
	return r
}

// near reports whether a and b agree to within rel times the larger.
func near(a, b, rel float64) bool {
	return math.Abs(a-b) <= rel*math.Max(math.Abs(a), math.Abs(b))
}

func TestFitJSON(t *testing.T) {
	r := fitJSON(t, "--steps", "20000", "--log-every", "5000")
	if len(r.Checkpoints) != 4 || r.Checkpoints[3].Step != 20000 {
		t.Fatalf("checkpoints %+v", r.Checkpoints)
	}
	if r.Settings.Optimizer != "adam" || r.Settings.LearningRate != 0.001 || r.Settings.Degree == nil || *r.Settings.Degree != 4 || r.Settings.Features != "raw" {
		t.Errorf("settings %+v", r.Settings)
	}
	if len(r.Coefficients.Values) != 5 || len(r.Optimum.Coefficients.Values) != 5 {
		t.Fatalf("coefficients %v, optimum %v", r.Coefficients, r.Optimum.Coefficients)
	}
	if r.Statistics.SSE != r.Checkpoints[3].Loss {
		t.Errorf("final SSE %v differs from the last checkpoint %v", r.Statistics.SSE, r.Checkpoints[3].Loss)
	}
	if !(r.Statistics.GapPercent > 0) {
		t.Errorf("gap %v", r.Statistics.GapPercent)
	}
}

func TestScaledFeaturesReachOptimum(t *testing.T) {
	adam := fitJSON(t, "--features", "scaled", "--lr", "0.001", "--steps", "60000")
	if g := adam.Statistics.GapPercent; g > 0.1 {
		t.Errorf("scaled Adam: gap %.4f%% after 60000 steps", g)
	}
	lbfgs := fitJSON(t, "--features", "scaled", "--optimizer", "lbfgs", "--steps", "49", "--log-every", "1")
	if g := lbfgs.Statistics.GapPercent; g > 0.1 {
		t.Errorf("L-BFGS: gap %.4f%% after %d iterations", g, lbfgs.Steps)
	}
	// A converged run may land a hair below the optimum; it shows no
	// negative gap.
	if out, _, _ := runCLI(t, "fit", "--features", "scaled", "--optimizer", "lbfgs", "--log-every", "0"); !strings.Contains(out, ", gap 0.0000%\n") {
		t.Errorf("L-BFGS to convergence:\n%s", out)
	}
	if fit := fitJSON(t, "--model", "seasonal", "--harmonics", "2", "--optimizer", "exact"); *fit.Settings.Harmonics != 2 || len(fit.Coefficients.Values) != 5 {
		t.Errorf("seasonal: %+v", fit.Settings)
	}
}

func TestPredictionsOut(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "pred.csv")
	if _, errOut, status := runCLI(t, "fit", "--optimizer", "exact", "--out", out); status != 0 {
		t.Fatal(errOut)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := data.ReadCSV(f, data.ReadOptions{XColumn: "month", YColumn: "residual"})
	if err != nil {
		t.Fatal(err)
	}
	sse := 0.0
	for _, r := range res.Data.Y {
		sse += r * r
	}
	if res.Data.Len() != 12 || sse < 12.144164 || sse > 12.144166 {
		t.Errorf("%d rows, residual SSE %v", res.Data.Len(), sse)
	}

	grid := filepath.Join(dir, "grid.csv")
	if _, errOut, status := runCLI(t, "fit", "--optimizer", "exact", "--out", grid, "--grid", "1:24:1"); status != 0 {
		t.Fatal(errOut)
	}
	g, err := data.ReadFile(grid, data.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if g.Data.Len() != 24 || g.Columns[1] != "predicted" || g.Data.X[23] != 24 {
		t.Errorf("grid: %d rows, columns %v", g.Data.Len(), g.Columns)
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("month,temp\n1,5.2\n2,abc\n"), 0o644)
	cases := []struct {
		args   []string
		status int
		stderr string
	}{
		{[]string{"fit", "--data", bad}, exitData, "bad.csv:3:2"},
		{[]string{"fit", "--data", filepath.Join(dir, "missing.csv")}, exitData, "missing.csv"},
		{[]string{"fit", "--optimizer", "newton"}, exitUsage, "newton"},
		{[]string{"fit", "--degree", "16"}, exitUsage, "degree 16"},
		{[]string{"fit", "--features", "log"}, exitUsage, "log"},
		{[]string{"fit", "--sample", "mars"}, exitUsage, "mars"},
		{[]string{"fit", "--grid", "1:24"}, exitUsage, "--grid"},
		{[]string{"fit", "--no-such-flag"}, exitUsage, "no-such-flag"},
		{[]string{"fit", "--optimizer", "sgd", "--lr", "0.01", "--steps", "5000"}, exitData, "diverged"},
		{[]string{"frobnicate"}, exitUsage, "unknown command"},
		{nil, exitUsage, "Usage"},
	}
	for _, c := range cases {
		_, errOut, status := runCLI(t, c.args...)
		if status != c.status || !strings.Contains(errOut, c.stderr) {
			t.Errorf("%v: status %d, stderr %q; want %d and %q", c.args, status, errOut, c.status, c.stderr)
		}
	}
	// Skipping bad rows turns the error into a warning.
	_, errOut, status := runCLI(t, "fit", "--data", bad, "--skip-bad-rows", "--optimizer", "exact", "--degree", "0")
	if status != exitOK || !strings.Contains(errOut, "skipped 1 bad row(s)") {
		t.Errorf("skip-bad-rows: status %d, stderr %q", status, errOut)
	}
}

func TestSamples(t *testing.T) {
	out, _, status := runCLI(t, "samples")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if status != 0 || len(lines) < 3 || !strings.HasPrefix(lines[1], "book ") {
		t.Fatalf("samples: status %d\n%s", status, out)
	}
	r := fitJSON(t, "--sample", "seoul", "--optimizer", "exact", "--model", "seasonal")
	if r.Data.Points != 12 || r.Data.Source != "sample:seoul" {
		t.Errorf("seoul: %+v", r.Data)
	}
}

func TestFitRefusesSettingsOutOfRange(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--lr", "0"}, "--lr"},
		{[]string{"--lr", "-1"}, "--lr"},
		{[]string{"--lr", "NaN"}, "--lr"},
		{[]string{"--lr", "+Inf"}, "--lr"},
		{[]string{"--steps", "0"}, "--steps"},
		{[]string{"--steps", "-5"}, "--steps"},
		{[]string{"--log-every", "-1"}, "--log-every"},
		{[]string{"--degree", "16"}, "degree 16"},
		{[]string{"--degree", "-1"}, "degree -1"},
		{[]string{"--degree", "four"}, "best"},
		{[]string{"--data", ""}, "--data"},
		{[]string{"--data", "x.csv", "--sample", "book"}, "not both"},
		{[]string{"--optimizer", "exact", "--degree", "12"}, "13 parameters and there are only 12 points"},
		{[]string{"--optimizer", "exact", "--model", "seasonal", "--harmonics", "6"}, "13 parameters"},
		{[]string{"--optimizer", "exact", "--degree", "8", "--hold-out", "last:50%"}, "only 6 points"},
		{[]string{"--level", "0"}, "--level"},
		{[]string{"--level", "1"}, "--level"},
		{[]string{"--level", "1.5"}, "--level"},
		{[]string{"--level", "NaN"}, "--level"},
		{[]string{"--hold-out", "first:20%"}, "--hold-out"},
		{[]string{"--model", "seasonal", "--trend", "4"}, "trend degree 4"},
		{[]string{"--model", "seasonal", "--harmonics", "13"}, "harmonics 13"},
		{[]string{"--model", "seasonal", "--period", "0"}, "--period"},
		{[]string{"--model", "seasonal", "--period", "-Inf"}, "--period"},
		{[]string{"--trend", "1"}, "--trend applies to --model seasonal"},
		{[]string{"--harmonics", "3"}, "--harmonics applies to --model seasonal"},
		{[]string{"--model", "seasonal", "--degree", "2"}, "--degree applies to --model poly"},
		{[]string{"--model", "seasonal", "--max-harmonics", "4"}, "--max-harmonics applies to --harmonics best"},
		{[]string{"--encoding", "latin1", "--data", "x.csv"}, "latin1"},
		{[]string{"--encoding", "cp949"}, "--encoding and --sheet apply to --data files"},
	} {
		out, errOut, status := runCLI(t, append([]string{"fit"}, c.args...)...)
		if status != exitUsage || !strings.Contains(errOut, c.want) || out != "" {
			t.Errorf("fit %q: status %d, stdout %q, stderr %q; want 2 and %q before any step", c.args, status, out, errOut, c.want)
		}
	}
}

func TestFitChecksTheOutputFirst(t *testing.T) {
	dir := t.TempDir()
	input := filepath.Join(dir, "temps.csv")
	const content = "month,temp,station\n1,2,a\n2,4,a\n3,5,a\n4,7,a\n5,8,a\n6,9,a\n"
	os.WriteFile(input, []byte(content), 0o644)

	// --out naming the input is refused; the input keeps its columns.
	_, errOut, status := runCLI(t, "fit", "--data", input, "--out", input, "--degree", "2")
	if status != exitUsage || !strings.Contains(errOut, "data was read from") {
		t.Errorf("--out the input: status %d, %s", status, errOut)
	}
	if b, _ := os.ReadFile(input); string(b) != content {
		t.Errorf("the input was changed:\n%s", b)
	}
	// An output in a missing folder is reported before the fit runs.
	out, errOut, status := runCLI(t, "fit", "--data", input, "--degree", "2", "--out", filepath.Join(dir, "no", "out.csv"))
	if status != exitData || !strings.Contains(errOut, "does not exist") || strings.Contains(out, "Step:") {
		t.Errorf("--out in a missing folder: status %d, stdout %q, stderr %s", status, out, errOut)
	}
	// A run that diverges leaves an existing output as it was.
	prev := filepath.Join(dir, "pred.csv")
	os.WriteFile(prev, []byte("kept\n"), 0o644)
	_, errOut, status = runCLI(t, "fit", "--optimizer", "sgd", "--steps", "2000", "--out", prev)
	if status != exitData || !strings.Contains(errOut, "was not written") {
		t.Errorf("a diverged run: status %d, %s", status, errOut)
	}
	if b, _ := os.ReadFile(prev); string(b) != "kept\n" {
		t.Errorf("a diverged run replaced the output with:\n%s", b)
	}
}
