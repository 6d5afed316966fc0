package gui

import (
	"errors"
	"fmt"
	"io"
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
	parent fyne.Window
	done   func(which string, width, height int, ext string)
	which  *widget.Select
	format *widget.Select
	width  *widget.Entry
	height *widget.Entry
	dialog *dialog.FormDialog
}

// onExportChart asks which chart to export, how and where, and writes it.
func (w *MainWindow) onExportChart() {
	width, height := w.prefs.chartSize()
	newChartDialog(w.win, w.charts.residuals.Checked, width, height, func(which string, width, height int, ext string) {
		w.prefs.setChartSize(width, height)
		name := w.session.BaseName() + "-" + strings.ToLower(which) + ext
		w.chooseSave(folderExport, name, []string{ext}, func(path string) {
			if err := w.ExportChart(path, which, width, height); err != nil {
				w.showWriteError(err)
			}
		})
	}).dialog.Show()
}

// newChartDialog builds the chart export dialog over parent, offering the
// residuals first when residuals is true and the size width×height; done
// gets the chart, size and file extension chosen.
func newChartDialog(parent fyne.Window, residuals bool, width, height int, done func(which string, width, height int, ext string)) *chartDialog {
	c := &chartDialog{parent: parent, done: done}
	c.which = widget.NewSelect([]string{lang.L(chartFit), lang.L(chartResiduals), lang.L(chartLoss)}, nil)
	if residuals {
		c.which.SetSelected(lang.L(chartResiduals))
	} else {
		c.which.SetSelected(lang.L(chartFit))
	}
	c.format = widget.NewSelect(chartFormats, nil)
	c.format.SetSelected("PNG")
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
	c.dialog = dialog.NewForm(lang.L("Export chart"), lang.L("Export…"), lang.L("Cancel"), items, c.onDone, parent)
	c.dialog.Resize(fyne.NewSize(520, 340))
	return c
}

// onDone passes on the chart, size and format chosen.
func (c *chartDialog) onDone(ok bool) {
	if !ok {
		return
	}
	width, err1 := strconv.Atoi(strings.TrimSpace(c.width.Text))
	height, err2 := strconv.Atoi(strings.TrimSpace(c.height.Text))
	if err1 != nil || err2 != nil || width < 16 || height < 16 || width > maxExportPixels || height > maxExportPixels {
		showError(errors.New(lang.L("The width and height must be whole numbers of pixels from 16 to {{.Max}}.", map[string]any{"Max": maxExportPixels})), c.parent)
		return
	}
	which := chartFit
	switch c.which.Selected {
	case lang.L(chartResiduals):
		which = chartResiduals
	case lang.L(chartLoss):
		which = chartLoss
	}
	c.done(which, width, height, "."+strings.ToLower(c.format.Selected))
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
	if tr := w.session.Trainer(); tr != nil {
		s = tr.Snapshot()
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
