package main

import (
	"io"

	"tempfit/core/data"
	"tempfit/core/session"
	"tempfit/core/train"
)

// outputInfo says what --out wrote.
type outputInfo struct {
	File     string  `json:"file"`
	Grid     string  `json:"grid,omitempty"`
	Points   int     `json:"points"`
	Interval string  `json:"interval,omitempty"`
	Level    float64 `json:"level,omitempty"`
}

// writeOutput writes the predictions of s to path: on the job's grid, with
// the plan's interval, or else at every point of d, held out or not, with
// its observed value and residual.
func writeOutput(path string, s *train.Snapshot, d *data.Dataset, job *fitJob, p *fitPlan) (*outputInfo, error) {
	if job.grid != nil {
		info := &outputInfo{File: path, Grid: p.grid.String(), Points: len(job.grid)}
		if p.interval != session.NoInterval {
			info.Interval, info.Level = string(p.interval), p.level
		}
		return info, session.WriteGridPredictions(path, s, job.grid, p.interval, p.level)
	}
	predicted := s.Problem.Predict(s.Weights, d.X)
	err := data.WriteFileAtomic(path, 0o644, func(w io.Writer) error {
		return data.WritePredictions(w, d, predicted)
	})
	return &outputInfo{File: path, Points: d.Len()}, err
}
