package chart

import (
	"image/color"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	vgdraw "gonum.org/v1/plot/vg/draw"
)

// TestLegendBackdrop fills a chart's data area with one colour and checks
// that the legend sits on a box of the background, blended over what is
// under it, in each corner the legend can take.
func TestLegendBackdrop(t *testing.T) {
	const w, h = 600, 400
	red := color.RGBA{R: 200, A: 255}
	for _, corner := range []struct{ top, left bool }{{true, false}, {true, true}, {false, false}, {false, true}} {
		p := newPlot("", "x", "y")
		area, err := plotter.NewPolygon(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 0}, {X: 1, Y: 1}, {X: 0, Y: 1}})
		if err != nil {
			t.Fatal(err)
		}
		area.Color, area.LineStyle.Width = red, 0
		p.Add(area)
		p.Legend.Add("a long label for the legend", lineThumb(optimumStyle))
		p.Legend.Top, p.Legend.Left = corner.top, corner.left
		if corner.left {
			p.Legend.XOffs = -p.Legend.XOffs
		}
		setRange(&p.X, 0, 1)
		setRange(&p.Y, 0, 1)
		img := render(t, p, w, h)

		c := vgdraw.Canvas{Rectangle: vg.Rectangle{Max: vg.Point{X: pixels(w, DPI), Y: pixels(h, DPI)}}}
		box, ok := legendBox(&p.Legend, p.DataCanvas(page(c)))
		if !ok {
			t.Fatal("no box for a legend with an entry")
		}
		toPix := func(pt vg.Point) (int, int) {
			return int(pt.X.Dots(DPI)), h - int(pt.Y.Dots(DPI))
		}
		x0, y1 := toPix(box.Min)
		x1, y0 := toPix(box.Max)
		midY := (y0 + y1) / 2
		blend := over(red, translucent(color.White, legendBackdropAlpha))
		// Inside the box's margin there is no text: only the blend.
		if got := img.At(x0+2, midY); !sameColor(got, blend) {
			t.Errorf("%+v: inside the legend's box %v, want %v", corner, got, blend)
		}
		// Just outside it, the data area's colour.
		outside := x0 - 6
		if corner.left {
			outside = x1 + 6
		}
		if got := img.At(outside, midY); !sameColor(got, red) {
			t.Errorf("%+v: beside the legend's box %v, want %v", corner, got, red)
		}
	}

	empty := plot.New()
	if _, ok := legendBox(&empty.Legend, vgdraw.Canvas{}); ok {
		t.Error("a legend without entries has a box")
	}
}
