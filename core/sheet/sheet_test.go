package sheet

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"tempfit/core/data"
)

func book(t *testing.T) *Sheet {
	t.Helper()
	y := []float64{5.2, 5.7, 8.6, 14.9, 18.2, 20.4, 25.5, 26.4, 22.8, 17.5, 11.1, 6.6}
	x := make([]float64, len(y))
	for i := range x {
		x[i] = float64(i + 1)
	}
	d, err := data.New("month", "temperature", x, y)
	if err != nil {
		t.Fatal(err)
	}
	return FromDataset(d)
}

// rows returns the sheet's cells as text, one "x,y" string per row.
func rows(s *Sheet) []string {
	out := make([]string, s.Len())
	for i := range out {
		out[i] = s.Text(i, X) + "," + s.Text(i, Y)
	}
	return out
}

func TestFromDataset(t *testing.T) {
	s := book(t)
	if s.Len() != 12 || s.CompleteRows() != 12 {
		t.Fatalf("Len %d, CompleteRows %d", s.Len(), s.CompleteRows())
	}
	if x, y := s.Names(); x != "month" || y != "temperature" {
		t.Errorf("names %q, %q", x, y)
	}
	if got := s.Text(2, Y); got != "8.6" {
		t.Errorf("Text(2, Y) = %q", got)
	}
	if s.Dirty() || s.CanUndo() || s.CanRedo() {
		t.Error("a new sheet has history or unsaved changes")
	}
	d, err := s.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	if d.Len() != 12 || d.XName != "month" || d.Y[11] != 6.6 {
		t.Errorf("Dataset = %+v", d)
	}
}

func TestNewDefaultNames(t *testing.T) {
	s := New("", "")
	if x, y := s.Names(); x != "x" || y != "y" {
		t.Errorf("names %q, %q", x, y)
	}
	if _, err := s.Dataset(); !errors.Is(err, ErrNoPoints) {
		t.Errorf("Dataset of an empty sheet: %v", err)
	}
}

func TestSetCell(t *testing.T) {
	s := book(t)
	if err := s.SetCell(0, Y, "  7.25 "); err != nil {
		t.Fatal(err)
	}
	if v, ok := s.Value(0, Y); !ok || v != 7.25 {
		t.Errorf("Value = %v, %v", v, ok)
	}
	if !s.Dirty() || !s.CanUndo() {
		t.Error("an edit did not make the sheet dirty")
	}
	for _, bad := range []string{"abc", "1,5", "NaN", "inf", "-Inf", "1e999", "7 8"} {
		err := s.SetCell(3, X, bad)
		var ce *CellError
		if !errors.As(err, &ce) {
			t.Fatalf("SetCell(%q) error %v, want a *CellError", bad, err)
		}
		if ce.Row != 3 || ce.Col != X || ce.Name != "month" || ce.Text != strings.TrimSpace(bad) {
			t.Errorf("CellError %+v", ce)
		}
		if !strings.Contains(err.Error(), "row 4") || !strings.Contains(err.Error(), `"month"`) {
			t.Errorf("message %q does not name row 4 and the column", err)
		}
		if got := s.Text(3, X); got != "4" {
			t.Errorf("a refused edit changed the cell to %q", got)
		}
	}
	if err := s.SetCell(12, X, "1"); err == nil {
		t.Error("SetCell past the last row succeeded")
	}
}

func TestSetCellSameValueRecordsNothing(t *testing.T) {
	s := book(t)
	before := s.Changes()
	if err := s.SetCell(0, X, "1.0"); err != nil {
		t.Fatal(err)
	}
	if s.Changes() != before || s.CanUndo() || s.Dirty() {
		t.Error("setting a cell to its own value was recorded")
	}
}

func TestMissingCellsLeftOutOfDataset(t *testing.T) {
	s := book(t)
	r := s.AppendRow()
	if r != 12 || s.Len() != 13 {
		t.Fatalf("AppendRow = %d, Len %d", r, s.Len())
	}
	if s.Complete(r) || s.Text(r, X) != "" || s.Text(r, Y) != "" {
		t.Error("a new row is not empty")
	}
	d, err := s.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	if d.Len() != 12 {
		t.Errorf("the unfinished row is in the data set: %d points", d.Len())
	}
	if err := s.SetCell(r, X, "13"); err != nil {
		t.Fatal(err)
	}
	if d, _ := s.Dataset(); d.Len() != 12 {
		t.Errorf("a row with only x is in the data set")
	}
	if err := s.SetCell(r, Y, "4.5"); err != nil {
		t.Fatal(err)
	}
	d, err = s.Dataset()
	if err != nil || d.Len() != 13 || d.X[12] != 13 || d.Y[12] != 4.5 {
		t.Errorf("finished row not in the data set: %v %v", d, err)
	}
	// Emptying a cell takes the row out again.
	if err := s.SetCell(0, Y, " "); err != nil {
		t.Fatal(err)
	}
	if d, _ := s.Dataset(); d.Len() != 12 || d.X[0] != 2 {
		t.Errorf("row with an emptied cell still in the data set")
	}
}

func TestInsertDeleteRows(t *testing.T) {
	s := book(t)
	s.InsertRow(0)
	if s.Len() != 13 || s.Complete(0) || s.Text(1, X) != "1" {
		t.Fatalf("InsertRow(0): %v", rows(s))
	}
	s.InsertRows(2, []Point{{100, 1}, {101, math.NaN()}, {math.Inf(1), 3}})
	if s.Len() != 16 {
		t.Fatalf("Len %d", s.Len())
	}
	if got := rows(s)[2:5]; !slices.Equal(got, []string{"100,1", "101,", ",3"}) {
		t.Errorf("inserted rows %v", got)
	}
	if !s.DeleteRows([]int{4, 2, 2, 0, 99, -1, 3}) {
		t.Fatal("DeleteRows deleted nothing")
	}
	if got := rows(s); !slices.Equal(got, rows(book(t))) {
		t.Errorf("after delete: %v", got)
	}
	if s.DeleteRows([]int{-1, 50}) {
		t.Error("DeleteRows of no valid row reported a change")
	}
	// Insert past the end appends.
	s.InsertRows(99, []Point{{13, 6}})
	if s.Len() != 13 || s.Text(12, X) != "13" {
		t.Errorf("InsertRows past the end: %v", rows(s))
	}
}

func TestSortByX(t *testing.T) {
	s := New("x", "y")
	s.InsertRows(0, []Point{{3, 1}, {1, 2}, {math.NaN(), 3}, {3, 4}, {2, 5}, {1, 6}})
	if !s.SortByX() {
		t.Fatal("SortByX reported no change")
	}
	want := []string{"1,2", "1,6", "2,5", "3,1", "3,4", ",3"}
	if got := rows(s); !slices.Equal(got, want) {
		t.Errorf("sorted %v, want %v", got, want)
	}
	if s.SortByX() {
		t.Error("sorting sorted rows reported a change")
	}
	if !s.Undo() {
		t.Fatal("Undo of the sort failed")
	}
	if got := rows(s); !slices.Equal(got, []string{"3,1", "1,2", ",3", "3,4", "2,5", "1,6"}) {
		t.Errorf("undone sort %v", got)
	}
}

func TestReplace(t *testing.T) {
	s := book(t)
	d, _ := data.New("day", "temp", []float64{1, 2}, []float64{3, 4})
	s.Replace(d)
	if x, y := s.Names(); x != "day" || y != "temp" || s.Len() != 2 {
		t.Fatalf("Replace: %s %s %v", x, y, rows(s))
	}
	d.X[0] = 99
	if s.Text(0, X) != "1" {
		t.Error("Replace kept a reference to the data set")
	}
	s.Undo()
	if x, _ := s.Names(); x != "month" || s.Len() != 12 {
		t.Errorf("undone Replace: %s %d rows", x, s.Len())
	}
}

func TestUndoRedoEveryOperation(t *testing.T) {
	s := book(t)
	var states [][]string
	record := func() { states = append(states, rows(s)) }
	record()
	steps := []func(){
		func() { _ = s.SetCell(1, Y, "9") },
		func() { s.AppendRow() },
		func() { s.InsertRow(3) },
		func() { _ = s.SetCell(3, X, "0.5") },
		func() { s.InsertRows(5, []Point{{7.5, 1}, {2.5, 2}}) },
		func() { s.DeleteRows([]int{0, 13}) },
		func() { s.SortByX() },
		func() {
			d, _ := data.New("a", "b", []float64{1}, []float64{2})
			s.Replace(d)
		},
	}
	for _, step := range steps {
		step()
		record()
	}
	for i := len(states) - 2; i >= 0; i-- {
		if !s.Undo() {
			t.Fatalf("Undo to state %d failed", i)
		}
		if got := rows(s); !slices.Equal(got, states[i]) {
			t.Fatalf("undo to state %d: %v, want %v", i, got, states[i])
		}
	}
	if s.Undo() || s.CanUndo() {
		t.Error("Undo past the start")
	}
	if s.Dirty() {
		t.Error("undone to the start but still dirty")
	}
	for i := 1; i < len(states); i++ {
		if !s.Redo() {
			t.Fatalf("Redo to state %d failed", i)
		}
		if got := rows(s); !slices.Equal(got, states[i]) {
			t.Fatalf("redo to state %d: %v, want %v", i, got, states[i])
		}
	}
	if s.Redo() || s.CanRedo() {
		t.Error("Redo past the end")
	}
}

func TestNewEditDropsRedo(t *testing.T) {
	s := book(t)
	_ = s.SetCell(0, Y, "1")
	s.Undo()
	if !s.CanRedo() {
		t.Fatal("nothing to redo")
	}
	_ = s.SetCell(0, Y, "2")
	if s.CanRedo() {
		t.Error("a new edit kept the redo stack")
	}
}

func TestDirtyAndChanges(t *testing.T) {
	s := book(t)
	c0 := s.Changes()
	_ = s.SetCell(0, Y, "1")
	if !s.Dirty() || s.Changes() == c0 {
		t.Fatal("edit not counted")
	}
	s.MarkSaved()
	if s.Dirty() {
		t.Fatal("dirty after MarkSaved")
	}
	_ = s.SetCell(0, Y, "2")
	if !s.Dirty() {
		t.Fatal("not dirty after an edit past the save")
	}
	c1 := s.Changes()
	s.Undo()
	if s.Dirty() {
		t.Error("undone back to the saved state but dirty")
	}
	if s.Changes() == c1 {
		t.Error("Undo not counted as a change")
	}
	s.Undo()
	if !s.Dirty() {
		t.Error("undone past the saved state but clean")
	}
	s.Redo()
	if s.Dirty() {
		t.Error("redone to the saved state but dirty")
	}
}

func TestFitted(t *testing.T) {
	s := book(t)
	s.AppendRow()
	double := func(x float64) float64 { return 2 * x }
	p, r, ok := s.Fitted(2, double)
	y, _ := s.Value(2, Y)
	if !ok || p != 6 || r != y-6 {
		t.Errorf("Fitted(2) = %v, %v, %v", p, r, ok)
	}
	if _, _, ok := s.Fitted(12, double); ok {
		t.Error("Fitted of a row without x is ok")
	}
	_ = s.SetCell(12, X, "13")
	p, r, ok = s.Fitted(12, double)
	if !ok || p != 26 || !math.IsNaN(r) {
		t.Errorf("Fitted of a row without y = %v, %v, %v", p, r, ok)
	}
	if _, _, ok := s.Fitted(0, nil); ok {
		t.Error("Fitted without a model is ok")
	}
}

// A huge text typed or pasted into a cell is refused with a short
// message, and the cell keeps its value.
func TestSetCellHugeText(t *testing.T) {
	s := New("x", "y")
	s.AppendRow()
	if err := s.SetCell(0, Y, "2"); err != nil {
		t.Fatal(err)
	}
	err := s.SetCell(0, Y, strings.Repeat("warm", 1<<18))
	var ce *CellError
	if !errors.As(err, &ce) || len(err.Error()) > 200 || !strings.HasSuffix(ce.Text, "…") {
		t.Fatalf("error %.200v", err)
	}
	if v, _ := s.Value(0, Y); v != 2 {
		t.Errorf("cell changed to %v", v)
	}
}

func TestParseCell(t *testing.T) {
	for _, tc := range []struct {
		in string
		v  float64
		ok bool
	}{
		{"1", 1, true}, {" -2.5e3 ", -2500, true}, {"", math.NaN(), true}, {"\t", math.NaN(), true},
		{"x", 0, false}, {"nan", 0, false}, {"+Inf", 0, false}, {"1,5", 0, false},
		{"0x10", 0, false}, {"1_000", 0, false}, {"1e999", 0, false}, {"1,234", 0, false},
	} {
		v, ok := ParseCell(tc.in)
		if ok != tc.ok || (ok && !(v == tc.v || (math.IsNaN(v) && math.IsNaN(tc.v)))) {
			t.Errorf("ParseCell(%q) = %v, %v", tc.in, v, ok)
		}
	}
}

func TestLargeSheet(t *testing.T) {
	const n = 100000
	pts := make([]Point, n)
	for i := range pts {
		pts[i] = Point{float64(n - i), float64(i % 17)}
	}
	s := New("x", "y")
	s.InsertRows(0, pts)
	s.SortByX()
	if s.Text(0, X) != "1" || s.Text(n-1, X) != "100000" {
		t.Errorf("sort of %d rows: first %s, last %s", n, s.Text(0, X), s.Text(n-1, X))
	}
	d, err := s.Dataset()
	if err != nil || d.Len() != n {
		t.Fatalf("Dataset: %v", err)
	}
	s.DeleteRows([]int{0, n / 2, n - 1})
	if s.Len() != n-3 {
		t.Errorf("Len after delete %d", s.Len())
	}
}

func BenchmarkDataset100k(b *testing.B) {
	const n = 100000
	pts := make([]Point, n)
	for i := range pts {
		pts[i] = Point{float64(i), float64(i % 17)}
	}
	s := New("x", "y")
	s.InsertRows(0, pts)
	for b.Loop() {
		if _, err := s.Dataset(); err != nil {
			b.Fatal(err)
		}
	}
}

func TestTSV(t *testing.T) {
	s := New("x", "y")
	s.AppendRow()
	s.AppendRow()
	s.AppendRow()
	a, b := 0.1, 0.2
	for _, c := range []struct {
		row  int
		col  Col
		text string
	}{{0, X, "1"}, {0, Y, strconv.FormatFloat(a+b, 'g', -1, 64)}, {1, X, "2"}, {2, X, "3"}, {2, Y, "5e-300"}} {
		if err := s.SetCell(c.row, c.col, c.text); err != nil {
			t.Fatal(err)
		}
	}
	got := s.TSV([]int{2, 0, 1})
	if want := "3\t5e-300\n1\t0.30000000000000004\n2\t\n"; got != want {
		t.Errorf("TSV = %q, want %q", got, want)
	}
}
