package gui

import (
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"tempfit/chart"
	"tempfit/core/data"
	"tempfit/core/train"
)

// maxExportPixels is the largest width or height of an exported chart.
const maxExportPixels = 20000

// fitted returns the latest snapshot of the trainer with the problem its
// weights belong to, or an error to show.
func (w *MainWindow) fitted() (*train.Snapshot, error) {
	if w.trainer == nil {
		return nil, errors.New(lang.L("There is no fitted curve to export yet: the table needs rows with both x and y."))
	}
	s := w.trainer.Snapshot()
	if s.Problem == nil {
		return nil, errors.New(lang.L("There is no fitted curve to export yet: the table needs rows with both x and y."))
	}
	return s, nil
}

// exportDialog is the dialog of File > Export predictions: every row, or
// a grid of x values from, to and step.
type exportDialog struct {
	w      *MainWindow
	what   *widget.RadioGroup
	from   *widget.Entry
	to     *widget.Entry
	step   *widget.Entry
	dialog *dialog.FormDialog
}

// Choices of the export dialog.
const (
	exportRows = "Every row: x, observed, predicted, residual"
	exportGrid = "A grid of x values: x, predicted"
)

// onExportPredictions opens the export dialog.
func (w *MainWindow) onExportPredictions() {
	s, err := w.fitted()
	if err != nil {
		w.ShowError(err)
		return
	}
	newExportDialog(w, s).dialog.Show()
}

// newExportDialog builds the export dialog, with a grid from the first x
// to the end of the curve.
func newExportDialog(w *MainWindow, s *train.Snapshot) *exportDialog {
	e := &exportDialog{w: w}
	e.from = widget.NewEntry()
	e.to = widget.NewEntry()
	e.step = widget.NewEntry()
	lo, hi := s.Problem.Data.XRange()
	if to := w.charts.extendTo; to > hi {
		hi = to
	}
	e.from.SetText(strconv.FormatFloat(lo, 'g', -1, 64))
	e.to.SetText(strconv.FormatFloat(hi, 'g', -1, 64))
	e.step.SetText("1")
	e.what = widget.NewRadioGroup([]string{lang.L(exportRows), lang.L(exportGrid)}, e.onWhat)
	e.what.Required = true
	e.what.SetSelected(lang.L(exportRows))
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Export"), e.what),
		widget.NewFormItem(lang.L("From x"), e.from),
		widget.NewFormItem(lang.L("To x"), e.to),
		widget.NewFormItem(lang.X("grid step", "Step"), e.step),
	}
	e.dialog = dialog.NewForm(lang.L("Export predictions"), lang.L("Export…"), lang.L("Cancel"), items, e.onDone, w.win)
	e.dialog.Resize(fyne.NewSize(560, 320))
	return e
}

// grid reports whether a grid is chosen.
func (e *exportDialog) grid() bool { return e.what.Selected == lang.L(exportGrid) }

// onWhat enables the grid fields for a grid.
func (e *exportDialog) onWhat(string) {
	for _, f := range []*widget.Entry{e.from, e.to, e.step} {
		if e.grid() {
			f.Enable()
		} else {
			f.Disable()
		}
	}
}

// onDone asks where to write the predictions and writes them.
func (e *exportDialog) onDone(ok bool) {
	if !ok {
		return
	}
	w := e.w
	var xs []float64
	if e.grid() {
		from, err1 := strconv.ParseFloat(strings.TrimSpace(e.from.Text), 64)
		to, err2 := strconv.ParseFloat(strings.TrimSpace(e.to.Text), 64)
		step, err3 := strconv.ParseFloat(strings.TrimSpace(e.step.Text), 64)
		if err := errors.Join(err1, err2, err3); err != nil {
			w.ShowError(errors.New(lang.L("From, to and step must be numbers.")))
			return
		}
		g, err := data.Grid(from, to, step)
		if err != nil {
			w.ShowError(err)
			return
		}
		xs = g
	}
	suffix := "-predictions.csv"
	if xs != nil {
		suffix = "-grid.csv"
	}
	w.chooseSave(folderExport, w.baseName()+suffix, []string{".csv"}, func(path string) {
		if err := w.ExportPredictions(path, xs); err != nil {
			w.showWriteError(err)
		}
	})
}

// ExportPredictions writes the current fit's predictions to a CSV file at
// path, replacing it whole or not at all: x, observed, predicted and
// residual for every row, or, when grid is not nil, x and predicted at
// each of its points.
func (w *MainWindow) ExportPredictions(path string, grid []float64) error {
	s, err := w.fitted()
	if err != nil {
		return err
	}
	pr, weights := s.Problem, s.Weights
	return data.WriteFileAtomic(path, 0o644, func(out io.Writer) error {
		if grid != nil {
			return data.WriteGrid(out, pr.Data.XName, grid, pr.Predict(weights, grid))
		}
		return data.WritePredictions(out, pr.Data, pr.Predict(weights, pr.Data.X))
	})
}

// baseName is the name files exported from the window start with.
func (w *MainWindow) baseName() string {
	name := w.file
	if name == "" {
		return "tempfit"
	}
	return strings.TrimSuffix(name, filepath.Ext(name))
}

// showWriteError says that a file could not be written and why.
func (w *MainWindow) showWriteError(err error) {
	w.ShowError(fmt.Errorf("%s\n%w", lang.L("The file was not written; any file of that name is unchanged."), err))
}

// The charts that can be exported.
const (
	chartFit       = "Fit"
	chartResiduals = "Residuals"
	chartLoss      = "Loss"
)

// chartFormats are the formats a chart can be exported in.
var chartFormats = []string{"PNG", "SVG", "PDF"}

// chartDialog is the dialog of File > Export chart: which chart, the
// format and the size in pixels.
type chartDialog struct {
	w      *MainWindow
	which  *widget.Select
	format *widget.Select
	width  *widget.Entry
	height *widget.Entry
	dialog *dialog.FormDialog
}

// onExportChart opens the chart export dialog.
func (w *MainWindow) onExportChart() {
	newChartDialog(w).dialog.Show()
}

// newChartDialog builds the chart export dialog.
func newChartDialog(w *MainWindow) *chartDialog {
	c := &chartDialog{w: w}
	c.which = widget.NewSelect([]string{lang.L(chartFit), lang.L(chartResiduals), lang.L(chartLoss)}, nil)
	if w.charts.residuals.Checked {
		c.which.SetSelected(lang.L(chartResiduals))
	} else {
		c.which.SetSelected(lang.L(chartFit))
	}
	c.format = widget.NewSelect(chartFormats, nil)
	c.format.SetSelected("PNG")
	width, height := w.prefs.chartSize()
	c.width = widget.NewEntry()
	c.width.SetText(strconv.Itoa(width))
	c.height = widget.NewEntry()
	c.height.SetText(strconv.Itoa(height))
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Chart"), c.which),
		widget.NewFormItem(lang.L("Format"), c.format),
		widget.NewFormItem(lang.L("Width (pixels)"), c.width),
		widget.NewFormItem(lang.L("Height (pixels)"), c.height),
	}
	items[2].HintText = lang.L("PNG is drawn at 96 dpi; SVG and PDF get the same size in points (pixels × 0.75).")
	c.dialog = dialog.NewForm(lang.L("Export chart"), lang.L("Export…"), lang.L("Cancel"), items, c.onDone, w.win)
	c.dialog.Resize(fyne.NewSize(520, 340))
	return c
}

// onDone asks where to write the chart and writes it.
func (c *chartDialog) onDone(ok bool) {
	if !ok {
		return
	}
	w := c.w
	width, err1 := strconv.Atoi(strings.TrimSpace(c.width.Text))
	height, err2 := strconv.Atoi(strings.TrimSpace(c.height.Text))
	if err1 != nil || err2 != nil || width < 16 || height < 16 || width > maxExportPixels || height > maxExportPixels {
		w.ShowError(errors.New(lang.L("The width and height must be whole numbers of pixels from 16 to {{.Max}}.", map[string]any{"Max": maxExportPixels})))
		return
	}
	w.prefs.setChartSize(width, height)
	which := chartFit
	switch c.which.Selected {
	case lang.L(chartResiduals):
		which = chartResiduals
	case lang.L(chartLoss):
		which = chartLoss
	}
	ext := "." + strings.ToLower(c.format.Selected)
	name := w.baseName() + "-" + strings.ToLower(which) + ext
	w.chooseSave(folderExport, name, []string{ext}, func(path string) {
		if err := w.ExportChart(path, which, width, height); err != nil {
			w.showWriteError(err)
		}
	})
}

// ExportChart writes a chart ("Fit", "Residuals" or "Loss") as it is
// shown now to path, as PNG, SVG or PDF by the file's extension, at
// width×height pixels (PNG at 96 dpi; SVG and PDF at the same size in
// points × 0.75). The file is replaced whole or not at all.
func (w *MainWindow) ExportChart(path, which string, width, height int) error {
	format, err := chart.FormatFromName(path)
	if err != nil {
		return err
	}
	p := w.chartPlot(which)
	if p == nil {
		return errors.New(lang.L("The chart could not be drawn."))
	}
	pt := func(px int) vg.Length { return vg.Length(px) * vg.Inch / chart.DPI }
	return data.WriteFileAtomic(path, 0o644, func(out io.Writer) error {
		return chart.Write(out, p, pt(width), pt(height), format)
	})
}

// chartPlot returns the plot of a chart as the window shows it.
func (w *MainWindow) chartPlot(which string) *plot.Plot {
	v := w.bridge.view.Load()
	if v == nil {
		return nil
	}
	var s *train.Snapshot
	if w.trainer != nil {
		s = w.trainer.Snapshot()
	}
	var p *plot.Plot
	switch which {
	case chartResiduals:
		p = residualPlot(v, s)
	case chartLoss:
		p = lossPlot(v, s)
	default:
		p = fitPlot(v, s)
	}
	return p
}

// finiteOr returns v, or def when v is not a finite number.
func finiteOr(v, def float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return def
	}
	return v
}
