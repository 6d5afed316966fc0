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

// BandKind says what a band covers, and so how it is coloured.
type BandKind int

// The kinds of band.
const (
	// ConfidenceBand covers the true curve at some level. It is the
	// narrower band, and drawn darker.
	ConfidenceBand BandKind = iota
	// PredictionBand covers a new observation at some level. It is the
	// wider band, and drawn lighter.
	PredictionBand
)

// Band is an interval about a curve of the fit chart, such as a 95%
// confidence band, drawn as a filled, semi-transparent area across the
// x range of the curves.
type Band struct {
	// Label is the legend text, such as "95% confidence band". An empty
	// Label is replaced by the label of the kind in Fit.Labels.
	Label string

	// Kind is the kind of band, which picks its colour.
	Kind BandKind

	// Sample returns the lower and upper edges of the band at each of
	// xs, the x values at which the chart samples its curves: both
	// slices must have the length of xs. A closure over core/fit's
	// Problem.Band fits it:
	//
	//	func(xs []float64) ([]float64, []float64) {
	//		_, lower, upper := pr.Band(w, xs, fit.ConfidenceBand, 0.95)
	//		return lower, upper
	//	}
	//
	// Where an edge is NaN or infinite the band has a gap. A nil Sample
	// draws nothing.
	Sample func(xs []float64) (lower, upper []float64)
}

// Fill colours of the bands, drawn over the white background, the grid
// and each other.
var (
	confidenceColor = color.NRGBA{R: 214, G: 39, B: 40, A: 72}
	predictionColor = color.NRGBA{R: 214, G: 39, B: 40, A: 32}
)

// color returns the fill colour of bands of kind k.
func (k BandKind) color() color.Color {
	if k == PredictionBand {
		return predictionColor
	}
	return confidenceColor
}

// label returns the legend text of the band b.
func (b Band) label(l Labels) string {
	switch {
	case b.Label != "":
		return b.Label
	case b.Kind == PredictionBand:
		return l.PredictionBand
	}
	return l.ConfidenceBand
}

// sampledBand is a band sampled at the chart's xs.
type sampledBand struct {
	Band
	lower, upper []float64
}

// sampleBands samples the bands at xs. It returns an error naming the
// band whose Sample returns edges of the wrong length.
func sampleBands(bands []Band, xs []float64, l Labels) ([]sampledBand, error) {
	var out []sampledBand
	for _, b := range bands {
		if b.Sample == nil {
			continue
		}
		lower, upper := b.Sample(xs)
		if len(lower) != len(xs) || len(upper) != len(xs) {
			return nil, fmt.Errorf("chart: band %q: %d lower and %d upper values for %d x values",
				b.label(l), len(lower), len(upper), len(xs))
		}
		out = append(out, sampledBand{Band: b, lower: lower, upper: upper})
	}
	return out, nil
}

// bandArea fills the area between the lower and upper edges of a band
// sampled at xs, clipped to the data area. Samples where an edge is NaN
// or infinite leave gaps.
type bandArea struct {
	xs, lower, upper []float64
	Color            color.Color
}

// Plot implements the plot.Plotter interface.
func (b bandArea) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	// Values far beyond the axis are brought closer, so that the
	// transforms cannot overflow; the visible area barely moves.
	far := 1e3 * (p.Y.Max - p.Y.Min)
	limit := func(y float64) vg.Length {
		return trY(math.Max(p.Y.Min-far, math.Min(p.Y.Max+far, y)))
	}
	for _, run := range finiteRuns(b.lower, b.upper) {
		lo, hi := run[0], run[1]
		if hi-lo < 2 {
			continue
		}
		pts := make([]vg.Point, 0, 2*(hi-lo))
		for i := lo; i < hi; i++ {
			pts = append(pts, vg.Point{X: trX(b.xs[i]), Y: limit(b.upper[i])})
		}
		for i := hi - 1; i >= lo; i-- {
			pts = append(pts, vg.Point{X: trX(b.xs[i]), Y: limit(b.lower[i])})
		}
		if pts = c.ClipPolygonXY(pts); len(pts) > 2 {
			c.FillPolygon(b.Color, pts)
		}
	}
}

// finiteRuns returns the runs [lo, hi) of indices at which both a and b
// are finite.
func finiteRuns(a, b []float64) [][2]int {
	finite := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
	var runs [][2]int
	start := -1
	for i := range a {
		ok := finite(a[i]) && finite(b[i])
		switch {
		case ok && start < 0:
			start = i
		case !ok && start >= 0:
			runs = append(runs, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		runs = append(runs, [2]int{start, len(a)})
	}
	return runs
}

// visibleTop returns the top of the band where it is within the y range
// lo to hi, to place the legend away from it; none if the band is not
// seen there.
func (b sampledBand) visibleTop(xs []float64, lo, hi float64) plotter.XYs {
	var edge plotter.XYs
	for _, run := range finiteRuns(b.lower, b.upper) {
		if run[1]-run[0] < 2 {
			continue
		}
		for i := run[0]; i < run[1]; i++ {
			if max(b.lower[i], b.upper[i]) < lo || min(b.lower[i], b.upper[i]) > hi {
				continue
			}
			edge = append(edge, plotter.XY{X: xs[i], Y: math.Max(lo, math.Min(hi, max(b.lower[i], b.upper[i])))})
		}
	}
	return edge
}

// fillThumb is a legend thumbnail for a filled area.
type fillThumb struct {
	Color color.Color
}

// Thumbnail implements the plot.Thumbnailer interface.
func (f fillThumb) Thumbnail(c *draw.Canvas) {
	pts := []vg.Point{
		{X: c.Min.X, Y: c.Min.Y},
		{X: c.Min.X, Y: c.Max.Y},
		{X: c.Max.X, Y: c.Max.Y},
		{X: c.Max.X, Y: c.Min.Y},
	}
	c.FillPolygon(f.Color, pts)
}
