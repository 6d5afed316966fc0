package gui

import (
	"strconv"
	"testing"

	"gonum.org/v1/plot"
)

// fixedTicks returns ticks every step from from to to, all labelled.
type fixedTicks struct{ from, to, step float64 }

func (f fixedTicks) Ticks(lo, hi float64) []plot.Tick {
	var ts []plot.Tick
	for v := f.from; v <= f.to; v += f.step {
		ts = append(ts, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'g', -1, 64)})
	}
	return ts
}

func TestInRangeTicks(t *testing.T) {
	r := inRange{Ticker: fixedTicks{0, 100, 10}}
	ts := r.Ticks(15, 55)
	if len(ts) != 4 || ts[0].Value != 20 || ts[3].Value != 50 {
		t.Errorf("ticks in [15, 55]: %v", ts)
	}
	r.maxLabels = 3
	ts = r.Ticks(0, 100)
	labels := 0
	for _, tk := range ts {
		if tk.Label != "" {
			labels++
		}
	}
	if len(ts) != 11 || labels > 3 || ts[0].Label != "0" {
		t.Errorf("%d ticks with %d labels: %v", len(ts), labels, ts)
	}
}

func TestThin(t *testing.T) {
	small := []float64{1, 2, 3}
	if got := thin(small); len(got) != 3 {
		t.Errorf("thin of 3 values: %v", got)
	}
	big := make([]float64, 3*maxScatter+7)
	for i := range big {
		big[i] = float64(i)
	}
	got := thin(big)
	if len(got) != maxScatter || got[0] != 0 || got[len(got)-1] != big[len(big)-1] {
		t.Errorf("thin of %d values: %d, first %v, last %v", len(big), len(got), got[0], got[len(got)-1])
	}
}

func TestChartsFollowTheirViews(t *testing.T) {
	w := newWindow(t)
	before := w.charts.fit.pixels()
	w.win.Resize(w.win.Canvas().Size().AddWidthHeight(-200, -100))
	v := w.bridge.view.Load()
	if v.fitSize == before || v.fitSize != w.charts.fit.pixels() {
		t.Errorf("after a resize the bridge draws at %v; the view is %v (was %v)", v.fitSize, w.charts.fit.pixels(), before)
	}
	w.Sync()
	b := w.charts.loss.image.Image.Bounds()
	if b.Dx() != v.lossSize.w || b.Dy() != v.lossSize.h {
		t.Errorf("loss image %v, view %v", b, v.lossSize)
	}
}
