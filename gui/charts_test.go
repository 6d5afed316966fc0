package gui

import "testing"

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
