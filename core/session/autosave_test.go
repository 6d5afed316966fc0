package session

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"tempfit/core/project"
	"tempfit/core/sheet"
)

// autosaveOptions returns options that autosave to a new folder.
func autosaveOptions(t *testing.T) (Options, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "store", "autosave.tempfit")
	return Options{Autosave: path}, path
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func TestAutosaveFollowsUnsavedWork(t *testing.T) {
	opts, path := autosaveOptions(t)
	s := newBookWith(t, opts)
	if _, ok := s.NextAutosave(); ok {
		t.Fatal("an autosave with nothing unsaved")
	}
	s.Edit(3, sheet.Y, "21.5")
	s.Sync()
	s.Trainer().Advance(400)
	if err := s.Autosave(); err != nil {
		t.Fatal(err)
	}
	p, err := project.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if p.Data.Y[3] != 21.5 || p.Step != 400 {
		t.Errorf("the autosave holds y %v at step %d", p.Data.Y[3], p.Step)
	}
	if _, ok := s.NextAutosave(); ok {
		t.Error("nothing changed, yet another autosave")
	}
	s.Trainer().Advance(1)
	if _, ok := s.NextAutosave(); !ok {
		t.Error("training since the autosave wants none")
	}
	s.Undo()
	j, ok := s.NextAutosave()
	if !ok || j.Run() != nil {
		t.Fatal("undone to the file, the autosave is not removed")
	}
	s.AutosaveDone(j, nil)
	if exists(path) {
		t.Error("the autosave outlived the undo of the only change")
	}
	if _, ok := s.NextAutosave(); ok {
		t.Error("nothing to remove, yet another job")
	}
}

func TestAutosaveRestoredAfterACrash(t *testing.T) {
	opts, path := autosaveOptions(t)
	s := newBookWith(t, opts)
	s.Edit(0, sheet.Y, "2.5")
	s.Sync()
	s.Trainer().Advance(50)
	s.Autosave()
	weights := s.Trainer().Checkpoint().Weights
	// The app is killed: s never finishes. The next session holds the
	// file until the user answers.
	n := newBookWith(t, opts)
	when, ok := n.Recoverable()
	if !ok || when.IsZero() {
		t.Fatal("the autosave is not offered back")
	}
	n.Edit(1, sheet.Y, "9")
	if _, ok := n.NextAutosave(); ok {
		t.Error("an autosave would overwrite the one not yet offered back")
	}
	n.FinishAutosave(false)
	if !exists(path) {
		t.Fatal("finishing removed the autosave not yet offered back")
	}
	if err := n.RestoreAutosave(); err != nil {
		t.Fatal(err)
	}
	if y(n, 0) != 2.5 || !n.Unsaved() || n.Name() != "book.csv" {
		t.Errorf("restored y %v, unsaved %v, name %q", y(n, 0), n.Unsaved(), n.Name())
	}
	if c := n.Trainer().Checkpoint(); c.Step != 50 || !slices.Equal(c.Weights, weights) {
		t.Errorf("restored step %d, weights %v", c.Step, c.Weights)
	}
	if _, ok := n.Recoverable(); ok {
		t.Error("still offered after restoring")
	}
	// Saving removes it.
	if err := n.SaveProject(filepath.Join(t.TempDir(), "kept.tempfit")); err != nil {
		t.Fatal(err)
	}
	if exists(path) || n.Unsaved() {
		t.Error("the autosave outlived a save")
	}
}

func TestAutosaveKeepsWhereTheWorkCameFrom(t *testing.T) {
	opts, path := autosaveOptions(t)
	s := newBookWith(t, opts)
	kept := filepath.Join(t.TempDir(), "kept.tempfit")
	if err := s.SaveProject(kept); err != nil {
		t.Fatal(err)
	}
	s.Edit(0, sheet.Y, "6.5")
	j, ok := s.NextAutosave()
	if !ok {
		t.Fatal("no autosave of the edit")
	}
	// The app is killed as soon as the job has run: nothing after it,
	// not even AutosaveDone, happens.
	if err := j.Run(); err != nil {
		t.Fatal(err)
	}
	n := newBookWith(t, Options{Autosave: path})
	if err := n.RestoreAutosave(); err != nil {
		t.Fatal(err)
	}
	if n.Name() != "kept.tempfit" || n.ProjectPath() != kept || !n.Unsaved() {
		t.Errorf("restored as %q from %q, unsaved %v", n.Name(), n.ProjectPath(), n.Unsaved())
	}
	// Without its note, the work comes back untitled rather than not at all.
	n.Edit(0, sheet.Y, "7.5")
	if err := n.Autosave(); err != nil {
		t.Fatal(err)
	}
	os.Remove(notePath(path))
	u := newBookWith(t, Options{Autosave: path})
	if err := u.RestoreAutosave(); err != nil {
		t.Fatal(err)
	}
	if y(u, 0) != 7.5 || u.Name() != "" || u.ProjectPath() != "" {
		t.Errorf("restored y %v as %q from %q", y(u, 0), u.Name(), u.ProjectPath())
	}
	if err := u.RemoveAutosave(); err != nil || exists(path) || exists(notePath(path)) {
		t.Errorf("removing the autosave left files: %v", err)
	}
}

func TestFinishAutosave(t *testing.T) {
	opts, path := autosaveOptions(t)
	s := newBookWith(t, opts)
	s.Edit(0, sheet.Y, "3.5")
	if err := s.FinishAutosave(false); err != nil || !exists(path) {
		t.Fatalf("ending with unsaved changes left no autosave: %v", err)
	}
	n := newBookWith(t, opts)
	n.RemoveAutosave() // the user declined it
	if exists(path) {
		t.Fatal("a declined autosave stays")
	}
	n.Edit(0, sheet.Y, "4.5")
	n.Autosave()
	if err := n.FinishAutosave(true); err != nil || exists(path) {
		t.Errorf("changes the user discarded were kept: %v", err)
	}
	// A damaged autosave is refused and removed.
	os.WriteFile(path, []byte("{"), 0o600)
	d := newBookWith(t, opts)
	if _, ok := d.Recoverable(); !ok {
		t.Fatal("the damaged autosave is not offered")
	}
	if err := d.RestoreAutosave(); err == nil || exists(path) || d.Sheet().Len() != 12 {
		t.Errorf("restoring a damaged autosave: %v", err)
	}
}
