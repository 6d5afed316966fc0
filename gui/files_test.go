package gui

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"tempfit/core/data"
	"tempfit/sampledata"
)

// wideCSV is a file with three columns.
const wideCSV = "day,low,high\n1,-3.5,4.25\n2,-2,6.5\n3,0.5,9\n4,1.25,11.75\n5,3,13.5\n6,4.5,16\n"

func TestOpenThreeColumnsPicksColumns(t *testing.T) {
	w := newWindow(t)
	dir := t.TempDir()
	path := writeFile(t, dir, "wide.csv", wideCSV)
	writeFile(t, dir, "notes.md", "not data")
	w.prefs.setFolder(folderData, filepath.Join(dir, "any"))

	// Ctrl+O opens fyne's file dialog in the folder last used.
	typeShortcut(t, w, ctrl(fyne.KeyO, false))
	for _, o := range objectsUnder(topOverlay(t, w)) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "notes") {
			t.Error("the open dialog lists a file that is not data")
		}
	}
	answerOpen(t, w, path)

	// The picker shows the first rows and offers every column.
	contains(t, "picker", dialogText(t, w), "wide.csv", "3 columns", "1. day", "2. low", "3. high", "-3.5", "13.5")
	selects := inDialog[*widget.Select](t, w)
	if len(selects) != 3 || selects[0].Selected != "UTF-8" {
		t.Fatalf("the picker has %d selects", len(selects))
	}
	x, y := selects[1], selects[2]
	if x.SelectedIndex() != 0 || y.SelectedIndex() != 1 {
		t.Errorf("the picker starts at columns %d and %d", x.SelectedIndex()+1, y.SelectedIndex()+1)
	}
	// The same column twice is refused.
	y.SetSelected("1. day")
	contains(t, "picker", dialogText(t, w), "Choose two different columns.")
	y.SetSelected("3. high")
	tapButton(t, w, "Import")
	noDialog(t, w)
	w.Sync()

	want, err := data.ReadFile(path, data.ReadOptions{XColumn: "1", YColumn: "3"})
	if err != nil {
		t.Fatal(err)
	}
	if xn, yn := w.session.Sheet().Names(); xn != "day" || yn != "high" {
		t.Errorf("columns %q and %q", xn, yn)
	}
	if got := sheetPoints(w); !slices.Equal(got, datasetPoints(want.Data)) {
		t.Errorf("table %v, want %v", got, datasetPoints(want.Data))
	}
	if d := w.session.Trainer().Snapshot().Problem.Data; !slices.Equal(d.Y, want.Data.Y) {
		t.Errorf("the trainer has y %v", d.Y)
	}
	contains(t, "title", w.win.Title(), "wide.csv")
	if strings.Contains(w.win.Title(), "*") {
		t.Errorf("a file just opened is marked changed: %q", w.win.Title())
	}
	if r := w.prefs.recent(); len(r) == 0 || r[0] != path {
		t.Errorf("recent files %q", r)
	}
	if got := w.app.Preferences().String(prefFolder + folderData); got != dir {
		t.Errorf("the data folder remembered is %q", got)
	}

	// The columns are remembered for the file: opening it again offers
	// them.
	if err := w.Open(path); err != nil {
		t.Fatal(err)
	}
	selects = inDialog[*widget.Select](t, w)
	if selects[1].SelectedIndex() != 0 || selects[2].SelectedIndex() != 2 {
		t.Errorf("columns offered the second time: %d and %d", selects[1].SelectedIndex()+1, selects[2].SelectedIndex()+1)
	}
	tapButton(t, w, "Cancel")
	noDialog(t, w)
}

func TestOpenBadFileOffersGoodRows(t *testing.T) {
	w := newWindow(t)
	book := sheetPoints(w)
	dir := t.TempDir()
	path := writeFile(t, dir, "bad.csv", "x,y\n1,2\n2,4.5\n3,oops\n4,8\n5,9.5\n")

	if err := w.Open(path); err == nil {
		t.Fatal("no error for a bad row")
	}
	// The message says where: file, line and column.
	contains(t, "message", dialogText(t, w), "bad.csv:4:2", "4 rows can be read; 1 rows cannot")
	if !slices.Equal(sheetPoints(w), book) {
		t.Fatal("the table changed before the user chose")
	}
	tapButton(t, w, "Import the good rows")
	contains(t, "report", dialogText(t, w), "Imported 4 rows and skipped 1")
	tapButton(t, w, "OK")
	noDialog(t, w)

	good, err := data.ReadFile(path, data.ReadOptions{SkipBadRows: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := sheetPoints(w); !slices.Equal(got, datasetPoints(good.Data)) {
		t.Errorf("table %v, want the good rows %v", got, datasetPoints(good.Data))
	}

	// A file with nothing to save is refused with its line and column,
	// and Cancel keeps the table.
	before := sheetPoints(w)
	worse := writeFile(t, dir, "worse.csv", "x,y\n1,a\n2,b\n")
	if err := w.Open(worse); err == nil {
		t.Fatal("no error for a file without good rows")
	}
	contains(t, "message", dialogText(t, w), "worse.csv:2:2")
	tapButton(t, w, "OK")
	if err := w.Open(path); err == nil {
		t.Fatal("no error the second time")
	}
	tapButton(t, w, "Cancel")
	if !slices.Equal(sheetPoints(w), before) {
		t.Error("a refused file changed the table")
	}
}

func TestOpenIsOneUndoableStep(t *testing.T) {
	w := newWindow(t)
	book := sheetPoints(w)
	bx, by := w.session.Sheet().Names()
	path := writeFile(t, t.TempDir(), "days.csv", "day,temp\n1,3\n2,5\n3,4\n4,8\n")
	if err := w.Open(path); err != nil {
		t.Fatal(err)
	}
	opened := sheetPoints(w)
	typeShortcut(t, w, &fyne.ShortcutUndo{})
	if got := sheetPoints(w); !slices.Equal(got, book) {
		t.Fatalf("after Undo the table has %v, want the book's rows", got)
	}
	if x, y := w.session.Sheet().Names(); x != bx || y != by {
		t.Errorf("after Undo the columns are %s, %s", x, y)
	}
	contains(t, "title", w.win.Title(), "*")
	typeShortcut(t, w, &fyne.ShortcutRedo{})
	if got := sheetPoints(w); !slices.Equal(got, opened) {
		t.Fatalf("after Redo the table has %v", got)
	}
	w.Sync()
	if d := w.session.Trainer().Snapshot().Problem.Data; d.Len() != len(opened) || d.XName != "day" {
		t.Errorf("the trainer has %d points of %s", d.Len(), d.XName)
	}
}

func TestSamplesMenu(t *testing.T) {
	w := newWindow(t)
	samples := menuItem(t, w, "File", "Samples").ChildMenu.Items
	all := sampledata.All()
	if len(samples) != len(all) {
		t.Fatalf("%d samples in the menu, %d embedded", len(samples), len(all))
	}
	last := all[len(all)-1]
	for i, s := range all {
		if samples[i].Label != s.Title {
			t.Errorf("sample %d is %q, want %q", i, samples[i].Label, s.Title)
		}
	}
	samples[len(samples)-1].Action()
	res, err := data.ReadCSV(last.Open(), data.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := sheetPoints(w); !slices.Equal(got, datasetPoints(res.Data)) {
		t.Errorf("the sample %s was not loaded", last.Name)
	}
	contains(t, "title", w.win.Title(), last.File)
}

func TestRecentFiles(t *testing.T) {
	a := newTestApp(t)
	w := newWindowOn(t, a)
	dir := t.TempDir()
	var paths []string
	for i := range maxRecent + 2 {
		p := writeFile(t, dir, "f"+strconv.Itoa(i)+".csv", "x,y\n1,2\n2,3\n3,5\n")
		paths = append(paths, p)
		if err := w.Open(p); err != nil {
			t.Fatal(err)
		}
	}
	items := menuItem(t, w, "File", "Open Recent").ChildMenu.Items
	if len(items) != maxRecent {
		t.Fatalf("%d recent files, want %d", len(items), maxRecent)
	}
	if items[0].Label != recentLabel(paths[len(paths)-1]) || items[1].Label != recentLabel(paths[len(paths)-2]) {
		t.Errorf("recent files not most recent first: %q, %q", items[0].Label, items[1].Label)
	}
	// Opening one again moves it to the top.
	items[3].Action()
	if got := w.prefs.recent()[0]; got != paths[len(paths)-4] {
		t.Errorf("reopened %s, first in the list is %s", paths[len(paths)-4], got)
	}

	// A second window on the same app lists them too; a missing one is
	// removed when chosen, with a word.
	w2 := newWindowOn(t, a)
	gone := w2.prefs.recent()[1]
	if err := os.Remove(gone); err != nil {
		t.Fatal(err)
	}
	items = menuItem(t, w2, "File", "Open Recent").ChildMenu.Items
	if len(items) != maxRecent || items[1].Label != recentLabel(gone) {
		t.Fatalf("the second window lists %d recent files, the second %q", len(items), items[1].Label)
	}
	items[1].Action()
	contains(t, "message", dialogText(t, w2), gone, "no longer exists")
	tapButton(t, w2, "OK")
	if slices.Contains(w2.prefs.recent(), gone) {
		t.Error("a missing file stays in the recent files")
	}
	for _, it := range menuItem(t, w2, "File", "Open Recent").ChildMenu.Items {
		if it.Label == recentLabel(gone) {
			t.Error("the menu still lists the missing file")
		}
	}
}

func TestDropFile(t *testing.T) {
	w := newWindow(t)
	path := writeFile(t, t.TempDir(), "dropped.csv", "a,b\n1,10\n2,20\n3,35\n")
	w.onDropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(filepath.Dir(path)), storage.NewFileURI(path)})
	if x, _ := w.session.Sheet().Names(); x != "a" || w.session.Sheet().Len() != 3 {
		t.Errorf("after the drop the table has %d rows of %s", w.session.Sheet().Len(), x)
	}
	contains(t, "title", w.win.Title(), "dropped.csv")
}

func TestNewEmptiesTheTable(t *testing.T) {
	w := newWindow(t)
	typeShortcut(t, w, ctrl(fyne.KeyN, false))
	noDialog(t, w)
	w.Sync()
	if w.session.Sheet().Len() != 0 || w.session.Trainer() != nil {
		t.Errorf("New left %d rows and trainer %v", w.session.Sheet().Len(), w.session.Trainer())
	}
	contains(t, "title", w.win.Title(), "untitled")
	if !w.settings.startPause.Disabled() {
		t.Error("Start is enabled without data")
	}
}
