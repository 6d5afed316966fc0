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

// Run is one run of a race. Its fields do not change once it is made. Its
// trainer gives its snapshots; start, pause and stop it through the race
// (StartRun, PauseRun, StopRun), which leaves alone a run that has left
// the race, or a race that has ended, where its trainer would not.
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
	next  int  // the ID of the next run made
	ended bool // End was called: no run starts again
}

// ErrNoRun is the error for a run ID that is not in the race.
var ErrNoRun = errors.New("race: no such run")

// ErrEnded is the error for starting or adding a run after End.
var ErrEnded = errors.New("race: the race has ended")

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
	if r.ended {
		return nil, ErrEnded
	}
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

// Start starts every run, or resumes it when paused. Finished runs, and
// every run once the race has ended, stay as they are.
func (r *Race) Start() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.ended {
		return
	}
	for _, run := range r.runs {
		run.Trainer.Start()
	}
}

// StartRun starts the run with the id, or resumes it when paused. It is
// an error for the run not to be in the race, or for the race to have
// ended.
func (r *Race) StartRun(id int) error {
	return r.withRun(id, func(run *Run) error {
		if r.ended {
			return ErrEnded
		}
		run.Trainer.Start()
		return nil
	})
}

// PauseRun pauses the run with the id; it is an error for the run not to
// be in the race.
func (r *Race) PauseRun(id int) error {
	return r.withRun(id, func(run *Run) error { run.Trainer.Pause(); return nil })
}

// StopRun ends the goroutine of the run with the id, keeping its weights;
// it is an error for the run not to be in the race.
func (r *Race) StopRun(id int) error {
	return r.withRun(id, func(run *Run) error { run.Trainer.Stop(); return nil })
}

// withRun calls do with the run with the id while r.mu is held, or
// returns ErrNoRun.
func (r *Race) withRun(id int, do func(*Run) error) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	i := r.find(id)
	if i < 0 {
		return ErrNoRun
	}
	return do(r.runs[i])
}

// End stops every run for good: the runs keep their weights and
// summaries, but none starts again, and no run can be added.
func (r *Race) End() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ended = true
	for _, run := range r.runs {
		run.Trainer.Stop()
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
	if r.ended {
		return ErrEnded
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
