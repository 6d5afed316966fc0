package gui

import (
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"tempfit/chart"
	"tempfit/core/fit"
	"tempfit/core/landscape"
	"tempfit/core/session"
)

// landscapeView is the Landscape tab: the loss over two chosen weights as
// contours, the others held at the optimum or at the current weights, with
// the main run's path drawn over it live, and the condition numbers that
// say how stretched the valley is on raw and on scaled x.
type landscapeView struct {
	session *session.Session
	publish func() // tells the bridge what the tab shows changed

	xWeight, yWeight *widget.Select
	hold             *widget.Select
	raw, scaled      *widget.Label // the condition numbers
	sentence         *widget.Label // what they mean
	message          *widget.Label // why there is no map
	chart            *chartView
	params           int            // the weights the selects offer
	shown            *landscape.Map // the map of the image shown
	content          fyne.CanvasObject
}

// newLandscapeView builds the Landscape tab for the session s; publish
// tells the bridge to draw again.
func newLandscapeView(s *session.Session, publish func()) *landscapeView {
	v := &landscapeView{session: s, publish: publish}
	v.xWeight = widget.NewSelect(nil, func(string) { v.publish() })
	v.yWeight = widget.NewSelect(nil, func(string) { v.publish() })
	// The other weights are held at the optimum, or at the current weights.
	v.hold = widget.NewSelect([]string{lang.L("The others at the optimum"), lang.L("The others at the current weights")}, func(string) { v.publish() })
	v.hold.Selected = v.hold.Options[0]
	v.raw = widget.NewLabel("—")
	v.scaled = widget.NewLabel("—")
	v.raw.TextStyle.Bold, v.scaled.TextStyle.Bold = true, true
	v.sentence = widget.NewLabel("")
	v.sentence.Wrapping = fyne.TextWrapWord
	v.message = widget.NewLabel("")
	v.message.Wrapping = fyne.TextWrapWord
	v.message.Importance = widget.WarningImportance
	v.message.Hide()
	v.chart = newChartView(publish)

	axes := container.NewHBox(widget.NewLabel(lang.L("Across:")), v.xWeight, widget.NewLabel(lang.L("Up:")), v.yWeight)
	numbers := container.NewHBox(widget.NewLabel(lang.L("Condition number of XᵀX: raw x")), v.raw,
		widget.NewLabel(lang.L("scaled x")), v.scaled)
	top := container.NewVBox(axes, v.hold, numbers, v.message)
	// Scrolled, so that a short window still shows every control.
	v.content = container.NewVScroll(container.NewBorder(top, v.sentence, nil, nil, v.chart))
	v.follow(session.Settings)
	return v
}

// follow offers the weights of the session's model when it changes.
func (v *landscapeView) follow(c session.Change) {
	if c&session.Settings == 0 {
		return
	}
	p := v.session.Config().Model.NumParams()
	if p == v.params {
		return
	}
	v.params = p
	names := make([]string, p)
	for i := range names {
		names[i] = "w" + strconv.Itoa(i)
	}
	i, j := landscape.DefaultAxes(p)
	v.xWeight.SetOptions(names)
	v.yWeight.SetOptions(names)
	if p >= 2 {
		// Quietly: the window publishes the view after every change.
		v.xWeight.Selected, v.yWeight.Selected = names[i], names[j]
		v.xWeight.Refresh()
		v.yWeight.Refresh()
	}
}

// axes returns the weights chosen for the axes, -1 for none.
func (v *landscapeView) axes() (i, j int) {
	return v.xWeight.SelectedIndex(), v.yWeight.SelectedIndex()
}

// drawing returns what the bridge draws for the tab.
func (v *landscapeView) drawing() landscapeDrawing {
	i, j := v.axes()
	d := landscapeDrawing{i: i, j: j, hold: landscape.AtOptimum, size: v.chart.pixels()}
	if v.hold.Selected == v.hold.Options[1] {
		d.hold = landscape.AtCurrent
	}
	d.labels = chart.LandscapeLabels{Path: lang.L("Path"), Current: lang.L("Now"), Optimum: lang.L("Exact optimum")}
	return d
}

// show displays the tab's part of a frame; nil changes nothing.
func (v *landscapeView) show(f *landscapeFrame) {
	if f == nil {
		return
	}
	if f.condErr == nil && f.snap != nil && f.snap.Problem != nil {
		setText(v.raw, conditionText(f.cond.Raw))
		setText(v.scaled, conditionText(f.cond.Scaled))
		setText(v.sentence, conditionSentence(f.cond))
	}
	switch {
	case f.snap == nil || f.snap.Problem == nil:
		v.say(lang.L("There is no model to map: the table needs rows with both x and y."))
	case f.snap.Problem.NumParams() < 2:
		v.say(lang.L("The model has one weight: a map needs two."))
	case f.err != nil:
		v.say(f.err.Error())
	default:
		v.say("")
	}
	if f.m != nil && f.img != nil {
		v.shown = f.m
		v.chart.setImage(f.img)
	}
}

// say shows why there is no map; "" hides it.
func (v *landscapeView) say(text string) {
	if text == "" {
		v.message.Hide()
		return
	}
	setText(v.message, text)
	v.message.Show()
}

// conditionText writes a condition number briefly, as
// landscape.FormatCondition does, in the user's language.
func conditionText(k float64) string {
	if math.IsInf(k, 1) {
		return lang.L("infinite")
	}
	return landscape.FormatCondition(k)
}

// conditionSentence returns one sentence giving the condition numbers and
// what they mean, in the user's language; in English it is
// landscape.Conditioning.Sentence.
func conditionSentence(c landscape.Conditioning) string {
	if c.Model.Kind != fit.Polynomial {
		return lang.L("XᵀX has condition number {{.Value}}: that is how many times more steeply the loss curves along its steepest direction than along its flattest, and gradient descent needs steps in proportion to it, so the valley is {{.Shape}}.",
			map[string]any{"Value": conditionText(c.Raw), "Shape": valleyShape(c.Raw)})
	}
	return lang.L("XᵀX has condition number {{.Raw}} on raw x and {{.Scaled}} on scaled x: that is how many times more steeply the loss curves along its steepest direction than along its flattest, and gradient descent needs steps in proportion to it, so on raw x the valley is {{.RawShape}} and on scaled x it is {{.ScaledShape}}.",
		map[string]any{"Raw": conditionText(c.Raw), "Scaled": conditionText(c.Scaled), "RawShape": valleyShape(c.Raw), "ScaledShape": valleyShape(c.Scaled)})
}

// valleyShape names the shape of a valley of condition number k, at the
// thresholds of landscape.Conditioning.Sentence.
func valleyShape(k float64) string {
	switch {
	case k < 1e3:
		return lang.L("nearly round")
	case k < 1e6:
		return lang.L("a long oval bowl")
	}
	return lang.L("a thin, tilted trough")
}
