package gui

import (
	"image"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tempfit/chart"
	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/session"
)

// compareView is the Compare models tab: every size of the current model
// family with its training error, its errors on points it has not seen
// (leave-one-out and 10-fold cross-validation), AIC and BIC, and a button
// that uses the best.
type compareView struct {
	session *session.Session
	spawn   func(work, done func()) // runs work off the UI goroutine, then done on it
	use     func(fit.Model)         // switches to a model, asking first if a run is under way

	run     *widget.Button
	useBest *widget.Button
	status  *widget.Label
	table   *widget.Table
	chart   *chartView
	drawn   uint64 // counts drawings asked for; an older one is not shown
	rows    [][]string
	result  *fit.Comparison
	key     compareKey // what the comparison shown was made of
	busy    bool
	content fyne.CanvasObject
}

// newCompareView builds the comparison tab for the session s.
func newCompareView(s *session.Session, spawn func(work, done func()), use func(fit.Model)) *compareView {
	v := &compareView{session: s, spawn: spawn, use: use}
	v.run = widget.NewButtonWithIcon(lang.L("Compare"), theme.ViewRefreshIcon(), v.compare)
	v.useBest = widget.NewButtonWithIcon(lang.L("Use the best model"), theme.ConfirmIcon(), v.onUseBest)
	v.useBest.Disable()
	v.status = widget.NewLabel(lang.L("Compare every degree (or number of harmonics) by how well it predicts points it was not fitted to."))
	v.status.Wrapping = fyne.TextWrapWord
	best := func(row int) bool { return strings.HasPrefix(v.rows[row][0], "*") }
	v.table = newTextTable(func() [][]string { return v.rows }, best, compareColumns...)
	v.chart = newChartView(v.draw)
	top := container.NewVBox(v.status, container.NewHBox(v.run, v.useBest))
	split := container.NewVSplit(v.table, v.chart)
	split.Offset = 0.45
	v.content = container.NewBorder(top, nil, nil, nil, split)
	return v
}

// compare starts a comparison of the current family.
func (v *compareView) compare() {
	j := v.session.CompareModels()
	if j == nil || v.busy {
		return
	}
	key := v.keyNow()
	v.busy = true
	v.run.Disable()
	v.status.SetText(lang.L("Comparing…"))
	v.spawn(j.Run, func() {
		v.busy = false
		v.run.Enable()
		if j.Err != nil {
			v.status.SetText(errorText(j.Err))
			return
		}
		v.key = key
		v.show(j.Result)
	})
}

// compareKey is what a comparison is made of: the points and the model
// family; another degree of the same family leaves it as it was.
type compareKey struct {
	data    *data.Dataset
	kind    fit.Kind
	scaling fit.Scaling
	trend   int
	period  float64
	hold    fit.HoldRule
}

// keyNow returns what a comparison made now would be made of.
func (v *compareView) keyNow() compareKey {
	m := v.session.Config().Model
	return compareKey{v.session.Data(), m.Kind, m.Scaling, m.Trend, m.Period, v.session.HoldOut()}
}

// compareColumns are the widths of the comparison table's columns, those
// of compareHeader; the leave-one-out column is as wide as its Korean
// header.
var compareColumns = []float32{120, 80, 116, 140, 110, 90, 90}

// compareHeader returns the header row of the comparison table.
func compareHeader() []string {
	return []string{lang.L("Model"), lang.L("Weights"), lang.L("Training SSE"), lang.L("Leave-one-out"), lang.L("10-fold CV"), "AIC", "BIC"}
}

// show displays a comparison.
func (v *compareView) show(c fit.Comparison) {
	v.result = &c
	v.rows = [][]string{compareHeader()}
	num := func(x float64) string {
		if math.IsInf(x, 1) {
			return "∞"
		}
		return formatNumber(x, 5)
	}
	for i, cand := range c.Candidates {
		name := modelSize(cand.Model)
		if i == c.Best {
			name = "* " + name
		}
		v.rows = append(v.rows, []string{name, strconv.Itoa(cand.Params), num(cand.SSE), num(cand.PRESS), num(cand.CV), num(cand.AIC), num(cand.BIC)})
	}
	v.table.Refresh()
	v.draw()
	if c.Best < 0 {
		v.useBest.Disable()
		v.status.SetText(lang.L("No model could be compared."))
		return
	}
	v.useBest.Enable()
	v.status.SetText(lang.L("Best by leave-one-out error: {{.Model}} (marked *). Training error always falls with more weights; the errors on unseen points rise again where overfitting begins.",
		map[string]any{"Model": modelSize(c.Candidates[c.Best].Model)}))
}

// modelSize names a candidate by its size: its degree or harmonics.
func modelSize(m fit.Model) string {
	if m.Kind == fit.Seasonal {
		return lang.L("{{.Count}} harmonics", map[string]any{"Count": m.Harmonics})
	}
	return lang.L("degree {{.Degree}}", map[string]any{"Degree": m.Degree})
}

// onUseBest switches to the best model of the comparison shown.
func (v *compareView) onUseBest() {
	if v.result == nil || v.result.Best < 0 {
		return
	}
	v.use(v.result.Candidates[v.result.Best].Model)
}

// stale forgets a comparison that no longer fits the data or the family.
func (v *compareView) stale() {
	if v.result == nil || v.keyNow() == v.key {
		return
	}

	v.result = nil
	v.rows = nil
	v.table.Refresh()
	v.chart.setImage(image.NewRGBA(image.Rect(0, 0, 1, 1)))
	v.useBest.Disable()
	v.status.SetText(lang.L("The data or the model changed: press Compare again."))
}

// draw renders the chart of the comparison shown, off the UI goroutine.
func (v *compareView) draw() {
	if v.result == nil {
		return
	}
	c, size := compareChart(*v.result), v.chart.pixels()
	v.drawn++
	n := v.drawn
	var img image.Image
	v.spawn(func() {
		if p, err := chart.ComparePlot(c); err == nil {
			img = render(p, size)
		}
	}, func() {
		if n == v.drawn && img != nil {
			v.chart.setImage(img)
		}
	})
}

// compareChart describes the chart of a comparison: the training error
// and the errors on unseen points by model size.
func compareChart(c fit.Comparison) chart.Compare {
	cc := chart.Compare{
		XLabel: lang.L("Degree"),
		YLabel: lang.L("Sum of squared errors"),
		Best:   c.Best,
		Labels: chart.Labels{
			Train: lang.L("Training error"),
			LOO:   lang.L("Leave-one-out error"),
			CV:    lang.L("Cross-validation error"),
			Best:  lang.L("Best"),
		},
	}
	for _, cand := range c.Candidates {
		size := cand.Model.Degree
		if cand.Model.Kind == fit.Seasonal {
			size = cand.Model.Harmonics
			cc.XLabel = lang.L("Harmonics")
		}
		cc.Sizes = append(cc.Sizes, float64(size))
		cc.Train = append(cc.Train, cand.SSE)
		cc.LOO = append(cc.LOO, cand.PRESS)
		cc.CV = append(cc.CV, cand.CV)
	}
	return cc
}
