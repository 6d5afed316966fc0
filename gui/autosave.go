package gui

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"tempfit/core/project"
	"tempfit/core/train"
)

// autosaveName is the name of the autosave file in the app's storage.
const autosaveName = "autosave" + project.Extension

// defaultAutosave is how often unsaved changes are autosaved.
const defaultAutosave = 5 * time.Second

// autosaveKey tells whether anything changed since the last autosave.
type autosaveKey struct {
	changes  uint64
	settings settingsKey
	trainer  *train.Trainer
	step     int
	source   string
}

// autosaveJob is one autosave: a project to write to path, or the file at
// path to remove.
type autosaveJob struct {
	path   string
	p      *project.Project
	remove bool
	key    autosaveKey
}

// run writes or removes the autosave file. It may run on any goroutine.
func (j autosaveJob) run() error {
	if j.remove {
		if err := os.Remove(j.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(j.path), 0o700); err != nil {
		return err
	}
	return project.Save(j.path, j.p)
}

// autosavePath returns the path of the autosave file in the app's
// storage, or "" when the storage is not a folder.
func (w *MainWindow) autosavePath() string {
	s := w.app.Storage()
	if s == nil {
		return ""
	}
	root := s.RootURI()
	if root == nil || root.Scheme() != "file" || root.Path() == "" {
		return ""
	}
	return filepath.Join(root.Path(), autosaveName)
}

// autosaveKeyNow returns the current autosave key.
func (w *MainWindow) autosaveKeyNow() autosaveKey {
	return autosaveKey{
		changes:  w.sheet.Changes(),
		settings: w.settingsKey(),
		trainer:  w.trainer,
		step:     w.step(),
		source:   w.source,
	}
}

// nextAutosave returns the autosave to do now, if any: the session when
// there are unsaved changes not autosaved yet, or the removal of an
// autosave this window wrote when the changes have since been saved or
// undone. It runs on the UI goroutine.
func (w *MainWindow) nextAutosave() (autosaveJob, bool) {
	path := w.autosavePath()
	if w.closed || w.offer != nil || path == "" {
		return autosaveJob{}, false
	}
	if !w.unsaved() {
		return autosaveJob{path: path, remove: true}, w.autosaved
	}
	key := w.autosaveKeyNow()
	if w.autosaved && key == w.autosaveLast {
		return autosaveJob{}, false
	}
	return autosaveJob{path: path, p: w.project(), key: key}, true
}

// autosaveDone records the outcome of an autosave. A failure is logged
// rather than shown: the next one tries again.
func (w *MainWindow) autosaveDone(j autosaveJob, err error) {
	if w.closed {
		return
	}
	if err != nil {
		fyne.LogError("Autosave to "+j.path, err)
		return
	}
	if j.remove {
		w.autosaved = false
		return
	}
	w.autosaved, w.autosaveLast = true, j.key
	w.noteAutosave()
}

// noteAutosave remembers the project file and the name of the work
// autosaved, to give them back when it is restored.
func (w *MainWindow) noteAutosave() {
	w.app.Preferences().SetString(prefAutosaveOf, w.projectPath)
	w.app.Preferences().SetString(prefAutosaveName, w.file)
}

// autosave does one autosave at once, on the UI goroutine.
func (w *MainWindow) autosave() {
	if j, ok := w.nextAutosave(); ok {
		w.autosaveDone(j, j.run())
	}
}

// removeAutosave deletes the autosave file, after a save or when the
// changes are discarded.
func (w *MainWindow) removeAutosave() {
	path := w.autosavePath()
	if path == "" {
		return
	}
	if err := (autosaveJob{path: path, remove: true}).run(); err != nil {
		fyne.LogError("Removing "+path, err)
	}
	w.autosaved = false
}

// offerRestore asks whether to restore the work autosaved by a window
// that did not close properly, if there is any.
func (w *MainWindow) offerRestore() {
	path := w.autosavePath()
	fi, err := os.Stat(path)
	if path == "" || err != nil {
		return
	}
	msg := lang.L("Tempfit closed last time without saving your work. Restore unsaved work from {{.Time}}?",
		map[string]any{"Time": fi.ModTime().Format("2006-01-02 15:04")})
	d := dialog.NewConfirm(lang.L("Restore unsaved work?"), msg, func(ok bool) {
		w.offer = nil
		if ok {
			w.restore(path)
		} else {
			w.removeAutosave()
		}
	}, w.win)
	d.SetConfirmText(lang.L("Restore"))
	d.SetDismissText(lang.L("Discard"))
	w.offer = d
	d.Show()
}

// restore opens the autosave file at path as unsaved work.
func (w *MainWindow) restore(path string) {
	p, l, err := readProject(path)
	if err != nil {
		w.ShowError(err)
		w.removeAutosave()
		return
	}
	w.showLoaded(l)
	w.projectPath = w.app.Preferences().String(prefAutosaveOf)
	w.file = w.app.Preferences().String(prefAutosaveName)
	w.markSavedAt(p.Step)
	w.restored = true
	w.autosaved = true
	w.updateTitle()
}

// finishAutosave runs as the window closes: it autosaves unsaved changes
// the user did not choose to discard, as when the app is told to quit by
// the system, or else removes the autosave file. An autosave not yet
// offered for restoring is kept.
func (w *MainWindow) finishAutosave() {
	path := w.autosavePath()
	switch {
	case path == "" || w.offer != nil:
	case w.unsaved() && !w.quitting:
		j := autosaveJob{path: path, p: w.project()}
		if err := j.run(); err != nil {
			fyne.LogError("Autosave to "+path, err)
			return
		}
		w.noteAutosave()
	default:
		w.removeAutosave()
	}
}
