// Package session holds one open Tempfit document: the table of points
// with its undo history, the data set made from it, the settings, the
// trainer that fits them and what was last saved.
//
// A Session belongs to one goroutine, its owner (in the app, the UI
// goroutine): every method must be called there, except TakeJob and Jobs,
// which the goroutine doing its slow work may call. The owner learns of
// changes through the function given to Observe.
//
// Making a trainer and giving it edited rows take time in proportion to
// the rows, so the session hands them out as a Job: another goroutine runs
// it and the owner finishes it. A job not yet taken is replaced by a newer
// one, so the latest edit wins. Sync does all three on the owner's
// goroutine.
package session

import (
	"math"
	"path/filepath"
	"strings"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/optim"
	"tempfit/core/sheet"
	"tempfit/core/train"
)

// AnimatedSeconds is how long an animated run of the whole step budget
// takes.
const AnimatedSeconds = 5

// Change says what a command changed, for the views to show.
type Change uint

// The changes a session reports. A change that replaces more implies the
// smaller ones: Document implies Table and Settings, Table implies Rows.
const (
	// Rows: cells were edited, or rows added, removed or reordered.
	Rows Change = 1 << iota
	// Table: the rows were replaced whole; views go back to the top.
	Table
	// Settings: the model, optimizer, learning rate, steps, speed or the
	// x the curve is drawn to changed.
	Settings
	// Document: another document replaced this one (new, open, restore).
	Document
	// Trainer: the trainer was made, replaced or removed, or a command
	// started, paused, stepped, reset or solved it.
	Trainer
	// File: the document's name or file, or whether it is saved, changed.
	File
	// Race: the race of optimizers was made or dropped, or ended because
	// its points changed (see Session.RaceEnded).
	Race
)

// Options configure a new Session.
type Options struct {
	// Config is the settings to start with. Zero fields take the book's
	// values.
	Config train.Config

	// Data is the table to start with, called Name; nil means an empty,
	// untitled one. Undo does not go back before it.
	Data *data.Dataset
	Name string

	// Autosave is the path of the autosave file; "" means no autosaves.
	Autosave string
}

// Session is one open document. See the package comment for the goroutine
// that owns it.
type Session struct {
	sheet       *sheet.Sheet
	data        *data.Dataset // the table's complete rows; nil when none
	dataErr     error         // why there is no data set
	cfg         train.Config
	extendTo    float64 // the x the curves are drawn to; NaN for the data's range
	name        string  // the name shown in the title: a file or a sample
	source      string  // the data file the rows came from, or ""
	projectPath string  // the project file Save writes, or ""
	saved       savedState
	restored    bool          // the document is work restored from an autosave
	note        ReadNote      // what to tell about the rows read last
	hold        fit.HoldRule  // which points are held out of training
	held        []bool        // the points of data held out, or nil
	heldRows    []bool        // the rows of the sheet held out, or nil
	trainSet    *data.Dataset // the points that train: data without the held ones
	heldSet     *data.Dataset // the held-out points, or nil
	splitErr    error         // why no point is left to train on

	trainer  *train.Trainer
	gen      uint64 // counts trainers asked for; a job of an older one is stale
	building bool   // a trainer is being made
	startSet bool   // start the trainer being made once it is ready
	trainErr error  // why the model cannot be fitted to the data
	solved   *train.Trainer

	race     raceHolder
	autosave autosaver
	jobs     jobQueue
	observe  []func(Change)
	closed   bool
}

// New returns a session with an empty table and the settings of opts.
func New(opts Options) *Session {
	s := &Session{
		sheet:    sheet.New("", ""),
		name:     opts.Name,
		cfg:      withDefaults(opts.Config),
		extendTo: math.NaN(),
		autosave: newAutosaver(opts.Autosave),
		jobs:     newJobQueue(),
	}
	if opts.Data != nil {
		s.sheet = sheet.FromDataset(opts.Data)
		s.periodForAxis()
	}
	s.loadData()
	s.markSaved()
	s.rebuild()
	return s
}

// withDefaults fills the zero fields of cfg with the book's settings.
func withDefaults(cfg train.Config) train.Config {
	if cfg.Model.Kind == "" {
		cfg.Model = fit.BookModel()
		cfg.Model.Harmonics = 2
		cfg.Model.Period = fit.DefaultPeriod
	}
	if cfg.Method == "" {
		cfg.Method = optim.Adam
	}
	if cfg.LearningRate == 0 {
		cfg.LearningRate = optim.DefaultLearningRate(cfg.Method)
	}
	if cfg.Steps <= 0 {
		cfg.Steps = train.DefaultSteps
	}
	return cfg
}

// Observe makes f hear of every change, on the owner's goroutine.
func (s *Session) Observe(f func(Change)) { s.observe = append(s.observe, f) }

// notify tells the observers of c.
func (s *Session) notify(c Change) {
	if s.closed {
		return
	}
	if c&Document != 0 {
		c |= Table | Settings
	}
	if c&Table != 0 {
		c |= Rows
	}
	c |= s.raceFollows(c)
	for _, f := range s.observe {
		f(c)
	}
}

// Sheet returns the table of points. Change it only through the session's
// commands.
func (s *Session) Sheet() *sheet.Sheet { return s.sheet }

// Data returns the data set made of the table's complete rows, or nil
// when there is none.
func (s *Session) Data() *data.Dataset { return s.data }

// Config returns the settings.
func (s *Session) Config() train.Config { return s.cfg }

// ExtendTo returns the x the curves are drawn to, or NaN for the data's
// range.
func (s *Session) ExtendTo() float64 { return s.extendTo }

// Trainer returns the trainer shown: the one of the current settings and
// data, or while a new one is being made, the one before it (stopped). It
// is nil without data or when the model cannot be fitted.
func (s *Session) Trainer() *train.Trainer { return s.trainer }

// Building reports whether a new trainer is being made; commands that
// act on the trainer wait for it.
func (s *Session) Building() bool { return s.building }

// ready returns the trainer when commands can act on it, or nil.
func (s *Session) ready() *train.Trainer {
	if s.building {
		return nil
	}
	return s.trainer
}

// Name returns the name of the document: its file's, a sample's, or ""
// for an untitled one.
func (s *Session) Name() string { return s.name }

// ProjectPath returns the project file Save writes to, or "".
func (s *Session) ProjectPath() string { return s.projectPath }

// Source returns the data file the rows were read from, or "".
func (s *Session) Source() string { return s.source }

// BaseName returns the name files exported from the document start with.
func (s *Session) BaseName() string {
	if s.name == "" {
		return "tempfit"
	}
	return strings.TrimSuffix(s.name, filepath.Ext(s.name))
}

// Close stops the trainer and ends the session's work; later commands
// report nothing.
func (s *Session) Close() {
	if s.closed {
		return
	}
	s.closed = true
	s.stopRace()
	if s.trainer != nil {
		s.trainer.Stop()
	}
}

// Closed reports whether Close was called.
func (s *Session) Closed() bool { return s.closed }

// Pace returns the steps per second of a run of steps steps: all of them
// in AnimatedSeconds when animated, else 0 (as fast as possible).
func Pace(steps int, animated bool) float64 {
	if !animated {
		return 0
	}
	return math.Max(float64(steps)/AnimatedSeconds, 1)
}
