package gui

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tempfit/core/data"
	"tempfit/core/sheet"
)

// objectsUnder returns o and every object under it, reaching into widgets
// through their renderers.
func objectsUnder(o fyne.CanvasObject) []fyne.CanvasObject {
	all := []fyne.CanvasObject{o}
	switch c := o.(type) {
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(c).Objects() {
			all = append(all, objectsUnder(child)...)
		}
	case *fyne.Container:
		for _, child := range c.Objects {
			all = append(all, objectsUnder(child)...)
		}
	}
	return all
}

// topOverlay returns the dialog on top of the window, failing the test
// when there is none.
func topOverlay(t testing.TB, w *MainWindow) fyne.CanvasObject {
	t.Helper()
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	return top
}

// noDialog fails the test when a dialog is open, saying what it says.
func noDialog(t testing.TB, w *MainWindow) {
	t.Helper()
	if w.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("a dialog is open: %q", dialogText(t, w))
	}
}

// inDialog returns the objects of type T in the dialog on top.
func inDialog[T fyne.CanvasObject](t testing.TB, w *MainWindow) []T {
	t.Helper()
	var found []T
	for _, o := range objectsUnder(topOverlay(t, w)) {
		if v, ok := o.(T); ok && o.Visible() {
			found = append(found, v)
		}
	}
	return found
}

// tapButton taps the button labelled label in the dialog on top.
func tapButton(t testing.TB, w *MainWindow, label string) {
	t.Helper()
	var labels []string
	for _, b := range inDialog[*widget.Button](t, w) {
		if b.Text == label {
			if b.Disabled() {
				t.Fatalf("button %q is disabled", label)
			}
			test.Tap(b)
			return
		}
		labels = append(labels, b.Text)
	}
	t.Fatalf("no button %q in the dialog; it has %q", label, labels)
}

// dialogText returns the texts shown in the dialog on top, one a line.
func dialogText(t testing.TB, w *MainWindow) string {
	t.Helper()
	var b strings.Builder
	for _, o := range objectsUnder(topOverlay(t, w)) {
		if !o.Visible() {
			continue
		}
		switch v := o.(type) {
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *canvas.Text:
			b.WriteString(v.Text + "\n")
		}
	}
	return b.String()
}

// answerOpen chooses the file at path in fyne's open dialog on top, which
// must show path's folder, and taps Open.
func answerOpen(t testing.TB, w *MainWindow, path string) {
	t.Helper()
	base := filepath.Base(path)
	var names []string
	for _, o := range objectsUnder(topOverlay(t, w)) {
		v := reflect.ValueOf(o)
		if v.Type().String() != "*dialog.fileDialogItem" {
			continue
		}
		name := v.Elem().FieldByName("name").String()
		if name == base || name == strings.TrimSuffix(base, filepath.Ext(base)) {
			test.Tap(o.(fyne.Tappable))
			tapButton(t, w, "Open")
			return
		}
		names = append(names, name)
	}
	t.Fatalf("the open dialog does not list %s; it shows %q", base, names)
}

// answerSave types name into fyne's save dialog on top and taps Save.
func answerSave(t testing.TB, w *MainWindow, name string) {
	t.Helper()
	entries := inDialog[*widget.Entry](t, w)
	if len(entries) != 1 {
		t.Fatalf("the save dialog has %d entries", len(entries))
	}
	entries[0].SetText(name)
	tapButton(t, w, "Save")
}

// typeShortcut types a keyboard shortcut as the desktop driver delivers
// it: to the main menu item that has it, else to the focused object if it
// takes shortcuts, else to the canvas.
func typeShortcut(t testing.TB, w *MainWindow, s fyne.Shortcut) {
	t.Helper()
	if m := w.win.MainMenu(); m != nil {
		for _, menu := range m.Items {
			if menuShortcut(menu, s) {
				return
			}
		}
	}
	if f, ok := w.win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	canvasOf(t, w).TypedShortcut(s)
}

// menuShortcut runs the action of the item of menu with shortcut s, and
// reports whether there was one.
func menuShortcut(menu *fyne.Menu, s fyne.Shortcut) bool {
	for _, it := range menu.Items {
		if it.Shortcut != nil && it.Shortcut.ShortcutName() == s.ShortcutName() && it.Action != nil {
			it.Action()
			return true
		}
		if it.ChildMenu != nil && menuShortcut(it.ChildMenu, s) {
			return true
		}
	}
	return false
}

// canvasOf returns the window's canvas as the shortcut handler it is.
func canvasOf(t testing.TB, w *MainWindow) fyne.Shortcutable {
	t.Helper()
	c := reflect.ValueOf(w.win.Canvas()).Elem().FieldByName("WindowlessCanvas").Interface()
	sc, ok := c.(fyne.Shortcutable)
	if !ok {
		t.Fatalf("the canvas %T takes no shortcuts", c)
	}
	return sc
}

// menuItem returns the item labelled label in the menu labelled menu.
func menuItem(t testing.TB, w *MainWindow, menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range w.win.MainMenu().Items {
		if m.Label != menu {
			continue
		}
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no item %q in menu %q", label, menu)
	return nil
}

// ctrl returns the shortcut Ctrl (Cmd on macOS) and key, with Shift when
// shift is set.
func ctrl(key fyne.KeyName, shift bool) fyne.Shortcut {
	m := fyne.KeyModifierShortcutDefault
	if shift {
		m |= fyne.KeyModifierShift
	}
	return &desktop.CustomShortcut{KeyName: key, Modifier: m}
}

// writeFile writes text to name in dir and returns its path.
func writeFile(t testing.TB, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// sheetPoints returns the table's rows.
func sheetPoints(w *MainWindow) []sheet.Point {
	ps := make([]sheet.Point, w.session.Sheet().Len())
	for i := range ps {
		ps[i] = w.session.Sheet().Point(i)
	}
	return ps
}

// datasetPoints returns the points of d.
func datasetPoints(d *data.Dataset) []sheet.Point {
	ps := make([]sheet.Point, d.Len())
	for i := range ps {
		ps[i] = sheet.Point{X: d.X[i], Y: d.Y[i]}
	}
	return ps
}
