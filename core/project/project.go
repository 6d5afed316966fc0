// Package project reads and writes Tempfit project files: a whole session
// (the data table, the model and training settings, the current weights, the
// loss history and the optimizer's accumulators) saved so that training can
// be continued later exactly where it stopped.
//
// A project file is a JSON object whose "format" is "tempfit-project" and
// whose "version" is the format version, followed by the session:
//
//	{
//	  "format": "tempfit-project",
//	  "version": 2,
//	  "data": {
//	    "x_name": "date",
//	    "y_name": "temperature",
//	    "x_axis": {"kind": "date", "origin": "2012-01-01T00:00:00Z", "layout": "2006-01-02", "offset": 0},
//	    "x": [0, 1, 2],
//	    "y": [-2.5, -0.75, 4.25]
//	  },
//	  "source": "/home/me/temps.csv",
//	  "model": {"kind": "poly", "degree": 2, "harmonics": 0, "period": 0, "scaling": "scaled"},
//	  "optimizer": "adam",
//	  "learning_rate": 0.01,
//	  "steps": 100000,
//	  "speed": "animated",
//	  "x_max": 0,
//	  "weights": [1.5, 3.25, -0.5],
//	  "step": 2,
//	  "history": [
//	    {"step": 0, "loss": 60.4375},
//	    {"step": 1, "loss": 58.9}
//	  ],
//	  "optimizer_state": {
//	    "beta_powers": [0.81, 0.998001],
//	    "m": [0.1, -0.2, 0.05],
//	    "v": [0.01, 0.04, 0.0025]
//	  }
//	}
//
// "x_axis" says what x stands for (see data.XAxis): its "kind" is "date",
// "datetime", "yearmonth" or "monthname", "origin" the instant of x = 0
// in UTC (none for month names), "layout" the Go time layout the dates
// were read in and are written back in, and "offset" the zone of the
// times in seconds east of UTC. It is left out for plain numbers. A file
// whose axis has an unknown kind or does not fit together is refused.
//
// Numbers are written in the shortest form that reads back as the same
// float64, so a saved project continues bit for bit where it stopped. NaN
// and infinities have no JSON form; a Project never holds them.
//
// Compatibility: Version changes whenever a field changes meaning or a
// reader of the previous version could misread a new file. Decode refuses
// files of a newer version, and reads the fields it knows from a file of its
// own version while ignoring any others, so that a later release may add
// optional fields without changing the version. Such fields are dropped when
// the project is saved again.
package project

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"reflect"
	"slices"
	"strings"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/optim"
	"tempfit/core/train"
)

// Version is the newest format version this package reads and writes.
// Version 2 added the data's x axis ("x_axis"), the seasonal model's
// trend degree ("model"."trend") and the hold-out rule ("hold_out").
// Encode writes the oldest
// version that holds a project: 1 when x is plain numbers, so that such
// files still open in releases that read only version 1, and 2 when x
// holds dates or months.
const Version = 2

// Extension is the file name extension of project files.
const Extension = ".tempfit"

// maxSize is the largest file Decode reads. A project with a million points
// takes about 40 MB.
var maxSize int64 = 256 << 20

// formatMarker is the value of a project file's "format" field.
const formatMarker = "tempfit-project"

// The training speeds a project may record.
const (
	SpeedAnimated = "animated" // steps paced so the curve can be watched
	SpeedMax      = "max"      // as many steps per second as possible
)

// Errors that Decode and Load wrap, for use with errors.Is.
var (
	// ErrNotProject is reported for a file that is not a Tempfit project.
	ErrNotProject = errors.New("not a Tempfit project")
	// ErrNewerVersion is reported for a project written in a newer format.
	ErrNewerVersion = errors.New("saved by a newer version of Tempfit")
	// ErrInvalid is reported for a project file that is damaged, truncated
	// or inconsistent.
	ErrInvalid = errors.New("damaged project file")
)

// Project is a saved session.
type Project struct {
	// Version is the format version the project was read in. Encode
	// ignores it and writes the oldest version that holds the project.
	Version int

	// Data is the table's points; it may be empty. Empty column names
	// stand for "x" and "y", as in data.New.
	Data data.Dataset
	// Source is the file the data came from, or "".
	Source string

	Model        fit.Model
	Optimizer    optim.Kind
	LearningRate float64 // 0 means the optimizer's default
	Steps        int     // step budget; 0 means train.DefaultSteps
	Speed        string  // SpeedAnimated or SpeedMax
	XMax         float64 // where the curve and predictions end; 0 means the data's range
	// HoldOut says which points are held out of training.
	HoldOut fit.HoldRule

	// Weights are the current weights in the model's own features: either
	// Model.NumParams() of them, or none for a model not trained yet.
	Weights []float64
	// Step is the number of steps taken.
	Step int
	// History is the recorded loss, in increasing step order, every point
	// before Step.
	History []train.LossPoint
	// OptimizerState is the optimizer's accumulators, by name. This package
	// only checks that the values are finite.
	OptimizerState map[string][]float64
}

// Checkpoint returns copies of the weights, step, loss history and
// optimizer state, for train.Trainer.Restore.
func (p *Project) Checkpoint() train.Checkpoint {
	c := train.Checkpoint{
		Weights: slices.Clone(p.Weights),
		Step:    p.Step,
		History: slices.Clone(p.History),
	}
	if len(p.OptimizerState) > 0 {
		c.OptimizerState = make(map[string][]float64, len(p.OptimizerState))
		for k, v := range p.OptimizerState {
			c.OptimizerState[k] = slices.Clone(v)
		}
	}
	return c
}

// Encode validates p and writes it to w as a project file of the current
// Version. It writes nothing if p is not valid.
func Encode(w io.Writer, p *Project) error {
	b, err := encode(p)
	if err != nil {
		return fmt.Errorf("cannot save the project: %w", err)
	}
	_, err = w.Write(b)
	return err
}

// encode validates p and returns its file content. A project larger than
// Decode reads is refused, so that nothing is saved that cannot be opened.
func encode(p *Project) ([]byte, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	compact, err := json.Marshal(toWire(p))
	if err != nil {
		return nil, err
	}
	b := layout(compact)
	if int64(len(b)) > maxSize {
		return nil, fmt.Errorf("the project takes %d MiB, more than the %d MiB Tempfit opens: fit fewer points, or save the predictions as CSV", len(b)>>20, maxSize>>20)
	}
	return b, nil
}

// Decode reads a whole project file from r. name identifies the file in
// error messages. It returns a valid project, or nil and an error that names
// the file and wraps ErrNotProject, ErrNewerVersion or ErrInvalid (or the
// reader's own error). Fields it does not know are ignored.
func Decode(r io.Reader, name string) (*Project, error) {
	if name == "" {
		name = "project"
	}
	b, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", name, err)
	}
	if int64(len(b)) > maxSize {
		return nil, &fileError{fmt.Sprintf("%s: %v (larger than %d MiB)", name, ErrNotProject, maxSize>>20), ErrNotProject}
	}
	p, err := decode(b)
	if err != nil {
		var fe *fileError
		if errors.As(err, &fe) && fe.kind == ErrNewerVersion {
			return nil, &fileError{name + " " + fe.msg, fe.kind}
		}
		return nil, &fileError{name + ": " + err.Error(), err}
	}
	return p, nil
}

// decode parses and checks a project file; its errors do not name the file.
func decode(b []byte) (*Project, error) {
	top, err := header(b)
	if err != nil {
		return nil, err
	}
	var format string
	if json.Unmarshal(top.Format, &format) != nil || format != formatMarker {
		return nil, ErrNotProject
	}
	var version int
	if err := json.Unmarshal(top.Version, &version); err != nil || version < 1 {
		v := "missing"
		if raw := top.Version; raw != nil {
			v = string(raw)
		}
		return nil, invalid("format version %s is not a whole number ≥ 1", v)
	}
	if version > Version {
		return nil, &fileError{
			fmt.Sprintf("was saved by a newer version of Tempfit (format %d); this version reads format %d", version, Version),
			ErrNewerVersion,
		}
	}
	var wp wireProject
	if err := json.Unmarshal(b, &wp); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return nil, invalid("%q holds a %s where %s belongs", te.Field, te.Value, kindName(te))
		}
		return nil, invalid("%v", err)
	}
	if version < 2 {
		wp.Data.XAxis = nil // version 1 knew only plain numbers
	}
	p, err := fromWire(&wp)
	if err != nil {
		return nil, invalid("data: %v", err)
	}
	if k, err := optim.ParseKind(string(p.Optimizer)); err == nil {
		p.Optimizer = k
	}
	if err := p.Validate(); err != nil {
		return nil, invalid("%v", err)
	}
	return p, nil
}

// Save validates p and writes it to path atomically (data.WriteFileAtomic):
// if anything fails, an existing file at path is left as it was.
func Save(path string, p *Project) error {
	b, err := encode(p)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return data.WriteFileAtomic(path, 0o644, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// Load reads the project file at path. Its errors name path.
func Load(path string) (*Project, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Decode(f, path)
}

// fileError is an error with its own message that wraps one of the
// package's sentinel errors.
type fileError struct {
	msg  string
	kind error
}

func (e *fileError) Error() string { return e.msg }
func (e *fileError) Unwrap() error { return e.kind }

// invalid returns an ErrInvalid error with the formatted detail.
func invalid(format string, args ...any) error {
	return &fileError{ErrInvalid.Error() + ": " + fmt.Sprintf(format, args...), ErrInvalid}
}

// fileHeader is the start of every project file, whatever its version.
type fileHeader struct {
	Format  json.RawMessage `json:"format"`
	Version json.RawMessage `json:"version"`
}

// header checks that b holds one JSON object and returns its format and
// version, without copying the rest.
func header(b []byte) (*fileHeader, error) {
	trimmed := bytes.TrimSpace(b)
	if len(trimmed) == 0 {
		return nil, invalid("the file is empty")
	}
	if trimmed[0] != '{' {
		return nil, &fileError{ErrNotProject.Error() + " (not a JSON object)", ErrNotProject}
	}
	var top fileHeader
	err := json.Unmarshal(b, &top)
	// encoding/json reports input cut short either as such or, in the
	// middle of a number or word, as a space found at its end.
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se) && se.Offset >= int64(len(b)) &&
		(strings.Contains(se.Error(), "unexpected end") || strings.HasPrefix(se.Error(), "invalid character ' '")):
		return nil, invalid("the file ends too early (after %d bytes); it may have been cut short", len(b))
	case errors.As(err, &se) && strings.Contains(se.Error(), "after top-level value"):
		return nil, invalid("unexpected data after the project at byte %d", se.Offset-1)
	case errors.As(err, &se):
		return nil, invalid("invalid JSON at byte %d: %v", se.Offset, err)
	case err != nil:
		return nil, invalid("%v", err)
	}
	return &top, nil
}

// kindName names the JSON value a field of a type error should hold.
func kindName(te *json.UnmarshalTypeError) string {
	if te.Type == nil {
		return "another value"
	}
	switch te.Type.Kind() {
	case reflect.Float64:
		return "a finite number"
	case reflect.Int:
		return "a whole number"
	case reflect.String:
		return "a string"
	case reflect.Slice:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return "a " + te.Type.String()
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func nameOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
