package gui

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/session"
	"tempfit/core/sheet"
	"tempfit/core/train"
)

func TestOpensOnTheBookReadyToStart(t *testing.T) {
	w := newWindow(t)
	title := w.win.Title()
	contains(t, "title", title, AppName, "book.csv")
	if strings.Contains(title, "*") {
		t.Errorf("title %q marks unsaved changes on a fresh window", title)
	}
	book, err := bookData()
	if err != nil {
		t.Fatal(err)
	}
	if w.session.Sheet().Len() != book.Len() {
		t.Fatalf("%d rows, want the book's %d", w.session.Sheet().Len(), book.Len())
	}
	if got := cellText(t, w, 2, colY); got != strconv.FormatFloat(book.Y[2], 'g', -1, 64) {
		t.Errorf("row 3 y shows %q", got)
	}
	if w.session.Trainer() == nil {
		t.Fatal("no trainer")
	}
	s := w.session.Trainer().Snapshot()
	m, book4 := s.Config.Model, fit.BookModel()
	if s.State != train.Idle || m.Kind != book4.Kind || m.Degree != book4.Degree || m.Scaling != book4.Scaling || s.Config.Steps != train.DefaultSteps {
		t.Errorf("trainer %v with %+v", s.State, s.Config)
	}
	if w.settings.startPause.Disabled() || w.settings.startPause.Text != "Start" {
		t.Errorf("Start button %q disabled=%v", w.settings.startPause.Text, w.settings.startPause.Disabled())
	}
	contains(t, "progress", w.status.step.Text, "Step 0 / "+groupDigits(train.DefaultSteps))
	contains(t, "loss", w.status.loss.Text, formatLoss(s.Loss))
	if !w.settings.animated() {
		t.Error("the window does not open at the animated speed")
	}
	if want := float64(train.DefaultSteps) / session.AnimatedSeconds; w.session.Config().Pace != want {
		t.Errorf("pace %v, want %v", w.session.Config().Pace, want)
	}
}

func TestTrainRunToEnd(t *testing.T) {
	w := newWindow(t)
	setSteps(t, w, 3000)
	setMax(t, w)
	first := w.session.Trainer().Snapshot()
	s := runToEnd(t, w)
	if s.State != train.Done || s.Step != 3000 {
		t.Fatalf("run ended %v at step %d", s.State, s.Step)
	}
	if !(s.Loss < first.Loss) {
		t.Errorf("loss %v did not fall from %v", s.Loss, first.Loss)
	}
	contains(t, "progress", w.status.step.Text, "Step 3,000 / 3,000")
	contains(t, "loss", w.status.loss.Text, formatLoss(s.Loss))
	contains(t, "best", w.status.best.Text, formatLoss(s.BestLoss))
	contains(t, "gap", w.status.gap.Text, formatPercent(s.Stats.GapPercent)+"%")
	contains(t, "R²", w.status.r2.Text, strconv.FormatFloat(s.Stats.R2, 'f', 5, 64))
	if w.status.progress.Value != 3000 || w.status.progress.Max != 3000 {
		t.Errorf("progress %v of %v", w.status.progress.Value, w.status.progress.Max)
	}
	if got, want := w.status.equation.Text, fit.Equation(s.Config.Model, s.Raw, equationDigits); got != want {
		t.Errorf("equation %q, want %q", got, want)
	}
	contains(t, "message", w.status.message.Text, "Done")
	// The predicted and residual columns show the trained curve.
	for _, row := range []int{0, 5, 11} {
		x, _ := w.session.Sheet().Value(row, sheet.X)
		y, _ := w.session.Sheet().Value(row, sheet.Y)
		p := s.Problem.Basis.Predict(s.Weights, x)
		if got := cellText(t, w, row, colPredicted); got != strconv.FormatFloat(p, 'g', fittedDigits, 64) {
			t.Errorf("row %d predicted %q, want %v", row+1, got, p)
		}
		if got := cellText(t, w, row, colResidual); got != strconv.FormatFloat(y-p, 'g', fittedDigits, 64) {
			t.Errorf("row %d residual %q, want %v", row+1, got, y-p)
		}
	}
	if w.settings.startPause.Disabled() == false {
		t.Error("Start is enabled on a finished run")
	}
	// Raising the steps lets it go on.
	setSteps(t, w, 4000)
	w.Sync()
	if w.settings.startPause.Disabled() {
		t.Error("Start stays disabled after raising the steps")
	}
	s = runToEnd(t, w)
	if s.Step != 4000 {
		t.Errorf("continued to step %d", s.Step)
	}
}

func TestCopyCoefficients(t *testing.T) {
	w := newWindow(t)
	setSteps(t, w, 500)
	setMax(t, w)
	s := runToEnd(t, w)
	test.Tap(w.status.copy)
	got := w.app.Clipboard().Content()
	want := equationText(s, -1) + "\n\n" + s.Problem.Coefficients(s.Weights).Text()
	if got != want {
		t.Errorf("clipboard %q, want %q", got, want)
	}
}

func TestEditWhileTrainingKeepsRunning(t *testing.T) {
	w := newWindow(t)
	test.Tap(w.settings.startPause)
	tr := w.session.Trainer()
	typeCell(t, w, 0, colY, "2.5", fyne.KeyReturn)
	w.Sync()
	if w.session.Trainer() != tr {
		t.Fatal("an edit replaced the trainer")
	}
	s := tr.Snapshot()
	if s.State != train.Running {
		t.Errorf("an edit stopped the run: %v", s.State)
	}
	if s.Problem.Data.Y[0] != 2.5 {
		t.Errorf("the trainer has y = %v for row 1", s.Problem.Data.Y[0])
	}
	w.Sync()
	test.Tap(w.settings.startPause)
}

func TestNoCompleteRows(t *testing.T) {
	w := newWindow(t)
	for i := range w.session.Sheet().Len() {
		w.table.selectRow(i, fyne.KeyModifierControl)
	}
	test.Tap(w.table.remove)
	w.Sync()
	if w.session.Sheet().Len() != 0 || w.session.Trainer() != nil {
		t.Fatalf("%d rows left, trainer %v", w.session.Sheet().Len(), w.session.Trainer())
	}
	contains(t, "message", w.status.message.Text, "No row has both x and y")
	if !w.settings.startPause.Disabled() {
		t.Error("Start enabled without data")
	}
	test.Tap(w.table.add)
	test.Type(w.table.editor, "1")
	pressKey(t, w, fyne.KeyTab)
	pressKey(t, w, fyne.KeyReturn)
	test.Type(w.table.editor, "3")
	pressKey(t, w, fyne.KeyReturn)
	w.Sync()
	if w.session.Trainer() == nil {
		t.Fatal("no trainer after typing a point")
	}
	if w.status.message.Visible() && strings.Contains(w.status.message.Text, "No row") {
		t.Error("the no-data message stays")
	}
}

func TestResidualToggleAndExtend(t *testing.T) {
	w := newWindow(t)
	test.Tap(w.charts.residuals)
	if v := w.bridge.view.Load(); !v.chart.residuals {
		t.Error("the residual toggle did not reach the bridge")
	}
	e := w.charts.extend
	test.Type(e, "24")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if v := w.bridge.view.Load(); v.chart.extendTo != 24 {
		t.Errorf("extend to %v", v.chart.extendTo)
	}
	w.Sync()
	if w.charts.fit.image.Image == nil || w.charts.loss.image.Image == nil {
		t.Fatal("no chart images")
	}
	b := w.charts.fit.image.Image.Bounds()
	px := w.charts.fit.pixels()
	if b.Dx() != px.w || b.Dy() != px.h {
		t.Errorf("fit image %v, view needs %dx%d", b, px.w, px.h)
	}
	e.SetText("")
	test.Type(e, "soon")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !w.charts.message.Visible() {
		t.Error("no word on an x that is not a number")
	}
}

func TestOpenFile(t *testing.T) {
	w := newWindow(t)
	path := filepath.Join(t.TempDir(), "days.csv")
	if err := os.WriteFile(path, []byte("day,temp\n1,3\n2,5\n3,4\n4,8\n5,9\n6,12\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := w.Open(path); err != nil {
		t.Fatal(err)
	}
	w.Sync()
	contains(t, "title", w.win.Title(), "days.csv")
	if x, y := w.session.Sheet().Names(); x != "day" || y != "temp" || w.session.Sheet().Len() != 6 {
		t.Errorf("opened %s, %s with %d rows", x, y, w.session.Sheet().Len())
	}
	if d := w.session.Trainer().Snapshot().Problem.Data; d.Len() != 6 || d.XName != "day" {
		t.Errorf("the trainer has %d points of %s", d.Len(), d.XName)
	}
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("a,b\n1,x\n"), 0o644)
	err := w.Open(bad)
	var pe *data.ParseError
	if err == nil || !errors.As(err, &pe) {
		t.Errorf("opening a bad file: %v", err)
	}
	if w.session.Sheet().Len() != 6 {
		t.Error("a failed open changed the table")
	}
}

func TestCloseStopsTrainer(t *testing.T) {
	a := newTestApp(t)
	w := NewMainWindow(a, Options{Tick: -1})
	w.Sync()
	test.Tap(w.settings.startPause)
	tr := w.session.Trainer()
	w.Close()
	tr.Wait()
	if s := tr.Snapshot().State; s == train.Running {
		t.Errorf("the trainer runs after Close: %v", s)
	}
}

func TestLatestEditWins(t *testing.T) {
	w := newWindow(t)
	test.Tap(w.settings.startPause)
	tr := w.session.Trainer()
	w.session.TakeJob() // nothing pending from before
	typeCell(t, w, 0, colY, "1", fyne.KeyReturn)
	typeCell(t, w, 1, colY, "2", fyne.KeyReturn)
	j := w.session.TakeJob()
	if j == nil {
		t.Fatal("no job for the edits")
	}
	if w.session.TakeJob() != nil {
		t.Error("an older edit is still queued")
	}
	j.Run()
	w.session.FinishJob(j)
	if w.session.Trainer() != tr {
		t.Error("the edits replaced the trainer")
	}
	d := w.session.Trainer().Snapshot().Problem.Data
	if d.Y[0] != 1 || d.Y[1] != 2 {
		t.Errorf("the trainer has %v, %v", d.Y[0], d.Y[1])
	}
	test.Tap(w.settings.startPause)
}

// TestEveryTabFitsASmallScreen checks that no tab asks for a window
// taller than a small laptop's screen, which would push the status bar
// off it: long content scrolls instead.
func TestEveryTabFitsASmallScreen(t *testing.T) {
	const maxHeight = 700
	w := newWindow(t)
	w.session.Trainer().Advance(100)
	w.Sync()
	for _, tab := range w.tabs.Items {
		w.tabs.Select(tab)
		w.Sync()
		if h := w.win.Content().MinSize().Height; h > maxHeight {
			t.Errorf("with the %s tab the window needs %v pixels in height, more than %v", tab.Text, h, maxHeight)
		}
	}
}
