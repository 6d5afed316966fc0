package sheet

import (
	"errors"
	"strings"
	"testing"

	"tempfit/core/data"
)

// readDates returns the data set of CSV text with a date column.
func readDates(t *testing.T, text string) *data.Dataset {
	t.Helper()
	res, err := data.ParseText(text, data.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return res.Data
}

func TestSheetEditsDates(t *testing.T) {
	s := FromDataset(readDates(t, "date,temp\n2012/01/01,1\n2012/01/03,3\n"))
	if got := s.Text(1, X); got != "2012/01/03" {
		t.Errorf("Text = %q", got)
	}
	if err := s.SetCell(1, X, "2012-01-10"); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Value(1, X); v != 9 || s.Text(1, X) != "2012/01/10" {
		t.Errorf("after edit: %v %q", v, s.Text(1, X))
	}
	for _, bad := range []string{"9", "2012-02-30", "2012-01-10 10:00", "abc"} {
		err := s.SetCell(0, X, bad)
		var ce *CellError
		if !errors.As(err, &ce) || ce.Reason == nil || ce.Row != 0 || ce.Col != X {
			t.Errorf("SetCell(%q): %v", bad, err)
		}
	}
	err := s.SetCell(0, X, "2012-02-30")
	if want := `row 1, column "date": "2012-02-30" is not a valid date`; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
	if !errors.Is(s.SetCell(0, X, "5"), data.ErrNotDate) {
		t.Error("a number on a date axis is not ErrNotDate")
	}
	if err := s.SetCell(0, X, ""); err != nil || s.Complete(0) {
		t.Errorf("emptying: %v", err)
	}
	if !s.Undo() || !s.Undo() || s.Text(1, X) != "2012/01/03" || s.Text(0, X) != "2012/01/01" {
		t.Errorf("undo: %q %q", s.Text(0, X), s.Text(1, X))
	}
	if !s.Redo() || s.Text(1, X) != "2012/01/10" {
		t.Errorf("redo: %q", s.Text(1, X))
	}
	if got, want := s.TSV([]int{0, 1}), "2012/01/01\t1\n2012/01/10\t3\n"; got != want {
		t.Errorf("TSV = %q, want %q", got, want)
	}
	d, err := s.Dataset()
	if err != nil || d.XAxis != s.XAxis() || d.XAxis.Kind != data.Date {
		t.Errorf("Dataset axis %+v, %v", d.XAxis, err)
	}
	// Copied rows paste back as the same dates.
	pasted := readDates(t, s.TSV([]int{1}))
	if err := s.InsertDataset(0, pasted); err != nil || s.Text(0, X) != "2012/01/10" {
		t.Errorf("InsertDataset: %v, %q", err, s.Text(0, X))
	}
	if err := s.InsertDataset(0, readDates(t, "1\t2\n")); err == nil || s.Len() != 3 {
		t.Errorf("numbers into dates: %v, %d rows", err, s.Len())
	}
}

func TestSheetReplaceSwapsAxis(t *testing.T) {
	s := New("x", "y")
	s.AppendRow()
	s.Replace(readDates(t, "month,t\nJan,1\nFeb,2\n"))
	if s.XAxis().Kind != data.MonthName || s.Text(1, X) != "Feb" {
		t.Errorf("after Replace: %v %q", s.XAxis().Kind, s.Text(1, X))
	}
	if err := s.SetCell(0, X, "March"); err != nil || s.Text(0, X) != "Mar" {
		t.Errorf("month edit: %v %q", err, s.Text(0, X))
	}
	s.Undo()
	s.Undo()
	if s.XAxis().Kind != data.Number {
		t.Errorf("undo of Replace left axis %v", s.XAxis().Kind)
	}
	if err := s.SetCell(0, X, "Jan"); err == nil || !strings.Contains(err.Error(), "is not a number") {
		t.Errorf("month name on a number axis: %v", err)
	}
}
