package gui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tempfit/core/data"
	"tempfit/core/project"
	"tempfit/core/session"
	"tempfit/sampledata"
)

// dataExtensions are the extensions File > Open shows.
var dataExtensions = []string{".csv", ".tsv", ".txt", ".xlsx", ".xlsm", project.Extension}

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
// dialog and, when known at once, returned; nil means the file was opened,
// is being read, or a dialog about it is open.
func (w *MainWindow) Open(path string) error {
	if session.IsProject(path) {
		return w.OpenProject(path)
	}
	t, err := data.PreviewFile(path, data.ReadOptions{}, previewRows)
	if t != nil && (err == nil && needsPreview(t) || err != nil && len(t.Sheets) > 1) {
		w.preview(path, t, err)
		return nil
	}
	return w.readData(path, data.ReadOptions{})
}

// readData reads the data file at path with opts and imports it. When
// some rows are bad, it offers to import the others.
//
// The file is read off the UI goroutine, which a million rows would keep
// busy for a good part of a second, and imported on it. The error is
// returned when the reading is done at once, as with a synchronous bridge
// in tests; otherwise it is shown when the reading ends.
func (w *MainWindow) readData(path string, opts data.ReadOptions) error {
	var (
		res, good *data.ReadResult
		err       error
		done      bool
	)
	w.bridge.spawn(func() {
		res, good, err = session.ReadFile(path, opts)
	}, func() {
		done = true
		switch {
		case w.closed:
		case good != nil:
			w.offerGoodRows(err, good, func(r *data.ReadResult) { w.importFile(path, r) })
		case err != nil:
			w.ShowError(err)
		default:
			w.importFile(path, res)
		}
	})
	if !done {
		return nil
	}
	return err
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
	w.table.commit(0, 0)
	w.session.Import(path, res)
	w.addRecent(path)
}

// preview shows the start of the data file at path, whose first rows are
// t (or, with err, why its first sheet cannot be read), to choose its
// encoding or sheet and its x and y columns, and reads it with them.
func (w *MainWindow) preview(path string, t *data.Table, err error) {
	x, y := w.prefs.columns(path)
	newOpenPreview(w.win, path, t, err, x, y, func(opts data.ReadOptions, x, y int) {
		w.prefs.setColumns(path, x, y)
		w.readData(path, opts)
	}).show()
}

// onSample opens an embedded data set, after asking about unsaved
// changes.
func (w *MainWindow) onSample(sample sampledata.Sample) {
	w.confirmDiscard(func() {
		w.table.commit(0, 0)
		if err := w.session.OpenSample(sample); err != nil {
			w.ShowError(err)
		}
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
		w.session.New()
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
