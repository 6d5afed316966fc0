package chart

import (
	"math"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// holdOut splits the monthly temperatures into the months trained on and
// the months held out.
func holdOut(held ...int) (x, y, hx, hy []float64) {
	for i, m := range months {
		isHeld := false
		for _, h := range held {
			isHeld = isHeld || int(m) == h
		}
		if isHeld {
			hx, hy = append(hx, m), append(hy, temps[i])
		} else {
			x, y = append(x, m), append(y, temps[i])
		}
	}
	return x, y, hx, hy
}

// legendEntries returns the number of entries of p's legend, found from
// its height.
func legendEntries(t *testing.T, p *plot.Plot) int {
	t.Helper()
	c := draw.Canvas{Rectangle: vg.Rectangle{Max: vg.Point{X: 960, Y: 600}}}
	h := p.Legend.Rectangle(c).Size().Y
	row := p.Legend.TextStyle.Rectangle("Ag").Max.Y + p.Legend.Padding
	return int(math.Round(float64((h + p.Legend.Padding) / row)))
}

func TestFitHeldOut(t *testing.T) {
	const w, h = 1280, 800
	x, y, hx, hy := holdOut(3, 8)
	p, err := FitPlot(Fit{X: x, Y: y, HeldX: hx, HeldY: hy, Predict: quartic})
	if err != nil {
		t.Fatalf("FitPlot: %v", err)
	}
	img := render(t, p, w, h)
	toPix := pixelMapper(t, p, w, h)
	for i := range hx {
		px, py := toPix(hx[i], hy[i])
		if !colorWithin(img, px, py, 7, heldColor) {
			t.Errorf("held-out point (%v, %v): no ring at pixel (%.0f, %.0f)", hx[i], hy[i], px, py)
		}
		if colorWithin(img, px, py, 1.5, heldColor) || colorWithin(img, px, py, 1.5, observedColor) {
			t.Errorf("held-out point (%v, %v): the ring is not hollow", hx[i], hy[i])
		}
	}
	for i := range x {
		px, py := toPix(x[i], y[i])
		if !colorWithin(img, px, py, 1.5, observedColor) {
			t.Errorf("observed point (%v, %v) not drawn as before", x[i], y[i])
		}
		if colorWithin(img, px, py, 7, heldColor) {
			t.Errorf("observed point (%v, %v) drawn with a ring", x[i], y[i])
		}
	}
	if n := legendEntries(t, p); n != 3 {
		t.Errorf("legend has %d entries, want observed, held out and predicted", n)
	}

	// Held-out points among the observed ones show as ringed dots.
	p, err = FitPlot(Fit{X: months, Y: temps, HeldX: hx, HeldY: hy})
	if err != nil {
		t.Fatalf("FitPlot: %v", err)
	}
	img = render(t, p, w, h)
	toPix = pixelMapper(t, p, w, h)
	for i := range hx {
		px, py := toPix(hx[i], hy[i])
		if !colorWithin(img, px, py, 1.5, observedColor) || !colorWithin(img, px, py, 7, heldColor) {
			t.Errorf("held-out point (%v, %v) among the observed: no ringed dot", hx[i], hy[i])
		}
	}
}

func TestFitHeldOutSetsTheAxes(t *testing.T) {
	p, err := FitPlot(Fit{X: months, Y: temps, HeldX: []float64{20, math.NaN()}, HeldY: []float64{-10, 3}})
	if err != nil {
		t.Fatalf("FitPlot: %v", err)
	}
	if p.X.Max < 20 || p.Y.Min > -10 {
		t.Errorf("axes [%v, %v]×[%v, %v] leave out the held-out point (20, -10)", p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
	}
	if _, ok := p.X.Tick.Marker.(linTicks); !ok || !p.X.Tick.Marker.(linTicks).Integer {
		t.Errorf("x ticker %#v, want integer ticks for points at integers", p.X.Tick.Marker)
	}

	// Held-out points alone make a chart.
	p, err = FitPlot(Fit{HeldX: []float64{1, 2, 3}, HeldY: []float64{4, 6, 5}, Predict: quartic})
	if err != nil {
		t.Fatalf("FitPlot: %v", err)
	}
	if p.X.Min > 1 || p.X.Max < 3 || p.Y.Min > 4 || p.Y.Max < 6 {
		t.Errorf("axes [%v, %v]×[%v, %v] for held-out points alone", p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
	}
	render(t, p, 640, 400)

	if _, err := FitPlot(Fit{X: months, Y: temps, HeldX: []float64{1}}); err == nil {
		t.Error("FitPlot accepted 1 held-out x value with no y value")
	}
}

func TestResidualHeldOut(t *testing.T) {
	const w, h = 640, 400
	x, y, hx, hy := holdOut(2, 6, 11)
	res := func(x, y []float64) []float64 {
		r := make([]float64, len(x))
		for i := range x {
			r[i] = y[i] - quartic(x[i])
		}
		return r
	}
	p, err := ResidualPlot(Residuals{X: x, Residuals: res(x, y), HeldX: hx, HeldResiduals: res(hx, hy), Labels: Labels{HeldOut: "검증"}})
	if err != nil {
		t.Fatalf("ResidualPlot: %v", err)
	}
	img := render(t, p, w, h)
	toPix := pixelMapper(t, p, w, h)
	for i, r := range res(hx, hy) {
		px, py := toPix(hx[i], r)
		if !colorWithin(img, px, py, 7, heldColor) {
			t.Errorf("held-out residual %d: no ring at pixel (%.0f, %.0f)", i, px, py)
		}
	}
	for i, r := range res(x, y) {
		px, py := toPix(x[i], r)
		if !colorWithin(img, px, py, 1.5, observedColor) {
			t.Errorf("residual %d not drawn at (%.0f, %.0f)", i, px, py)
		}
	}
	if n := legendEntries(t, p); n != 2 {
		t.Errorf("legend has %d entries, want observed and held out", n)
	}

	// Without held-out points there is no legend, as before.
	p, err = ResidualPlot(Residuals{X: x, Residuals: res(x, y)})
	if err != nil {
		t.Fatalf("ResidualPlot: %v", err)
	}
	if n := legendEntries(t, p); n != 0 {
		t.Errorf("legend has %d entries without held-out points, want none", n)
	}
	if _, err := ResidualPlot(Residuals{HeldX: []float64{1, 2}, HeldResiduals: []float64{1}}); err == nil {
		t.Error("ResidualPlot accepted 2 held-out x values with 1 residual")
	}
}
