package gui

import (
	_ "embed"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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

// mainMenu is the window's menu bar and keyboard shortcuts.
type mainMenu struct {
	w      *MainWindow
	main   *fyne.MainMenu
	recent *fyne.MenuItem
	undo   *fyne.MenuItem
	redo   *fyne.MenuItem

	// actions runs the action of a shortcut by its name.
	actions map[string]func()
}

// newMainMenu builds the menu bar of w and registers its shortcuts on the
// window's canvas.
func newMainMenu(w *MainWindow) *mainMenu {
	m := &mainMenu{w: w, actions: map[string]func(){}}
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
			if !w.toField(s) {
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
		samples.ChildMenu.Items = append(samples.ChildMenu.Items, fyne.NewMenuItem(sampleTitle(s), func() { m.run(func() { w.onSample(s) }) }))
	}
	quit := item(lang.L("Quit"), shortcutQuit, w.onCloseRequest)
	quit.IsQuit = true
	file := fyne.NewMenu(lang.L("File"),
		item(lang.L("New"), shortcutNew, w.onNew),
		item(lang.L("Open…"), shortcutOpen, w.onOpen),
		m.recent,
		samples,
		sep(),
		item(lang.L("Save project"), shortcutSave, w.onSave),
		item(lang.L("Save project as…"), shortcutSaveAs, w.onSaveAs),
		sep(),
		item(lang.L("Export predictions…"), shortcutExport, w.onExportPredictions),
		item(lang.L("Export chart…"), shortcutExportChart, w.onExportChart),
		sep(),
		quit,
	)
	m.undo = text(lang.L("Undo"), shortcutUndo, w.onUndo)
	m.redo = text(lang.L("Redo"), shortcutRedo, w.onRedo)
	m.actions[shortcutRedoShift.ShortcutName()] = func() {
		if !w.toField(shortcutRedo) {
			m.run(w.onRedo)
		}
	}
	edit := fyne.NewMenu(lang.L("Edit"),
		m.undo,
		m.redo,
		sep(),
		text(lang.L("Copy rows"), shortcutCopy, w.onCopyRows),
		text(lang.L("Paste rows"), shortcutPaste, w.onPasteRows),
		sep(),
		item(lang.L("Copy equation and coefficients"), nil, w.onCopyEquation),
		item(lang.L("Copy statistics"), nil, w.onCopyStats),
	)
	run := fyne.NewMenu(lang.L("Run"),
		item(lang.L("Start / Pause"), shortcutStart, w.onStartPause),
		add(lang.X("Step button", "Step"), shortcutStep, func() {
			// Ctrl+Right in a text field moves to the next word.
			if f := w.focusedField(); f != nil {
				f.TypedKey(&fyne.KeyEvent{Name: shortcutStep.KeyName})
				return
			}
			m.run(w.onStep)
		}),
		item(lang.L("Reset"), shortcutReset, w.onReset),
		item(lang.L("Solve exactly"), nil, w.onSolve),
	)
	help := fyne.NewMenu(lang.L("Help"),
		item(lang.L("About Tempfit"), nil, w.onAbout),
	)
	m.main = fyne.NewMainMenu(file, edit, run, help)
	m.fillRecent()
	m.updateEdit()

	c := w.win.Canvas()
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
	if m.w.closed || m.w.win.Canvas().Overlays().Top() != nil {
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
		m.run(m.w.onStartPause)
	case fyne.KeyF6:
		m.run(m.w.onStep)
	default:
		return false
	}
	return true
}

// fillRecent lists the recent files in Open Recent.
func (m *mainMenu) fillRecent() {
	items := []*fyne.MenuItem{}
	for _, path := range m.w.prefs.recent() {
		items = append(items, fyne.NewMenuItem(recentLabel(path), func() { m.run(func() { m.w.onRecent(path) }) }))
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
	undo, redo := !m.w.sheet.CanUndo(), !m.w.sheet.CanRedo()
	if undo == m.undo.Disabled && redo == m.redo.Disabled {
		return
	}
	m.undo.Disabled, m.redo.Disabled = undo, redo
	m.refresh()
}

// refresh shows changes to the menus.
func (m *mainMenu) refresh() {
	if m.w.win.MainMenu() == m.main {
		m.w.win.SetMainMenu(m.main)
	}
}

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

// onAbout shows the app's name, version and what it does.
func (w *MainWindow) onAbout() {
	meta := w.app.Metadata()
	name := meta.Name
	if name == "" {
		name = AppName
	}
	icon := canvas.NewImageFromResource(Icon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(96, 96))
	title := widget.NewLabel(name)
	title.TextStyle.Bold = true
	title.SizeName = theme.SizeNameSubHeadingText
	version := widget.NewLabel(lang.L("Version {{.Version}}", map[string]any{"Version": meta.Version}))
	about := widget.NewLabel(lang.L("Fits curves to x-y data by gradient descent and least squares, and shows the training live."))
	about.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(nil, nil, icon, nil, container.NewVBox(title, version, about))
	d := dialog.NewCustom(lang.L("About Tempfit"), lang.L("Close"), content, w.win)
	d.Resize(fyne.NewSize(520, 220))
	d.Show()
}
