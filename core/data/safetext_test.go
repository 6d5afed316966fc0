package data

import (
	"bytes"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

func TestSafeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"temperature", "temperature"},
		{"", ""},
		{"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
		{"+1+1", "'+1+1"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1:A2)", "'@SUM(A1:A2)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"a=b", "a=b"},
		{" =1", " =1"},
		{"'quoted", "'quoted"},
	}
	for _, tt := range tests {
		if got := SafeText(tt.in); got != tt.want {
			t.Errorf("SafeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Column names that a spreadsheet would run as formulas are written with
// a leading quote inside a quoted field; numbers, negative ones too, and
// dates are written as they are.
func TestWritePredictionsNeutralisesFormulas(t *testing.T) {
	d := mustDataset(t, "=cmd|' /C calc'!A0", "@y\"", []float64{-1, 2}, []float64{-3.5, 4})
	var b bytes.Buffer
	if err := WritePredictions(&b, d, []float64{-3, 4.5}); err != nil {
		t.Fatal(err)
	}
	want := `"'=cmd|' /C calc'!A0","'@y""",predicted,residual` + "\n" +
		"-1,-3.5,-3,-0.5\n" +
		"2,4,4.5,-0.5\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	res, err := ReadCSV(&b, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.XName != "'=cmd|' /C calc'!A0" || res.Data.YName != "'@y\"" {
		t.Errorf("names read back as %q, %q", res.Data.XName, res.Data.YName)
	}

	b.Reset()
	if err := WriteGrid(&b, "-x", []float64{-1}, []float64{-2}); err != nil {
		t.Fatal(err)
	}
	if want := "\"'-x\",predicted\n-1,-2\n"; b.String() != want {
		t.Errorf("grid: got %q, want %q", b.String(), want)
	}
}

// Many rows, formatted in parallel blocks, come out in order and read
// back bit for bit, numbers and dates alike.
func TestWriteManyRowsRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	n := 3*rowsPerBlock + 17
	x := make([]float64, n)
	y := make([]float64, n)
	pred := make([]float64, n)
	for i := range x {
		x[i] = float64(i) + rng.Float64()
		y[i] = rng.NormFloat64() * math.Pow(10, float64(rng.IntN(40)-20))
		pred[i] = y[i] + rng.NormFloat64()
	}
	d := mustDataset(t, "x", "y", x, y)
	var b bytes.Buffer
	if err := WritePredictions(&b, d, pred); err != nil {
		t.Fatal(err)
	}
	for col, want := range map[string][]float64{"y": y, "predicted": pred} {
		res, err := ReadCSV(bytes.NewReader(b.Bytes()), ReadOptions{YColumn: col})
		if err != nil {
			t.Fatal(err)
		}
		if !sameBits(res.Data.X, x) || !sameBits(res.Data.Y, want) {
			t.Fatalf("%s: not read back bit for bit", col)
		}
	}

	days := make([]float64, n)
	for i := range days {
		days[i] = float64(i % 5000)
	}
	axis := XAxis{Kind: Date, Origin: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), Layout: "2006-01-02"}
	dd := &Dataset{XName: "date", YName: "y", X: days, Y: y, XAxis: axis}
	b.Reset()
	if err := WritePredictions(&b, dd, pred); err != nil {
		t.Fatal(err)
	}
	res, err := ReadCSV(&b, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.XAxis != axis || !sameBits(res.Data.X, days) {
		t.Errorf("dates read back on %+v", res.Data.XAxis)
	}
}

// failingWriter fails once it has taken limit bytes.
type failingWriter struct {
	limit, n int
}

var errDiskFull = errors.New("no space left on device")

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.n+len(p) > w.limit {
		k := w.limit - w.n
		w.n = w.limit
		return k, errDiskFull
	}
	w.n += len(p)
	return len(p), nil
}

func TestWriteRowsStopsAtFirstError(t *testing.T) {
	for _, limit := range []int{0, 10, 1 << 20} {
		w := &failingWriter{limit: limit}
		err := writeRows(w, 1_000_000, func(b []byte, i int) []byte {
			return append(b, strings.Repeat("x", 9)+"\n"...)
		})
		if !errors.Is(err, errDiskFull) {
			t.Fatalf("limit %d: error %v", limit, err)
		}
		if w.n != limit {
			t.Errorf("limit %d: %d bytes taken", limit, w.n)
		}
	}
}
