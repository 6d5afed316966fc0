package gui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"tempfit/core/race"
	"tempfit/core/train"
)

// advancedRace returns a window at 1280×800 showing the Race tab, whose
// book race has taken up to steps steps in every run (L-BFGS stops at the
// optimum sooner), with the view the bridge draws from.
func advancedRace(b testing.TB, steps int) (*MainWindow, *view) {
	w := windowAt(b, 1280, 800)
	w.selectTab(w.race.content)
	if err := w.session.NewRaceFromPreset(race.BookPreset()); err != nil {
		b.Fatal(err)
	}
	for _, run := range w.session.Race().Runs() {
		run.Trainer.Advance(steps)
	}
	w.Sync()
	return w, w.bridge.view.Load()
}

// BenchmarkRaceFrame1280x800 draws the Race tab's charts and table of the
// book's five runs after 20,000 steps each, at the sizes they have in a
// 1280×800 window.
func BenchmarkRaceFrame1280x800(b *testing.B) {
	_, v := advancedRace(b, 20000)
	shots := raceShots(v.race.race)
	b.Logf("race loss chart %dx%d, fit chart %dx%d pixels, %d runs",
		v.race.lossSize.w, v.race.lossSize.h, v.race.fitSize.w, v.race.fitSize.h, len(shots))
	for b.Loop() {
		drawRace(&v.race, shots)
	}
}

// BenchmarkLandscapeFrame1280x800 draws the Landscape tab of the book's
// model after 20,000 steps of the main trainer, path included.
func BenchmarkLandscapeFrame1280x800(b *testing.B) {
	w := windowAt(b, 1280, 800)
	w.selectTab(w.land.content)
	w.session.Trainer().Advance(20000)
	w.Sync()
	v := w.bridge.view.Load()
	s := w.session.Trainer().Snapshot()
	var conds conditionCache
	b.Logf("landscape %dx%d pixels, path of %d points", v.landscape.size.w, v.landscape.size.h, len(s.Path))
	for b.Loop() {
		drawLandscape(&v.landscape, s, &conds)
	}
}

// TestMeasureRaceFramesPerSecond races the book's five runs at the
// maximum speed for three seconds with the Race tab shown and reports the
// frames, the drawing time and the UI goroutine's longest share of a
// frame.
func TestMeasureRaceFramesPerSecond(t *testing.T) {
	skipMeasure(t)
	w := windowAt(t, 1280, 800)
	setMax(t, w)
	setSteps(t, w, 1_000_000_000)
	w.selectTab(w.race.content)
	p := race.BookPreset()
	p.Steps = 1_000_000_000
	if err := w.StartRace(p); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(3 * time.Second)
	frames, maxShow, meanDraw := playUI(w, func() bool { return time.Now().After(deadline) })
	test.Tap(w.race.startAll)
	var steps int
	for _, s := range w.session.Race().Summaries() {
		if s.State != train.Done {
			steps += s.Step
		}
	}
	t.Logf("five runs racing for 3 s: %d frames, %.1f frames/s, %.1f ms to draw a frame, UI goroutine at most %.1f ms per frame, %.3g steps/s in all (L-BFGS left out, done at once)",
		frames, float64(frames)/3, ms(meanDraw), ms(maxShow), float64(steps)/3)
}
