package gui

import (
	"math"
	"testing"

	"fyne.io/fyne/v2/test"

	"tempfit/core/fit"
	"tempfit/core/landscape"
	"tempfit/sampledata"
)

// landscapeWindow returns a synchronous window with the Landscape tab
// shown.
func landscapeWindow(t testing.TB) *MainWindow {
	t.Helper()
	w := windowAt(t, 1280, 800)
	w.selectTab(w.land.content)
	w.Sync()
	return w
}

// landscapeImageSize checks that the landscape image is drawn at the size
// of its view.
func landscapeImageSize(t *testing.T, w *MainWindow) {
	t.Helper()
	size := w.bridge.view.Load().landscape.size
	img := w.land.chart.image.Image
	if img == nil {
		t.Fatal("no landscape image")
	}
	if b := img.Bounds(); size.w < 100 || size.h < 100 || b.Dx() != size.w || b.Dy() != size.h {
		t.Errorf("landscape image %v, view %v", b, size)
	}
}

func TestLandscapeShowsTheBooksValley(t *testing.T) {
	w := landscapeWindow(t)
	landscapeImageSize(t, w)
	m := w.land.shown
	if m == nil || m.I != 3 || m.J != 4 || m.Hold != landscape.AtOptimum {
		t.Fatalf("map %+v, want w3 across and w4 up, the others at the optimum", m)
	}
	if w.land.xWeight.Selected != "w3" || w.land.yWeight.Selected != "w4" || len(w.land.xWeight.Options) != 5 {
		t.Errorf("selects %q and %q of %v", w.land.xWeight.Selected, w.land.yWeight.Selected, w.land.xWeight.Options)
	}

	book, err := bookData()
	if err != nil {
		t.Fatal(err)
	}
	c, err := landscape.Conditions(book, fit.BookModel())
	if err != nil {
		t.Fatal(err)
	}
	if got := w.land.raw.Text; got != landscape.FormatCondition(c.Raw) || c.Raw < 1e6 {
		t.Errorf("raw condition number %q, want %s", got, landscape.FormatCondition(c.Raw))
	}
	if got := w.land.scaled.Text; got != landscape.FormatCondition(c.Scaled) || c.Scaled > 1e6 {
		t.Errorf("scaled condition number %q, want %s", got, landscape.FormatCondition(c.Scaled))
	}
	if got := w.land.sentence.Text; got != c.Sentence() {
		t.Errorf("sentence %q, want %q", got, c.Sentence())
	}
	contains(t, "sentence", w.land.sentence.Text, "on raw x the valley is a thin, tilted trough")
}

func TestLandscapePathGrowsAsTheTrainerSteps(t *testing.T) {
	w := landscapeWindow(t)
	if n := len(w.land.shown.PathX); n != 1 {
		t.Fatalf("a path of %d points before the first step", n)
	}
	for range 5 {
		test.Tap(w.settings.step)
	}
	w.Sync()
	m := w.land.shown
	if n := len(m.PathX); n != 6 {
		t.Fatalf("a path of %d points after 5 steps, want 6", n)
	}
	w.session.Trainer().Advance(20000)
	w.Sync()
	long := w.land.shown
	if n := len(long.PathX); n <= 6 || n > 2048+1 {
		t.Errorf("a path of %d points after 20,005 steps: it should grow and stay bounded", n)
	}
	snap := w.session.Trainer().Snapshot()
	if got, want := long.PathX[len(long.PathX)-1], snap.Weights[3]; got != want {
		t.Errorf("the path ends at w3 = %v, the trainer is at %v", got, want)
	}
	landscapeImageSize(t, w)
}

func TestChangingTheWeightsShownRedraws(t *testing.T) {
	w := landscapeWindow(t)
	before := w.land.chart.image.Image
	w.land.xWeight.SetSelected("w1")
	w.Sync()
	if m := w.land.shown; m.I != 1 || m.J != 4 {
		t.Errorf("map of w%d and w%d, want w1 and w4", m.I, m.J)
	}
	if w.land.chart.image.Image == before {
		t.Error("the image was not drawn again")
	}
	w.land.hold.SetSelected(w.land.hold.Options[1])
	w.Sync()
	if m := w.land.shown; m.Hold != landscape.AtCurrent {
		t.Errorf("the others held %v, want at the current weights", m.Hold)
	}

	// The same weight on both axes cannot be mapped: the model's last two
	// are shown instead.
	w.land.yWeight.SetSelected("w1")
	w.Sync()
	if m := w.land.shown; m.I != 3 || m.J != 4 {
		t.Errorf("w1 on both axes drew w%d and w%d", m.I, m.J)
	}

	// A model with other weights offers them, and starts again from its
	// last two.
	w.settings.degree.SetSelected("2")
	w.Sync()
	if w.land.xWeight.Selected != "w1" || w.land.yWeight.Selected != "w2" || len(w.land.yWeight.Options) != 3 {
		t.Errorf("degree 2: selects %q and %q of %v", w.land.xWeight.Selected, w.land.yWeight.Selected, w.land.yWeight.Options)
	}
	if m := w.land.shown; m.I != 1 || m.J != 2 {
		t.Errorf("degree 2 mapped w%d and w%d", m.I, m.J)
	}
}

func TestConditionsAreComputedOncePerDataAndModel(t *testing.T) {
	book, err := bookData()
	if err != nil {
		t.Fatal(err)
	}
	var c conditionCache
	m := fit.BookModel()
	first, err := c.get(book, m)
	if err != nil {
		t.Fatal(err)
	}
	m.Scaling = fit.Scaled
	again, _ := c.get(book, m)
	if again != first || c.data != book {
		t.Errorf("scaled x gave %+v, raw %+v", again, first)
	}
	m.Degree = 2
	other, _ := c.get(book, m)
	if other.Raw >= first.Raw || other.Model.Degree != 2 {
		t.Errorf("degree 2 kept the conditioning of degree 4: %+v", other)
	}
}

func TestConditionSentenceIsTheCoresInEnglish(t *testing.T) {
	seasonal := fit.Model{Kind: fit.Seasonal, Harmonics: 2, Period: 12}
	for _, k := range []float64{1, 9.5, 279, 999, 1000, 5e5, 999999, 1e6, 1.1e10, math.Inf(1)} {
		for _, c := range []landscape.Conditioning{
			{Model: fit.BookModel(), Raw: k, Scaled: 12.5},
			{Model: fit.BookModel(), Raw: 3e7, Scaled: k},
			{Model: seasonal, Raw: k, Scaled: k},
		} {
			if got, want := conditionSentence(c), c.Sentence(); got != want {
				t.Errorf("%+v:\n got %q\nwant %q", c, got, want)
			}
		}
	}
}

func TestLandscapeWithoutAModel(t *testing.T) {
	w := landscapeWindow(t)
	w.settings.degree.SetSelected("0")
	w.Sync()
	contains(t, "message", w.land.message.Text, "The model has one weight")
	if !w.land.message.Visible() {
		t.Error("the message is hidden")
	}
	w.session.New()
	w.Sync()
	contains(t, "message", w.land.message.Text, "no model to map")
	w.settings.degree.SetSelected("4")
	if err := w.session.OpenSample(sampledata.Default()); err != nil {
		t.Fatal(err)
	}
	w.Sync()
	if w.land.message.Visible() || w.land.shown == nil || w.land.shown.J != 4 {
		t.Errorf("the book's data again: message %q, map %v", w.land.message.Text, w.land.shown)
	}
}
