package gui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"tempfit/core/data"
	"tempfit/core/session"
)

// onCopyRows puts the selected rows, or the current one, on the clipboard
// as tab-separated text, as spreadsheets paste it.
func (w *MainWindow) onCopyRows() {
	rows := w.table.deletionRows()
	if len(rows) == 0 {
		return
	}
	w.app.Clipboard().SetContent(w.session.Sheet().TSV(rows))
}

// onPasteRows reads rows from the clipboard (tab-, comma- or
// semicolon-separated) and inserts them at the current row or replaces
// the table with them, asking which when the table has data.
func (w *MainWindow) onPasteRows() {
	text := w.app.Clipboard().Content()
	if strings.TrimSpace(text) == "" {
		return
	}
	w.table.commit(0, 0)
	res, good, err := session.ReadText(text, data.ReadOptions{File: lang.L("clipboard")})
	switch {
	case good != nil:
		w.offerGoodRows(err, good, w.pasteRows)
	case err != nil:
		w.ShowError(err)
	default:
		w.pasteRows(res)
	}
}

// pasteRows puts rows read from the clipboard in the table, asking
// whether to insert or replace when the table has rows.
func (w *MainWindow) pasteRows(res *data.ReadResult) {
	if w.session.Sheet().Len() == 0 {
		w.session.ReplacePoints(res)
		return
	}
	at := w.table.insertionRow()
	n := res.Data.Len()
	var d *dialog.CustomDialog
	insert := widget.NewButton(lang.L("Insert at row {{.Row}}", map[string]any{"Row": at + 1}), func() {
		d.Hide()
		w.table.clearSelection()
		if err := w.session.InsertPoints(at, res); err != nil {
			w.ShowError(err)
		}
	})
	insert.Importance = widget.HighImportance
	replace := widget.NewButton(lang.L("Replace all"), func() {
		d.Hide()
		w.session.ReplacePoints(res)
	})
	cancel := widget.NewButton(lang.L("Cancel"), func() { d.Hide() })
	msg := widget.NewLabel(lang.L("The clipboard holds {{.Count}} rows. Insert them above row {{.Row}}, or replace the {{.Have}} rows of the table?",
		map[string]any{"Count": n, "Row": at + 1, "Have": w.session.Sheet().Len()}))
	msg.Wrapping = fyne.TextWrapWord
	d = dialog.NewCustomWithoutButtons(lang.L("Paste rows"), msg, w.win)
	d.SetButtons([]fyne.CanvasObject{cancel, replace, insert})
	d.Resize(fyne.NewSize(520, 200))
	d.Show()
}

// onCopyEquation puts the fitted equation and its coefficients, at full
// precision, on the clipboard: in x when those are exact, else in t with
// its definition.
func (w *MainWindow) onCopyEquation() {
	s, err := w.session.Fitted()
	if err != nil {
		return
	}
	c := s.Problem.Coefficients(s.Weights)
	w.app.Clipboard().SetContent(equationText(s, -1) + "\n\n" + c.Text())
}

// onCopyRawCoefficients puts the coefficients of the powers of the user's
// own x on the clipboard at full precision, with a warning first when they
// do not reproduce the curve exactly.
func (w *MainWindow) onCopyRawCoefficients() {
	s, err := w.session.Fitted()
	if err != nil {
		return
	}
	w.app.Clipboard().SetContent(s.Problem.Coefficients(s.Weights).RawText())
}

// onCopyStats puts the statistics of the current fit on the clipboard, one
// "name<TAB>value" line each, then the coefficients with their
// uncertainty as a tab-separated table, at full precision.
func (w *MainWindow) onCopyStats() {
	s, err := w.session.Fitted()
	if err != nil {
		return
	}
	var b strings.Builder
	for _, l := range summaryRows(s, -1) {
		b.WriteString(l[0] + "\t" + l[1] + "\n")
	}
	b.WriteString("\n")
	for _, row := range estimateRows(s, -1) {
		b.WriteString(strings.Join(row, "\t") + "\n")
	}
	w.app.Clipboard().SetContent(b.String())
}
