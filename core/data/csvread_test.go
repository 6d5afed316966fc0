package data

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

type readCase struct {
	name  string
	in    string
	opt   ReadOptions
	x, y  []float64
	names [2]string // XName, YName
	cols  []string
	hdr   bool
	delim rune
	skip  int
	err   string // exact error text; empty when no error is expected
}

var readCases = []readCase{
	{
		name: "comma with header",
		in:   "time,temp\n1,20.5\n2,21\n",
		x:    []float64{1, 2}, y: []float64{20.5, 21},
		names: [2]string{"time", "temp"}, cols: []string{"time", "temp"}, hdr: true, delim: ',',
	},
	{
		name: "semicolon",
		in:   "t;T\n1;2\n3;4\n",
		x:    []float64{1, 3}, y: []float64{2, 4},
		names: [2]string{"t", "T"}, cols: []string{"t", "T"}, hdr: true, delim: ';',
	},
	{
		name: "tab",
		in:   "t\tT\n1\t2\n3\t4\n",
		x:    []float64{1, 3}, y: []float64{2, 4},
		names: [2]string{"t", "T"}, cols: []string{"t", "T"}, hdr: true, delim: '\t',
	},
	{
		name: "tab keeps empty fields",
		in:   "a\tb\tc\n1\t\t3\n",
		opt:  ReadOptions{XColumn: "1", YColumn: "3"},
		x:    []float64{1}, y: []float64{3},
		names: [2]string{"a", "c"}, cols: []string{"a", "b", "c"}, hdr: true, delim: '\t',
	},
	{
		name: "no header",
		in:   "1,2\n3,4\n",
		x:    []float64{1, 3}, y: []float64{2, 4},
		names: [2]string{"x", "y"}, cols: []string{"column 1", "column 2"}, delim: ',',
	},
	{
		name: "BOM",
		in:   "\uFEFFtime,temp\n1,2\n",
		x:    []float64{1}, y: []float64{2},
		names: [2]string{"time", "temp"}, cols: []string{"time", "temp"}, hdr: true, delim: ',',
	},
	{
		name: "BOM without header",
		in:   "\uFEFF1,2\n",
		x:    []float64{1}, y: []float64{2},
		names: [2]string{"x", "y"}, cols: []string{"column 1", "column 2"}, delim: ',',
	},
	{
		name: "quoted fields with embedded delimiter",
		in:   "\"time, s\",\"temp, °C\"\n\"1\",\"2.5\"\n",
		x:    []float64{1}, y: []float64{2.5},
		names: [2]string{"time, s", "temp, °C"}, cols: []string{"time, s", "temp, °C"}, hdr: true, delim: ',',
	},
	{
		name: "blank, comment and all-empty lines",
		in:   "# measured 2024\n\ntime,temp\n\n# pause\n1,2\n,\n  \n3,4\n",
		x:    []float64{1, 3}, y: []float64{2, 4},
		names: [2]string{"time", "temp"}, cols: []string{"time", "temp"}, hdr: true, delim: ',',
	},
	{
		name: "spaces around values and CRLF",
		in:   "time , temp\r\n 1 , 2 \r\n",
		x:    []float64{1}, y: []float64{2},
		names: [2]string{"time", "temp"}, cols: []string{"time", "temp"}, hdr: true, delim: ',',
	},
	{
		name: "empty header name",
		in:   "time,\n1,2\n",
		x:    []float64{1}, y: []float64{2},
		names: [2]string{"time", "column 2"}, cols: []string{"time", "column 2"}, hdr: true, delim: ',',
	},
	{
		name: "three columns default",
		in:   "t,a,b\n1,2,3\n",
		x:    []float64{1}, y: []float64{2},
		names: [2]string{"t", "a"}, cols: []string{"t", "a", "b"}, hdr: true, delim: ',',
	},
	{
		name: "three columns by name",
		in:   "t,a,b\n1,2,3\n4,5,6\n",
		opt:  ReadOptions{XColumn: "b", YColumn: "t"},
		x:    []float64{3, 6}, y: []float64{1, 4},
		names: [2]string{"b", "t"}, cols: []string{"t", "a", "b"}, hdr: true, delim: ',',
	},
	{
		name: "three columns by index",
		in:   "t,a,b\n1,2,3\n4,5,6\n",
		opt:  ReadOptions{XColumn: "1", YColumn: "3"},
		x:    []float64{1, 4}, y: []float64{3, 6},
		names: [2]string{"t", "b"}, cols: []string{"t", "a", "b"}, hdr: true, delim: ',',
	},
	{
		name: "y chosen, x defaults to first other column",
		in:   "t,a,b\n1,2,3\n",
		opt:  ReadOptions{YColumn: "1"},
		x:    []float64{2}, y: []float64{1},
		names: [2]string{"a", "t"}, cols: []string{"t", "a", "b"}, hdr: true, delim: ',',
	},
	{
		name: "header detected only in chosen columns",
		in:   "1,2,note\n3,4,x\n",
		x:    []float64{1, 3}, y: []float64{2, 4},
		names: [2]string{"x", "y"}, cols: []string{"column 1", "column 2", "column 3"}, delim: ',',
	},
	{
		name: "three columns by index without header",
		in:   "1,2,3\n4,5,6\n",
		opt:  ReadOptions{XColumn: "3", YColumn: "2"},
		x:    []float64{3, 6}, y: []float64{2, 5},
		names: [2]string{"x", "y"}, cols: []string{"column 1", "column 2", "column 3"}, delim: ',',
	},
	{
		name: "semicolon with decimal comma",
		in:   "t;T\n1,5;20,25\n2;-0,5e3\n",
		x:    []float64{1.5, 2}, y: []float64{20.25, -500},
		names: [2]string{"t", "T"}, cols: []string{"t", "T"}, hdr: true, delim: ';',
	},
	{
		name: "semicolon with decimal point",
		in:   "1.5;2\n",
		x:    []float64{1.5}, y: []float64{2},
		names: [2]string{"x", "y"}, cols: []string{"column 1", "column 2"}, delim: ';',
	},
	{
		name: "semicolon, thousands separated by points",
		in:   "t;T\n1;1.234,5\n",
		x:    []float64{1}, y: []float64{1234.5},
		names: [2]string{"t", "T"}, cols: []string{"t", "T"}, hdr: true, delim: ';',
	},
	{
		name: "decimal comma refused with comma delimiter",
		in:   "t,T\n1,\"2,5\"\n",
		opt:  ReadOptions{File: "a.csv"},
		err:  `a.csv:2:2: "2,5" is not a number (a decimal comma is only read in semicolon-separated files)`,
	},
	{
		name: "bad cell",
		in:   "time,temp\n1,2\nabc,3\n",
		opt:  ReadOptions{File: "temps.csv"},
		err:  `temps.csv:3:1: "abc" is not a number`,
	},
	{
		name: "bad cell without file name",
		in:   "time,temp\n1,abc\n",
		err:  `2:2: "abc" is not a number`,
	},
	{
		name: "bad cell after comments counts physical lines",
		in:   "# header follows\n\ntime,temp\n# a\n\n1,2\n\n# b\n7,abc\n",
		opt:  ReadOptions{File: "temps.csv"},
		err:  `temps.csv:9:2: "abc" is not a number`,
	},
	{
		name: "bad cell after multi-line quoted header",
		in:   "\"time\n(s)\",temp\n1,2\n3,x\n",
		opt:  ReadOptions{File: "q.csv"},
		err:  `q.csv:4:2: "x" is not a number`,
	},
	{
		name: "bad cell column is the field number in the file",
		in:   "a,b,c\n1,2,3\n4,5,oops\n",
		opt:  ReadOptions{File: "f.csv", XColumn: "a", YColumn: "c"},
		err:  `f.csv:3:3: "oops" is not a number`,
	},
	{
		name: "only missing values",
		in:   "t,T\n1,\n",
		opt:  ReadOptions{File: "f.csv"},
		err:  "f.csv: file has no data rows: all 1 rows have a missing x or y, the first on line 2",
	},
	{
		name: "too few fields",
		in:   "t,T\n1,2\n3\n",
		opt:  ReadOptions{File: "f.csv"},
		err:  "f.csv:3:2: row has 1 field, so column 2 is missing",
	},
	{
		name: "too few fields for a chosen column",
		in:   "t,a,b\n1,2,3\n4,5\n",
		opt:  ReadOptions{File: "f.csv", YColumn: "b"},
		err:  "f.csv:3:3: row has 2 fields, so column 3 is missing",
	},
	{
		name: "skip bad rows",
		in:   "t,T\n1,2\nx,3\n4\n5,6\n7,NaN\n",
		opt:  ReadOptions{SkipBadRows: true},
		x:    []float64{1, 5}, y: []float64{2, 6},
		names: [2]string{"t", "T"}, cols: []string{"t", "T"}, hdr: true, delim: ',', skip: 3,
	},
	{
		name: "skip bad rows, all bad",
		in:   "t,T\nx,3\n",
		opt:  ReadOptions{File: "f.csv", SkipBadRows: true},
		err:  `f.csv: file has no data rows: all 1 rows were skipped as bad; the first: f.csv:2:1: "x" is not a number`,
	},
	{
		name: "duplicated header",
		in:   "t,T,t\n1,2,3\n",
		opt:  ReadOptions{File: "f.csv"},
		err:  `f.csv:1:3: column name "t" is used by both column 1 and column 3`,
	},
	{
		name: "NaN",
		in:   "t,T\n1,NaN\n",
		opt:  ReadOptions{File: "f.csv"},
		err:  `f.csv:2:2: "NaN" is not a finite number`,
	},
	{
		name: "Inf",
		in:   "t,T\n-Inf,1\n",
		opt:  ReadOptions{File: "f.csv"},
		err:  `f.csv:2:1: "-Inf" is not a finite number`,
	},
	{
		name: "overflow",
		in:   "1,1e400\n",
		err:  `1:2: "1e400" is not a finite number`,
	},
	{
		name: "hexadecimal refused",
		in:   "t,T\n1,0x10\n",
		err:  `2:2: "0x10" is not a number`,
	},
	{
		name: "one column",
		in:   "temp\n1\n2\n",
		opt:  ReadOptions{File: "f.csv"},
		err:  "f.csv:1: file has only one column; x and y must be separated by a comma, semicolon or tab",
	},
	{
		name: "empty file",
		in:   "",
		opt:  ReadOptions{File: "f.csv"},
		err:  "f.csv: file has no data rows",
	},
	{
		name: "only comments and blank lines",
		in:   "\uFEFF# nothing\n\n",
		err:  "file has no data rows",
	},
	{
		name: "header only",
		in:   "t,T\n",
		opt:  ReadOptions{File: "f.csv"},
		err:  "f.csv: file has no data rows",
	},
	{
		name: "unknown column name",
		in:   "t,a,b\n1,2,3\n",
		opt:  ReadOptions{File: "f.csv", YColumn: "temp"},
		err:  `f.csv:1: there is no column named "temp"; the columns are "t", "a", "b"`,
	},
	{
		name: "column name without header",
		in:   "1,2,3\n",
		opt:  ReadOptions{YColumn: "temp"},
		err:  `there is no column named "temp": the file has no header row`,
	},
	{
		name: "column index out of range",
		in:   "t,a,b\n1,2,3\n",
		opt:  ReadOptions{YColumn: "4"},
		err:  "there is no column 4: the file has 3 columns",
	},
	{
		name: "column index zero",
		in:   "t,a\n1,2\n",
		opt:  ReadOptions{XColumn: "0"},
		err:  "there is no column 0: the file has 2 columns",
	},
	{
		name: "same column for x and y",
		in:   "t,a\n1,2\n",
		opt:  ReadOptions{XColumn: "a", YColumn: "2"},
		err:  `x and y are both column 2 ("a")`,
	},
	{
		name: "bare quote",
		in:   "t,T\n1,2\n3,4\"5\n",
		opt:  ReadOptions{File: "f.csv"},
		err:  `f.csv:3: bare " in non-quoted-field at character 4`,
	},
}

func checkRead(t *testing.T, tc readCase, res *ReadResult, err error) {
	t.Helper()
	if tc.err != "" {
		if err == nil {
			t.Fatalf("got no error, want %q", tc.err)
		}
		if err.Error() != tc.err {
			t.Fatalf("error\n got %q\nwant %q", err.Error(), tc.err)
		}
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("error %T is not a *ParseError", err)
		}
		return
	}
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
	d := res.Data
	if !reflect.DeepEqual(d.X, tc.x) || !reflect.DeepEqual(d.Y, tc.y) {
		t.Errorf("data = %v, %v; want %v, %v", d.X, d.Y, tc.x, tc.y)
	}
	if d.XName != tc.names[0] || d.YName != tc.names[1] {
		t.Errorf("names = %q, %q; want %q, %q", d.XName, d.YName, tc.names[0], tc.names[1])
	}
	if !reflect.DeepEqual(res.Columns, tc.cols) {
		t.Errorf("Columns = %q, want %q", res.Columns, tc.cols)
	}
	if res.HasHeader != tc.hdr {
		t.Errorf("HasHeader = %v, want %v", res.HasHeader, tc.hdr)
	}
	if res.Delimiter != tc.delim {
		t.Errorf("Delimiter = %q, want %q", res.Delimiter, tc.delim)
	}
	if res.Skipped != tc.skip || len(res.SkippedErrors) != tc.skip {
		t.Errorf("Skipped = %d with %d errors, want %d", res.Skipped, len(res.SkippedErrors), tc.skip)
	}
}

func TestReadCSV(t *testing.T) {
	for _, tc := range readCases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := ReadCSV(strings.NewReader(tc.in), tc.opt)
			checkRead(t, tc, res, err)
		})
	}
}

func TestReadCSVSkippedErrors(t *testing.T) {
	var b strings.Builder
	b.WriteString("t,T\n1,2\n")
	for range 15 {
		b.WriteString("1,bad\n")
	}
	res, err := ReadCSV(strings.NewReader(b.String()), ReadOptions{File: "f.csv", SkipBadRows: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Skipped != 15 || len(res.SkippedErrors) != 10 {
		t.Fatalf("Skipped = %d with %d errors, want 15 with 10", res.Skipped, len(res.SkippedErrors))
	}
	if got, want := res.SkippedErrors[9].Error(), `f.csv:12:2: "bad" is not a number`; got != want {
		t.Errorf("tenth error = %q, want %q", got, want)
	}
	if res.Data.Len() != 1 {
		t.Errorf("Len = %d, want 1", res.Data.Len())
	}
}

func TestReadCSVErrorUnwraps(t *testing.T) {
	_, err := ReadCSV(strings.NewReader("t,T\n"), ReadOptions{})
	if !errors.Is(err, ErrNoData) {
		t.Errorf("error %v is not ErrNoData", err)
	}
	_, err = ReadCSV(strings.NewReader("a\nb\n"), ReadOptions{})
	if !errors.Is(err, ErrOneColumn) {
		t.Errorf("error %v is not ErrOneColumn", err)
	}
	_, err = ReadCSV(strings.NewReader("t,T\n1,x\n"), ReadOptions{})
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 2 || pe.Column != 2 {
		t.Errorf("error %#v, want a *ParseError at 2:2", err)
	}
}

func TestParseErrorFormat(t *testing.T) {
	base := errors.New("bad")
	tests := []struct {
		e    ParseError
		want string
	}{
		{ParseError{File: "a.csv", Line: 7, Column: 2, Err: base}, "a.csv:7:2: bad"},
		{ParseError{Line: 7, Column: 2, Err: base}, "7:2: bad"},
		{ParseError{File: "a.csv", Line: 7, Err: base}, "a.csv:7: bad"},
		{ParseError{File: "a.csv", Err: base}, "a.csv: bad"},
		{ParseError{Err: base}, "bad"},
	}
	for _, tt := range tests {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
		if !errors.Is(&tt.e, base) {
			t.Errorf("%q does not unwrap to its cause", tt.want)
		}
	}
}

func TestDetectDelimiter(t *testing.T) {
	tests := []struct {
		in   string
		want rune
	}{
		{"1,2\n3,4\n", ','},
		{"1;2\n3;4\n", ';'},
		{"1\t2\n3\t4\n", '\t'},
		{"1,5;2,5\n3;4\n", ';'},     // decimal commas make comma uneven
		{"1,5;2,5\n3,5;4,5\n", ';'}, // both even: semicolon preferred
		{"a,b\n1,2\n3\n", ','},      // a short row does not hide the delimiter
		{"\"a;b\",c\n1,2\n", ','},   // semicolon inside quotes
		{"1\t2,5\n3\t4,5\n", '\t'},
	}
	for _, tt := range tests {
		if got := detectDelimiter([]byte(tt.in)); got != tt.want {
			t.Errorf("detectDelimiter(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseTextSpreadsheetPaste(t *testing.T) {
	res, err := ParseText("Time\tTemperature\r\n0\t20.5\r\n0.5\t21.25\r\n1\t-3e-2\r\n", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	d := res.Data
	if res.Delimiter != '\t' || !res.HasHeader || d.XName != "Time" || d.YName != "Temperature" {
		t.Errorf("got delimiter %q, header %v, names %q %q", res.Delimiter, res.HasHeader, d.XName, d.YName)
	}
	if want := []float64{0, 0.5, 1}; !reflect.DeepEqual(d.X, want) {
		t.Errorf("X = %v, want %v", d.X, want)
	}
	if want := []float64{20.5, 21.25, -0.03}; !reflect.DeepEqual(d.Y, want) {
		t.Errorf("Y = %v, want %v", d.Y, want)
	}
}

func TestParseTextEditor(t *testing.T) {
	res, err := ParseText("1, 2\n3, 4", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Delimiter != ',' || res.HasHeader || !reflect.DeepEqual(res.Data.Y, []float64{2, 4}) {
		t.Errorf("got delimiter %q, header %v, y %v", res.Delimiter, res.HasHeader, res.Data.Y)
	}
}

func TestReadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "temps.csv")
	if err := os.WriteFile(path, []byte("t,T\n1,2\n3,x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(path, ReadOptions{})
	if err == nil || err.Error() != `temps.csv:3:2: "x" is not a number` {
		t.Errorf("error = %v, want one naming temps.csv:3:2", err)
	}
	_, err = ReadFile(path, ReadOptions{File: "other", SkipBadRows: true})
	if err != nil {
		t.Errorf("with SkipBadRows: %v", err)
	}
	if _, err := ReadFile(filepath.Join(t.TempDir(), "missing.csv"), ReadOptions{}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: error %v, want ErrNotExist", err)
	}
}

func TestPreview(t *testing.T) {
	in := "# comment\ntime;temp;note\n1;2,5;a\n\n3;4;b\n5;6\n7;8;c\n"
	tab, err := Preview(strings.NewReader(in), 3)
	if err != nil {
		t.Fatal(err)
	}
	want := &Table{
		Columns:   []string{"time", "temp", "note"},
		Rows:      [][]string{{"1", "2,5", "a"}, {"3", "4", "b"}, {"5", "6"}},
		HasHeader: true,
		Delimiter: ';',
		Encoding:  UTF8,
	}
	if !reflect.DeepEqual(tab, want) {
		t.Errorf("Preview = %+v\nwant %+v", tab, want)
	}

	tab, err = Preview(strings.NewReader("1\t2\n3\t4\n5\t6\n"), 2)
	if err != nil {
		t.Fatal(err)
	}
	want = &Table{
		Columns:   []string{"column 1", "column 2"},
		Rows:      [][]string{{"1", "2"}, {"3", "4"}},
		Delimiter: '\t',
		Encoding:  UTF8,
	}
	if !reflect.DeepEqual(tab, want) {
		t.Errorf("Preview = %+v\nwant %+v", tab, want)
	}

	for _, in := range []string{"", "a\nb\n", "a,a\n1,2\n", "a,b\n"} {
		if _, err := Preview(strings.NewReader(in), 5); err == nil {
			t.Errorf("Preview(%q): no error", in)
		}
	}
}

func TestPreviewLargeInput(t *testing.T) {
	var b strings.Builder
	b.WriteString("x,y\n")
	for b.Len() < 3*previewLimit {
		b.WriteString("123456.789,987654.321\n")
	}
	tab, err := Preview(strings.NewReader(b.String()), 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Rows) != 5 || !tab.HasHeader {
		t.Errorf("got %d rows, header %v; want 5 rows and a header", len(tab.Rows), tab.HasHeader)
	}
}

func TestCharColumn(t *testing.T) {
	data := []byte("ab\nxé,\"b\"c\n")
	if got, ok := charColumn(data, 2, 7); got != 6 || !ok {
		t.Errorf("charColumn = %d, %v; want 6", got, ok)
	}
	if got, ok := charColumn(data, 1, 2); got != 2 || !ok {
		t.Errorf("charColumn = %d, %v; want 2", got, ok)
	}
	if _, ok := charColumn(data, 5, 1); ok {
		t.Error("charColumn found line 5 of a two-line text")
	}
}

func FuzzReadCSV(f *testing.F) {
	for _, tc := range readCases {
		f.Add(tc.in, tc.opt.XColumn, tc.opt.YColumn, tc.opt.SkipBadRows)
	}
	f.Fuzz(func(t *testing.T, in, xCol, yCol string, skip bool) {
		res, err := ReadCSV(strings.NewReader(in), ReadOptions{XColumn: xCol, YColumn: yCol, SkipBadRows: skip})
		if err != nil {
			if res != nil {
				t.Fatalf("non-nil result with error %v", err)
			}
			return
		}
		d := res.Data
		if d == nil || len(d.X) != len(d.Y) || len(d.X) == 0 {
			t.Fatalf("bad dataset %+v", d)
		}
		for i := range d.X {
			if math.IsNaN(d.X[i]) || math.IsInf(d.X[i], 0) || math.IsNaN(d.Y[i]) || math.IsInf(d.Y[i], 0) {
				t.Fatalf("non-finite value at %d: %v, %v", i, d.X[i], d.Y[i])
			}
		}
		if res.Skipped < len(res.SkippedErrors) || len(res.SkippedErrors) > maxSkippedErrors {
			t.Fatalf("Skipped = %d with %d errors", res.Skipped, len(res.SkippedErrors))
		}
		if len(res.Columns) < 2 {
			t.Fatalf("Columns = %q", res.Columns)
		}
		if _, err := Preview(strings.NewReader(in), 3); err != nil && !skip && xCol == "" && yCol == "" {
			t.Fatalf("ReadCSV succeeded but Preview failed: %v", err)
		}
	})
}

func TestCellErrorKinds(t *testing.T) {
	cases := []struct {
		in   string
		want error
		text string
	}{
		{"x,y\n1,abc\n", ErrNotNumber, "abc"},
		{"x,y\n1,Inf\n", ErrNotFinite, "Inf"},
	}
	for _, c := range cases {
		_, err := ReadCSV(strings.NewReader(c.in), ReadOptions{File: "t.csv"})
		var pe *ParseError
		var ce *CellError
		if !errors.As(err, &pe) || !errors.As(err, &ce) {
			t.Fatalf("%q: error %v is not a cell error in a parse error", c.in, err)
		}
		if !errors.Is(err, c.want) || ce.Text != c.text || pe.Line != 2 || pe.Column != 2 {
			t.Errorf("%q: %v (text %q at %d:%d), want %v", c.in, err, ce.Text, pe.Line, pe.Column, c.want)
		}
	}
}
