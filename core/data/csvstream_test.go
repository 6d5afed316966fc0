package data

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

func TestCountLineEnds(t *testing.T) {
	in := "a\r\nb\rc\nd"
	n, err := countLineEnds(strings.NewReader(in), int64(len(in)))
	if err != nil || n != 4 {
		t.Errorf("countLineEnds = %d, %v; want 4", n, err)
	}
}

// Long input, read ahead in batches and into room made for all its rows
// at once, reads as short input does: the same values, the same lines in
// messages, and no more room kept than the rows need.
func TestLongInputReadAhead(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("# many comments make the count of lines a loose bound\n")
	for b.Len() < 2*countFrom {
		b.WriteString("#\n")
	}
	b.WriteString("x,y\n")
	first := bytes.Count(b.Bytes(), []byte("\n")) + 1
	rows := 100_000
	for i := range rows {
		b.WriteString(strconv.Itoa(i) + "," + strconv.Itoa(2*i) + ".5\n")
	}
	path := filepath.Join(t.TempDir(), "long.csv")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := ReadFile(path, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	d := res.Data
	if d.Len() != rows || d.X[rows-1] != float64(rows-1) || d.Y[rows-1] != float64(2*(rows-1))+0.5 {
		t.Fatalf("read %d rows, last %v, %v", d.Len(), d.X[d.Len()-1], d.Y[d.Len()-1])
	}
	if cap(d.X) > rows+rows/4 || cap(d.Y) > rows+rows/4 {
		t.Errorf("room for %d and %d rows kept for %d", cap(d.X), cap(d.Y), rows)
	}

	bad := append(bytes.Clone(b.Bytes()), "7,oops\n"...)
	_, err = ParseText(string(bad), ReadOptions{File: "long.csv"})
	var pe *ParseError
	if want := first + rows; !errors.As(err, &pe) || pe.Line != want || pe.Column != 2 {
		t.Errorf("error %v, want one at line %d column 2", err, want)
	}
}

// A reader that stops early, at a bad cell near the start of long input,
// stops reading ahead, and so does a preview.
func TestReadAheadStops(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	var b strings.Builder
	b.WriteString("x,y\n1,bad\n")
	for b.Len() < 4*sniffSize {
		b.WriteString("1,2\n")
	}
	for range 100 {
		if _, err := ParseText(b.String(), ReadOptions{}); err == nil {
			t.Fatal("bad cell read")
		}
		if _, err := Preview(strings.NewReader(b.String()), 3); err != nil {
			t.Fatal(err)
		}
	}
}
