package gui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"tempfit/core/fit"
	"tempfit/core/optim"
	"tempfit/core/race"
	"tempfit/core/train"
)

// raceWindow returns a synchronous window at the maximum speed with the
// Race tab shown.
func raceWindow(t testing.TB) *MainWindow {
	t.Helper()
	w := windowAt(t, 1280, 800)
	setMax(t, w)
	w.selectTab(w.race.content)
	w.Sync()
	return w
}

// rowTexts returns the texts of a run's row: run, state, step, within 1%,
// within 0.1%, best loss, gap, time.
func rowTexts(row *runRow) []string {
	texts := make([]string, len(row.cells))
	for i, c := range row.cells {
		texts[i] = c.Text
	}
	return texts
}

// chooseRuns checks the optimizers given in the race form and unchecks
// the others.
func chooseRuns(w *MainWindow, methods ...optim.Kind) {
	for _, c := range w.race.choices {
		c.check.SetChecked(false)
		for _, m := range methods {
			if c.method == m {
				c.check.SetChecked(true)
			}
		}
	}
}

// stateOf returns the state of run id of the window's race.
func stateOf(t testing.TB, w *MainWindow, id int) train.State {
	t.Helper()
	run := w.session.Race().Run(id)
	if run == nil {
		t.Fatalf("no run %d", id)
	}
	return run.Snapshot().State
}

func TestBookPresetRacesFiveRuns(t *testing.T) {
	w := raceWindow(t)
	test.Tap(w.race.preset)
	r := w.session.Race()
	if r == nil {
		t.Fatalf("no race: %s", w.race.message.Text)
	}
	want := []string{"adam 0.001 raw x", "adam 0.1 raw x", "adam 0.001 scaled x", "adam 0.1 scaled x", "lbfgs scaled x"}
	if len(w.race.runRows) != len(want) {
		t.Fatalf("%d rows, want %d", len(w.race.runRows), len(want))
	}
	for i, row := range w.race.runRows {
		if got := row.cells[0].Text; got != want[i] {
			t.Errorf("row %d is %q, want %q", i, got, want[i])
		}
	}
	if w.race.startAll.Text != "Pause all" {
		t.Errorf("the race runs and the button says %q", w.race.startAll.Text)
	}
	r.Wait()
	w.Sync()

	// The table tells the book's lesson: the raw runs never come within
	// 0.1%, the scaled ones do, Adam at the larger rate in under 3,000
	// steps and L-BFGS in a few dozen.
	rows := map[string][]string{}
	for _, row := range w.race.runRows {
		rows[row.cells[0].Text] = rowTexts(row)
	}
	for _, raw := range want[:2] {
		if got := rows[raw][4]; got != "—" {
			t.Errorf("%s came within 0.1%% at step %s", raw, got)
		}
	}
	for _, scaled := range want[2:] {
		if got := rows[scaled][4]; got == "—" {
			t.Errorf("%s never came within 0.1%%: %v", scaled, rows[scaled])
		}
	}
	for _, s := range r.Summaries() {
		texts := rows[runLabel(r.Run(s.ID).Spec, r.Model())]
		if texts[1] != stateText(s.State) || texts[2] != groupDigits(s.Step) ||
			texts[5] != formatLoss(s.BestLoss) || texts[6] != formatPercent(s.GapPercent) || texts[7] != formatDuration(s.Elapsed) {
			t.Errorf("row %v for %+v", texts, s)
		}
		if s.State != train.Done {
			t.Errorf("%s ended %v", s.Label, s.State)
		}
	}
	if fast := r.Summaries()[3].StepsWithinTenthPct; fast < 0 || fast > 3000 {
		t.Errorf("Adam 0.1 on scaled x needed %d steps to come within 0.1%%", fast)
	}
	if w.race.startAll.Text != "Start all" {
		t.Errorf("every run is done and the button says %q", w.race.startAll.Text)
	}
}

func TestRaceChartsAreDrawnAtTheirSize(t *testing.T) {
	w := raceWindow(t)
	test.Tap(w.race.preset)
	w.session.Race().Wait()
	for _, c := range []struct {
		name string
		view *chartView
		size func(*view) pixelSize
	}{
		{"loss", w.race.loss, func(v *view) pixelSize { return v.race.lossSize }},
		{"fit", w.race.fit, func(v *view) pixelSize { return v.race.fitSize }},
	} {
		for _, item := range w.race.views.Items {
			if item.Content == c.view {
				w.race.views.Select(item)
			}
		}
		w.Sync()
		v := w.bridge.view.Load()
		size := c.size(v)
		if size.w < 200 || size.h < 200 {
			t.Errorf("%s chart drawn at %v", c.name, size)
			continue
		}
		if v.race.lossSize.w > 0 && v.race.fitSize.w > 0 {
			t.Errorf("both charts drawn while one is shown")
		}
		img := c.view.image.Image
		if img == nil {
			t.Errorf("no %s chart", c.name)
			continue
		}
		if b := img.Bounds(); b.Dx() != size.w || b.Dy() != size.h {
			t.Errorf("%s image %v, view %v", c.name, b, size)
		}
	}
}

func TestOnlyTheTabShownIsDrawn(t *testing.T) {
	w := windowAt(t, 1280, 800)
	f := w.bridge.draw(true)
	if f.fit == nil || f.race != nil || f.landscape != nil {
		t.Errorf("Fit tab: fit %v, race %v, landscape %v", f.fit != nil, f.race != nil, f.landscape != nil)
	}
	w.selectTab(w.race.content)
	f = w.bridge.draw(true)
	if f.fit != nil || f.race == nil || f.landscape != nil {
		t.Errorf("Race tab: fit %v, race %v, landscape %v", f.fit != nil, f.race != nil, f.landscape != nil)
	}
	w.selectTab(w.land.content)
	f = w.bridge.draw(true)
	if f.fit != nil || f.race != nil || f.landscape == nil {
		t.Errorf("Landscape tab: fit %v, race %v, landscape %v", f.fit != nil, f.race != nil, f.landscape != nil)
	}
}

func TestRunButtonsActOnTheirRunOnly(t *testing.T) {
	w := raceWindow(t)
	setSteps(t, w, 1_000_000_000)
	chooseRuns(w, optim.Adam, optim.RMSProp)
	test.Tap(w.race.start)
	r := w.session.Race()
	if r == nil || len(w.race.runRows) != 4 {
		t.Fatalf("race %v with %d rows: %s", r, len(w.race.runRows), w.race.message.Text)
	}
	rows := append([]*runRow(nil), w.race.runRows...)
	for _, row := range rows {
		waitFor(t, "every run training", func() bool { return r.Run(row.id).Snapshot().Step > 0 })
	}
	check := func(after string, want ...train.State) {
		t.Helper()
		w.Sync()
		for i, row := range rows {
			if want[i] < 0 {
				continue
			}
			if got := stateOf(t, w, row.id); got != want[i] {
				t.Errorf("after %s run %d is %v, want %v", after, row.id, got, want[i])
			}
			if got := row.cells[1].Text; got != stateText(want[i]) {
				t.Errorf("after %s row %d says %q", after, row.id, got)
			}
		}
	}
	test.Tap(rows[1].pause)
	check("pausing run 1", train.Running, train.Paused, train.Running, train.Running)
	test.Tap(rows[2].stop)
	check("stopping run 2", train.Running, train.Paused, train.Stopped, train.Running)
	if !rows[2].stop.Disabled() {
		t.Error("a stopped run can be stopped again")
	}
	step := r.Run(rows[1].id).Snapshot().Step
	test.Tap(rows[0].drop)
	if r.Run(rows[0].id) != nil || len(w.race.runRows) != 3 || len(r.Runs()) != 3 {
		t.Fatalf("after dropping run 0: %d rows, %d runs", len(w.race.runRows), len(r.Runs()))
	}
	check("dropping run 0", -1, train.Paused, train.Stopped, train.Running)
	if got := r.Run(rows[1].id).Snapshot().Step; got != step {
		t.Errorf("the paused run went on from step %d to %d", step, got)
	}
	test.Tap(rows[1].pause)
	check("resuming run 1", -1, train.Running, train.Stopped, train.Running)

	test.Tap(w.race.startAll)
	check("Pause all", -1, train.Paused, train.Stopped, train.Paused)
	test.Tap(w.race.startAll)
	check("Start all", -1, train.Running, train.Running, train.Running)
	runs := r.Runs()
	test.Tap(w.race.end)
	if w.session.Race() != nil || len(w.race.runRows) != 0 {
		t.Fatalf("after ending the race: race %v, %d rows", w.session.Race(), len(w.race.runRows))
	}
	for _, run := range runs {
		run.Trainer.Wait()
	}
}

func TestRaceFormRefusesWithAReason(t *testing.T) {
	w := raceWindow(t)
	chooseRuns(w)
	test.Tap(w.race.start)
	contains(t, "message", w.race.message.Text, "Choose at least one optimizer")
	chooseRuns(w, optim.Adam)
	w.race.choices[0].rate.SetText("fast")
	test.Tap(w.race.start)
	contains(t, "message", w.race.message.Text, "The learning rate of Adam", "“fast”")
	w.race.choices[0].rate.SetText("0.01")
	w.race.raw.SetChecked(false)
	w.race.scaled.SetChecked(false)
	test.Tap(w.race.start)
	contains(t, "message", w.race.message.Text, "Choose raw x, scaled x or both")
	if w.session.Race() != nil {
		t.Error("a refused form made a race")
	}
	w.race.scaled.SetChecked(true)
	test.Tap(w.race.start)
	if r := w.session.Race(); r == nil || len(r.Runs()) != 1 || r.Runs()[0].Spec.LearningRate != 0.01 {
		t.Fatalf("race of Adam 0.01 on scaled x: %v", w.race.message.Text)
	}
	if w.race.message.Visible() {
		t.Errorf("a message is left: %q", w.race.message.Text)
	}
}

func TestEditingEndsTheRaceAndRaceAgainRacesTheNewPoints(t *testing.T) {
	w := raceWindow(t)
	test.Tap(w.race.preset)
	old := w.session.Race()
	typeCell(t, w, 0, colY, "20", fyne.KeyReturn)
	if w.session.Race() != nil || len(w.race.runRows) != 0 {
		t.Fatal("the race goes on after an edit")
	}
	contains(t, "message", w.race.message.Text, "The race ended because its points were edited")
	if !w.race.again.Visible() {
		t.Fatal("no Race again button")
	}
	for _, run := range old.Runs() {
		run.Trainer.Wait()
	}
	test.Tap(w.race.again)
	r := w.session.Race()
	if r == nil || len(r.Runs()) != 5 {
		t.Fatalf("racing again made %v", r)
	}
	if got := r.Runs()[0].Snapshot().Problem.Data.Y[0]; got != 20 {
		t.Errorf("the new race trains on y %v, not the edited 20", got)
	}
	if w.race.again.Visible() || w.race.message.Visible() {
		t.Error("the notice stays after racing again")
	}
}

func TestStartRaceShowsTheRaceTab(t *testing.T) {
	w := windowAt(t, 1280, 800)
	p := race.BookPreset()
	p.Steps = 500
	if err := w.StartRace(p); err != nil {
		t.Fatal(err)
	}
	if w.tabs.Selected().Content != w.race.content || w.shownTab() != tabRace {
		t.Error("the Race tab is not shown")
	}
	r := w.session.Race()
	r.Wait()
	for _, s := range r.Summaries() {
		if s.Step == 0 || s.Budget != 500 {
			t.Errorf("%s at step %d of %d", s.Label, s.Step, s.Budget)
		}
	}
}

func TestBridgeFollowsTheRaceAndSleepsAfterIt(t *testing.T) {
	w := raceWindow(t)
	b := w.bridge
	b.tick = 5 * time.Millisecond
	setSteps(t, w, 200_000)
	chooseRuns(w, optim.Adam)
	w.race.raw.SetChecked(false)
	test.Tap(w.race.start)
	r := w.session.Race()

	// Only the drawing goroutine runs, as in TestBridgeDrawsOnlyWhatChanged.
	frames := func() int64 { return b.frames.Load() }
	start := frames()
	b.done.Add(1)
	go b.run()
	r.Wait()
	waitFor(t, "frames of the race", func() bool { return frames() > start+1 })

	// Once the last frame of the race is drawn, which under the race
	// detector takes a while, the goroutine sleeps.
	quiet := func() bool {
		f, wk := frames(), b.wakes.Load()
		time.Sleep(300 * time.Millisecond)
		return frames() == f && b.wakes.Load() == wk
	}
	waitFor(t, "the drawing goroutine to sleep after the race", quiet)
	b.stop()
	if last := b.lastRuns; len(last) != 1 || !last[0].snap.State.Finished() {
		t.Errorf("the last frame drew %d runs, the first %v", len(last), last[0].snap.State)
	}
}

func TestRunLabels(t *testing.T) {
	book := race.BookPreset().Model
	seasonal := fit.Model{Kind: fit.Seasonal, Harmonics: 2, Period: 12}
	for _, c := range []struct {
		spec  race.Spec
		model fit.Model
		want  string
	}{
		{race.Spec{Method: optim.Adam, LearningRate: 0.1, Features: fit.Scaled}, book, "adam 0.1 scaled x"},
		{race.Spec{Method: optim.GradientDescent, LearningRate: 1e-7, Features: fit.Raw}, book, "sgd 1e-07 raw x"},
		{race.Spec{Method: optim.LBFGS, Features: fit.Raw}, book, "lbfgs raw x"},
		{race.Spec{Method: optim.RMSProp, LearningRate: 0.01, Features: fit.Raw}, seasonal, "rmsprop 0.01"},
	} {
		if got := runLabel(c.spec, c.model); got != c.want {
			t.Errorf("%+v: %q, want %q", c.spec, got, c.want)
		}
	}
}

// TestRaceColumnsHoldLongRuns checks that the step columns show a count
// of a hundred million steps whole, not cut short with an ellipsis.
func TestRaceColumnsHoldLongRuns(t *testing.T) {
	test.NewTempApp(t)
	text := groupDigits(100_000_000)
	need := fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
	for i, name := range map[int]string{6: "Step", 7: "Within 1%", 8: "Within 0.1%"} {
		if raceColumns[i] < need {
			t.Errorf("%s column %v wide, %q needs %v", name, raceColumns[i], text, need)
		}
	}
}

// TestTableHeadersFit checks that the bold headers of the comparison and
// race tables fit their columns, in English.
func TestTableHeadersFit(t *testing.T) {
	test.NewTempApp(t)
	fits := func(table string, headers []string, widths []float32) {
		for i, h := range headers {
			need := fyne.MeasureText(h, theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 2*theme.InnerPadding()
			if widths[i] < need {
				t.Errorf("%s: %q column %v wide, needs %v", table, h, widths[i], need)
			}
		}
	}
	fits("comparison", compareHeader(), compareColumns)
	fits("race", raceHeaderTexts(), raceColumns)
}
