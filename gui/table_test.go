package gui

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tempfit/core/data"
	"tempfit/core/sheet"
)

func TestHeadersFromColumnNames(t *testing.T) {
	w := newWindow(t)
	xName, yName := w.session.Sheet().Names()
	want := map[int]string{colRow: "#", colX: xName, colY: yName, colPredicted: "Predicted", colResidual: "Residual"}
	for col, name := range want {
		l := widget.NewLabel("")
		w.table.updateHeader(widget.TableCellID{Row: -1, Col: col}, l)
		if l.Text != name {
			t.Errorf("header %d = %q, want %q", col, l.Text, name)
		}
	}
}

func TestTypeIntoCells(t *testing.T) {
	w := newWindow(t)
	typeCell(t, w, 2, colY, "9.5", fyne.KeyReturn)
	if v, _ := w.session.Sheet().Value(2, sheet.Y); v != 9.5 {
		t.Fatalf("y of row 3 = %v after typing 9.5", v)
	}
	if got := cellText(t, w, 2, colY); got != "9.5" {
		t.Errorf("cell shows %q", got)
	}
	if w.table.cursor != (widget.TableCellID{Row: 3, Col: colY}) {
		t.Errorf("Enter moved the cursor to %v, want the row below", w.table.cursor)
	}
	if w.win.Canvas().Focused() != w.table.table {
		t.Error("the table did not get the keyboard back")
	}
	contains(t, "title", w.win.Title(), "*")
	w.Sync()
	if d := w.session.Trainer().Snapshot().Problem.Data; d.Y[2] != 9.5 {
		t.Errorf("the trainer has y = %v for row 3", d.Y[2])
	}

	// Tab stores and moves right, from x to y.
	typeCell(t, w, 4, colX, "4.5", fyne.KeyTab)
	if v, _ := w.session.Sheet().Value(4, sheet.X); v != 4.5 {
		t.Errorf("x of row 5 = %v", v)
	}
	if w.table.cursor != (widget.TableCellID{Row: 4, Col: colY}) {
		t.Errorf("Tab moved the cursor to %v", w.table.cursor)
	}
	// Up stores and moves up.
	typeCell(t, w, 6, colY, "20", fyne.KeyUp)
	if v, _ := w.session.Sheet().Value(6, sheet.Y); v != 20 || w.table.cursor.Row != 5 {
		t.Errorf("Up: y %v, cursor %v", v, w.table.cursor)
	}
	// Escape cancels.
	typeCell(t, w, 7, colY, "99", fyne.KeyEscape)
	if got := cellText(t, w, 7, colY); got == "99" {
		t.Error("Escape kept the edit")
	}
	if w.table.editing != nil {
		t.Error("still editing after Escape")
	}
	// Typing on the table starts an edit with the key typed.
	moveTo(t, w, 8, colY)
	w.win.Canvas().Focused().TypedRune('7')
	if w.table.editing == nil || w.table.editor.Text != "7" {
		t.Fatalf("typing on the table: editing %v, text %q", w.table.editing, w.table.editor.Text)
	}
	test.Type(w.table.editor, ".25")
	pressKey(t, w, fyne.KeyReturn)
	if v, _ := w.session.Sheet().Value(8, sheet.Y); v != 7.25 {
		t.Errorf("y of row 9 = %v after typing 7.25 on the table", v)
	}
}

func TestBadCellRefused(t *testing.T) {
	w := newWindow(t)
	before := cellText(t, w, 3, colY)
	pred := cellText(t, w, 3, colPredicted)
	typeCell(t, w, 3, colY, "abc", fyne.KeyReturn)
	if got := cellText(t, w, 3, colY); got != before {
		t.Errorf("a refused cell shows %q, want %q", got, before)
	}
	if got := cellText(t, w, 3, colPredicted); got != pred {
		t.Errorf("predicted changed to %q", got)
	}
	if !w.table.message.Visible() {
		t.Fatal("no message for a cell that is not a number")
	}
	contains(t, "message", w.table.message.Text, "abc", "not a number", "Row 4")
	if w.session.Sheet().Dirty() || strings.Contains(w.win.Title(), "*") {
		t.Error("a refused edit marked the sheet changed")
	}
	// A good edit clears the message.
	typeCell(t, w, 3, colY, "15", fyne.KeyReturn)
	if w.table.message.Visible() {
		t.Error("the message stayed after a good edit")
	}
}

func TestClickEditsCell(t *testing.T) {
	w := newWindow(t)
	id := widget.TableCellID{Row: 1, Col: colX}
	c := visibleCell(t, w, id)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(c).AddXY(c.Size().Width/2, c.Size().Height/2)
	test.TapCanvas(w.win.Canvas(), pos)
	if w.table.editing == nil || *w.table.editing != id {
		t.Fatalf("a click on %v edits %v", id, w.table.editing)
	}
	if w.table.editor.holder == nil || w.table.editor.holder.id != id {
		t.Fatal("the editor is not shown in the clicked cell")
	}
	test.Type(w.table.editor, "1.5")
	// A click on another cell stores the edit and edits that cell.
	other := widget.TableCellID{Row: 4, Col: colY}
	c = visibleCell(t, w, other)
	pos = fyne.CurrentApp().Driver().AbsolutePositionForObject(c).AddXY(c.Size().Width/2, c.Size().Height/2)
	test.TapCanvas(w.win.Canvas(), pos)
	if v, _ := w.session.Sheet().Value(1, sheet.X); v != 1.5 {
		t.Errorf("x of row 2 = %v after clicking elsewhere", v)
	}
	if w.table.editing == nil || *w.table.editing != other {
		t.Fatalf("the second click edits %v", w.table.editing)
	}
	if w.win.Canvas().Focused() != w.table.editor {
		t.Error("the editor lost the keyboard")
	}
	test.Type(w.table.editor, "16")
	pressKey(t, w, fyne.KeyReturn)
	if v, _ := w.session.Sheet().Value(4, sheet.Y); v != 16 {
		t.Errorf("y of row 5 = %v", v)
	}
	// A click on a row number selects the row instead.
	c = visibleCell(t, w, widget.TableCellID{Row: 6, Col: colRow})
	pos = fyne.CurrentApp().Driver().AbsolutePositionForObject(c).AddXY(c.Size().Width/2, c.Size().Height/2)
	test.TapCanvas(w.win.Canvas(), pos)
	if w.table.editing != nil || !w.table.selected[6] {
		t.Errorf("clicking row number 7: editing %v, selected %v", w.table.editing, w.table.selected)
	}
}

func TestRowOperations(t *testing.T) {
	w := newWindow(t)
	n := w.session.Sheet().Len()

	test.Tap(w.table.add)
	if w.session.Sheet().Len() != n+1 {
		t.Fatalf("Add row: %d rows", w.session.Sheet().Len())
	}
	if w.table.editing == nil || w.table.editing.Row != n || w.table.editing.Col != colX {
		t.Fatalf("Add row does not edit the new row's x: %v", w.table.editing)
	}
	// The unfinished row is shown as such and left out of training.
	pressKey(t, w, fyne.KeyEscape)
	w.Sync()
	if got := cellText(t, w, n, colY); got != "empty" {
		t.Errorf("an empty cell shows %q", got)
	}
	if w.session.Trainer().Snapshot().Problem.Data.Len() != n {
		t.Errorf("the empty row went to the trainer")
	}
	if got := visibleCell(t, w, widget.TableCellID{Row: n, Col: colRow}).label.Importance; got != widget.LowImportance {
		t.Errorf("an incomplete row's number is not dimmed")
	}
	// Give it an x and a y; Tab goes from x to y.
	typeCell(t, w, n, colX, "13", fyne.KeyTab)
	pressKey(t, w, fyne.KeyReturn)
	test.Type(w.table.editor, "4.4")
	pressKey(t, w, fyne.KeyReturn)
	w.Sync()
	if w.session.Trainer().Snapshot().Problem.Data.Len() != n+1 {
		t.Errorf("the finished row did not reach the trainer")
	}

	// Insert a row above row 3.
	moveTo(t, w, 2, colX)
	test.Tap(w.table.insert)
	if w.session.Sheet().Len() != n+2 || w.session.Sheet().Complete(2) {
		t.Fatalf("Insert row: %d rows, row 3 complete=%v", w.session.Sheet().Len(), w.session.Sheet().Complete(2))
	}
	pressKey(t, w, fyne.KeyEscape)

	// Select rows 1 and 3 by their numbers and delete them.
	w.table.selectRow(0, 0)
	w.table.selectRow(2, fyne.KeyModifierControl)
	test.Tap(w.table.remove)
	if w.session.Sheet().Len() != n {
		t.Fatalf("Delete rows: %d rows", w.session.Sheet().Len())
	}
	if v, _ := w.session.Sheet().Value(0, sheet.X); v != 2 {
		t.Errorf("row 1 x = %v after deleting the first row", v)
	}

	// Sort by x: the row with x 13 added at the end stays last, month 1's
	// row was deleted.
	typeCell(t, w, 0, colX, "20", fyne.KeyReturn)
	test.Tap(w.table.sort)
	w.Sync()
	last := w.session.Sheet().Len() - 1
	if v, _ := w.session.Sheet().Value(last, sheet.X); v != 20 {
		t.Errorf("after sorting, the last x is %v", v)
	}
	for i := 1; i < w.session.Sheet().Len(); i++ {
		a, _ := w.session.Sheet().Value(i-1, sheet.X)
		b, _ := w.session.Sheet().Value(i, sheet.X)
		if a > b {
			t.Fatalf("rows %d and %d out of order: %v > %v", i, i+1, a, b)
		}
	}
	if d := w.session.Trainer().Snapshot().Problem.Data; d.X[d.Len()-1] != 20 {
		t.Errorf("the trainer did not get the sorted data")
	}
}

func TestShiftSelectsRange(t *testing.T) {
	w := newWindow(t)
	w.table.selectRow(1, 0)
	w.table.selectRow(4, fyne.KeyModifierShift)
	if got := w.table.deletionRows(); len(got) != 4 || got[0] != 1 || got[3] != 4 {
		t.Errorf("shift selection %v", got)
	}
	if visibleCell(t, w, widget.TableCellID{Row: 3, Col: colY}).bg.FillColor == color.Transparent {
		t.Error("selected row not marked")
	}
}

func TestLargeTableBuildsOnlyVisibleCells(t *testing.T) {
	w := newWindow(t)
	const n = 100000
	x := make([]float64, n)
	y := make([]float64, n)
	for i := range x {
		x[i] = float64(i)
		y[i] = float64(i % 12)
	}
	d, err := data.New("x", "y", x, y)
	if err != nil {
		t.Fatal(err)
	}
	w.session.ReplacePoints(&data.ReadResult{Data: d, HasHeader: true})
	w.Sync()
	for _, row := range []int{n / 2, n - 1, 0} {
		w.table.table.ScrollTo(widget.TableCellID{Row: row, Col: colX})
	}
	if len(w.table.cells) > 500 {
		t.Errorf("%d cell views for %d rows", len(w.table.cells), n)
	}
	moveTo(t, w, 0, colY)
	pressKey(t, w, fyne.KeyPageDown)
	page := w.table.cursor.Row
	if page < 5 || page > 40 {
		t.Errorf("Page Down moved to row %d", page)
	}
	pressKey(t, w, fyne.KeyPageDown)
	if w.table.cursor.Row != 2*page {
		t.Errorf("a second Page Down moved to row %d, want %d", w.table.cursor.Row, 2*page)
	}
	pressKey(t, w, fyne.KeyPageUp)
	if w.table.cursor.Row != page {
		t.Errorf("Page Up moved to row %d, want %d", w.table.cursor.Row, page)
	}
	pressKey(t, w, fyne.KeyEnd)
	if w.table.cursor.Row != n-1 {
		t.Errorf("End moved to row %d", w.table.cursor.Row)
	}
	pressKey(t, w, fyne.KeyReturn)
	test.Type(w.table.editor, "5")
	pressKey(t, w, fyne.KeyReturn)
	if v, _ := w.session.Sheet().Value(n-1, sheet.Y); v != 5 {
		t.Errorf("last row y = %v", v)
	}
	if got := cellText(t, w, n-1, colY); got != "5" {
		t.Errorf("last row shows %q", got)
	}
}

func TestEditStoredWhenAnotherFieldTakesTheKeyboard(t *testing.T) {
	w := newWindow(t)
	moveTo(t, w, 2, colY)
	pressKey(t, w, fyne.KeyReturn)
	test.Type(w.table.editor, "11")
	w.win.Canvas().Focus(w.settings.steps)
	if v, _ := w.session.Sheet().Value(2, sheet.Y); v != 11 {
		t.Errorf("y of row 3 = %v after clicking into another field", v)
	}
	if w.win.Canvas().Focused() != w.settings.steps {
		t.Error("the table took the keyboard back from the field clicked")
	}
	if w.table.editing != nil {
		t.Error("still editing")
	}
}
