package landscape

import "math"

// windowMargin is the space left around what a default window must show, as
// a fraction of its half-widths.
const windowMargin = 0.1

// defaultWindow returns the window of a map m, whose Base, Min, Opt and
// Path are set, on the plane pl: centred on the plane's lowest point, with
// the shape of the box around the loss's contour ellipses, and just large
// enough to hold the whole path, the current weights and the optimum's
// point. optSSE sets the size when every point is at the lowest one.
//
// Taking the ellipses' shape keeps the landscape's own: a thin tilted
// trough, whose two weights move together, runs from corner to corner, and
// a round bowl, whose weights are independent, stays round. When the loss
// has no single lowest point on the plane the window is the points'
// bounding box.
func defaultWindow(pl plane, m *Map, optSSE float64) Window {
	xs := append([]float64{m.OptX}, m.PathX...)
	ys := append([]float64{m.OptY}, m.PathY...)
	if pl.det() == 0 {
		return boundingWindow(xs, ys)
	}
	// The box of the contour one unit above the lowest point, scaled up
	// until it holds every point.
	ha, hb := pl.reach(1)
	scale := 0.0
	for k := range xs {
		scale = math.Max(scale, math.Max(math.Abs(xs[k]-m.MinX)/ha, math.Abs(ys[k]-m.MinY)/hb))
	}
	if !(scale > 0) || math.IsInf(scale, 0) {
		scale = math.Sqrt(math.Max(optSSE, 1))
	}
	ha *= scale * (1 + windowMargin)
	hb *= scale * (1 + windowMargin)
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
