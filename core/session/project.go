package session

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/optim"
	"tempfit/core/project"
	"tempfit/core/sheet"
	"tempfit/core/train"
)

// ContinueError says that a project's training cannot continue from the
// state it saved.
type ContinueError struct {
	File string
	Err  error
}

// Error returns a message naming the file and the reason.
func (e *ContinueError) Error() string {
	return e.File + ": training cannot continue from this file: " + e.Err.Error()
}

// Unwrap returns the reason.
func (e *ContinueError) Unwrap() error { return e.Err }

// Project returns the document as a project: the table's complete rows,
// the settings and the trainer's progress.
func (s *Session) Project() *project.Project {
	xName, yName := s.sheet.Names()
	p := &project.Project{
		Data:         data.Dataset{XName: xName, YName: yName, XAxis: s.sheet.XAxis()},
		Source:       s.source,
		Model:        s.cfg.Model,
		Optimizer:    s.cfg.Method,
		LearningRate: s.cfg.LearningRate,
		Steps:        s.cfg.Steps,
		Speed:        project.SpeedMax,
		XMax:         finiteOr(s.extendTo, 0),
		HoldOut:      s.hold,
	}
	if s.cfg.Pace > 0 {
		p.Speed = project.SpeedAnimated
	}
	if s.data != nil {
		p.Data.X = slices.Clone(s.data.X)
		p.Data.Y = slices.Clone(s.data.Y)
	}
	if tr := s.ready(); tr != nil {
		c := tr.Checkpoint()
		p.Weights, p.Step, p.History, p.OptimizerState = c.Weights, c.Step, c.History, c.OptimizerState
	}
	return p
}

// SaveProject writes the document to the project file at path, replacing
// it whole or not at all, and makes it the document's file. The data file
// the rows were read from is never written over.
func (s *Session) SaveProject(path string) error {
	if err := CheckOutput(path, s.source); err != nil {
		return err
	}
	p := s.Project()
	if err := project.Save(path, p); err != nil {
		return err
	}
	s.projectPath = absPath(path)
	s.name = filepath.Base(path)
	s.markSavedAt(p.Step)
	s.RemoveAutosave()
	s.notify(File)
	return nil
}

// OpenProject opens the project file at path, continuing its training
// where it stopped. A file that cannot be read whole is refused and the
// document stays as it was.
func (s *Session) OpenProject(path string) error {
	l, err := LoadProject(path)
	if err != nil {
		return err
	}
	s.OpenLoaded(l)
	return nil
}

// LoadedProject is a project file read and checked, with its trainer made
// and continued from where the project stopped: ready to become the
// document.
type LoadedProject struct {
	path string
	l    *loaded
}

// LoadProject reads the project file at path and prepares it, the slow
// part of OpenProject, on any goroutine. A file that cannot be read
// whole is refused.
func LoadProject(path string) (*LoadedProject, error) {
	l, err := readProject(path)
	if err != nil {
		return nil, err
	}
	return &LoadedProject{path: path, l: l}, nil
}

// OpenLoaded makes a project prepared by LoadProject the document.
func (s *Session) OpenLoaded(lp *LoadedProject) {
	if s.closed {
		if lp.l.trainer != nil {
			lp.l.trainer.Stop()
		}
		return
	}
	s.showLoaded(lp.l)
	s.projectPath = absPath(lp.path)
	s.name = filepath.Base(lp.path)
	s.markSavedAt(lp.l.p.Step)
	s.notify(Document | Trainer | File)
}

// loaded is a project read and checked, ready to become the document.
type loaded struct {
	p        *project.Project
	cfg      train.Config
	data     *data.Dataset // nil for a project without points
	trainer  *train.Trainer
	trainErr error // why the model cannot be fitted to the data
}

// readProject reads the project file at path and makes its trainer,
// continued from the project's checkpoint.
func readProject(path string) (*loaded, error) {
	p, err := project.Load(path)
	if err != nil {
		return nil, err
	}
	l := &loaded{p: p, cfg: projectConfig(p)}
	if len(p.Data.X) == 0 {
		return l, nil
	}
	d, err := data.New(p.Data.XName, p.Data.YName, p.Data.X, p.Data.Y)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	d.XAxis = p.Data.XAxis
	l.data = d
	trainSet, heldSet := d, (*data.Dataset)(nil)
	if p.HoldOut.Kind != fit.HoldNone {
		if trainSet, heldSet, err = fit.Split(d, p.HoldOut.Mask(d.X)); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		trainSet.XAxis = d.XAxis
	}
	l.trainer, l.trainErr = train.New(trainSet, l.cfg)
	if l.trainErr != nil {
		return l, nil
	}
	l.trainer.SetHeldOut(heldSet)
	if len(p.Weights) == 0 {
		return l, nil
	}
	if err := l.trainer.Restore(p.Checkpoint()); err != nil {
		l.trainer.Stop()
		return nil, &ContinueError{File: path, Err: err}
	}
	return l, nil
}

// projectConfig returns the training settings of a project.
func projectConfig(p *project.Project) train.Config {
	cfg := train.Config{Model: p.Model, Method: p.Optimizer, LearningRate: p.LearningRate, Steps: p.Steps}
	if cfg.LearningRate == 0 {
		cfg.LearningRate = optim.DefaultLearningRate(cfg.Method)
	}
	if cfg.Steps == 0 {
		cfg.Steps = train.DefaultSteps
	}
	cfg.Pace = Pace(cfg.Steps, p.Speed == project.SpeedAnimated)
	return cfg
}

// showLoaded makes a loaded project the document.
func (s *Session) showLoaded(l *loaded) {
	p := l.p
	if l.data != nil {
		s.sheet = sheet.FromDataset(l.data)
	} else {
		s.sheet = sheet.New(p.Data.XName, p.Data.YName)
	}
	s.source = p.Source
	s.note = ReadNote{}
	s.hold = p.HoldOut
	s.cfg = l.cfg
	s.extendTo = math.NaN()
	if p.XMax != 0 {
		s.extendTo = p.XMax
	}
	s.solved = nil
	s.gen++
	s.building, s.startSet = false, false
	s.loadData()
	s.trainErr = l.trainErr
	s.setTrainer(l.trainer)
}

// finiteOr returns v, or def when v is not a finite number.
func finiteOr(v, def float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return def
	}
	return v
}
