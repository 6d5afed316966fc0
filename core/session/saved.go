package session

import (
	"math"

	"tempfit/core/fit"
	"tempfit/core/optim"
)

// settingsKey is what of the settings a project saves, in a form that
// compares with ==.
type settingsKey struct {
	model    fit.Model
	method   optim.Kind
	rate     float64
	steps    int
	animated bool
	extendTo uint64 // the bits of the x the curve is drawn to
	hold     fit.HoldRule
}

// savedState is what was last saved or opened, to tell whether there are
// unsaved changes.
type savedState struct {
	settings settingsKey
	step     int
}

// settingsKey returns the current settings.
func (s *Session) settingsKey() settingsKey {
	return settingsKey{
		model:    s.cfg.Model,
		method:   s.cfg.Method,
		rate:     s.cfg.LearningRate,
		steps:    s.cfg.Steps,
		animated: s.cfg.Pace > 0,
		extendTo: math.Float64bits(s.extendTo),
		hold:     s.hold,
	}
}

// step returns the number of steps the current run has taken.
func (s *Session) step() int {
	if s.trainer != nil {
		return s.trainer.Snapshot().Step
	}
	return 0
}

// Unsaved reports whether there are changes that were not saved: edits
// to the table or the settings, work restored from an autosave, or, in a
// project, training since it was saved. Training a data file's rows
// changes nothing saved.
func (s *Session) Unsaved() bool {
	switch {
	case s.sheet.Dirty(), s.restored:
		return true
	case s.settingsKey() != s.saved.settings:
		return true
	}
	return s.projectPath != "" && s.step() != s.saved.step
}

// markSaved records the current state as saved.
func (s *Session) markSaved() { s.markSavedAt(s.step()) }

// markSavedAt records the current state as saved, with the run at step.
func (s *Session) markSavedAt(step int) {
	s.sheet.MarkSaved()
	s.saved = savedState{settings: s.settingsKey(), step: step}
	s.restored = false
}
