package gui

import (
	"errors"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

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

func TestHeadersFromColumnNames(t *testing.T) {
	w := newWindow(t)
	xName, yName := w.session.Sheet().Names()
	want := map[int]string{colRow: "#", colX: xName, colY: yName, colPredicted: "Predicted", colResidual: "Residual"}
	for col, name := range want {
		l := widget.NewLabel("")
		w.table.updateHeader(widget.TableCellID{Row: -1, Col: col}, l)
		if l.Text != name {
			t.Errorf("header %d = %q, want %q", col, l.Text, name)
		}
	}
}

func TestTypeIntoCells(t *testing.T) {
	w := newWindow(t)
	typeCell(t, w, 2, colY, "9.5", fyne.KeyReturn)
	if v, _ := w.session.Sheet().Value(2, sheet.Y); v != 9.5 {
		t.Fatalf("y of row 3 = %v after typing 9.5", v)
	}
	if got := cellText(t, w, 2, colY); got != "9.5" {
		t.Errorf("cell shows %q", got)
	}
	if w.table.cursor != (widget.TableCellID{Row: 3, Col: colY}) {
		t.Errorf("Enter moved the cursor to %v, want the row below", w.table.cursor)
	}
	if w.win.Canvas().Focused() != w.table.table {
		t.Error("the table did not get the keyboard back")
	}
	contains(t, "title", w.win.Title(), "*")
	w.Sync()
	if d := w.session.Trainer().Snapshot().Problem.Data; d.Y[2] != 9.5 {
		t.Errorf("the trainer has y = %v for row 3", d.Y[2])
	}

	// Tab stores and moves right, from x to y.
	typeCell(t, w, 4, colX, "4.5", fyne.KeyTab)
	if v, _ := w.session.Sheet().Value(4, sheet.X); v != 4.5 {
		t.Errorf("x of row 5 = %v", v)
	}
	if w.table.cursor != (widget.TableCellID{Row: 4, Col: colY}) {
		t.Errorf("Tab moved the cursor to %v", w.table.cursor)
	}
	// Up stores and moves up.
	typeCell(t, w, 6, colY, "20", fyne.KeyUp)
	if v, _ := w.session.Sheet().Value(6, sheet.Y); v != 20 || w.table.cursor.Row != 5 {
		t.Errorf("Up: y %v, cursor %v", v, w.table.cursor)
	}
	// Escape cancels.
	typeCell(t, w, 7, colY, "99", fyne.KeyEscape)
	if got := cellText(t, w, 7, colY); got == "99" {
		t.Error("Escape kept the edit")
	}
	if w.table.editing != nil {
		t.Error("still editing after Escape")
	}
	// Typing on the table starts an edit with the key typed.
	moveTo(t, w, 8, colY)
	w.win.Canvas().Focused().TypedRune('7')
	if w.table.editing == nil || w.table.editor.Text != "7" {
		t.Fatalf("typing on the table: editing %v, text %q", w.table.editing, w.table.editor.Text)
	}
	test.Type(w.table.editor, ".25")
	pressKey(t, w, fyne.KeyReturn)
	if v, _ := w.session.Sheet().Value(8, sheet.Y); v != 7.25 {
		t.Errorf("y of row 9 = %v after typing 7.25 on the table", v)
	}
}

func TestBadCellRefused(t *testing.T) {
	w := newWindow(t)
	before := cellText(t, w, 3, colY)
	pred := cellText(t, w, 3, colPredicted)
	typeCell(t, w, 3, colY, "abc", fyne.KeyReturn)
	if got := cellText(t, w, 3, colY); got != before {
		t.Errorf("a refused cell shows %q, want %q", got, before)
	}
	if got := cellText(t, w, 3, colPredicted); got != pred {
		t.Errorf("predicted changed to %q", got)
	}
	if !w.table.message.Visible() {
		t.Fatal("no message for a cell that is not a number")
	}
	contains(t, "message", w.table.message.Text, "abc", "not a number", "Row 4")
	if w.session.Sheet().Dirty() || strings.Contains(w.win.Title(), "*") {
		t.Error("a refused edit marked the sheet changed")
	}
	// A good edit clears the message.
	typeCell(t, w, 3, colY, "15", fyne.KeyReturn)
	if w.table.message.Visible() {
		t.Error("the message stayed after a good edit")
	}
}

func TestClickEditsCell(t *testing.T) {
	w := newWindow(t)
	id := widget.TableCellID{Row: 1, Col: colX}
	c := visibleCell(t, w, id)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(c).AddXY(c.Size().Width/2, c.Size().Height/2)
	test.TapCanvas(w.win.Canvas(), pos)
	if w.table.editing == nil || *w.table.editing != id {
		t.Fatalf("a click on %v edits %v", id, w.table.editing)
	}
	if w.table.editor.holder == nil || w.table.editor.holder.id != id {
		t.Fatal("the editor is not shown in the clicked cell")
	}
	test.Type(w.table.editor, "1.5")
	// A click on another cell stores the edit and edits that cell.
	other := widget.TableCellID{Row: 4, Col: colY}
	c = visibleCell(t, w, other)
	pos = fyne.CurrentApp().Driver().AbsolutePositionForObject(c).AddXY(c.Size().Width/2, c.Size().Height/2)
	test.TapCanvas(w.win.Canvas(), pos)
	if v, _ := w.session.Sheet().Value(1, sheet.X); v != 1.5 {
		t.Errorf("x of row 2 = %v after clicking elsewhere", v)
	}
	if w.table.editing == nil || *w.table.editing != other {
		t.Fatalf("the second click edits %v", w.table.editing)
	}
	if w.win.Canvas().Focused() != w.table.editor {
		t.Error("the editor lost the keyboard")
	}
	test.Type(w.table.editor, "16")
	pressKey(t, w, fyne.KeyReturn)
	if v, _ := w.session.Sheet().Value(4, sheet.Y); v != 16 {
		t.Errorf("y of row 5 = %v", v)
	}
	// A click on a row number selects the row instead.
	c = visibleCell(t, w, widget.TableCellID{Row: 6, Col: colRow})
	pos = fyne.CurrentApp().Driver().AbsolutePositionForObject(c).AddXY(c.Size().Width/2, c.Size().Height/2)
	test.TapCanvas(w.win.Canvas(), pos)
	if w.table.editing != nil || !w.table.selected[6] {
		t.Errorf("clicking row number 7: editing %v, selected %v", w.table.editing, w.table.selected)
	}
}

func TestRowOperations(t *testing.T) {
	w := newWindow(t)
	n := w.session.Sheet().Len()

	test.Tap(w.table.add)
	if w.session.Sheet().Len() != n+1 {
		t.Fatalf("Add row: %d rows", w.session.Sheet().Len())
	}
	if w.table.editing == nil || w.table.editing.Row != n || w.table.editing.Col != colX {
		t.Fatalf("Add row does not edit the new row's x: %v", w.table.editing)
	}
	// The unfinished row is shown as such and left out of training.
	pressKey(t, w, fyne.KeyEscape)
	w.Sync()
	if got := cellText(t, w, n, colY); got != "empty" {
		t.Errorf("an empty cell shows %q", got)
	}
	if w.session.Trainer().Snapshot().Problem.Data.Len() != n {
		t.Errorf("the empty row went to the trainer")
	}
	if got := visibleCell(t, w, widget.TableCellID{Row: n, Col: colRow}).label.Importance; got != widget.LowImportance {
		t.Errorf("an incomplete row's number is not dimmed")
	}
	// Give it an x and a y; Tab goes from x to y.
	typeCell(t, w, n, colX, "13", fyne.KeyTab)
	pressKey(t, w, fyne.KeyReturn)
	test.Type(w.table.editor, "4.4")
	pressKey(t, w, fyne.KeyReturn)
	w.Sync()
	if w.session.Trainer().Snapshot().Problem.Data.Len() != n+1 {
		t.Errorf("the finished row did not reach the trainer")
	}

	// Insert a row above row 3.
	moveTo(t, w, 2, colX)
	test.Tap(w.table.insert)
	if w.session.Sheet().Len() != n+2 || w.session.Sheet().Complete(2) {
		t.Fatalf("Insert row: %d rows, row 3 complete=%v", w.session.Sheet().Len(), w.session.Sheet().Complete(2))
	}
	pressKey(t, w, fyne.KeyEscape)

	// Select rows 1 and 3 by their numbers and delete them.
	w.table.selectRow(0, 0)
	w.table.selectRow(2, fyne.KeyModifierControl)
	test.Tap(w.table.remove)
	if w.session.Sheet().Len() != n {
		t.Fatalf("Delete rows: %d rows", w.session.Sheet().Len())
	}
	if v, _ := w.session.Sheet().Value(0, sheet.X); v != 2 {
		t.Errorf("row 1 x = %v after deleting the first row", v)
	}

	// Sort by x: the row with x 13 added at the end stays last, month 1's
	// row was deleted.
	typeCell(t, w, 0, colX, "20", fyne.KeyReturn)
	test.Tap(w.table.sort)
	w.Sync()
	last := w.session.Sheet().Len() - 1
	if v, _ := w.session.Sheet().Value(last, sheet.X); v != 20 {
		t.Errorf("after sorting, the last x is %v", v)
	}
	for i := 1; i < w.session.Sheet().Len(); i++ {
		a, _ := w.session.Sheet().Value(i-1, sheet.X)
		b, _ := w.session.Sheet().Value(i, sheet.X)
		if a > b {
			t.Fatalf("rows %d and %d out of order: %v > %v", i, i+1, a, b)
		}
	}
	if d := w.session.Trainer().Snapshot().Problem.Data; d.X[d.Len()-1] != 20 {
		t.Errorf("the trainer did not get the sorted data")
	}
}

func TestShiftSelectsRange(t *testing.T) {
	w := newWindow(t)
	w.table.selectRow(1, 0)
	w.table.selectRow(4, fyne.KeyModifierShift)
	if got := w.table.deletionRows(); len(got) != 4 || got[0] != 1 || got[3] != 4 {
		t.Errorf("shift selection %v", got)
	}
	if visibleCell(t, w, widget.TableCellID{Row: 3, Col: colY}).bg.FillColor == color.Transparent {
		t.Error("selected row not marked")
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
	want := fit.Equation(s.Config.Model, s.Raw, -1) + "\n\n" + fit.CoefficientsText(s.Config.Model, s.Raw)
	if got != want {
		t.Errorf("clipboard %q, want %q", got, want)
	}
}

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

func TestLargeTableBuildsOnlyVisibleCells(t *testing.T) {
	w := newWindow(t)
	const n = 100000
	x := make([]float64, n)
	y := make([]float64, n)
	for i := range x {
		x[i] = float64(i)
		y[i] = float64(i % 12)
	}
	d, err := data.New("x", "y", x, y)
	if err != nil {
		t.Fatal(err)
	}
	w.session.ReplacePoints(&data.ReadResult{Data: d, HasHeader: true})
	w.Sync()
	for _, row := range []int{n / 2, n - 1, 0} {
		w.table.table.ScrollTo(widget.TableCellID{Row: row, Col: colX})
	}
	if len(w.table.cells) > 500 {
		t.Errorf("%d cell views for %d rows", len(w.table.cells), n)
	}
	moveTo(t, w, 0, colY)
	pressKey(t, w, fyne.KeyPageDown)
	page := w.table.cursor.Row
	if page < 5 || page > 40 {
		t.Errorf("Page Down moved to row %d", page)
	}
	pressKey(t, w, fyne.KeyPageDown)
	if w.table.cursor.Row != 2*page {
		t.Errorf("a second Page Down moved to row %d, want %d", w.table.cursor.Row, 2*page)
	}
	pressKey(t, w, fyne.KeyPageUp)
	if w.table.cursor.Row != page {
		t.Errorf("Page Up moved to row %d, want %d", w.table.cursor.Row, page)
	}
	pressKey(t, w, fyne.KeyEnd)
	if w.table.cursor.Row != n-1 {
		t.Errorf("End moved to row %d", w.table.cursor.Row)
	}
	pressKey(t, w, fyne.KeyReturn)
	test.Type(w.table.editor, "5")
	pressKey(t, w, fyne.KeyReturn)
	if v, _ := w.session.Sheet().Value(n-1, sheet.Y); v != 5 {
		t.Errorf("last row y = %v", v)
	}
	if got := cellText(t, w, n-1, colY); got != "5" {
		t.Errorf("last row shows %q", got)
	}
}

func TestEditStoredWhenAnotherFieldTakesTheKeyboard(t *testing.T) {
	w := newWindow(t)
	moveTo(t, w, 2, colY)
	pressKey(t, w, fyne.KeyReturn)
	test.Type(w.table.editor, "11")
	w.win.Canvas().Focus(w.settings.steps)
	if v, _ := w.session.Sheet().Value(2, sheet.Y); v != 11 {
		t.Errorf("y of row 3 = %v after clicking into another field", v)
	}
	if w.win.Canvas().Focused() != w.settings.steps {
		t.Error("the table took the keyboard back from the field clicked")
	}
	if w.table.editing != nil {
		t.Error("still editing")
	}
}
