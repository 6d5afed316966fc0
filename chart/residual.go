package chart

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"

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

	// XAxis says what x stands for, as in Fit.
	XAxis data.XAxis
}

// ResidualPlot returns the residual chart described by r. The y axis
// always includes zero. It returns an error if X and Residuals have
// different lengths.
func ResidualPlot(r Residuals) (*plot.Plot, error) {
	if len(r.X) != len(r.Residuals) {
		return nil, fmt.Errorf("chart: %d x values but %d residuals", len(r.X), len(r.Residuals))
	}
	xys := points(r.X, r.Residuals)
	residuals := newScatter(xys, observedGlyph)
	xmin, xmax, ymin, ymax, ok := residuals.bounds()
	if !ok {
		xmin, xmax = 0, 1
	}
	ymin, ymax = math.Min(ymin, 0), math.Max(ymax, 0)
	span := ymax - ymin
	ymin -= fitMargin * span
	ymax += fitMargin * span

	p := newPlot(r.Title, r.XLabel, r.YLabel)
	p.Add(hline{Y: 0, Style: zeroStyle})
	if ok {
		p.Add(residuals)
	}
	p.X.Tick.Marker = xTicker(r.XAxis, xys)
	setRange(&p.X, xmin, xmax)
	setRange(&p.Y, ymin, ymax)
	return p, nil
}
