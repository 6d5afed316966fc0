package gui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"tempfit/core/data"
	"tempfit/core/session"
)

// Choices of the export dialog; the grid presets follow them.
const (
	exportRows = "Every row: x, observed, predicted, residual"
	exportGrid = "A grid of x values: x, predicted"
)

// The intervals a grid can give, in the order offered.
var intervalLabels = []string{
	"95% prediction interval (a new observation)",
	"95% confidence interval (the curve)",
	"No interval",
}

// exportLevel is the level of the intervals of an export.
const exportLevel = 0.95

// exportChoice is what the export dialog chose: every row, or a grid with
// an interval.
type exportChoice struct {
	rows     bool
	grid     data.GridSpec
	interval session.Interval
}

// exportDialog is the dialog of File > Export predictions: every row, a
// grid of x values from, to and step, or a grid such as every day of the
// next year, with an interval around each prediction.
type exportDialog struct {
	parent   fyne.Window
	done     func(exportChoice)
	axis     data.XAxis
	points   func(data.GridSpec) ([]float64, error) // a grid's points for the data
	presets  []data.GridPreset
	own      [3]string // from, to and step as the user left them
	shown    int       // the choice the fields show
	what     *widget.RadioGroup
	from     *widget.Entry
	to       *widget.Entry
	step     *widget.Entry
	interval *widget.Select
	dialog   *dialog.FormDialog
}

// onExportPredictions asks what to export and where, and writes it.
func (w *MainWindow) onExportPredictions() {
	if _, err := w.session.Fitted(); err != nil {
		w.ShowError(err)
		return
	}
	d := w.session.Data()
	lo, hi := d.XRange()
	if to := w.session.ExtendTo(); to > hi {
		hi = to
	}
	newExportDialog(w.win, d.XAxis, lo, hi, w.session.GridPoints, func(c exportChoice) {
		suffix := "-predictions.csv"
		if !c.rows {
			suffix = "-grid.csv"
			if _, err := w.session.GridPoints(c.grid); err != nil {
				w.ShowError(err)
				return
			}
		}
		w.chooseSave(folderExport, w.session.BaseName()+suffix, []string{".csv"}, func(path string) {
			var err error
			if c.rows {
				err = w.session.ExportPredictions(path, nil)
			} else {
				err = w.session.ExportGrid(path, c.grid, c.interval, exportLevel)
			}
			if err != nil {
				w.showWriteError(err)
			}
		})
	}).dialog.Show()
}

// ExportPredictions writes the current fit's predictions to a CSV file at
// path, replacing it whole or not at all: x, observed, predicted and
// residual for every row, or, when grid is not nil, x and predicted at
// each of its points.
func (w *MainWindow) ExportPredictions(path string, grid []float64) error {
	return w.session.ExportPredictions(path, grid)
}

// newExportDialog builds the export dialog over parent for data on axis,
// with a grid from lo to hi; points makes a grid's points, to show where
// a preset runs, and done gets the choice.
func newExportDialog(parent fyne.Window, axis data.XAxis, lo, hi float64, points func(data.GridSpec) ([]float64, error), done func(exportChoice)) *exportDialog {
	e := &exportDialog{parent: parent, done: done, axis: axis, points: points, presets: data.GridPresets(axis)}
	e.from = widget.NewEntry()
	e.to = widget.NewEntry()
	e.step = widget.NewEntry()
	e.from.SetText(axisText(axis, lo))
	e.to.SetText(axisText(axis, hi))
	e.step.SetText("1")
	if axis.IsTime() {
		e.step.SetText("1d")
	}
	e.own = [3]string{e.from.Text, e.to.Text, e.step.Text}
	options := []string{lang.L(exportRows), lang.L(exportGrid)}
	for _, p := range e.presets {
		options = append(options, lang.L(p.Label))
	}
	e.what = widget.NewRadioGroup(options, e.onWhat)
	e.what.Required = true
	var intervals []string
	for _, l := range intervalLabels {
		intervals = append(intervals, lang.L(l))
	}
	e.interval = widget.NewSelect(intervals, nil)
	e.interval.SetSelectedIndex(0)
	e.what.SetSelected(lang.L(exportRows))
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Export"), e.what),
		widget.NewFormItem(lang.L("From x"), e.from),
		widget.NewFormItem(lang.L("To x"), e.to),
		widget.NewFormItem(lang.X("grid step", "Step"), e.step),
		widget.NewFormItem(lang.L("Interval"), e.interval),
	}
	if axis.IsTime() {
		items[3].HintText = lang.L("A number with a unit: 1d, 7d, 1mo, 1y, 6h or 30min.")
	}
	e.dialog = dialog.NewForm(lang.L("Export predictions"), lang.L("Export…"), lang.L("Cancel"), items, e.onDone, parent)
	e.dialog.Resize(fyne.NewSize(600, 420))
	return e
}

// axisText writes x as the axis reads it: a date on a date axis.
func axisText(axis data.XAxis, x float64) string {
	if axis.IsTime() || axis.Kind == data.YearMonth {
		return axis.Format(x)
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// choice returns the index of the choice made: 0 every row, 1 a grid from
// the fields, then the presets.
func (e *exportDialog) choice() int {
	for i, o := range e.what.Options {
		if o == e.what.Selected {
			return i
		}
	}
	return 0
}

// onWhat enables the fields that the choice uses. A preset shows where
// it runs in them, and the grid of the fields gets back what the user
// typed.
func (e *exportDialog) onWhat(string) {
	c := e.choice()
	if e.shown == 1 {
		e.own = [3]string{e.from.Text, e.to.Text, e.step.Text}
	}
	e.shown = c
	fields := []*widget.Entry{e.from, e.to, e.step}
	texts := e.own
	if c >= 2 {
		texts = e.presetTexts(e.presets[c-2].Spec)
	}
	for i, f := range fields {
		f.SetText(texts[i])
		if c == 1 {
			f.Enable()
		} else {
			f.Disable()
		}
	}
	if c == 0 {
		e.interval.Disable()
	} else {
		e.interval.Enable()
	}
}

// presetTexts returns the first and last points and the step of the
// grid spec, as the fields show them; the user's own texts when the grid
// cannot be made.
func (e *exportDialog) presetTexts(spec data.GridSpec) [3]string {
	pts, err := e.points(spec)
	if err != nil || len(pts) == 0 {
		return e.own
	}
	return [3]string{axisText(e.axis, pts[0]), axisText(e.axis, pts[len(pts)-1]), spec.Step.String()}
}

// onDone passes on the choice, or says why the grid cannot be made.
func (e *exportDialog) onDone(ok bool) {
	if !ok {
		return
	}
	c := e.choice()
	if c == 0 {
		e.done(exportChoice{rows: true})
		return
	}
	choice := exportChoice{interval: []session.Interval{session.PredictionInterval, session.ConfidenceInterval, session.NoInterval}[max(e.interval.SelectedIndex(), 0)]}
	if c >= 2 {
		choice.grid = e.presets[c-2].Spec
		e.done(choice)
		return
	}
	spec, err := data.ParseGridSpec(strings.TrimSpace(e.from.Text) + ":" + strings.TrimSpace(e.to.Text) + ":" + strings.TrimSpace(e.step.Text))
	if err != nil {
		showError(err, e.parent)
		return
	}
	choice.grid = spec
	e.done(choice)
}
