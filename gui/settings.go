package gui

import (
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tempfit/core/fit"
	"tempfit/core/optim"
	"tempfit/core/session"
	"tempfit/core/train"
)

// Bounds of the learning-rate slider, as powers of ten.
const (
	minLogRate = -5
	maxLogRate = 1
)

// settingsPanel is the middle area: the model, the optimizer and its
// learning rate, the steps and speed, and the buttons that run training.
type settingsPanel struct {
	session     *session.Session
	changeModel func(fit.Model, optim.Kind) // asks before a reset, then changes

	kind      *widget.RadioGroup
	degree    *widget.Select
	harmonics *widget.Select
	trend     *widget.Select
	period    *fieldEntry
	scaling   *widget.RadioGroup
	method    *widget.Select
	about     *widget.Label
	rate      *fieldEntry
	rateBar   *widget.Slider
	steps     *fieldEntry
	speed     *widget.RadioGroup
	warning   *widget.Label

	startPause *widget.Button
	step       *widget.Button
	reset      *widget.Button
	solve      *widget.Button

	hold *holdPanel

	degreeRow, seasonalRow, scalingRow fyne.CanvasObject
	box                                *fyne.Container
	content                            fyne.CanvasObject

	quiet bool // set while the panel changes its own widgets

	shown      train.State // the state the buttons show
	shownReady bool        // whether they show a trainer
	shownOnce  bool
}

// newSettingsPanel builds the settings area for the session s; a change
// of model or optimizer goes to changeModel.
func newSettingsPanel(s *session.Session, changeModel func(fit.Model, optim.Kind)) *settingsPanel {
	p := &settingsPanel{session: s, changeModel: changeModel}
	p.hold = newHoldPanel(s, p.setWarning)

	p.kind = widget.NewRadioGroup([]string{lang.L(kindLabels[fit.Polynomial]), lang.L(kindLabels[fit.Seasonal])}, p.onModel)
	p.kind.Horizontal = true
	p.kind.Required = true
	var degrees, harmonics []string
	for d := 0; d <= fit.MaxDegree; d++ {
		degrees = append(degrees, strconv.Itoa(d))
	}
	for k := 1; k <= fit.MaxHarmonics; k++ {
		harmonics = append(harmonics, strconv.Itoa(k))
	}
	p.degree = widget.NewSelect(degrees, p.onModel)
	p.harmonics = widget.NewSelect(harmonics, p.onModel)
	p.period = newFieldEntry(func(string) { p.onModel("") })
	var trends []string
	for d := 0; d <= fit.MaxTrend; d++ {
		trends = append(trends, strconv.Itoa(d))
	}
	p.trend = widget.NewSelect(trends, p.onModel)
	p.scaling = widget.NewRadioGroup([]string{lang.L(scalingLabels[fit.Raw]), lang.L(scalingLabels[fit.Scaled])}, p.onModel)
	p.scaling.Required = true

	var methods []string
	for _, k := range optim.Kinds() {
		methods = append(methods, lang.L(methodLabels[k]))
	}
	p.method = widget.NewSelect(methods, p.onMethod)
	p.about = widget.NewLabel("")
	p.about.Wrapping = fyne.TextWrapWord
	p.about.SizeName = theme.SizeNameCaptionText

	p.rate = newFieldEntry(p.onRateText)
	p.rateBar = widget.NewSlider(minLogRate, maxLogRate)
	p.rateBar.Step = 0.01
	p.rateBar.OnChanged = p.onRateSlider
	p.steps = newFieldEntry(p.onSteps)
	p.speed = widget.NewRadioGroup([]string{lang.L("Animated (about 5 s)"), lang.L("Max")}, p.onSpeed)
	p.speed.Horizontal = true
	p.speed.Required = true

	p.warning = widget.NewLabel("")
	p.warning.Wrapping = fyne.TextWrapWord
	p.warning.Importance = widget.WarningImportance
	p.warning.Hide()

	p.startPause = widget.NewButtonWithIcon(lang.L("Start"), theme.MediaPlayIcon(), s.StartPause)
	p.startPause.Importance = widget.HighImportance
	p.step = widget.NewButtonWithIcon(lang.X("Step button", "Step"), theme.MediaSkipNextIcon(), s.Step)
	p.reset = widget.NewButtonWithIcon(lang.L("Reset"), theme.MediaReplayIcon(), s.Reset)
	p.solve = widget.NewButtonWithIcon(lang.L("Solve exactly"), theme.ConfirmIcon(), s.Solve)

	p.degreeRow = widget.NewForm(widget.NewFormItem(lang.L("Degree"), p.degree))
	p.seasonalRow = widget.NewForm(
		widget.NewFormItem(lang.L("Trend degree"), p.trend),
		widget.NewFormItem(lang.L("Harmonics"), p.harmonics),
		widget.NewFormItem(lang.L("Period"), p.period))
	p.scalingRow = widget.NewForm(widget.NewFormItem(lang.L("x scaling"), p.scaling))

	heading := func(s string) *widget.Label {
		l := widget.NewLabel(s)
		l.TextStyle.Bold = true
		return l
	}
	p.box = container.NewVBox(
		heading(lang.L("Model")),
		p.kind,
		p.degreeRow,
		p.seasonalRow,
		p.scalingRow,
		p.hold.content,
		widget.NewSeparator(),
		heading(lang.L("Optimizer")),
		p.method,
		p.about,
		widget.NewForm(
			widget.NewFormItem(lang.L("Learning rate"), p.rate),
			widget.NewFormItem("", p.rateBar),
			widget.NewFormItem(lang.L("Steps"), p.steps),
		),
		p.speed,
		p.warning,
		widget.NewSeparator(),
		container.NewGridWithColumns(2, p.startPause, p.step, p.reset, p.solve),
	)
	p.content = container.NewVScroll(container.NewPadded(p.box))
	p.show(s.Config())
	return p
}

// show sets every widget from cfg without reacting to the changes.
func (p *settingsPanel) show(cfg train.Config) {
	p.quiet = true
	defer func() { p.quiet = false }()
	m := cfg.Model
	p.kind.SetSelected(lang.L(kindLabels[m.Kind]))
	p.degree.SetSelected(strconv.Itoa(m.Degree))
	p.harmonics.SetSelected(strconv.Itoa(max(m.Harmonics, 1)))
	p.trend.SetSelected(strconv.Itoa(m.Trend))
	period := m.Period
	if !(period > 0) {
		period = fit.DefaultPeriod
	}
	p.period.SetText(strconv.FormatFloat(period, 'g', -1, 64))
	p.period.accepted = p.period.Text
	scaling := m.Scaling
	if scaling == "" {
		scaling = fit.Raw
	}
	p.scaling.SetSelected(lang.L(scalingLabels[scaling]))
	p.method.SetSelected(lang.L(methodLabels[cfg.Method]))
	p.showRate(cfg.LearningRate)
	p.steps.SetText(strconv.Itoa(cfg.Steps))
	p.steps.accepted = p.steps.Text
	if cfg.Pace > 0 {
		p.speed.SetSelected(lang.L("Animated (about 5 s)"))
	} else {
		p.speed.SetSelected(lang.L("Max"))
	}
	p.showKind(m.Kind)
	p.showScaling(m)
	p.showMethod(cfg.Method)
	p.hold.show(p.session.HoldOut())
}

// showScaling enables the x scaling where it changes the features: for a
// polynomial, and for a seasonal model with a trend.
func (p *settingsPanel) showScaling(m fit.Model) {
	if m.Kind == fit.Polynomial || m.Trend > 0 {
		p.scaling.Enable()
	} else {
		p.scaling.Disable()
	}
}

// showKind shows the rows that belong to a model family.
func (p *settingsPanel) showKind(k fit.Kind) {
	seasonal := k == fit.Seasonal
	if seasonal == p.seasonalRow.Visible() && seasonal != p.degreeRow.Visible() {
		return
	}
	if seasonal {
		p.degreeRow.Hide()
		p.seasonalRow.Show()
	} else {
		p.degreeRow.Show()
		p.seasonalRow.Hide()
	}
	if p.content != nil {
		p.content.Refresh()
	}
}

// showMethod shows the help of an optimizer and enables the learning rate
// if it has one.
func (p *settingsPanel) showMethod(k optim.Kind) {
	p.about.SetText(lang.L(methodHelp[k]))
	if optim.UsesLearningRate(k) {
		p.rate.Enable()
		p.rateBar.Enable()
	} else {
		p.rate.Disable()
		p.rateBar.Disable()
	}
}

// showRate shows a learning rate in the entry and on the slider.
func (p *settingsPanel) showRate(lr float64) {
	quiet := p.quiet
	p.quiet = true
	defer func() { p.quiet = quiet }()
	if !(lr > 0) {
		p.rate.SetText("")
		p.rate.accepted = ""
		return
	}
	p.rate.SetText(strconv.FormatFloat(lr, 'g', 4, 64))
	p.rate.accepted = p.rate.Text
	p.rateBar.SetValue(max(minLogRate, min(maxLogRate, math.Log10(lr))))
}

// showState sets the buttons for a run's state.
func (p *settingsPanel) showState(s train.State, haveTrainer bool) {
	if p.shownOnce && s == p.shown && haveTrainer == p.shownReady {
		return
	}
	p.shown, p.shownReady, p.shownOnce = s, haveTrainer, true
	if s == train.Running {
		p.startPause.SetText(lang.L("Pause"))
		p.startPause.SetIcon(theme.MediaPauseIcon())
		p.step.Disable()
	} else {
		if s == train.Paused || s == train.Stopped {
			p.startPause.SetText(lang.L("Resume"))
		} else {
			p.startPause.SetText(lang.L("Start"))
		}
		p.startPause.SetIcon(theme.MediaPlayIcon())
		p.step.Enable()
	}
	if haveTrainer && !s.Finished() || s == train.Running {
		p.startPause.Enable()
	} else {
		p.startPause.Disable()
	}
	if !haveTrainer || s == train.Diverged || s == train.Failed || s == train.Done {
		p.step.Disable()
	}
	if haveTrainer {
		p.reset.Enable()
		p.solve.Enable()
	} else {
		p.reset.Disable()
		p.solve.Disable()
	}
}

// model returns the model the widgets describe, or ok false when the
// period is not a positive number.
func (p *settingsPanel) model() (m fit.Model, ok bool) {
	m.Kind = fit.Polynomial
	if p.kind.Selected == lang.L(kindLabels[fit.Seasonal]) {
		m.Kind = fit.Seasonal
	}
	m.Degree, _ = strconv.Atoi(p.degree.Selected)
	m.Harmonics, _ = strconv.Atoi(p.harmonics.Selected)
	m.Scaling = fit.Raw
	if p.scaling.Selected == lang.L(scalingLabels[fit.Scaled]) {
		m.Scaling = fit.Scaled
	}
	period, err := strconv.ParseFloat(strings.TrimSpace(p.period.Text), 64)
	if err != nil || !(period > 0) || math.IsInf(period, 0) {
		return m, false
	}
	m.Period = period
	if m.Kind == fit.Seasonal {
		m.Trend, _ = strconv.Atoi(p.trend.Selected)
		if m.Trend == 0 {
			m.Scaling = fit.Raw // the harmonics do not use it
		}
	}
	return m, true
}

// methodKind returns the optimizer selected.
func (p *settingsPanel) methodKind() optim.Kind {
	for _, k := range optim.Kinds() {
		if p.method.Selected == lang.L(methodLabels[k]) {
			return k
		}
	}
	return optim.Adam
}

// animated reports whether the animated speed is selected.
func (p *settingsPanel) animated() bool {
	return p.speed.Selected == lang.L("Animated (about 5 s)")
}

// setWarning shows a warning under the settings, or hides it for "".
func (p *settingsPanel) setWarning(text string) {
	if text == "" {
		if p.warning.Visible() {
			p.warning.Hide()
			p.content.Refresh()
		}
		return
	}
	p.warning.SetText(text)
	if !p.warning.Visible() {
		p.warning.Show()
		p.content.Refresh()
	}
}

// onModel handles a change of model family, degree, harmonics, period or
// scaling.
func (p *settingsPanel) onModel(string) {
	if p.quiet {
		return
	}
	m, ok := p.model()
	if !ok {
		p.setWarning(lang.L("The period must be a positive number."))
		p.show(p.session.Config())
		return
	}
	p.showKind(m.Kind)
	p.showScaling(m)
	p.changeModel(m, p.session.Config().Method)
}

// onMethod handles a change of optimizer.
func (p *settingsPanel) onMethod(string) {
	if p.quiet {
		return
	}
	k := p.methodKind()
	p.changeModel(p.session.Config().Model, k)
}

// onRateText applies a learning rate typed in.
func (p *settingsPanel) onRateText(text string) {
	if p.quiet {
		return
	}
	lr, err := strconv.ParseFloat(strings.TrimSpace(text), 64)
	if err != nil || !(lr > 0) || math.IsInf(lr, 0) {
		p.setWarning(lang.L("The learning rate must be a positive number, such as 0.001."))
		p.showRate(p.session.Config().LearningRate)
		return
	}
	p.setWarning("")
	p.showRate(lr)
	p.setLearningRate(lr)
}

// onRateSlider applies a learning rate chosen on the log-scale slider.
func (p *settingsPanel) onRateSlider(v float64) {
	if p.quiet {
		return
	}
	lr, _ := strconv.ParseFloat(strconv.FormatFloat(math.Pow(10, v), 'g', 3, 64), 64)
	quiet := p.quiet
	p.quiet = true
	p.rate.SetText(strconv.FormatFloat(lr, 'g', -1, 64))
	p.rate.accepted = p.rate.Text
	p.quiet = quiet
	p.setLearningRate(lr)
}

// setLearningRate applies a new learning rate, also to a running trainer.
func (p *settingsPanel) setLearningRate(lr float64) {
	if err := p.session.SetLearningRate(lr); err != nil {
		p.setWarning(err.Error())
	}
}

// onSteps applies a step budget typed in.
func (p *settingsPanel) onSteps(text string) {
	if p.quiet {
		return
	}
	n, err := strconv.Atoi(strings.TrimSpace(strings.ReplaceAll(text, ",", "")))
	if err != nil || n <= 0 {
		p.setWarning(lang.L("The number of steps must be a whole number above 0."))
		p.steps.SetText(strconv.Itoa(p.session.Config().Steps))
		p.steps.accepted = p.steps.Text
		return
	}
	p.setWarning("")
	p.session.SetSteps(n)
}

// onSpeed applies the speed chosen.
func (p *settingsPanel) onSpeed(string) {
	if p.quiet {
		return
	}
	p.session.SetAnimated(p.animated())
}
