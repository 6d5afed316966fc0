package session

import (
	"fmt"
	"math"

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
	if s.data != nil {
		n = s.data.Len()
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
