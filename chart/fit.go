package chart

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"

	"tempfit/core/data"
)

// Fit describes the fit chart: observed points with the curve of the
// model being trained and the curve of the exact optimum.
type Fit struct {
	Title          string
	XLabel, YLabel string // axis labels, e.g. the column names

	// X and Y are the observed points, drawn as a scatter: never joined,
	// so that days without a value show as gaps. Points with a NaN,
	// infinite or huge coordinate are left out.
	X, Y []float64

	// HeldX and HeldY are points held out of training, drawn as orange
	// rings over the observed points, and left out like them when bad.
	// A held-out point may also be among X and Y: it then shows as a
	// ringed dot.
	HeldX, HeldY []float64

	// XAxis says what x stands for. On a date axis the x ticks are dates
	// that suit the span shown (times of day, days, months or years); on
	// a month name axis they are month names.
	XAxis data.XAxis

	// Predict is the current model curve; nil for none.
	Predict func(x float64) float64
	// Optimum is the exact optimum curve, drawn as a faint dashed
	// line; nil for none.
	Optimum func(x float64) float64

	// Bands are intervals about the curves, such as confidence and
	// prediction bands, filled under the curves and the points across
	// the curves' x range. Where bands overlap their colours add up, so
	// a confidence band inside a prediction band shows darker.
	Bands []Band

	// XMin and XMax are the x range over which the curves are drawn.
	// It may extend past the data, for example to predict the next
	// year. An empty range (XMin == XMax, such as the zero values) or
	// a NaN bound selects the range of the data; XMin > XMax is taken
	// as the range between them. The x axis covers both this range
	// and the data.
	XMin, XMax float64

	// Labels holds the legend texts.
	Labels Labels
}

// Parameters of the fit chart's layout.
const (
	// curveSamples is the number of points at which a curve is sampled.
	curveSamples = 400

	// fitMargin is the space left above and below the data, as a
	// fraction of the data's y span.
	fitMargin = 0.08

	// fitClip is how far a curve may extend the y axis beyond the data,
	// as a multiple of the data's y span on each side. Curve values
	// past that do not extend it, so that a diverging curve cannot
	// squash the data; the curve is clipped to the axis.
	fitClip = 1.0
)

// FitPlot returns the fit chart described by f.
//
// The y axis covers the observed points with a margin, extended to show
// the curves and bands up to one data span beyond the data; the rest of
// them is clipped. Curve and band values that are NaN or infinite leave
// gaps. It returns an error if X and Y, or HeldX and HeldY, have
// different lengths, or if a band's Sample returns edges of the wrong
// length.
func FitPlot(f Fit) (*plot.Plot, error) {
	if len(f.X) != len(f.Y) {
		return nil, fmt.Errorf("chart: %d x values but %d y values", len(f.X), len(f.Y))
	}
	if len(f.HeldX) != len(f.HeldY) {
		return nil, fmt.Errorf("chart: %d held-out x values but %d y values", len(f.HeldX), len(f.HeldY))
	}
	labels := f.Labels.withDefaults()
	data := points(f.X, f.Y)
	observed := newScatter(data, observedGlyph)
	held := newScatter(points(f.HeldX, f.HeldY), heldGlyph)
	shareBudget(&observed, &held)
	dxmin, dxmax, dymin, dymax, haveData := scatterBounds(observed, held)

	// The x range of the curves.
	xmin, xmax := f.XMin, f.XMax
	if !usable(xmin) || !usable(xmax) || xmin == xmax {
		xmin, xmax = 0, 1
		if haveData {
			xmin, xmax = dxmin, dxmax
		}
	}
	if xmin > xmax {
		xmin, xmax = xmax, xmin
	}
	if xmin == xmax {
		xmin, xmax = xmin-1, xmax+1
	}

	var optimum, predicted []float64
	xs := make([]float64, curveSamples)
	for i := range xs {
		xs[i] = xmin + (xmax-xmin)*float64(i)/float64(curveSamples-1)
	}
	if f.Optimum != nil {
		optimum = sample(f.Optimum, xs)
	}
	if f.Predict != nil {
		predicted = sample(f.Predict, xs)
	}
	bands, err := sampleBands(f.Bands, xs, labels)
	if err != nil {
		return nil, err
	}

	curves := [][]float64{optimum, predicted}
	for _, b := range bands {
		curves = append(curves, b.lower, b.upper)
	}
	ylo, yhi := fitYRange(dymin, dymax, haveData, curves)

	p := newPlot(f.Title, f.XLabel, f.YLabel)
	drawn := []plotter.XYs{data, held.XYs} // everything drawn, to place the legend
	for _, b := range bands {
		p.Add(bandArea{xs: xs, lower: b.lower, upper: b.upper, Color: b.Kind.color()})
	}
	for _, s := range []scatter{observed, held} {
		if len(s.XYs) > 0 {
			p.Add(s)
		}
	}
	if optimum != nil {
		lines := clipCurve(xs, optimum, ylo, yhi)
		for _, l := range lines {
			p.Add(polyline{XYs: l, Style: optimumStyle})
			drawn = append(drawn, l)
		}
	}
	if predicted != nil {
		lines := clipCurve(xs, predicted, ylo, yhi)
		for _, l := range lines {
			p.Add(polyline{XYs: l, Style: predictedStyle})
			drawn = append(drawn, l)
		}
	}

	if haveData {
		xmin, xmax = math.Min(xmin, dxmin), math.Max(xmax, dxmax)
	}
	p.X.Tick.Marker = pointTicker(f.XAxis, data, held.XYs)
	setRange(&p.X, xmin, xmax)
	setRange(&p.Y, ylo, yhi)

	if len(data) > 0 {
		p.Legend.Add(labels.Observed, glyphThumb(observedGlyph))
	}
	if len(held.XYs) > 0 {
		p.Legend.Add(labels.HeldOut, glyphThumb(heldGlyph))
	}
	if predicted != nil {
		p.Legend.Add(labels.Predicted, lineThumb(predictedStyle))
	}
	if optimum != nil {
		p.Legend.Add(labels.Optimum, lineThumb(optimumStyle))
	}
	for _, b := range bands {
		if top := b.visibleTop(xs, ylo, yhi); len(top) > 0 {
			p.Legend.Add(b.label(labels), fillThumb{Color: b.Kind.color()})
			drawn = append(drawn, top)
		}
	}
	placeLegend(p, drawn)

	return p, nil
}

// fitYRange returns the y range of the fit chart: the data's, dlo to dhi
// if haveData, or else the range of the first curve with usable values,
// with a margin, and extended to the curves' values up to fitClip spans
// beyond it.
func fitYRange(dlo, dhi float64, haveData bool, curves [][]float64) (ylo, yhi float64) {
	lo, hi, ok := dlo, dhi, haveData
	for _, ys := range curves {
		if !ok {
			lo, hi, ok = valueRange(ys)
		}
	}
	if !ok {
		lo, hi = 0, 1
	}
	span := hi - lo
	if span <= 1e-12*math.Max(math.Abs(lo), math.Abs(hi)) {
		span = math.Max(math.Abs(hi), 1)
	}
	ylo, yhi = lo-fitMargin*span, hi+fitMargin*span
	clipLo, clipHi := lo-fitClip*span, hi+fitClip*span
	for _, ys := range curves {
		for _, y := range ys {
			if y >= clipLo && y <= clipHi {
				ylo, yhi = math.Min(ylo, y), math.Max(yhi, y)
			}
		}
	}
	return ylo, yhi
}

// pointTicker returns the ticker for an x axis of what a stands for,
// showing the observed and the held-out points.
func pointTicker(a data.XAxis, observed, held plotter.XYs) plot.Ticker {
	t := xTicker(a, observed)
	if _, ok := t.(linTicks); ok {
		return xTicks(observed, held)
	}
	return t
}

// sample returns fn evaluated at each of xs.
func sample(fn func(float64) float64, xs []float64) []float64 {
	ys := make([]float64, len(xs))
	for i, x := range xs {
		ys[i] = fn(x)
	}
	return ys
}

// valueRange returns the range of the usable values in ys, with ok false
// when there are none.
func valueRange(ys []float64) (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, y := range ys {
		if usable(y) {
			lo, hi, ok = math.Min(lo, y), math.Max(hi, y), true
		}
	}
	return lo, hi, ok
}

// clipCurve returns the parts of the curve through (xs[i], ys[i]) that lie
// within lo <= y <= hi, as polylines. Where the curve crosses lo or hi it
// is cut at the crossing; NaN and infinite values leave gaps.
func clipCurve(xs, ys []float64, lo, hi float64) []plotter.XYs {
	// Values far beyond the window are brought closer so that the
	// crossing computations cannot overflow; this does not move any
	// visible part of the curve noticeably.
	far := 1e3 * (hi - lo)
	limit := func(y float64) float64 {
		return math.Max(lo-far, math.Min(hi+far, y))
	}
	finite := func(y float64) bool { return !math.IsNaN(y) && !math.IsInf(y, 0) }

	var (
		lines []plotter.XYs
		cur   plotter.XYs
	)
	flush := func() {
		if len(cur) >= 2 {
			lines = append(lines, cur)
		}
		cur = nil
	}
	for i := 1; i < len(xs); i++ {
		if !finite(ys[i-1]) || !finite(ys[i]) {
			flush()
			continue
		}
		x0, y0 := xs[i-1], limit(ys[i-1])
		x1, y1 := xs[i], limit(ys[i])
		t0, t1 := 0.0, 1.0
		if y0 != y1 {
			ta, tb := (lo-y0)/(y1-y0), (hi-y0)/(y1-y0)
			t0 = math.Max(t0, math.Min(ta, tb))
			t1 = math.Min(t1, math.Max(ta, tb))
		} else if y0 < lo || y0 > hi {
			t0, t1 = 1, 0
		}
		if t0 > t1 {
			flush()
			continue
		}
		at := func(t float64) plotter.XY {
			y := math.Max(lo, math.Min(hi, y0+t*(y1-y0)))
			return plotter.XY{X: x0 + t*(x1-x0), Y: y}
		}
		if t0 > 0 {
			flush()
		}
		if len(cur) == 0 {
			cur = append(cur, at(t0))
		}
		cur = append(cur, at(t1))
		if t1 < 1 {
			flush()
		}
	}
	flush()
	return lines
}

// placeLegend puts the legend in the top corner that is further from
// the drawn points. The x axis must be linear, as in all the package's
// charts.
func placeLegend(p *plot.Plot, drawn []plotter.XYs) {
	// The highest points in the left and the right third of the chart,
	// compared in data values: the y axis's scale keeps their order.
	leftEnd := p.X.Min + 0.35*(p.X.Max-p.X.Min)
	rightStart := p.X.Min + 0.65*(p.X.Max-p.X.Min)
	left, right := math.Inf(-1), math.Inf(-1)
	for _, xys := range drawn {
		for _, xy := range xys {
			switch {
			case xy.X < leftEnd && xy.Y > left:
				left = xy.Y
			case xy.X > rightStart && xy.Y > right:
				right = xy.Y
			}
		}
	}
	if left < right {
		p.Legend.Left = true
		p.Legend.XOffs = -p.Legend.XOffs
	}
}
