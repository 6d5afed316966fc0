package data

import (
	"errors"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// decimalCases read thousands separators and decimal commas in each
// delimiter: either right, or refused with a message.
var decimalCases = []struct {
	name string
	in   string
	x, y []float64
	err  string
}{
	// Semicolons: the first number that reads one way only tells the mark.
	{name: "semicolon, German thousands beside a decimal comma", in: "1;5,5\n2;1.234\n", x: []float64{1, 2}, y: []float64{5.5, 1234}},
	{name: "semicolon, thousands read again after the comma tells", in: "1;1.234\n2;7\n3;5,5\n", x: []float64{1, 2, 3}, y: []float64{1234, 7, 5.5}},
	{name: "semicolon, a point tells", in: "1;1.234\n2;1.5\n", x: []float64{1, 2}, y: []float64{1.234, 1.5}},
	{name: "semicolon, x told by y on the same row", in: "1.250;5,5\n", x: []float64{1250}, y: []float64{5.5}},
	{name: "semicolon, x told by y on a later row", in: "1.250;5\n2.500;6,5\n", x: []float64{1250, 2500}, y: []float64{5, 6.5}},
	{name: "semicolon, points between thousands and a comma", in: "1;1.234.567,25\n", x: []float64{1}, y: []float64{1234567.25}},
	{name: "semicolon, commas between thousands and a point", in: "1;1,234,567.25\n2;1,234\n", x: []float64{1, 2}, y: []float64{1234567.25, 1234}},
	{name: "semicolon, comma with three decimals", in: "1;1,234\n2;2,5\n", x: []float64{1, 2}, y: []float64{1.234, 2.5}},
	{name: "semicolon, decimal comma with exponent", in: "1;-0,5e3\n", x: []float64{1}, y: []float64{-500}},
	{name: "semicolon, leading zero is no group", in: "1;0.125\n2;0,5\n", err: `2:2: "0,5" reads only with a decimal comma, but "0.125" on line 1 has a decimal point`},
	{name: "semicolon, never told", in: "1;1.234\n2;2.345\n", err: `1:2: "1.234" could be 1.234 or 1234, and no other number tells whether the decimal mark is a point or a comma`},
	{name: "semicolon, comma never told", in: "x;y\n1;12,500\n", err: `2:2: "12,500" could be 12500 or 12.5, and no other number tells whether the decimal mark is a point or a comma`},
	{name: "semicolon, point after a comma", in: "1;5,5\n2;1.5\n", err: `2:2: "1.5" reads only with a decimal point, but "5,5" on line 1 has a decimal comma`},
	{name: "semicolon, comma after a point", in: "1;1.5\n2;5,5\n", err: `2:2: "5,5" reads only with a decimal comma, but "1.5" on line 1 has a decimal point`},
	{name: "semicolon, bad groups", in: "1;1.23,4\n", err: `1:2: "1.23,4" is not a number (separators of thousands must set off groups of three digits, and a number has one decimal mark)`},
	{name: "semicolon, two commas", in: "1;1,5,5\n", err: `1:2: "1,5,5" is not a number (separators of thousands must set off groups of three digits, and a number has one decimal mark)`},
	{name: "semicolon, integers need no mark", in: "1;2\n3;4\n", x: []float64{1, 3}, y: []float64{2, 4}},

	// Tabs, as spreadsheets copy cells: a decimal point, and thousands
	// grouped by commas.
	{name: "tab, decimal comma", in: "1\t-2,4\n", err: `1:2: "-2,4" is not a number (a decimal comma is only read in semicolon-separated files)`},
	{name: "tab, grouped with a point", in: "1\t1,234.5\n2\t3\n", x: []float64{1, 2}, y: []float64{1234.5, 3}},
	{name: "tab, grouped integers", in: "1\t1,234\n2\t5,678\n", x: []float64{1, 2}, y: []float64{1234, 5678}},

	// Commas: a decimal point only; quoted numbers may group thousands.
	{name: "comma, quoted thousands", in: "1,\"1,052.5\"\n2,\"1,234\"\n3,\"-1,234,567\"\n", x: []float64{1, 2, 3}, y: []float64{1052.5, 1234, -1234567}},
	{name: "comma, bad groups", in: "1,\"1,05.5\"\n", err: `1:2: "1,05.5" is not a number (separators of thousands must set off groups of three digits, and a number has one decimal mark)`},
	{name: "comma, decimal comma", in: "1,\"2,5\"\n", err: `1:2: "2,5" is not a number (a decimal comma is only read in semicolon-separated files)`},
	{name: "comma, German thousands", in: "1,\"1.234,5\"\n", err: `1:2: "1.234,5" is not a number (a decimal comma is only read in semicolon-separated files)`},
	{name: "comma, point is never a group", in: "1,1.234\n", x: []float64{1}, y: []float64{1.234}},
	{name: "comma, groups and an exponent", in: "1,\"1,234e5\"\n", err: `1:2: "1,234e5" is not a number (a decimal comma is only read in semicolon-separated files)`},
}

func TestDecimalMarks(t *testing.T) {
	for _, tc := range decimalCases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := ParseText(tc.in, ReadOptions{})
			if tc.err != "" {
				if err == nil || err.Error() != tc.err {
					t.Fatalf("error\n got %v\nwant %s", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(res.Data.X, tc.x) || !reflect.DeepEqual(res.Data.Y, tc.y) {
				t.Errorf("read %v, %v; want %v, %v", res.Data.X, res.Data.Y, tc.x, tc.y)
			}
		})
	}
}

func TestDecimalErrorsUnwrap(t *testing.T) {
	_, err := ParseText("1;1.234\n2;2.345\n", ReadOptions{File: "eu.csv"})
	var ce *CellError
	if !errors.Is(err, ErrAmbiguousNumber) || !errors.As(err, &ce) || !reflect.DeepEqual(ce.Readings, []string{"1.234", "1234"}) {
		t.Errorf("ambiguous: %v", err)
	}
	_, err = ParseText("1;5,5\n2;1.5\n", ReadOptions{})
	if !errors.Is(err, ErrMixedDecimals) || !errors.As(err, &ce) || ce.DecimalComma || ce.Other != "5,5" || ce.OtherLine != 1 {
		t.Errorf("mixed: %v (%+v)", err, ce)
	}
}

func TestDecimalMixedRowsSkipped(t *testing.T) {
	res, err := ParseText("1;5,5\n2;1.5\n3;2,5\n", ReadOptions{SkipBadRows: true})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res.Data.Y, []float64{5.5, 2.5}) || res.Skipped != 1 {
		t.Errorf("read %v, skipped %d", res.Data.Y, res.Skipped)
	}
}

// Numbers that the file does not tell stay unread until the end, however
// many there are, and are read again whichever way the mark is told.
func TestDecimalManyUnclearRows(t *testing.T) {
	var b strings.Builder
	var want []float64
	for i := range 5000 {
		b.WriteString(strconv.Itoa(i) + ";1." + strconv.Itoa(100+i%900) + "\n")
		want = append(want, float64(1000+100+i%900))
	}
	b.WriteString("5000;0,5\n")
	want = append(want, 0.5)
	res, err := ParseText(b.String(), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res.Data.Y, want) {
		t.Errorf("y not read again with a decimal comma: %v...", res.Data.Y[:5])
	}
}

// A first row that is mostly numbers with one bad cell is a bad row, not
// a header.
func TestFirstRowTypo(t *testing.T) {
	in := "1,2O.5\n2,21.5\n3,22\n"
	_, err := ParseText(in, ReadOptions{File: "temps.csv"})
	var pe *ParseError
	var ce *CellError
	if !errors.As(err, &pe) || !errors.As(err, &ce) || pe.Line != 1 || pe.Column != 2 || ce.FirstRow {
		t.Fatalf("error %v, want a bad cell at 1:2", err)
	}
	if want := `temps.csv:1:2: "2O.5" is not a number`; err.Error() != want {
		t.Errorf("error\n got %s\nwant %s", err, want)
	}
	res, err := ParseText(in, ReadOptions{SkipBadRows: true})
	if err != nil || res.HasHeader || res.Skipped != 1 || res.Data.Len() != 2 {
		t.Errorf("skipping bad rows: %v, %+v", err, res)
	}
}

// A first row of a name beside a number, such as a year, is data too, and
// the message says how to read it as a header.
func TestFirstRowNameBesideNumber(t *testing.T) {
	in := "month,1990\n1,-2.4\n2,0.4\n"
	_, err := ParseText(in, ReadOptions{File: "wide.csv"})
	if want := `wide.csv:1:1: "month" is not a number; the first row is read as data, not as a header, because its other chosen cell holds a value: choose the columns by name to read it as a header`; err == nil || err.Error() != want {
		t.Errorf("error\n got %v\nwant %s", err, want)
	}
	res, err := ParseText(in, ReadOptions{XColumn: "month"})
	if err != nil || !res.HasHeader || res.Data.YName != "1990" || res.Data.Len() != 2 {
		t.Errorf("x named: %v, %+v", err, res)
	}
}

func TestHeaderRule(t *testing.T) {
	tests := []struct {
		x, y          string
		header, mixed bool
	}{
		{"time", "temp", true, false},
		{"time", "", true, false},
		{"time", "NA", true, false},
		{"1", "2O.5", false, true},
		{"month", "1990", false, true},
		{"2012-01-31", "temp", false, true},
		{"1", "2", false, false},
		{"1,5", "2,5", false, false},
		{"NaN", "x", false, true},
		{"", "", false, false},
		{"NA", "-", false, false},
	}
	for _, tt := range tests {
		header, mixed := headerRow(tt.x, tt.y)
		if header != tt.header || mixed != tt.mixed {
			t.Errorf("headerRow(%q, %q) = %v, %v; want %v, %v", tt.x, tt.y, header, mixed, tt.header, tt.mixed)
		}
	}
}

func TestClassifyPlain(t *testing.T) {
	tests := []struct {
		in   string
		v    float64
		kind numberKind
	}{
		{"1", 1, isNumber},
		{"-2.5e-3", -2.5e-3, isNumber},
		{"+.5", 0.5, isNumber},
		{"5.", 5, isNumber},
		{"1e400", math.Inf(1), notFinite},
		{"-Inf", math.Inf(-1), notFinite},
		{"infinity", math.Inf(1), notFinite},
		{"1,5", 0, notNumber},
		{"1,234", 0, notNumber},
		{"0x10", 0, notNumber},
		{"1_000", 0, notNumber},
		{"1e", 0, notNumber},
		{"e5", 0, notNumber},
		{".", 0, notNumber},
		{"--1", 0, notNumber},
		{"1.2.3", 0, notNumber},
		{"12abc", 0, notNumber},
		{"", 0, notNumber},
	}
	for _, tt := range tests {
		v, kind := classify(tt.in)
		if kind != tt.kind || (kind == isNumber && v != tt.v) {
			t.Errorf("classify(%q) = %v, %v; want %v, %v", tt.in, v, kind, tt.v, tt.kind)
		}
	}
	if v, _ := classify("NaN"); !math.IsNaN(v) {
		t.Errorf("classify(NaN) = %v", v)
	}
}

// FuzzNumber checks the readers of numbers against strconv: a number
// read is the text read by strconv.ParseFloat once its separators of
// thousands are left out and its decimal mark made a point.
func FuzzNumber(f *testing.F) {
	for _, s := range []string{"1", "-2.5e-3", "1,234.5", "1.234,5", "2,5", "1.234", "1,234", "0x10", "NaN", "1e400", "1,05.5", "-0,5e3", "１２"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if v, kind := classify(s); kind == isNumber {
			want, err := strconv.ParseFloat(s, 64)
			if err != nil || math.Float64bits(v) != math.Float64bits(want) || !isFinite(v) {
				t.Fatalf("classify(%q) = %v, ParseFloat %v, %v", s, v, want, err)
			}
		}
		for _, allowComma := range []bool{false, true} {
			n, err := newNumbers(allowComma).parse(s)
			if err != nil {
				var ce *CellError
				if !errors.As(err, &ce) {
					t.Fatalf("parse(%q): error %T", s, err)
				}
				continue
			}
			if !isFinite(n.v) || (n.unclear && !isFinite(n.comma)) {
				t.Fatalf("parse(%q) = %+v", s, n)
			}
			point := strings.ReplaceAll(s, ",", "")
			comma := strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", ".")
			pv, perr := strconv.ParseFloat(point, 64)
			cv, cerr := strconv.ParseFloat(comma, 64)
			okPoint := perr == nil && math.Float64bits(pv) == math.Float64bits(n.v)
			okComma := cerr == nil && math.Float64bits(cv) == math.Float64bits(n.v)
			if !okPoint && !okComma {
				t.Fatalf("parse(%q, %v) = %v; ParseFloat reads %v (%v) or %v (%v)", s, allowComma, n.v, pv, perr, cv, cerr)
			}
			if !allowComma && !okPoint {
				t.Fatalf("parse(%q) read a decimal comma in text without them: %v", s, n.v)
			}
			if n.unclear && (cerr != nil || math.Float64bits(cv) != math.Float64bits(n.comma)) {
				t.Fatalf("parse(%q) = %+v; with a comma it is %v", s, n, cv)
			}
		}
	})
}

// Every float64, written as WritePredictions writes it, reads back as
// itself, with and without decimal commas allowed, and so does any
// integer with its thousands grouped.
func TestNumbersReadBackExactly(t *testing.T) {
	values := append([]float64{}, awkward...)
	for i := range 2000 {
		values = append(values, math.Float64frombits(uint64(i)*0x9E3779B97F4A7C15))
	}
	for _, v := range values {
		if !isFinite(v) {
			continue
		}
		s := formatFloat(v)
		for _, allowComma := range []bool{false, true} {
			n, err := newNumbers(allowComma).parse(s)
			if err != nil || math.Float64bits(n.v) != math.Float64bits(v) {
				t.Fatalf("%q read as %v, %v", s, n.v, err)
			}
		}
	}
	for _, v := range []int64{1000, 12345, -987654321, 1234567890123} {
		s := groupThousands(strconv.FormatInt(v, 10))
		n, err := newNumbers(false).parse(s)
		if err != nil || n.v != float64(v) {
			t.Errorf("%q read as %v, %v", s, n.v, err)
		}
	}
}

// groupThousands puts commas between the thousands of the integer s.
func groupThousands(s string) string {
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	var parts []string
	for len(s) > 3 {
		parts = append([]string{s[len(s)-3:]}, parts...)
		s = s[:len(s)-3]
	}
	return sign + strings.Join(append([]string{s}, parts...), ",")
}

// Text cells of a workbook read as comma-separated text does: thousands
// grouped by commas, and no decimal comma.
func TestDecimalMarksInWorkbookText(t *testing.T) {
	res, err := ReadFile(workbookOf(t, [][]string{{"x", "y"}, {"1", "1,052.5"}, {"2", "1.234"}}), ReadOptions{})
	if err != nil || !reflect.DeepEqual(res.Data.Y, []float64{1052.5, 1.234}) {
		t.Errorf("read %v, %v", res, err)
	}
	_, err = ReadFile(workbookOf(t, [][]string{{"x", "y"}, {"1", "2,5"}}), ReadOptions{})
	var ce *CellError
	if !errors.As(err, &ce) || !ce.CommaHint || !strings.Contains(err.Error(), "Sheet1!B2") {
		t.Errorf("decimal comma in a workbook: %v", err)
	}
}

// Every text that reads either way, "a.bcd" or "a,bcd", gets its value
// with a decimal comma from its value with a point exactly as strconv
// reads it.
func TestUnclearCommaValueExact(t *testing.T) {
	for a := 1; a <= 999; a++ {
		for bcd := 0; bcd <= 999; bcd++ {
			decimal, err := strconv.ParseFloat(strconv.Itoa(a)+"."+strconv.Itoa(1000 + bcd)[1:], 64)
			if err != nil {
				t.Fatal(err)
			}
			whole := float64(a*1000 + bcd)
			if got := unclearCell(0).commaValue(decimal); got != whole {
				t.Fatalf("%v with a decimal comma read %v, want %v", decimal, got, whole)
			}
			if got := unclearGrouped.commaValue(whole); got != decimal {
				t.Fatalf("%v with a decimal comma read %v, want %v", whole, got, decimal)
			}
		}
	}
}
