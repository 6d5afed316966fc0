package gui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tempfit/chart"
	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/optim"
	"tempfit/core/session"
	"tempfit/core/sheet"
	"tempfit/core/train"
)

// Measurements, not assertions: they log what they measure and are skipped
// with -short and under the race detector, which makes the numbers
// meaningless. Run them with
//
//	go test -run Measure -bench Frame -v ./gui/

// skipMeasure skips a measurement where its numbers would mean nothing.
func skipMeasure(t testing.TB) {
	t.Helper()
	if testing.Short() || raceEnabled {
		t.Skip("measurement: not with -short or -race")
	}
}

// windowAt returns a synchronous window resized to width×height.
func windowAt(t testing.TB, width, height float32) *MainWindow {
	t.Helper()
	w := newWindow(t)
	w.win.Resize(fyne.NewSize(width, height))
	w.Sync()
	return w
}

// BenchmarkFrame1280x800 draws one frame, the fit and the loss charts at
// the sizes they have in a 1280×800 window, after 20,000 steps.
func BenchmarkFrame1280x800(b *testing.B) {
	w := windowAt(b, 1280, 800)
	w.session.Trainer().Advance(20000)
	v := w.bridge.view.Load()
	s := w.session.Trainer().Snapshot()
	b.Logf("fit chart %dx%d, loss chart %dx%d pixels, %d loss points",
		v.fitSize.w, v.fitSize.h, v.lossSize.w, v.lossSize.h, len(s.History))
	for b.Loop() {
		drawCharts(v, s)
	}
}

// BenchmarkFitChart1280x800 draws the fit chart alone at 1280×800 pixels.
func BenchmarkFitChart1280x800(b *testing.B) {
	w := windowAt(b, 1280, 800)
	w.session.Trainer().Advance(20000)
	v := *w.bridge.view.Load()
	s := w.session.Trainer().Snapshot()
	size := pixelSize{w: 1280, h: 800, dpi: chart.DPI}
	for b.Loop() {
		render(fitPlot(&v, s), size)
	}
}

// BenchmarkFrame100kRows draws a frame with 100,000 points (thinned for
// the scatter).
func BenchmarkFrame100kRows(b *testing.B) {
	w := windowAt(b, 1280, 800)
	openRows(b, w, 100000)
	w.session.Trainer().Advance(2000)
	v := w.bridge.view.Load()
	s := w.session.Trainer().Snapshot()
	for b.Loop() {
		drawCharts(v, s)
	}
}

// openRows opens a CSV file of n rows of monthly temperatures.
func openRows(t testing.TB, w *MainWindow, n int) {
	t.Helper()
	if err := w.Open(writeRows(t, n)); err != nil {
		t.Fatal(err)
	}
	w.Sync()
}

// writeRows writes a CSV file of n rows of monthly temperatures and
// returns its path.
func writeRows(t testing.TB, n int) string {
	t.Helper()
	book, err := bookData()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("month,temperature\n")
	for i := range n {
		fmt.Fprintf(&b, "%g,%g\n", 1+float64(i%12)+float64(i)/float64(n), book.Y[i%12]+float64(i%7)/10)
	}
	path := filepath.Join(t.TempDir(), "rows.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// playUI does what the bridge and the UI goroutine do, on the test's
// goroutine: at about 30 Hz it draws a frame when something changed and
// shows it, until done reports true. It returns the frames shown, the
// longest time a frame took to show (the UI goroutine's share) and the
// mean drawing time.
func playUI(w *MainWindow, done func() bool) (frames int, maxShow, meanDraw time.Duration) {
	tick := time.NewTicker(defaultTick)
	defer tick.Stop()
	var drawn time.Duration
	for !done() {
		<-tick.C
		f := w.bridge.draw(false)
		if f == nil {
			continue
		}
		start := time.Now()
		w.bridge.show(f)
		maxShow = max(maxShow, time.Since(start))
		drawn += f.elapsed
		frames++
	}
	if frames > 0 {
		meanDraw = drawn / time.Duration(frames)
	}
	return frames, maxShow, meanDraw
}

func TestMeasureFramesPerSecond(t *testing.T) {
	skipMeasure(t)
	w := windowAt(t, 1280, 800)
	test.Tap(w.settings.startPause) // animated: the book's 100,000 steps in about 5 s
	tr := w.session.Trainer()
	start := time.Now()
	frames, maxShow, meanDraw := playUI(w, func() bool { return tr.Snapshot().State != train.Running })
	secs := time.Since(start).Seconds()
	t.Logf("animated run of %d steps: %.1f s, %d frames, %.1f frames/s, %.1f ms to draw a frame, UI goroutine at most %.1f ms per frame",
		tr.Snapshot().Step, secs, frames, float64(frames)/secs, ms(meanDraw), ms(maxShow))
}

func TestMeasureTrainingSpeedWithWindow(t *testing.T) {
	skipMeasure(t)
	const steps = 60_000_000
	book, err := bookData()
	if err != nil {
		t.Fatal(err)
	}
	cfg := train.Config{Model: fit.BookModel(), Method: optim.Adam, Steps: steps}

	// The CLI's way: Advance on the caller's goroutine.
	cli, err := train.New(book, cfg)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	cli.Advance(steps)
	cliRate := steps / time.Since(start).Seconds()

	// The trainer's own goroutine with no window.
	alone, _ := train.New(book, cfg)
	alone.Start()
	alone.Wait()
	aloneRate := float64(steps) / alone.Snapshot().Elapsed.Seconds()

	// With the window drawing about 30 frames a second.
	w := windowAt(t, 1280, 800)
	setSteps(t, w, steps)
	setMax(t, w)
	w.Sync()
	test.Tap(w.settings.startPause)
	tr := w.session.Trainer()
	frames, maxShow, meanDraw := playUI(w, func() bool { return tr.Snapshot().State != train.Running })
	s := tr.Snapshot()
	winRate := float64(s.Step) / s.Elapsed.Seconds()
	t.Logf("%d Adam steps on the book's data: CLI (Advance) %.3g steps/s, trainer goroutine without a window %.3g steps/s, with the window %.3g steps/s (%d frames, %.1f ms to draw, UI at most %.1f ms)",
		steps, cliRate, aloneRate, winRate, frames, ms(meanDraw), ms(maxShow))
	t.Logf("ratio window/CLI %.2f, window/trainer alone %.2f", winRate/cliRate, winRate/aloneRate)
}

func TestMeasure100kRows(t *testing.T) { measureRows(t, 100_000) }

func TestMeasureMillionRows(t *testing.T) { measureRows(t, 1_000_000) }

// measureRows measures the window with n rows: opening the file (the
// reading, off the UI goroutine, and the import, on it), scrolling,
// editing a cell while training runs, and training.
func measureRows(t *testing.T, n int) {
	skipMeasure(t)
	w := windowAt(t, 1280, 800)
	path := writeRows(t, n)
	start := time.Now()
	res, _, err := session.ReadFile(path, data.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	read := time.Since(start)
	start = time.Now()
	w.importFile(path, res)
	imported := time.Since(start)
	start = time.Now()
	w.Sync()
	t.Logf("open %d rows: read %.0f ms off the UI goroutine, import %.1f ms on it; trainer made (off it) and first frame %.0f ms",
		n, ms(read), ms(imported), ms(time.Since(start)))

	// Scrolling builds only the cells on screen.
	start = time.Now()
	for _, row := range []int{n / 2, n - 1, 0, n / 8} {
		w.table.table.ScrollTo(widget.TableCellID{Row: row, Col: colX})
		w.table.table.Refresh()
	}
	t.Logf("4 scrolls: %.1f ms; %d cell views exist", ms(time.Since(start)), len(w.table.cells))
	if len(w.table.cells) > 1000 {
		t.Errorf("%d cell views for %d rows", len(w.table.cells), n)
	}

	// An edit: the UI goroutine's share (the trainer gets the data later,
	// in the background), then the background's.
	setSteps(t, w, 1_000_000_000)
	setMax(t, w)
	test.Tap(w.settings.startPause)
	moveTo(t, w, 0, colY)
	pressKey(t, w, fyne.KeyReturn)
	test.Type(w.table.editor, "9")
	start = time.Now()
	pressKey(t, w, fyne.KeyReturn)
	ui := time.Since(start)
	j := w.session.TakeJob()
	start = time.Now()
	j.Run()
	bg := time.Since(start)
	w.session.FinishJob(j)
	t.Logf("edit a cell while training: UI goroutine %.1f ms, SetData in the background %.1f ms", ms(ui), ms(bg))

	tr := w.session.Trainer()
	deadline := time.Now().Add(3 * time.Second)
	frames, maxShow, meanDraw := playUI(w, func() bool { return time.Now().After(deadline) })
	test.Tap(w.settings.startPause)
	t.Logf("training on %d rows: %d frames in 3 s, %.1f ms to draw a frame, UI goroutine at most %.1f ms per frame, %.3g steps/s",
		n, frames, ms(meanDraw), ms(maxShow), tr.Snapshot().StepsPerSecond)

	// The pure-Go half of an edit: the sheet's data set.
	s := sheet.FromDataset(w.session.Data())
	start = time.Now()
	s.Dataset()
	t.Logf("building the data set of %d rows: %.1f ms", n, ms(time.Since(start)))
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
