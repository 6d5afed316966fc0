package session

import (
	"errors"
	"slices"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/race"
	"tempfit/core/train"
)

// Why the session ended a race by itself. Session.RaceEnded returns them.
var (
	// ErrRaceReplaced: another document, or rows replaced whole, took the
	// place of the points the race was run on.
	ErrRaceReplaced = errors.New("the race ended: another document replaced the points it was run on")
	// ErrRaceDataChanged: the points that train were edited. A race
	// compares how many steps each run took to come near the optimum of
	// its data, so runs that changed data midway would compare nothing.
	ErrRaceDataChanged = errors.New("the race ended: the points it was run on were edited")
)

// raceHolder is the session's race and what it was made of.
type raceHolder struct {
	race  *race.Race
	data  *data.Dataset // the points the race trains on
	steps int           // each run's budget
	ended error         // why the session ended the last race, or nil
}

// Race returns the document's race of optimizers, or nil when there is
// none.
func (s *Session) Race() *race.Race { return s.race.race }

// RaceEnded returns why the session ended the last race by itself
// (ErrRaceReplaced or ErrRaceDataChanged), or nil when the race is still
// on, was never made, or was dropped with DropRace.
func (s *Session) RaceEnded() error { return s.race.ended }

// NewRace replaces the race with one of the runs specs on the points that
// train (held-out points stay out) with the current model and step budget.
// No run is started. It reports Race.
func (s *Session) NewRace(specs []race.Spec) error {
	return s.newRace(s.cfg.Model, s.cfg.Steps, specs)
}

// NewRaceFromPreset replaces the race with the preset's runs, model and
// budget on the document's points that train, whatever they are: the
// book's preset races the book's degree-4 polynomial on the table shown.
// No run is started. It reports Race.
func (s *Session) NewRaceFromPreset(p race.Preset) error {
	return s.newRace(p.Model, p.Steps, p.Specs)
}

// newRace replaces the race with a new one of specs.
func (s *Session) newRace(m fit.Model, steps int, specs []race.Spec) error {
	if steps <= 0 {
		steps = train.DefaultSteps
	}
	d := s.trainSet
	if d == nil {
		if err := s.FitError(); err != nil {
			return err
		}
		return ErrNoFit
	}
	if _, err := s.CheckModel(m); err != nil {
		return err
	}
	r, err := race.New(d, m, steps, specs)
	if err != nil {
		return err
	}
	s.stopRace()
	r.SetPace(Pace(steps, s.Animated()))
	s.race = raceHolder{race: r, data: d, steps: steps}
	s.notify(Race)
	return nil
}

// DropRace stops every run of the race and forgets it. It reports Race
// when there was one.
func (s *Session) DropRace() {
	if s.race.race == nil {
		return
	}
	s.stopRace()
	s.race = raceHolder{}
	s.notify(Race)
}

// stopRace ends the race, if any, for good: its runs keep their results
// but none starts again.
func (s *Session) stopRace() {
	if r := s.race.race; r != nil {
		r.End()
	}
}

// raceFollows keeps the race in step with a change c about to be
// reported: it ends the race when the document was replaced or the
// points that train changed, and gives it the speed chosen. It returns
// Race when the race ended, for the views to follow.
func (s *Session) raceFollows(c Change) Change {
	h := &s.race
	if h.race == nil {
		return 0
	}
	var why error
	switch {
	case c&Table != 0:
		why = ErrRaceReplaced
	case c&(Rows|Settings) != 0 && !samePoints(h.data, s.trainSet):
		why = ErrRaceDataChanged
	}
	if why != nil {
		s.stopRace()
		s.race = raceHolder{ended: why}
		return Race
	}
	if c&Settings != 0 {
		h.race.SetPace(Pace(h.steps, s.Animated()))
	}
	return 0
}

// samePoints reports whether a and b hold the same points in the same
// order; a nil data set equals none.
func samePoints(a, b *data.Dataset) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a == b || slices.Equal(a.X, b.X) && slices.Equal(a.Y, b.Y)
}
