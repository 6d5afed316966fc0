package gui

import (
	"errors"
	"math"
	"slices"
	"strconv"

	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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
	w       *MainWindow
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
}

// newDataTable builds the table area of w.
func newDataTable(w *MainWindow) *dataTable {
	t := &dataTable{w: w, selected: map[int]bool{}, cells: map[*cellView]bool{}, cursor: widget.TableCellID{Row: 0, Col: colX}, anchor: -1}
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

// sheet returns the window's sheet.
func (t *dataTable) sheet() *sheet.Sheet { return t.w.sheet }

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
	switch id.Col {
	case colRow:
		imp := widget.MediumImportance
		if !s.Complete(id.Row) {
			imp = widget.LowImportance
		}
		c.setText(strconv.Itoa(id.Row+1), imp)
	case colX, colY:
		if text := s.Text(id.Row, sheetCol(id.Col)); text != "" {
			c.setText(text, widget.MediumImportance)
		} else {
			c.setText(lang.L("empty"), widget.LowImportance)
		}
	default:
		t.updateFitted(c)
	}
}

// updateFitted fills a predicted or residual cell from the latest snapshot.
func (t *dataTable) updateFitted(c *cellView) {
	s := t.sheet()
	predict := t.w.predictor()
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
	c.setText(strconv.FormatFloat(v, 'g', fittedDigits, 64), imp)
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

// refresh redraws every cell on screen, after rows were added, removed or
// reordered.
func (t *dataTable) refresh() {
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
	if c := t.w.win.Canvas(); c != nil {
		c.Focus(t.editor)
	}
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
	err := t.sheet().SetCell(id.Row, sheetCol(id.Col), t.editor.Text)
	t.table.RefreshItem(id)
	var ce *sheet.CellError
	switch {
	case errors.As(err, &ce):
		t.showError(lang.L("Row {{.Row}}, {{.Column}}: “{{.Text}}” is not a number. The cell keeps its value.",
			map[string]any{"Row": ce.Row + 1, "Column": ce.Name, "Text": ce.Text}))
		dRow, dCol = 0, 0
	case err != nil:
		t.showError(err.Error())
	default:
		t.hideMessage()
		t.w.dataChanged()
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
func (t *dataTable) focusTable() {
	if c := t.w.win.Canvas(); c != nil {
		c.Focus(t.table)
	}
}

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
	row := t.sheet().AppendRow()
	t.structureChanged()
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
	t.sheet().InsertRow(row)
	clear(t.selected)
	t.structureChanged()
	t.beginEdit(widget.TableCellID{Row: row, Col: colX}, "", false)
}

// onDelete deletes the selected rows, or the current row.
func (t *dataTable) onDelete() {
	t.commit(0, 0)
	rows := t.deletionRows()
	if !t.sheet().DeleteRows(rows) {
		return
	}
	clear(t.selected)
	t.anchor = -1
	if len(rows) > 0 {
		t.cursor.Row = min(rows[0], t.sheet().Len()-1)
	}
	t.structureChanged()
}

// onSort sorts the rows by x.
func (t *dataTable) onSort() {
	t.commit(0, 0)
	if !t.sheet().SortByX() {
		return
	}
	clear(t.selected)
	t.anchor = -1
	t.structureChanged()
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
	if t.sheet().Undo() {
		t.clearSelection()
		t.structureChanged()
	}
}

// redo makes the latest change taken back again.
func (t *dataTable) redo() {
	t.commit(0, 0)
	if t.sheet().Redo() {
		t.clearSelection()
		t.structureChanged()
	}
}

// onUndo takes back the latest change to the table.
func (w *MainWindow) onUndo() { w.table.undo() }

// onRedo makes the latest change taken back again.
func (w *MainWindow) onRedo() { w.table.redo() }

// structureChanged redraws the table and passes the new data on.
func (t *dataTable) structureChanged() {
	t.hideMessage()
	t.refresh()
	t.w.dataChanged()
}

// reset forgets the cursor, selection and edit, for a new sheet.
func (t *dataTable) reset() {
	t.editing = nil
	clear(t.selected)
	t.anchor = -1
	t.cursor = widget.TableCellID{Row: 0, Col: colX}
	t.hideMessage()
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

// sheetTable is a widget.Table that edits with the keyboard: Enter edits
// the current cell, typing starts an edit with the key typed, and the
// arrow keys move the current cell.
type sheetTable struct {
	widget.Table
	t         *dataTable
	modifiers fyne.KeyModifier // the modifiers held at the last click
}

func newSheetTable(t *dataTable) *sheetTable {
	st := &sheetTable{t: t}
	st.Length = t.length
	st.CreateCell = t.createCell
	st.UpdateCell = t.updateCell
	st.ShowHeaderRow = true
	st.CreateHeader = t.createHeader
	st.UpdateHeader = t.updateHeader
	st.OnSelected = t.onSelected
	st.ExtendBaseWidget(st)
	return st
}

// MouseDown records the modifier keys of a click before the table handles
// it.
func (st *sheetTable) MouseDown(e *desktop.MouseEvent) {
	st.modifiers = e.Modifier
	st.Table.MouseDown(e)
}

// Tapped handles a click; a tap without a mouse event has no modifiers.
func (st *sheetTable) Tapped(e *fyne.PointEvent) {
	st.Table.Tapped(e)
	st.modifiers = 0
}

// TypedKey moves the current cell or starts editing it.
func (st *sheetTable) TypedKey(e *fyne.KeyEvent) {
	t := st.t
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyF2:
		t.beginEdit(t.cursor, "", false)
	case fyne.KeyUp:
		t.move(-1, 0)
	case fyne.KeyDown:
		t.move(1, 0)
	case fyne.KeyLeft:
		t.move(0, -1)
	case fyne.KeyRight:
		t.move(0, 1)
	case fyne.KeyHome:
		t.cursor.Row = 0
		t.move(0, 0)
	case fyne.KeyEnd:
		t.cursor.Row = max(t.sheet().Len()-1, 0)
		t.move(0, 0)
	case fyne.KeyPageUp:
		t.move(-t.pageRows(), 0)
	case fyne.KeyPageDown:
		t.move(t.pageRows(), 0)
	default:
		if !t.w.menu.functionKey(e.Name) {
			st.Table.TypedKey(e)
		}
	}
}

// TypedShortcut runs the window's action for a shortcut typed while the
// table has the keyboard.
func (st *sheetTable) TypedShortcut(s fyne.Shortcut) {
	st.t.w.menu.shortcut(s)
}

// TypedRune starts editing the current cell with the character typed.
func (st *sheetTable) TypedRune(r rune) {
	t := st.t
	if r == ' ' {
		return
	}
	t.beginEdit(t.cursor, string(r), true)
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

// cellView is a table cell: a label over a background that marks selected
// rows, and the editor while the cell is edited.
type cellView struct {
	widget.BaseWidget
	id     widget.TableCellID
	bg     *canvas.Rectangle
	label  *widget.Label
	editor *cellEntry
	stack  *fyne.Container
}

func newCellView() *cellView {
	c := &cellView{bg: canvas.NewRectangle(color.Transparent), label: widget.NewLabel("")}
	c.label.Alignment = fyne.TextAlignTrailing
	c.label.Truncation = fyne.TextTruncateClip
	c.stack = container.NewStack(c.bg, c.label)
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer returns the renderer of the cell.
func (c *cellView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(c.stack)
}

// MinSize is the size of every cell, so that rows stay uniform. The height
// is a whole number: the table finds a row by adding up row heights in
// float32, which stays exact for whole numbers but drifts by dozens of rows
// over 100,000 fractional ones, so that keyboard moves far down the table
// would scroll to the wrong place.
func (c *cellView) MinSize() fyne.Size {
	c.ExtendBaseWidget(c)
	s := c.label.MinSize()
	return fyne.NewSize(s.Width, float32(math.Ceil(float64(s.Height))))
}

// setText shows text in the label, refreshing only on a change.
func (c *cellView) setText(text string, imp widget.Importance) {
	if c.label.Text == text && c.label.Importance == imp {
		return
	}
	c.label.Importance = imp
	c.label.SetText(text)
}

// setSelected marks the cell's row as selected or not.
func (c *cellView) setSelected(on bool) {
	var col color.Color = color.Transparent
	if on {
		col = theme.Color(theme.ColorNameSelection)
	}
	if c.bg.FillColor == col {
		return
	}
	c.bg.FillColor = col
	c.bg.Refresh()
}

// showEditor puts the editor in the cell.
func (c *cellView) showEditor(e *cellEntry) {
	if c.editor == e {
		return
	}
	if e.holder != nil && e.holder != c {
		e.holder.hideEditor()
	}
	e.holder = c
	c.editor = e
	c.stack.Add(e)
	c.label.Hide()
}

// hideEditor takes the editor out of the cell.
func (c *cellView) hideEditor() {
	c.stack.Remove(c.editor)
	if c.editor.holder == c {
		c.editor.holder = nil
	}
	c.editor = nil
	c.label.Show()
}
