package chart

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"tempfit/core/landscape"
)

// Landscape describes the landscape chart: the loss over two weights as
// shading and contour lines, with a run's path drawn over it to its
// current point, and the exact optimum marked.
type Landscape struct {
	Title string
	// XLabel and YLabel default to the weights' names, such as "w3" and
	// "w4".
	XLabel, YLabel string
	Map            *landscape.Map
	Labels         LandscapeLabels
}

// LandscapeLabels holds the legend texts of the landscape chart, so that
// the caller can translate them. An empty field is replaced by its English
// default.
type LandscapeLabels struct {
	Path    string // the run's path; default "Path"
	Current string // its current weights; default "Now"
	Optimum string // the exact optimum; default "Optimum"
}

func (l LandscapeLabels) withDefaults() LandscapeLabels {
	def := func(s *string, d string) {
		if *s == "" {
			*s = d
		}
	}
	def(&l.Path, "Path")
	def(&l.Current, "Now")
	def(&l.Optimum, "Optimum")
	return l
}

// Colours and styles of the landscape chart.
var (
	// The shading runs from low loss to high.
	landscapeLow  = color.RGBA{R: 252, G: 250, B: 238, A: 255}
	landscapeHigh = color.RGBA{R: 125, G: 158, B: 196, A: 255}

	contourStyle = draw.LineStyle{Color: color.RGBA{R: 70, G: 80, B: 95, A: 255}, Width: vg.Points(0.75)}
	pathStyle    = draw.LineStyle{Color: predictedColor, Width: vg.Points(1.75)}
	currentGlyph = draw.GlyphStyle{Color: predictedColor, Radius: vg.Points(4), Shape: draw.CircleGlyph{}}
	optimumGlyph = draw.GlyphStyle{Color: color.Black, Radius: vg.Points(5), Shape: ringGlyph{Width: vg.Points(1.5)}}
)

// LandscapePlot returns the landscape chart described by l. The shading
// follows the logarithm of the loss's rise above its lowest point on the
// plane, and the contours are the map's levels. It returns an error if
// the map is missing or its grid is malformed.
func LandscapePlot(l Landscape) (*plot.Plot, error) {
	m := l.Map
	if m == nil {
		return nil, errors.New("chart: no landscape map")
	}
	if len(m.X) < 2 || len(m.Y) < 2 || len(m.Loss) != len(m.X)*len(m.Y) {
		return nil, fmt.Errorf("chart: a %d×%d landscape grid with %d values", len(m.X), len(m.Y), len(m.Loss))
	}
	if len(m.PathX) != len(m.PathY) {
		return nil, fmt.Errorf("chart: a path of %d x values but %d y values", len(m.PathX), len(m.PathY))
	}
	labels := l.Labels.withDefaults()
	xLabel, yLabel := l.XLabel, l.YLabel
	if xLabel == "" {
		xLabel = fmt.Sprintf("w%d", m.I)
	}
	if yLabel == "" {
		yLabel = fmt.Sprintf("w%d", m.J)
	}
	p := newPlot(l.Title, xLabel, yLabel)

	losses := finiteLosses(m.Loss)
	shade := newShading(m, losses)
	p.Add(shade)
	if len(m.Levels) > 0 {
		contours := plotter.NewContour(mapGrid{m, losses}, m.Levels, nil)
		contours.LineStyles = []draw.LineStyle{contourStyle}
		p.Add(contourLines{contours})
	}

	var path plotter.XYs
	for i, x := range m.PathX {
		if usable(x) && usable(m.PathY[i]) {
			path = append(path, plotter.XY{X: x, Y: m.PathY[i]})
		}
	}
	if len(path) > 0 {
		p.Add(polyline{XYs: path, Style: pathStyle})
		p.Legend.Add(labels.Path, lineThumb(pathStyle))
		now := path[len(path)-1:]
		p.Add(&plotter.Scatter{XYs: now, GlyphStyle: currentGlyph})
		p.Legend.Add(labels.Current, glyphThumb(currentGlyph))
	}
	p.Add(&plotter.Scatter{XYs: plotter.XYs{{X: m.OptX, Y: m.OptY}}, GlyphStyle: optimumGlyph})
	p.Legend.Add(labels.Optimum, glyphThumb(optimumGlyph))

	setRange(&p.X, shade.area.Min.X, shade.area.Max.X)
	setRange(&p.Y, shade.area.Min.Y, shade.area.Max.Y)
	placeLegend(p, []plotter.XYs{path})
	return p, nil
}

// finiteLosses returns losses with every value that is not finite replaced
// by the largest finite one, so that shading and contours can be drawn.
func finiteLosses(losses []float64) []float64 {
	top := math.Inf(-1)
	for _, v := range losses {
		if !math.IsInf(v, 0) && !math.IsNaN(v) {
			top = math.Max(top, v)
		}
	}
	out := make([]float64, len(losses))
	for i, v := range losses {
		if math.IsInf(v, 0) || math.IsNaN(v) {
			v = top
		}
		out[i] = v
	}
	return out
}

// mapGrid presents a landscape map's losses as a plotter.GridXYZ.
type mapGrid struct {
	m      *landscape.Map
	losses []float64
}

// Dims implements the plotter.GridXYZ interface.
func (g mapGrid) Dims() (c, r int) { return len(g.m.X), len(g.m.Y) }

// Z implements the plotter.GridXYZ interface.
func (g mapGrid) Z(c, r int) float64 { return g.losses[r*len(g.m.X)+c] }

// X implements the plotter.GridXYZ interface.
func (g mapGrid) X(c int) float64 { return g.m.X[c] }

// Y implements the plotter.GridXYZ interface.
func (g mapGrid) Y(r int) float64 { return g.m.Y[r] }

// contourLines draws contours without asking the plot to make room for a
// glyph at every grid point, as plotter.Contour does.
type contourLines struct{ c *plotter.Contour }

// Plot implements the plot.Plotter interface.
func (l contourLines) Plot(c draw.Canvas, p *plot.Plot) { l.c.Plot(c, p) }

// shading is an image of one pixel per grid point, coloured by the
// logarithm of the loss's rise above the lowest point, stretched over the
// grid's cells: each pixel covers half a cell beyond its point.
type shading struct {
	img  *image.RGBA
	area struct{ Min, Max plotter.XY }
}

func newShading(m *landscape.Map, losses []float64) shading {
	cols, rows := len(m.X), len(m.Y)
	floor := math.SmallestNonzeroFloat64
	if len(m.Levels) > 0 {
		floor = math.Max(m.Levels[0]-m.MinLoss, floor)
	}
	z := make([]float64, len(losses))
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, v := range losses {
		z[i] = math.Log10(math.Max(v-m.MinLoss, 0) + floor)
		lo, hi = math.Min(lo, z[i]), math.Max(hi, z[i])
	}
	s := shading{img: image.NewRGBA(image.Rect(0, 0, cols, rows))}
	for i, v := range z {
		t := 0.0
		if hi > lo {
			t = (v - lo) / (hi - lo)
		}
		c, r := i%cols, i/cols
		s.img.SetRGBA(c, rows-1-r, blend(landscapeLow, landscapeHigh, t))
	}
	dx, dy := (m.X[cols-1]-m.X[0])/float64(cols-1)/2, (m.Y[rows-1]-m.Y[0])/float64(rows-1)/2
	s.area.Min = plotter.XY{X: m.X[0] - dx, Y: m.Y[0] - dy}
	s.area.Max = plotter.XY{X: m.X[cols-1] + dx, Y: m.Y[rows-1] + dy}
	return s
}

// Plot implements the plot.Plotter interface.
func (s shading) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	c.DrawImage(vg.Rectangle{
		Min: vg.Point{X: trX(s.area.Min.X), Y: trY(s.area.Min.Y)},
		Max: vg.Point{X: trX(s.area.Max.X), Y: trY(s.area.Max.Y)},
	}, s.img)
}

// blend returns the colour a fraction t of the way from a to b.
func blend(a, b color.RGBA, t float64) color.RGBA {
	ch := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + t*(float64(y)-float64(x)))) }
	return color.RGBA{R: ch(a.R, b.R), G: ch(a.G, b.G), B: ch(a.B, b.B), A: 255}
}
