// Command icon draws Tempfit's application icon and writes it as a 512×512
// PNG: a rounded square holding a thermometer whose scale serves as the
// y axis, a year of monthly temperatures as dots, and the seasonal curve
// fitted to them, coloured from blue (cold) to red (warm).
//
// Run it from the repository root to regenerate Icon.png:
//
//	go run ./scripts/icon
//
// The output depends only on this program, so it is the same byte for byte
// on every run.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"

	"golang.org/x/image/vector"
)

// size is the width and height of the icon in pixels.
const size = 512

// The data points: a temperature in °C for every other month, scattered
// around a seasonal cycle so that the fitted curve passes between them.
// Six points stay apart even at small sizes.
var (
	months = [6]float64{1.5, 3.5, 5.5, 7.5, 9.5, 11.5}
	temps  = [6]float64{-0.5, 9.0, 22.5, 23.0, 16.5, 9.5}
)

// The layout, in pixels.
const (
	margin = 24.0  // between the canvas edge and the rounded square
	corner = 104.0 // corner radius of the rounded square

	tubeX     = 130.0 // centre line of the thermometer
	tubeTop   = 92.0  // top of the tube
	tubeHalf  = 24.0  // half the tube's outer width
	bulbY     = 384.0 // centre of the bulb
	bulbR     = 44.0  // outer radius of the bulb
	glass     = 8.0   // thickness of the glass
	mercury   = 10.0  // half the width of the mercury column
	mercuryTo = 24.0  // temperature the mercury reaches

	plotLeft, plotRight = 214.0, 460.0 // x of months 0.5 and 12.5
	curveFrom, curveTo  = 0.6, 12.3    // months where the curve starts and ends
	tempLow, tempHigh   = -5.0, 30.0   // temperatures at the scale's ends
	scaleLow, scaleHigh = 360.0, 116.0 // y of tempLow and tempHigh

	curveHalf = 10.0 // half the curve's width
	dotR      = 15.0 // radius of a data point
	dotRing   = 5.0  // gap cut around a data point
)

// Colours.
var (
	bgTop     = rgb(0x26, 0x3a, 0x66)
	bgBottom  = rgb(0x10, 0x1a, 0x33)
	glassCol  = rgb(0xe6, 0xed, 0xf7)
	innerCol  = rgb(0x0b, 0x13, 0x26)
	tickCol   = rgb(0xa8, 0xb8, 0xd4)
	axisCol   = rgb(0x3a, 0x4f, 0x7a)
	dotCol    = rgb(0xff, 0xff, 0xff)
	coldCol   = rgb(0x3d, 0x9b, 0xff)
	middleCol = rgb(0xb0, 0x6c, 0xf0)
	warmCol   = rgb(0xff, 0x4a, 0x3d)
)

func main() {
	out := flag.String("o", "Icon.png", "file to write")
	flag.Parse()
	var buf bytes.Buffer
	if err := png.Encode(&buf, render()); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Println("wrote", *out)
}

// render draws the icon.
func render() *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	bg := &gradient{y0: margin, y1: size - margin, stops: []color.RGBA{bgTop, bgBottom}}
	heat := &gradient{y0: y(tempLow), y1: y(tempHigh), stops: []color.RGBA{coldCol, middleCol, warmCol}}

	fill(img, bg, func(r *vector.Rasterizer) {
		roundRect(r, margin, margin, size-margin, size-margin, corner)
	})

	// The thermometer: glass, the dark inside, then the mercury.
	fill(img, image.NewUniform(glassCol), func(r *vector.Rasterizer) {
		capsule(r, tubeX, tubeTop, bulbY, tubeHalf)
		circle(r, tubeX, bulbY, bulbR)
	})
	fill(img, image.NewUniform(innerCol), func(r *vector.Rasterizer) {
		capsule(r, tubeX, tubeTop+glass, bulbY, tubeHalf-glass)
		circle(r, tubeX, bulbY, bulbR-glass)
	})
	fill(img, heat, func(r *vector.Rasterizer) {
		capsule(r, tubeX, y(mercuryTo), bulbY, mercury)
		circle(r, tubeX, bulbY, bulbR-glass-6)
	})

	// Ticks to the right of the tube, every 5 °C, longer every 10 °C.
	fill(img, image.NewUniform(tickCol), func(r *vector.Rasterizer) {
		for t := tempLow; t <= tempHigh; t += 5 {
			length := 16.0
			if math.Mod(t, 10) == 0 {
				length = 28
			}
			x0 := tubeX + tubeHalf + 10
			roundRect(r, x0, y(t)-3.5, x0+length, y(t)+3.5, 3.5)
		}
	})

	// A faint time axis at the bottom of the scale.
	fill(img, image.NewUniform(axisCol), func(r *vector.Rasterizer) {
		roundRect(r, x(0.5), y(tempLow)-3, x(12.5), y(tempLow)+3, 3)
	})

	// The fitted curve, then the points with a gap cut around each.
	curve := fitted()
	fill(img, heat, func(r *vector.Rasterizer) { stroke(r, curve, curveHalf) })
	fill(img, bg, func(r *vector.Rasterizer) {
		for i, m := range months {
			circle(r, x(m), y(temps[i]), dotR+dotRing)
		}
	})
	fill(img, image.NewUniform(dotCol), func(r *vector.Rasterizer) {
		for i, m := range months {
			circle(r, x(m), y(temps[i]), dotR)
		}
	})
	return img
}

// x returns the horizontal position of month m (0.5 to 12.5).
func x(m float64) float64 {
	return plotLeft + (m-0.5)/12*(plotRight-plotLeft)
}

// y returns the vertical position of temperature t.
func y(t float64) float64 {
	return scaleLow + (t-tempLow)/(tempHigh-tempLow)*(scaleHigh-scaleLow)
}

// fitted returns points along the least-squares fit of one seasonal
// harmonic, t = c + a·cos(2πm/12) + b·sin(2πm/12), to the data points, from
// month curveFrom to curveTo. The points are equally spaced over the year, so the
// three terms are orthogonal and each coefficient is a plain projection.
func fitted() [][2]float64 {
	var c, a, b float64
	n := float64(len(months))
	for i, m := range months {
		s, co := math.Sincos(2 * math.Pi * m / 12)
		c += temps[i] / n
		a += 2 * temps[i] * co / n
		b += 2 * temps[i] * s / n
	}
	const steps = 240
	pts := make([][2]float64, steps+1)
	for i := range pts {
		m := curveFrom + (curveTo-curveFrom)*float64(i)/steps
		s, co := math.Sincos(2 * math.Pi * m / 12)
		pts[i] = [2]float64{x(m), y(c + a*co + b*s)}
	}
	return pts
}

// fill fills the shape that build adds to a rasterizer with src.
func fill(dst *image.RGBA, src image.Image, build func(r *vector.Rasterizer)) {
	r := vector.NewRasterizer(size, size)
	build(r)
	r.Draw(dst, dst.Bounds(), src, image.Point{})
}

// Every shape below is traced clockwise on screen, so that overlapping
// shapes in one rasterizer add up instead of cancelling.

// kappa places the control points of a cubic Bézier quarter circle.
const kappa = 0.5522847498

// roundRect adds a rectangle with corners of radius rad.
func roundRect(r *vector.Rasterizer, x0, y0, x1, y1, rad float64) {
	k := rad * (1 - kappa)
	r.MoveTo(f(x0+rad), f(y0))
	r.LineTo(f(x1-rad), f(y0))
	r.CubeTo(f(x1-k), f(y0), f(x1), f(y0+k), f(x1), f(y0+rad))
	r.LineTo(f(x1), f(y1-rad))
	r.CubeTo(f(x1), f(y1-k), f(x1-k), f(y1), f(x1-rad), f(y1))
	r.LineTo(f(x0+rad), f(y1))
	r.CubeTo(f(x0+k), f(y1), f(x0), f(y1-k), f(x0), f(y1-rad))
	r.LineTo(f(x0), f(y0+rad))
	r.CubeTo(f(x0), f(y0+k), f(x0+k), f(y0), f(x0+rad), f(y0))
	r.ClosePath()
}

// capsule adds a vertical bar of half width h, rounded at the top, from
// top to bottom around the line x = cx.
func capsule(r *vector.Rasterizer, cx, top, bottom, h float64) {
	roundRect(r, cx-h, top, cx+h, bottom+h, h)
}

// circle adds a circle.
func circle(r *vector.Rasterizer, cx, cy, rad float64) {
	roundRect(r, cx-rad, cy-rad, cx+rad, cy+rad, rad)
}

// stroke adds the outline of the polyline pts drawn with half width h and
// round ends. The polyline must bend less sharply than a circle of radius h.
func stroke(r *vector.Rasterizer, pts [][2]float64, h float64) {
	n := len(pts)
	left := make([][2]float64, n)
	right := make([][2]float64, n)
	for i := range pts {
		a, b := pts[max(i-1, 0)], pts[min(i+1, n-1)]
		dx, dy := b[0]-a[0], b[1]-a[1]
		l := math.Hypot(dx, dy)
		nx, ny := -dy/l*h, dx/l*h
		left[i] = [2]float64{pts[i][0] + nx, pts[i][1] + ny}
		right[i] = [2]float64{pts[i][0] - nx, pts[i][1] - ny}
	}
	r.MoveTo(f(right[0][0]), f(right[0][1]))
	for _, p := range right[1:] {
		r.LineTo(f(p[0]), f(p[1]))
	}
	capArc(r, pts[n-1], right[n-1], h)
	for i := n - 2; i >= 0; i-- {
		r.LineTo(f(left[i][0]), f(left[i][1]))
	}
	capArc(r, pts[0], left[0], h)
	r.ClosePath()
}

// capArc adds the half circle of radius h around c that starts at from and
// turns clockwise on screen to the opposite point.
func capArc(r *vector.Rasterizer, c, from [2]float64, h float64) {
	start := math.Atan2(from[1]-c[1], from[0]-c[0])
	const steps = 24
	for i := 1; i <= steps; i++ {
		s, co := math.Sincos(start + math.Pi*float64(i)/steps)
		r.LineTo(f(c[0]+h*co), f(c[1]+h*s))
	}
}

func f(v float64) float32 { return float32(v) }

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 0xff} }

// gradient is an opaque image whose colour changes with y only, passing
// evenly through stops from y0 to y1 and constant beyond them.
type gradient struct {
	y0, y1 float64
	stops  []color.RGBA
}

func (g *gradient) ColorModel() color.Model { return color.RGBAModel }

func (g *gradient) Bounds() image.Rectangle {
	return image.Rect(-1e9, -1e9, 1e9, 1e9)
}

func (g *gradient) At(_, py int) color.Color {
	t := (float64(py) + 0.5 - g.y0) / (g.y1 - g.y0)
	t = math.Max(0, math.Min(1, t)) * float64(len(g.stops)-1)
	i := min(int(t), len(g.stops)-2)
	t -= float64(i)
	a, b := g.stops[i], g.stops[i+1]
	mix := func(p, q uint8) uint8 { return uint8(math.Round(float64(p) + t*(float64(q)-float64(p)))) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
}
