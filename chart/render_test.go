package chart

import (
	"bytes"
	"image"
	"math"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	vgdraw "gonum.org/v1/plot/vg/draw"
)

func monthlyFit(t testing.TB) *plot.Plot {
	t.Helper()
	p, err := FitPlot(Fit{
		Title:   "Monthly temperature",
		XLabel:  "month",
		YLabel:  "temperature",
		X:       months,
		Y:       temps,
		Predict: func(x float64) float64 { return 0.9 * quartic(x) },
		Optimum: quartic,
		XMin:    1,
		XMax:    24,
	})
	if err != nil {
		t.Fatalf("FitPlot: %v", err)
	}
	return p
}

func trainingLoss(t testing.TB, n int) *plot.Plot {
	t.Helper()
	steps := make([]float64, n)
	losses := make([]float64, n)
	for i := range losses {
		steps[i] = float64(i + 1)
		losses[i] = 20 + 400*math.Exp(-float64(i)/float64(n/8+1))
	}
	p, err := LossPlot(Loss{Title: "Loss", XLabel: "step", YLabel: "SSE", Steps: steps, Losses: losses, Optimum: 20})
	if err != nil {
		t.Fatalf("LossPlot: %v", err)
	}
	return p
}

func TestWriteFormats(t *testing.T) {
	magic := map[string]string{
		"png": "\x89PNG\r\n\x1a\n",
		"svg": "<?xml",
		"pdf": "%PDF-",
	}
	for _, format := range []string{"png", "svg", "pdf", "PNG"} {
		var buf bytes.Buffer
		err := Write(&buf, monthlyFit(t), 6*vg.Inch, 4*vg.Inch, format)
		if err != nil {
			t.Errorf("Write(%s): %v", format, err)
			continue
		}
		want := magic[strings.ToLower(format)]
		if !bytes.HasPrefix(buf.Bytes(), []byte(want)) || buf.Len() < 1000 {
			t.Errorf("Write(%s): %d bytes starting %q, want a file starting %q", format, buf.Len(), buf.Bytes()[:min(buf.Len(), 8)], want)
		}
		if format == "svg" && !bytes.Contains(buf.Bytes(), []byte("<svg")) {
			t.Errorf("Write(svg): no <svg> element")
		}
	}

	var buf bytes.Buffer
	if err := Write(&buf, monthlyFit(t), 100, 100, "gif"); err == nil || !strings.Contains(err.Error(), "png") {
		t.Errorf("Write(gif) error = %v, want one naming the supported formats", err)
	}
	if err := Write(&buf, monthlyFit(t), 0, 100, "png"); err == nil {
		t.Error("Write accepted a zero width")
	}
	if err := Write(&buf, nil, 100, 100, "png"); err == nil {
		t.Error("Write accepted a nil plot")
	}
	if buf.Len() != 0 {
		t.Errorf("failed writes wrote %d bytes", buf.Len())
	}
}

func TestFormatFromName(t *testing.T) {
	tests := []struct {
		name, want string
	}{
		{"fit.png", "png"},
		{"/tmp/a.b/Loss.SVG", "svg"},
		{"report.pdf", "pdf"},
		{"fit.jpg", ""},
		{"fit", ""},
		{"png", ""},
		{"dir.png/fit", ""},
	}
	for _, test := range tests {
		got, err := FormatFromName(test.name)
		if got != test.want {
			t.Errorf("FormatFromName(%q) = %q, want %q", test.name, got, test.want)
		}
		if test.want == "" {
			if err == nil || !strings.Contains(err.Error(), ".png, .svg, .pdf") {
				t.Errorf("FormatFromName(%q) error = %v, want one naming the supported extensions", test.name, err)
			}
		} else if err != nil {
			t.Errorf("FormatFromName(%q): %v", test.name, err)
		}
	}
}

func TestRenderErrors(t *testing.T) {
	p := monthlyFit(t)
	for _, size := range [][2]int{{0, 400}, {640, 0}, {-1, -1}} {
		if _, err := Render(p, size[0], size[1]); err == nil {
			t.Errorf("Render accepted size %v", size)
		}
	}
	if _, err := Render(nil, 10, 10); err == nil {
		t.Error("Render accepted a nil plot")
	}
	// A plot broken by the caller fails with an error, not a panic.
	p.Y.Scale = plot.LogScale{}
	p.Y.Min = -1
	if _, err := Render(p, 640, 400); err == nil {
		t.Error("Render of a log axis with a negative minimum did not fail")
	}
}

func TestRenderReturnsNewImage(t *testing.T) {
	p := monthlyFit(t)
	a := render(t, p, 640, 400).(*image.RGBA)
	b := render(t, p, 640, 400).(*image.RGBA)
	if &a.Pix[0] == &b.Pix[0] {
		t.Fatal("Render returned the same pixel buffer twice")
	}
	if !bytes.Equal(a.Pix, b.Pix) {
		t.Error("rendering a plot twice gave different images")
	}
}

func TestRenderDPI(t *testing.T) {
	p := monthlyFit(t)
	lo, err := RenderDPI(p, 640, 400, DPI)
	if err != nil {
		t.Fatal(err)
	}
	hi, err := RenderDPI(p, 1280, 800, 2*DPI)
	if err != nil {
		t.Fatal(err)
	}
	if hi.Bounds().Dx() != 1280 || lo.Bounds().Dx() != 640 {
		t.Fatalf("sizes %v and %v", lo.Bounds(), hi.Bounds())
	}
	// At twice the DPI the same drawing fills the image twice as large:
	// the predicted curve's pixel count scales by about two.
	nlo := countColor(lo, lo.Bounds(), predictedColor)
	nhi := countColor(hi, hi.Bounds(), predictedColor)
	if r := float64(nhi) / float64(nlo); r < 1.5 || r > 5 {
		t.Errorf("curve pixels %d at %d dpi and %d at %d dpi: ratio %.2f, want about 2 to 4", nlo, DPI, nhi, 2*DPI, r)
	}
}

func TestRenderConcurrent(t *testing.T) {
	const w, h = 640, 400
	wantFit := render(t, monthlyFit(t), w, h).(*image.RGBA)
	wantLoss := render(t, trainingLoss(t, 500), w, h).(*image.RGBA)

	var wg sync.WaitGroup
	errs := make(chan string, 32)
	for g := 0; g < 6; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				for _, c := range []struct {
					p    *plot.Plot
					want *image.RGBA
				}{{monthlyFit(t), wantFit}, {trainingLoss(t, 500), wantLoss}} {
					img, err := Render(c.p, w, h)
					if err != nil {
						errs <- err.Error()
						return
					}
					if !bytes.Equal(img.(*image.RGBA).Pix, c.want.Pix) {
						errs <- "concurrent render differs from serial render"
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestPixelMapperMatchesAxes(t *testing.T) {
	p := monthlyFit(t)
	toPix := pixelMapper(t, p, 1280, 800)
	x0, y0 := toPix(p.X.Min, p.Y.Min)
	x1, y1 := toPix(p.X.Max, p.Y.Max)
	if !(0 < x0 && x0 < x1 && x1 < 1280) || !(0 < y1 && y1 < y0 && y0 < 800) {
		t.Errorf("data area (%.0f, %.0f)-(%.0f, %.0f) not inside a 1280x800 image with y down", x0, y1, x1, y0)
	}
	xm, ym := toPix((p.X.Min+p.X.Max)/2, (p.Y.Min+p.Y.Max)/2)
	if math.Abs(xm-(x0+x1)/2) > 1e-6 || math.Abs(ym-(y0+y1)/2) > 1e-6 {
		t.Errorf("middle of the data maps to (%v, %v), want the middle of the data area", xm, ym)
	}
}

func TestLinTicks(t *testing.T) {
	tests := []struct {
		ticks  linTicks
		lo, hi float64
		want   []string
	}{
		{linTicks{N: 5}, 0, 10, []string{"0", "2", "4", "6", "8", "10"}},
		{linTicks{N: 6}, -2.7, 1.8, []string{"-2", "-1", "0", "1"}},
		{linTicks{N: 8}, -2.7, 1.8, []string{"-2.5", "-2.0", "-1.5", "-1.0", "-0.5", "0.0", "0.5", "1.0", "1.5"}},
		// 0.2 apart would make 11 labels where there is room for 8.
		{linTicks{N: 7}, 0, 2, []string{"0.0", "0.5", "1.0", "1.5", "2.0"}},
		{linTicks{N: 7, Integer: true}, 0, 100000, []string{"0", "20000", "40000", "60000", "80000", "100000"}},
		{linTicks{N: 4}, 0, 10, []string{"0.0", "2.5", "5.0", "7.5", "10.0"}},
		{linTicks{N: 2}, -4914, 4118, []string{"-2500", "0", "2500"}},
		{linTicks{N: 4, Integer: true}, 0, 10, []string{"0", "5", "10"}},
		{linTicks{N: 7, Integer: true}, 0, 2, []string{"0", "1", "2"}},
		{linTicks{N: 7, Integer: true}, 1, 24, []string{"5", "10", "15", "20"}},
		{linTicks{N: 5}, 1e8, 5e8, []string{"1e+08", "2e+08", "3e+08", "4e+08", "5e+08"}},
		// Steps of a long race: one form on the whole axis.
		{linTicks{N: 7, Integer: true}, 0, 3.6e7, []string{"0", "5e+06", "1e+07", "1.5e+07", "2e+07", "2.5e+07", "3e+07", "3.5e+07"}},
	}
	for _, test := range tests {
		var got []string
		for _, tk := range test.ticks.Ticks(test.lo, test.hi) {
			if tk.Value < test.lo || tk.Value > test.hi {
				t.Errorf("%+v.Ticks(%v, %v): tick %v out of range", test.ticks, test.lo, test.hi, tk.Value)
			}
			if test.ticks.Integer && tk.Value != math.Trunc(tk.Value) {
				t.Errorf("%+v.Ticks(%v, %v): tick %v not an integer", test.ticks, test.lo, test.hi, tk.Value)
			}
			if !tk.IsMinor() {
				got = append(got, tk.Label)
			}
		}
		if strings.Join(got, " ") != strings.Join(test.want, " ") {
			t.Errorf("%+v.Ticks(%v, %v) labels = %q, want %q", test.ticks, test.lo, test.hi, got, test.want)
		}
	}
	for _, r := range [][2]float64{{1, 1}, {2, 1}, {math.NaN(), 1}, {0, math.Inf(1)}} {
		if got := (linTicks{N: 5}).Ticks(r[0], r[1]); len(got) != 0 {
			t.Errorf("Ticks(%v, %v) = %v, want none", r[0], r[1], got)
		}
	}
}

func TestLogTicks(t *testing.T) {
	tests := []struct {
		lo, hi float64
		want   []string // labels in range
	}{
		{1e-3, 2e3, []string{"0.001", "0.01", "0.1", "1", "10", "100", "1000"}},
		{0.4, 60, []string{"0.5", "1", "2", "5", "10", "20", "50"}},
		{2.5, 7.5, []string{"3", "4", "5", "6", "7"}},
		{3.1, 3.4, []string{"3.1", "3.2", "3.3", "3.4"}},
		{1e-12, 1e3, []string{"1e-12", "1e-10", "1e-8", "1e-6", "1e-4", "1e-2", "1", "1e2"}},
		{1e-300, 1e300, []string{"1e-300", "1e-200", "1e-100", "1", "1e100", "1e200", "1e300"}},
	}
	for _, test := range tests {
		var got []string
		for _, tk := range (logTicks{}).Ticks(test.lo, test.hi) {
			if !(tk.Value > 0) {
				t.Errorf("Ticks(%v, %v): non-positive tick %v", test.lo, test.hi, tk.Value)
			}
			if !tk.IsMinor() && tk.Value >= test.lo*(1-1e-9) && tk.Value <= test.hi*(1+1e-9) {
				got = append(got, tk.Label)
			}
		}
		if strings.Join(got, " ") != strings.Join(test.want, " ") {
			t.Errorf("Ticks(%v, %v) labels = %q, want %q", test.lo, test.hi, got, test.want)
		}
	}
	for _, r := range [][2]float64{{0, 1}, {-1, 1}, {2, 1}, {1, math.Inf(1)}} {
		if got := (logTicks{}).Ticks(r[0], r[1]); len(got) != 0 {
			t.Errorf("Ticks(%v, %v) = %v, want none", r[0], r[1], got)
		}
	}
}

func BenchmarkRenderFit(b *testing.B) {
	for b.Loop() {
		if _, err := Render(monthlyFit(b), 1280, 800); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderLoss(b *testing.B) {
	for b.Loop() {
		if _, err := Render(trainingLoss(b, 5000), 1280, 800); err != nil {
			b.Fatal(err)
		}
	}
}

// dataToPixels returns a function that maps a point in data coordinates of
// p to its pixel position in the image returned by Render(p, width,
// height), with y growing downwards.
func dataToPixels(p *plot.Plot, width, height int) (func(x, y float64) (px, py float64), error) {
	w, h := pixels(width, DPI), pixels(height, DPI)
	c := vgdraw.Canvas{Rectangle: vg.Rectangle{Max: vg.Point{X: w, Y: h}}}
	da := p.DataCanvas(page(c))
	trX, trY := p.Transforms(&da)
	scale := float64(DPI) / float64(vg.Inch)
	return func(x, y float64) (float64, float64) {
		return float64(trX(x)) * scale, float64(h-trY(y)) * scale
	}, nil
}

// TestLongYLabelLeftOutOfShortCharts checks that a y label longer than
// a short chart's data area is left out while drawing, and kept where
// there is room, so that the data is never squeezed to make room for it.
func TestLongYLabelLeftOutOfShortCharts(t *testing.T) {
	p, err := ComparePlot(Compare{
		XLabel: "Degree", YLabel: "Sum of squared errors",
		Sizes: []float64{0, 1, 2}, Train: []float64{30, 20, 10}, LOO: []float64{40, 30, 35},
		Best: 1,
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []struct {
		w, h int
		kept bool
	}{{490, 200, false}, {900, 600, true}} {
		c := vgdraw.Canvas{Rectangle: vg.Rectangle{Max: vg.Point{X: pixels(size.w, DPI), Y: pixels(size.h, DPI)}}}
		restore := fitYLabel(p, page(c))
		if kept := p.Y.Label.Text != ""; kept != size.kept {
			t.Errorf("%d×%d: label kept %v, want %v", size.w, size.h, kept, size.kept)
		}
		if !size.kept && p.DataCanvas(page(c)).Size().Y < pixels(size.h, DPI)/2 {
			t.Errorf("%d×%d: data area %v tall without the label", size.w, size.h, p.DataCanvas(page(c)).Size().Y)
		}
		restore()
		if p.Y.Label.Text != "Sum of squared errors" {
			t.Errorf("%d×%d: label %q after drawing", size.w, size.h, p.Y.Label.Text)
		}
	}
	if _, err := Render(p, 490, 200); err != nil || p.Y.Label.Text != "Sum of squared errors" {
		t.Errorf("after Render: %v, label %q", err, p.Y.Label.Text)
	}
}

// TestLinTicksNeverCrowd checks on many ranges that an axis asked for N
// labels gets at most N+1 of them, or N+2 where N+1 would leave fewer
// than two, and never fewer than two or than about N/2.5.
func TestLinTicksNeverCrowd(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		n := 2 + r.IntN(12)
		lo := (r.Float64() - 0.5) * math.Pow(10, float64(r.IntN(12)-4))
		hi := lo + math.Pow(10, float64(r.IntN(10)-3))*(0.1+r.Float64())
		labels := 0
		for _, tk := range (linTicks{N: n}).Ticks(lo, hi) {
			if !tk.IsMinor() {
				labels++
			}
		}
		if labels > n+2 || labels < 2 || float64(labels) < float64(n)/2.5-1 {
			t.Fatalf("N=%d over [%v, %v]: %d labels", n, lo, hi, labels)
		}
	}
}
