package gui

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tempfit/core/optim"
	"tempfit/core/project"
	"tempfit/core/sheet"
)

func TestSaveProjectAndContinueInFreshWindow(t *testing.T) {
	w1 := newWindow(t)
	w1.settings.degree.SetSelected("3")
	w1.settings.method.SetSelected("RMSProp")
	w1.settings.rate.SetText("0.02")
	w1.settings.rate.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	setSteps(t, w1, 50000)
	typeCell(t, w1, 5, colY, "17.25", fyne.KeyReturn)
	w1.Sync()
	if w1.session.Trainer().Advance(1234) != 1234 {
		t.Fatal("the trainer did not take 1234 steps")
	}
	dir := t.TempDir()
	w1.prefs.setFolder(folderProject, filepath.Join(dir, "any"))

	// Ctrl+S on a window without a project asks where.
	typeShortcut(t, w1, ctrl(fyne.KeyS, false))
	answerSave(t, w1, "run")
	noDialog(t, w1)
	path := filepath.Join(dir, "run"+project.Extension)
	saved := w1.session.Trainer().Checkpoint()
	contains(t, "title", w1.win.Title(), "run.tempfit")
	if strings.Contains(w1.win.Title(), "*") {
		t.Errorf("the title says unsaved after saving: %q", w1.win.Title())
	}
	p, err := project.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if p.Step != 1234 || !sameBits(p.Weights, saved.Weights) || p.Optimizer != optim.RMSProp || p.LearningRate != 0.02 || p.Steps != 50000 || p.Model.Degree != 3 {
		t.Fatalf("the project holds step %d, %v, lr %v, %d steps, degree %d", p.Step, p.Optimizer, p.LearningRate, p.Steps, p.Model.Degree)
	}
	if len(p.OptimizerState) == 0 || !reflect.DeepEqual(p.OptimizerState, saved.OptimizerState) {
		t.Error("the optimizer state was not saved")
	}

	// A fresh window on a fresh app opens it through File > Open.
	w2 := newWindow(t)
	w2.prefs.setFolder(folderData, path)
	menuItem(t, w2, "File", "Open…").Action()
	answerOpen(t, w2, path)
	noDialog(t, w2)
	w2.Sync()
	c2 := w2.session.Trainer().Checkpoint()
	if c2.Step != saved.Step || !sameBits(c2.Weights, saved.Weights) || !reflect.DeepEqual(c2.OptimizerState, saved.OptimizerState) {
		t.Fatalf("the fresh window starts at step %d with %v; saved were step %d, %v", c2.Step, c2.Weights, saved.Step, saved.Weights)
	}
	if !slices.Equal(c2.History, saved.History) {
		t.Error("the loss history differs")
	}
	if v, _ := w2.session.Sheet().Value(5, sheet.Y); v != 17.25 {
		t.Errorf("the edited cell reads %v", v)
	}
	if w2.session.Config().Method != optim.RMSProp || w2.session.Config().Model.Degree != 3 || w2.session.Config().LearningRate != 0.02 || w2.session.Config().Steps != 50000 {
		t.Errorf("settings %+v", w2.session.Config())
	}
	if w2.settings.method.Selected != "RMSProp" || w2.settings.degree.Selected != "3" || w2.settings.rate.Text != "0.02" || w2.settings.steps.Text != "50000" {
		t.Error("the settings panel does not show the project's settings")
	}
	contains(t, "title", w2.win.Title(), "run.tempfit")
	contains(t, "progress", w2.status.step.Text, "Step 1,234 / 50,000")
	if w2.session.Unsaved() {
		t.Error("a project just opened has unsaved changes")
	}

	// Both go on exactly alike.
	const more = 2500
	w1.session.Trainer().Advance(more)
	w2.session.Trainer().Advance(more)
	a, b := w1.session.Trainer().Checkpoint(), w2.session.Trainer().Checkpoint()
	if a.Step != saved.Step+more || b.Step != a.Step {
		t.Fatalf("steps %d and %d", a.Step, b.Step)
	}
	if !sameBits(a.Weights, b.Weights) {
		t.Errorf("after %d more steps the weights differ:\n%v\n%v", more, a.Weights, b.Weights)
	}
	if sameBits(a.Weights, saved.Weights) {
		t.Error("the weights did not move")
	}
	// Training since the save is a change to the project.
	w2.Sync()
	contains(t, "title", w2.win.Title(), "*")
}

func TestOpenDamagedProjectChangesNothing(t *testing.T) {
	w := newWindow(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.tempfit")
	if err := w.SaveProject(good); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	newer := writeFile(t, dir, "newer.tempfit", strings.Replace(string(raw), `"version": 1`, `"version": 99`, 1))
	cut := writeFile(t, dir, "cut.tempfit", string(raw[:len(raw)/2]))
	typeCell(t, w, 0, colY, "3.5", fyne.KeyReturn)
	w.Sync()
	rows, cfg, tr, title := sheetPoints(w), w.session.Config(), w.session.Trainer(), w.win.Title()

	for _, c := range []struct {
		path, says string
		kind       error
	}{
		{newer, "newer version", project.ErrNewerVersion},
		{cut, "damaged", project.ErrInvalid},
	} {
		err := w.Open(c.path)
		if !errors.Is(err, c.kind) {
			t.Errorf("%s: %v", c.path, err)
		}
		contains(t, "message", dialogText(t, w), filepath.Base(c.path), c.says)
		tapButton(t, w, "OK")
		if !slices.Equal(sheetPoints(w), rows) || w.session.Config() != cfg || w.session.Trainer() != tr || w.win.Title() != title {
			t.Errorf("%s changed the window", c.path)
		}
		if w.session.ProjectPath() != absPath(good) {
			t.Errorf("the window's project is %q", w.session.ProjectPath())
		}
	}
}

func TestUnsavedChangesOnClose(t *testing.T) {
	// Nothing changed: the window closes without a question.
	w := newWindow(t)
	if icpt := reflect.ValueOf(w.win).Elem().FieldByName("onCloseIntercepted"); !icpt.IsValid() || icpt.IsNil() {
		t.Fatal("closing the window is not intercepted")
	}
	w.onCloseRequest()
	if !w.closed {
		t.Fatal("a window without changes did not close")
	}

	// Cancel keeps the window and the changes.
	w = newWindow(t)
	typeCell(t, w, 1, colY, "8", fyne.KeyReturn)
	w.onCloseRequest()
	contains(t, "question", dialogText(t, w), "unsaved changes")
	tapButton(t, w, "Cancel")
	if w.closed || !w.session.Unsaved() {
		t.Fatal("Cancel closed the window or lost the changes")
	}

	// Discard closes and leaves no autosave.
	w.session.Autosave()
	if _, err := os.Stat(autosavePath(w.app)); err != nil {
		t.Fatal("no autosave to discard")
	}
	w.onCloseRequest()
	tapButton(t, w, "Discard")
	if !w.closed {
		t.Fatal("Discard did not close the window")
	}
	if _, err := os.Stat(autosavePath(w.app)); err == nil {
		t.Error("the autosave outlived Discard")
	}

	// Save asks where, saves, then closes.
	w = newWindow(t)
	dir := t.TempDir()
	w.prefs.setFolder(folderProject, filepath.Join(dir, "any"))
	typeCell(t, w, 1, colY, "8.5", fyne.KeyReturn)
	typeShortcut(t, w, ctrl(fyne.KeyQ, false))
	tapButton(t, w, "Save")
	answerSave(t, w, "kept")
	if !w.closed {
		t.Fatal("Save did not close the window")
	}
	p, err := project.Load(filepath.Join(dir, "kept.tempfit"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Data.Y[1] != 8.5 {
		t.Errorf("the saved project has y = %v", p.Data.Y[1])
	}

	// File > New asks too; cancelling the save dialog keeps everything.
	w = newWindow(t)
	typeCell(t, w, 1, colY, "9", fyne.KeyReturn)
	n := w.session.Sheet().Len()
	typeShortcut(t, w, ctrl(fyne.KeyN, false))
	tapButton(t, w, "Save")
	tapButton(t, w, "Cancel") // the save dialog
	if w.session.Sheet().Len() != n || !w.session.Unsaved() {
		t.Error("a cancelled save went on to New")
	}
	typeShortcut(t, w, ctrl(fyne.KeyN, false))
	tapButton(t, w, "Discard")
	if w.session.Sheet().Len() != 0 {
		t.Errorf("Discard then New left %d rows", w.session.Sheet().Len())
	}
}

func TestSaveUntrainedAndSolvedProjects(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"fresh", "solved"} {
		w1 := newWindow(t)
		if name == "solved" {
			w1.session.Trainer().Advance(10)
			test.Tap(w1.settings.solve)
		}
		path := filepath.Join(dir, name+project.Extension)
		if err := w1.SaveProject(path); err != nil {
			t.Fatal(err)
		}
		want := w1.session.Trainer().Checkpoint()
		w2 := newWindow(t)
		if err := w2.OpenProject(path); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		noDialog(t, w2)
		got := w2.session.Trainer().Checkpoint()
		if got.Step != want.Step || !sameBits(got.Weights, want.Weights) {
			t.Errorf("%s: opened at step %d with %v, saved step %d with %v", name, got.Step, got.Weights, want.Step, want.Weights)
		}
		w1.session.Trainer().Advance(100)
		w2.session.Trainer().Advance(100)
		if !sameBits(w1.session.Trainer().Checkpoint().Weights, w2.session.Trainer().Checkpoint().Weights) {
			t.Errorf("%s: the runs part after opening", name)
		}
	}
}
