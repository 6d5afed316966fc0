package chart

import (
	"image"
	"image/color"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot"
)

// degrees is a comparison of polynomials of degree 0 to 10: the training
// error falls all the way, the validation errors turn up after degree 4,
// and the leave-one-out error of degree 10 is infinite.
func degrees() Compare {
	return Compare{
		Title: "Models", XLabel: "degree", YLabel: "squared error",
		Sizes: []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
		Train: []float64{700, 690, 300, 100, 12, 11.5, 11, 10, 8, 5, 1},
		LOO:   []float64{1500, 1600, 800, 300, 30, 45, 80, 150, 400, 3000, math.Inf(1)},
		CV:    []float64{880, 920, 520, 170, 18, 70, 130, math.NaN(), 900, 8000, 1e5},
		Best:  4,
	}
}

func TestComparePlot(t *testing.T) {
	const w, h = 1280, 800
	c := degrees()
	p, err := ComparePlot(c)
	if err != nil {
		t.Fatalf("ComparePlot: %v", err)
	}
	if _, ok := p.Y.Scale.(plot.LogScale); !ok {
		t.Errorf("y scale is %T, want plot.LogScale", p.Y.Scale)
	}
	if !(p.Y.Min > 0 && p.Y.Min < 1 && p.Y.Max > 1e5) || math.IsInf(p.Y.Max, 0) {
		t.Errorf("y axis = [%v, %v], want finite and covering [1, 1e5]", p.Y.Min, p.Y.Max)
	}
	img := render(t, p, w, h)
	toPix := pixelMapper(t, p, w, h)
	for _, s := range []struct {
		errs []float64
		look series
	}{{c.Train, trainSeries}, {c.LOO, looSeries}, {c.CV, cvSeries}} {
		for i, e := range s.errs {
			if !(e > 0) || math.IsInf(e, 0) {
				continue
			}
			px, py := toPix(c.Sizes[i], e)
			if !colorWithin(img, px, py, 2, s.look.Glyph.Color.(color.RGBA)) {
				t.Errorf("no point of error %v at size %v, pixel (%.0f, %.0f)", e, c.Sizes[i], px, py)
			}
		}
	}

	// The infinite leave-one-out error of degree 10 is left out: no
	// leave-one-out colour in its column, away from the line to degree 9.
	da := dataRect(t, p, w, h)
	px, _ := toPix(9.8, 1)
	col := image.Rect(int(px), da.Min.Y, da.Max.X, da.Max.Y)
	if n := countColor(img, col, heldColor); n != 0 {
		t.Errorf("found %d leave-one-out pixels right of degree 9.8, where its error is infinite", n)
	}
	// The NaN cross-validation error of degree 7 breaks its line.
	px, _ = toPix(7, 1)
	col = image.Rect(int(px)-1, da.Min.Y, int(px)+2, da.Max.Y)
	if n := countColor(img, col, cvColor); n != 0 {
		t.Errorf("found %d cross-validation pixels at degree 7, where its error is NaN", n)
	}

	// The best candidate is marked by a dashed line down the chart.
	px, _ = toPix(4, 1)
	col = image.Rect(int(px)-1, da.Min.Y, int(px)+2, da.Max.Y)
	if n := countColor(img, col, zeroColor); n < da.Dy()/4 {
		t.Errorf("best line: %d pixels at degree 4, want a dashed line over %d rows", n, da.Dy())
	}
	if n := legendEntries(t, p); n != 4 {
		t.Errorf("legend has %d entries, want three errors and the best", n)
	}

	// Integer sizes have integer ticks, with the ends half a unit out.
	if p.X.Min != -0.5 || p.X.Max != 10.5 {
		t.Errorf("x axis = [%v, %v], want [-0.5, 10.5]", p.X.Min, p.X.Max)
	}
	for _, tk := range p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max) {
		if tk.Value != math.Trunc(tk.Value) {
			t.Errorf("tick %v is not an integer", tk.Value)
		}
	}
}

func TestCompareEdgeCases(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	tests := []struct {
		name    string
		c       Compare
		entries int
	}{
		{"empty", Compare{}, 0},
		{"no errors", Compare{Sizes: []float64{1, 2, 3}, Best: -1}, 0},
		{"unshowable errors", Compare{Sizes: []float64{1, 2, 3}, Train: []float64{0, -1, nan}, LOO: []float64{inf, inf, inf}, Best: -1}, 0},
		{"single candidate", Compare{Sizes: []float64{2}, Train: []float64{5}, LOO: []float64{7}, Best: 0}, 3},
		{"bad sizes", Compare{Sizes: []float64{nan, 1, inf, 3}, Train: []float64{1, 2, 3, 4}, Best: 0}, 1},
		{"best out of range", Compare{Sizes: []float64{1, 2}, Train: []float64{3, 2}, Best: 5}, 1},
		{"tiny and huge", Compare{Sizes: []float64{1, 2, 3}, Train: []float64{1e-320, 1, math.MaxFloat64}, Best: -1}, 1},
		{"fractional sizes", Compare{Sizes: []float64{0.5, 1.5, 2.25}, CV: []float64{3, 2, 4}, Best: 1}, 2},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			p, err := ComparePlot(test.c)
			if err != nil {
				t.Fatalf("ComparePlot: %v", err)
			}
			for _, a := range []plot.Axis{p.X, p.Y} {
				if !(a.Min < a.Max) || math.IsInf(a.Min, 0) || math.IsInf(a.Max, 0) {
					t.Errorf("axis range [%v, %v] is not a finite, non-empty range", a.Min, a.Max)
				}
			}
			if !(p.Y.Min > 0) {
				t.Errorf("log axis from %v", p.Y.Min)
			}
			if n := legendEntries(t, p); n != test.entries {
				t.Errorf("legend has %d entries, want %d", n, test.entries)
			}
			render(t, p, 640, 400)
		})
	}
}

func TestCompareSortsBySize(t *testing.T) {
	const w, h = 640, 400
	p, err := ComparePlot(Compare{
		Sizes: []float64{3, 1, 2},
		Train: []float64{1, 100, 50},
		Best:  -1,
	})
	if err != nil {
		t.Fatalf("ComparePlot: %v", err)
	}
	img := render(t, p, w, h)
	toPix := pixelMapper(t, p, w, h)
	// The line runs 1 → 2 → 3, never straight from 3 back to 1: the
	// middle of the 3–1 chord, far above the curve, is blank.
	px, py := toPix(2, math.Sqrt(1*100))
	if colorWithin(img, px, py, 4, observedColor) {
		t.Errorf("the line joins sizes 3 and 1 directly")
	}
	for _, pt := range [][2]float64{{1.5, math.Sqrt(100 * 50)}, {2.5, math.Sqrt(50 * 1)}} {
		px, py := toPix(pt[0], pt[1])
		if !colorWithin(img, px, py, 3, observedColor) {
			t.Errorf("no line at size %v", pt[0])
		}
	}
}

func TestCompareTickLabels(t *testing.T) {
	p, err := ComparePlot(Compare{
		Sizes:      []float64{1, 2, 3},
		TickLabels: []string{"K=1", "K=2", "K=3"},
		LOO:        []float64{30, 20, 25},
		Best:       1,
	})
	if err != nil {
		t.Fatalf("ComparePlot: %v", err)
	}
	var got []string
	for _, tk := range p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max) {
		got = append(got, tk.Label)
	}
	if strings.Join(got, " ") != "K=1 K=2 K=3" {
		t.Errorf("tick labels %q, want K=1 K=2 K=3", got)
	}
	render(t, p, 640, 400)

	for _, c := range []Compare{
		{Sizes: []float64{1, 2}, TickLabels: []string{"one"}},
		{Sizes: []float64{1, 2}, Train: []float64{1}},
		{Sizes: []float64{1, 2}, LOO: []float64{1, 2, 3}},
		{Sizes: []float64{1}, CV: []float64{1, 2}},
	} {
		if _, err := ComparePlot(c); err == nil {
			t.Errorf("ComparePlot(%+v) accepted lengths that differ", c)
		}
	}
}
