package gui

import (
	"fmt"
	"strings"
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

// BenchmarkRaceFrame1280x800 draws the Race tab of the book's five runs
// after steps steps each (the preset's whole budget is 100,000), at the
// sizes it has in a 1280×800 window, with each of its sub-tabs shown: the
// table alone, the loss chart and the fit chart, which are drawn only
// while shown.
func BenchmarkRaceFrame1280x800(b *testing.B) {
	for _, steps := range []int{20000, 100000} {
		w, _ := advancedRace(b, steps)
		for _, item := range w.race.views.Items {
			w.race.views.Select(item)
			w.Sync()
			v := w.bridge.view.Load()
			shots := raceShots(v.race.race)
			b.Run(fmt.Sprintf("%s/%dsteps", strings.ToLower(item.Text), steps), func(b *testing.B) {
				b.Logf("loss chart %dx%d, fit chart %dx%d pixels, %d runs",
					v.race.lossSize.w, v.race.lossSize.h, v.race.fitSize.w, v.race.fitSize.h, len(shots))
				for b.Loop() {
					drawRace(&v.race, shots)
				}
			})
		}
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

// TestMeasureRaceFramesPerSecond compares the window training one run
// with the window racing five: for three seconds each at the maximum
// speed, first the main trainer with the Fit tab shown, then the book's
// race with its loss chart shown. It reports the frames, the drawing time
// and the UI goroutine's longest share of a frame.
func TestMeasureRaceFramesPerSecond(t *testing.T) {
	skipMeasure(t)
	const secs = 3
	w := windowAt(t, 1280, 800)
	setMax(t, w)
	setSteps(t, w, 1_000_000_000)
	play := func() (frames int, maxShow, meanDraw time.Duration) {
		deadline := time.Now().Add(secs * time.Second)
		return playUI(w, func() bool { return time.Now().After(deadline) })
	}

	test.Tap(w.settings.startPause)
	frames, maxShow, meanDraw := play()
	test.Tap(w.settings.startPause)
	t.Logf("one run for %d s: %d frames, %.1f frames/s, %.1f ms to draw a frame, UI goroutine at most %.1f ms per frame, %.3g steps/s",
		secs, frames, float64(frames)/secs, ms(meanDraw), ms(maxShow), w.session.Trainer().Snapshot().StepsPerSecond)

	p := race.BookPreset()
	p.Steps = 1_000_000_000
	if err := w.StartRace(p); err != nil {
		t.Fatal(err)
	}
	w.race.views.SelectIndex(1) // the loss chart
	frames, maxShow, meanDraw = play()
	test.Tap(w.race.startAll)
	var steps int
	var each []string
	for _, s := range w.session.Race().Summaries() {
		if s.State != train.Done {
			steps += s.Step
			each = append(each, groupDigits(s.Step))
		}
	}
	t.Logf("five runs racing for %d s: %d frames, %.1f frames/s, %.1f ms to draw a frame, UI goroutine at most %.1f ms per frame, %.3g steps/s in all (L-BFGS, done at once, left out), steps of the runs %s",
		secs, frames, float64(frames)/secs, ms(meanDraw), ms(maxShow), float64(steps)/secs, strings.Join(each, ", "))
}
