package chart

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// RaceRun is one run of a race of optimizers, as the race charts draw it.
type RaceRun struct {
	Label string
	// Color is the run's colour; nil means RunColor of the run's index.
	Color color.Color

	// Steps and Losses are the run's loss history, as in Loss.
	Steps, Losses []float64

	// Predict is the run's current curve; nil for none.
	Predict func(x float64) float64
}

// RaceLoss describes the loss chart of a race: every run's loss on one
// log-scale axis, one colour each with a legend, and the loss of the exact
// optimum as a line.
type RaceLoss struct {
	Title          string
	XLabel, YLabel string
	Runs           []RaceRun
	// Optimum is the loss of the exact optimum, drawn when positive and
	// finite.
	Optimum float64
	// Labels holds the legend texts; Optimum is used.
	Labels Labels
}

// RaceFit describes the fit chart of a race: the fit chart of the data and
// the exact optimum, with every run's current curve over it.
type RaceFit struct {
	Fit  // the points, the optimum and the axes; its Predict is not drawn
	Runs []RaceRun
}

// runColors are the colours of the runs, in turn.
var runColors = []color.RGBA{
	{R: 255, G: 127, B: 14, A: 255},  // orange
	{R: 44, G: 160, B: 44, A: 255},   // green
	{R: 214, G: 39, B: 40, A: 255},   // red
	{R: 148, G: 103, B: 189, A: 255}, // purple
	{R: 23, G: 190, B: 207, A: 255},  // cyan
	{R: 140, G: 86, B: 75, A: 255},   // brown
	{R: 227, G: 119, B: 194, A: 255}, // pink
	{R: 188, G: 189, B: 34, A: 255},  // olive
	{R: 31, G: 119, B: 180, A: 255},  // blue
	{R: 23, G: 55, B: 94, A: 255},    // navy
}

// RunColor returns the colour of run i of a race; the colours repeat after
// ten runs.
func RunColor(i int) color.RGBA {
	n := len(runColors)
	return runColors[(i%n+n)%n]
}

// runStyle returns the line style of run i.
func runStyle(r RaceRun, i int, width vg.Length) draw.LineStyle {
	var c color.Color = RunColor(i)
	if r.Color != nil {
		c = r.Color
	}
	return draw.LineStyle{Color: c, Width: width}
}

// minRunPoints is the fewest points a run's loss line is thinned to.
const minRunPoints = 800

// RaceLossPlot returns the loss chart described by r. It returns an error
// if a run's Steps is not nil and its length differs from that of its
// Losses.
func RaceLossPlot(r RaceLoss) (*plot.Plot, error) {
	labels := r.Labels.withDefaults()
	p := newPlot(r.Title, r.XLabel, r.YLabel)
	p.Y.Scale = plot.LogScale{}
	p.Y.Tick.Marker = logTicks{}

	// All the lines together have about as many points as one loss
	// chart's, and each still more than a chart is pixels wide.
	perRun := max(maxLossPoints/max(len(r.Runs), 1), minRunPoints)
	var all plotter.XYs
	for i, run := range r.Runs {
		if run.Steps != nil && len(run.Steps) != len(run.Losses) {
			return nil, fmt.Errorf("chart: run %q has %d steps but %d losses", run.Label, len(run.Steps), len(run.Losses))
		}
		xys := decimate(lossPoints(run.Steps, run.Losses), perRun)
		style := runStyle(run, i, vg.Points(1.5))
		p.Add(polyline{XYs: xys, Style: style})
		if len(xys) == 1 {
			p.Add(&plotter.Scatter{XYs: xys, GlyphStyle: draw.GlyphStyle{Color: style.Color, Radius: vg.Points(3), Shape: draw.CircleGlyph{}}})
		}
		p.Legend.Add(run.Label, lineThumb(style))
		all = append(all, xys...)
	}

	xmin, xmax, ymin, ymax, ok := bounds(all)
	if !ok {
		xmin, xmax = 0, 1
		ymin, ymax = math.Inf(1), math.Inf(-1)
	}
	if opt := r.Optimum; opt > 0 && !math.IsInf(opt, 1) {
		opt = math.Max(minLoss, math.Min(maxLoss, opt))
		ymin, ymax = math.Min(ymin, opt), math.Max(ymax, opt)
		p.Add(hline{Y: opt, Style: optimumStyle})
		p.Legend.Add(labels.Optimum, lineThumb(optimumStyle))
	}
	if math.IsInf(ymin, 1) {
		ymin, ymax = 1, 1
	}
	setStepAxis(&p.X, xmin, xmax)
	setLossRange(p, ymin, ymax)
	return p, nil
}

// RaceFitPlot returns the fit chart described by f. The runs' curves
// extend the y axis as the predicted curve does in FitPlot, up to one data
// span beyond the data, and are clipped there. It returns FitPlot's errors.
func RaceFitPlot(f RaceFit) (*plot.Plot, error) {
	base := f.Fit
	base.Predict = nil
	p, err := FitPlot(base)
	if err != nil {
		return nil, err
	}

	xs := make([]float64, curveSamples)
	for i := range xs {
		xs[i] = p.X.Min + (p.X.Max-p.X.Min)*float64(i)/float64(curveSamples-1)
	}
	curves := make([][]float64, len(f.Runs))
	for i, run := range f.Runs {
		if run.Predict != nil {
			curves[i] = sample(run.Predict, xs)
		}
	}

	lo, hi, ok := valueRange(base.Y)
	if !ok {
		lo, hi = p.Y.Min, p.Y.Max
	}
	span := hi - lo
	if span <= 1e-12*math.Max(math.Abs(lo), math.Abs(hi)) {
		span = math.Max(math.Abs(hi), 1)
	}
	clipLo, clipHi := lo-fitClip*span, hi+fitClip*span
	for _, ys := range curves {
		for _, y := range ys {
			if y >= clipLo && y <= clipHi {
				p.Y.Min, p.Y.Max = math.Min(p.Y.Min, y), math.Max(p.Y.Max, y)
			}
		}
	}

	for i, run := range f.Runs {
		if curves[i] == nil {
			continue
		}
		style := runStyle(run, i, vg.Points(2))
		for _, l := range clipCurve(xs, curves[i], p.Y.Min, p.Y.Max) {
			p.Add(polyline{XYs: l, Style: style})
		}
		p.Legend.Add(run.Label, lineThumb(style))
	}
	return p, nil
}
