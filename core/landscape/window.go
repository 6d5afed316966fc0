package landscape

import "math"

// windowMargin is the space left around what a default window must show, as
// a fraction of its half-widths.
const windowMargin = 0.1

// defaultWindow returns the window of a map m, whose Base, Min, Opt and
// Path are set, on the plane pl: centred on the plane's lowest point, and
// just large enough to hold the smallest contour ellipse that contains the
// whole path, the current weights and the optimum's point. optSSE sets the
// size when every point is at the lowest one.
//
// The window takes the ellipse's shape: a thin tilted trough, whose two
// weights move together, fills it from corner to corner, and a round bowl,
// whose weights are independent, from side to side. When the loss has no
// single lowest point on the plane the window is the points' bounding box.
func defaultWindow(pl plane, m *Map, optSSE float64) Window {
	xs := append([]float64{m.OptX}, m.PathX...)
	ys := append([]float64{m.OptY}, m.PathY...)
	if pl.det() == 0 {
		return boundingWindow(xs, ys)
	}
	rise := 0.0
	for k := range xs {
		rise = math.Max(rise, pl.rise(xs[k]-m.MinX, ys[k]-m.MinY))
	}
	if !(rise > 0) || math.IsInf(rise, 0) {
		rise = math.Max(optSSE, 1)
	}
	ha, hb := pl.reach(rise)
	ha *= 1 + windowMargin
	hb *= 1 + windowMargin
	w := Window{XMin: m.MinX - ha, XMax: m.MinX + ha, YMin: m.MinY - hb, YMax: m.MinY + hb}
	if w.empty() || math.IsInf(ha, 0) || math.IsInf(hb, 0) {
		return boundingWindow(xs, ys)
	}
	return w
}

// boundingWindow returns the box around the points with a margin.
func boundingWindow(xs, ys []float64) Window {
	lo := func(v []float64) float64 {
		m := math.Inf(1)
		for _, x := range v {
			m = math.Min(m, x)
		}
		return m
	}
	hi := func(v []float64) float64 {
		m := math.Inf(-1)
		for _, x := range v {
			m = math.Max(m, x)
		}
		return m
	}
	pad := func(a, b float64) (float64, float64) {
		c, h := (a+b)/2, (b-a)/2*(1+windowMargin)
		if !(h > 0) {
			h = math.Max(math.Abs(c)/10, 0.5)
		}
		return c - h, c + h
	}
	var w Window
	w.XMin, w.XMax = pad(lo(xs), hi(xs))
	w.YMin, w.YMax = pad(lo(ys), hi(ys))
	return w
}
