package gui

import (
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"tempfit/core/data"
	"tempfit/core/fit"
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
		w.session.InsertPoints(at, res.Data)
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
// precision, on the clipboard.
func (w *MainWindow) onCopyEquation() {
	tr := w.session.Trainer()
	if tr == nil {
		return
	}
	s := tr.Snapshot()
	if len(s.Raw) == 0 {
		return
	}
	m := s.Config.Model
	w.app.Clipboard().SetContent(fit.Equation(m, s.Raw, -1) + "\n\n" + fit.CoefficientsText(m, s.Raw))
}

// onCopyStats puts the statistics of the current fit on the clipboard, one
// "name<TAB>value" line each, at full precision.
func (w *MainWindow) onCopyStats() {
	tr := w.session.Trainer()
	if tr == nil {
		return
	}
	s := tr.Snapshot()
	st := s.Stats
	num := func(v float64) string {
		if math.IsNaN(v) {
			return "—"
		}
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	lines := [][2]string{
		{lang.L("Model"), s.Config.Model.String()},
		{lang.L("Optimizer"), lang.L(methodLabels[s.Config.Method])},
		{lang.L("Learning rate"), num(s.LearningRate)},
		{lang.L("Step"), strconv.Itoa(s.Step)},
		{lang.L("Points"), strconv.Itoa(st.N)},
		{lang.L("Parameters"), strconv.Itoa(st.Params)},
		{lang.L("Loss (SSE)"), num(s.Loss)},
		{lang.L("Best loss"), num(s.BestLoss)},
		{"MSE", num(st.MSE)},
		{"RMSE", num(st.RMSE)},
		{"R²", num(st.R2)},
		{lang.L("Adjusted R²"), num(st.AdjR2)},
		{lang.L("Optimum SSE"), num(st.OptimumSSE)},
		{lang.L("Gap to optimum"), num(st.Gap)},
		{lang.L("Gap to optimum (%)"), num(st.GapPercent)},
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l[0] + "\t" + l[1] + "\n")
	}
	w.app.Clipboard().SetContent(b.String())
}
