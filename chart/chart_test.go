package chart

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Monthly mean temperatures and their degree-4 least-squares polynomial.
var (
	months = []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
	temps  = []float64{5.2, 5.7, 8.6, 14.9, 18.2, 20.4, 25.5, 26.4, 22.8, 17.5, 11.1, 6.6}
	quartW = []float64{11.12020, -9.293603, 4.063967, -0.4540275, 0.01474359}
)

// quartic evaluates the polynomial with coefficients quartW at x.
func quartic(x float64) float64 {
	var s float64
	for k := len(quartW) - 1; k >= 0; k-- {
		s = s*x + quartW[k]
	}
	return s
}

// colorNear reports whether c is the colour want drawn over white with a
// coverage of at least one half, as at the centre of an antialiased line.
func colorNear(c color.Color, want color.RGBA) bool {
	r, g, b, _ := c.RGBA()
	got := [3]float64{float64(r >> 8), float64(g >> 8), float64(b >> 8)}
	ref := [3]float64{float64(want.R), float64(want.G), float64(want.B)}
	// Estimate the coverage from the channel that differs most from white.
	k := 0
	for i := range ref {
		if ref[i] < ref[k] {
			k = i
		}
	}
	a := (255 - got[k]) / (255 - ref[k])
	if a < 0.5 || a > 1.1 {
		return false
	}
	for i := range ref {
		if math.Abs(got[i]-(a*ref[i]+(1-a)*255)) > 24 {
			return false
		}
	}
	return true
}

// colorWithin reports whether img has a pixel of colour want within r
// pixels of (px, py).
func colorWithin(img image.Image, px, py, r float64, want color.RGBA) bool {
	for y := int(math.Floor(py - r)); y <= int(math.Ceil(py+r)); y++ {
		for x := int(math.Floor(px - r)); x <= int(math.Ceil(px+r)); x++ {
			if !(image.Point{X: x, Y: y}).In(img.Bounds()) {
				continue
			}
			if math.Hypot(float64(x)+0.5-px, float64(y)+0.5-py) > r {
				continue
			}
			if colorNear(img.At(x, y), want) {
				return true
			}
		}
	}
	return false
}

// countColor returns the number of pixels of colour want in the rectangle.
func countColor(img image.Image, r image.Rectangle, want color.RGBA) int {
	n := 0
	r = r.Intersect(img.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if colorNear(img.At(x, y), want) {
				n++
			}
		}
	}
	return n
}

// dataRect returns the pixel rectangle of the data area of p.
func dataRect(t *testing.T, p *plot.Plot, w, h int) image.Rectangle {
	t.Helper()
	toPix := pixelMapper(t, p, w, h)
	x0, y0 := toPix(p.X.Min, p.Y.Max)
	x1, y1 := toPix(p.X.Max, p.Y.Min)
	return image.Rect(int(math.Ceil(x0)), int(math.Ceil(y0)), int(x1), int(y1))
}

func pixelMapper(t *testing.T, p *plot.Plot, w, h int) func(x, y float64) (float64, float64) {
	t.Helper()
	toPix, err := dataToPixels(p, w, h)
	if err != nil {
		t.Fatalf("dataToPixels: %v", err)
	}
	return toPix
}

func render(t *testing.T, p *plot.Plot, w, h int) image.Image {
	t.Helper()
	img, err := Render(p, w, h)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	if got := img.Bounds(); got != image.Rect(0, 0, w, h) {
		t.Fatalf("image bounds = %v, want %dx%d", got, w, h)
	}
	return img
}

func TestFitCurvePassesNearPoints(t *testing.T) {
	for _, size := range []struct{ w, h int }{{1280, 800}, {640, 400}} {
		p, err := FitPlot(Fit{
			Title:   "Monthly temperature",
			XLabel:  "month",
			YLabel:  "temperature",
			X:       months,
			Y:       temps,
			Predict: quartic,
		})
		if err != nil {
			t.Fatalf("FitPlot: %v", err)
		}
		var buf bytes.Buffer
		err = Write(&buf, p, pixels(size.w, DPI), pixels(size.h, DPI), "png")
		if err != nil {
			t.Fatalf("Write: %v", err)
		}
		img, err := png.Decode(&buf)
		if err != nil {
			t.Fatalf("decoding PNG: %v", err)
		}
		if got := img.Bounds(); got != image.Rect(0, 0, size.w, size.h) {
			t.Fatalf("PNG bounds = %v, want %dx%d", got, size.w, size.h)
		}
		toPix := pixelMapper(t, p, size.w, size.h)

		for i, x := range months {
			px, py := toPix(x, quartic(x))
			if !colorWithin(img, px, py, 3, predictedColor) {
				t.Errorf("%dx%d: no curve pixel within 3px of (%v, %.2f) at pixel (%.0f, %.0f)",
					size.w, size.h, x, quartic(x), px, py)
			}

			ox, oy := toPix(x, temps[i])
			if !colorWithin(img, ox, oy, 4, observedColor) {
				t.Errorf("%dx%d: observed point (%v, %v) not drawn at pixel (%.0f, %.0f)",
					size.w, size.h, x, temps[i], ox, oy)
			}
			// The curve is at most the residual away from the point.
			if r := math.Abs(oy - py); !colorWithin(img, ox, oy, r+3, predictedColor) {
				t.Errorf("%dx%d: no curve pixel within %.0fpx of observed point (%v, %v)",
					size.w, size.h, r+3, x, temps[i])
			}

			// A point moved far from the curve has no curve near it.
			off := 8.0
			if quartic(x) > 15 {
				off = -8
			}
			fx, fy := toPix(x, quartic(x)+off)
			if colorWithin(img, fx, fy, 4, predictedColor) {
				t.Errorf("%dx%d: curve pixel found near (%v, %.2f), far from the curve",
					size.w, size.h, x, quartic(x)+off)
			}
		}
	}
}

func TestFitOptimumAndNoPrediction(t *testing.T) {
	const w, h = 1280, 800
	shifted := func(x float64) float64 { return quartic(x) + 3 }
	p, err := FitPlot(Fit{X: months, Y: temps, Optimum: shifted})
	if err != nil {
		t.Fatalf("FitPlot: %v", err)
	}
	img := render(t, p, w, h)
	if n := countColor(img, img.Bounds(), predictedColor); n != 0 {
		t.Errorf("found %d pixels of the predicted curve's colour without Predict", n)
	}
	toPix := pixelMapper(t, p, w, h)
	for _, x := range months {
		px, py := toPix(x, shifted(x))
		// The line is dashed: look a dash gap's length around.
		if !colorWithin(img, px, py, 7, optimumColor) {
			t.Errorf("no optimum pixel near (%v, %.2f)", x, shifted(x))
		}
	}
}

func TestFitCurveGaps(t *testing.T) {
	const w, h = 1280, 800
	p, err := FitPlot(Fit{
		X: months,
		Y: temps,
		Predict: func(x float64) float64 {
			if x > 5 && x < 7 {
				return math.NaN()
			}
			return quartic(x)
		},
	})
	if err != nil {
		t.Fatalf("FitPlot: %v", err)
	}
	img := render(t, p, w, h)
	toPix := pixelMapper(t, p, w, h)
	da := dataRect(t, p, w, h)

	for _, x := range []float64{5.3, 6, 6.7} {
		px, _ := toPix(x, 0)
		col := image.Rect(int(px), da.Min.Y, int(px)+1, da.Max.Y)
		if n := countColor(img, col, predictedColor); n != 0 {
			t.Errorf("found %d curve pixels at x=%v where Predict is NaN", n, x)
		}
	}
	for _, x := range []float64{3, 9} {
		px, py := toPix(x, quartic(x))
		if !colorWithin(img, px, py, 3, predictedColor) {
			t.Errorf("no curve pixel near (%v, %.2f) outside the gap", x, quartic(x))
		}
	}
}

func TestFitDivergedCurveDoesNotSquashData(t *testing.T) {
	const w, h = 1280, 800
	diverged := func(x float64) float64 { return math.Exp(3 * x) }
	p, err := FitPlot(Fit{X: months, Y: temps, Predict: diverged})
	if err != nil {
		t.Fatalf("FitPlot: %v", err)
	}
	span := 26.4 - 5.2
	if p.Y.Max > 26.4+span*(fitClip+1e-9) || p.Y.Min < 5.2-span*(fitMargin+1e-9) {
		t.Errorf("y axis = [%v, %v], want within the data extended by one span", p.Y.Min, p.Y.Max)
	}
	img := render(t, p, w, h)
	toPix := pixelMapper(t, p, w, h)
	// exp(3x) = 20 at x ≈ 1: the visible start of the curve is drawn.
	x := math.Log(20) / 3
	px, py := toPix(x, 20)
	if !colorWithin(img, px, py, 3, predictedColor) {
		t.Errorf("no curve pixel near (%.3f, 20)", x)
	}
	// It is clipped at the top of the data area.
	da := dataRect(t, p, w, h)
	below := image.Rect(da.Min.X, da.Max.Y-int(float64(da.Dy())*0.5), da.Max.X, da.Max.Y)
	right := image.Rect(int(px)+20, da.Min.Y, da.Max.X, da.Max.Y)
	if n := countColor(img, below.Intersect(right), predictedColor); n != 0 {
		t.Errorf("found %d curve pixels in the lower right, where the diverged curve is off the chart", n)
	}
}

func TestFitEdgeCases(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	tests := []struct {
		name       string
		fit        Fit
		xmin, xmax float64 // expected x axis range if xmin < xmax
	}{
		{name: "empty"},
		{name: "predict only", fit: Fit{Predict: quartic, XMin: 1, XMax: 12}, xmin: 1, xmax: 12},
		{name: "optimum only", fit: Fit{Optimum: quartic}},
		{name: "single point", fit: Fit{X: []float64{3}, Y: []float64{7}, Predict: quartic}},
		{name: "equal range", fit: Fit{X: months, Y: temps, Predict: quartic, XMin: 5, XMax: 5}, xmin: 1, xmax: 12},
		{name: "extended range", fit: Fit{X: months, Y: temps, Predict: quartic, XMax: 24, XMin: 1}, xmin: 1, xmax: 24},
		{name: "reversed range", fit: Fit{X: months, Y: temps, Predict: quartic, XMin: 24, XMax: 0}, xmin: 0, xmax: 24},
		{name: "NaN range", fit: Fit{X: months, Y: temps, XMin: nan, XMax: 3}, xmin: 1, xmax: 12},
		{name: "flat data", fit: Fit{X: months, Y: make([]float64, 12), Predict: quartic}},
		{name: "bad points", fit: Fit{X: []float64{1, nan, 3, inf, 5, 1e300}, Y: []float64{2, 3, inf, 4, 5, 6}, Predict: quartic}, xmin: 1, xmax: 5},
		{name: "NaN curve", fit: Fit{X: months, Y: temps, Predict: func(float64) float64 { return nan }}},
		{name: "Inf curve", fit: Fit{X: months, Y: temps, Predict: func(float64) float64 { return -inf }, Optimum: func(float64) float64 { return inf }}},
		{name: "huge curve", fit: Fit{X: months, Y: temps, Predict: func(x float64) float64 { return math.Pow(-1, math.Floor(x*10)) * 1e307 }}},
		{name: "huge curve only", fit: Fit{Predict: func(x float64) float64 { return 1e307 * x }}},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			p, err := FitPlot(test.fit)
			if err != nil {
				t.Fatalf("FitPlot: %v", err)
			}
			for _, a := range []plot.Axis{p.X, p.Y} {
				if !(a.Min < a.Max) || math.IsInf(a.Min, 0) || math.IsInf(a.Max, 0) {
					t.Errorf("axis range [%v, %v] is not a finite, non-empty range", a.Min, a.Max)
				}
			}
			if test.xmin < test.xmax && (p.X.Min != test.xmin || p.X.Max != test.xmax) {
				t.Errorf("x axis = [%v, %v], want [%v, %v]", p.X.Min, p.X.Max, test.xmin, test.xmax)
			}
			render(t, p, 640, 400)
		})
	}
}

func TestFitLengthMismatch(t *testing.T) {
	if _, err := FitPlot(Fit{X: []float64{1, 2}, Y: []float64{1}}); err == nil {
		t.Error("FitPlot accepted 2 x values with 1 y value")
	}
}

func TestFitLegendLabels(t *testing.T) {
	legend := func(f Fit) vg.Point {
		t.Helper()
		f.X, f.Y = months, temps
		p, err := FitPlot(f)
		if err != nil {
			t.Fatalf("FitPlot: %v", err)
		}
		c := draw.Canvas{Rectangle: vg.Rectangle{Max: vg.Point{X: 960, Y: 600}}}
		return p.Legend.Rectangle(c).Size()
	}
	def := legend(Fit{Predict: quartic, Optimum: quartic})
	long := legend(Fit{Predict: quartic, Optimum: quartic, Labels: Labels{Optimum: "least-squares optimum of the model"}})
	two := legend(Fit{Predict: quartic})
	if !(long.X > def.X) {
		t.Errorf("legend width %v with a long label, %v with the default: label not used", long.X, def.X)
	}
	if !(two.Y < def.Y) {
		t.Errorf("legend height %v with two entries, %v with three", two.Y, def.Y)
	}
}

func TestClipCurve(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name   string
		xs, ys []float64
		want   []plotter.XYs
	}{
		{
			name: "inside",
			xs:   []float64{0, 1, 2}, ys: []float64{1, 2, 3},
			want: []plotter.XYs{{{X: 0, Y: 1}, {X: 1, Y: 2}, {X: 2, Y: 3}}},
		},
		{
			name: "peak cut off",
			xs:   []float64{0, 1, 2}, ys: []float64{0, 10, 0},
			want: []plotter.XYs{{{X: 0, Y: 0}, {X: 0.5, Y: 5}}, {{X: 1.5, Y: 5}, {X: 2, Y: 0}}},
		},
		{
			name: "crossing the window",
			xs:   []float64{0, 1}, ys: []float64{-5, 15},
			want: []plotter.XYs{{{X: 0.25, Y: 0}, {X: 0.5, Y: 5}}},
		},
		{
			name: "NaN gap",
			xs:   []float64{0, 1, 2, 3, 4}, ys: []float64{1, 2, nan, 3, 4},
			want: []plotter.XYs{{{X: 0, Y: 1}, {X: 1, Y: 2}}, {{X: 3, Y: 3}, {X: 4, Y: 4}}},
		},
		{
			name: "outside",
			xs:   []float64{0, 1, 2}, ys: []float64{7, 1e300, math.Inf(1)},
		},
	}
	for _, test := range tests {
		got := clipCurve(test.xs, test.ys, 0, 5)
		if len(got) != len(test.want) {
			t.Errorf("%s: got %d lines %v, want %v", test.name, len(got), got, test.want)
			continue
		}
		for i := range got {
			if len(got[i]) != len(test.want[i]) {
				t.Errorf("%s: line %d = %v, want %v", test.name, i, got[i], test.want[i])
				continue
			}
			for j, xy := range got[i] {
				w := test.want[i][j]
				if math.Abs(xy.X-w.X) > 1e-12 || math.Abs(xy.Y-w.Y) > 1e-12 {
					t.Errorf("%s: line %d = %v, want %v", test.name, i, got[i], test.want[i])
					break
				}
			}
		}
	}
}

// optimumRow returns the pixel row within the data area of img that has
// the most pixels of the optimum line's colour, and their number.
func optimumRow(img image.Image, da image.Rectangle) (row, count int) {
	for y := da.Min.Y; y < da.Max.Y; y++ {
		n := countColor(img, image.Rect(da.Min.X, y, da.Max.X, y+1), optimumColor)
		if n > count {
			row, count = y, n
		}
	}
	return row, count
}

func TestLossPlot(t *testing.T) {
	const w, h = 1280, 800
	nan, inf := math.NaN(), math.Inf(1)
	losses := []float64{100, nan, 50, 0, -3, inf, 20, 10, -inf, 5}
	p, err := LossPlot(Loss{Title: "Loss", XLabel: "step", YLabel: "SSE", Losses: losses, Optimum: 2})
	if err != nil {
		t.Fatalf("LossPlot: %v", err)
	}
	if !(p.Y.Min > 0 && p.Y.Min < 2 && p.Y.Max > 100) {
		t.Errorf("y axis = [%v, %v], want positive and covering [2, 100]", p.Y.Min, p.Y.Max)
	}
	if _, ok := p.Y.Scale.(plot.LogScale); !ok {
		t.Errorf("y scale is %T, want plot.LogScale", p.Y.Scale)
	}
	img := render(t, p, w, h)
	toPix := pixelMapper(t, p, w, h)
	da := dataRect(t, p, w, h)

	_, oy := toPix(0, 2)
	row, count := optimumRow(img, da)
	if math.Abs(float64(row)+0.5-oy) > 1.5 {
		t.Errorf("optimum line at row %d, want row %.1f", row, oy)
	}
	if count < da.Dx()/3 {
		t.Errorf("optimum line has %d pixels in a %dpx wide data area", count, da.Dx())
	}

	for i, v := range losses {
		if !(v > 0) || math.IsInf(v, 0) {
			continue
		}
		px, py := toPix(float64(i), v)
		if !colorWithin(img, px, py, 3, lossColor) {
			t.Errorf("no loss pixel near step %d, loss %v", i, v)
		}
	}
}

func TestLossPlotNoOptimum(t *testing.T) {
	const w, h = 1280, 800
	for _, opt := range []float64{math.NaN(), 0, -1, math.Inf(1), math.Inf(-1)} {
		p, err := LossPlot(Loss{Steps: []float64{10, 20, 30}, Losses: []float64{9, 4, 1}, Optimum: opt})
		if err != nil {
			t.Fatalf("LossPlot(optimum %v): %v", opt, err)
		}
		img := render(t, p, w, h)
		if _, count := optimumRow(img, dataRect(t, p, w, h)); count > 20 {
			t.Errorf("optimum %v: found a line of %d optimum pixels", opt, count)
		}
	}
}

func TestLossPlotEdgeCases(t *testing.T) {
	nan := math.NaN()
	tests := []Loss{
		{},
		{Losses: []float64{nan, 0, -1, math.Inf(1)}},
		{Losses: []float64{nan, 0}, Optimum: 3},
		{Losses: []float64{5}},
		{Losses: []float64{5, 5, 5}, Optimum: 5},
		{Losses: []float64{1e300, 1e-300, math.SmallestNonzeroFloat64, math.MaxFloat64}},
		{Steps: []float64{nan, 1, 2}, Losses: []float64{3, 2, 1}},
	}
	for i, l := range tests {
		p, err := LossPlot(l)
		if err != nil {
			t.Fatalf("case %d: LossPlot: %v", i, err)
		}
		if !(p.Y.Min > 0 && p.Y.Max > p.Y.Min) || math.IsInf(p.Y.Max, 0) {
			t.Errorf("case %d: y axis = [%v, %v], want a positive finite range", i, p.Y.Min, p.Y.Max)
		}
		render(t, p, 640, 400)
	}
	if _, err := LossPlot(Loss{Steps: []float64{1}, Losses: []float64{1, 2}}); err == nil {
		t.Error("LossPlot accepted 1 step with 2 losses")
	}
}

func TestResidualPlot(t *testing.T) {
	const w, h = 640, 400
	res := make([]float64, len(months))
	for i, x := range months {
		res[i] = temps[i] - quartic(x)
	}
	p, err := ResidualPlot(Residuals{Title: "Residuals", XLabel: "month", YLabel: "residual", X: months, Residuals: res})
	if err != nil {
		t.Fatalf("ResidualPlot: %v", err)
	}
	img := render(t, p, w, h)
	toPix := pixelMapper(t, p, w, h)
	for i, x := range months {
		px, py := toPix(x, res[i])
		if !colorWithin(img, px, py, 1.5, observedColor) {
			t.Errorf("residual %d not drawn at (%.0f, %.0f)", i, px, py)
		}
	}
	_, zy := toPix(0, 0)
	da := dataRect(t, p, w, h)
	row := image.Rect(da.Min.X, int(zy), da.Max.X, int(zy)+1)
	if n := countColor(img, row, zeroColor); n < da.Dx()/2 {
		t.Errorf("zero line: %d pixels at row %d, want most of %d", n, int(zy), da.Dx())
	}

	// All positive: the axis still includes zero.
	p, err = ResidualPlot(Residuals{X: []float64{1, 2}, Residuals: []float64{3, 4}})
	if err != nil {
		t.Fatalf("ResidualPlot: %v", err)
	}
	if !(p.Y.Min < 0) {
		t.Errorf("y axis = [%v, %v], want it to include 0", p.Y.Min, p.Y.Max)
	}
	for _, r := range []Residuals{{}, {X: []float64{1}, Residuals: []float64{math.NaN()}}} {
		p, err := ResidualPlot(r)
		if err != nil {
			t.Fatalf("ResidualPlot(%v): %v", r, err)
		}
		render(t, p, w, h)
	}
	if _, err := ResidualPlot(Residuals{X: []float64{1}}); err == nil {
		t.Error("ResidualPlot accepted 1 x value with no residual")
	}
}

func TestDecimate(t *testing.T) {
	xys := make(plotter.XYs, 10007)
	for i := range xys {
		xys[i] = plotter.XY{X: float64(i), Y: math.Sin(float64(i)) * float64(i%97)}
	}
	xys[5003].Y = 1e6
	xys[7001].Y = -1e6
	got := decimate(xys, 4000)
	if len(got) > 4000 || len(got) < 3000 {
		t.Fatalf("decimate to 4000 points returned %d", len(got))
	}
	if got[0] != xys[0] || got[len(got)-1] != xys[len(xys)-1] {
		t.Errorf("first and last points %v, %v; want %v, %v", got[0], got[len(got)-1], xys[0], xys[len(xys)-1])
	}
	_, _, ymin, ymax, _ := bounds(got)
	if ymin != -1e6 || ymax != 1e6 {
		t.Errorf("decimated range [%v, %v], want the extremes kept", ymin, ymax)
	}
	for i := 1; i < len(got); i++ {
		if !(got[i].X > got[i-1].X) {
			t.Fatalf("points out of order at %d: %v after %v", i, got[i], got[i-1])
		}
	}
	if short := xys[:100]; len(decimate(short, 4000)) != 100 {
		t.Error("decimate changed a line shorter than the limit")
	}
}

func TestTicksStayInRange(t *testing.T) {
	for _, r := range [][2]float64{{12.1, 3700}, {0.5, 0.9}, {1e-3, 1e9}, {11.9, 13.2}} {
		for _, tk := range (logTicks{}).Ticks(r[0], r[1]) {
			if tk.Value < r[0]*(1-1e-9) || tk.Value > r[1]*(1+1e-9) {
				t.Errorf("range %v: tick %v outside", r, tk.Value)
			}
		}
	}
	p := plot.New()
	p.X.Tick.Marker = linTicks{N: 7}
	restore := fitXTicks(p, 200)
	if m := p.X.Tick.Marker.(linTicks); m.N != 2 {
		t.Errorf("200 px wide axis asks for %d labels", m.N)
	}
	restore()
	if m := p.X.Tick.Marker.(linTicks); m.N != 7 {
		t.Errorf("ticker not restored: N = %d", m.N)
	}
}
