package session

import (
	"errors"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/train"
)

// loadData makes the data set from the table's complete rows and splits
// it into the points that train and those held out.
func (s *Session) loadData() {
	s.data, s.dataErr = s.sheet.Dataset()
	if s.dataErr != nil {
		s.data = nil
	}
	s.split()
}

// useData makes d, which the sheet has just been given row for row, the
// data set: what loadData would build, without building it again.
func (s *Session) useData(d *data.Dataset) {
	s.data, s.dataErr = d, nil
	s.split()
}

// split applies the hold-out rule to the data set.
func (s *Session) split() {
	s.held, s.heldRows, s.trainSet, s.heldSet, s.splitErr = nil, nil, s.data, nil, nil
	if s.data == nil || s.hold.Kind == fit.HoldNone {
		return
	}
	mask := s.hold.Mask(s.data.X)
	trainSet, heldSet, err := fit.Split(s.data, mask)
	if err != nil {
		s.trainSet, s.splitErr = nil, err
		return
	}
	trainSet.XAxis = s.data.XAxis
	if heldSet != nil {
		heldSet.XAxis = s.data.XAxis
	}
	s.held, s.trainSet, s.heldSet = mask, trainSet, heldSet
	s.heldRows = make([]bool, s.sheet.Len())
	i := 0
	for r := range s.heldRows {
		if s.sheet.Complete(r) {
			s.heldRows[r] = mask[i]
			i++
		}
	}
}

// dataChanged passes edited rows on: to the trainer without stopping it,
// or to a new trainer when there is none.
func (s *Session) dataChanged() {
	s.loadData()
	if s.trainSet == nil || s.trainer == nil || s.building {
		s.rebuild()
		return
	}
	s.jobs.put(&Job{gen: s.gen, data: s.trainSet, held: s.heldSet, trainer: s.trainer})
}

// rebuild stops the trainer and asks for a new one for the current data
// and settings.
func (s *Session) rebuild() {
	if s.trainer != nil {
		s.trainer.Stop()
	}
	s.gen++
	if s.trainSet == nil {
		s.building = false
		s.trainErr = s.splitErr
		s.setTrainer(nil)
		return
	}
	s.building = true
	s.jobs.put(&Job{gen: s.gen, build: true, cfg: s.cfg, data: s.trainSet, held: s.heldSet})
}

// setTrainer makes tr the session's trainer, stopping the one before.
func (s *Session) setTrainer(tr *train.Trainer) {
	old := s.trainer
	s.trainer = tr
	if old != nil && old != tr {
		old.Stop()
	}
}

// UnderWay reports whether a run has been started and not finished, so
// that a change that resets it should ask first.
func (s *Session) UnderWay() bool {
	tr := s.trainer
	if tr == nil {
		return false
	}
	st := tr.Snapshot()
	return st.State == train.Running || st.State == train.Paused || (st.State == train.Stopped && st.Step > 0)
}

// Starting reports whether Start was pressed while the trainer was being
// made, so that it starts once ready.
func (s *Session) Starting() bool { return s.startSet }

// Start starts or resumes training; while the trainer is being made, it
// starts once ready.
func (s *Session) Start() {
	tr := s.ready()
	if tr == nil {
		s.startSet = s.building
		return
	}
	tr.Start()
	s.notify(Trainer)
}

// StartPause starts, pauses or resumes training, as the Start/Pause
// button does; while the trainer is being made, it toggles starting once
// ready.
func (s *Session) StartPause() {
	tr := s.ready()
	if tr == nil {
		s.startSet = s.building && !s.startSet
		return
	}
	if tr.Snapshot().State == train.Running {
		tr.Pause()
	} else {
		tr.Start()
	}
	s.notify(Trainer)
}

// Step takes one step while the run is not running.
func (s *Session) Step() {
	if tr := s.ready(); tr != nil {
		tr.Step()
		s.notify(Trainer)
	}
}

// Reset sets the weights back to zero, keeping the settings.
func (s *Session) Reset() {
	s.startSet = false
	if tr := s.ready(); tr != nil {
		tr.Reset()
		s.notify(Trainer)
	}
}

// Solve stops training and sets the weights to the exact least-squares
// solution, keeping the loss history.
func (s *Session) Solve() {
	if tr := s.ready(); tr != nil {
		tr.Solve()
		s.solved = tr
		s.notify(Trainer)
	}
}

// Notice is the most important thing to say about the session now.
type Notice int

// The notices, most important first.
const (
	NoticeNone            Notice = iota
	NoticeNoData                 // no row has both x and y
	NoticeCannotFit              // the model cannot be fitted: see Session.FitError
	NoticeSolved                 // the weights are the exact optimum, set by Solve
	NoticeDiverged               // the run diverged
	NoticeFailed                 // the run failed: see the snapshot's Err
	NoticeMinimum                // the optimizer reached the minimum before the budget
	NoticeAllSteps               // the whole budget was used
	NoticeUnderdetermined        // fewer points than parameters: the optimum is one of many
	NoticeRankDeficient          // dependent features: the optimum is one of many
	NoticeDependentTerms         // seasonal terms dependent at these x: the optimum is one of many
	NoticeRead                   // rows were skipped, or a file decoded, as ReadNote says
)

// FitError returns why the model cannot be fitted to the data, or nil.
func (s *Session) FitError() error {
	if s.splitErr != nil {
		return s.splitErr
	}
	return s.trainErr
}

// NoticeFor returns what to say about the session with snap the snapshot
// shown, which may be nil.
func (s *Session) NoticeFor(snap *train.Snapshot) Notice {
	switch {
	case s.dataErr != nil:
		return NoticeNoData
	case s.splitErr != nil:
		return NoticeCannotFit
	case s.trainErr != nil:
		return NoticeCannotFit
	case snap == nil:
		return NoticeNone
	case s.solved != nil && s.solved == s.trainer && snap.Stats.Gap <= 1e-9*max(snap.Stats.OptimumSSE, 1):
		return NoticeSolved
	}
	switch snap.State {
	case train.Diverged:
		return NoticeDiverged
	case train.Failed:
		return NoticeFailed
	case train.Done:
		if snap.Step < snap.Budget {
			return NoticeMinimum
		}
		return NoticeAllSteps
	}
	if snap.Problem != nil {
		switch w := snap.Problem.Warning(); {
		case errors.Is(w, fit.ErrUnderdetermined):
			return NoticeUnderdetermined
		case errors.Is(w, fit.ErrRankDeficient):
			return NoticeRankDeficient
		case errors.Is(w, fit.ErrDependentTerms):
			return NoticeDependentTerms
		}
	}
	if s.note.Missing > 0 || s.note.Encoding != "" {
		return NoticeRead
	}
	return NoticeNone
}
