package main

import (
	"io"
	"path/filepath"
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
