package session

import (
	"sync"

	"tempfit/core/data"
	"tempfit/core/optim"
	"tempfit/core/train"
)

// Job is slow work on a trainer that the owner's goroutine should not
// wait for: making a trainer (train.New solves the problem exactly, in
// time proportional to the rows) or giving it edited rows. Run does the
// work on any goroutine; the owner then hands the job to FinishJob.
type Job struct {
	gen     uint64
	build   bool
	cfg     train.Config
	data    *data.Dataset  // the points that train
	held    *data.Dataset  // the points held out, or nil
	trainer *train.Trainer // the trainer to give the rows to, when !build

	made *train.Trainer // the trainer made
	err  error
}

// Run does the job's work. It may be called on any goroutine, once.
func (j *Job) Run() {
	if j.build {
		j.made, j.err = train.New(j.data, j.cfg)
		if j.err == nil {
			j.made.SetHeldOut(j.held)
		}
		return
	}
	if j.err = j.trainer.SetData(j.data); j.err == nil {
		j.trainer.SetHeldOut(j.held)
	}
}

// Discard undoes the work of a job that will not be finished: a trainer
// it made is stopped.
func (j *Job) Discard() {
	if j.made != nil {
		j.made.Stop()
	}
}

// jobQueue holds the latest job not yet taken. It is the one part of a
// session that other goroutines touch.
type jobQueue struct {
	mu    sync.Mutex
	next  *Job
	ready chan struct{} // receives a value when next is set
}

func newJobQueue() jobQueue {
	return jobQueue{ready: make(chan struct{}, 1)}
}

// put makes j the next job, replacing one not yet taken.
func (q *jobQueue) put(j *Job) {
	q.mu.Lock()
	q.next = j
	q.mu.Unlock()
	select {
	case q.ready <- struct{}{}:
	default:
	}
}

// take returns the next job and forgets it, or returns nil.
func (q *jobQueue) take() *Job {
	q.mu.Lock()
	defer q.mu.Unlock()
	j := q.next
	q.next = nil
	return j
}

// TakeJob returns the latest job not yet taken, or nil. It may be called
// on any goroutine.
func (s *Session) TakeJob() *Job { return s.jobs.take() }

// Jobs returns a channel that receives a value when a job is waiting.
// It may be read on any goroutine.
func (s *Session) Jobs() <-chan struct{} { return s.jobs.ready }

// Sync runs the waiting job, if any, on the owner's goroutine and finishes
// it. It is how the CLI and tests wait for a trainer.
func (s *Session) Sync() {
	if j := s.TakeJob(); j != nil {
		j.Run()
		s.FinishJob(j)
	}
}

// FinishJob takes in the result of a job that has run: it installs a
// trainer made, unless a newer one was asked for since, and reports what
// a data swap found.
func (s *Session) FinishJob(j *Job) {
	if s.closed || j.gen != s.gen {
		j.Discard()
		return
	}
	if !j.build {
		s.trainErr = j.err
		s.notify(Trainer)
		return
	}
	s.building = false
	s.trainErr = j.err
	if j.err != nil {
		s.setTrainer(nil)
		s.notify(Trainer)
		return
	}
	tr := j.made
	// The settings may have changed while it was made.
	if optim.UsesLearningRate(s.cfg.Method) && s.cfg.LearningRate > 0 {
		_ = tr.SetLearningRate(s.cfg.LearningRate)
	}
	tr.SetBudget(s.cfg.Steps)
	tr.SetPace(s.cfg.Pace)
	s.setTrainer(tr)
	if s.startSet {
		s.startSet = false
		tr.Start()
	}
	s.notify(Trainer)
}
