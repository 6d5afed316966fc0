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
// at, as one step that Undo takes back. Their x moves onto the table's x
// axis: dates pasted into a table of dates keep their days. Points whose x
// cannot be put on that axis, such as dates pasted among plain numbers,
// are refused.
func (s *Session) InsertPoints(at int, res *data.ReadResult) error {
	if err := s.sheet.InsertDataset(at, res.Data); err != nil {
		return err
	}
	s.note = readNoteOf(res)
	s.rowsChanged()
	return nil
}

// ReplacePoints replaces every row with the points read (from the
// clipboard), as one step that Undo takes back. The column names come
// with them when the text had a header.
func (s *Session) ReplacePoints(res *data.ReadResult) {
	d := res.Data
	if !res.HasHeader {
		xName, yName := s.sheet.Names()
		if named, err := data.New(xName, yName, d.X, d.Y); err == nil {
			named.XAxis = d.XAxis
			d = named
		}
	}
	s.sheet.Replace(d)
	s.note = readNoteOf(res)
	changed := s.periodForAxis()
	s.dataChanged()
	s.notify(Table | Trainer | File | changed)
}

// rowsChanged passes edited rows on and tells the views.
func (s *Session) rowsChanged() {
	s.dataChanged()
	s.notify(Rows | Trainer | File)
}
