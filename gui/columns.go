package gui

import (
	"errors"
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"tempfit/core/data"
)

// openPreview is the dialog that shows the start of a data file as it
// will be read: its encoding (for text), its sheet (for a workbook), and
// the x and y columns to fit, chosen from a preview of the first rows.
type openPreview struct {
	parent   fyne.Window
	path     string
	table    *data.Table
	encoding *widget.Select // nil for a workbook
	sheet    *widget.Select // nil for text
	x, y     *widget.Select
	warning  *widget.Label
	problem  error // why the sheet shown cannot be read, or nil
	intro    *widget.Label
	grid     *container.Scroll
	dialog   *dialog.ConfirmDialog
	done     func(data.ReadOptions, int, int)
}

// needsPreview reports whether a data file must be shown before it is
// read: it has more than two columns, its text is not UTF-8, or it is a
// workbook with more than one sheet.
func needsPreview(t *data.Table) bool {
	return len(t.Columns) > 2 || (t.Encoding != "" && t.Encoding != data.UTF8) || len(t.Sheets) > 1
}

// newOpenPreview builds the dialog over parent for the file at path,
// whose start is t (or, with err, why the sheet shown cannot be read),
// with columns x and y (1-based) chosen at first if they are two of its
// columns. It calls done with the options to read the
// file with and the columns chosen.
func newOpenPreview(parent fyne.Window, path string, t *data.Table, err error, x, y int, done func(opts data.ReadOptions, x, y int)) *openPreview {
	p := &openPreview{parent: parent, path: path, table: t, done: done}
	p.warning = widget.NewLabel("")
	p.warning.Wrapping = fyne.TextWrapWord
	p.warning.Importance = widget.DangerImportance
	p.showProblem(err)
	p.x = widget.NewSelect(nil, func(string) { p.check() })
	p.y = widget.NewSelect(nil, func(string) { p.check() })
	p.intro = widget.NewLabel("")
	p.intro.Wrapping = fyne.TextWrapWord
	form := widget.NewForm()
	if len(t.Sheets) > 0 {
		p.sheet = widget.NewSelect(t.Sheets, func(string) { p.reload() })
		p.sheet.SetSelected(t.Sheet)
		form.Append(lang.L("Sheet"), p.sheet)
	} else {
		var labels []string
		for _, e := range data.Encodings() {
			labels = append(labels, encodingLabel(e))
		}
		p.encoding = widget.NewSelect(labels, func(string) { p.reload() })
		p.encoding.SetSelected(encodingLabel(orUTF8(t.Encoding)))
		form.Append(lang.L("Encoding"), p.encoding)
	}
	form.Append(lang.L("x column"), p.x)
	form.Append(lang.L("y column"), p.y)
	p.grid = container.NewScroll(previewGrid(t))
	p.grid.SetMinSize(fyne.NewSize(520, 180))
	p.showColumns(x, y)
	content := container.NewBorder(container.NewVBox(p.intro, form, p.warning), nil, nil, nil, p.grid)
	p.dialog = dialog.NewCustomConfirm(lang.L("Open data"), lang.L("Import"), lang.L("Cancel"), content, p.onDone, parent)
	return p
}

// encodingLabel names a text encoding in the user's language.
func encodingLabel(e string) string { return lang.L(data.EncodingLabel(e)) }

// orUTF8 returns e, or UTF-8 for "".
func orUTF8(e string) string {
	if e == "" {
		return data.UTF8
	}
	return e
}

// showColumns fills the column choices from the table shown, choosing x
// and y (1-based) if they fit, else the first two.
func (p *openPreview) showColumns(x, y int) {
	t := p.table
	options := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		options[i] = columnLabel(i, c)
	}
	if x < 1 || x > len(options) || y < 1 || y > len(options) || x == y {
		x, y = 1, min(2, len(options))
	}
	p.x.SetOptions(options)
	p.y.SetOptions(options)
	p.x.SetSelectedIndex(x - 1)
	p.y.SetSelectedIndex(y - 1)
	p.intro.SetText(lang.L("{{.File}} has {{.Count}} columns. Choose the x and y columns to fit.",
		map[string]any{"File": filepath.Base(p.path), "Count": len(t.Columns)}))
}

// options returns how to read the file as the dialog shows it.
func (p *openPreview) options() data.ReadOptions {
	var opts data.ReadOptions
	if p.sheet != nil {
		opts.Sheet = p.sheet.Selected
	}
	if p.encoding != nil {
		for _, e := range data.Encodings() {
			if encodingLabel(e) == p.encoding.Selected {
				opts.Encoding = e
			}
		}
	}
	return opts
}

// reload shows the file again in the encoding or sheet chosen.
func (p *openPreview) reload() {
	if p.x == nil || p.dialog == nil {
		return // still being built
	}
	t, err := data.PreviewFile(p.path, p.options(), previewRows)
	if t == nil {
		showError(err, p.parent)
		return
	}
	p.showProblem(err)
	x, y := p.x.SelectedIndex()+1, p.y.SelectedIndex()+1
	p.table = t
	p.grid.Content = previewGrid(t)
	p.grid.Refresh()
	p.showColumns(x, y)
}

// columnLabel names a column in the picker: its number and name.
func columnLabel(i int, name string) string {
	return strconv.Itoa(i+1) + ". " + name
}

// previewGrid lays out the column names and the first rows of t.
func previewGrid(t *data.Table) fyne.CanvasObject {
	g := container.NewGridWithColumns(max(len(t.Columns), 1))
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
func (p *openPreview) show() {
	p.dialog.Resize(fyne.NewSize(640, 460))
	p.dialog.Show()
}

// showProblem says why the sheet shown cannot be read, or hides the
// warning for nil.
func (p *openPreview) showProblem(err error) {
	p.problem = err
	if err == nil {
		p.warning.Hide()
		return
	}
	p.warning.SetText(errorText(err))
	p.warning.Show()
}

// check warns when x and y are the same column.
func (p *openPreview) check() {
	switch {
	case p.problem != nil:
	case p.x.SelectedIndex() == p.y.SelectedIndex():
		p.warning.SetText(lang.L("Choose two different columns."))
		p.warning.Show()
	default:
		p.warning.Hide()
	}
}

// onDone passes on the options and the columns chosen.
func (p *openPreview) onDone(ok bool) {
	if !ok {
		return
	}
	x, y := p.x.SelectedIndex()+1, p.y.SelectedIndex()+1
	if p.problem != nil {
		showError(p.problem, p.parent)
		return
	}
	if x == y || x < 1 || y < 1 {
		showError(errors.New(lang.L("Choose two different columns.")), p.parent)
		return
	}
	opts := p.options()
	opts.XColumn, opts.YColumn = strconv.Itoa(x), strconv.Itoa(y)
	p.done(opts, x, y)
}
