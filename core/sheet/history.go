package sheet

import (
	"slices"

	"tempfit/core/data"
)

// Undo reverts the latest change not yet undone and reports whether there
// was one.
func (s *Sheet) Undo() bool {
	if len(s.done) == 0 {
		return false
	}
	e := s.done[len(s.done)-1]
	s.done = s.done[:len(s.done)-1]
	e.revert(s)
	s.undone = append(s.undone, e)
	s.stateID = 0
	if len(s.done) > 0 {
		s.stateID = s.done[len(s.done)-1].id()
	}
	s.changes++
	return true
}

// Redo applies the latest undone change again and reports whether there
// was one.
func (s *Sheet) Redo() bool {
	if len(s.undone) == 0 {
		return false
	}
	e := s.undone[len(s.undone)-1]
	s.undone = s.undone[:len(s.undone)-1]
	e.apply(s)
	s.done = append(s.done, e)
	s.stateID = e.id()
	s.changes++
	return true
}

// CanUndo reports whether Undo would change something.
func (s *Sheet) CanUndo() bool { return len(s.done) > 0 }

// CanRedo reports whether Redo would change something.
func (s *Sheet) CanRedo() bool { return len(s.undone) > 0 }

// Changes returns a counter that increases with every change, undo and redo.
func (s *Sheet) Changes() uint64 { return s.changes }

// Dirty reports whether the rows differ from those last marked saved (or
// from the start). Undoing back to the saved state makes it clean again.
func (s *Sheet) Dirty() bool { return s.stateID != s.savedID }

// MarkSaved records the current rows as saved.
func (s *Sheet) MarkSaved() { s.savedID = s.stateID }

// do applies e and records it for undo, dropping the redo stack.
func (s *Sheet) do(e edit) {
	e.setID(s.nextID)
	s.nextID++
	e.apply(s)
	s.done = append(s.done, e)
	s.undone = nil
	s.stateID = e.id()
	s.changes++
}

// edit is one recorded change: apply does it, revert undoes it.
type edit interface {
	apply(s *Sheet)
	revert(s *Sheet)
	id() uint64
	setID(uint64)
}

// editID gives an edit its identity, used to tell whether the sheet is
// back in the state it was saved in.
type editID struct{ n uint64 }

func (e *editID) id() uint64     { return e.n }
func (e *editID) setID(n uint64) { e.n = n }

// setCell changes one cell.
type setCell struct {
	editID
	row      int
	col      Col
	old, new float64
}

func (e *setCell) apply(s *Sheet)  { s.col(e.col)[e.row] = e.new }
func (e *setCell) revert(s *Sheet) { s.col(e.col)[e.row] = e.old }

// insertRows inserts points before row at.
type insertRows struct {
	editID
	at     int
	points []Point
}

func (e *insertRows) apply(s *Sheet) {
	xs := make([]float64, len(e.points))
	ys := make([]float64, len(e.points))
	for i, p := range e.points {
		xs[i], ys[i] = p.X, p.Y
	}
	s.x = slices.Insert(s.x, e.at, xs...)
	s.y = slices.Insert(s.y, e.at, ys...)
}

func (e *insertRows) revert(s *Sheet) {
	s.x = slices.Delete(s.x, e.at, e.at+len(e.points))
	s.y = slices.Delete(s.y, e.at, e.at+len(e.points))
}

// deleteRows deletes rows, given in increasing order, whose points were
// points.
type deleteRows struct {
	editID
	rows   []int
	points []Point
}

func (e *deleteRows) apply(s *Sheet) {
	n := s.Len()
	x := make([]float64, 0, n-len(e.rows))
	y := make([]float64, 0, n-len(e.rows))
	k := 0
	for i := 0; i < n; i++ {
		if k < len(e.rows) && e.rows[k] == i {
			k++
			continue
		}
		x = append(x, s.x[i])
		y = append(y, s.y[i])
	}
	s.x, s.y = x, y
}

func (e *deleteRows) revert(s *Sheet) {
	n := s.Len() + len(e.rows)
	x := make([]float64, n)
	y := make([]float64, n)
	k, j := 0, 0
	for i := 0; i < n; i++ {
		if k < len(e.rows) && e.rows[k] == i {
			x[i], y[i] = e.points[k].X, e.points[k].Y
			k++
			continue
		}
		x[i], y[i] = s.x[j], s.y[j]
		j++
	}
	s.x, s.y = x, y
}

// permute reorders the rows: row i of the result is row perm[i] before.
type permute struct {
	editID
	perm []int
}

func (e *permute) apply(s *Sheet) {
	x := make([]float64, len(e.perm))
	y := make([]float64, len(e.perm))
	for i, p := range e.perm {
		x[i], y[i] = s.x[p], s.y[p]
	}
	s.x, s.y = x, y
}

func (e *permute) revert(s *Sheet) {
	x := make([]float64, len(e.perm))
	y := make([]float64, len(e.perm))
	for i, p := range e.perm {
		x[p], y[p] = s.x[i], s.y[i]
	}
	s.x, s.y = x, y
}

// replace swaps in new rows and names; it keeps the ones it replaced to
// swap them back.
type replace struct {
	editID
	xName, yName string
	x, y         []float64
	axis         data.XAxis
}

func (e *replace) swap(s *Sheet) {
	s.axis, e.axis = e.axis, s.axis
	s.xName, e.xName = e.xName, s.xName
	s.yName, e.yName = e.yName, s.yName
	s.x, e.x = e.x, s.x
	s.y, e.y = e.y, s.y
}

func (e *replace) apply(s *Sheet)  { e.swap(s) }
func (e *replace) revert(s *Sheet) { e.swap(s) }
