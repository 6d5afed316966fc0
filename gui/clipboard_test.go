package gui

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tempfit/core/data"
	"tempfit/core/sheet"
)

// pasted is rows as a spreadsheet copies them: tab-separated, no header.
const pasted = "13\t4.5\n14\t6.25\n15\t-1.125\n"

func TestPasteTabSeparatedRows(t *testing.T) {
	w := newWindow(t)
	book := sheetPoints(w)
	rows, err := data.ParseText(pasted, data.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := datasetPoints(rows.Data)

	// Ctrl+V on the table, with the cursor on row 3, asks where.
	moveTo(t, w, 2, colX)
	w.app.Clipboard().SetContent(pasted)
	typeShortcut(t, w, &fyne.ShortcutPaste{})
	contains(t, "question", dialogText(t, w), "3 rows", "row 3")
	tapButton(t, w, "Insert at row 3")
	noDialog(t, w)
	got := sheetPoints(w)
	if len(got) != len(book)+3 || !slices.Equal(got[2:5], want) || !slices.Equal(got[:2], book[:2]) || !slices.Equal(got[5:], book[2:]) {
		t.Fatalf("after inserting, the table is %v", got)
	}
	w.Sync()
	if n := w.session.Trainer().Snapshot().Problem.Data.Len(); n != len(book)+3 {
		t.Errorf("the trainer has %d points", n)
	}

	// The paste is one step: Undo takes all of it back, Redo puts it back.
	typeShortcut(t, w, &fyne.ShortcutUndo{})
	if !slices.Equal(sheetPoints(w), book) {
		t.Fatalf("Undo left %v", sheetPoints(w))
	}
	typeShortcut(t, w, &fyne.ShortcutRedo{})
	if !slices.Equal(sheetPoints(w), got) {
		t.Fatalf("Redo gave %v", sheetPoints(w))
	}

	// Replace all swaps every row, keeping the column names of a paste
	// without a header.
	xName, yName := w.session.Sheet().Names()
	typeShortcut(t, w, &fyne.ShortcutPaste{})
	tapButton(t, w, "Replace all")
	if !slices.Equal(sheetPoints(w), want) {
		t.Fatalf("after Replace all the table is %v", sheetPoints(w))
	}
	if x, y := w.session.Sheet().Names(); x != xName || y != yName {
		t.Errorf("a paste without a header renamed the columns to %s, %s", x, y)
	}
	typeShortcut(t, w, ctrl(fyne.KeyZ, true)) // Ctrl+Shift+Z does nothing: nothing undone
	if !slices.Equal(sheetPoints(w), want) {
		t.Error("Redo with nothing undone changed the table")
	}
	typeShortcut(t, w, &fyne.ShortcutUndo{})
	if !slices.Equal(sheetPoints(w), got) {
		t.Errorf("Undo of Replace all left %v", sheetPoints(w))
	}

	// Cancel changes nothing.
	typeShortcut(t, w, &fyne.ShortcutPaste{})
	tapButton(t, w, "Cancel")
	if !slices.Equal(sheetPoints(w), got) {
		t.Error("Cancel changed the table")
	}
}

func TestPasteWithHeaderIntoEmptyTable(t *testing.T) {
	w := newWindow(t)
	typeShortcut(t, w, ctrl(fyne.KeyN, false))
	text := "hour;load\n1;2,5\n2;3,25\n"
	w.app.Clipboard().SetContent(text)
	w.win.Canvas().Focus(w.table.table)
	typeShortcut(t, w, &fyne.ShortcutPaste{})
	noDialog(t, w) // nothing to ask about an empty table
	rows, err := data.ParseText(text, data.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(sheetPoints(w), datasetPoints(rows.Data)) {
		t.Errorf("pasted %v", sheetPoints(w))
	}
	if x, y := w.session.Sheet().Names(); x != "hour" || y != "load" {
		t.Errorf("columns %s, %s", x, y)
	}
}

func TestPasteBadRows(t *testing.T) {
	w := newWindow(t)
	book := sheetPoints(w)
	w.app.Clipboard().SetContent("1\t2\n2\tx\n3\t4\n")
	w.win.Canvas().Focus(w.table.table)
	typeShortcut(t, w, &fyne.ShortcutPaste{})
	contains(t, "message", dialogText(t, w), ":2:2", "2 rows can be read")
	tapButton(t, w, "Cancel")
	if !slices.Equal(sheetPoints(w), book) {
		t.Error("a refused paste changed the table")
	}
}

func TestCopyRows(t *testing.T) {
	w := newWindow(t)
	w.table.selectRow(1, 0)
	w.table.selectRow(3, fyne.KeyModifierShift)
	w.win.Canvas().Focus(w.table.table)
	typeShortcut(t, w, &fyne.ShortcutCopy{})
	var want strings.Builder
	for r := 1; r <= 3; r++ {
		want.WriteString(w.session.Sheet().Text(r, sheet.X) + "\t" + w.session.Sheet().Text(r, sheet.Y) + "\n")
	}
	if got := w.app.Clipboard().Content(); got != want.String() {
		t.Errorf("clipboard %q, want %q", got, want.String())
	}
	// What was copied pastes back as the same rows.
	rows, err := data.ParseText(w.app.Clipboard().Content(), data.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := datasetPoints(rows.Data); !slices.Equal(got, sheetPoints(w)[1:4]) {
		t.Errorf("copied rows read back as %v", got)
	}
}

func TestShortcutsInTextFieldsEditText(t *testing.T) {
	w := newWindow(t)
	book := sheetPoints(w)
	moveTo(t, w, 4, colY)
	pressKey(t, w, fyne.KeyReturn)
	w.table.editor.SetText("")
	w.app.Clipboard().SetContent("7.5")
	typeShortcut(t, w, &fyne.ShortcutPaste{})
	if w.table.editor.Text != "7.5" {
		t.Fatalf("Ctrl+V in a cell typed %q", w.table.editor.Text)
	}
	if !slices.Equal(sheetPoints(w), book) {
		t.Fatal("Ctrl+V in a cell pasted rows")
	}
	pressKey(t, w, fyne.KeyReturn)
	if v, _ := w.session.Sheet().Value(4, sheet.Y); v != 7.5 {
		t.Errorf("the cell holds %v", v)
	}
	// Ctrl+C in the learning-rate field copies its text, not rows.
	w.win.Canvas().Focus(w.settings.rate)
	typeShortcut(t, w, &fyne.ShortcutSelectAll{})
	typeShortcut(t, w, &fyne.ShortcutCopy{})
	if got := w.app.Clipboard().Content(); got != w.settings.rate.Text {
		t.Errorf("Ctrl+C in the rate field copied %q", got)
	}
	// Ctrl+V in a dialog's field pastes into it.
	typeShortcut(t, w, ctrl(fyne.KeyE, false))
	radio := inDialog[*widget.RadioGroup](t, w)[0]
	radio.SetSelected(radio.Options[1])
	to := inDialog[*widget.Entry](t, w)[1]
	to.SetText("")
	w.win.Canvas().Focus(to)
	w.app.Clipboard().SetContent("36")
	typeShortcut(t, w, &fyne.ShortcutPaste{})
	if to.Text != "36" {
		t.Errorf("Ctrl+V in the dialog's field gave %q", to.Text)
	}
	tapButton(t, w, "Cancel")
}

func TestUndoRedoEdit(t *testing.T) {
	w := newWindow(t)
	before, _ := w.session.Sheet().Value(2, sheet.Y)
	typeCell(t, w, 2, colY, "9.5", fyne.KeyReturn)
	undo := menuItem(t, w, "Edit", "Undo")
	if undo.Disabled {
		t.Error("Undo is disabled after an edit")
	}
	typeShortcut(t, w, &fyne.ShortcutUndo{})
	if v, _ := w.session.Sheet().Value(2, sheet.Y); v != before {
		t.Fatalf("after Undo y = %v, want %v", v, before)
	}
	if got := cellText(t, w, 2, colY); got != strconv.FormatFloat(before, 'g', -1, 64) {
		t.Errorf("the cell shows %q after Undo", got)
	}
	if strings.Contains(w.win.Title(), "*") {
		t.Error("undone back to the file, the title still says unsaved")
	}
	if !undo.Disabled || menuItem(t, w, "Edit", "Redo").Disabled {
		t.Error("the Edit menu does not follow the history")
	}
	w.Sync()
	if y := w.session.Trainer().Snapshot().Problem.Data.Y[2]; y != before {
		t.Errorf("the trainer has y = %v after Undo", y)
	}
	typeShortcut(t, w, ctrl(fyne.KeyZ, true))
	if v, _ := w.session.Sheet().Value(2, sheet.Y); v != 9.5 {
		t.Fatalf("after Ctrl+Shift+Z y = %v", v)
	}
	typeShortcut(t, w, &fyne.ShortcutUndo{})
	menuItem(t, w, "Edit", "Redo").Action()
	if v, _ := w.session.Sheet().Value(2, sheet.Y); v != 9.5 {
		t.Fatalf("after Edit > Redo y = %v", v)
	}
	// Row operations and sorting undo too.
	n := w.session.Sheet().Len()
	test.Tap(w.table.add)
	pressKey(t, w, fyne.KeyEscape)
	test.Tap(w.table.sort)
	w.table.selectRow(0, 0)
	test.Tap(w.table.remove)
	for range 3 {
		menuItem(t, w, "Edit", "Undo").Action()
	}
	if w.session.Sheet().Len() != n {
		t.Errorf("%d rows after undoing add, sort and delete, want %d", w.session.Sheet().Len(), n)
	}
}

func TestCopyEquationAndStatistics(t *testing.T) {
	w := newWindow(t)
	w.session.Trainer().Advance(250)
	s := w.session.Trainer().Snapshot()
	menuItem(t, w, "Edit", "Copy equation and coefficients").Action()
	got := w.app.Clipboard().Content()
	contains(t, "clipboard", got, s.Problem.Coefficients(s.Weights).Equation(-1), s.Problem.Coefficients(s.Weights).Text())

	menuItem(t, w, "Edit", "Copy statistics").Action()
	summary, table, _ := strings.Cut(w.app.Clipboard().Content(), "\n\n")
	stats := map[string]string{}
	for _, line := range strings.Split(summary, "\n") {
		k, v, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("line %q is not name<TAB>value", line)
		}
		stats[k] = v
	}
	num := func(name string) float64 {
		v, err := strconv.ParseFloat(stats[name], 64)
		if err != nil {
			t.Fatalf("%s: %q", name, stats[name])
		}
		return v
	}
	if num("Loss (SSE)") != s.Loss || num("R²") != s.Stats.R2 || num("RMSE") != s.Stats.RMSE || num("Optimum SSE") != s.Stats.OptimumSSE {
		t.Errorf("statistics %v differ from the snapshot %+v", stats, s.Stats)
	}
	if stats["Step"] != "250" || num("Points") != float64(s.Stats.N) {
		t.Errorf("step %q, points %q", stats["Step"], stats["Points"])
	}
	inf := s.Problem.Inference(s.Weights, 0.95)
	if num("Adjusted R²") != inf.AdjR2 || num("AIC") != inf.AIC || num("Residual standard deviation") != inf.Sigma {
		t.Errorf("adjusted R² %q, AIC %q, σ %q; want %v, %v, %v", stats["Adjusted R²"], stats["AIC"], stats["Residual standard deviation"], inf.AdjR2, inf.AIC, inf.Sigma)
	}
	// Then each coefficient with its standard error, t, p and interval.
	rows := strings.Split(strings.TrimSpace(table), "\n")
	if len(rows) != 6 || !strings.HasPrefix(rows[0], "Name\tTerm\tValue\tStd. error\tt\tp") {
		t.Fatalf("coefficients table:\n%s", table)
	}
	for i, e := range inf.Estimates {
		f := strings.Split(rows[i+1], "\t")
		if se, _ := strconv.ParseFloat(f[3], 64); f[0] != e.Name || se != e.StdErr {
			t.Errorf("row %q, want %s with standard error %v", rows[i+1], e.Name, e.StdErr)
		}
	}
}

func TestCopyRawCoefficientsWarnsWhenInexact(t *testing.T) {
	w := newWindow(t)
	// Years as x with scaled features: the raw powers of x cannot hold
	// the curve exactly.
	var b strings.Builder
	b.WriteString("year,anomaly\n")
	for i := 0; i <= 140; i++ {
		fmt.Fprintf(&b, "%d,%.3f\n", 1880+i, 0.01*float64(i)+0.2*math.Sin(float64(i)/7))
	}
	path := filepath.Join(t.TempDir(), "years.csv")
	os.WriteFile(path, []byte(b.String()), 0o644)
	if err := w.Open(path); err != nil {
		t.Fatal(err)
	}
	w.settings.degree.SetSelected("8")
	w.settings.scaling.SetSelected("Scaled x (−1 to 1)")
	w.Sync()
	test.Tap(w.settings.solve)
	w.Sync()
	contains(t, "equation", w.status.equation.Text, "t = (x − 1950)/70")
	menuItem(t, w, "Edit", "Copy raw coefficients of x").Action()
	contains(t, "clipboard", w.app.Clipboard().Content(), "# warning:")
}
