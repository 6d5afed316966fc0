package gui

import (
	"bytes"
	"os"
	"testing"

	"fyne.io/fyne/v2"

	"tempfit/core/optim"
	"tempfit/core/train"
)

func TestMenus(t *testing.T) {
	w := newWindow(t)
	want := map[string][]string{
		"File": {"New", "Open…", "Open Recent", "Samples", "", "Save project", "Save project as…", "",
			"Export predictions…", "Export chart…", "", "Quit"},
		"Edit": {"Undo", "Redo", "", "Copy rows", "Paste rows", "", "Copy equation and coefficients", "Copy raw coefficients of x", "Copy statistics"},
		"Run":  {"Start / Pause", "Step", "Reset", "Solve exactly"},
		"Help": {"About Tempfit"},
	}
	menus := w.win.MainMenu().Items
	if len(menus) != 4 {
		t.Fatalf("%d menus", len(menus))
	}
	for _, m := range menus {
		var got []string
		for _, it := range m.Items {
			got = append(got, it.Label)
		}
		if len(got) != len(want[m.Label]) {
			t.Errorf("menu %s: %q", m.Label, got)
			continue
		}
		for i := range got {
			if got[i] != want[m.Label][i] {
				t.Errorf("menu %s item %d is %q, want %q", m.Label, i, got[i], want[m.Label][i])
			}
		}
	}
	if !menuItem(t, w, "File", "Quit").IsQuit {
		t.Error("Quit is not the menu's quit item")
	}
	shortcuts := map[[2]string]fyne.Shortcut{
		{"File", "New"}:                 ctrl(fyne.KeyN, false),
		{"File", "Open…"}:               ctrl(fyne.KeyO, false),
		{"File", "Save project"}:        ctrl(fyne.KeyS, false),
		{"File", "Save project as…"}:    ctrl(fyne.KeyS, true),
		{"File", "Export predictions…"}: ctrl(fyne.KeyE, false),
		{"File", "Export chart…"}:       ctrl(fyne.KeyE, true),
		{"File", "Quit"}:                ctrl(fyne.KeyQ, false),
		{"Edit", "Undo"}:                &fyne.ShortcutUndo{},
		{"Edit", "Redo"}:                &fyne.ShortcutRedo{},
		{"Edit", "Copy rows"}:           &fyne.ShortcutCopy{},
		{"Edit", "Paste rows"}:          &fyne.ShortcutPaste{},
		{"Run", "Start / Pause"}:        ctrl(fyne.KeySpace, false),
		{"Run", "Step"}:                 ctrl(fyne.KeyRight, false),
		{"Run", "Reset"}:                ctrl(fyne.KeyR, false),
	}
	for where, s := range shortcuts {
		it := menuItem(t, w, where[0], where[1])
		if it.Shortcut == nil || it.Shortcut.ShortcutName() != s.ShortcutName() {
			t.Errorf("%s > %s shows shortcut %v", where[0], where[1], it.Shortcut)
		}
	}
}

func TestShortcutsRunActions(t *testing.T) {
	w := newWindow(t)
	setMax(t, w)
	setSteps(t, w, 1_000_000_000)
	tr := w.session.Trainer()
	c := canvasOf(t, w)
	w.win.Canvas().Unfocus()

	// On the canvas, as when no widget has the keyboard.
	c.TypedShortcut(ctrl(fyne.KeySpace, false))
	if s := tr.Snapshot().State; s != train.Running {
		t.Fatalf("Ctrl+Space: %v", s)
	}
	w.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF5})
	if s := tr.Snapshot().State; s != train.Paused {
		t.Fatalf("F5: %v", s)
	}
	step := tr.Snapshot().Step
	c.TypedShortcut(ctrl(fyne.KeyRight, false))
	if got := tr.Snapshot().Step; got != step+1 {
		t.Errorf("Ctrl+Right took %d steps", got-step)
	}
	// In a text field Ctrl+Right moves the cursor instead.
	e := w.settings.rate
	w.win.Canvas().Focus(e)
	e.CursorColumn = 0
	typeShortcut(t, w, ctrl(fyne.KeyRight, false))
	if tr.Snapshot().Step != step+1 || e.CursorColumn != 1 {
		t.Errorf("Ctrl+Right in the rate field: step %d, cursor at %d", tr.Snapshot().Step-step, e.CursorColumn)
	}
	// On the table, F6 steps too.
	w.win.Canvas().Focus(w.table.table)
	pressKey(t, w, fyne.KeyF6)
	if got := tr.Snapshot().Step; got != step+2 {
		t.Errorf("F6 took %d steps", got-step-1)
	}
	typeShortcut(t, w, ctrl(fyne.KeyR, false))
	if s := tr.Snapshot(); s.Step != 0 || s.State != train.Idle {
		t.Errorf("Ctrl+R: step %d, %v", s.Step, s.State)
	}
	// Shortcuts that open dialogs.
	for _, s := range []fyne.Shortcut{ctrl(fyne.KeyO, false), ctrl(fyne.KeyS, false), ctrl(fyne.KeyS, true),
		ctrl(fyne.KeyE, false), ctrl(fyne.KeyE, true)} {
		c.TypedShortcut(s)
		if w.win.Canvas().Overlays().Top() == nil {
			t.Errorf("%s opened no dialog", s.ShortcutName())
			continue
		}
		// While a dialog is open, other shortcuts do nothing.
		c.TypedShortcut(ctrl(fyne.KeySpace, false))
		if tr.Snapshot().State == train.Running {
			t.Errorf("Ctrl+Space started training behind the %s dialog", s.ShortcutName())
			tr.Pause()
		}
		tapButton(t, w, "Cancel")
		noDialog(t, w)
	}
	// Ctrl+Q quits, asking first: the speed and steps changed.
	c.TypedShortcut(ctrl(fyne.KeyQ, false))
	tapButton(t, w, "Discard")
	if !w.closed {
		t.Error("Ctrl+Q did not close the window")
	}
}

func TestAbout(t *testing.T) {
	w := newWindow(t)
	menuItem(t, w, "Help", "About Tempfit").Action()
	contains(t, "about", dialogText(t, w), AppName, "Version "+testVersion, "Fits curves to x-y data")
	tapButton(t, w, "Close")
	noDialog(t, w)
}

func TestIconIsTheAppIcon(t *testing.T) {
	want, err := os.ReadFile("../Icon.png")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(Icon.Content(), want) {
		t.Error("gui/icon.png differs from the Icon.png that FyneApp.toml names: copy it again")
	}
}

func TestPreferencesOutliveTheWindow(t *testing.T) {
	a := newTestApp(t)
	w1 := newWindowOn(t, a)
	w1.settings.kind.SetSelected("Seasonal")
	w1.settings.harmonics.SetSelected("3")
	w1.settings.trend.SetSelected("2")
	w1.settings.method.SetSelected("Momentum")
	w1.settings.rate.SetText("0.003")
	w1.settings.rate.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	setSteps(t, w1, 7000)
	setMax(t, w1)
	w1.win.Resize(fyne.NewSize(1000, 700))
	cfg := w1.session.Config()
	w1.Close()

	w2 := newWindowOn(t, a)
	got := w2.session.Config()
	if got.Model != cfg.Model || got.Method != optim.Momentum || got.LearningRate != 0.003 || got.Steps != 7000 || got.Pace != 0 {
		t.Errorf("the next window has %+v, want %+v", got, cfg)
	}
	if w2.settings.kind.Selected != "Seasonal" || w2.settings.harmonics.Selected != "3" || w2.settings.trend.Selected != "2" || w2.settings.method.Selected != "Momentum" || w2.settings.animated() {
		t.Error("the settings panel does not show the settings remembered")
	}
	if s := w2.session.Trainer().Snapshot().Config; s.Method != optim.Momentum || s.Model.Harmonics != 3 {
		t.Errorf("the trainer runs %v with %d harmonics", s.Method, s.Model.Harmonics)
	}
	if size := w2.win.Canvas().Size(); size != fyne.NewSize(1000, 700) {
		t.Errorf("the window opens at %v", size)
	}
	if w2.session.Unsaved() {
		t.Error("remembered settings count as unsaved changes")
	}
	// A window told the speed keeps to it.
	w3 := NewMainWindow(a, Options{Tick: -1, Animated: true})
	t.Cleanup(w3.Close)
	if w3.session.Config().Pace == 0 || !w3.settings.animated() {
		t.Error("Options.Animated did not win over the speed remembered")
	}
}
