package gui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"tempfit/core/project"
	"tempfit/core/sheet"
)

func TestAutosaveAndRestore(t *testing.T) {
	a := newTestApp(t)
	w1 := newWindowOn(t, a)
	path := filepath.Join(a.Storage().RootURI().Path(), autosaveName)

	// Nothing to save: nothing written.
	w1.session.Autosave()
	if _, err := os.Stat(path); err == nil {
		t.Fatal("an autosave without changes")
	}
	typeCell(t, w1, 3, colY, "21.5", fyne.KeyReturn)
	w1.settings.degree.SetSelected("2")
	w1.Sync()
	w1.session.Trainer().Advance(400)
	w1.session.Autosave()
	p, err := project.Load(path)
	if err != nil {
		t.Fatalf("no autosave in the app's storage: %v", err)
	}
	if p.Data.Y[3] != 21.5 || p.Model.Degree != 2 || p.Step != 400 {
		t.Fatalf("the autosave holds y %v, degree %d, step %d", p.Data.Y[3], p.Model.Degree, p.Step)
	}
	rows := sheetPoints(w1)
	weights := w1.session.Trainer().Checkpoint().Weights

	// The app is killed: w1 never closes. The next window offers the
	// work back.
	w2 := newWindowOn(t, a)
	fi, _ := os.Stat(path)
	contains(t, "offer", dialogText(t, w2), "Restore unsaved work from "+fi.ModTime().Format("2006-01-02 15:04"))
	w2.session.Autosave() // while the question is open the file stays
	if _, err := os.Stat(path); err != nil {
		t.Fatal("the autosave went before the user answered")
	}
	tapButton(t, w2, "Restore")
	noDialog(t, w2)
	w2.Sync()
	if !slices.Equal(sheetPoints(w2), rows) || w2.session.Config().Model.Degree != 2 {
		t.Errorf("restored %v with degree %d", sheetPoints(w2), w2.session.Config().Model.Degree)
	}
	if c := w2.session.Trainer().Checkpoint(); c.Step != 400 || !sameBits(c.Weights, weights) {
		t.Errorf("restored step %d, weights %v", c.Step, c.Weights)
	}
	if !w2.session.Unsaved() || !strings.Contains(w2.win.Title(), "*") {
		t.Error("restored work is not marked unsaved")
	}
	contains(t, "title", w2.win.Title(), w1.session.Name())

	// Saving it removes the autosave.
	if err := w2.SaveProject(filepath.Join(t.TempDir(), "kept.tempfit")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("the autosave outlived a save")
	}
	if w2.session.Unsaved() {
		t.Error("unsaved after saving")
	}
}

func TestAutosaveDeclinedAndUndone(t *testing.T) {
	a := newTestApp(t)
	w1 := newWindowOn(t, a)
	path := filepath.Join(a.Storage().RootURI().Path(), autosaveName)
	y, _ := w1.session.Sheet().Value(0, sheet.Y)

	// Undoing back to the file removes the autosave.
	typeCell(t, w1, 0, colY, "1.5", fyne.KeyReturn)
	w1.session.Autosave()
	if _, err := os.Stat(path); err != nil {
		t.Fatal("no autosave after an edit")
	}
	typeShortcut(t, w1, &fyne.ShortcutUndo{})
	w1.session.Autosave()
	if _, err := os.Stat(path); err == nil {
		t.Fatal("the autosave outlived the undo of the only change")
	}

	// Closing without being asked, as when the system quits the app,
	// autosaves what is unsaved; declining it removes it.
	typeCell(t, w1, 0, colY, "2.5", fyne.KeyReturn)
	w1.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatal("closing with unsaved changes left no autosave")
	}
	w2 := newWindowOn(t, a)
	tapButton(t, w2, "Discard")
	if _, err := os.Stat(path); err == nil {
		t.Error("a declined autosave was kept")
	}
	if v, _ := w2.session.Sheet().Value(0, sheet.Y); v != y {
		t.Errorf("declining restored y = %v", v)
	}
	w3 := newWindowOn(t, a)
	noDialog(t, w3)
}

func TestAutosaveRunsOnTheBridge(t *testing.T) {
	a := newTestApp(t)
	w := newWindowOn(t, a)
	path := filepath.Join(a.Storage().RootURI().Path(), autosaveName)
	typeCell(t, w, 2, colY, "30.5", fyne.KeyReturn)
	w.Sync()

	// Only the autosave goroutine runs, so that the fyne.Do calls, which
	// the test driver runs at once, never meet another goroutine's. The
	// test goroutine only looks at the file meanwhile.
	b := w.bridge
	b.autosave = 10 * time.Millisecond
	b.done.Add(1)
	go b.autosaver()
	deadline := time.Now().Add(10 * time.Second)
	for b.saves.Load() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the bridge finished no autosave")
		}
		time.Sleep(5 * time.Millisecond)
	}
	b.stop()
	p, err := project.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if p.Data.Y[2] != 30.5 {
		t.Errorf("the autosave has y = %v", p.Data.Y[2])
	}
	if _, again := w.session.NextAutosave(); again {
		t.Error("the session does not know it autosaved: it would write the same work again")
	}
}
