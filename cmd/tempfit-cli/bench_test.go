package main

import (
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// benchmarkRun runs the command line args b.N times, failing on an error.
func benchmarkRun(b *testing.B, args ...string) {
	b.Helper()
	for b.Loop() {
		if status := run(args, io.Discard, io.Discard); status != exitOK {
			b.Fatalf("%q: status %d", args, status)
		}
	}
}

// BenchmarkJourney is the README's one command: four years of daily
// maxima fitted exactly with their uncertainty, and a year of daily
// predictions with intervals written.
func BenchmarkJourney(b *testing.B) {
	out := filepath.Join(b.TempDir(), "2016.csv")
	benchmarkRun(b, "fit", "--sample", "seattle-weather", "--y-col", "temp_max", "--model", "seasonal", "--trend", "1",
		"--optimizer", "exact", "--grid", "next:1y:1d", "--out", out)
}

// BenchmarkDegreesSeasonal compares 1 to 12 harmonics on the same four
// years, with 10-fold cross-validation.
func BenchmarkDegreesSeasonal(b *testing.B) {
	benchmarkRun(b, "degrees", "--sample", "seattle-weather", "--y-col", "temp_max", "--model", "seasonal", "--trend", "1")
}

// BenchmarkBook is the book's 100,000 Adam steps with its report.
func BenchmarkBook(b *testing.B) {
	benchmarkRun(b, "fit")
}

// BenchmarkMillionRows is the whole fit of a million rows of numbers,
// read, solved exactly and written with their predictions, as `make
// bench-cli` times the binary. `make pgo` profiles it for the build.
func BenchmarkMillionRows(b *testing.B) {
	dir := b.TempDir()
	in, out := filepath.Join(dir, "1m.csv"), filepath.Join(dir, "pred.csv")
	writeMillionRows(b, in)
	benchmarkRun(b, "fit", "--data", in, "--optimizer", "exact", "--out", out)
}

// writeMillionRows writes the rows `make bench-cli` makes: x from 0 in
// steps of 0.001, and y a warm noise with a slow trend.
func writeMillionRows(b *testing.B, path string) {
	b.Helper()
	r := rand.New(rand.NewPCG(1, 1))
	buf := []byte("x,y\n")
	for i := range 1_000_000 {
		buf = strconv.AppendFloat(buf, float64(i)/1000, 'f', 3, 64)
		buf = append(buf, ',')
		buf = strconv.AppendFloat(buf, 20+10*r.Float64()+float64(i)/1e6, 'f', 8, 64)
		buf = append(buf, '\n')
	}
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		b.Fatal(err)
	}
}
