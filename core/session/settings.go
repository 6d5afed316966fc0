package session

import (
	"fmt"
	"math"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/optim"
)

// TooFewPointsError says that a model has more weights than the table has
// points.
type TooFewPointsError struct {
	Model      fit.Model
	Need, Have int // the weights of the model, the points of the table
}

// Error returns a message such as "degree 12 needs at least 13 points,
// and the table has 12".
func (e *TooFewPointsError) Error() string {
	if e.Model.Kind == fit.Seasonal {
		return fmt.Sprintf("%d harmonics need %d points, and the table has %d", e.Model.Harmonics, e.Need, e.Have)
	}
	return fmt.Sprintf("degree %d needs at least %d points, and the table has %d", e.Model.Degree, e.Need, e.Have)
}

// CheckModel tells whether model m can be fitted to the table: it is an
// error for m to have more weights than there are points, and interpolates
// is true when it has exactly as many, so that the curve passes through
// every point and predicts badly.
func (s *Session) CheckModel(m fit.Model) (interpolates bool, err error) {
	if err := m.Validate(); err != nil {
		return false, err
	}
	n := 0
	if s.trainSet != nil {
		n = s.trainSet.Len()
	}
	params := m.NumParams()
	switch {
	case n > 0 && params > n:
		return false, &TooFewPointsError{Model: m, Need: params, Have: n}
	case n > 0 && params == n:
		return true, nil
	}
	return false, nil
}

// SetModel switches to model m and optimizer k with new weights; a new
// optimizer starts with its default learning rate. It resets a run under
// way: ask first when UnderWay is true. A model CheckModel refuses is
// refused here too.
func (s *Session) SetModel(m fit.Model, k optim.Kind) error {
	if _, err := s.CheckModel(m); err != nil {
		return err
	}
	if _, err := optim.ParseKind(string(k)); err != nil {
		return err
	}
	if k != s.cfg.Method {
		s.cfg.LearningRate = optim.DefaultLearningRate(k)
	}
	s.cfg.Model, s.cfg.Method = m, k
	s.rebuild()
	s.notify(Settings | Trainer | File)
	return nil
}

// SetLearningRate sets the learning rate, also of a running trainer.
func (s *Session) SetLearningRate(lr float64) error {
	if !(lr > 0) || math.IsInf(lr, 0) {
		return fmt.Errorf("the learning rate %v must be a positive number", lr)
	}
	s.cfg.LearningRate = lr
	var err error
	if tr := s.trainer; tr != nil && optim.UsesLearningRate(s.cfg.Method) {
		err = tr.SetLearningRate(lr)
	}
	s.notify(Settings | File)
	return err
}

// SetSteps sets the step budget, also of a running trainer.
func (s *Session) SetSteps(n int) error {
	if n <= 0 {
		return fmt.Errorf("the number of steps %d must be above 0", n)
	}
	s.cfg.Steps = n
	if s.cfg.Pace > 0 {
		s.cfg.Pace = Pace(n, true)
	}
	if tr := s.trainer; tr != nil {
		tr.SetBudget(n)
		tr.SetPace(s.cfg.Pace)
	}
	s.notify(Settings | File)
	return nil
}

// Animated reports whether runs go at the animated speed.
func (s *Session) Animated() bool { return s.cfg.Pace > 0 }

// SetAnimated switches between the animated and the maximum speed.
func (s *Session) SetAnimated(on bool) {
	s.cfg.Pace = Pace(s.cfg.Steps, on)
	if tr := s.trainer; tr != nil {
		tr.SetPace(s.cfg.Pace)
	}
	s.notify(Settings | File)
}

// SetExtendTo draws the curves up to x; NaN means over the data's range.
func (s *Session) SetExtendTo(x float64) {
	if math.IsInf(x, 0) {
		x = math.NaN()
	}
	s.extendTo = x
	s.notify(Settings | File)
}

// HoldOut returns the rule that chooses the points held out of training.
func (s *Session) HoldOut() fit.HoldRule { return s.hold }

// SetHoldOut holds out of training the points rule chooses; the trainer
// goes on with the points left, keeping its weights, and measures every
// snapshot on the points held out.
func (s *Session) SetHoldOut(rule fit.HoldRule) error {
	if err := rule.Validate(); err != nil {
		return err
	}
	s.hold = rule
	s.dataChanged()
	s.notify(Settings | Trainer | File)
	return nil
}

// Held returns which points of Data are held out of training, or nil when
// none are.
func (s *Session) Held() []bool { return s.held }

// HeldData returns the points held out of training, or nil.
func (s *Session) HeldData() *data.Dataset { return s.heldSet }

// HeldRows returns which rows of the table are held out of training, or
// nil when none are. The slice is the session's: do not change it.
func (s *Session) HeldRows() []bool { return s.heldRows }
