package gui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tempfit/core/sheet"
)

// beginEdit opens the editor on cell id, an x or y cell. With replace the
// editor starts from text (a key typed on the table); otherwise from the
// cell's value, all selected.
func (t *dataTable) beginEdit(id widget.TableCellID, text string, replace bool) {
	if id.Col != colX && id.Col != colY || id.Row < 0 || id.Row >= t.sheet().Len() {
		return
	}
	prev := t.editing
	t.editing = &id
	t.cursor = id
	if prev != nil {
		t.table.RefreshItem(*prev)
	}
	if !replace {
		text = t.sheet().Text(id.Row, sheetCol(id.Col))
	}
	t.editor.begin(text)
	t.table.ScrollTo(id)
	t.table.RefreshItem(id)
	t.canvas.Focus(t.editor)
	if !replace {
		t.editor.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

// commit ends editing, storing the editor's text in the cell, and moves the
// cursor by (dRow, dCol) through the x and y cells. Text that is not a
// number is refused: the cell keeps its value and the message says why.
func (t *dataTable) commit(dRow, dCol int) {
	t.commitWrap(dRow, dCol, false, true)
}

// commitWrap is commit with the cursor moving as moveWrap moves it. Without
// refocus the keyboard and the cursor stay where they are, as when the
// editor lost the keyboard to another widget.
func (t *dataTable) commitWrap(dRow, dCol int, wrap, refocus bool) {
	if t.editing == nil {
		return
	}
	id := *t.editing
	t.editing = nil
	t.editor.active = false
	err := t.session.Edit(id.Row, sheetCol(id.Col), t.editor.Text)
	t.table.RefreshItem(id)
	var ce *sheet.CellError
	switch {
	case errors.As(err, &ce):
		t.showError(lang.L("Row {{.Row}}, {{.Column}}: “{{.Text}}” is not a number. The cell keeps its value.",
			map[string]any{"Row": ce.Row + 1, "Column": ce.Name, "Text": ce.Text}))
		dRow, dCol = 0, 0
	case err != nil:
		t.showError(err.Error())
	}
	if refocus {
		t.focusTable()
		t.moveWrap(dRow, dCol, wrap)
	}
}

// cancel ends editing and leaves the cell as it was.
func (t *dataTable) cancel() {
	if t.editing == nil {
		return
	}
	id := *t.editing
	t.editing = nil
	t.editor.active = false
	t.table.RefreshItem(id)
	t.focusTable()
}

// focusTable gives the keyboard back to the table.
func (t *dataTable) focusTable() { t.canvas.Focus(t.table) }

// move moves the cursor by dRow rows and dCol columns.
func (t *dataTable) move(dRow, dCol int) { t.moveWrap(dRow, dCol, false) }

// moveWrap moves the cursor like move; with wrap, moving right past y goes
// on to the next row's x and left past x to the previous row's y, as Tab
// does in the editor.
func (t *dataTable) moveWrap(dRow, dCol int, wrap bool) {
	if dRow == 0 && dCol == 0 {
		t.table.Highlight(t.cursor)
		return
	}
	id := t.cursor
	id.Row += dRow
	id.Col += dCol
	switch {
	case wrap && dCol > 0 && id.Col > colY:
		id.Col, id.Row = colX, id.Row+1
	case wrap && dCol < 0 && id.Col < colX:
		id.Col, id.Row = colY, id.Row-1
	}
	id.Row = max(0, min(id.Row, t.sheet().Len()-1))
	id.Col = max(0, min(id.Col, numCols-1))
	t.cursor = id
	t.table.Highlight(id)
}

// pageRows returns how far Page Up and Page Down move: one row less than
// the table shows, so that a row stays in view.
func (t *dataTable) pageRows() int {
	row := newCellView().MinSize().Height + theme.SeparatorThicknessSize()
	return max(1, int(t.table.Size().Height/row)-1)
}

// cellEntry is the editor of a cell: Enter, Tab, Shift+Tab and the up and
// down arrows store the text and move on; Escape cancels.
type cellEntry struct {
	widget.Entry
	t      *dataTable
	active bool
	holder *cellView // the cell showing the editor
}

func newCellEntry(t *dataTable) *cellEntry {
	e := &cellEntry{t: t}
	e.ExtendBaseWidget(e)
	return e
}

// begin sets the text to edit, with the cursor at its end.
func (e *cellEntry) begin(text string) {
	e.active = true
	e.SetText(text)
	e.CursorColumn = len([]rune(text))
	e.CursorRow = 0
	e.Refresh()
}

// AcceptsTab keeps Tab in the editor, which uses it to move on.
func (e *cellEntry) AcceptsTab() bool { return true }

// TypedKey handles the keys that end an edit.
func (e *cellEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		e.end(func() { e.t.commit(1, 0) })
	case fyne.KeyTab:
		if shiftHeld() {
			e.end(func() { e.t.commitWrap(0, -1, true, true) })
		} else {
			e.end(func() { e.t.commitWrap(0, 1, true, true) })
		}
	case fyne.KeyUp:
		e.end(func() { e.t.commit(-1, 0) })
	case fyne.KeyDown:
		e.end(func() { e.t.commit(1, 0) })
	case fyne.KeyEscape:
		e.end(e.t.cancel)
	default:
		e.Entry.TypedKey(k)
	}
}

// FocusLost stores the text when the editor loses the keyboard, for
// example to a click elsewhere.
func (e *cellEntry) FocusLost() {
	e.Entry.FocusLost()
	e.end(func() { e.t.commitWrap(0, 0, false, false) })
}

// end runs an action that ends the edit once.
func (e *cellEntry) end(action func()) {
	if !e.active {
		return
	}
	e.active = false
	action()
}

// shiftHeld reports whether a Shift key is down, where the driver can tell.
func shiftHeld() bool {
	if app := fyne.CurrentApp(); app != nil {
		if d, ok := app.Driver().(desktop.Driver); ok {
			return d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
		}
	}
	return false
}
