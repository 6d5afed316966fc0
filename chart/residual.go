package chart

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"

	"tempfit/core/data"
)

// Residuals describes the residual chart: the residual (observed −
// predicted) of each observed point against x, with a line at zero.
type Residuals struct {
	Title          string
	XLabel, YLabel string

	// X and Residuals are the points. Points with a NaN, infinite or
	// huge coordinate are left out.
	X, Residuals []float64

	// HeldX and HeldResiduals are the residuals of points held out of
	// training, drawn as orange rings as in Fit, and left out like the
	// others when bad.
	HeldX, HeldResiduals []float64

	// XAxis says what x stands for, as in Fit.
	XAxis data.XAxis

	// Labels holds the legend texts; Observed and HeldOut are used. The
	// chart has a legend only when it shows held-out points.
	Labels Labels
}

// ResidualPlot returns the residual chart described by r. The y axis
// always includes zero. It returns an error if X and Residuals, or
// HeldX and HeldResiduals, have different lengths.
func ResidualPlot(r Residuals) (*plot.Plot, error) {
	if len(r.X) != len(r.Residuals) {
		return nil, fmt.Errorf("chart: %d x values but %d residuals", len(r.X), len(r.Residuals))
	}
	if len(r.HeldX) != len(r.HeldResiduals) {
		return nil, fmt.Errorf("chart: %d held-out x values but %d residuals", len(r.HeldX), len(r.HeldResiduals))
	}
	labels := r.Labels.withDefaults()
	xys := points(r.X, r.Residuals)
	residuals := newScatter(xys, observedGlyph)
	held := newScatter(points(r.HeldX, r.HeldResiduals), heldGlyph)
	shareBudget(&residuals, &held)
	xmin, xmax, ymin, ymax, ok := scatterBounds(residuals, held)
	if !ok {
		xmin, xmax = 0, 1
	}
	ymin, ymax = math.Min(ymin, 0), math.Max(ymax, 0)
	span := ymax - ymin
	ymin -= fitMargin * span
	ymax += fitMargin * span

	p := newPlot(r.Title, r.XLabel, r.YLabel)
	p.Add(hline{Y: 0, Style: zeroStyle})
	for _, s := range []scatter{residuals, held} {
		if len(s.XYs) > 0 {
			p.Add(s)
		}
	}
	p.X.Tick.Marker = pointTicker(r.XAxis, xys, held.XYs)
	setRange(&p.X, xmin, xmax)
	setRange(&p.Y, ymin, ymax)

	if len(held.XYs) > 0 {
		if len(xys) > 0 {
			p.Legend.Add(labels.Observed, glyphThumb(observedGlyph))
		}
		p.Legend.Add(labels.HeldOut, glyphThumb(heldGlyph))
		placeLegend(p, []plotter.XYs{xys, held.XYs})
	}
	return p, nil
}
