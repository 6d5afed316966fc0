package session

import (
	"tempfit/core/data"
	"tempfit/core/sheet"
)

// Edit sets the cell of column c in row to the number text, as typed; an
// empty text empties it. Text that is not a number is refused with a
// *sheet.CellError and the cell keeps its value.
func (s *Session) Edit(row int, c sheet.Col, text string) error {
	if err := s.sheet.SetCell(row, c, text); err != nil {
		return err
	}
	s.rowsChanged()
	return nil
}

// AppendRow adds an empty row at the end and returns its index.
func (s *Session) AppendRow() int {
	row := s.sheet.AppendRow()
	s.rowsChanged()
	return row
}

// InsertRow inserts an empty row before row at.
func (s *Session) InsertRow(at int) {
	s.sheet.InsertRow(at)
	s.rowsChanged()
}

// DeleteRows deletes the rows given and reports whether any were.
func (s *Session) DeleteRows(rows []int) bool {
	if !s.sheet.DeleteRows(rows) {
		return false
	}
	s.rowsChanged()
	return true
}

// SortByX orders the rows by x and reports whether any moved.
func (s *Session) SortByX() bool {
	if !s.sheet.SortByX() {
		return false
	}
	s.rowsChanged()
	return true
}

// Undo takes back the latest change to the table and reports whether
// there was one.
func (s *Session) Undo() bool {
	if !s.sheet.Undo() {
		return false
	}
	s.rowsChanged()
	return true
}

// Redo makes the latest change taken back again and reports whether there
// was one.
func (s *Session) Redo() bool {
	if !s.sheet.Redo() {
		return false
	}
	s.rowsChanged()
	return true
}

// InsertPoints inserts the points read (from the clipboard) before row
// at, as one step that Undo takes back.
func (s *Session) InsertPoints(at int, d *data.Dataset) {
	points := make([]sheet.Point, d.Len())
	for i := range points {
		points[i] = sheet.Point{X: d.X[i], Y: d.Y[i]}
	}
	s.sheet.InsertRows(at, points)
	s.rowsChanged()
}

// ReplacePoints replaces every row with the points read (from the
// clipboard), as one step that Undo takes back. The column names come
// with them when the text had a header.
func (s *Session) ReplacePoints(res *data.ReadResult) {
	d := res.Data
	if !res.HasHeader {
		xName, yName := s.sheet.Names()
		if named, err := data.New(xName, yName, d.X, d.Y); err == nil {
			d = named
		}
	}
	s.sheet.Replace(d)
	s.dataChanged()
	s.notify(Table | Trainer | File)
}

// rowsChanged passes edited rows on and tells the views.
func (s *Session) rowsChanged() {
	s.dataChanged()
	s.notify(Rows | Trainer | File)
}
