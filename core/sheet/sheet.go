// Package sheet is the editable table of x-y points behind Tempfit's data
// view: rows of two numbers that may be missing while a row is being typed
// in, column names, a history of every change for undo and redo, and a
// dirty flag. It builds the data.Dataset that training uses from the rows
// that are complete.
//
// A Sheet is not safe for concurrent use; the user interface owns it and
// hands the immutable Dataset to other goroutines.
package sheet

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"tempfit/core/data"
)

// Col names one of the two data columns of a sheet.
type Col int

// The data columns.
const (
	X Col = iota
	Y
)

// Point is one row: x and y, either of which may be Missing.
type Point struct {
	X, Y float64
}

// Missing is the value of an empty cell. Use IsMissing to test for it.
var Missing = math.NaN()

// IsMissing reports whether v is the value of an empty cell.
func IsMissing(v float64) bool { return math.IsNaN(v) }

// ErrNoPoints is returned by Dataset when no row has both x and y.
var ErrNoPoints = errors.New("sheet: no row has both x and y")

// Sheet is an editable table of points with column names and an undo
// history.
type Sheet struct {
	xName, yName string
	x, y         []float64
	axis         data.XAxis

	done, undone []edit // the undo and redo stacks
	nextID       uint64 // the id of the next edit
	stateID      uint64 // the id of the last edit applied, 0 at the start
	savedID      uint64 // stateID when last saved
	changes      uint64
}

// New returns an empty sheet with the given column names ("x" and "y" when
// empty).
func New(xName, yName string) *Sheet {
	if xName == "" {
		xName = "x"
	}
	if yName == "" {
		yName = "y"
	}
	return &Sheet{xName: xName, yName: yName, nextID: 1}
}

// FromDataset returns a sheet holding a copy of d's points, names and x
// axis, with no history and nothing unsaved.
func FromDataset(d *data.Dataset) *Sheet {
	s := New(d.XName, d.YName)
	s.x = slices.Clone(d.X)
	s.y = slices.Clone(d.Y)
	s.axis = d.XAxis
	return s
}

// XAxis returns what the x column holds: numbers (the zero value), dates
// or months.
func (s *Sheet) XAxis() data.XAxis { return s.axis }

// Len returns the number of rows, complete or not.
func (s *Sheet) Len() int { return len(s.x) }

// Names returns the names of the x and y columns.
func (s *Sheet) Names() (x, y string) { return s.xName, s.yName }

// Name returns the name of column c.
func (s *Sheet) Name(c Col) string {
	if c == X {
		return s.xName
	}
	return s.yName
}

// Value returns the value of a cell and whether it holds one.
func (s *Sheet) Value(row int, c Col) (v float64, ok bool) {
	v = s.col(c)[row]
	return v, !IsMissing(v)
}

// Point returns row's point; missing cells are Missing.
func (s *Sheet) Point(row int) Point { return Point{s.x[row], s.y[row]} }

// Text returns a cell as the table shows it and as editing starts from:
// the shortest text that reads back as the same number, an x on a date or
// month axis in the axis's layout, or "" when the cell is empty.
func (s *Sheet) Text(row int, c Col) string {
	v, ok := s.Value(row, c)
	if !ok {
		return ""
	}
	if c == X {
		return s.axis.Format(v)
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// TSV returns the given rows as tab-separated lines "x\ty\n", as
// spreadsheets paste them, with full float64 precision and dates as the
// table shows them; a missing cell is an empty field.
func (s *Sheet) TSV(rows []int) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(s.Text(r, X))
		b.WriteByte('\t')
		b.WriteString(s.Text(r, Y))
		b.WriteByte('\n')
	}
	return b.String()
}

// Complete reports whether row has both x and y, so that it is part of the
// data set.
func (s *Sheet) Complete(row int) bool {
	return !IsMissing(s.x[row]) && !IsMissing(s.y[row])
}

// CompleteRows returns the number of complete rows.
func (s *Sheet) CompleteRows() int {
	n := 0
	for i := range s.x {
		if s.Complete(i) {
			n++
		}
	}
	return n
}

// Fitted returns the value a model predicts for row and the residual
// (y minus predicted). ok is false when the row's x is empty; the residual
// is NaN when its y is.
func (s *Sheet) Fitted(row int, predict func(x float64) float64) (predicted, residual float64, ok bool) {
	x, y := s.x[row], s.y[row]
	if IsMissing(x) || predict == nil {
		return 0, 0, false
	}
	predicted = predict(x)
	return predicted, y - predicted, true
}

// Dataset returns the complete rows as a data set, in table order, on the
// sheet's x axis. Rows with an empty cell are left out. It returns ErrNoPoints when no row is
// complete.
func (s *Sheet) Dataset() (*data.Dataset, error) {
	n := s.CompleteRows()
	if n == 0 {
		return nil, ErrNoPoints
	}
	x := make([]float64, 0, n)
	y := make([]float64, 0, n)
	for i := range s.x {
		if s.Complete(i) {
			x = append(x, s.x[i])
			y = append(y, s.y[i])
		}
	}
	d, err := data.Take(s.xName, s.yName, x, y)
	if err != nil {
		return nil, err
	}
	d.XAxis = s.axis
	return d, nil
}

// SetCell sets a cell from the text typed into it. Empty text empties the
// cell. On a date or month axis, x is read as data.XAxis.Parse reads it:
// a date in any form of the column's kind, converted to the axis. Text
// that is not a finite number (or, for such an x, a date of the column's
// kind) leaves the cell as it was and returns a *CellError. Setting a cell
// to the value it has changes nothing and records nothing.
func (s *Sheet) SetCell(row int, c Col, text string) error {
	if row < 0 || row >= s.Len() || (c != X && c != Y) {
		return fmt.Errorf("sheet: no cell at row %d, column %d", row+1, c)
	}
	v, ok := ParseCell(text)
	if c == X && s.axis.Kind != data.Number && strings.TrimSpace(text) != "" {
		x, err := s.axis.Parse(text)
		if err != nil {
			ce, _ := err.(*data.CellError)
			return s.cellError(row, c, text, ce)
		}
		v, ok = x, true
	}
	if !ok {
		return s.cellError(row, c, text, nil)
	}
	old := s.col(c)[row]
	if math.Float64bits(old) == math.Float64bits(v) || (IsMissing(old) && IsMissing(v)) {
		return nil
	}
	s.do(&setCell{row: row, col: c, old: old, new: v})
	return nil
}

// AppendRow adds an empty row at the end and returns its index.
func (s *Sheet) AppendRow() int {
	at := s.Len()
	s.InsertRow(at)
	return at
}

// InsertRow inserts an empty row before row at (at == Len() appends).
func (s *Sheet) InsertRow(at int) {
	s.InsertRows(at, []Point{{Missing, Missing}})
}

// InsertRows inserts points before row at, for example rows pasted from a
// spreadsheet. Values that are NaN are empty cells; infinities are made
// empty too.
func (s *Sheet) InsertRows(at int, points []Point) {
	if len(points) == 0 {
		return
	}
	at = max(0, min(at, s.Len()))
	ps := make([]Point, len(points))
	for i, p := range points {
		ps[i] = Point{clean(p.X), clean(p.Y)}
	}
	s.do(&insertRows{at: at, points: ps})
}

// DeleteRows deletes the given rows. Indexes out of range and repeats are
// ignored. It reports whether any row was deleted.
func (s *Sheet) DeleteRows(rows []int) bool {
	var idx []int
	for _, r := range rows {
		if r >= 0 && r < s.Len() {
			idx = append(idx, r)
		}
	}
	slices.Sort(idx)
	idx = slices.Compact(idx)
	if len(idx) == 0 {
		return false
	}
	del := &deleteRows{rows: idx, points: make([]Point, len(idx))}
	for i, r := range idx {
		del.points[i] = s.Point(r)
	}
	s.do(del)
	return true
}

// SortByX sorts the rows by x, keeping the order of rows with equal x and
// putting rows with an empty x last. It reports whether the order changed.
func (s *Sheet) SortByX() bool {
	perm := make([]int, s.Len())
	for i := range perm {
		perm[i] = i
	}
	slices.SortStableFunc(perm, func(a, b int) int {
		xa, xb := s.x[a], s.x[b]
		switch {
		case IsMissing(xa) && IsMissing(xb):
			return 0
		case IsMissing(xa):
			return 1
		case IsMissing(xb):
			return -1
		case xa < xb:
			return -1
		case xa > xb:
			return 1
		}
		return 0
	})
	sorted := true
	for i, p := range perm {
		if i != p {
			sorted = false
			break
		}
	}
	if sorted {
		return false
	}
	s.do(&permute{perm: perm})
	return true
}

// Replace replaces every row, the column names and the x axis with those
// of d.
func (s *Sheet) Replace(d *data.Dataset) {
	s.do(&replace{
		xName: d.XName, yName: d.YName,
		x: slices.Clone(d.X), y: slices.Clone(d.Y),
		axis: d.XAxis,
	})
}

// InsertDataset inserts d's points before row at, as InsertRows does,
// with x moved onto the sheet's axis (see data.Dataset.InAxis): pasted
// dates land on the right day whatever date they count from. It is an
// error, and nothing changes, when d's x holds another kind of value,
// such as numbers pasted into a column of dates.
func (s *Sheet) InsertDataset(at int, d *data.Dataset) error {
	moved, err := d.InAxis(s.axis)
	if err != nil {
		return err
	}
	points := make([]Point, moved.Len())
	for i := range points {
		points[i] = Point{moved.X[i], moved.Y[i]}
	}
	s.InsertRows(at, points)
	return nil
}

func (s *Sheet) col(c Col) []float64 {
	if c == X {
		return s.x
	}
	return s.y
}

// clean turns infinities into Missing.
func clean(v float64) float64 {
	if math.IsInf(v, 0) {
		return Missing
	}
	return v
}
