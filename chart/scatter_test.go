package chart

import (
	"image"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// tenYears returns n temperatures read at even intervals over ten years:
// a seasonal cosine with seeded noise, x counting days.
func tenYears(n int) (x, y []float64) {
	r := rand.New(rand.NewPCG(1, 2))
	x = make([]float64, n)
	y = make([]float64, n)
	for i := range x {
		x[i] = 3652.5 * float64(i) / float64(n)
		y[i] = seasonal(x[i]) + 3*r.NormFloat64()
	}
	return x, y
}

// seasonal is the mean of tenYears at x.
func seasonal(x float64) float64 {
	return 12 - 10*math.Cos(2*math.Pi*x/365.25)
}

// BenchmarkFit1M measures a frame of the fit chart of a million points:
// making the plot and rendering it at 1280×800.
func BenchmarkFit1M(b *testing.B) {
	x, y := tenYears(1_000_000)
	optimum := func(x float64) float64 { return seasonal(x) + 0.5 }
	for b.Loop() {
		p, err := FitPlot(Fit{X: x, Y: y, Predict: seasonal, Optimum: optimum})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Render(p, 1280, 800); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/frame")
}

// BenchmarkFitBands1M measures a frame of the fit chart of a million
// points with confidence and prediction bands and ten thousand held-out
// points.
func BenchmarkFitBands1M(b *testing.B) {
	x, y := tenYears(1_000_000)
	hx, hy := make([]float64, 0, len(x)/100), make([]float64, 0, len(x)/100)
	for i := 0; i < len(x); i += 100 {
		hx, hy = append(hx, x[i]), append(hy, y[i])
	}
	band := func(kind BandKind, half float64) Band {
		return Band{Kind: kind, Sample: func(xs []float64) (lower, upper []float64) {
			lower, upper = make([]float64, len(xs)), make([]float64, len(xs))
			for i, x := range xs {
				lower[i], upper[i] = seasonal(x)-half, seasonal(x)+half
			}
			return lower, upper
		}}
	}
	bands := []Band{band(ConfidenceBand, 0.5), band(PredictionBand, 6)}
	for b.Loop() {
		p, err := FitPlot(Fit{X: x, Y: y, HeldX: hx, HeldY: hy, Predict: seasonal, Bands: bands})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Render(p, 1280, 800); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/frame")
}

// BenchmarkResiduals1M measures a frame of the residual chart of a million
// points.
func BenchmarkResiduals1M(b *testing.B) {
	x, y := tenYears(1_000_000)
	res := make([]float64, len(x))
	for i := range x {
		res[i] = y[i] - seasonal(x[i])
	}
	for b.Loop() {
		p, err := ResidualPlot(Residuals{X: x, Residuals: res})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Render(p, 1280, 800); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/frame")
}

// cloudWithOutliers returns n points of tenYears followed by the outliers.
func cloudWithOutliers(n int, outliers plotter.XYs) plotter.XYs {
	x, y := tenYears(n)
	xys := points(x, y)
	return append(xys, outliers...)
}

func TestSpread(t *testing.T) {
	outliers := plotter.XYs{{X: 100, Y: 60}, {X: 2000, Y: -40}, {X: 3650, Y: 55}}
	xys := cloudWithOutliers(200_000, outliers)
	xmin, xmax, ymin, ymax, _ := bounds(xys)

	p := plot.New()
	setRange(&p.X, xmin, xmax)
	setRange(&p.Y, ymin, ymax)
	c := draw.Canvas{Rectangle: vg.Rectangle{Min: vg.Point{X: 40, Y: 30}, Max: vg.Point{X: 940, Y: 570}}}
	trX, trY := p.Transforms(&c)
	r := observedGlyph.Radius

	got, cell := spread(xys, c, p, r, maxScatter)
	if !(cell >= r) {
		t.Fatalf("cell side %v, want at least the glyph radius %v", cell, r)
	}
	columns := int(math.Ceil(float64((c.Max.X - c.Min.X) / cell)))
	if len(got) > maxScatter+2*columns {
		t.Errorf("spread kept %d points, want at most %d cells and two per column of %d", len(got), maxScatter, columns)
	}
	if len(got) < maxScatter/8 {
		t.Errorf("spread kept only %d points of a dense cloud", len(got))
	}
	for _, o := range outliers {
		if !slices.Contains(got, o) {
			t.Errorf("outlier %v left out", o)
		}
	}
	if _, _, lo, hi, _ := bounds(got); lo != ymin || hi != ymax {
		t.Errorf("kept points span y [%v, %v], want the cloud's [%v, %v]", lo, hi, ymin, ymax)
	}
	// The points kept are in their order.
	j := 0
	for _, xy := range xys {
		if j < len(got) && xy == got[j] {
			j++
		}
	}
	if j != len(got) {
		t.Errorf("the points kept are not in their order: %d of %d found in turn", j, len(got))
	}
	t.Logf("%d of %d points kept, cells of %.2f", len(got), len(xys), cell)

	// Every point left out is within a cell's diagonal of a point kept.
	type key struct{ col, row int }
	at := func(xy plotter.XY) (vg.Point, key) {
		pt := vg.Point{X: trX(xy.X), Y: trY(xy.Y)}
		return pt, key{int(pt.X / cell), int(pt.Y / cell)}
	}
	kept := make(map[key][]vg.Point)
	for _, xy := range got {
		pt, k := at(xy)
		kept[k] = append(kept[k], pt)
	}
	reach := float64(cell) * math.Sqrt2
	for _, xy := range xys {
		pt, k := at(xy)
		near := false
		for dc := -2; dc <= 2 && !near; dc++ {
			for dr := -2; dr <= 2 && !near; dr++ {
				for _, q := range kept[key{k.col + dc, k.row + dr}] {
					if math.Hypot(float64(pt.X-q.X), float64(pt.Y-q.Y)) <= reach+1e-9 {
						near = true
						break
					}
				}
			}
		}
		if !near {
			t.Fatalf("point %v left out with no kept point within %.2f", xy, reach)
		}
	}

	if got, _ := spread(xys, draw.Canvas{}, p, r, maxScatter); len(got) != 0 {
		t.Errorf("spread on an empty canvas kept %d points", len(got))
	}
}

func TestFitLargeScatterShowsOutliers(t *testing.T) {
	const w, h = 1280, 800
	outliers := plotter.XYs{{X: 300, Y: 60}, {X: 3000, Y: -40}}
	xys := cloudWithOutliers(300_000, outliers)
	x, y := make([]float64, len(xys)), make([]float64, len(xys))
	for i, xy := range xys {
		x[i], y[i] = xy.X, xy.Y
	}
	p, err := FitPlot(Fit{X: x, Y: y, Predict: seasonal})
	if err != nil {
		t.Fatalf("FitPlot: %v", err)
	}
	img := render(t, p, w, h)
	toPix := pixelMapper(t, p, w, h)
	for _, o := range outliers {
		px, py := toPix(o.X, o.Y)
		if !colorWithin(img, px, py, 2, observedColor) {
			t.Errorf("outlier %v not drawn at pixel (%.0f, %.0f)", o, px, py)
		}
	}
}

func TestSpreadLooksLikeTheWholeScatter(t *testing.T) {
	const w, h = 640, 400
	xys := cloudWithOutliers(20_000, nil)
	draw := func(all bool) *image.RGBA {
		p := newPlot("", "", "")
		if all {
			s, err := plotter.NewScatter(xys)
			if err != nil {
				t.Fatal(err)
			}
			s.GlyphStyle = observedGlyph
			p.Add(s)
		} else {
			p.Add(newScatter(xys, observedGlyph))
		}
		xmin, xmax, ymin, ymax, _ := bounds(xys)
		setRange(&p.X, xmin, xmax)
		setRange(&p.Y, ymin, ymax)
		return render(t, p, w, h).(*image.RGBA)
	}
	all, some := draw(true), draw(false)
	var inAll, inBoth, inSomeOnly int
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			a, s := colorNear(all.At(x, y), observedColor), colorNear(some.At(x, y), observedColor)
			switch {
			case a && s:
				inAll++
				inBoth++
			case a:
				inAll++
			case s:
				inSomeOnly++
			}
		}
	}
	if inAll == 0 {
		t.Fatal("the whole scatter drew no glyph")
	}
	t.Logf("the thinned scatter covers %d of the whole scatter's %d glyph pixels", inBoth, inAll)
	if r := float64(inBoth) / float64(inAll); r < 0.85 {
		t.Errorf("the thinned scatter covers %.0f%% of the whole scatter's glyph pixels, want most", 100*r)
	}
	if inSomeOnly > inAll/100 {
		t.Errorf("the thinned scatter draws %d glyph pixels where the whole scatter draws none", inSomeOnly)
	}
}
