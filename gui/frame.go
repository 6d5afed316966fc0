package gui

import (
	"fmt"
	"image"
	"time"

	"tempfit/core/data"
	"tempfit/core/train"
)

// view is what the bridge needs to know of the window to draw a frame. The
// UI goroutine publishes a new one whenever any of it changes; the bridge
// never reads widget state.
type view struct {
	version  uint64
	trainer  *train.Trainer
	data     *data.Dataset // the points shown; nil when the table has none
	held     *data.Dataset // the points of data held out of training, or nil
	chart    chartSettings
	fitSize  pixelSize
	lossSize pixelSize

	tab       shownTab // only its charts are drawn
	race      raceDrawing
	landscape landscapeDrawing
}

// shownTab is the tab of the window shown, whose charts the bridge draws.
type shownTab int

// The tabs with charts, and the others.
const (
	tabFit shownTab = iota
	tabOther
	tabRace
	tabLandscape
)

// frame is one finished drawing, ready to be shown.
type frame struct {
	view    *view
	snap    *train.Snapshot // nil without a trainer
	fit     image.Image     // nil when it could not be drawn
	loss    image.Image
	elapsed time.Duration // time spent drawing

	race      *raceFrame      // nil when the Race tab was not drawn
	landscape *landscapeFrame // nil when the Landscape tab was not drawn
}

// draw takes the latest view and snapshot and draws a frame, or returns nil
// when nothing changed since the last frame and force is false.
func (b *bridge) draw(force bool) *frame {
	v := b.view.Load()
	if v == nil {
		return nil
	}
	var snap *train.Snapshot
	if v.trainer != nil {
		snap = v.trainer.Snapshot()
	}
	var shots []raceRunShot
	if v.tab == tabRace {
		shots = raceShots(v.race.race)
	}
	newView, newRuns := v.version != b.lastVersion, !sameShots(shots, b.lastRuns)
	if !force && snap == b.lastSnap && !newView && !newRuns {
		return nil
	}
	start := time.Now()
	atMax := snap != nil && snap.State == train.Running && snap.Config.Pace == 0 || racingAtMaxSpeed(shots)
	if !force && atMax && !newView && start.Sub(b.lastFrame) < maxSpeedFrame-b.tick/2 {
		return nil
	}
	f := &frame{view: v, snap: snap}
	switch v.tab {
	case tabFit:
		f.fit, f.loss = drawCharts(v, snap)
	case tabRace:
		if force || newView || newRuns {
			f.race = drawRace(&v.race, shots)
		}
	case tabLandscape:
		if force || newView || snap != b.lastSnap {
			f.landscape = drawLandscape(&v.landscape, snap, &b.conditions)
		}
	}
	b.lastSnap, b.lastRuns, b.lastVersion, b.lastFrame = snap, shots, v.version, start
	f.elapsed = time.Since(start)
	return f
}

// Stats are measurements of the window's drawing.
type Stats struct {
	Frames          int64         // frames shown
	MeanDraw        time.Duration // mean time to draw the charts of a frame
	FramesPerSecond float64       // frames shown per second while training ran
	MaxDelay        time.Duration // the longest a frame waited for the UI goroutine
	StepsPerSecond  float64       // training speed of the current run: its steps over its running time

	// RaceStepsPerSecond is the training speed of the race's runs in all:
	// their steps over the running time of the longest.
	RaceStepsPerSecond float64
}

// String returns the measurements on one line.
func (s Stats) String() string {
	line := fmt.Sprintf("frames %d, %.1f per second while training, %.1f ms to draw a frame, UI goroutine busy at most %.1f ms, training %.3g steps/s",
		s.Frames, s.FramesPerSecond, float64(s.MeanDraw)/1e6, float64(s.MaxDelay)/1e6, s.StepsPerSecond)
	if s.RaceStepsPerSecond > 0 {
		line += fmt.Sprintf(", race %.3g steps/s in all", s.RaceStepsPerSecond)
	}
	return line
}

// Stats returns the measurements of the window's drawing so far.
func (w *MainWindow) Stats() Stats {
	b := w.bridge
	s := Stats{Frames: b.frames.Load(), MaxDelay: time.Duration(b.delay.Load())}
	if s.Frames > 0 {
		s.MeanDraw = time.Duration(b.drawn.Load() / s.Frames)
	}
	if span := b.runLast.Sub(b.runFirst); b.runFrames > 1 && span > 0 {
		s.FramesPerSecond = float64(b.runFrames-1) / span.Seconds()
	}
	if tr := w.session.Trainer(); tr != nil {
		if snap := tr.Snapshot(); snap.Elapsed > 0 {
			s.StepsPerSecond = float64(snap.Step) / snap.Elapsed.Seconds()
		}
	}
	var steps int
	var longest time.Duration
	for _, run := range raceShots(w.session.Race()) {
		steps += run.snap.Step
		longest = max(longest, run.snap.Elapsed)
	}
	if longest > 0 {
		s.RaceStepsPerSecond = float64(steps) / longest.Seconds()
	}
	return s
}
