package data

import (
	"bytes"
	"math"
	"strconv"
	"testing"
	"time"
)

// benchRows is the number of rows the read benchmarks read.
const benchRows = 1_000_000

// benchInput returns a CSV file of benchRows daily temperatures with x
// written by xText.
func benchInput(xText func(i int) string) []byte {
	var b bytes.Buffer
	b.WriteString("date,temp_max\n")
	for i := range benchRows {
		b.WriteString(xText(i))
		b.WriteByte(',')
		b.WriteString(strconv.FormatFloat(float64(i%400)/10-5, 'f', 1, 64))
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func benchRead(b *testing.B, in []byte) {
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		res, err := ReadCSV(bytes.NewReader(in), ReadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if res.Data.Len() != benchRows {
			b.Fatalf("read %d rows", res.Data.Len())
		}
	}
}

func BenchmarkRead1MNumbers(b *testing.B) {
	benchRead(b, benchInput(func(i int) string { return strconv.Itoa(i + 1) }))
}

func BenchmarkRead1MDates(b *testing.B) {
	start := time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC)
	benchRead(b, benchInput(func(i int) string { return start.AddDate(0, 0, i).Format("2006-01-02") }))
}

// BenchmarkWrite1MPredictions writes the predictions of 1,000,000 points
// with awkward, full-precision values.
func BenchmarkWrite1MPredictions(b *testing.B) {
	x := make([]float64, benchRows)
	y := make([]float64, benchRows)
	pred := make([]float64, benchRows)
	for i := range x {
		x[i] = float64(i) / 1000
		y[i] = 20 + 10*math.Sin(float64(i)) + 1.0/3
		pred[i] = 20 + float64(i)*1e-6
	}
	d := &Dataset{XName: "x", YName: "y", X: x, Y: y}
	var out countingWriter
	b.ReportAllocs()
	for b.Loop() {
		out = 0
		if err := WritePredictions(&out, d, pred); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(out))
}

// countingWriter counts the bytes written to it.
type countingWriter int64

func (w *countingWriter) Write(p []byte) (int, error) {
	*w += countingWriter(len(p))
	return len(p), nil
}
