package gui

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/storage/repository"
)

// fileDialogSize is the size the file dialogs open at.
var fileDialogSize = fyne.NewSize(820, 560)

// chooseOpen asks for a file to read with fyne's open dialog, showing the
// files with one of the extensions exts and starting in the folder last
// used for kind, and calls done with the path chosen.
func (w *MainWindow) chooseOpen(kind string, exts []string, done func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			w.ShowError(err)
			return
		}
		if r == nil {
			return
		}
		u := r.URI()
		r.Close()
		if u.Scheme() != "file" {
			w.ShowError(errors.New(lang.L("Only files on this computer can be opened.")))
			return
		}
		w.prefs.setFolder(kind, u.Path())
		done(u.Path())
	}, w.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	if dir := w.prefs.folder(kind); dir != nil {
		d.SetLocation(dir)
	}
	d.Show()
	d.Resize(fileDialogSize) // fyne's FileDialog.Resize panics before Show
}

// chooseSave asks for a file to write with fyne's save dialog, offering
// name in the folder last used for kind, and calls done with the path
// chosen, given the extension ext if it has none of exts. Nothing is
// written to the file: done writes it whole with data.WriteFileAtomic.
func (w *MainWindow) chooseSave(kind, name string, exts []string, done func(path string)) {
	installSaveRepository()
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			w.ShowError(err)
			return
		}
		if wc == nil {
			return
		}
		u := wc.URI()
		abandon(wc)
		if u.Scheme() != "file" {
			w.ShowError(errors.New(lang.L("Only files on this computer can be written.")))
			return
		}
		path := u.Path()
		if !slices.Contains(exts, strings.ToLower(filepath.Ext(path))) {
			path += exts[0]
			if _, err := os.Stat(path); err == nil {
				w.confirmReplace(path, func() { w.prefs.setFolder(kind, path); done(path) })
				return
			}
		}
		w.prefs.setFolder(kind, path)
		done(path)
	}, w.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	if dir := w.prefs.folder(kind); dir != nil {
		d.SetLocation(dir)
	}
	d.Show()
	d.Resize(fileDialogSize) // fyne's FileDialog.Resize panics before Show
}

// confirmReplace asks before replacing the file at path, which the save
// dialog did not ask about because the extension was added after.
func (w *MainWindow) confirmReplace(path string, replace func()) {
	c := dialog.NewConfirm(lang.L("Replace the file?"),
		lang.L("{{.File}} already exists. Replace it?", map[string]any{"File": filepath.Base(path)}),
		func(ok bool) {
			if ok {
				replace()
			}
		}, w.win)
	c.SetConfirmText(lang.L("Replace"))
	c.SetDismissText(lang.L("Cancel"))
	c.Show()
}

// abandon closes a writer from the save dialog without writing to it. A
// writer of the save repository leaves the file as it is; any other has
// already emptied it.
func abandon(wc fyne.URIWriteCloser) {
	if l, ok := wc.(*lazyWriter); ok {
		l.abandon()
		return
	}
	wc.Close()
}

// fileRepository is what fyne's repository for file:// URIs does.
type fileRepository interface {
	repository.Repository
	repository.WritableRepository
	repository.AppendableRepository
	repository.HierarchicalRepository
	repository.ListableRepository
	repository.CopyableRepository
	repository.MovableRepository
	repository.DeleteAllRepository
}

// saveRepository is fyne's file repository with one change: its writers
// open the file only when first written to. fyne's save dialog opens a
// writer on the file chosen, which empties it at once; the window then
// writes a temporary file and renames it into place, so that a failed
// write leaves the old file as it was.
type saveRepository struct {
	fileRepository
}

// installSaveRepository puts a saveRepository in place of the driver's
// file repository, once per driver.
func installSaveRepository() {
	r, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if _, done := r.(*saveRepository); done {
		return
	}
	if fr, ok := r.(fileRepository); ok {
		repository.Register("file", &saveRepository{fr})
	}
}

// Writer returns a writer that opens u when first written to or closed.
func (r *saveRepository) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	return &lazyWriter{uri: u, open: r.fileRepository.Writer}, nil
}

// lazyWriter is a writer that opens its file on first use.
type lazyWriter struct {
	uri       fyne.URI
	open      func(fyne.URI) (fyne.URIWriteCloser, error)
	w         fyne.URIWriteCloser
	err       error
	abandoned bool
}

// start opens the file, once.
func (l *lazyWriter) start() error {
	if l.w == nil && l.err == nil {
		l.w, l.err = l.open(l.uri)
	}
	return l.err
}

// Write writes to the file, opening it first.
func (l *lazyWriter) Write(p []byte) (int, error) {
	if err := l.start(); err != nil {
		return 0, err
	}
	return l.w.Write(p)
}

// Close closes the file, creating it if it was never written to, unless
// the writer was abandoned.
func (l *lazyWriter) Close() error {
	if l.abandoned {
		return nil
	}
	if err := l.start(); err != nil {
		return err
	}
	return l.w.Close()
}

// URI returns the file's URI.
func (l *lazyWriter) URI() fyne.URI { return l.uri }

// abandon closes the writer without touching the file, if it was never
// written to.
func (l *lazyWriter) abandon() {
	if l.w != nil {
		l.w.Close()
		return
	}
	l.abandoned = true
}
