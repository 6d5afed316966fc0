package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"tempfit/core/project"
	"tempfit/core/session"
)

// onSave saves the project, asking where if it has no file yet.
func (w *MainWindow) onSave() { w.save(nil) }

// onSaveAs saves the project to a file chosen.
func (w *MainWindow) onSaveAs() { w.saveAs(nil) }

// save saves the project to its file, or asks for one, then runs then if
// it was saved.
func (w *MainWindow) save(then func()) {
	path := w.session.ProjectPath()
	if path == "" {
		w.saveAs(then)
		return
	}
	w.saveTo(path, then)
}

// saveAs asks for a project file, saves to it and runs then if it was
// saved.
func (w *MainWindow) saveAs(then func()) {
	w.chooseSave(folderProject, w.session.BaseName()+project.Extension, []string{project.Extension}, func(path string) {
		w.saveTo(path, then)
	})
}

// saveTo saves the project to path and runs then, or says why it could
// not.
func (w *MainWindow) saveTo(path string, then func()) {
	if err := w.SaveProject(path); err != nil {
		w.showWriteError(err)
		return
	}
	if then != nil {
		then()
	}
}

// SaveProject writes the document to the project file at path, replacing
// it whole or not at all, and makes it the window's file.
func (w *MainWindow) SaveProject(path string) error {
	w.table.commit(0, 0)
	if err := w.session.SaveProject(path); err != nil {
		return err
	}
	w.addRecent(path)
	return nil
}

// OpenProject opens the project file at path, continuing its training
// where it stopped. A file that cannot be read whole is refused with a
// dialog and the window stays as it was.
//
// The file is read and its trainer made off the UI goroutine; the error is
// returned when that is done at once, as with a synchronous bridge in
// tests, and otherwise shown when it ends.
func (w *MainWindow) OpenProject(path string) error {
	w.table.commit(0, 0)
	var (
		lp   *session.LoadedProject
		err  error
		done bool
	)
	w.bridge.spawn(func() {
		lp, err = session.LoadProject(path)
	}, func() {
		done = true
		switch {
		case w.closed:
		case err != nil:
			w.ShowError(err)
		default:
			w.session.OpenLoaded(lp)
			w.addRecent(path)
		}
	})
	if !done {
		return nil
	}
	return err
}

// addRecent puts path first in File > Open Recent.
func (w *MainWindow) addRecent(path string) {
	w.prefs.addRecent(path)
	w.menu.refreshRecent()
}

// confirmDiscard runs then at once when there are no unsaved changes;
// otherwise it asks first whether to save them, discard them or cancel.
func (w *MainWindow) confirmDiscard(then func()) {
	w.table.commit(0, 0)
	if !w.session.Unsaved() {
		then()
		return
	}
	name := w.session.Name()
	if name == "" {
		name = lang.L("untitled")
	}
	msg := widget.NewLabel(lang.L("{{.File}} has unsaved changes. Save them as a project first?", map[string]any{"File": name}))
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	save := widget.NewButton(lang.L("Save"), func() {
		d.Hide()
		w.save(then)
	})
	save.Importance = widget.HighImportance
	discard := widget.NewButton(lang.L("Discard"), func() {
		d.Hide()
		w.removeAutosave()
		then()
	})
	cancel := widget.NewButton(lang.L("Cancel"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(lang.L("Save changes?"), msg, w.win)
	d.SetButtons([]fyne.CanvasObject{cancel, discard, save})
	d.Resize(fyne.NewSize(480, 180))
	d.Show()
}

// onCloseRequest handles closing the window or File > Quit: it asks about
// unsaved changes, then quits.
func (w *MainWindow) onCloseRequest() {
	w.confirmDiscard(func() {
		w.quitting = true
		w.Close()
		w.app.Quit()
	})
}
