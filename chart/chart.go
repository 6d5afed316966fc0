package chart

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Labels holds the legend texts of the charts, so that the caller can
// translate them. An empty field is replaced by its English default.
type Labels struct {
	Observed  string // observed data points; default "Observed"
	Predicted string // current model curve; default "Predicted"
	Optimum   string // exact least-squares optimum; default "Optimum"
	Loss      string // training loss; default "Loss"

	HeldOut string // points held out of training; default "Held out"

	// ConfidenceBand and PredictionBand label the bands of the fit chart
	// that have no Label of their own; defaults "Confidence band" and
	// "Prediction band".
	ConfidenceBand string
	PredictionBand string

	// Train, LOO, CV and Best label the comparison chart's training,
	// leave-one-out and cross-validation errors and its best candidate;
	// defaults "Training error", "Leave-one-out error",
	// "Cross-validation error" and "Best".
	Train, LOO, CV string
	Best           string
}

// withDefaults returns l with its empty fields set to the English defaults.
func (l Labels) withDefaults() Labels {
	def := func(s *string, d string) {
		if *s == "" {
			*s = d
		}
	}
	def(&l.Observed, "Observed")
	def(&l.Predicted, "Predicted")
	def(&l.Optimum, "Optimum")
	def(&l.Loss, "Loss")
	def(&l.HeldOut, "Held out")
	def(&l.ConfidenceBand, "Confidence band")
	def(&l.PredictionBand, "Prediction band")
	def(&l.Train, "Training error")
	def(&l.LOO, "Leave-one-out error")
	def(&l.CV, "Cross-validation error")
	def(&l.Best, "Best")
	return l
}

// Colors and styles shared by the charts.
var (
	observedColor  = color.RGBA{R: 31, G: 119, B: 180, A: 255}
	predictedColor = color.RGBA{R: 214, G: 39, B: 40, A: 255}
	heldColor      = color.RGBA{R: 255, G: 127, B: 14, A: 255}
	optimumColor   = color.RGBA{R: 90, G: 90, B: 90, A: 255}
	lossColor      = color.RGBA{R: 31, G: 119, B: 180, A: 255}
	zeroColor      = color.RGBA{R: 90, G: 90, B: 90, A: 255}
	gridColor      = color.RGBA{R: 225, G: 225, B: 225, A: 255}

	observedGlyph = draw.GlyphStyle{
		Color:  observedColor,
		Radius: vg.Points(3.5),
		Shape:  draw.CircleGlyph{},
	}
	// heldGlyph is a ring a little larger than observedGlyph, so that a
	// held-out point that is also among the observed ones shows as a
	// ringed dot.
	heldGlyph = draw.GlyphStyle{
		Color:  heldColor,
		Radius: vg.Points(4.5),
		Shape:  ringGlyph{Width: vg.Points(1.5)},
	}
	predictedStyle = draw.LineStyle{
		Color: predictedColor,
		Width: vg.Points(2),
	}
	optimumStyle = draw.LineStyle{
		Color:  optimumColor,
		Width:  vg.Points(1.25),
		Dashes: []vg.Length{vg.Points(6), vg.Points(4)},
	}
	lossStyle = draw.LineStyle{
		Color: lossColor,
		Width: vg.Points(1.5),
	}
	zeroStyle = draw.LineStyle{
		Color: zeroColor,
		Width: vg.Points(1),
	}
)

// Font sizes of the chart texts.
const (
	titleSize  = vg.Length(14)
	labelSize  = vg.Length(12)
	tickSize   = vg.Length(10)
	legendSize = vg.Length(11)
)

// maxValue bounds the magnitude of the values placed on a linear axis.
// Larger values are treated like non-finite ones, so that spans and
// transforms computed from them cannot overflow.
const maxValue = 1e100

// usable reports whether v can be placed on a linear axis.
func usable(v float64) bool {
	return !math.IsNaN(v) && math.Abs(v) <= maxValue
}

// newPlot returns a plot with the given texts, drawn with the package's
// current font, and a light grid behind the data.
func newPlot(title, xLabel, yLabel string) *plot.Plot {
	hdlr, fnt := currentFont()

	p := plot.New()
	p.TextHandler = hdlr

	p.Title.Text = title
	p.Title.TextStyle.Handler = hdlr
	p.Title.TextStyle.Font = font.From(fnt, titleSize)
	p.Title.Padding = vg.Points(8)

	p.X.Label.Text = xLabel
	p.Y.Label.Text = yLabel
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Handler = hdlr
		a.Label.TextStyle.Font = font.From(fnt, labelSize)
		a.Label.Padding = vg.Points(4)
		a.Tick.Label.Handler = hdlr
		a.Tick.Label.Font = font.From(fnt, tickSize)
	}
	p.X.Tick.Marker = linTicks{N: 7}
	p.Y.Tick.Marker = linTicks{N: 6}

	p.Legend.TextStyle.Handler = hdlr
	p.Legend.TextStyle.Font = font.From(fnt, legendSize)
	p.Legend.Top = true
	p.Legend.Padding = vg.Points(2)
	p.Legend.YOffs = -vg.Points(4)
	p.Legend.XOffs = -vg.Points(4)

	grid := plotter.NewGrid()
	grid.Vertical = draw.LineStyle{Color: gridColor, Width: vg.Points(0.5)}
	grid.Horizontal = grid.Vertical
	p.Add(grid)

	return p
}

// setRange sets the range of an axis, widening an empty range so that
// the axis can be drawn.
func setRange(a *plot.Axis, lo, hi float64) {
	if lo > hi {
		lo, hi = hi, lo
	}
	if lo == hi {
		d := math.Max(math.Abs(lo)*0.05, 1)
		lo, hi = lo-d, hi+d
	}
	a.Min, a.Max = lo, hi
}

// normalizer returns a.Norm, which maps the axis range onto [0, 1], as a
// function that is quick to call for many values: a.Norm copies the axis
// at each call.
func normalizer(a *plot.Axis) func(float64) float64 {
	scale, lo, hi := a.Scale, a.Min, a.Max
	if _, ok := scale.(plot.LinearScale); ok {
		return func(v float64) float64 { return (v - lo) / (hi - lo) }
	}
	return func(v float64) float64 { return scale.Normalize(lo, hi, v) }
}

// hline is a horizontal line across the whole data area at height Y.
type hline struct {
	Y     float64
	Style draw.LineStyle
}

// Plot implements the plot.Plotter interface.
func (h hline) Plot(c draw.Canvas, p *plot.Plot) {
	if h.Y < p.Y.Min || h.Y > p.Y.Max {
		return
	}
	_, trY := p.Transforms(&c)
	y := trY(h.Y)
	c.StrokeLine2(h.Style, c.Min.X, y, c.Max.X, y)
}

// Thumbnail implements the plot.Thumbnailer interface.
func (h hline) Thumbnail(c *draw.Canvas) {
	lineThumb(h.Style).Thumbnail(c)
}

// lineThumb is a legend thumbnail for a line style.
type lineThumb draw.LineStyle

// Thumbnail implements the plot.Thumbnailer interface.
func (l lineThumb) Thumbnail(c *draw.Canvas) {
	y := c.Center().Y
	c.StrokeLine2(draw.LineStyle(l), c.Min.X, y, c.Max.X, y)
}

// glyphThumb is a legend thumbnail for a glyph style.
type glyphThumb draw.GlyphStyle

// Thumbnail implements the plot.Thumbnailer interface.
func (g glyphThumb) Thumbnail(c *draw.Canvas) {
	c.DrawGlyph(draw.GlyphStyle(g), c.Center())
}

// polyline draws connected points without padding the plot for them.
// It is cheaper than plotter.Line for long lines and for curves that
// are already clipped to the axis ranges.
type polyline struct {
	XYs   plotter.XYs
	Style draw.LineStyle
}

// Plot implements the plot.Plotter interface.
func (l polyline) Plot(c draw.Canvas, p *plot.Plot) {
	if len(l.XYs) < 2 {
		return
	}
	trX, trY := p.Transforms(&c)
	ps := make([]vg.Point, len(l.XYs))
	for i, xy := range l.XYs {
		ps[i] = vg.Point{X: trX(xy.X), Y: trY(xy.Y)}
	}
	c.SetLineStyle(l.Style)
	for _, line := range c.ClipLinesXY(ps) {
		if len(line) < 2 {
			continue
		}
		var path vg.Path
		path.Move(line[0])
		for _, pt := range line[1:] {
			path.Line(pt)
		}
		c.Stroke(path)
	}
}

// xTicks returns the ticker for an x axis showing the sets of points:
// integer ticks if the points are at integers spread over at least two
// units, such as months, and any ticks otherwise.
func xTicks(sets ...plotter.XYs) linTicks {
	xmin, xmax := math.Inf(1), math.Inf(-1)
	for _, xys := range sets {
		for _, xy := range xys {
			if xy.X != math.Trunc(xy.X) {
				return linTicks{N: 7}
			}
			xmin, xmax = min(xmin, xy.X), max(xmax, xy.X)
		}
	}
	return linTicks{N: 7, Integer: xmax-xmin >= 2}
}

// bounds returns the ranges of the points, none of them NaN, with ok
// false when there are none.
func bounds(xys plotter.XYs) (xmin, xmax, ymin, ymax float64, ok bool) {
	if len(xys) == 0 {
		return 0, 0, 0, 0, false
	}
	xmin, xmax = xys[0].X, xys[0].X
	ymin, ymax = xys[0].Y, xys[0].Y
	for _, xy := range xys[1:] {
		if xy.X < xmin {
			xmin = xy.X
		} else if xy.X > xmax {
			xmax = xy.X
		}
		if xy.Y < ymin {
			ymin = xy.Y
		} else if xy.Y > ymax {
			ymax = xy.Y
		}
	}
	return xmin, xmax, ymin, ymax, true
}
