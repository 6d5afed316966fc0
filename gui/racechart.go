package gui

import (
	"image"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"
	"gonum.org/v1/plot"

	"tempfit/chart"
	"tempfit/core/fit"
	"tempfit/core/optim"
	"tempfit/core/race"
	"tempfit/core/train"
)

// raceDrawing is what the bridge needs to draw the Race tab.
type raceDrawing struct {
	race     *race.Race // nil for none
	chart    chartSettings
	lossSize pixelSize // zero when the loss chart is not shown
	fitSize  pixelSize // zero when the fit chart is not shown
}

// raceRunShot is one run of a race at the moment a frame is drawn.
type raceRunShot struct {
	run  *race.Run
	snap *train.Snapshot
}

// raceFrame is the Race tab's part of a frame.
type raceFrame struct {
	race      *race.Race
	summaries []race.Summary // in the order of the race's runs
	labels    []string       // each run's name, as the charts show it
	loss, fit image.Image    // nil when they could not be drawn
}

// running reports whether f shows a run that trains; a nil frame shows
// none.
func (f *raceFrame) running() bool {
	if f == nil {
		return false
	}
	for _, s := range f.summaries {
		if s.State == train.Running {
			return true
		}
	}
	return false
}

// raceShots returns the runs of the race and their latest snapshots.
func raceShots(r *race.Race) []raceRunShot {
	if r == nil {
		return nil
	}
	runs := r.Runs()
	shots := make([]raceRunShot, len(runs))
	for i, run := range runs {
		shots[i] = raceRunShot{run: run, snap: run.Snapshot()}
	}
	return shots
}

// sameShots reports whether a and b are the same runs at the same
// snapshots.
func sameShots(a, b []raceRunShot) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// anyRunning reports whether a run of shots is training.
func anyRunning(shots []raceRunShot) bool {
	for _, s := range shots {
		if s.snap.State == train.Running {
			return true
		}
	}
	return false
}

// racingAtMaxSpeed reports whether a run of shots is training as fast as
// the processor goes.
func racingAtMaxSpeed(shots []raceRunShot) bool {
	for _, s := range shots {
		if s.snap.State == train.Running && s.snap.Config.Pace == 0 {
			return true
		}
	}
	return false
}

// drawRace draws the race's loss and fit charts from shots. It runs on the
// bridge's goroutine and reads only its arguments.
func drawRace(d *raceDrawing, shots []raceRunShot) *raceFrame {
	f := &raceFrame{race: d.race}
	if d.race == nil {
		return f
	}
	model := d.race.Model()
	runs := make([]chart.RaceRun, len(shots))
	for i, s := range shots {
		f.summaries = append(f.summaries, s.run.Summary())
		f.labels = append(f.labels, runLabel(s.run.Spec, model))
		runs[i] = chart.RaceRun{Label: f.labels[i], Color: chart.RunColor(s.run.ID)}
		if d.lossSize.w > 0 {
			runs[i].Steps, runs[i].Losses = thinLosses(s.snap.LossCurve(), max(d.lossSize.w/pixelsPerLossPoint, minLossPoints))
		}
		if d.fitSize.w > 0 && s.snap.Problem != nil {
			runs[i].Predict = s.snap.Problem.Curve(s.snap.Weights)
		}
	}
	if d.lossSize.w > 0 {
		f.loss = render(raceLossPlot(d, shots, runs), d.lossSize)
	}
	if d.fitSize.w > 0 {
		f.fit = render(raceFitPlot(d, shots, runs), d.fitSize)
	}
	return f
}

// raceLossPlot returns the runs' losses on one chart.
func raceLossPlot(d *raceDrawing, shots []raceRunShot, runs []chart.RaceRun) *plot.Plot {
	l := chart.RaceLoss{XLabel: d.chart.step, YLabel: d.chart.loss, Runs: runs, Optimum: math.NaN(), Labels: d.chart.labels}
	if len(shots) > 0 && shots[0].snap.Problem != nil {
		l.Optimum = shots[0].snap.Problem.OptimumSSE()
	}
	p, err := chart.RaceLossPlot(l)
	if err != nil {
		return nil
	}
	return p
}

// raceFitPlot returns the race's points and optimum with every run's
// curve; raw and scaled runs share their points and optimum.
func raceFitPlot(d *raceDrawing, shots []raceRunShot, runs []chart.RaceRun) *plot.Plot {
	f := chart.RaceFit{Runs: runs}
	f.XLabel, f.YLabel, f.Labels = d.chart.xLabel, d.chart.yLabel, d.chart.labels
	if len(shots) > 0 && shots[0].snap.Problem != nil {
		pr := shots[0].snap.Problem
		f.X, f.Y, f.XAxis = pr.Data.X, pr.Data.Y, pr.Data.XAxis
		f.XMin, f.XMax = pr.Data.XRange()
		if d.chart.extendTo > f.XMax {
			f.XMax = d.chart.extendTo
		}
		f.Optimum = pr.Curve(pr.Optimum())
	}
	p, err := chart.RaceFitPlot(f)
	if err != nil {
		return nil
	}
	return p
}

// runLabel names a run of spec in a race of model, as "adam 0.001 raw x":
// the optimizer as the command line names it, its learning rate, and the
// features of a polynomial.
func runLabel(spec race.Spec, model fit.Model) string {
	parts := []string{string(spec.Method)}
	if optim.UsesLearningRate(spec.Method) {
		parts = append(parts, strconv.FormatFloat(spec.LearningRate, 'g', -1, 64))
	}
	if model.Kind == fit.Polynomial {
		if spec.Features == fit.Scaled {
			parts = append(parts, lang.L("scaled x"))
		} else {
			parts = append(parts, lang.L("raw x"))
		}
	}
	return strings.Join(parts, " ")
}

// A run's loss line gets at most one point for every pixelsPerLossPoint
// pixels of the chart's width, and at least minLossPoints. A run whose
// loss swings up and down from step to step, as Adam's does on raw x at a
// large learning rate, is drawn as a zigzag between the lowest and highest
// loss of each stretch, and the cost of stroking it grows far faster than
// its number of points: thinned this far, five runs draw in about the time
// of one.
const (
	pixelsPerLossPoint = 4
	minLossPoints      = 64
)

// thinLosses returns the steps and losses of history thinned to at most n
// points: it splits them into n/2 stretches of consecutive points and keeps
// the lowest and the highest loss of each, in step order, and the first and
// last points, so the line still spans every value the run had.
func thinLosses(history []train.LossPoint, n int) (steps, losses []float64) {
	add := func(p train.LossPoint) {
		steps = append(steps, float64(p.Step))
		losses = append(losses, p.Loss)
	}
	if len(history) <= n {
		for _, p := range history {
			add(p)
		}
		return steps, losses
	}
	stretches := n/2 - 1
	add(history[0])
	for k := range stretches {
		part := history[k*len(history)/stretches : (k+1)*len(history)/stretches]
		lo, hi := 0, 0
		for i, p := range part {
			if p.Loss < part[lo].Loss {
				lo = i
			}
			if p.Loss > part[hi].Loss {
				hi = i
			}
		}
		add(part[min(lo, hi)])
		if lo != hi {
			add(part[max(lo, hi)])
		}
	}
	add(history[len(history)-1])
	return steps, losses
}
