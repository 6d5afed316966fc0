package gui

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/session"
	"tempfit/core/train"
)

// equationDigits is the number of significant digits of the coefficients
// in the equation shown; the copy button copies them in full.
const equationDigits = 4

// statusBar is the bottom area: progress, loss, statistics, the fitted
// equation and a message line.
type statusBar struct {
	progress *widget.ProgressBar
	step     *widget.Label
	loss     *widget.Label
	best     *widget.Label
	gap      *widget.Label
	r2       *widget.Label
	speed    *widget.Label
	elapsed  *widget.Label
	equation *widget.Label
	facts    *widget.Label // held-out error and trend per decade
	copy     *widget.Button
	message  *widget.Label
	content  fyne.CanvasObject
}

// newStatusBar builds the status bar; its copy button calls onCopy.
func newStatusBar(onCopy func()) *statusBar {
	s := &statusBar{}
	s.step = widget.NewLabel("")
	s.progress = widget.NewProgressBar()
	s.progress.TextFormatter = func() string { return s.step.Text }
	s.loss = widget.NewLabel("")
	s.best = widget.NewLabel("")
	s.gap = widget.NewLabel("")
	s.r2 = widget.NewLabel("")
	s.speed = widget.NewLabel("")
	s.elapsed = widget.NewLabel("")
	s.equation = widget.NewLabel("")
	s.equation.Truncation = fyne.TextTruncateEllipsis
	s.equation.Selectable = true
	s.facts = widget.NewLabel("")
	s.facts.Truncation = fyne.TextTruncateEllipsis
	s.copy = widget.NewButtonWithIcon(lang.L("Copy coefficients"), theme.ContentCopyIcon(), onCopy)
	s.copy.Disable()
	s.message = widget.NewLabel("")
	s.message.Truncation = fyne.TextTruncateEllipsis

	numbers := container.NewGridWithColumns(6, s.loss, s.best, s.gap, s.r2, s.speed, s.elapsed)
	eq := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Fitted:")), s.copy, s.equation)
	s.content = container.NewVBox(widget.NewSeparator(), s.progress, numbers, eq, s.facts, s.message)
	return s
}

// show displays a snapshot; nil means there is no trainer.
func (s *statusBar) show(snap *train.Snapshot) {
	if snap == nil {
		for _, l := range []*widget.Label{s.step, s.loss, s.best, s.gap, s.r2, s.speed, s.elapsed, s.equation, s.facts} {
			setText(l, "")
		}
		s.progress.SetValue(0)
		s.copy.Disable()
		return
	}
	setText(s.step, lang.L("Step {{.Step}} / {{.Total}}", map[string]any{
		"Step": groupDigits(snap.Step), "Total": groupDigits(snap.Budget)}))
	if m, v := float64(max(snap.Budget, 1)), float64(min(snap.Step, snap.Budget)); m != s.progress.Max || v != s.progress.Value {
		s.progress.Max = m
		s.progress.SetValue(v)
	}
	st := snap.Stats
	setText(s.loss, lang.L("Loss {{.Value}}", map[string]any{"Value": formatLoss(snap.Loss)}))
	setText(s.best, lang.L("Best {{.Value}}", map[string]any{"Value": formatLoss(snap.BestLoss)}))
	if math.IsNaN(st.GapPercent) {
		setText(s.gap, lang.L("Gap to optimum —"))
	} else {
		setText(s.gap, lang.L("Gap to optimum {{.Value}}%", map[string]any{"Value": formatPercent(st.GapPercent)}))
	}
	if math.IsNaN(st.R2) {
		setText(s.r2, "R² —")
	} else {
		setText(s.r2, "R² "+strconv.FormatFloat(st.R2, 'f', 5, 64))
	}
	setText(s.speed, lang.L("{{.Value}} steps/s", map[string]any{"Value": groupDigits(int(math.Round(snap.StepsPerSecond)))}))
	setText(s.elapsed, lang.L("Elapsed {{.Value}}", map[string]any{"Value": formatDuration(snap.Elapsed)}))

	setText(s.equation, equationText(snap, equationDigits))
	setText(s.facts, factsText(snap))
	s.copy.Enable()
}

// equationText returns the fitted equation of a snapshot as the status
// bar shows it: in the user's x when its coefficients are exact, else in
// t with t's definition, and what x means on a date or month axis.
func equationText(snap *train.Snapshot, digits int) string {
	pr := snap.Problem
	if pr == nil {
		return ""
	}
	c := pr.Coefficients(snap.Weights)
	parts := []string{c.Equation(digits)}
	if c.Variable == "t" {
		parts = append(parts, c.Definition())
	}
	if p := axisPhrase(pr.Data.XAxis); p != "" {
		parts = append(parts, p)
	}
	return strings.Join(parts, "; ")
}

// axisPhrase says what x means on a date or month axis, in the user's
// language; "" for plain numbers.
func axisPhrase(a data.XAxis) string {
	switch {
	case a.IsTime():
		return lang.L("x = days since {{.Origin}}", map[string]any{"Origin": a.OriginText()})
	case a.Kind == data.MonthName:
		return lang.L("x = month (1 = January)")
	}
	return ""
}

// factsText returns the held-out error of a snapshot and, on a date axis
// with a linear trend, the trend per decade with its 95% interval.
func factsText(snap *train.Snapshot) string {
	var parts []string
	if h := snap.HeldOut; h.N > 0 {
		parts = append(parts, lang.L("Held out: {{.N}} points, RMSE {{.RMSE}}",
			map[string]any{"N": h.N, "RMSE": strconv.FormatFloat(h.RMSE, 'g', 4, 64)}))
	}
	if t := trendText(snap); t != "" {
		parts = append(parts, t)
	}
	return strings.Join(parts, " · ")
}

// trendText returns the trend per decade of a fit on a date axis whose
// trend is linear, such as "Trend +0.21 °C per decade (95%: 0.15 to
// 0.27)", or "".
func trendText(snap *train.Snapshot) string {
	pr := snap.Problem
	if pr == nil || !pr.Data.XAxis.IsTime() {
		return ""
	}
	e, err := pr.TrendPer(snap.Weights, fit.DaysPerDecade, 0.95)
	if err != nil || math.IsNaN(e.Value) {
		return ""
	}
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) }
	value := num(e.Value)
	if e.Value >= 0 {
		value = "+" + value
	}
	text := lang.L("Trend {{.Value}} {{.Unit}} per decade (95%: {{.Lower}} to {{.Upper}})", map[string]any{
		"Value": value, "Unit": unitOf(pr.Data.YName), "Lower": num(e.Lower), "Upper": num(e.Upper)})
	if pr.ShortForTrend() {
		text += " — " + lang.L("under two years of data, too short to tell a trend from the season")
	}
	return text
}

// unitOf returns the unit in a column name such as "temp (°C)" or
// "평균기온(°C)", or the name itself when it has none.
func unitOf(name string) string {
	if i := strings.LastIndex(name, "("); i >= 0 && strings.HasSuffix(name, ")") && i < len(name)-2 {
		return name[i+1 : len(name)-1]
	}
	return name
}

// setMessage shows text in the message line; "" leaves it blank.
func (s *statusBar) setMessage(text string, importance widget.Importance) {
	if s.message.Importance != importance {
		s.message.Importance = importance
		s.message.Refresh()
	}
	setText(s.message, text)
}

// setText sets a label's text, refreshing it only on a change.
func setText(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

// noticeText returns what to say about the session s in the status bar,
// with snap the snapshot shown: what went wrong and what to try, or ""
// when there is nothing to say.
func noticeText(s *session.Session, snap *train.Snapshot) (string, widget.Importance) {
	switch s.NoticeFor(snap) {
	case session.NoticeNoData:
		return lang.L("No row has both x and y: type numbers into the table to train."), widget.DangerImportance
	case session.NoticeCannotFit:
		return lang.L("This model cannot be fitted to the data: {{.Error}}", map[string]any{"Error": s.FitError().Error()}), widget.DangerImportance
	case session.NoticeSolved:
		return lang.L("Exact least-squares solution: no weights give a smaller loss."), widget.SuccessImportance
	case session.NoticeDiverged:
		return lang.L("Training diverged: the loss grew without bound. Try a smaller learning rate or scaled x, then press Reset."), widget.DangerImportance
	case session.NoticeFailed:
		msg := ""
		if snap.Err != nil {
			msg = snap.Err.Error()
		}
		return lang.L("Training failed: {{.Error}}", map[string]any{"Error": msg}), widget.DangerImportance
	case session.NoticeMinimum:
		return lang.L("Done: the optimizer reached the minimum."), widget.SuccessImportance
	case session.NoticeAllSteps:
		return lang.L("Done: all steps taken. Raise the steps to go on, or press Reset."), widget.MediumImportance
	case session.NoticeUnderdetermined:
		return lang.L("Fewer points than parameters: the curve can pass through every point, and the exact answer is one of many."), widget.WarningImportance
	case session.NoticeRankDeficient:
		return lang.L("Fewer distinct x values than parameters: the curve can pass through every point, and the exact answer is one of many."), widget.WarningImportance
	case session.NoticeDependentTerms:
		return lang.L("Some seasonal terms are the same at these x values (choose fewer harmonics or another period): the exact answer is one of many."), widget.WarningImportance
	case session.NoticeRead:
		return readNoteText(s.ReadNote()), widget.WarningImportance
	}
	return "", widget.MediumImportance
}

// readNoteText tells what reading the document's rows skipped, and the
// encoding of a file that was not UTF-8.
func readNoteText(n session.ReadNote) string {
	var parts []string
	if n.Missing > 0 {
		lines := make([]string, len(n.Lines))
		for i, l := range n.Lines {
			lines[i] = strconv.Itoa(l)
		}
		list := strings.Join(lines, ", ")
		if n.Missing > len(n.Lines) {
			list += ", …"
		}
		if n.Missing == 1 {
			parts = append(parts, lang.L("Skipped 1 row with a missing x or y (line {{.Lines}}).", map[string]any{"Lines": list}))
		} else {
			parts = append(parts, lang.L("Skipped {{.Count}} rows with a missing x or y (lines {{.Lines}}).",
				map[string]any{"Count": n.Missing, "Lines": list}))
		}
	}
	if n.Encoding != "" {
		parts = append(parts, lang.L("Read as {{.Encoding}}.", map[string]any{"Encoding": encodingLabel(n.Encoding)}))
	}
	return strings.Join(parts, " ")
}

// formatLoss formats a loss with six decimals, or in exponent form when it
// is large.
func formatLoss(v float64) string {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return "—"
	case math.Abs(v) >= 1e6:
		return strconv.FormatFloat(v, 'e', 4, 64)
	}
	return strconv.FormatFloat(v, 'f', 6, 64)
}

// formatPercent formats a percentage with about three significant digits.
func formatPercent(v float64) string {
	switch a := math.Abs(v); {
	case a >= 1e6:
		return strconv.FormatFloat(v, 'e', 2, 64)
	case a >= 100:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case a >= 1:
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
	return strconv.FormatFloat(v, 'f', 4, 64)
}

// formatDuration formats a duration as seconds with one decimal, or as
// minutes and seconds from a minute on.
func formatDuration(d time.Duration) string {
	if d < time.Minute {
		return lang.L("{{.Value}} s", map[string]any{"Value": strconv.FormatFloat(d.Seconds(), 'f', 1, 64)})
	}
	m := int(d / time.Minute)
	sec := int((d % time.Minute) / time.Second)
	return fmt.Sprintf("%d:%02d", m, sec)
}

// groupDigits formats n with a comma every three digits.
func groupDigits(n int) string {
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}
