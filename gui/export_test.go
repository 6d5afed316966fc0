package gui

import (
	"bufio"
	"bytes"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"tempfit/core/data"
)

// readColumn reads the x column and the column named y of a CSV file.
func readColumn(t *testing.T, path, y string) *data.Dataset {
	t.Helper()
	res, err := data.ReadFile(path, data.ReadOptions{XColumn: "1", YColumn: y})
	if err != nil {
		t.Fatal(err)
	}
	return res.Data
}

// firstLine returns the first line of a file.
func firstLine(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Scan()
	return sc.Text()
}

// sameBits reports whether two slices hold the same float64 values bit
// for bit.
func sameBits(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return false
		}
	}
	return true
}

func TestExportPredictions(t *testing.T) {
	w := newWindow(t)
	w.session.Trainer().Advance(300)
	s := w.session.Trainer().Snapshot()
	pr := s.Problem
	dir := t.TempDir()
	w.prefs.setFolder(folderExport, filepath.Join(dir, "any"))

	// Ctrl+E, Export…, then a name without an extension in fyne's save
	// dialog.
	typeShortcut(t, w, ctrl(fyne.KeyE, false))
	tapButton(t, w, "Export…")
	answerSave(t, w, "months")
	noDialog(t, w)
	path := filepath.Join(dir, "months.csv")
	xName, yName := w.session.Sheet().Names()
	if got := firstLine(t, path); got != xName+","+yName+",predicted,residual" {
		t.Errorf("header %q", got)
	}
	observed := readColumn(t, path, "2")
	predicted := readColumn(t, path, "predicted")
	residual := readColumn(t, path, "residual")
	want := pr.Predict(s.Weights, pr.Data.X)
	if !sameBits(observed.X, pr.Data.X) || !sameBits(observed.Y, pr.Data.Y) {
		t.Errorf("x, observed %v %v; want %v %v", observed.X, observed.Y, pr.Data.X, pr.Data.Y)
	}
	if !sameBits(predicted.Y, want) {
		t.Errorf("predicted %v, want %v", predicted.Y, want)
	}
	for i := range want {
		if r := pr.Data.Y[i] - want[i]; math.Float64bits(residual.Y[i]) != math.Float64bits(r) {
			t.Errorf("row %d residual %v, want %v", i+1, residual.Y[i], r)
		}
	}

	// Exporting under the same name asks before replacing the file.
	typeShortcut(t, w, ctrl(fyne.KeyE, false))
	tapButton(t, w, "Export…")
	w.session.Trainer().Advance(10)
	answerSave(t, w, "months")
	contains(t, "question", dialogText(t, w), "months.csv already exists")
	tapButton(t, w, "Replace")
	noDialog(t, w)
	s = w.session.Trainer().Snapshot()
	if again := readColumn(t, path, "predicted"); !sameBits(again.Y, pr.Predict(s.Weights, pr.Data.X)) {
		t.Error("the file was not replaced with the new predictions")
	}

	// A grid: months 1 to 24.
	typeShortcut(t, w, ctrl(fyne.KeyE, false))
	radio := inDialog[*widget.RadioGroup](t, w)[0]
	radio.SetSelected(radio.Options[1])
	entries := inDialog[*widget.Entry](t, w)
	if len(entries) != 3 || entries[0].Disabled() {
		t.Fatalf("%d grid fields, disabled=%v", len(entries), entries[0].Disabled())
	}
	entries[0].SetText("1")
	entries[1].SetText("24")
	entries[2].SetText("1")
	inDialog[*widget.Select](t, w)[0].SetSelected("No interval")
	tapButton(t, w, "Export…")
	answerSave(t, w, "next-year.csv")
	grid := readColumn(t, filepath.Join(dir, "next-year.csv"), "predicted")
	xs, err := data.Grid(1, 24, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !sameBits(grid.X, xs) || !sameBits(grid.Y, pr.Predict(s.Weights, xs)) {
		t.Errorf("grid %v → %v", grid.X, grid.Y)
	}
	if got := firstLine(t, filepath.Join(dir, "next-year.csv")); got != xName+",predicted" {
		t.Errorf("grid header %q", got)
	}

	// A bad grid is refused with a word.
	typeShortcut(t, w, ctrl(fyne.KeyE, false))
	radio = inDialog[*widget.RadioGroup](t, w)[0]
	radio.SetSelected(radio.Options[1])
	inDialog[*widget.Entry](t, w)[2].SetText("-1")
	tapButton(t, w, "Export…")
	contains(t, "message", dialogText(t, w), "step")
	tapButton(t, w, "OK")
}

func TestExportChart(t *testing.T) {
	w := newWindow(t)
	w.session.Trainer().Advance(200)
	w.Sync()
	dir := t.TempDir()
	w.prefs.setFolder(folderExport, filepath.Join(dir, "any"))
	magic := map[string][]byte{"PNG": []byte("\x89PNG\r\n\x1a\n"), "SVG": []byte("<?xml"), "PDF": []byte("%PDF-")}
	for i, format := range chartFormats {
		typeShortcut(t, w, ctrl(fyne.KeyE, true))
		selects := inDialog[*widget.Select](t, w)
		if len(selects) != 2 {
			t.Fatalf("%d selects in the chart dialog", len(selects))
		}
		selects[0].SetSelected(selects[0].Options[i]) // fit, residuals, loss
		selects[1].SetSelected(format)
		entries := inDialog[*widget.Entry](t, w)
		entries[0].SetText("640")
		entries[1].SetText("400")
		tapButton(t, w, "Export…")
		answerSave(t, w, "chart")
		noDialog(t, w)
		path := filepath.Join(dir, "chart."+strings.ToLower(format))
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, magic[format]) {
			t.Errorf("%s starts with %q", path, b[:min(len(b), 8)])
		}
		if format == "PNG" {
			cfg, err := png.DecodeConfig(bytes.NewReader(b))
			if err != nil || cfg.Width != 640 || cfg.Height != 400 {
				t.Errorf("PNG %dx%d, %v", cfg.Width, cfg.Height, err)
			}
		}
	}
	// The size is remembered.
	typeShortcut(t, w, ctrl(fyne.KeyE, true))
	if e := inDialog[*widget.Entry](t, w); e[0].Text != "640" || e[1].Text != "400" {
		t.Errorf("the next export offers %s×%s", e[0].Text, e[1].Text)
	}
	tapButton(t, w, "Cancel")
}

// The disk fills up while the new file is written over the old one. The
// file-size limit that stands in for a full disk holds for the whole
// process, so the test runs in a child process of its own.
func TestFullDiskLeavesOldFile(t *testing.T) {
	if !inChildProcess(t) {
		return
	}
	w := newWindow(t)
	w.session.Trainer().Advance(50)
	dir := t.TempDir()
	const old = "old,content\n"
	path := writeFile(t, dir, "results.csv", old)
	w.prefs.setFolder(folderExport, path)
	if !limitFileSize(t, uint64(len(old))+8) {
		t.Skip("cannot limit the size of files here")
	}
	typeShortcut(t, w, ctrl(fyne.KeyE, false))
	tapButton(t, w, "Export…")
	answerSave(t, w, "results.csv")
	tapButton(t, w, "Yes") // fyne asks before overwriting
	contains(t, "message", dialogText(t, w), "not written", path)
	tapButton(t, w, "OK")
	if b, _ := os.ReadFile(path); string(b) != old {
		t.Errorf("a failed write left %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d files after a failed write", len(entries))
	}
}

// inChildProcess reports whether the test runs in the child process that it
// starts otherwise: the parent runs the test binary again for this test
// alone, fails if the child fails, and returns false.
func inChildProcess(t *testing.T) bool {
	const env = "TEMPFIT_TEST_CHILD"
	if os.Getenv(env) == t.Name() {
		return true
	}
	cmd := exec.Command(os.Args[0], "-test.run=^"+t.Name()+"$", "-test.v")
	cmd.Env = append(os.Environ(), env+"="+t.Name())
	out, err := cmd.CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("--- ")) {
		t.Fatalf("the child process failed: %v\n%s", err, out)
	}
	if bytes.Contains(out, []byte("--- SKIP")) {
		t.Skipf("the child process skipped:\n%s", out)
	}
	return false
}

func TestFailedWriteLeavesOldFile(t *testing.T) {
	w := newWindow(t)
	w.session.Trainer().Advance(50)
	dir := t.TempDir()
	const old = "old,content\n"
	path := writeFile(t, dir, "results.csv", old)
	w.prefs.setFolder(folderExport, path)

	// A folder that cannot be written to.
	if os.Geteuid() != 0 {
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		typeShortcut(t, w, ctrl(fyne.KeyE, false))
		tapButton(t, w, "Export…")
		answerSave(t, w, "results.csv")
		tapButton(t, w, "Yes")
		contains(t, "message", dialogText(t, w), "not written", "permission denied")
		tapButton(t, w, "OK")
		if b, _ := os.ReadFile(path); string(b) != old {
			t.Errorf("a failed write left %q", b)
		}
	}

	// A folder that went away while the save dialog was open.
	gone := filepath.Join(dir, "gone")
	if err := os.Mkdir(gone, 0o755); err == nil {
		w.prefs.setFolder(folderExport, filepath.Join(gone, "x"))
		typeShortcut(t, w, ctrl(fyne.KeyE, false))
		tapButton(t, w, "Export…")
		os.Remove(gone)
		answerSave(t, w, "results.csv")
		contains(t, "message", dialogText(t, w), "not written", filepath.Join(gone, "results.csv"))
		tapButton(t, w, "OK")
	}
	if err := w.SaveProject(filepath.Join(dir, "missing", "p.tempfit")); err == nil {
		t.Error("saving into a missing folder did not fail")
	}
	if w.session.ProjectPath() != "" {
		t.Errorf("a failed save made %q the project", w.session.ProjectPath())
	}
}
