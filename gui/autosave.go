package gui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"tempfit/core/project"
)

// autosaveName is the name of the autosave file in the app's storage.
const autosaveName = "autosave" + project.Extension

// autosavePath returns the path of the autosave file in the storage of a,
// or "" when the storage is not a folder.
func autosavePath(a fyne.App) string {
	s := a.Storage()
	if s == nil {
		return ""
	}
	root := s.RootURI()
	if root == nil || root.Scheme() != "file" || root.Path() == "" {
		return ""
	}
	return filepath.Join(root.Path(), autosaveName)
}

// offerRestore asks whether to restore the work autosaved by a window
// that did not close properly, if there is any.
func (w *MainWindow) offerRestore() {
	when, ok := w.session.Recoverable()
	if !ok {
		return
	}
	msg := lang.L("Tempfit closed last time without saving your work. Restore unsaved work from {{.Time}}?",
		map[string]any{"Time": when.Format("2006-01-02 15:04")})
	d := dialog.NewConfirm(lang.L("Restore unsaved work?"), msg, func(ok bool) {
		w.offer = nil
		if !ok {
			w.removeAutosave()
			return
		}
		w.table.commit(0, 0)
		if err := w.session.RestoreAutosave(); err != nil {
			w.ShowError(err)
		}
	}, w.win)
	d.SetConfirmText(lang.L("Restore"))
	d.SetDismissText(lang.L("Discard"))
	w.offer = d
	d.Show()
}

// removeAutosave deletes the autosave file, logging a failure.
func (w *MainWindow) removeAutosave() {
	if err := w.session.RemoveAutosave(); err != nil {
		fyne.LogError("Removing the autosave", err)
	}
}
