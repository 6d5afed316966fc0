// Package race trains several runs side by side on the same data and model,
// each with its own optimizer, learning rate and feature scaling, all from
// the same starting weights (zero, as the book), and summarises how fast
// each comes near the exact optimum.
//
// Each run is a train.Trainer with its own goroutine and publishes snapshots
// as a single run does. A trainer offers the processor at least once a
// millisecond, so the Go scheduler takes the runs in turn and a window's
// goroutine is never kept waiting long.
package race

import (
	"errors"
	"fmt"
	"sync"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/train"
)

// Run is one run of a race. Its fields do not change once it is made; its
// trainer controls it alone (Pause, Resume, Stop, Step, SetLearningRate…).
type Run struct {
	ID      int    // unique within the race, counting from 0 in the order runs were made
	Label   string // a short name such as "adam 0.001 raw"
	Spec    Spec   // with the learning rate and features the run uses
	Trainer *train.Trainer
}

// Snapshot returns the run's latest snapshot.
func (r *Run) Snapshot() *train.Snapshot { return r.Trainer.Snapshot() }

// Race is a set of runs on one data set and model. All its methods are safe
// to call from any goroutine.
type Race struct {
	mu    sync.Mutex
	data  *data.Dataset
	model fit.Model
	steps int
	runs  []*Run
	next  int // the ID of the next run made
}

// ErrNoRun is the error for a run ID that is not in the race.
var ErrNoRun = errors.New("race: no such run")

// New returns a race of the runs specs on d with model, each with a budget
// of steps (0 means train.DefaultSteps). No run is started.
func New(d *data.Dataset, model fit.Model, steps int, specs []Spec) (*Race, error) {
	if err := model.Validate(); err != nil {
		return nil, err
	}
	if len(specs) > MaxRuns {
		return nil, fmt.Errorf("race: %d runs, more than the %d a race holds", len(specs), MaxRuns)
	}
	if steps <= 0 {
		steps = train.DefaultSteps
	}
	r := &Race{data: d, model: model, steps: steps}
	for _, spec := range specs {
		run, err := r.newRun(spec)
		if err != nil {
			return nil, err
		}
		r.runs = append(r.runs, run)
	}
	return r, nil
}

// newRun makes an idle run of spec. r.mu is held or r is not yet shared.
func (r *Race) newRun(spec Spec) (*Run, error) {
	m := r.model
	switch {
	case spec.Features == "":
		spec.Features = m.Scaling
	case m.Kind == fit.Seasonal && spec.Features != fit.Raw:
		return nil, fmt.Errorf("race: the %s model has no feature scaling: use raw features", m.Kind)
	}
	if m.Kind == fit.Seasonal {
		spec.Features = fit.Raw
	}
	m.Scaling = spec.Features
	tr, err := train.New(r.data, train.Config{Model: m, Method: spec.Method, LearningRate: spec.LearningRate, Steps: r.steps})
	if err != nil {
		return nil, err
	}
	spec.LearningRate = tr.Snapshot().Config.LearningRate
	for _, run := range r.runs {
		if run.Spec == spec {
			return nil, fmt.Errorf("race: the run %s is in the race already", run.Label)
		}
	}
	run := &Run{ID: r.next, Label: label(spec, m), Spec: spec, Trainer: tr}
	r.next++
	return run, nil
}

// Add makes a new idle run of spec, from zero weights, at the end of the
// race.
func (r *Race) Add(spec Spec) (*Run, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.runs) >= MaxRuns {
		return nil, fmt.Errorf("race: the race holds %d runs already", MaxRuns)
	}
	run, err := r.newRun(spec)
	if err != nil {
		return nil, err
	}
	r.runs = append(r.runs, run)
	return run, nil
}

// Runs returns the runs in the order they were made.
func (r *Race) Runs() []*Run {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]*Run(nil), r.runs...)
}

// Run returns the run with the given ID, or nil when the race has none.
func (r *Race) Run(id int) *Run {
	r.mu.Lock()
	defer r.mu.Unlock()
	i := r.find(id)
	if i < 0 {
		return nil
	}
	return r.runs[i]
}

// find returns the index of the run with the given ID, or -1. r.mu is held.
func (r *Race) find(id int) int {
	for i, run := range r.runs {
		if run.ID == id {
			return i
		}
	}
	return -1
}

// Model returns the model the runs fit, with the scaling the race was made
// with; each run's own features are in its Spec.
func (r *Race) Model() fit.Model { return r.model }

// Start starts every run, or resumes it when paused. Finished runs stay as
// they are.
func (r *Race) Start() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, run := range r.runs {
		run.Trainer.Start()
	}
}

// Pause pauses every running run.
func (r *Race) Pause() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, run := range r.runs {
		run.Trainer.Pause()
	}
}

// Stop ends every run's goroutine, keeping its weights, and returns once
// all have exited.
func (r *Race) Stop() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, run := range r.runs {
		run.Trainer.Stop()
	}
}

// Wait blocks until the goroutine of every run has ended, for example
// until every run has used up its budget.
func (r *Race) Wait() {
	for _, run := range r.Runs() {
		run.Trainer.Wait()
	}
}

// Restart sets the run's weights back to zero, forgets its progress and
// starts it again.
func (r *Race) Restart(id int) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	i := r.find(id)
	if i < 0 {
		return ErrNoRun
	}
	r.runs[i].Trainer.Reset()
	r.runs[i].Trainer.Start()
	return nil
}

// Drop stops a run and takes it out of the race.
func (r *Race) Drop(id int) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	i := r.find(id)
	if i < 0 {
		return ErrNoRun
	}
	r.runs[i].Trainer.Stop()
	r.runs = append(r.runs[:i:i], r.runs[i+1:]...)
	return nil
}

// SetPace sets every run's speed in steps per second; 0 means as fast as
// the processor goes.
func (r *Race) SetPace(stepsPerSecond float64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, run := range r.runs {
		run.Trainer.SetPace(stepsPerSecond)
	}
}

// SetBudget sets every run's total number of steps, and that of the runs
// added later.
func (r *Race) SetBudget(steps int) {
	if steps <= 0 {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.steps = steps
	for _, run := range r.runs {
		run.Trainer.SetBudget(steps)
	}
}

// SetData gives every run, and the runs added later, a new data set; each
// keeps its curve and goes on training if it was (see train.Trainer.SetData).
// Data that a run's model cannot fit is an error, and that run and the ones
// after it keep their old data.
func (r *Race) SetData(d *data.Dataset) error {
	if d == nil || d.Len() == 0 {
		return errors.New("race: no data")
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, run := range r.runs {
		if err := run.Trainer.SetData(d); err != nil {
			return err
		}
	}
	r.data = d
	return nil
}

// Summaries returns the summary of every run, in the order of Runs.
func (r *Race) Summaries() []Summary {
	runs := r.Runs()
	out := make([]Summary, len(runs))
	for i, run := range runs {
		out[i] = run.Summary()
	}
	return out
}
