package data

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestIsMissing(t *testing.T) {
	for _, s := range []string{"", "  ", "NA", "na", "N/A", "n/a", "#N/A", "null", "NULL", "-", "--", "---", "///", "×", " NA "} {
		if !IsMissing(s) {
			t.Errorf("IsMissing(%q) = false", s)
		}
	}
	for _, s := range []string{"0", "NaN", "-9999", "none", "x", "----", "N", "-1"} {
		if IsMissing(s) {
			t.Errorf("IsMissing(%q) = true", s)
		}
	}
}

func TestMissingRowsAreCounted(t *testing.T) {
	in := "date,temp\n" +
		"2012-01-01,1.5\n" + // line 2
		"2012-01-02,\n" + // 3: empty y
		"2012-01-03,NA\n" + // 4
		",4\n" + // 5: empty x
		"2012-01-05,-\n" + // 6
		"# comment\n" + // 7
		"2012-01-07,null\n" + // 8
		"2012-01-08,--\n" + // 9
		"2012-01-09,9\n"
	res, err := ReadCSV(strings.NewReader(in), ReadOptions{File: "gaps.csv"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Missing != 6 || !reflect.DeepEqual(res.MissingLines, []int{3, 4, 5, 6, 8}) {
		t.Errorf("Missing = %d at lines %v, want 6 at [3 4 5 6 8]", res.Missing, res.MissingLines)
	}
	if !reflect.DeepEqual(res.Data.X, []float64{0, 8}) || !reflect.DeepEqual(res.Data.Y, []float64{1.5, 9}) {
		t.Errorf("data %v %v", res.Data.X, res.Data.Y)
	}
	if res.Skipped != 0 {
		t.Errorf("Skipped = %d", res.Skipped)
	}
}

func TestMissingDoesNotHideBadCells(t *testing.T) {
	tests := []struct{ in, want string }{
		{"x,y\n1,2\nabc,\n", `m.csv:3:1: "abc" is not a number`},
		{"x,y\n1,2\n,abc\n", `m.csv:3:2: "abc" is not a number`},
		{"x,y\n1,2\n3,NaN\n", `m.csv:3:2: "NaN" is not a finite number`},
		{"x,y\n1,2\n3,-9999x\n", `m.csv:3:2: "-9999x" is not a number`},
	}
	for _, tt := range tests {
		_, err := ReadCSV(strings.NewReader(tt.in), ReadOptions{File: "m.csv"})
		if err == nil || err.Error() != tt.want {
			t.Errorf("%q: error %v, want %s", tt.in, err, tt.want)
		}
	}
}

func TestMissingFirstRowIsData(t *testing.T) {
	res, err := ReadCSV(strings.NewReader("1,NA\n2,3\n"), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.HasHeader || res.Missing != 1 || res.Data.Len() != 1 {
		t.Errorf("header %v, missing %d, %d rows", res.HasHeader, res.Missing, res.Data.Len())
	}
}

func TestAllMissing(t *testing.T) {
	_, err := ReadCSV(strings.NewReader("x,y\n1,\n2,NA\n"), ReadOptions{File: "m.csv"})
	if !errors.Is(err, ErrNoData) || !strings.Contains(err.Error(), "all 2 rows have a missing x or y, the first on line 2") {
		t.Errorf("error %v", err)
	}
}
