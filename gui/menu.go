package gui

import (
	_ "embed"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"tempfit/sampledata"
)

//go:embed icon.png
var iconPNG []byte

// Icon is Tempfit's icon, a copy of the Icon.png that FyneApp.toml names.
var Icon = fyne.NewStaticResource("Icon.png", iconPNG)

// Keyboard shortcuts. Ctrl stands for Cmd on macOS.
var (
	shortcutNew         = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutOpen        = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSave        = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSaveAs      = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	shortcutExport      = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutExportChart = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	shortcutQuit        = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutUndo        = &fyne.ShortcutUndo{}
	shortcutRedo        = &fyne.ShortcutRedo{}
	shortcutRedoShift   = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	shortcutCopy        = &fyne.ShortcutCopy{}
	shortcutPaste       = &fyne.ShortcutPaste{}
	shortcutStart       = &desktop.CustomShortcut{KeyName: fyne.KeySpace, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutStep        = &desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutReset       = &desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: fyne.KeyModifierShortcutDefault}
)

// menuActions are what the menus and shortcuts do.
type menuActions struct {
	newDocument, open, save, saveAs, exportPredictions, exportChart, quit func()
	sample                                                                func(sampledata.Sample)
	openRecent                                                            func(path string)
	recentFiles                                                           func() []string
	undo, redo, copyRows, pasteRows, copyEquation, copyStats              func()
	copyRawCoefficients                                                   func()
	canUndo, canRedo                                                      func() bool
	startPause, step, reset, solve, about                                 func()

	// toField passes a shortcut that text fields also use to the field
	// with the keyboard, if any, and reports whether it did.
	toField func(fyne.Shortcut) bool
	// focusedField returns the text field with the keyboard, or nil.
	focusedField func() textField
	// closed reports whether the window is closed.
	closed func() bool
}

// mainMenu is the window's menu bar and keyboard shortcuts.
type mainMenu struct {
	win    fyne.Window
	do     menuActions
	main   *fyne.MainMenu
	recent *fyne.MenuItem
	undo   *fyne.MenuItem
	redo   *fyne.MenuItem

	// actions runs the action of a shortcut by its name.
	actions map[string]func()
}

// newMainMenu builds the menu bar of win, which does a, and registers its
// shortcuts on the window's canvas.
func newMainMenu(win fyne.Window, a menuActions) *mainMenu {
	m := &mainMenu{win: win, do: a, actions: map[string]func(){}}
	add := func(label string, s fyne.Shortcut, action func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, action)
		if s != nil {
			it.Shortcut = s
			m.actions[s.ShortcutName()] = action
		}
		return it
	}
	item := func(label string, s fyne.Shortcut, action func()) *fyne.MenuItem {
		return add(label, s, func() { m.run(action) })
	}
	// Shortcuts shared with text fields go to a field that has the
	// keyboard, also in a dialog.
	text := func(label string, s fyne.Shortcut, action func()) *fyne.MenuItem {
		return add(label, s, func() {
			if !a.toField(s) {
				m.run(action)
			}
		})
	}
	sep := fyne.NewMenuItemSeparator

	m.recent = fyne.NewMenuItem(lang.L("Open Recent"), nil)
	m.recent.ChildMenu = fyne.NewMenu("")
	samples := fyne.NewMenuItem(lang.L("Samples"), nil)
	samples.ChildMenu = fyne.NewMenu("")
	for _, s := range sampledata.All() {
		samples.ChildMenu.Items = append(samples.ChildMenu.Items, fyne.NewMenuItem(sampleTitle(s), func() { m.run(func() { a.sample(s) }) }))
	}
	quit := item(lang.L("Quit"), shortcutQuit, a.quit)
	quit.IsQuit = true
	file := fyne.NewMenu(lang.L("File"),
		item(lang.L("New"), shortcutNew, a.newDocument),
		item(lang.L("Open…"), shortcutOpen, a.open),
		m.recent,
		samples,
		sep(),
		item(lang.L("Save project"), shortcutSave, a.save),
		item(lang.L("Save project as…"), shortcutSaveAs, a.saveAs),
		sep(),
		item(lang.L("Export predictions…"), shortcutExport, a.exportPredictions),
		item(lang.L("Export chart…"), shortcutExportChart, a.exportChart),
		sep(),
		quit,
	)
	m.undo = text(lang.L("Undo"), shortcutUndo, a.undo)
	m.redo = text(lang.L("Redo"), shortcutRedo, a.redo)
	m.actions[shortcutRedoShift.ShortcutName()] = func() {
		if !a.toField(shortcutRedo) {
			m.run(a.redo)
		}
	}
	edit := fyne.NewMenu(lang.L("Edit"),
		m.undo,
		m.redo,
		sep(),
		text(lang.L("Copy rows"), shortcutCopy, a.copyRows),
		text(lang.L("Paste rows"), shortcutPaste, a.pasteRows),
		sep(),
		item(lang.L("Copy equation and coefficients"), nil, a.copyEquation),
		item(lang.L("Copy raw coefficients of x"), nil, a.copyRawCoefficients),
		item(lang.L("Copy statistics"), nil, a.copyStats),
	)
	run := fyne.NewMenu(lang.L("Run"),
		item(lang.L("Start / Pause"), shortcutStart, a.startPause),
		add(lang.X("Step button", "Step"), shortcutStep, func() {
			// Ctrl+Right in a text field moves to the next word.
			if f := a.focusedField(); f != nil {
				f.TypedKey(&fyne.KeyEvent{Name: shortcutStep.KeyName})
				return
			}
			m.run(a.step)
		}),
		item(lang.L("Reset"), shortcutReset, a.reset),
		item(lang.L("Solve exactly"), nil, a.solve),
	)
	help := fyne.NewMenu(lang.L("Help"),
		item(lang.L("About Tempfit"), nil, a.about),
	)
	m.main = fyne.NewMainMenu(file, edit, run, help)
	m.fillRecent()
	m.updateEdit()

	c := win.Canvas()
	for _, s := range []fyne.Shortcut{shortcutNew, shortcutOpen, shortcutSave, shortcutSaveAs, shortcutExport,
		shortcutExportChart, shortcutQuit, shortcutUndo, shortcutRedo, shortcutRedoShift, shortcutCopy,
		shortcutPaste, shortcutStart, shortcutStep, shortcutReset} {
		c.AddShortcut(s, m.typed)
	}
	c.SetOnTypedKey(m.typedKey)
	return m
}

// run runs a menu or shortcut action, unless a dialog is open over the
// window.
func (m *mainMenu) run(action func()) {
	if m.do.closed() || m.win.Canvas().Overlays().Top() != nil {
		return
	}
	action()
}

// typed runs the action of a shortcut typed on the canvas.
func (m *mainMenu) typed(s fyne.Shortcut) {
	m.shortcut(s)
}

// shortcut runs the action of a shortcut and reports whether it has one.
func (m *mainMenu) shortcut(s fyne.Shortcut) bool {
	a, ok := m.actions[s.ShortcutName()]
	if ok {
		a()
	}
	return ok
}

// typedKey handles a key typed on the canvas with nothing focused.
func (m *mainMenu) typedKey(e *fyne.KeyEvent) {
	m.functionKey(e.Name)
}

// functionKey runs the function keys that run training, F5 to start or
// pause and F6 to take a step, and reports whether k was one of them.
func (m *mainMenu) functionKey(k fyne.KeyName) bool {
	switch k {
	case fyne.KeyF5:
		m.run(m.do.startPause)
	case fyne.KeyF6:
		m.run(m.do.step)
	default:
		return false
	}
	return true
}

// fillRecent lists the recent files in Open Recent.
func (m *mainMenu) fillRecent() {
	items := []*fyne.MenuItem{}
	for _, path := range m.do.recentFiles() {
		items = append(items, fyne.NewMenuItem(recentLabel(path), func() { m.run(func() { m.do.openRecent(path) }) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem(lang.L("No recent files"), nil)
		none.Disabled = true
		items = append(items, none)
	}
	m.recent.ChildMenu.Items = items
}

// refreshRecent shows the recent files as they are now.
func (m *mainMenu) refreshRecent() {
	m.fillRecent()
	m.refresh()
}

// updateEdit enables Undo and Redo when they can act.
func (m *mainMenu) updateEdit() {
	undo, redo := !m.do.canUndo(), !m.do.canRedo()
	if undo == m.undo.Disabled && redo == m.redo.Disabled {
		return
	}
	m.undo.Disabled, m.redo.Disabled = undo, redo
	m.refresh()
}

// refresh shows changes to the menus.
func (m *mainMenu) refresh() {
	if m.win.MainMenu() == m.main {
		m.win.SetMainMenu(m.main)
	}
}

// isPaste reports whether s is Paste.
func isPaste(s fyne.Shortcut) bool {
	_, ok := s.(*fyne.ShortcutPaste)
	return ok
}

// multiline reports whether text holds more than one value: a line break,
// a tab, a comma or a semicolon.
func multiline(text string) bool {
	for _, r := range text {
		switch r {
		case '\n', '\t', ',', ';':
			return true
		}
	}
	return false
}
