package session

import (
	"errors"
	"io"
	"path/filepath"
	"strings"

	"tempfit/core/data"
	"tempfit/core/project"
	"tempfit/core/sheet"
	"tempfit/core/train"
	"tempfit/sampledata"
)

// ErrNoFit is the error of an export when there is no fitted curve.
var ErrNoFit = errors.New("there is no fitted curve to export yet: the table needs rows with both x and y")

// IsProject reports whether path names a project file rather than data.
func IsProject(path string) bool {
	return strings.EqualFold(filepath.Ext(path), project.Extension)
}

// ReadFile reads the data file at path. When some rows cannot be read, err
// says why and good, if not nil, holds the rows that can, to offer instead.
func ReadFile(path string, opts data.ReadOptions) (res, good *data.ReadResult, err error) {
	return readWithGoodRows(func(o data.ReadOptions) (*data.ReadResult, error) { return data.ReadFile(path, o) }, opts)
}

// ReadText reads rows pasted from a spreadsheet or an editor, as ReadFile
// reads a file.
func ReadText(text string, opts data.ReadOptions) (res, good *data.ReadResult, err error) {
	return readWithGoodRows(func(o data.ReadOptions) (*data.ReadResult, error) { return data.ParseText(text, o) }, opts)
}

// readWithGoodRows reads with read, and after a bad row reads again
// skipping the bad rows, to see whether any good ones are left.
func readWithGoodRows(read func(data.ReadOptions) (*data.ReadResult, error), opts data.ReadOptions) (res, good *data.ReadResult, err error) {
	res, err = read(opts)
	if err == nil {
		return res, nil, nil
	}
	var pe *data.ParseError
	if errors.As(err, &pe) && !opts.SkipBadRows {
		opts.SkipBadRows = true
		if g, err2 := read(opts); err2 == nil && g.Skipped > 0 {
			good = g
		}
	}
	return nil, good, err
}

// Import makes the points read from the data file at path the document,
// as one step that Undo takes back.
func (s *Session) Import(path string, res *data.ReadResult) {
	s.replaceDocument(res.Data, filepath.Base(path), absPath(path), readNoteOf(res))
}

// ReadSample reads an embedded sample.
func ReadSample(sample sampledata.Sample) (*data.Dataset, error) {
	res, err := data.ReadCSV(sample.Open(), data.ReadOptions{File: sample.File})
	if err != nil {
		return nil, err
	}
	return res.Data, nil
}

// OpenSample makes an embedded sample the document, as one step that Undo
// takes back.
func (s *Session) OpenSample(sample sampledata.Sample) error {
	d, err := ReadSample(sample)
	if err != nil {
		return err
	}
	s.replaceDocument(d, sample.File, "", ReadNote{})
	return nil
}

// replaceDocument replaces the table's rows with d, as one step that Undo
// takes back, and makes d's file the document, saved as it is; note is
// what to tell about reading it.
func (s *Session) replaceDocument(d *data.Dataset, name, source string, note ReadNote) {
	s.sheet.Replace(d)
	s.name, s.source, s.projectPath = name, source, ""
	s.note = note
	changed := s.periodForAxis()
	s.useData(d)
	s.markSaved()
	s.rebuild()
	s.notify(Table | Trainer | File | changed)
}

// New starts an untitled document with an empty table and the same
// settings.
func (s *Session) New() {
	s.sheet = sheet.New("", "")
	s.name, s.source, s.projectPath = "", "", ""
	s.note = ReadNote{}
	s.loadData()
	s.markSaved()
	s.rebuild()
	s.notify(Document | Trainer | File)
}

// Fitted returns the latest snapshot of the trainer, whose weights belong
// to its problem, or ErrNoFit.
func (s *Session) Fitted() (*train.Snapshot, error) {
	tr := s.Trainer()
	if tr == nil {
		return nil, ErrNoFit
	}
	snap := tr.Snapshot()
	if snap.Problem == nil {
		return nil, ErrNoFit
	}
	return snap, nil
}

// ExportPredictions writes the current fit's predictions to a CSV file at
// path, replacing it whole or not at all: x, observed, predicted and
// residual for every row, or, when grid is not nil, x and predicted at
// each of its points. The data file and the project the document was read
// from are never written over.
func (s *Session) ExportPredictions(path string, grid []float64) error {
	snap, err := s.Fitted()
	if err != nil {
		return err
	}
	if err := CheckOutput(path, s.source, s.projectPath); err != nil {
		return err
	}
	if grid != nil {
		return WritePredictions(path, snap, grid)
	}
	// Every row, held out or not.
	d, curve := s.data, snap.Problem.Curve(snap.Weights)
	return data.WriteFileAtomic(path, 0o644, func(out io.Writer) error {
		predicted := make([]float64, d.Len())
		for i, x := range d.X {
			predicted[i] = curve(x)
		}
		return data.WritePredictions(out, d, predicted)
	})
}

// WritePredictions writes the predictions of a snapshot to a CSV file at
// path as Session.ExportPredictions does.
func WritePredictions(path string, snap *train.Snapshot, grid []float64) error {
	pr, weights := snap.Problem, snap.Weights
	return data.WriteFileAtomic(path, 0o644, func(out io.Writer) error {
		if grid != nil {
			return data.WriteGrid(out, pr.Data.XName, grid, pr.Predict(weights, grid))
		}
		return data.WritePredictions(out, pr.Data, pr.Predict(weights, pr.Data.X))
	})
}

// absPath returns path made absolute, or path itself if that fails.
func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}
