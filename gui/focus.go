package gui

import "fyne.io/fyne/v2"

// textField is what the text fields, widget.Entry and those built on it,
// do.
type textField interface {
	fyne.Focusable
	fyne.Shortcutable
	SelectedText() string
}

// focusedField returns the text field with the keyboard, maybe in a
// dialog, or nil.
func (w *MainWindow) focusedField() textField {
	f, _ := w.win.Canvas().Focused().(textField)
	return f
}

// toField passes a shortcut that text fields also use to the field that
// has the keyboard, if any, and reports whether it did.
func (w *MainWindow) toField(s fyne.Shortcut) bool {
	f := w.focusedField()
	if f == nil {
		return false
	}
	if f == textField(w.table.editor) && isPaste(s) && multiline(w.app.Clipboard().Content()) {
		return false // rows pasted while a cell is edited
	}
	switch s.(type) {
	case *fyne.ShortcutCopy:
		s = &fyne.ShortcutCopy{Clipboard: w.app.Clipboard()}
	case *fyne.ShortcutPaste:
		s = &fyne.ShortcutPaste{Clipboard: w.app.Clipboard()}
	}
	f.TypedShortcut(s)
	return true
}
