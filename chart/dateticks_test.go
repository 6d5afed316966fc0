package chart

import (
	"image"
	"math"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/plot"

	"tempfit/core/data"
)

// dateAxis returns a Date axis from 2012-01-01.
func dateAxis() data.XAxis {
	return data.XAxis{Kind: data.Date, Origin: time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC), Layout: "2006-01-02"}
}

func labels(ticks []plot.Tick) []string {
	var out []string
	for _, t := range ticks {
		if t.Label != "" {
			out = append(out, t.Label)
		}
	}
	return out
}

func TestDateTicksSuitTheSpan(t *testing.T) {
	a := dateAxis()
	dt := data.XAxis{Kind: data.DateTime, Origin: a.Origin, Layout: "2006-01-02 15:04"}
	tests := []struct {
		axis   data.XAxis
		lo, hi float64
		want   []string
	}{
		{dt, 0, 0.25, []string{"00:00", "01:00", "02:00", "03:00", "04:00", "05:00", "06:00"}},
		{a, 0, 6, []string{"2012-01-01", "2012-01-02", "2012-01-03", "2012-01-04", "2012-01-05", "2012-01-06", "2012-01-07"}},
		{a, 0, 365, []string{"2012-01", "2012-03", "2012-05", "2012-07", "2012-09", "2012-11"}},
		{a, 0, 4 * 365, []string{"2012", "2013", "2014", "2015"}},
		{a, 0, 2 * 365, []string{"2012-01", "2012-07", "2013-01", "2013-07"}},
		{a, -365 * 100, 365 * 20, []string{"1920", "1940", "1960", "1980", "2000", "2020"}},
	}
	for _, tt := range tests {
		got := labels(dateTicks{N: 7, Axis: tt.axis}.Ticks(tt.lo, tt.hi))
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("[%v, %v]: ticks %q, want %q", tt.lo, tt.hi, got, tt.want)
		}
	}
	for _, tk := range (dateTicks{N: 7, Axis: a}).Ticks(10.5, 400.5) {
		if tk.Value < 10.5 || tk.Value > 400.5 {
			t.Errorf("tick %v outside the range", tk.Value)
		}
	}
	if ticks := (dateTicks{N: 7, Axis: a}).Ticks(5, 5); ticks != nil {
		t.Errorf("empty range: %v", ticks)
	}
}

func TestMonthTicks(t *testing.T) {
	a := data.XAxis{Kind: data.MonthName, Layout: "1월"}
	got := labels(monthTicks{N: 12, Axis: a}.Ticks(1, 12))
	if len(got) != 12 || got[0] != "1월" || got[11] != "12월" {
		t.Errorf("labels %q", got)
	}
	got = labels(monthTicks{N: 12, Axis: a}.Ticks(1, 24))
	if got[len(got)-1] != "12월" {
		t.Errorf("labels beyond December %q", got)
	}
}

func TestFitOnDatesShowsGaps(t *testing.T) {
	// Daily values for two months with the whole of February missing.
	var x, y []float64
	for d := 0; d < 90; d++ {
		if d >= 31 && d < 60 {
			continue
		}
		x = append(x, float64(d))
		y = append(y, 10+5*math.Sin(float64(d)/10))
	}
	a := dateAxis()
	p, err := FitPlot(Fit{X: x, Y: y, XAxis: a, Predict: func(x float64) float64 { return 10 }})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := p.X.Tick.Marker.(dateTicks); !ok {
		t.Fatalf("x ticker is %T", p.X.Tick.Marker)
	}
	const w, h = 960, 600
	img := render(t, p, w, h)
	// Map data to pixels with the ticks Render drew, fewer than asked for.
	defer fitXTicks(p, w)()
	toPix := pixelMapper(t, p, w, h)
	da := dataRect(t, p, w, h)
	gapLo, _ := toPix(31+2, 0)
	gapHi, _ := toPix(59-2, 0)
	if n := countColor(img, image.Rect(int(gapLo), da.Min.Y, int(gapHi), da.Max.Y), observedColor); n != 0 {
		t.Errorf("%d observed pixels in February, where there is no data", n)
	}
	for _, d := range []float64{10, 65} {
		px, py := toPix(d, 10+5*math.Sin(d/10))
		if !colorWithin(img, px, py, 4, observedColor) {
			t.Errorf("day %v not drawn", d)
		}
	}
	if m := p.X.Tick.Marker.(dateTicks); m.N != 6 {
		t.Errorf("960 px wide axis asks for %d date labels, want 6", m.N)
	}

	r, err := ResidualPlot(Residuals{X: x, Residuals: y, XAxis: a})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := r.X.Tick.Marker.(dateTicks); !ok {
		t.Errorf("residual x ticker is %T", r.X.Tick.Marker)
	}
	render(t, r, 640, 400)
}
