package session

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/optim"
	"tempfit/core/sheet"
	"tempfit/sampledata"
)

func TestUnsavedFollowsEditsAndUndo(t *testing.T) {
	s := newBook(t)
	var c changes
	s.Observe(c.record)
	s.Edit(2, sheet.Y, "9.5")
	if !s.Unsaved() {
		t.Error("an edit is not unsaved")
	}
	if ch := c.last(); ch&Rows == 0 || ch&File == 0 || ch&Table != 0 {
		t.Errorf("an edit reported %b", ch)
	}
	s.Undo()
	if s.Unsaved() {
		t.Error("undone back to the file, still unsaved")
	}
	s.SetLearningRate(0.02)
	if !s.Unsaved() {
		t.Error("a new learning rate is not unsaved")
	}
	s.SetLearningRate(0.001)
	if s.Unsaved() {
		t.Error("the learning rate set back, still unsaved")
	}
	s.Trainer().Advance(100)
	if s.Unsaved() {
		t.Error("training the rows of a data file counts as unsaved")
	}
}

func TestImportIsOneUndoableStep(t *testing.T) {
	s := newBook(t)
	var c changes
	s.Observe(c.record)
	path := writeFile(t, "days.csv", "day,temp\n1,3\n2,5\n3,4\n4,8\n5,9\n6,12\n")
	res, good, err := ReadFile(path, data.ReadOptions{})
	if err != nil || good != nil {
		t.Fatal(err)
	}
	s.Import(path, res)
	if ch := c.last(); ch&Table == 0 || ch&Trainer == 0 {
		t.Errorf("an import reported %b", ch)
	}
	s.Sync()
	if s.Name() != "days.csv" || s.Source() != path || s.Unsaved() {
		t.Errorf("after the import: name %q, source %q, unsaved %v", s.Name(), s.Source(), s.Unsaved())
	}
	if d := s.Trainer().Snapshot().Problem.Data; d.Len() != 6 || d.XName != "day" {
		t.Errorf("the trainer has %d points of %s", d.Len(), d.XName)
	}
	if s.BaseName() != "days" {
		t.Errorf("base name %q", s.BaseName())
	}
	s.Undo()
	if s.Sheet().Len() != 12 {
		t.Errorf("Undo left %d rows", s.Sheet().Len())
	}
}

// TestImportedDataIsTheSheets checks that the data set an import trains
// on is the one the table's rows make, dates and names included, and
// that an edit after it changes the data set.
func TestImportedDataIsTheSheets(t *testing.T) {
	s := newBook(t)
	path := writeFile(t, "days.csv", "date,temp\n2012-01-01,3\n2012-01-02,5\n2012-01-04,4\n")
	res, _, err := ReadFile(path, data.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s.Import(path, res)
	want, err := s.Sheet().Dataset()
	if err != nil {
		t.Fatal(err)
	}
	got := s.Data()
	if got.XName != want.XName || got.YName != want.YName || got.XAxis != want.XAxis ||
		!slices.Equal(got.X, want.X) || !slices.Equal(got.Y, want.Y) {
		t.Errorf("data set %+v, the table's rows make %+v", got, want)
	}
	if err := s.Edit(1, sheet.Y, "6.5"); err != nil {
		t.Fatal(err)
	}
	if y := s.Data().Y; y[1] != 6.5 || res.Data.Y[1] != 5 {
		t.Errorf("after an edit: data set y %v, the file's %v", y, res.Data.Y)
	}
}

func TestReadOffersGoodRows(t *testing.T) {
	path := writeFile(t, "bad.csv", "a,b\n1,2\n2,x\n3,4\n")
	res, good, err := ReadFile(path, data.ReadOptions{})
	var pe *data.ParseError
	if res != nil || !errors.As(err, &pe) || pe.Line != 3 {
		t.Fatalf("a bad row: %v", err)
	}
	if good == nil || good.Data.Len() != 2 || good.Skipped != 1 {
		t.Fatalf("good rows %+v", good)
	}
	_, good, err = ReadText("x,y\nwarm,cold\n", data.ReadOptions{})
	if err == nil || good != nil {
		t.Errorf("text without a good row: %v, good %v", err, good)
	}
	_, good, err = ReadFile(filepath.Join(t.TempDir(), "missing.csv"), data.ReadOptions{})
	if err == nil || good != nil {
		t.Errorf("a missing file: %v", err)
	}
}

func TestSaveThenOpenContinuesTheRun(t *testing.T) {
	s := newBook(t)
	s.Edit(0, sheet.Y, "4.5")
	m := fit.Model{Kind: fit.Polynomial, Degree: 3, Scaling: fit.Scaled}
	s.SetModel(m, optim.Momentum)
	s.SetExtendTo(24)
	s.Sync()
	s.Trainer().Advance(300)
	path := filepath.Join(t.TempDir(), "run.tempfit")
	if err := s.SaveProject(path); err != nil {
		t.Fatal(err)
	}
	if s.Unsaved() || s.Name() != "run.tempfit" || s.ProjectPath() != path {
		t.Errorf("after saving: unsaved %v, name %q, path %q", s.Unsaved(), s.Name(), s.ProjectPath())
	}
	s.Trainer().Advance(1)
	if !s.Unsaved() {
		t.Error("training a project since it was saved is not unsaved")
	}
	want := s.Trainer().Checkpoint()
	s.Trainer().Advance(200)
	next := s.Trainer().Checkpoint()

	o := New(Options{})
	defer o.Close()
	var c changes
	o.Observe(c.record)
	if err := o.OpenProject(path); err != nil {
		t.Fatal(err)
	}
	if ch := c.last(); ch&Document == 0 || ch&Table == 0 || ch&Settings == 0 {
		t.Errorf("opening a project reported %b", ch)
	}
	if o.Unsaved() || o.Config().Model != m || o.Config().Method != optim.Momentum || o.ExtendTo() != 24 {
		t.Errorf("opened: unsaved %v, %v, %v, extend %v", o.Unsaved(), o.Config().Model, o.Config().Method, o.ExtendTo())
	}
	if y(o, 0) != 4.5 {
		t.Errorf("the edit was not saved: y = %v", y(o, 0))
	}
	if c := o.Trainer().Checkpoint(); c.Step != want.Step-1 {
		t.Errorf("opened at step %d, saved at %d", c.Step, want.Step-1)
	}
	o.Trainer().Advance(201)
	if got := o.Trainer().Checkpoint(); got.Step != next.Step || !slices.Equal(got.Weights, next.Weights) {
		t.Errorf("the opened run went elsewhere: step %d, %v, want %d, %v", got.Step, got.Weights, next.Step, next.Weights)
	}
}

func TestOpenDamagedProjectChangesNothing(t *testing.T) {
	s := newBook(t)
	s.Edit(0, sheet.Y, "1.5")
	path := writeFile(t, "bad.tempfit", `{"format": "tempfit-project", "version": 1, "data": `)
	if err := s.OpenProject(path); err == nil {
		t.Fatal("a truncated project was opened")
	}
	if y(s, 0) != 1.5 || !s.Unsaved() || s.Name() != "book.csv" || s.Trainer() == nil {
		t.Errorf("a failed open changed the document: y %v, unsaved %v, name %q", y(s, 0), s.Unsaved(), s.Name())
	}
	if !IsProject(path) || IsProject("data.csv") {
		t.Error("IsProject does not go by the extension")
	}
}

func TestNewAndSamples(t *testing.T) {
	s := newBook(t)
	s.New()
	s.Sync()
	if s.Sheet().Len() != 0 || s.Trainer() != nil || s.Name() != "" || s.Unsaved() || s.BaseName() != "tempfit" {
		t.Errorf("New: %d rows, trainer %v, name %q", s.Sheet().Len(), s.Trainer(), s.Name())
	}
	seoul, ok := sampledata.Lookup("seoul")
	if !ok {
		t.Fatal("no Seoul sample")
	}
	if err := s.OpenSample(seoul); err != nil {
		t.Fatal(err)
	}
	s.Sync()
	if s.Name() != seoul.File || s.Sheet().Len() != 12 || s.Trainer() == nil || s.Source() != "" {
		t.Errorf("sample: name %q, %d rows", s.Name(), s.Sheet().Len())
	}
}

func TestExportPredictions(t *testing.T) {
	s := newBook(t)
	s.Solve()
	dir := t.TempDir()
	rows := filepath.Join(dir, "rows.csv")
	if err := s.ExportPredictions(rows, nil); err != nil {
		t.Fatal(err)
	}
	res, err := data.ReadFile(rows, data.ReadOptions{XColumn: "month", YColumn: "predicted"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Data.Len() != 12 || !strings.Contains(strings.Join(res.Columns, ","), "residual") {
		t.Errorf("exported %d rows with columns %v", res.Data.Len(), res.Columns)
	}
	grid := filepath.Join(dir, "grid.csv")
	if err := s.ExportPredictions(grid, []float64{13, 14}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(grid)
	if lines := strings.Split(strings.TrimSpace(string(b)), "\n"); len(lines) != 3 {
		t.Errorf("grid file:\n%s", b)
	}
	// The data file the rows came from is never written over.
	src := writeFile(t, "temps.csv", "month,temp\n1,2\n2,4\n3,5\n4,7\n5,8\n6,9\n")
	res, _, _ = ReadFile(src, data.ReadOptions{})
	s.Import(src, res)
	s.Sync()
	if err := s.ExportPredictions(src, nil); !errors.Is(err, ErrOutputIsInput) {
		t.Errorf("exporting over the data file: %v", err)
	}
	if err := s.SaveProject(src); !errors.Is(err, ErrOutputIsInput) {
		t.Errorf("saving the project over the data file: %v", err)
	}
	if b, _ := os.ReadFile(src); !strings.HasPrefix(string(b), "month,temp\n1,2") {
		t.Errorf("the data file was changed:\n%s", b)
	}

	// Without a fit nothing is written, and an existing file stays.
	s.New()
	if err := s.ExportPredictions(grid, nil); !errors.Is(err, ErrNoFit) {
		t.Errorf("export without a fit: %v", err)
	}
	if again, _ := os.ReadFile(grid); !bytes.Equal(again, b) {
		t.Error("a failed export changed the file")
	}
}
