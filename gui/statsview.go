package gui

import (
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"tempfit/core/train"
)

// statsDigits is the number of significant digits the statistics view
// shows; copying gives them in full.
const statsDigits = 5

// statsView is the Statistics tab: the fit's uncertainty for the weights
// shown, live while training runs.
type statsView struct {
	summary   *widget.Form
	values    map[string]*widget.Label
	estimates *widget.Table
	rows      [][]string // the estimates table, header first
	note      *widget.Label
	content   fyne.CanvasObject
}

// newStatsView builds an empty statistics view; onCopy copies it.
func newStatsView(onCopy func()) *statsView {
	v := &statsView{summary: widget.NewForm(), values: map[string]*widget.Label{}}
	v.estimates = newTextTable(func() [][]string { return v.rows }, nil, 70, 90, 110, 110, 80, 90, 110, 110)
	v.note = widget.NewLabel(lang.L("Standard errors, t, p and intervals assume independent errors of one variance, normally distributed."))
	v.note.Wrapping = fyne.TextWrapWord
	v.note.Importance = widget.LowImportance
	copyButton := widget.NewButton(lang.L("Copy statistics"), onCopy)
	// The summary scrolls, so that its rows never make the window taller
	// than the screen.
	summary := container.NewVScroll(container.NewVBox(v.summary, v.note))
	split := container.NewVSplit(summary, v.estimates)
	split.Offset = 0.6
	v.content = container.NewBorder(nil, container.NewHBox(copyButton), nil, nil, split)
	return v
}

// show displays the statistics of a snapshot; nil clears them.
func (v *statsView) show(s *train.Snapshot) {
	if s == nil || s.Problem == nil {
		for _, l := range v.values {
			setText(l, "—")
		}
		v.rows = nil
		v.estimates.Refresh()
		return
	}
	for _, row := range summaryRows(s, statsDigits) {
		l, ok := v.values[row[0]]
		if !ok {
			l = widget.NewLabel("")
			v.values[row[0]] = l
			v.summary.Append(row[0], l)
		}
		setText(l, row[1])
	}
	v.rows = estimateRows(s, statsDigits)
	v.estimates.Refresh()
}

// summaryRows returns the fit's statistics as name and value, with digits
// significant digits (-1 for all).
func summaryRows(s *train.Snapshot, digits int) [][2]string {
	inf := s.Problem.Inference(s.Weights, 0.95)
	st := s.Stats
	num := func(v float64) string { return formatNumber(v, digits) }
	rows := [][2]string{
		{lang.L("Model"), s.Config.Model.String()},
		{lang.L("Optimizer"), lang.L(methodLabels[s.Config.Method])},
		{lang.L("Step"), strconv.Itoa(s.Step)},
		{lang.L("Points"), strconv.Itoa(inf.N)},
		{lang.L("Parameters"), strconv.Itoa(inf.Params)},
		{lang.L("Loss (SSE)"), num(s.Loss)},
		{lang.L("Optimum SSE"), num(st.OptimumSSE)},
		{lang.L("Gap to optimum (%)"), num(st.GapPercent)},
		{"RMSE", num(st.RMSE)},
		{lang.L("Residual standard deviation"), num(inf.Sigma)},
		{"R²", num(inf.R2)},
		{lang.L("Adjusted R²"), num(inf.AdjR2)},
		{"AIC", num(inf.AIC)},
		{"BIC", num(inf.BIC)},
	}
	if h := s.HeldOut; h.N > 0 {
		rows = append(rows,
			[2]string{lang.L("Held-out points"), strconv.Itoa(h.N)},
			[2]string{lang.L("Held-out RMSE"), num(h.RMSE)})
	}
	if t := trendText(s); t != "" {
		rows = append(rows, [2]string{lang.L("Trend"), t})
	}
	if c := inf.Coefficients; c.Variable == "t" {
		rows = append(rows, [2]string{lang.L("Coefficients in"), c.Definition()})
	}
	return rows
}

// estimateRows returns each coefficient with its standard error, t, p
// and 95% interval, header first, with digits significant digits (-1 for
// all).
func estimateRows(s *train.Snapshot, digits int) [][]string {
	inf := s.Problem.Inference(s.Weights, 0.95)
	rows := [][]string{{lang.L("Name"), lang.L("Term"), lang.L("Value"), lang.L("Std. error"), "t", "p", lang.L("95% lower"), lang.L("95% upper")}}
	num := func(v float64) string { return formatNumber(v, digits) }
	for _, e := range inf.Estimates {
		rows = append(rows, []string{e.Name, e.Term, num(e.Value), num(e.StdErr), num(e.T), formatP(e.P, digits), num(e.Lower), num(e.Upper)})
	}
	return rows
}

// formatNumber formats v with digits significant digits (-1 for all), or
// "—" when it is not a number.
func formatNumber(v float64, digits int) string {
	if math.IsNaN(v) {
		return "—"
	}
	return strconv.FormatFloat(v, 'g', digits, 64)
}

// formatP formats a p-value; below 1e-16 it is shown as "< 1e-16", the
// limit of its precision.
func formatP(p float64, digits int) string {
	if p < 1e-16 {
		return "< 1e-16"
	}
	return formatNumber(p, min(digits, 3))
}
