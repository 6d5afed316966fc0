package session

import (
	"tempfit/core/data"
	"tempfit/core/fit"
)

// CompareJob compares the models of the current family on the training
// points: the polynomials of every degree, or the seasonal model with
// every number of harmonics and the current trend. Run does the work on
// any goroutine; it takes time in proportion to the rows and the models.
type CompareJob struct {
	data   *data.Dataset
	models []fit.Model

	// Result and Err are set by Run.
	Result fit.Comparison
	Err    error
}

// CompareModels returns a job that compares the models of the current
// family on the points that train, or nil when there are none.
func (s *Session) CompareModels() *CompareJob {
	if s.trainSet == nil {
		return nil
	}
	m, n := s.cfg.Model, s.trainSet.Len()
	var models []fit.Model
	if m.Kind == fit.Seasonal {
		models = fit.HarmonicCandidates(n, m, fit.MaxHarmonics)
	} else {
		models = fit.DegreeCandidates(n, m.Scaling)
	}
	return &CompareJob{data: s.trainSet, models: models}
}

// Run compares the models. It may be called on any goroutine, once.
func (j *CompareJob) Run() {
	j.Result, j.Err = fit.Compare(j.data, j.models, fit.CompareOptions{})
}
