package gui

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tempfit/core/data"
	"tempfit/core/sheet"
	"tempfit/core/train"
	"tempfit/sampledata"
)

func TestMain(m *testing.M) {
	// The tests read English texts; the Korean test switches on its own.
	os.Setenv("LANGUAGE", "en")
	os.Setenv("LANG", "en_US.UTF-8")
	os.Exit(m.Run())
}

// testApp is a headless test app with a storage folder of its own, so
// that the autosaves of different tests never meet, and with metadata as
// a packaged app has.
type testApp struct {
	fyne.App
	store testStorage
}

// testStorage is the test app's storage with another root folder.
type testStorage struct {
	fyne.Storage
	root fyne.URI
}

// RootURI returns the storage's folder.
func (s testStorage) RootURI() fyne.URI { return s.root }

// Storage returns the app's storage.
func (a *testApp) Storage() fyne.Storage { return a.store }

// testVersion is the version the test app's metadata gives.
const testVersion = "9.8.7"

// Metadata returns the metadata a packaged app has.
func (a *testApp) Metadata() fyne.AppMetadata {
	return fyne.AppMetadata{ID: "io.github.tempfit.test", Name: AppName, Version: testVersion, Build: 1}
}

// newTestApp returns a headless test app with its own storage folder.
func newTestApp(t testing.TB) *testApp {
	t.Helper()
	a := test.NewTempApp(t)
	return &testApp{App: a, store: testStorage{Storage: a.Storage(), root: storage.NewFileURI(t.TempDir())}}
}

// bookData reads the book's sample.
func bookData() (*data.Dataset, error) {
	s := sampledata.Default()
	res, err := data.ReadCSV(s.Open(), data.ReadOptions{File: s.File})
	if err != nil {
		return nil, err
	}
	return res.Data, nil
}

// newWindow returns a main window on a headless test app with the bridge's
// goroutines off, its first frame shown.
func newWindow(t testing.TB) *MainWindow {
	t.Helper()
	return newWindowOn(t, newTestApp(t))
}

// newWindowOn returns a main window on a, as newWindow does.
func newWindowOn(t testing.TB, a fyne.App) *MainWindow {
	t.Helper()
	w := NewMainWindow(a, Options{Tick: -1})
	t.Cleanup(w.Close)
	w.Sync()
	return w
}

// pressKey sends a key to the focused object as the desktop driver does:
// Tab moves the focus unless the object keeps it.
func pressKey(t testing.TB, w *MainWindow, name fyne.KeyName) {
	t.Helper()
	c := w.win.Canvas()
	f := c.Focused()
	if name == fyne.KeyTab {
		if tb, ok := f.(fyne.Tabbable); !ok || !tb.AcceptsTab() {
			c.FocusNext()
			return
		}
	}
	if f == nil {
		t.Fatalf("no object has the keyboard for %s", name)
	}
	f.TypedKey(&fyne.KeyEvent{Name: name})
}

// moveTo focuses the table and moves its cursor to (row, col) with the
// arrow keys.
func moveTo(t testing.TB, w *MainWindow, row, col int) {
	t.Helper()
	w.win.Canvas().Focus(w.table.table)
	pressKey(t, w, fyne.KeyHome)
	for range numCols {
		pressKey(t, w, fyne.KeyLeft)
	}
	for range col {
		pressKey(t, w, fyne.KeyRight)
	}
	for range row {
		pressKey(t, w, fyne.KeyDown)
	}
	if got := w.table.cursor; got != (widget.TableCellID{Row: row, Col: col}) {
		t.Fatalf("cursor at %v, want row %d col %d", got, row, col)
	}
}

// typeCell edits cell (row, col) as a user does with the keyboard: moves
// there, presses Enter, types text and presses end.
func typeCell(t testing.TB, w *MainWindow, row, col int, text string, end fyne.KeyName) {
	t.Helper()
	moveTo(t, w, row, col)
	pressKey(t, w, fyne.KeyReturn)
	if w.table.editing == nil || *w.table.editing != (widget.TableCellID{Row: row, Col: col}) {
		t.Fatalf("Enter did not open the editor on row %d col %d", row, col)
	}
	if w.win.Canvas().Focused() != w.table.editor {
		t.Fatal("the editor does not have the keyboard")
	}
	test.Type(w.table.editor, text)
	pressKey(t, w, end)
}

// cellText returns the text shown in cell (row, col), which must be on
// screen.
func cellText(t testing.TB, w *MainWindow, row, col int) string {
	t.Helper()
	c := visibleCell(t, w, widget.TableCellID{Row: row, Col: col})
	if !c.label.Visible() {
		t.Fatalf("cell row %d col %d shows the editor", row, col)
	}
	return c.label.Text
}

// visibleCell returns the cell view showing id: one the table shows now,
// not one it has put aside for reuse.
func visibleCell(t testing.TB, w *MainWindow, id widget.TableCellID) *cellView {
	t.Helper()
	for _, o := range objectsUnder(w.table.table) {
		if c, ok := o.(*cellView); ok && c.id == id && c.Visible() {
			return c
		}
	}
	t.Fatalf("cell %v is not on screen", id)
	return nil
}

// setSteps types a step budget into the steps field and presses Enter.
func setSteps(t testing.TB, w *MainWindow, n int) {
	t.Helper()
	e := w.settings.steps
	e.SetText("")
	test.Type(e, strconv.Itoa(n))
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if w.session.Config().Steps != n {
		t.Fatalf("steps = %d after typing %d", w.session.Config().Steps, n)
	}
}

// setMax selects the maximum speed.
func setMax(t testing.TB, w *MainWindow) {
	t.Helper()
	w.settings.speed.SetSelected("Max")
	if w.session.Config().Pace != 0 {
		t.Fatalf("pace %v after choosing Max", w.session.Config().Pace)
	}
}

// runToEnd presses Start, waits for the trainer to finish and shows the
// result.
func runToEnd(t testing.TB, w *MainWindow) *train.Snapshot {
	t.Helper()
	w.Sync()
	tr := w.session.Trainer()
	if tr == nil {
		t.Fatal("no trainer")
	}
	test.Tap(w.settings.startPause)
	tr.Wait()
	w.Sync()
	return tr.Snapshot()
}

// contains fails the test unless s contains every one of subs.
func contains(t testing.TB, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			t.Errorf("%s %q does not contain %q", what, s, sub)
		}
	}
}

// waitFor waits up to ten seconds for cond, which reads only the trainer's
// snapshots, to hold.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

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
