package data

import (
	"bytes"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
)

// Variables, so that their sum is rounded as a float64 rather than computed
// exactly as a constant.
var tenth, fifth = 0.1, 0.2

// awkward holds values whose decimal forms need all 17 digits or extreme
// exponents.
var awkward = []float64{tenth + fifth, 1e-300, -1e300, math.SmallestNonzeroFloat64, math.MaxFloat64, 1.0 / 3, 0, -2.5}

func mustDataset(t *testing.T, xName, yName string, x, y []float64) *Dataset {
	t.Helper()
	d, err := New(xName, yName, x, y)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func sameBits(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return false
		}
	}
	return true
}

func TestWritePredictions(t *testing.T) {
	d := mustDataset(t, "time", "temp", []float64{1, 2}, []float64{3, 0.3})
	var b bytes.Buffer
	if err := WritePredictions(&b, d, []float64{2.5, 0.1}); err != nil {
		t.Fatal(err)
	}
	want := "time,temp,predicted,residual\n1,3,2.5,0.5\n2,0.3,0.1,0.19999999999999998\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	if err := WritePredictions(&b, d, []float64{1}); err == nil {
		t.Error("no error for a length mismatch")
	}
}

func TestWritePredictionsRoundTrip(t *testing.T) {
	x := awkward
	y := make([]float64, len(x))
	pred := make([]float64, len(x))
	for i, v := range x {
		y[i] = v * 0.7
		pred[i] = v*0.7 - 1e-17*float64(i)
	}
	d := mustDataset(t, "x, s", "y \"q\"", x, y)
	var b bytes.Buffer
	if err := WritePredictions(&b, d, pred); err != nil {
		t.Fatal(err)
	}
	for _, col := range []struct {
		name string
		want []float64
	}{
		{"y \"q\"", y},
		{"predicted", pred},
	} {
		res, err := ReadCSV(bytes.NewReader(b.Bytes()), ReadOptions{XColumn: "x, s", YColumn: col.name})
		if err != nil {
			t.Fatal(err)
		}
		if !sameBits(res.Data.X, x) || !sameBits(res.Data.Y, col.want) {
			t.Errorf("%s: read back %v, %v; want %v, %v", col.name, res.Data.X, res.Data.Y, x, col.want)
		}
	}
	res, err := ReadCSV(bytes.NewReader(b.Bytes()), ReadOptions{XColumn: "1", YColumn: "4"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range x {
		if r := y[i] - pred[i]; math.Float64bits(res.Data.Y[i]) != math.Float64bits(r) {
			t.Errorf("residual %d = %v, want %v", i, res.Data.Y[i], r)
		}
	}
	if want := []string{"x, s", "y \"q\"", "predicted", "residual"}; !reflect.DeepEqual(res.Columns, want) {
		t.Errorf("Columns = %q, want %q", res.Columns, want)
	}
}

func TestWriteGridRoundTrip(t *testing.T) {
	pred := make([]float64, len(awkward))
	for i := range pred {
		pred[i] = awkward[len(awkward)-1-i]
	}
	var b bytes.Buffer
	if err := WriteGrid(&b, "# of cells", awkward, pred); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "\"# of cells\",predicted\n") {
		t.Errorf("header line of %q does not quote the leading '#'", b.String())
	}
	res, err := ReadCSV(&b, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.XName != "# of cells" || res.Data.YName != "predicted" {
		t.Errorf("names = %q, %q", res.Data.XName, res.Data.YName)
	}
	if !sameBits(res.Data.X, awkward) || !sameBits(res.Data.Y, pred) {
		t.Errorf("read back %v, %v; want %v, %v", res.Data.X, res.Data.Y, awkward, pred)
	}

	b.Reset()
	if err := WriteGrid(&b, "", []float64{1}, []float64{2}); err != nil {
		t.Fatal(err)
	}
	if want := "x,predicted\n1,2\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
	if err := WriteGrid(&b, "t", []float64{1, 2}, []float64{2}); err == nil {
		t.Error("no error for a length mismatch")
	}
}

func TestGrid(t *testing.T) {
	tests := []struct {
		from, to, step float64
		want           []float64
	}{
		{1, 5, 1, []float64{1, 2, 3, 4, 5}},
		{0, 0.3, 0.1, []float64{0, 0.1, 0.2, 0.3}}, // 3*0.1 snaps to 0.3
		{0, 1, 0.1, []float64{0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6000000000000001, 0.7000000000000001, 0.8, 0.9, 1}},
		{0, 0.95, 0.5, []float64{0, 0.5}},
		{2, 2, 1, []float64{2}},
		{-1, 1, 2, []float64{-1, 1}},
		{0, 1 - 1e-12, 0.5, []float64{0, 0.5, 1 - 1e-12}}, // within step*1e-9
		{0, 1 - 1e-6, 0.5, []float64{0, 0.5}},             // not within
	}
	for _, tt := range tests {
		got, err := Grid(tt.from, tt.to, tt.step)
		if err != nil {
			t.Errorf("Grid(%v, %v, %v): %v", tt.from, tt.to, tt.step, err)
			continue
		}
		if !sameBits(got, tt.want) {
			t.Errorf("Grid(%v, %v, %v) = %v, want %v", tt.from, tt.to, tt.step, got, tt.want)
		}
	}

	got, err := Grid(0, 999_999, 1)
	if err != nil || len(got) != 1_000_000 || got[len(got)-1] != 999_999 {
		t.Errorf("Grid of 1,000,000 points: len %d, err %v", len(got), err)
	}

	bad := [][3]float64{
		{0, 1, 0},
		{0, 1, -1},
		{2, 1, 1},
		{math.NaN(), 1, 1},
		{0, math.Inf(1), 1},
		{0, 1, math.Inf(1)},
		{0, 1_000_000, 1},
		{-1e308, 1e308, 1},
		{1e20, 1e20 + 65536, 1}, // 1e20+1 == 1e20
	}
	for _, b := range bad {
		if got, err := Grid(b[0], b[1], b[2]); err == nil {
			t.Errorf("Grid(%v, %v, %v) = %d points, want an error", b[0], b[1], b[2], len(got))
		}
	}
}

func TestParseGrid(t *testing.T) {
	good := []struct {
		in             string
		from, to, step float64
	}{
		{"1:24:1", 1, 24, 1},
		{" -5 : 5 : 0.25 ", -5, 5, 0.25},
		{"0:1e3:1e1", 0, 1000, 10},
	}
	for _, g := range good {
		from, to, step, err := ParseGrid(g.in)
		if err != nil || from != g.from || to != g.to || step != g.step {
			t.Errorf("ParseGrid(%q) = %v, %v, %v, %v", g.in, from, to, step, err)
		}
	}
	for _, in := range []string{"", "1:24", "1:24:1:2", "a:2:1", "1::1", "1:24:0", "5:1:1", "0:1:NaN", "0:Inf:1", "0:1e9:1e-3", "0x1:2:1"} {
		if _, _, _, err := ParseGrid(in); err == nil {
			t.Errorf("ParseGrid(%q): no error", in)
		}
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWritersReportWriteErrors(t *testing.T) {
	d := mustDataset(t, "t", "T", []float64{1}, []float64{2})
	if err := WritePredictions(failWriter{}, d, []float64{1}); err == nil {
		t.Error("WritePredictions: no error")
	}
	if err := WriteGrid(failWriter{}, "#t", []float64{1}, []float64{1}); err == nil {
		t.Error("WriteGrid: no error")
	}
}
