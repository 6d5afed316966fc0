package chart

import (
	"math"
	"testing"

	"gonum.org/v1/plot"
)

// raceRuns returns three runs whose losses fall from 1000 towards 2 at
// different speeds over 500 steps.
func raceRuns() []RaceRun {
	runs := make([]RaceRun, 3)
	for r := range runs {
		rate := []float64{0.002, 0.01, 0.05}[r]
		steps := make([]float64, 500)
		losses := make([]float64, 500)
		for i := range steps {
			steps[i] = float64(i)
			losses[i] = 2 + 998*math.Exp(-rate*float64(i))
		}
		runs[r] = RaceRun{Label: []string{"slow", "middle", "fast"}[r], Steps: steps, Losses: losses}
	}
	return runs
}

func TestRaceLossPlot(t *testing.T) {
	const w, h = 900, 600
	runs := raceRuns()
	p, err := RaceLossPlot(RaceLoss{Title: "Race", XLabel: "step", YLabel: "SSE", Runs: runs, Optimum: 2})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := p.Y.Scale.(plot.LogScale); !ok {
		t.Errorf("y scale is %T, want plot.LogScale", p.Y.Scale)
	}
	if !(p.Y.Min < 2 && p.Y.Max > 1000) {
		t.Errorf("y axis [%v, %v] does not cover the losses and the optimum", p.Y.Min, p.Y.Max)
	}
	img := render(t, p, w, h)
	toPix := pixelMapper(t, p, w, h)
	da := dataRect(t, p, w, h)
	for r, run := range runs {
		for _, i := range []int{20, 60, 100} {
			px, py := toPix(run.Steps[i], run.Losses[i])
			if !colorWithin(img, px, py, 3, RunColor(r)) {
				t.Errorf("%s: no pixel of its colour near step %d", run.Label, i)
			}
		}
	}
	_, oy := toPix(0, 2)
	if row, count := optimumRow(img, da); math.Abs(float64(row)+0.5-oy) > 1.5 || count < da.Dx()/4 {
		t.Errorf("optimum line at row %d with %d pixels, want row %.1f", row, count, oy)
	}
}

func TestRaceLossLegendAndColors(t *testing.T) {
	runs := raceRuns()
	runs[1].Color = RunColor(7)
	p, err := RaceLossPlot(RaceLoss{Runs: runs, Optimum: 2, Labels: Labels{Optimum: "최적"}})
	if err != nil {
		t.Fatal(err)
	}
	img := render(t, p, 900, 600)
	// The legend sits in the top right corner: the runs' colours show
	// there, the overridden one instead of its default.
	legend := img.Bounds()
	legend.Min.X = legend.Max.X * 3 / 4
	legend.Max.Y = legend.Max.Y / 3
	for _, c := range []struct {
		color  int
		inside bool
	}{{0, true}, {7, true}, {2, true}, {1, false}} {
		if got := countColor(img, legend, RunColor(c.color)) > 0; got != c.inside {
			t.Errorf("colour %d in the legend: %v, want %v", c.color, got, c.inside)
		}
	}
	runs[0].Steps = runs[0].Steps[:10]
	if _, err := RaceLossPlot(RaceLoss{Runs: runs}); err == nil {
		t.Error("steps and losses of different lengths: no error")
	}
}

func TestRaceLossPlotEdgeCases(t *testing.T) {
	for _, r := range []RaceLoss{
		{},
		{Runs: []RaceRun{{Label: "empty"}}},
		{Runs: []RaceRun{{Label: "one step", Losses: []float64{5}}}, Optimum: 5},
		{Runs: []RaceRun{{Label: "bad", Losses: []float64{math.NaN(), math.Inf(1), -1, 0}}}, Optimum: math.NaN()},
	} {
		p, err := RaceLossPlot(r)
		if err != nil {
			t.Fatalf("%+v: %v", r, err)
		}
		render(t, p, 300, 200)
	}
}

func TestRaceFitPlot(t *testing.T) {
	const w, h = 900, 600
	flat := func(float64) float64 { return 0 }
	runs := []RaceRun{
		{Label: "at zero", Predict: flat},
		{Label: "at the optimum", Predict: quartic},
		{Label: "no curve"},
	}
	p, err := RaceFitPlot(RaceFit{Fit: Fit{X: months, Y: temps, Optimum: quartic, Predict: flat}, Runs: runs})
	if err != nil {
		t.Fatal(err)
	}
	if p.Y.Min > 0 {
		t.Errorf("y axis starts at %v: the curve at zero does not extend it", p.Y.Min)
	}
	img := render(t, p, w, h)
	toPix := pixelMapper(t, p, w, h)
	for _, x := range []float64{2, 6.5, 11} {
		px, py := toPix(x, 0)
		if !colorWithin(img, px, py, 3, RunColor(0)) {
			t.Errorf("no pixel of the first run's colour at (%v, 0)", x)
		}
		px, py = toPix(x, quartic(x))
		if !colorWithin(img, px, py, 3, RunColor(1)) {
			t.Errorf("no pixel of the second run's colour at (%v, %v)", x, quartic(x))
		}
	}
	for i, x := range months {
		px, py := toPix(x, temps[i])
		if !colorWithin(img, px, py, 4, observedColor) {
			t.Errorf("no observed point at month %v", x)
		}
	}
	// The fit's own Predict is not drawn.
	if countColor(img, dataRect(t, p, w, h), predictedColor) > 0 {
		t.Error("the fit's predicted curve is drawn")
	}
	if _, err := RaceFitPlot(RaceFit{Fit: Fit{X: months, Y: temps[:3]}}); err == nil {
		t.Error("x and y of different lengths: no error")
	}
}

func TestRunColor(t *testing.T) {
	seen := map[[3]uint8]bool{}
	for i := range 10 {
		c := RunColor(i)
		seen[[3]uint8{c.R, c.G, c.B}] = true
	}
	if len(seen) != 10 {
		t.Errorf("%d distinct colours for ten runs", len(seen))
	}
	if RunColor(10) != RunColor(0) || RunColor(-1) != RunColor(9) {
		t.Error("colours do not repeat after ten runs")
	}
}

// BenchmarkRaceLossRender draws the loss chart of five runs with full
// histories of 4,096 points each at 600×400 pixels, as a frame of the race
// view does.
func BenchmarkRaceLossRender(b *testing.B) {
	runs := make([]RaceRun, 5)
	for r := range runs {
		steps := make([]float64, 4096)
		losses := make([]float64, 4096)
		for i := range steps {
			steps[i] = float64(i * 32)
			losses[i] = 12 + 3000*math.Exp(-float64(i)/float64(300*(r+1))) + math.Abs(math.Sin(float64(i*(r+1))))
		}
		runs[r] = RaceRun{Label: "run", Steps: steps, Losses: losses}
	}
	for b.Loop() {
		p, err := RaceLossPlot(RaceLoss{Runs: runs, Optimum: 12})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Render(p, 600, 400); err != nil {
			b.Fatal(err)
		}
	}
}
