package gui

import (
	"math"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tempfit/core/session"
	"tempfit/core/sheet"
)

// The table's columns.
const (
	colRow = iota
	colX
	colY
	colPredicted
	colResidual
	numCols
)

// columnWidths are the starting widths of the columns.
var columnWidths = [numCols]float32{40, 64, 108, 86, 86}

// fittedDigits is the number of significant digits of the predicted and
// residual columns.
const fittedDigits = 6

// dataTable is the left-hand area: the editable table of points with its
// buttons and a line for messages about refused edits.
type dataTable struct {
	session *session.Session
	canvas  fyne.Canvas                  // the window's, to give the editor the keyboard
	predict func() func(float64) float64 // the curve shown, or nil
	keys    tableKeys                    // what to do with the keys the table leaves alone
	table   *sheetTable
	editor  *cellEntry
	message *widget.Label
	add     *widget.Button
	insert  *widget.Button
	remove  *widget.Button
	sort    *widget.Button
	content fyne.CanvasObject

	cells    map[*cellView]bool // every cell template filled, to update them in place
	cursor   widget.TableCellID
	editing  *widget.TableCellID // the cell being edited, or nil
	selected map[int]bool        // rows selected for deletion
	anchor   int                 // the row a shift-click extends from
	xWidth   float32             // the width of the x column
	rowWidth float32             // the width of the row number column
}

// tableKeys passes on the keys the table does not use itself.
type tableKeys struct {
	shortcut    func(fyne.Shortcut) bool // runs a shortcut's action and reports whether it has one
	functionKey func(fyne.KeyName) bool  // runs a function key's action and reports whether it has one
}

// newDataTable builds the table area for the session s in a window whose
// canvas is c; predict returns the curve shown.
func newDataTable(s *session.Session, c fyne.Canvas, predict func() func(float64) float64, keys tableKeys) *dataTable {
	t := &dataTable{session: s, canvas: c, predict: predict, keys: keys, selected: map[int]bool{}, cells: map[*cellView]bool{}, cursor: widget.TableCellID{Row: 0, Col: colX}, anchor: -1}
	t.table = newSheetTable(t)
	for c, width := range columnWidths {
		t.table.SetColumnWidth(c, width)
	}
	t.editor = newCellEntry(t)
	t.message = widget.NewLabel("")
	t.message.Importance = widget.DangerImportance
	t.message.Wrapping = fyne.TextWrapWord
	t.message.Hide()

	t.add = widget.NewButtonWithIcon(lang.L("Add row"), theme.ContentAddIcon(), t.onAdd)
	t.insert = widget.NewButtonWithIcon(lang.L("Insert row"), theme.MenuDropUpIcon(), t.onInsert)
	t.remove = widget.NewButtonWithIcon(lang.L("Delete rows"), theme.DeleteIcon(), t.onDelete)
	t.sort = widget.NewButtonWithIcon(lang.L("Sort by x"), theme.MenuDropDownIcon(), t.onSort)
	buttons := container.NewGridWithColumns(2, t.add, t.insert, t.remove, t.sort)
	t.content = container.NewBorder(buttons, t.message, nil, nil, t.table)
	return t
}

// sheet returns the session's sheet.
func (t *dataTable) sheet() *sheet.Sheet { return t.session.Sheet() }

// length returns the table's size.
func (t *dataTable) length() (int, int) { return t.sheet().Len(), numCols }

// createCell makes a cell template.
func (t *dataTable) createCell() fyne.CanvasObject {
	return newCellView()
}

// updateCell fills a template with cell id.
func (t *dataTable) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*cellView)
	c.id = id
	t.cells[c] = true
	if t.editing != nil && *t.editing == id {
		c.showEditor(t.editor)
	} else if c.editor != nil {
		c.hideEditor()
	}
	c.setSelected(t.selected[id.Row])
	s := t.sheet()
	if id.Row >= s.Len() {
		c.setText("", widget.MediumImportance)
		return
	}
	held := t.heldRow(id.Row)
	switch id.Col {
	case colRow:
		imp := widget.MediumImportance
		if !s.Complete(id.Row) {
			imp = widget.LowImportance
		}
		text := strconv.Itoa(id.Row + 1)
		if held {
			text = lang.L("{{.Row}} held", map[string]any{"Row": id.Row + 1})
		}
		c.setStyled(text, imp, held)
	case colX, colY:
		if text := s.Text(id.Row, sheetCol(id.Col)); text != "" {
			c.setStyled(text, widget.MediumImportance, held)
		} else {
			c.setText(lang.L("empty"), widget.LowImportance)
		}
	default:
		t.updateFitted(c)
	}
}

// heldRow reports whether a row is held out of training.
func (t *dataTable) heldRow(row int) bool {
	rows := t.session.HeldRows()
	return row < len(rows) && rows[row]
}

// updateFitted fills a predicted or residual cell from the latest snapshot.
func (t *dataTable) updateFitted(c *cellView) {
	s := t.sheet()
	predict := t.predict()
	if c.id.Row >= s.Len() || predict == nil {
		c.setText("", widget.MediumImportance)
		return
	}
	p, r, ok := s.Fitted(c.id.Row, predict)
	v := p
	if c.id.Col == colResidual {
		v = r
	}
	if !ok || math.IsNaN(v) {
		c.setText("", widget.MediumImportance)
		return
	}
	imp := widget.MediumImportance
	if !s.Complete(c.id.Row) {
		imp = widget.LowImportance // a forecast for a row without y
	}
	c.setStyled(strconv.FormatFloat(v, 'g', fittedDigits, 64), imp, t.heldRow(c.id.Row))
}

// refreshFitted updates the predicted and residual cells on screen without
// refreshing the whole table.
func (t *dataTable) refreshFitted() {
	for c := range t.cells {
		if c.id.Col == colPredicted || c.id.Col == colResidual {
			t.updateFitted(c)
		}
	}
}

// refresh redraws every cell on screen, after rows were edited, added,
// removed or reordered, and hides the message about a refused edit.
func (t *dataTable) refresh() {
	t.hideMessage()
	t.fitColumns()
	n := t.sheet().Len()
	for r := range t.selected {
		if r >= n {
			delete(t.selected, r)
		}
	}
	if t.cursor.Row >= n {
		t.cursor.Row = max(n-1, 0)
	}
	t.table.Refresh()
	t.updateButtons()
}

// fitColumns makes the x column wide enough for the table's dates.
func (t *dataTable) fitColumns() {
	width := columnWidths[colX]
	if t.sheet().XAxis().IsTime() && t.sheet().Len() > 0 {
		sample := widget.NewLabel(t.sheet().Text(0, sheet.X))
		width = max(width, sample.MinSize().Width+theme.Padding())
	}
	if width != t.xWidth {
		t.xWidth = width
		t.table.SetColumnWidth(colX, width)
	}
	rowWidth := columnWidths[colRow]
	if t.session.HeldRows() != nil {
		sample := widget.NewLabel(lang.L("{{.Row}} held", map[string]any{"Row": t.sheet().Len()}))
		rowWidth = max(rowWidth, sample.MinSize().Width+theme.Padding())
	}
	if rowWidth != t.rowWidth {
		t.rowWidth = rowWidth
		t.table.SetColumnWidth(colRow, rowWidth)
	}
}

// updateButtons enables the buttons that can act.
func (t *dataTable) updateButtons() {
	if len(t.deletionRows()) > 0 {
		t.remove.Enable()
	} else {
		t.remove.Disable()
	}
	if t.sheet().Len() > 1 {
		t.sort.Enable()
	} else {
		t.sort.Disable()
	}
}

// header creates a header template.
func (t *dataTable) createHeader() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.TextStyle.Bold = true
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// updateHeader fills a column header.
func (t *dataTable) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row != -1 {
		l.SetText("")
		return
	}
	xName, yName := t.sheet().Names()
	switch id.Col {
	case colRow:
		l.SetText("#")
	case colX:
		l.SetText(xName)
	case colY:
		l.SetText(yName)
	case colPredicted:
		l.SetText(lang.L("Predicted"))
	case colResidual:
		l.SetText(lang.L("Residual"))
	}
}

// onSelected handles a click on a cell: it edits x and y cells and selects
// rows from the # column.
func (t *dataTable) onSelected(id widget.TableCellID) {
	t.table.Unselect(id)
	if t.editing != nil && *t.editing != id {
		t.commit(0, 0)
	}
	t.cursor = id
	switch id.Col {
	case colRow:
		t.selectRow(id.Row, t.table.modifiers)
	case colX, colY:
		t.beginEdit(id, "", false)
	}
}

// selectRow changes the row selection after a click on a row number:
// alone it selects just that row (or clears it if it was the only one),
// with Ctrl it toggles the row, with Shift it extends from the last row
// clicked.
func (t *dataTable) selectRow(row int, mods fyne.KeyModifier) {
	switch {
	case mods&fyne.KeyModifierShift != 0 && t.anchor >= 0:
		lo, hi := min(t.anchor, row), max(t.anchor, row)
		clear(t.selected)
		for r := lo; r <= hi; r++ {
			t.selected[r] = true
		}
	case mods&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0:
		if t.selected[row] {
			delete(t.selected, row)
		} else {
			t.selected[row] = true
		}
		t.anchor = row
	default:
		only := len(t.selected) == 1 && t.selected[row]
		clear(t.selected)
		if !only {
			t.selected[row] = true
		}
		t.anchor = row
	}
	t.table.Refresh()
	t.updateButtons()
}

// deletionRows returns the rows Delete rows acts on: the selected rows, or
// else the row of the current cell.
func (t *dataTable) deletionRows() []int {
	var rows []int
	for r := range t.selected {
		rows = append(rows, r)
	}
	if len(rows) == 0 && t.cursor.Row < t.sheet().Len() && t.cursor.Row >= 0 && t.sheet().Len() > 0 {
		rows = append(rows, t.cursor.Row)
	}
	slices.Sort(rows)
	return rows
}

// showError shows a message under the table.
func (t *dataTable) showError(text string) {
	t.message.SetText(text)
	if !t.message.Visible() {
		t.message.Show()
		t.content.Refresh()
	}
}

// hideMessage hides the message under the table.
func (t *dataTable) hideMessage() {
	if t.message.Visible() {
		t.message.Hide()
		t.content.Refresh()
	}
}

// onAdd appends an empty row and starts editing its x.
func (t *dataTable) onAdd() {
	t.commit(0, 0)
	row := t.session.AppendRow()
	t.beginEdit(widget.TableCellID{Row: row, Col: colX}, "", false)
}

// onInsert inserts an empty row above the current one and starts editing
// its x.
func (t *dataTable) onInsert() {
	t.commit(0, 0)
	row := max(0, min(t.cursor.Row, t.sheet().Len()))
	if rows := t.deletionRows(); len(t.selected) > 0 {
		row = rows[0]
	}
	t.clearSelection()
	t.session.InsertRow(row)
	t.beginEdit(widget.TableCellID{Row: row, Col: colX}, "", false)
}

// onDelete deletes the selected rows, or the current row.
func (t *dataTable) onDelete() {
	t.commit(0, 0)
	rows := t.deletionRows()
	if len(rows) == 0 {
		return
	}
	t.clearSelection()
	t.cursor.Row = rows[0] // refresh keeps it on the table
	t.session.DeleteRows(rows)
}

// onSort sorts the rows by x.
func (t *dataTable) onSort() {
	t.commit(0, 0)
	if t.sheet().Len() < 2 {
		return
	}
	t.clearSelection()
	t.session.SortByX()
}

// insertionRow returns the row that pasted rows go above: the first row
// selected, or the current one.
func (t *dataTable) insertionRow() int {
	if rows := t.deletionRows(); len(rows) > 0 {
		return rows[0]
	}
	return 0
}

// clearSelection unselects every row.
func (t *dataTable) clearSelection() {
	clear(t.selected)
	t.anchor = -1
}

// undo takes back the latest change to the table.
func (t *dataTable) undo() {
	t.commit(0, 0)
	if t.sheet().CanUndo() {
		t.clearSelection()
		t.session.Undo()
	}
}

// redo makes the latest change taken back again.
func (t *dataTable) redo() {
	t.commit(0, 0)
	if t.sheet().CanRedo() {
		t.clearSelection()
		t.session.Redo()
	}
}

// reset forgets the cursor, selection and edit, for a new table.
func (t *dataTable) reset() {
	t.editing = nil
	t.clearSelection()
	t.cursor = widget.TableCellID{Row: 0, Col: colX}
	t.refresh()
	t.table.ScrollToTop()
}

// sheetCol returns the sheet column of an x or y table column.
func sheetCol(col int) sheet.Col {
	if col == colY {
		return sheet.Y
	}
	return sheet.X
}
