package chart

import (
	"cmp"
	"fmt"
	"image/color"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Compare describes the model-comparison chart: the training error and
// the validation errors of candidate models against their size, on a log
// scale. It shows where overfitting begins: the training error keeps
// falling as the models grow, while the validation errors turn up.
type Compare struct {
	Title          string
	XLabel, YLabel string // axis labels, e.g. "degree" and "squared error"

	// Sizes is the size of each candidate model, such as its degree or
	// its number of harmonics. Candidates whose size is NaN, infinite or
	// huge are left out.
	Sizes []float64

	// TickLabels, if not nil, labels the x axis at each size instead of
	// with numbers; it must have the length of Sizes.
	TickLabels []string

	// Train, LOO and CV are the training, leave-one-out and
	// cross-validation errors of the candidates, such as core/fit's
	// Candidate.SSE, PRESS and CV. Each is nil for none or has the length
	// of Sizes, and is drawn as a line with points in the order of the
	// sizes. Errors that are NaN, infinite, zero or negative cannot be
	// shown on a log scale and leave gaps, such as the infinite PRESS of
	// a model that fits a point whatever its value.
	Train, LOO, CV []float64

	// Best is the index of the best candidate, marked by a vertical
	// line; -1, or any index outside Sizes, for none.
	Best int

	// Labels holds the legend texts; Train, LOO, CV and Best are used.
	Labels Labels
}

// Styles of the comparison chart's series. Besides its colour, each has
// its own dashes and glyph, so that they can be told apart in grey.
var (
	trainSeries = series{
		Line:  draw.LineStyle{Color: observedColor, Width: vg.Points(1.5)},
		Glyph: draw.GlyphStyle{Color: observedColor, Radius: vg.Points(3), Shape: draw.CircleGlyph{}},
	}
	looSeries = series{
		Line:  draw.LineStyle{Color: heldColor, Width: vg.Points(1.5), Dashes: []vg.Length{vg.Points(6), vg.Points(3)}},
		Glyph: draw.GlyphStyle{Color: heldColor, Radius: vg.Points(3.5), Shape: draw.PyramidGlyph{}},
	}
	cvSeries = series{
		Line:  draw.LineStyle{Color: cvColor, Width: vg.Points(1.5), Dashes: []vg.Length{vg.Points(6), vg.Points(2), vg.Points(1.5), vg.Points(2)}},
		Glyph: draw.GlyphStyle{Color: cvColor, Radius: vg.Points(3), Shape: draw.BoxGlyph{}},
	}
	cvColor = color.RGBA{R: 44, G: 160, B: 44, A: 255}

	bestStyle = draw.LineStyle{
		Color:  zeroColor,
		Width:  vg.Points(1.25),
		Dashes: []vg.Length{vg.Points(2), vg.Points(3)},
	}
)

// series is the look of a line with points.
type series struct {
	Line  draw.LineStyle
	Glyph draw.GlyphStyle
}

// ComparePlot returns the model-comparison chart described by c.
//
// The x axis has integer ticks when every size is an integer, or the
// labels in TickLabels. It returns an error if TickLabels, Train, LOO or
// CV is not nil and differs in length from Sizes.
func ComparePlot(c Compare) (*plot.Plot, error) {
	for _, s := range []struct {
		name string
		n    int
	}{
		{"tick labels", len(c.TickLabels)}, {"training errors", len(c.Train)},
		{"leave-one-out errors", len(c.LOO)}, {"cross-validation errors", len(c.CV)},
	} {
		if s.n != 0 && s.n != len(c.Sizes) {
			return nil, fmt.Errorf("chart: %d sizes but %d %s", len(c.Sizes), s.n, s.name)
		}
	}
	labels := c.Labels.withDefaults()

	// The candidates in the order of their sizes.
	var order []int
	for i, s := range c.Sizes {
		if usable(s) {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(c.Sizes[i], c.Sizes[j]) })

	p := newPlot(c.Title, c.XLabel, c.YLabel)
	p.Y.Scale = plot.LogScale{}
	p.Y.Tick.Marker = logTicks{}

	var drawn []plotter.XYs // everything drawn, to place the legend
	ymin, ymax := math.Inf(1), math.Inf(-1)
	for _, s := range []struct {
		errs  []float64
		look  series
		label string
	}{
		{c.Train, trainSeries, labels.Train},
		{c.LOO, looSeries, labels.LOO},
		{c.CV, cvSeries, labels.CV},
	} {
		runs := errorRuns(c.Sizes, s.errs, order)
		if len(runs) == 0 {
			continue
		}
		for _, run := range runs {
			p.Add(polyline{XYs: run, Style: s.look.Line})
			p.Add(newScatter(run, s.look.Glyph))
			_, _, lo, hi, _ := bounds(run)
			ymin, ymax = math.Min(ymin, lo), math.Max(ymax, hi)
			drawn = append(drawn, run)
		}
		p.Legend.Add(s.label, lineThumb(s.look.Line), glyphThumb(s.look.Glyph))
	}
	if math.IsInf(ymin, 1) {
		ymin, ymax = 1, 1
	}
	setLogRange(&p.Y, ymin, ymax)

	xmin, xmax := 0.0, 1.0
	if len(order) > 0 {
		xmin, xmax = c.Sizes[order[0]], c.Sizes[order[len(order)-1]]
	}
	integer := true
	for _, i := range order {
		integer = integer && c.Sizes[i] == math.Trunc(c.Sizes[i])
	}
	pad := 0.05 * (xmax - xmin)
	if integer {
		pad = 0.5
	}
	setRange(&p.X, xmin-pad, xmax+pad)
	switch {
	case c.TickLabels != nil:
		ticks := make(labelTicks, 0, len(order))
		for _, i := range order {
			ticks = append(ticks, plot.Tick{Value: c.Sizes[i], Label: c.TickLabels[i]})
		}
		p.X.Tick.Marker = ticks
	default:
		p.X.Tick.Marker = linTicks{N: max(len(order), 2), Integer: integer}
	}

	if c.Best >= 0 && c.Best < len(c.Sizes) && usable(c.Sizes[c.Best]) {
		x := c.Sizes[c.Best]
		p.Add(vline{X: x, Style: bestStyle})
		p.Legend.Add(labels.Best, vlineThumb(bestStyle))
		drawn = append(drawn, plotter.XYs{{X: x, Y: p.Y.Max}})
	}
	placeLegend(p, drawn)

	return p, nil
}

// errorRuns returns the errors of the candidates, taken in order, as
// lines of (size, error) that break where an error cannot be shown on a
// log scale. Errors are brought within minLoss and maxLoss.
func errorRuns(sizes, errs []float64, order []int) []plotter.XYs {
	if errs == nil {
		return nil
	}
	var (
		runs []plotter.XYs
		cur  plotter.XYs
	)
	for _, i := range order {
		e := errs[i]
		if !(e > 0) || math.IsInf(e, 1) {
			if len(cur) > 0 {
				runs = append(runs, cur)
			}
			cur = nil
			continue
		}
		cur = append(cur, plotter.XY{X: sizes[i], Y: math.Max(minLoss, math.Min(maxLoss, e))})
	}
	if len(cur) > 0 {
		runs = append(runs, cur)
	}
	return runs
}

// vline is a vertical line across the whole data area at X.
type vline struct {
	X     float64
	Style draw.LineStyle
}

// Plot implements the plot.Plotter interface.
func (v vline) Plot(c draw.Canvas, p *plot.Plot) {
	if v.X < p.X.Min || v.X > p.X.Max {
		return
	}
	trX, _ := p.Transforms(&c)
	x := trX(v.X)
	c.StrokeLine2(v.Style, x, c.Min.Y, x, c.Max.Y)
}

// vlineThumb is a legend thumbnail for a vertical line.
type vlineThumb draw.LineStyle

// Thumbnail implements the plot.Thumbnailer interface.
func (v vlineThumb) Thumbnail(c *draw.Canvas) {
	x := c.Center().X
	c.StrokeLine2(draw.LineStyle(v), x, c.Min.Y, x, c.Max.Y)
}

// labelTicks marks an axis with the given ticks.
type labelTicks []plot.Tick

// Ticks implements the plot.Ticker interface: it returns the ticks within
// lo to hi.
func (t labelTicks) Ticks(lo, hi float64) []plot.Tick {
	var in []plot.Tick
	for _, tk := range t {
		if tk.Value >= lo && tk.Value <= hi {
			in = append(in, tk)
		}
	}
	return in
}
