package gui

import (
	"fyne.io/fyne/v2"
)

// menuActions returns what the window's menus and shortcuts do.
func (w *MainWindow) menuActions() menuActions {
	s := w.session
	return menuActions{
		newDocument:         w.onNew,
		open:                w.onOpen,
		save:                w.onSave,
		saveAs:              w.onSaveAs,
		exportPredictions:   w.onExportPredictions,
		exportChart:         w.onExportChart,
		quit:                w.onCloseRequest,
		sample:              w.onSample,
		openRecent:          w.onRecent,
		recentFiles:         w.prefs.recent,
		undo:                w.table.undo,
		redo:                w.table.redo,
		canUndo:             func() bool { return s.Sheet().CanUndo() },
		canRedo:             func() bool { return s.Sheet().CanRedo() },
		copyRows:            w.onCopyRows,
		pasteRows:           w.onPasteRows,
		copyEquation:        w.onCopyEquation,
		copyStats:           w.onCopyStats,
		copyRawCoefficients: w.onCopyRawCoefficients,
		startPause:          s.StartPause,
		step:                s.Step,
		reset:               s.Reset,
		solve:               s.Solve,
		about:               w.onAbout,
		toField:             w.toField,
		focusedField:        w.focusedField,
		closed:              func() bool { return w.closed },
	}
}

// tableKeys returns what the table does with the keys it leaves alone:
// the menus' shortcuts and function keys. The menus are made after the
// table, so these look them up when a key comes.
func (w *MainWindow) tableKeys() tableKeys {
	return tableKeys{
		shortcut:    func(s fyne.Shortcut) bool { return w.menu.shortcut(s) },
		functionKey: func(k fyne.KeyName) bool { return w.menu.functionKey(k) },
	}
}
