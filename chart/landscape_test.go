package chart

import (
	"image"
	"image/color"
	"slices"
	"testing"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/landscape"
	"tempfit/core/optim"
	"tempfit/core/train"
)

// trained returns the snapshot of the book's model after steps of Adam at
// the learning rate lr, on raw or scaled x.
func trained(t testing.TB, s fit.Scaling, lr float64, steps int) *train.Snapshot {
	t.Helper()
	d, err := data.New("month", "temperature", months, temps)
	if err != nil {
		t.Fatal(err)
	}
	m := fit.BookModel()
	m.Scaling = s
	tr, err := train.New(d, train.Config{Model: m, Method: optim.Adam, LearningRate: lr, Steps: steps})
	if err != nil {
		t.Fatal(err)
	}
	tr.Advance(steps)
	return tr.Snapshot()
}

func landscapeMap(t testing.TB, s *train.Snapshot, hold landscape.Hold) *landscape.Map {
	t.Helper()
	m, err := landscape.FromSnapshot(s, landscape.Options{I: 3, J: 4, Hold: hold})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// brightness returns the median of the pixels' summed channels in r.
func brightness(img image.Image, r image.Rectangle) int {
	var v []int
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c, g, b, _ := img.At(x, y).RGBA()
			v = append(v, int(c>>8+g>>8+b>>8))
		}
	}
	slices.Sort(v)
	return v[len(v)/2]
}

func TestLandscapePlot(t *testing.T) {
	const w, h = 700, 500
	s := trained(t, fit.Raw, 0.001, 3000)
	m := landscapeMap(t, s, landscape.AtOptimum)
	p, err := LandscapePlot(Landscape{Title: "Loss over w3 and w4", Map: m})
	if err != nil {
		t.Fatal(err)
	}
	if p.X.Label.Text != "w3" || p.Y.Label.Text != "w4" {
		t.Errorf("axis labels %q and %q, want w3 and w4", p.X.Label.Text, p.Y.Label.Text)
	}
	if p.X.Min > m.Window.XMin || p.X.Max < m.Window.XMax || p.Y.Min > m.Window.YMin || p.Y.Max < m.Window.YMax {
		t.Errorf("axes [%v, %v] × [%v, %v] do not cover the window %+v", p.X.Min, p.X.Max, p.Y.Min, p.Y.Max, m.Window)
	}
	img := render(t, p, w, h)
	toPix := pixelMapper(t, p, w, h)
	da := dataRect(t, p, w, h)

	// The path, to its current point.
	n := len(m.PathX)
	for _, k := range []int{n / 10, n / 2, n - 1} {
		px, py := toPix(m.PathX[k], m.PathY[k])
		if !colorWithin(img, px, py, 3, predictedColor) {
			t.Errorf("no path pixel near path point %d of %d", k, n)
		}
	}
	// The optimum's ring, about 5 points from its centre.
	ox, oy := toPix(m.OptX, m.OptY)
	ring := 5 * DPI / 72.0
	for _, d := range [][2]float64{{ring, 0}, {-ring, 0}, {0, ring}, {0, -ring}} {
		if !colorWithin(img, ox+d[0], oy+d[1], 2, color.RGBA{A: 255}) {
			t.Errorf("no black ring pixel at %v from the optimum", d)
		}
	}
	// Contour lines.
	if got := countColor(img, da, contourStyle.Color.(color.RGBA)); got < 500 {
		t.Errorf("%d contour pixels, want lines", got)
	}
	// The shading is light along the trough and dark off it: on raw x the
	// trough runs from the top left corner to the bottom right one.
	block := func(fx, fy float64) image.Rectangle {
		x := da.Min.X + int(fx*float64(da.Dx()))
		y := da.Min.Y + int(fy*float64(da.Dy()))
		return image.Rect(x-6, y-6, x+6, y+6)
	}
	along := min(brightness(img, block(0.05, 0.05)), brightness(img, block(0.95, 0.95)))
	off := max(brightness(img, block(0.95, 0.05)), brightness(img, block(0.05, 0.95)))
	if along <= off+30 {
		t.Errorf("brightness along the trough %d, off it %d: want the trough lighter", along, off)
	}
}

// On scaled x the bowl is round: the shading is the same at the four
// corners, all darker than near the lowest point.
func TestLandscapePlotRoundBowl(t *testing.T) {
	const w, h = 600, 600
	s := trained(t, fit.Scaled, 0.1, 200)
	m := landscapeMap(t, s, landscape.AtCurrent)
	p, err := LandscapePlot(Landscape{Map: m, XLabel: "cubic", YLabel: "quartic", Labels: LandscapeLabels{Path: "경로"}})
	if err != nil {
		t.Fatal(err)
	}
	if p.X.Label.Text != "cubic" || p.Y.Label.Text != "quartic" {
		t.Errorf("axis labels %q and %q", p.X.Label.Text, p.Y.Label.Text)
	}
	img := render(t, p, w, h)
	da := dataRect(t, p, w, h)
	toPix := pixelMapper(t, p, w, h)
	// Near the four corners, below and above the legend's box in the
	// top left.
	var corners []int
	for _, f := range [][2]float64{{0.03, 0.15}, {0.97, 0.15}, {0.03, 0.85}, {0.97, 0.85}} {
		x := da.Min.X + int(f[0]*float64(da.Dx()))
		y := da.Min.Y + int(f[1]*float64(da.Dy()))
		corners = append(corners, brightness(img, image.Rect(x-5, y-5, x+5, y+5)))
	}
	if slices.Max(corners)-slices.Min(corners) > 25 {
		t.Errorf("corner brightness %v: not a round bowl", corners)
	}
	// Halfway from the lowest point to the window's edge it is lighter.
	mx, my := toPix(m.MinX, (m.MinY+m.Window.YMax)/2)
	if mid := brightness(img, image.Rect(int(mx)-5, int(my)-5, int(mx)+5, int(my)+5)); mid <= slices.Max(corners)+30 {
		t.Errorf("brightness %d halfway up, corners %v: want it lighter", mid, corners)
	}
}

func TestLandscapePlotErrors(t *testing.T) {
	if _, err := LandscapePlot(Landscape{}); err == nil {
		t.Error("no map: no error")
	}
	m := landscapeMap(t, trained(t, fit.Raw, 0.001, 10), landscape.AtOptimum)
	bad := *m
	bad.Loss = bad.Loss[:10]
	if _, err := LandscapePlot(Landscape{Map: &bad}); err == nil {
		t.Error("short grid: no error")
	}
	bad = *m
	bad.PathY = bad.PathY[:1]
	if _, err := LandscapePlot(Landscape{Map: &bad}); err == nil {
		t.Error("path of unequal lengths: no error")
	}
	// A flat map has no levels and still draws.
	flat := *m
	flat.Loss = make([]float64, len(m.Loss))
	flat.Levels = nil
	p, err := LandscapePlot(Landscape{Map: &flat})
	if err != nil {
		t.Fatal(err)
	}
	render(t, p, 300, 200)
}

// BenchmarkLandscapeGrid computes a 100×100 map of the book's raw problem
// with a 100,000-step path, as each frame of the landscape view does.
func BenchmarkLandscapeGrid(b *testing.B) {
	s := trained(b, fit.Raw, 0.001, 100000)
	for b.Loop() {
		if _, err := landscape.FromSnapshot(s, landscape.Options{I: 3, J: 4, Hold: landscape.AtCurrent}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLandscapeRender draws that map's chart at 600×450 pixels.
func BenchmarkLandscapeRender(b *testing.B) {
	m := landscapeMap(b, trained(b, fit.Raw, 0.001, 100000), landscape.AtCurrent)
	for b.Loop() {
		p, err := LandscapePlot(Landscape{Map: m})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Render(p, 600, 450); err != nil {
			b.Fatal(err)
		}
	}
}
