package gui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tempfit/core/data"
	"tempfit/core/project"
	"tempfit/core/sheet"
	"tempfit/sampledata"
)

// dataExtensions are the extensions File > Open shows.
var dataExtensions = []string{".csv", ".tsv", ".txt", project.Extension}

// previewRows is the number of rows the column picker shows.
const previewRows = 6

// onOpen asks for a data file or a project and opens it, after asking
// about unsaved changes.
func (w *MainWindow) onOpen() {
	w.confirmDiscard(func() {
		w.chooseOpen(folderData, dataExtensions, func(path string) { w.Open(path) })
	})
}

// Open opens a data file or, by its extension, a project, as File > Open
// does: a data file with more than two columns asks which to use, one
// with bad rows offers to import the good ones. Errors are shown in a
// dialog and returned; nil means the file was opened or a dialog about it
// is open.
func (w *MainWindow) Open(path string) error {
	if strings.EqualFold(filepath.Ext(path), project.Extension) {
		return w.OpenProject(path)
	}
	t, err := previewFile(path)
	if err == nil && len(t.Columns) > 2 {
		w.pickColumns(path, t)
		return nil
	}
	return w.readData(path, data.ReadOptions{})
}

// previewFile returns the first rows of the data file at path.
func previewFile(path string) (*data.Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return data.Preview(f, previewRows)
}

// readData reads the data file at path with opts and imports it. When
// some rows are bad, it offers to import the others.
func (w *MainWindow) readData(path string, opts data.ReadOptions) error {
	res, err := data.ReadFile(path, opts)
	if err != nil {
		var pe *data.ParseError
		if errors.As(err, &pe) {
			opts.SkipBadRows = true
			if good, err2 := data.ReadFile(path, opts); err2 == nil && good.Skipped > 0 {
				w.offerGoodRows(err, good, func(r *data.ReadResult) { w.importFile(path, r) })
				return err
			}
		}
		w.ShowError(err)
		return err
	}
	w.importFile(path, res)
	return nil
}

// offerGoodRows tells why reading failed and offers to use the rows that
// could be read, good, with apply.
func (w *MainWindow) offerGoodRows(err error, good *data.ReadResult, apply func(*data.ReadResult)) {
	msg := widget.NewLabel(errorText(err) + "\n\n" + lang.L("{{.Good}} rows can be read; {{.Bad}} rows cannot.",
		map[string]any{"Good": good.Data.Len(), "Bad": good.Skipped}))
	msg.Wrapping = fyne.TextWrapWord
	var lines []string
	for _, e := range good.SkippedErrors {
		if e.Error() != err.Error() {
			lines = append(lines, errorText(e))
		}
	}
	if good.Skipped > len(good.SkippedErrors) {
		lines = append(lines, "…")
	}
	details := widget.NewLabel(strings.Join(lines, "\n"))
	details.SizeName = theme.SizeNameCaptionText
	content := container.NewBorder(msg, nil, nil, nil, container.NewVScroll(details))
	d := dialog.NewCustomConfirm(lang.L("Some rows could not be read"), lang.L("Import the good rows"), lang.L("Cancel"),
		content, func(ok bool) {
			if !ok {
				return
			}
			apply(good)
			dialog.ShowInformation(lang.L("Rows skipped"),
				lang.L("Imported {{.Good}} rows and skipped {{.Bad}} that could not be read.",
					map[string]any{"Good": good.Data.Len(), "Bad": good.Skipped}), w.win)
		}, w.win)
	d.Resize(fyne.NewSize(560, 300))
	d.Show()
}

// importFile puts the points read from the data file at path in the
// table, as one step that Undo takes back.
func (w *MainWindow) importFile(path string, res *data.ReadResult) {
	w.importData(res.Data, filepath.Base(path), absPath(path))
	w.prefs.addRecent(path)
	w.menu.refreshRecent()
}

// importData replaces the table's rows with d, as one step that Undo
// takes back, and makes d's file the window's document.
func (w *MainWindow) importData(d *data.Dataset, name, source string) {
	w.table.commit(0, 0)
	w.sheet.Replace(d)
	w.sheet.MarkSaved()
	w.file, w.source, w.projectPath = name, source, ""
	w.markSaved()
	w.table.reset()
	w.sheetChanged()
	w.rebuild()
}

// pickColumns asks which columns of the data file at path are x and y,
// showing its first rows, and reads it with them.
func (w *MainWindow) pickColumns(path string, t *data.Table) {
	p := newColumnPicker(w, path, t)
	p.show()
}

// columnPicker is the dialog that chooses the x and y columns of a file
// with more than two.
type columnPicker struct {
	w       *MainWindow
	path    string
	table   *data.Table
	x, y    *widget.Select
	warning *widget.Label
	dialog  *dialog.ConfirmDialog
}

// newColumnPicker builds the dialog for the file at path, whose start is t.
func newColumnPicker(w *MainWindow, path string, t *data.Table) *columnPicker {
	p := &columnPicker{w: w, path: path, table: t}
	options := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		options[i] = columnLabel(i, c)
	}
	p.warning = widget.NewLabel(lang.L("Choose two different columns."))
	p.warning.Importance = widget.DangerImportance
	p.warning.Hide()
	p.x = widget.NewSelect(options, func(string) { p.check() })
	p.y = widget.NewSelect(options, func(string) { p.check() })
	x, y := w.prefs.columns(path)
	if x < 1 || x > len(options) || y < 1 || y > len(options) || x == y {
		x, y = 1, 2
	}
	p.x.SetSelectedIndex(x - 1)
	p.y.SetSelectedIndex(y - 1)

	intro := widget.NewLabel(lang.L("{{.File}} has {{.Count}} columns. Choose the x and y columns to fit.",
		map[string]any{"File": filepath.Base(path), "Count": len(t.Columns)}))
	intro.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem(lang.L("x column"), p.x),
		widget.NewFormItem(lang.L("y column"), p.y))
	preview := container.NewScroll(previewGrid(t))
	preview.SetMinSize(fyne.NewSize(520, 180))
	content := container.NewBorder(container.NewVBox(intro, form, p.warning), nil, nil, nil, preview)
	p.dialog = dialog.NewCustomConfirm(lang.L("Choose columns"), lang.L("Import"), lang.L("Cancel"), content, p.onDone, w.win)
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

// onDone reads the file with the columns chosen.
func (p *columnPicker) onDone(ok bool) {
	if !ok {
		return
	}
	x, y := p.x.SelectedIndex()+1, p.y.SelectedIndex()+1
	if x == y || x < 1 || y < 1 {
		p.w.ShowError(errors.New(lang.L("Choose two different columns.")))
		return
	}
	p.w.prefs.setColumns(p.path, x, y)
	p.w.readData(p.path, data.ReadOptions{XColumn: strconv.Itoa(x), YColumn: strconv.Itoa(y)})
}

// onSample opens an embedded data set, after asking about unsaved
// changes.
func (w *MainWindow) onSample(s sampledata.Sample) {
	w.confirmDiscard(func() {
		res, err := data.ReadCSV(s.Open(), data.ReadOptions{File: s.File})
		if err != nil {
			w.ShowError(err)
			return
		}
		w.importData(res.Data, s.File, "")
	})
}

// sampleTitle returns the title of a sample in the language of the UI.
func sampleTitle(s sampledata.Sample) string {
	if koreanUI() && s.TitleKo != "" {
		return s.TitleKo
	}
	return s.Title
}

// koreanUI reports whether the window's texts are in Korean.
func koreanUI() bool {
	return lang.X("ui.language", "en") == "ko"
}

// onRecent opens a recent file, or removes it from the list with a word
// when it no longer exists.
func (w *MainWindow) onRecent(path string) {
	if _, err := os.Stat(path); err != nil {
		w.prefs.removeRecent(path)
		w.menu.refreshRecent()
		dialog.ShowInformation(lang.L("File not found"),
			lang.L("{{.File}} no longer exists. It was removed from the recent files.", map[string]any{"File": path}), w.win)
		return
	}
	w.confirmDiscard(func() { w.Open(path) })
}

// onDropped opens the first file dropped on the window.
func (w *MainWindow) onDropped(_ fyne.Position, uris []fyne.URI) {
	for _, u := range uris {
		if u.Scheme() != "file" {
			continue
		}
		path := u.Path()
		if fi, err := os.Stat(path); err != nil || fi.IsDir() {
			continue
		}
		w.confirmDiscard(func() { w.Open(path) })
		return
	}
}

// onNew starts an empty table, after asking about unsaved changes.
func (w *MainWindow) onNew() {
	w.confirmDiscard(func() {
		w.table.commit(0, 0)
		w.sheet = sheet.New("", "")
		w.file, w.source, w.projectPath = "", "", ""
		w.markSaved()
		w.table.reset()
		w.sheetChanged()
		w.rebuild()
	})
}

// recentLabel is how Open Recent shows a path: the name, then the folder.
func recentLabel(path string) string {
	dir := filepath.Dir(path)
	if home, err := os.UserHomeDir(); err == nil && home != "" && strings.HasPrefix(dir, home) {
		dir = "~" + strings.TrimPrefix(dir, home)
	}
	return fmt.Sprintf("%s — %s", filepath.Base(path), dir)
}
