package main

import (
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// tenPoints is a noisy line of ten points, x = 1..10.
const tenPoints = "x,y\n1,1.2\n2,2.3\n3,2.8\n4,4.4\n5,4.9\n6,6.3\n7,6.8\n8,8.4\n9,8.7\n10,10.6\n"

func TestHoldOutRMSEByHand(t *testing.T) {
	path := writeFile(t, t.TempDir(), "ten.csv", []byte(tenPoints))
	x := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	y := []float64{1.2, 2.3, 2.8, 4.4, 4.9, 6.3, 6.8, 8.4, 8.7, 10.6}
	// last:20% holds x = 9 and 10 out; the line is fitted to the others.
	line := handLine(x[:8], y[:8])
	sse := 0.0
	for i := 8; i < 10; i++ {
		r := y[i] - line.a - line.b*x[i]
		sse += r * r
	}
	want := math.Sqrt(sse / 2)

	r := fitJSON(t, "--data", path, "--degree", "1", "--optimizer", "exact", "--hold-out", "last:20%")
	h := r.HeldOut
	if h == nil || h.Points != 2 || h.TrainingPoints != 8 || h.Rule != "last:20%" {
		t.Fatalf("held out %+v", h)
	}
	if !near(float64(h.RMSE), want, 1e-12) || !near(float64(h.SSE), sse, 1e-12) {
		t.Errorf("held-out RMSE %v, SSE %v; by hand %v, %v", h.RMSE, h.SSE, want, sse)
	}
	// Training and the exact solve saw only the other eight points.
	if !near(float64(r.Coefficients.Values[1]), line.b, 1e-12) || r.Inference.Points != 8 || !near(float64(r.Optimum.SSE), line.sse, 1e-12) {
		t.Errorf("slope %v (by hand %v), %d points, optimum SSE %v (by hand %v)", r.Coefficients.Values[1], line.b, r.Inference.Points, r.Optimum.SSE, line.sse)
	}
	if r.Data.Points != 10 || r.Settings.HoldOut != "last:20%" {
		t.Errorf("data %+v, settings %+v", r.Data, r.Settings)
	}

	out, _, _ := runCLI(t, "fit", "--data", path, "--degree", "1", "--optimizer", "exact", "--hold-out", "last:20%")
	for _, s := range []string{
		"Held out: 2 points (last:20%); trained on the other 8\n",
		fmt.Sprintf("  held-out RMSE %.6f on 2 points (last:20%%)\n", want),
	} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
}

func TestHoldOutKeepsTheBooksStepLines(t *testing.T) {
	out, _, status := runCLI(t, "fit", "--steps", "20000", "--hold-out", "last:25%")
	steps := regexp.MustCompile(`(?m)^Step: \d+, Loss: \d+\.\d{6}$`).FindAllString(out, -1)
	if status != exitOK || len(steps) != 2 || !strings.HasPrefix(out, "Step: 10000, Loss: ") {
		t.Errorf("status %d, step lines %q:\n%s", status, steps, out)
	}
}

func TestHoldOutRules(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "ten.csv", []byte(tenPoints))
	span := fitJSON(t, "--data", path, "--degree", "1", "--optimizer", "exact", "--hold-out", "span:3")
	if span.HeldOut.Points != 3 { // x = 8, 9 and 10: within 3 of the largest
		t.Errorf("span:3 held %d points", span.HeldOut.Points)
	}
	a := fitJSON(t, "--data", path, "--degree", "1", "--optimizer", "exact", "--hold-out", "random:30%:7")
	b := fitJSON(t, "--data", path, "--degree", "1", "--optimizer", "exact", "--hold-out", "random:30%:7")
	if a.HeldOut.Points != 3 || a.HeldOut.RMSE != b.HeldOut.RMSE || a.Coefficients.Values[1] != b.Coefficients.Values[1] {
		t.Errorf("random:30%%:7 twice: %+v and %+v", a.HeldOut, b.HeldOut)
	}
	if none := fitJSON(t, "--data", path, "--optimizer", "exact", "--hold-out", "none"); none.HeldOut != nil {
		t.Errorf("none: %+v", none.HeldOut)
	}
	// An export holds every point, held out or not.
	pred := filepath.Join(dir, "pred.csv")
	if _, errOut, status := runCLI(t, "fit", "--data", path, "--degree", "1", "--optimizer", "exact", "--hold-out", "last:20%", "--out", pred); status != exitOK {
		t.Fatal(errOut)
	}
	if rows := readCSV(t, pred); len(rows) != 11 || rows[10][0] != "10" {
		t.Errorf("export %q", rows)
	}

	for _, c := range []struct{ rule, want string }{
		{"last", "--hold-out"},
		{"last:120%", "--hold-out"},
		{"span:-1", "--hold-out"},
		{"everything", "everything"},
		{"span:100", "every point is held out"},
	} {
		out, errOut, status := runCLI(t, "fit", "--data", path, "--hold-out", c.rule)
		if status != exitUsage || !strings.Contains(errOut, c.want) || out != "" {
			t.Errorf("--hold-out %s: status %d, stderr %q", c.rule, status, errOut)
		}
	}
	// A rule that holds nothing says so.
	if _, errOut, status := runCLI(t, "fit", "--data", path, "--optimizer", "exact", "--hold-out", "last:1%"); status != exitOK || !strings.Contains(errOut, "holds no point") {
		t.Errorf("last:1%%: status %d, %q", status, errOut)
	}
}
