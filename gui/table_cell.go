package gui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

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
		if !t.keys.functionKey(e.Name) {
			st.Table.TypedKey(e)
		}
	}
}

// TypedShortcut runs the window's action for a shortcut typed while the
// table has the keyboard.
func (st *sheetTable) TypedShortcut(s fyne.Shortcut) {
	st.t.keys.shortcut(s)
}

// TypedRune starts editing the current cell with the character typed.
func (st *sheetTable) TypedRune(r rune) {
	t := st.t
	if r == ' ' {
		return
	}
	t.beginEdit(t.cursor, string(r), true)
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
	c.setStyled(text, imp, false)
}

// setStyled shows text in the label, in italics for a row held out of
// training, refreshing only on a change.
func (c *cellView) setStyled(text string, imp widget.Importance, italic bool) {
	if c.label.Text == text && c.label.Importance == imp && c.label.TextStyle.Italic == italic {
		return
	}
	c.label.Importance = imp
	c.label.TextStyle.Italic = italic
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
