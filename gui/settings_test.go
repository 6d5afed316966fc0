package gui

import (
	"math"
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tempfit/core/fit"
	"tempfit/core/train"
)

func TestChangeLearningRateWhileRunning(t *testing.T) {
	w := newWindow(t)
	setSteps(t, w, 1_000_000_000) // a run that outlasts the test
	test.Tap(w.settings.startPause)
	tr := w.session.Trainer()
	if tr.Snapshot().State != train.Running {
		t.Fatalf("state %v after Start", tr.Snapshot().State)
	}
	w.Sync()
	if w.settings.startPause.Text != "Pause" {
		t.Errorf("the Start button reads %q while running", w.settings.startPause.Text)
	}
	e := w.settings.rate
	e.SetText("")
	test.Type(e, "0.05")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	s := tr.Snapshot()
	if s.LearningRate != 0.05 {
		t.Errorf("the trainer's learning rate is %v after typing 0.05", s.LearningRate)
	}
	if s.State != train.Running || w.session.Trainer() != tr {
		t.Errorf("changing the learning rate stopped or replaced the run: %v", s.State)
	}
	if got := w.settings.rateBar.Value; math.Abs(got-math.Log10(0.05)) > 0.01 {
		t.Errorf("slider at %v, want log10(0.05)", got)
	}
	// The slider applies too.
	w.settings.rateBar.SetValue(-2)
	if lr := tr.Snapshot().LearningRate; lr != 0.01 {
		t.Errorf("slider at -2 set the learning rate to %v", lr)
	}
	if w.settings.rate.Text != "0.01" {
		t.Errorf("slider at -2 shows %q", w.settings.rate.Text)
	}
	// Max speed applies while running.
	setMax(t, w)
	waitFor(t, "the trainer to take the maximum speed", func() bool { return tr.Snapshot().Config.Pace == 0 })
	test.Tap(w.settings.startPause)
	w.Sync()
	if tr.Snapshot().State != train.Paused || w.settings.startPause.Text != "Resume" {
		t.Errorf("after Pause: %v, button %q", tr.Snapshot().State, w.settings.startPause.Text)
	}
	// A bad learning rate is refused.
	e.SetText("")
	test.Type(e, "-1")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if tr.Snapshot().LearningRate != 0.01 || !w.settings.warning.Visible() {
		t.Error("a negative learning rate was not refused")
	}
}

func TestStepAndReset(t *testing.T) {
	w := newWindow(t)
	for range 3 {
		test.Tap(w.settings.step)
	}
	w.Sync()
	if s := w.session.Trainer().Snapshot(); s.Step != 3 {
		t.Fatalf("3 Steps took %d", s.Step)
	}
	contains(t, "progress", w.status.step.Text, "Step 3 / ")
	setMax(t, w)
	setSteps(t, w, 1000)
	runToEnd(t, w)
	test.Tap(w.settings.reset)
	w.Sync()
	s := w.session.Trainer().Snapshot()
	if s.Step != 0 || s.State != train.Idle {
		t.Fatalf("after Reset: step %d, %v", s.Step, s.State)
	}
	contains(t, "progress", w.status.step.Text, "Step 0 / ")
	contains(t, "loss", w.status.loss.Text, formatLoss(s.Loss))
	if got := cellText(t, w, 4, colPredicted); got != "0" {
		t.Errorf("predicted after Reset %q, want 0 (zero weights)", got)
	}
	if w.settings.startPause.Disabled() || w.settings.startPause.Text != "Start" {
		t.Error("Start not ready after Reset")
	}
}

func TestSolveExactly(t *testing.T) {
	w := newWindow(t)
	test.Tap(w.settings.solve)
	w.Sync()
	book, _ := bookData()
	pr, err := fit.NewProblem(book, fit.BookModel())
	if err != nil {
		t.Fatal(err)
	}
	want := formatLoss(pr.OptimumSSE())
	contains(t, "loss", w.status.loss.Text, want)
	// The book's exact optimum, from the reference example.
	contains(t, "loss", w.status.loss.Text, "12.144165")
	contains(t, "message", w.status.message.Text, "Exact least-squares solution")
	s := w.session.Trainer().Snapshot()
	if math.Abs(s.Stats.GapPercent) > 1e-6 {
		t.Errorf("gap %v%% after solving exactly", s.Stats.GapPercent)
	}
	p := pr.Basis.Predict(pr.Optimum(), 1)
	if got := cellText(t, w, 0, colPredicted); got != strconv.FormatFloat(p, 'g', fittedDigits, 64) {
		t.Errorf("predicted %q, want %v", got, p)
	}
	// While a run goes on, Solve stops it first.
	test.Tap(w.settings.reset)
	test.Tap(w.settings.startPause)
	test.Tap(w.settings.solve)
	w.Sync()
	contains(t, "loss", w.status.loss.Text, want)
	if st := w.session.Trainer().Snapshot().State; st == train.Running {
		t.Error("still running after Solve exactly")
	}
}

func TestModelChangeAsksWhileRunning(t *testing.T) {
	w := newWindow(t)
	old := w.session.Trainer()
	// Not under way: no question.
	w.settings.degree.SetSelected("3")
	w.Sync()
	if w.confirm != nil || w.session.Config().Model.Degree != 3 || w.session.Trainer() == old {
		t.Fatalf("degree change on an idle run: confirm %v, degree %d", w.confirm, w.session.Config().Model.Degree)
	}
	if w.session.Trainer().Snapshot().Config.Model.Degree != 3 {
		t.Error("the new trainer has the old degree")
	}
	test.Tap(w.settings.startPause)
	running := w.session.Trainer()

	// Under way: asked; No keeps the run and the old setting.
	w.settings.scaling.SetSelected("Scaled x (−1 to 1)")
	if w.confirm == nil {
		t.Fatal("no question before resetting a running run")
	}
	w.confirm.Hide()
	if w.session.Trainer() != running || w.session.Config().Model.Scaling != fit.Raw || w.settings.scaling.Selected != "Raw x" {
		t.Errorf("No changed the run: scaling %v, shown %q", w.session.Config().Model.Scaling, w.settings.scaling.Selected)
	}
	if running.Snapshot().State != train.Running {
		t.Error("the run stopped after No")
	}

	// Yes starts over with the new optimizer and its learning rate.
	w.settings.method.SetSelected("RMSProp")
	if w.confirm == nil {
		t.Fatal("no question before changing the optimizer")
	}
	w.confirm.Confirm()
	w.Sync()
	if w.session.Trainer() == running {
		t.Fatal("Yes kept the old trainer")
	}
	if st := running.Snapshot().State; st == train.Running {
		t.Error("the old trainer still runs")
	}
	s := w.session.Trainer().Snapshot()
	if s.Config.Method != "rmsprop" || s.Step != 0 || s.State != train.Idle {
		t.Errorf("new trainer %v at step %d, %v", s.Config.Method, s.Step, s.State)
	}
	if w.settings.rate.Text != "0.001" {
		t.Errorf("learning rate shows %q for RMSProp", w.settings.rate.Text)
	}
	// Exact has no learning rate.
	w.settings.method.SetSelected("Exact (least squares)")
	if !w.settings.rate.Disabled() || !w.settings.rateBar.Disabled() {
		t.Error("learning rate enabled for the exact solver")
	}
}

func TestDegreeLimit(t *testing.T) {
	w := newWindow(t)
	n := w.session.Sheet().Len()
	w.settings.degree.SetSelected(strconv.Itoa(n))
	if w.session.Config().Model.Degree != 4 || w.settings.degree.Selected != "4" {
		t.Errorf("degree %d for %d points was accepted", n, n)
	}
	if !w.settings.warning.Visible() {
		t.Fatal("no word on a refused degree")
	}
	contains(t, "warning", w.settings.warning.Text, "Degree "+strconv.Itoa(n), strconv.Itoa(n+1)+" points")
	w.settings.degree.SetSelected(strconv.Itoa(n - 1))
	if w.session.Config().Model.Degree != n-1 {
		t.Errorf("degree %d for %d points refused", n-1, n)
	}
	contains(t, "warning", w.settings.warning.Text, "passes through every point")
	w.settings.degree.SetSelected("4")
	if w.settings.warning.Visible() {
		t.Error("the warning stays for degree 4")
	}
	// Seasonal: 2K+1 weights.
	w.settings.kind.SetSelected("Seasonal")
	if w.session.Config().Model.Kind != fit.Seasonal || w.settings.degreeRow.Visible() || !w.settings.seasonalRow.Visible() {
		t.Fatal("seasonal settings not shown")
	}
	w.settings.harmonics.SetSelected("6")
	if w.session.Config().Model.Harmonics == 6 {
		t.Error("6 harmonics (13 weights) accepted for 12 points")
	}
	p := w.settings.period
	p.SetText("")
	test.Type(p, "-3")
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if w.session.Config().Model.Period != 12 {
		t.Errorf("period %v accepted", w.session.Config().Model.Period)
	}
}

func TestDivergedRunSaysWhatToTry(t *testing.T) {
	w := newWindow(t)
	w.settings.method.SetSelected("SGD (gradient descent)")
	setSteps(t, w, 2000)
	setMax(t, w)
	s := runToEnd(t, w)
	if s.State != train.Diverged {
		t.Fatalf("SGD at lr 0.01 on raw x ended %v", s.State)
	}
	if w.status.message.Importance != widget.DangerImportance || !w.status.message.Visible() {
		t.Error("divergence not shown as an error")
	}
	contains(t, "message", w.status.message.Text, "diverged", "smaller learning rate", "scaled x")
}
