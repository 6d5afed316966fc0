package gui

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tempfit/core/fit"
	"tempfit/core/optim"
	"tempfit/core/race"
	"tempfit/core/session"
)

// raceMethods are the optimizers a race can be made of, in the order the
// form offers them; the exact solve takes one step and has nothing to race.
var raceMethods = []optim.Kind{optim.Adam, optim.GradientDescent, optim.Momentum, optim.Nesterov, optim.Adagrad, optim.RMSProp, optim.LBFGS}

// raceDefaults are the optimizers the form starts with.
var raceDefaults = []optim.Kind{optim.Adam, optim.GradientDescent, optim.Momentum, optim.RMSProp, optim.LBFGS}

// raceView is the Race tab: several optimizers trained side by side on the
// document's points from the same starting weights, with a table of how
// fast each comes near the optimum and their losses and curves on charts.
type raceView struct {
	session *session.Session
	publish func() // tells the bridge what the tab shows changed

	preset      *widget.Button
	about       *widget.Label // what the preset shows, while there is no race
	choices     []raceChoice
	raw, scaled *widget.Check
	start       *widget.Button // races the runs chosen
	startAll    *widget.Button // starts every run, or pauses them all
	end         *widget.Button
	again       *widget.Button // races the last runs again, after the race ended
	message     *widget.Label
	rows        *fyne.Container
	runRows     []*runRow
	shown       *race.Race   // the race the rows are of
	last        func() error // makes the last race started again
	loss, fit   *chartView
	views       *container.AppTabs // the table, the loss chart and the fit chart
	content     fyne.CanvasObject
}

// raceChoice is one optimizer of the form, with its learning rate.
type raceChoice struct {
	method optim.Kind
	check  *widget.Check
	rate   *widget.Entry // nil for an optimizer without a learning rate
}

// newRaceView builds the Race tab for the session s; publish tells the
// bridge to draw again.
func newRaceView(s *session.Session, publish func()) *raceView {
	v := &raceView{session: s, publish: publish}
	v.preset = widget.NewButton(lang.L("The book's problem, raw against scaled"), v.onPreset)
	v.preset.Importance = widget.HighImportance
	v.about = widget.NewLabel(lang.L("Five runs of the book's degree-4 polynomial from zero weights: Adam at the book's learning rate and at a hundred times it, each on raw and on scaled x, and L-BFGS on scaled x. Scaling, not the optimizer, is what the book was missing."))
	v.about.Wrapping = fyne.TextWrapWord

	form := container.NewGridWithColumns(2)
	for _, k := range raceMethods {
		c := raceChoice{method: k, check: widget.NewCheck(lang.L(methodLabels[k]), nil)}
		c.check.Checked = slices.Contains(raceDefaults, k)
		form.Add(c.check)
		if optim.UsesLearningRate(k) {
			c.rate = widget.NewEntry()
			c.rate.SetText(strconv.FormatFloat(optim.DefaultLearningRate(k), 'g', -1, 64))
			form.Add(c.rate)
		} else {
			form.Add(widget.NewLabel(""))
		}
		v.choices = append(v.choices, c)
	}
	v.raw = widget.NewCheck(lang.L(scalingLabels[fit.Raw]), nil)
	v.scaled = widget.NewCheck(lang.L(scalingLabels[fit.Scaled]), nil)
	v.raw.Checked, v.scaled.Checked = true, true
	v.start = widget.NewButtonWithIcon(lang.L("Race these"), theme.MediaPlayIcon(), v.onStart)
	intro := widget.NewLabel(lang.L("Optimizers and learning rates, with the model and steps of the settings:"))
	intro.Wrapping = fyne.TextWrapWord
	choose := container.NewVBox(intro, form, container.NewHBox(v.raw, v.scaled), container.NewHBox(v.start))
	runs := widget.NewAccordion(widget.NewAccordionItem(lang.L("Choose the runs"), choose))

	v.startAll = widget.NewButtonWithIcon(lang.L("Start all"), theme.MediaPlayIcon(), v.onStartPauseAll)
	v.end = widget.NewButtonWithIcon(lang.L("End"), theme.CancelIcon(), s.DropRace)
	v.again = widget.NewButtonWithIcon(lang.L("Race again"), theme.ViewRefreshIcon(), v.onAgain)
	v.again.Hide()
	v.message = widget.NewLabel("")
	v.message.Wrapping = fyne.TextWrapWord
	v.message.Hide()

	v.rows = container.NewVBox(raceHeader())
	v.loss = newChartView(publish)
	v.fit = newChartView(publish)
	// One of the table and the two charts at a time, each with room to
	// be read; the bridge draws only the chart shown.
	v.views = container.NewAppTabs(
		container.NewTabItem(lang.L("Runs"), container.NewScroll(v.rows)),
		container.NewTabItem(lang.L("Loss"), v.loss),
		container.NewTabItem(lang.L("Fit"), v.fit))
	v.views.OnSelected = func(*container.TabItem) { v.publish() }
	top := container.NewVBox(container.NewHBox(v.preset, v.startAll, v.end), v.about, runs,
		container.NewHBox(v.again), v.message)
	// Scrolled, so that the form opened never makes the window taller.
	v.content = container.NewVScroll(container.NewBorder(top, nil, nil, nil, v.views))
	v.follow(session.Race | session.Settings)
	return v
}

// onPreset races the book's preset on the document's points.
func (v *raceView) onPreset() {
	_ = v.beginPreset(race.BookPreset()) // begin shows the error
}

// beginPreset races the preset p on the document's points.
func (v *raceView) beginPreset(p race.Preset) error {
	return v.begin(func() error { return v.session.NewRaceFromPreset(p) })
}

// onStart races the runs chosen in the form.
func (v *raceView) onStart() {
	specs, err := v.specs()
	if err != nil {
		v.say(err.Error(), widget.DangerImportance)
		return
	}
	_ = v.begin(func() error { return v.session.NewRace(specs) }) // begin shows the error
}

// onAgain races the last runs again on the document's points.
func (v *raceView) onAgain() {
	if v.last != nil {
		_ = v.begin(v.last) // begin shows the error
	}
}

// begin makes a race with newRace and starts it, or says why it cannot.
func (v *raceView) begin(newRace func() error) error {
	if err := newRace(); err != nil {
		v.say(raceErrorText(err), widget.DangerImportance)
		return err
	}
	v.last = newRace
	v.session.Race().Start()
	v.changed()
	return nil
}

// onStartPauseAll pauses every run when one trains, or else starts them
// all.
func (v *raceView) onStartPauseAll() {
	r := v.session.Race()
	if r == nil {
		return
	}
	if anyRunning(raceShots(r)) {
		r.Pause()
	} else {
		r.Start()
	}
	v.changed()
}

// changed shows at once what a command did to the runs.
func (v *raceView) changed() {
	v.rebuild()
	v.showButtons()
	v.publish()
}

// specs returns the runs the form chooses.
func (v *raceView) specs() ([]race.Spec, error) {
	var features []fit.Scaling
	if v.session.Config().Model.Kind == fit.Seasonal {
		features = []fit.Scaling{""} // the model's own: raw
	} else {
		if v.raw.Checked {
			features = append(features, fit.Raw)
		}
		if v.scaled.Checked {
			features = append(features, fit.Scaled)
		}
		if len(features) == 0 {
			return nil, errors.New(lang.L("Choose raw x, scaled x or both."))
		}
	}
	var specs []race.Spec
	for _, c := range v.choices {
		if !c.check.Checked {
			continue
		}
		spec := race.Spec{Method: c.method}
		if c.rate != nil {
			text := strings.TrimSpace(c.rate.Text)
			lr, err := strconv.ParseFloat(text, 64)
			if err != nil || !(lr > 0) || math.IsInf(lr, 0) {
				return nil, errors.New(lang.L("The learning rate of {{.Optimizer}} must be a positive number, not “{{.Text}}”.",
					map[string]any{"Optimizer": lang.L(methodLabels[c.method]), "Text": text}))
			}
			spec.LearningRate = lr
		}
		for _, f := range features {
			spec.Features = f
			specs = append(specs, spec)
		}
	}
	switch {
	case len(specs) == 0:
		return nil, errors.New(lang.L("Choose at least one optimizer."))
	case len(specs) > race.MaxRuns:
		return nil, errors.New(lang.L("{{.Count}} runs are more than the {{.Max}} a race holds: choose fewer.",
			map[string]any{"Count": len(specs), "Max": race.MaxRuns}))
	}
	return specs, nil
}

// follow shows a change of the session: a race made, dropped or ended,
// or another model, whose scaling the form follows.
func (v *raceView) follow(c session.Change) {
	if c&session.Settings != 0 {
		if v.session.Config().Model.Kind == fit.Seasonal {
			v.raw.Disable()
			v.scaled.Disable()
		} else {
			v.raw.Enable()
			v.scaled.Enable()
		}
	}
	if c&session.Race == 0 {
		return
	}
	v.rebuild()
	v.showButtons()
	if v.session.Race() == nil {
		v.about.Show()
	} else {
		v.about.Hide()
	}
	switch err := v.session.RaceEnded(); {
	case err != nil:
		v.say(raceErrorText(err), widget.WarningImportance)
		if v.last != nil {
			v.again.Show()
		}
	default:
		v.say("", widget.MediumImportance)
		v.again.Hide()
	}
}

// rebuild makes the table's rows follow the runs of the session's race:
// a row for each run, in their order, kept while the run is in the race.
func (v *raceView) rebuild() {
	r := v.session.Race()
	var runs []*race.Run
	if r != nil {
		runs = r.Runs()
	}
	if r == v.shown && sameRuns(runs, v.runRows) {
		return
	}
	kept := map[int]*runRow{}
	if r == v.shown {
		for _, row := range v.runRows {
			kept[row.id] = row
		}
	}
	v.shown = r
	v.runRows = nil
	objects := []fyne.CanvasObject{v.rows.Objects[0]}
	for _, run := range runs {
		row := kept[run.ID]
		if row == nil {
			row = newRunRow(r, run, runLabel(run.Spec, r.Model()), v.changed)
		}
		v.runRows = append(v.runRows, row)
		objects = append(objects, row.content)
	}
	v.rows.Objects = objects
	v.rows.Refresh()
}

// sameRuns reports whether rows are the rows of runs, in order.
func sameRuns(runs []*race.Run, rows []*runRow) bool {
	if len(runs) != len(rows) {
		return false
	}
	for i, run := range runs {
		if rows[i].id != run.ID {
			return false
		}
	}
	return true
}

// showButtons enables the buttons that act on the race as it stands.
func (v *raceView) showButtons() {
	r := v.session.Race()
	if r == nil || len(v.runRows) == 0 {
		v.startAll.Disable()
	} else {
		v.startAll.Enable()
	}
	if r == nil {
		v.end.Disable()
	} else {
		v.end.Enable()
	}
	if r != nil && anyRunning(raceShots(r)) {
		v.startAll.SetText(lang.L("Pause all"))
		v.startAll.SetIcon(theme.MediaPauseIcon())
	} else {
		v.startAll.SetText(lang.L("Start all"))
		v.startAll.SetIcon(theme.MediaPlayIcon())
	}
}

// say shows text under the buttons; "" hides it.
func (v *raceView) say(text string, importance widget.Importance) {
	if text == "" {
		v.message.Hide()
		return
	}
	v.message.Importance = importance
	v.message.SetText(text)
	v.message.Show()
}

// drawing returns what the bridge draws for the tab, with the chart
// texts of cs: the chart shown, if any.
func (v *raceView) drawing(cs chartSettings) raceDrawing {
	d := raceDrawing{race: v.session.Race(), chart: cs}
	switch v.views.Selected().Content {
	case v.loss:
		d.lossSize = v.loss.pixels()
	case v.fit:
		d.fitSize = v.fit.pixels()
	}
	return d
}

// show displays the tab's part of a frame; nil, or a frame of a race that
// has been replaced, changes nothing.
func (v *raceView) show(f *raceFrame) {
	if f == nil || f.race != v.session.Race() {
		return
	}
	v.loss.setImage(f.loss)
	v.fit.setImage(f.fit)
	v.rebuild()
	v.showButtons()
	if v.views.Selected().Content == v.loss || v.views.Selected().Content == v.fit {
		return // the table is hidden: it shows the next frame when selected
	}
	for _, s := range f.summaries {
		for _, row := range v.runRows {
			if row.id == s.ID {
				row.show(s)
			}
		}
	}
}

// raceErrorText returns why a race could not be made, or ended, in the
// user's language.
func raceErrorText(err error) string {
	switch {
	case errors.Is(err, session.ErrRaceReplaced):
		return lang.L("The race ended: another document replaced the points it was run on.")
	case errors.Is(err, session.ErrRaceDataChanged):
		return lang.L("The race ended because its points were edited: its steps to the optimum would compare runs on different data. Race again on the points as they are now.")
	case errors.Is(err, session.ErrNoFit):
		return lang.L("A race needs points: the table has no row with both x and y.")
	}
	var few *session.TooFewPointsError
	if errors.As(err, &few) {
		return modelErrorText(err)
	}
	return errorText(err)
}
