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
	return l
}

// Colors and styles shared by the charts.
var (
	observedColor  = color.RGBA{R: 31, G: 119, B: 180, A: 255}
	predictedColor = color.RGBA{R: 214, G: 39, B: 40, A: 255}
	optimumColor   = color.RGBA{R: 90, G: 90, B: 90, A: 255}
	lossColor      = color.RGBA{R: 31, G: 119, B: 180, A: 255}
	zeroColor      = color.RGBA{R: 90, G: 90, B: 90, A: 255}
	gridColor      = color.RGBA{R: 225, G: 225, B: 225, A: 255}

	observedGlyph = draw.GlyphStyle{
		Color:  observedColor,
		Radius: vg.Points(3.5),
		Shape:  draw.CircleGlyph{},
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

// scatter draws a glyph at each point.
type scatter struct {
	XYs   plotter.XYs
	Glyph draw.GlyphStyle
}

// Plot implements the plot.Plotter interface.
func (s scatter) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, xy := range s.XYs {
		c.DrawGlyph(s.Glyph, vg.Point{X: trX(xy.X), Y: trY(xy.Y)})
	}
}

// GlyphBoxes implements the plot.GlyphBoxer interface, so that glyphs at
// the edges of the data area are not cut off.
func (s scatter) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	r := s.Glyph.Radius
	boxes := make([]plot.GlyphBox, len(s.XYs))
	for i, xy := range s.XYs {
		boxes[i] = plot.GlyphBox{
			X:         p.X.Norm(xy.X),
			Y:         p.Y.Norm(xy.Y),
			Rectangle: vg.Rectangle{Min: vg.Point{X: -r, Y: -r}, Max: vg.Point{X: r, Y: r}},
		}
	}
	return boxes
}

// points returns the pairs (x[i], y[i]) for which keep reports true for
// both values.
func points(x, y []float64, keep func(float64) bool) plotter.XYs {
	n := min(len(x), len(y))
	xys := make(plotter.XYs, 0, n)
	for i := 0; i < n; i++ {
		if keep(x[i]) && keep(y[i]) {
			xys = append(xys, plotter.XY{X: x[i], Y: y[i]})
		}
	}
	return xys
}

// maxScatter is the most points a scatter draws; beyond it a glyph per
// point only blots the chart and slows every frame.
const maxScatter = 2000

// thinned returns at most n of xys, evenly spaced by index, keeping the
// first and the last.
func thinned(xys plotter.XYs, n int) plotter.XYs {
	if len(xys) <= n || n < 2 {
		return xys
	}
	out := make(plotter.XYs, n)
	for i := range out {
		out[i] = xys[i*(len(xys)-1)/(n-1)]
	}
	return out
}

// xTicks returns the ticker for an x axis showing the points: integer
// ticks if the points are at integers spread over at least two units,
// such as months, and any ticks otherwise.
func xTicks(xys plotter.XYs) linTicks {
	xmin, xmax, _, _, ok := bounds(xys)
	integer := ok && xmax-xmin >= 2
	for _, xy := range xys {
		integer = integer && xy.X == math.Trunc(xy.X)
	}
	return linTicks{N: 7, Integer: integer}
}

// bounds returns the ranges of the points, with ok false when there are
// none.
func bounds(xys plotter.XYs) (xmin, xmax, ymin, ymax float64, ok bool) {
	if len(xys) == 0 {
		return 0, 0, 0, 0, false
	}
	xmin, xmax = xys[0].X, xys[0].X
	ymin, ymax = xys[0].Y, xys[0].Y
	for _, xy := range xys[1:] {
		xmin = math.Min(xmin, xy.X)
		xmax = math.Max(xmax, xy.X)
		ymin = math.Min(ymin, xy.Y)
		ymax = math.Max(ymax, xy.Y)
	}
	return xmin, xmax, ymin, ymax, true
}
