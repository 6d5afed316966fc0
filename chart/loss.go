package chart

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"
)

// Loss describes the loss chart of a training run: the loss at each step
// on a log-scale y axis, with the loss of the exact optimum as a
// horizontal line.
type Loss struct {
	Title          string
	XLabel, YLabel string

	// Steps and Losses are the points (step, loss) of the run. If Steps
	// is nil, the steps are 0, 1, 2, ...; otherwise it must have the
	// length of Losses. Points whose loss is NaN, infinite, zero or
	// negative cannot be shown on a log scale and are left out.
	Steps  []float64
	Losses []float64

	// Optimum is the loss of the exact optimum. It is drawn when it is
	// positive and finite; use NaN or 0 for none.
	Optimum float64

	// Labels holds the legend texts; Loss and Optimum are used.
	Labels Labels
}

// Bounds of the losses shown on the log axis; losses outside are drawn
// at the bound.
const (
	minLoss = 1e-300
	maxLoss = 1e300
)

// maxLossPoints is the number of points above which the loss line is
// thinned out; a line of that many points is finer than any screen.
const maxLossPoints = 4000

// LossPlot returns the loss chart described by l.
// It returns an error if Steps is not nil and its length differs from
// that of Losses.
func LossPlot(l Loss) (*plot.Plot, error) {
	if l.Steps != nil && len(l.Steps) != len(l.Losses) {
		return nil, fmt.Errorf("chart: %d steps but %d losses", len(l.Steps), len(l.Losses))
	}
	labels := l.Labels.withDefaults()

	xys := lossPoints(l.Steps, l.Losses)
	xmin, xmax, ymin, ymax, ok := bounds(xys)
	if !ok {
		xmin, xmax = 0, 1
		ymin, ymax = math.Inf(1), math.Inf(-1)
	}
	opt := l.Optimum
	haveOpt := opt > 0 && !math.IsInf(opt, 1)
	if haveOpt {
		opt = math.Max(minLoss, math.Min(maxLoss, opt))
		ymin, ymax = math.Min(ymin, opt), math.Max(ymax, opt)
	}
	if math.IsInf(ymin, 1) {
		ymin, ymax = 1, 1
	}

	p := newPlot(l.Title, l.XLabel, l.YLabel)
	p.Y.Scale = plot.LogScale{}
	p.Y.Tick.Marker = logTicks{}

	if len(xys) > 0 {
		p.Add(polyline{XYs: xys, Style: lossStyle})
		if len(xys) == 1 {
			p.Add(newScatter(xys, lossGlyph()))
		}
		p.Legend.Add(labels.Loss, lineThumb(lossStyle))
	}
	if haveOpt {
		p.Add(hline{Y: opt, Style: optimumStyle})
		p.Legend.Add(labels.Optimum, lineThumb(optimumStyle))
	}

	setStepAxis(&p.X, xmin, xmax)
	setLossRange(p, ymin, ymax)

	return p, nil
}

// setStepAxis gives a's steps, whole numbers from 0, the range lo to hi
// and ticks at whole numbers; a single step gets a range of one step on
// either side, none of them below 0.
func setStepAxis(a *plot.Axis, lo, hi float64) {
	if lo == hi {
		lo, hi = math.Max(lo-1, 0), hi+1
	}
	a.Tick.Marker = linTicks{N: 7, Integer: true}
	setRange(a, lo, hi)
}

// lossPoints returns the points (step, loss) that a log axis can show,
// thinned out to maxLossPoints: steps nil means 0, 1, 2, ...; a loss that is
// NaN, infinite, zero or negative is left out, and one outside
// minLoss..maxLoss is drawn at the bound.
func lossPoints(steps, losses []float64) plotter.XYs {
	xys := make(plotter.XYs, 0, len(losses))
	for i, v := range losses {
		step := float64(i)
		if steps != nil {
			step = steps[i]
		}
		if !usable(step) || !(v > 0) || math.IsInf(v, 1) {
			continue
		}
		xys = append(xys, plotter.XY{X: step, Y: math.Max(minLoss, math.Min(maxLoss, v))})
	}
	return decimate(xys, maxLossPoints)
}

// setLossRange sets the log y axis of a loss chart to ymin..ymax padded by
// a fraction of its decades.
func setLossRange(p *plot.Plot, ymin, ymax float64) { setLogRange(&p.Y, ymin, ymax) }

// setLogRange sets the range of a log-scale axis to cover lo to hi, both
// within minLoss and maxLoss, padded by a fraction of its decades.
func setLogRange(a *plot.Axis, lo, hi float64) {
	llo, lhi := math.Log10(lo), math.Log10(hi)
	pad := math.Max(0.05*(lhi-llo), 0.01)
	a.Min = math.Max(math.Pow(10, llo-pad), minLoss/10)
	a.Max = math.Min(math.Pow(10, lhi+pad), maxLoss*10)
}

// lossGlyph is the glyph marking a run of a single step.
func lossGlyph() draw.GlyphStyle {
	g := observedGlyph
	g.Color = lossColor
	return g
}

// decimate returns xys thinned out to at most n points, n >= 4: it splits
// them into n/2 runs of consecutive points and keeps the lowest and
// highest point of each run, in their order, and the last point. Drawn
// as a line, the result covers the same values as the original.
func decimate(xys plotter.XYs, n int) plotter.XYs {
	if len(xys) <= n {
		return xys
	}
	runs := n/2 - 1
	out := make(plotter.XYs, 0, n)
	for r := 0; r < runs; r++ {
		run := xys[r*len(xys)/runs : (r+1)*len(xys)/runs]
		lo, hi := 0, 0
		for i, xy := range run {
			if xy.Y < run[lo].Y {
				lo = i
			}
			if xy.Y > run[hi].Y {
				hi = i
			}
		}
		out = append(out, run[min(lo, hi)])
		if lo != hi {
			out = append(out, run[max(lo, hi)])
		}
	}
	if last := xys[len(xys)-1]; out[len(out)-1] != last {
		out = append(out, last)
	}
	if out[0] != xys[0] {
		out = append(plotter.XYs{xys[0]}, out...)
	}
	return out
}
