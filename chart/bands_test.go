package chart

import (
	"image"
	"image/color"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// over returns the colour of fill drawn over bg.
func over(bg color.RGBA, fill color.NRGBA) color.RGBA {
	a := float64(fill.A) / 255
	mix := func(b, f uint8) uint8 { return uint8(math.Round(a*float64(f) + (1-a)*float64(b))) }
	return color.RGBA{R: mix(bg.R, fill.R), G: mix(bg.G, fill.G), B: mix(bg.B, fill.B), A: 255}
}

var (
	white          = color.RGBA{R: 255, G: 255, B: 255, A: 255}
	predictionFill = over(white, predictionColor)
	bothFill       = over(predictionFill, confidenceColor)
	confidenceFill = over(white, confidenceColor)
)

// sameColor reports whether c is want, give or take rounding.
func sameColor(c color.Color, want color.RGBA) bool {
	r, g, b, _ := c.RGBA()
	d := func(v uint32, w uint8) bool { return math.Abs(float64(v>>8)-float64(w)) <= 3 }
	return d(r, want.R) && d(g, want.G) && d(b, want.B)
}

// fillWithin reports whether img has a pixel of colour want within r
// pixels of (px, py).
func fillWithin(img image.Image, px, py, r float64, want color.RGBA) bool {
	for y := int(py - r); y <= int(py+r); y++ {
		for x := int(px - r); x <= int(px+r); x++ {
			if sameColor(img.At(x, y), want) {
				return true
			}
		}
	}
	return false
}

// countFill returns the number of pixels of colour want in the rectangle.
func countFill(img image.Image, r image.Rectangle, want color.RGBA) int {
	n := 0
	r = r.Intersect(img.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if sameColor(img.At(x, y), want) {
				n++
			}
		}
	}
	return n
}

// aboutQuartic returns a band of the kind from quartic − half to
// quartic + half.
func aboutQuartic(kind BandKind, half float64) Band {
	return Band{
		Kind: kind,
		Sample: func(xs []float64) (lower, upper []float64) {
			for _, x := range xs {
				lower = append(lower, quartic(x)-half)
				upper = append(upper, quartic(x)+half)
			}
			return lower, upper
		},
	}
}

func TestFitBands(t *testing.T) {
	const w, h = 1280, 800
	p, err := FitPlot(Fit{
		X: months, Y: temps, Predict: quartic, XMin: 1, XMax: 16,
		Bands: []Band{aboutQuartic(ConfidenceBand, 1.2), aboutQuartic(PredictionBand, 3.5)},
	})
	if err != nil {
		t.Fatalf("FitPlot: %v", err)
	}
	img := render(t, p, w, h)
	toPix := pixelMapper(t, p, w, h)

	// Past the data too, up to x = 16: the bands cover the curves' range.
	for _, x := range []float64{2.5, 4.5, 6.5, 9.5, 13.5, 15.5} {
		for _, c := range []struct {
			dy   float64
			want color.RGBA
			name string
		}{
			{0.6, bothFill, "both bands above the curve"},
			{-0.6, bothFill, "both bands below the curve"},
			{2.3, predictionFill, "the prediction band above the confidence band"},
			{-2.3, predictionFill, "the prediction band below the confidence band"},
		} {
			px, py := toPix(x, quartic(x)+c.dy)
			if !fillWithin(img, px, py, 2, c.want) {
				t.Errorf("x=%v: no pixel of %s at (%.0f, %.0f)", x, c.name, px, py)
			}
		}
		px, py := toPix(x, quartic(x)+5)
		if fillWithin(img, px, py, 3, predictionFill) || fillWithin(img, px, py, 3, bothFill) {
			t.Errorf("x=%v: band colour outside the bands at (%.0f, %.0f)", x, px, py)
		}
	}
	// The curve is drawn over the bands.
	for _, x := range []float64{3, 8, 14} {
		px, py := toPix(x, quartic(x))
		if !colorWithin(img, px, py, 2, predictedColor) {
			t.Errorf("no curve pixel over the bands at x=%v", x)
		}
	}
}

func TestFitBandGaps(t *testing.T) {
	const w, h = 1280, 800
	nan, inf := math.NaN(), math.Inf(1)
	gappy := Band{Kind: ConfidenceBand, Sample: func(xs []float64) (lower, upper []float64) {
		for _, x := range xs {
			switch {
			case x > 3 && x < 4:
				lower, upper = append(lower, nan), append(upper, quartic(x)+2)
			case x > 6 && x < 7:
				lower, upper = append(lower, quartic(x)-2), append(upper, inf)
			case x > 9 && x < 10:
				lower, upper = append(lower, -inf), append(upper, nan)
			default:
				lower, upper = append(lower, quartic(x)-2), append(upper, quartic(x)+2)
			}
		}
		return lower, upper
	}}
	p, err := FitPlot(Fit{X: months, Y: temps, Predict: quartic, Bands: []Band{gappy}})
	if err != nil {
		t.Fatalf("FitPlot: %v", err)
	}
	img := render(t, p, w, h)
	toPix := pixelMapper(t, p, w, h)
	da := dataRect(t, p, w, h)
	for _, x := range []float64{3.5, 6.5, 9.5} {
		px, _ := toPix(x, 0)
		col := image.Rect(int(px)-1, da.Min.Y, int(px)+2, da.Max.Y)
		if n := countFill(img, col, confidenceFill); n != 0 {
			t.Errorf("found %d band pixels at x=%v, where an edge is NaN or infinite", n, x)
		}
	}
	for _, x := range []float64{2, 5, 8, 11} {
		px, py := toPix(x, quartic(x)+1)
		if !fillWithin(img, px, py, 2, confidenceFill) {
			t.Errorf("no band pixel at x=%v, outside the gaps", x)
		}
	}
}

func TestFitBandsDoNotStretchTheAxis(t *testing.T) {
	const w, h = 640, 400
	wide := func(half float64) Band {
		return Band{Kind: PredictionBand, Sample: func(xs []float64) (lower, upper []float64) {
			for range xs {
				lower, upper = append(lower, 15-half), append(upper, 15+half)
			}
			return lower, upper
		}}
	}
	span := 26.4 - 5.2
	for _, half := range []float64{1e6, 1e300, math.Inf(1)} {
		p, err := FitPlot(Fit{X: months, Y: temps, Bands: []Band{wide(half)}})
		if err != nil {
			t.Fatalf("FitPlot: %v", err)
		}
		if p.Y.Max > 26.4+span*(fitClip+1e-9) || p.Y.Min < 5.2-span*(fitClip+1e-9) {
			t.Errorf("band ±%v: y axis = [%v, %v], want within the data extended by one span", half, p.Y.Min, p.Y.Max)
		}
		img := render(t, p, w, h)
		da := dataRect(t, p, w, h)
		inner := image.Rect(da.Min.X+da.Dx()/3, da.Min.Y+da.Dy()/3, da.Max.X-da.Dx()/3, da.Max.Y-da.Dy()/3)
		n := countFill(img, inner, predictionFill)
		switch {
		case math.IsInf(half, 1) && n != 0:
			t.Errorf("an infinite band drew %d pixels", n)
		case !math.IsInf(half, 1) && n < inner.Dx()*inner.Dy()/2:
			t.Errorf("band ±%v fills %d of %d pixels in the middle of the chart, want it filled", half, n, inner.Dx()*inner.Dy())
		}
	}
}

func TestFitBandEdgeCases(t *testing.T) {
	nan := math.NaN()
	allNaN := Band{Label: "never shown", Sample: func(xs []float64) (lower, upper []float64) {
		for range xs {
			lower, upper = append(lower, nan), append(upper, nan)
		}
		return lower, upper
	}}
	legendHeight := func(f Fit) vg.Length {
		t.Helper()
		p, err := FitPlot(f)
		if err != nil {
			t.Fatalf("FitPlot: %v", err)
		}
		render(t, p, 640, 400)
		c := draw.Canvas{Rectangle: vg.Rectangle{Max: vg.Point{X: 960, Y: 600}}}
		return p.Legend.Rectangle(c).Size().Y
	}
	base := Fit{X: months, Y: temps, Predict: quartic}
	withNaN := base
	withNaN.Bands = []Band{allNaN, {Kind: PredictionBand}} // the second has no Sample
	if a, b := legendHeight(base), legendHeight(withNaN); a != b {
		t.Errorf("legend height %v with an all-NaN band and one without Sample, %v without: want no entries", b, a)
	}
	withBand := base
	withBand.Bands = []Band{aboutQuartic(PredictionBand, 2)}
	if a, b := legendHeight(base), legendHeight(withBand); !(b > a) {
		t.Errorf("legend height %v with a band, %v without: want an entry", b, a)
	}

	// Bands alone set the y axis.
	p, err := FitPlot(Fit{Bands: []Band{aboutQuartic(ConfidenceBand, 1)}, XMin: 1, XMax: 12})
	if err != nil {
		t.Fatalf("FitPlot: %v", err)
	}
	if p.Y.Min > quartic(1)-1 || p.Y.Max < quartic(7)+1 {
		t.Errorf("y axis [%v, %v] for a band alone, want it to cover the band", p.Y.Min, p.Y.Max)
	}

	short := Band{Label: "95% confidence band", Sample: func(xs []float64) ([]float64, []float64) {
		return xs[1:], xs
	}}
	_, err = FitPlot(Fit{X: months, Y: temps, Bands: []Band{short}})
	if err == nil || !strings.Contains(err.Error(), "95% confidence band") {
		t.Errorf("FitPlot with a short band: error %v, want one naming the band", err)
	}
}

func TestBandLabels(t *testing.T) {
	l := Labels{PredictionBand: "예측 구간"}.withDefaults()
	tests := []struct {
		band Band
		want string
	}{
		{Band{Kind: ConfidenceBand}, "Confidence band"},
		{Band{Kind: PredictionBand}, "예측 구간"},
		{Band{Kind: PredictionBand, Label: "95% prediction band"}, "95% prediction band"},
	}
	for _, test := range tests {
		if got := test.band.label(l); got != test.want {
			t.Errorf("label of %+v = %q, want %q", test.band, got, test.want)
		}
	}
}

func TestFiniteRuns(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	a := []float64{1, 2, nan, 4, 5, 6, inf, 8}
	b := []float64{1, 2, 3, 4, -inf, 6, 7, 8}
	got := finiteRuns(a, b)
	want := [][2]int{{0, 2}, {3, 4}, {5, 6}, {7, 8}}
	if len(got) != len(want) {
		t.Fatalf("finiteRuns = %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("finiteRuns = %v, want %v", got, want)
		}
	}
}
