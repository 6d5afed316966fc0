package data

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// hostileCase is bad or unusual input given as rows of cells, read as a
// CSV file, as text pasted from a spreadsheet and as a workbook: either it
// reads to x and y, or it fails with err at line (or row) and column.
type hostileCase struct {
	name      string
	rows      [][]string
	x, y      []float64
	err       error
	line, col int
	noBook    bool // a workbook cannot hold these cells
}

var hostileCases = []hostileCase{
	{name: "empty", err: ErrNoData},
	{name: "header only", rows: [][]string{{"x", "y"}}, err: ErrNoData},
	{name: "one column", rows: [][]string{{"temp"}, {"1"}, {"2"}}, err: ErrOneColumn, line: 1},
	{name: "ragged rows", rows: [][]string{{"x", "y"}, {"1", "2"}, {"3"}}, err: errRagged, line: 3, col: 2},
	{name: "non-numeric cell", rows: [][]string{{"x", "y"}, {"1", "2"}, {"3", "warm"}}, err: ErrNotNumber, line: 3, col: 2},
	{name: "NaN", rows: [][]string{{"x", "y"}, {"1", "NaN"}}, err: ErrNotFinite, line: 2, col: 2},
	{name: "Inf", rows: [][]string{{"x", "y"}, {"-Inf", "1"}}, err: ErrNotFinite, line: 2, col: 1},
	{name: "1e999", rows: [][]string{{"x", "y"}, {"1", "1e999"}}, err: ErrNotFinite, line: 2, col: 2},
	{name: "huge number", rows: [][]string{{"x", "y"}, {"1", strings.Repeat("9", 32000)}}, err: ErrNotFinite, line: 2, col: 2},
	{name: "huge text", rows: [][]string{{"x", "y"}, {"1", strings.Repeat("warm ", 6000)}}, err: ErrNotNumber, line: 2, col: 2},
	{name: "typo in first row", rows: [][]string{{"1", "2O.5"}, {"2", "21"}}, err: ErrNotNumber, line: 1, col: 2},
	{name: "duplicated and unsorted x", rows: [][]string{{"x", "y"}, {"3", "1"}, {"1", "2"}, {"3", "3"}},
		x: []float64{3, 1, 3}, y: []float64{1, 2, 3}},
	{name: "all x equal", rows: [][]string{{"x", "y"}, {"5", "1"}, {"5", "2"}, {"5", "4"}},
		x: []float64{5, 5, 5}, y: []float64{1, 2, 4}},
	{name: "one point", rows: [][]string{{"x", "y"}, {"1", "2"}}, x: []float64{1}, y: []float64{2}},
	{name: "years", rows: [][]string{{"year", "anomaly"}, {"1990", "0.25"}, {"2020", "1.03"}},
		x: []float64{1990, 2020}, y: []float64{0.25, 1.03}},
	{name: "Unix seconds", rows: [][]string{{"t", "y"}, {"1700000000", "1"}, {"1700003600.5", "2"}},
		x: []float64{1700000000, 1700003600.5}, y: []float64{1, 2}},
	{name: "Kelvin", rows: [][]string{{"x", "K"}, {"1", "273.15"}, {"2", "274.65"}},
		x: []float64{1, 2}, y: []float64{273.15, 274.65}},
	{name: "1e300", rows: [][]string{{"x", "y"}, {"1e300", "-1e300"}, {"2e-300", "5e-324"}},
		x: []float64{1e300, 2e-300}, y: []float64{-1e300, 5e-324}},
}

// errRagged stands for the error of a row with too few fields, which has
// no sentinel.
var errRagged = errors.New("row has too few fields")

// sources renders rows as each kind of input.
var sources = []struct {
	name string
	read func(t *testing.T, rows [][]string) (*ReadResult, error)
}{
	{"csv", func(t *testing.T, rows [][]string) (*ReadResult, error) {
		return ReadCSV(strings.NewReader(joinRows(rows, ",")), ReadOptions{File: "f.csv"})
	}},
	{"pasted", func(t *testing.T, rows [][]string) (*ReadResult, error) {
		return ParseText(joinRows(rows, "\t"), ReadOptions{})
	}},
	{"xlsx", func(t *testing.T, rows [][]string) (*ReadResult, error) {
		return ReadFile(workbookOf(t, rows), ReadOptions{})
	}},
}

// joinRows writes rows as text separated by sep, quoting cells with it.
func joinRows(rows [][]string, sep string) string {
	var b strings.Builder
	for _, row := range rows {
		for i, c := range row {
			if i > 0 {
				b.WriteString(sep)
			}
			if strings.Contains(c, sep) {
				c = `"` + c + `"`
			}
			b.WriteString(c)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// workbookOf saves rows as the cells of a workbook's only sheet, each as
// text, and returns its path.
func workbookOf(t *testing.T, rows [][]string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for r, row := range rows {
		for c, v := range row {
			cell, err := excelize.CoordinatesToCellName(c+1, r+1)
			must(t, err)
			must(t, f.SetCellStr("Sheet1", cell, v))
		}
	}
	path := filepath.Join(t.TempDir(), "book.xlsx")
	must(t, f.SaveAs(path))
	return path
}

func TestHostileInput(t *testing.T) {
	for _, src := range sources {
		for _, tc := range hostileCases {
			if tc.noBook && src.name == "xlsx" {
				continue
			}
			t.Run(src.name+"/"+tc.name, func(t *testing.T) {
				res, err := src.read(t, tc.rows)
				if tc.err == nil {
					if err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(res.Data.X, tc.x) || !reflect.DeepEqual(res.Data.Y, tc.y) {
						t.Errorf("read %v, %v; want %v, %v", res.Data.X, res.Data.Y, tc.x, tc.y)
					}
					return
				}
				var pe *ParseError
				if err == nil || !errors.As(err, &pe) {
					t.Fatalf("error %v, want a *ParseError", err)
				}
				if tc.err == errRagged {
					if !strings.Contains(err.Error(), "row has 1 field") {
						t.Errorf("error %v", err)
					}
				} else if !errors.Is(err, tc.err) {
					t.Errorf("error %v, want %v", err, tc.err)
				}
				if pe.Line != tc.line || pe.Column != tc.col {
					t.Errorf("error %v at %d:%d, want %d:%d", err, pe.Line, pe.Column, tc.line, tc.col)
				}
				if len(err.Error()) > 300 {
					t.Errorf("message of %d bytes", len(err.Error()))
				}
			})
		}
	}
}

// Binary data and zero bytes are refused as not text, with the line of the
// first zero byte, whatever else the bytes hold.
func TestBinaryInput(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	noise := make([]byte, 4096)
	for i := range noise {
		noise[i] = byte(rng.Uint32())
	}
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), noise...)
	for _, tc := range []struct {
		name string
		in   []byte
		line int
	}{
		{"NUL in a cell", []byte("x,y\n1,2\n3,4\x005\n"), 3},
		{"NUL alone", []byte{0}, 1},
		{"random bytes", append([]byte{0}, noise...), 1},
		{"an image", png, 3},
	} {
		_, err := ReadCSV(bytes.NewReader(tc.in), ReadOptions{File: "f.csv"})
		var pe *ParseError
		if !errors.Is(err, ErrBinary) || !errors.As(err, &pe) || pe.Line != tc.line {
			t.Errorf("%s: error %v, want ErrBinary on line %d", tc.name, err, tc.line)
		}
	}
	// Past the first 64 KiB a zero byte is a bad cell, quoted short.
	in := "x,y\n" + strings.Repeat("1,2\n", sniffSize/4) + "3,\x00\x00\x00\n"
	_, err := ParseText(in, ReadOptions{})
	if !errors.Is(err, ErrNotNumber) || !strings.Contains(err.Error(), `"\x00\x00\x00" is not a number`) {
		t.Errorf("late zero bytes: %v", err)
	}
}

// Lines over 1 MB: a comment is skipped, a bad cell quoted short, and a
// long quoted field with line breaks keeps the lines counted.
func TestLongLines(t *testing.T) {
	long := strings.Repeat("z", 2<<20)
	res, err := ParseText("# "+long+"\nx,y\n1,2\n", ReadOptions{})
	if err != nil || res.Data.Len() != 1 {
		t.Errorf("long comment: %v", err)
	}
	_, err = ParseText("x,y,note\n1,2,\""+long+"\n"+long+"\"\n3,bad,\n", ReadOptions{File: "f.csv"})
	if err == nil || err.Error() != `f.csv:4:2: "bad" is not a number` {
		t.Errorf("after a long quoted field: %v", err)
	}
	_, err = ParseText("x,y\n1,"+long+"\n", ReadOptions{})
	if err == nil || len(err.Error()) > 200 {
		t.Errorf("long cell: %.200v", err)
	}
}
