package gui

import (
	"errors"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"tempfit/core/data"
)

// columnPicker is the dialog that chooses the x and y columns of a file
// with more than two.
type columnPicker struct {
	parent  fyne.Window
	x, y    *widget.Select
	warning *widget.Label
	dialog  *dialog.ConfirmDialog
	done    func(x, y int)
}

// newColumnPicker builds the dialog over parent for the file called name,
// whose start is t, with columns x and y (1-based) chosen at first if they
// are two of its columns. It calls done with the columns chosen.
func newColumnPicker(parent fyne.Window, name string, t *data.Table, x, y int, done func(x, y int)) *columnPicker {
	p := &columnPicker{parent: parent, done: done}
	options := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		options[i] = columnLabel(i, c)
	}
	p.warning = widget.NewLabel(lang.L("Choose two different columns."))
	p.warning.Importance = widget.DangerImportance
	p.warning.Hide()
	p.x = widget.NewSelect(options, func(string) { p.check() })
	p.y = widget.NewSelect(options, func(string) { p.check() })
	if x < 1 || x > len(options) || y < 1 || y > len(options) || x == y {
		x, y = 1, 2
	}
	p.x.SetSelectedIndex(x - 1)
	p.y.SetSelectedIndex(y - 1)

	intro := widget.NewLabel(lang.L("{{.File}} has {{.Count}} columns. Choose the x and y columns to fit.",
		map[string]any{"File": name, "Count": len(t.Columns)}))
	intro.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem(lang.L("x column"), p.x),
		widget.NewFormItem(lang.L("y column"), p.y))
	preview := container.NewScroll(previewGrid(t))
	preview.SetMinSize(fyne.NewSize(520, 180))
	content := container.NewBorder(container.NewVBox(intro, form, p.warning), nil, nil, nil, preview)
	p.dialog = dialog.NewCustomConfirm(lang.L("Choose columns"), lang.L("Import"), lang.L("Cancel"), content, p.onDone, parent)
	return p
}

// columnLabel names a column in the picker: its number and name.
func columnLabel(i int, name string) string {
	return strconv.Itoa(i+1) + ". " + name
}

// previewGrid lays out the column names and the first rows of t.
func previewGrid(t *data.Table) fyne.CanvasObject {
	g := container.NewGridWithColumns(len(t.Columns))
	for i, c := range t.Columns {
		l := widget.NewLabel(columnLabel(i, c))
		l.TextStyle.Bold = true
		l.Truncation = fyne.TextTruncateEllipsis
		g.Add(l)
	}
	for _, row := range t.Rows {
		for i := range t.Columns {
			text := ""
			if i < len(row) {
				text = row[i]
			}
			l := widget.NewLabel(text)
			l.Truncation = fyne.TextTruncateEllipsis
			g.Add(l)
		}
	}
	return g
}

// show opens the dialog.
func (p *columnPicker) show() {
	p.dialog.Resize(fyne.NewSize(620, 420))
	p.dialog.Show()
}

// check warns when x and y are the same column.
func (p *columnPicker) check() {
	if p.x.SelectedIndex() == p.y.SelectedIndex() {
		p.warning.Show()
	} else {
		p.warning.Hide()
	}
}

// onDone passes on the columns chosen.
func (p *columnPicker) onDone(ok bool) {
	if !ok {
		return
	}
	x, y := p.x.SelectedIndex()+1, p.y.SelectedIndex()+1
	if x == y || x < 1 || y < 1 {
		showError(errors.New(lang.L("Choose two different columns.")), p.parent)
		return
	}
	p.done(x, y)
}
