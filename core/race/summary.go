package race

import (
	"math"
	"time"

	"tempfit/core/train"
)

// Summary is where a run of a race stands: the line of the race's table.
type Summary struct {
	ID    int
	Label string
	State train.State
	Err   error // why the run diverged or failed

	Step, Budget int
	Loss         float64 // SSE at the current weights
	BestLoss     float64 // the lowest SSE seen
	OptimumSSE   float64 // the run's exact optimum; raw and scaled features share it
	GapPercent   float64 // (Loss − OptimumSSE) as a percentage of OptimumSSE; NaN for an exact fit

	// The steps the run needed to come within 1% and within 0.1% of its
	// optimum, or -1 while it has not (see StepsWithin).
	StepsWithin1Pct, StepsWithinTenthPct int

	Elapsed        time.Duration // wall time spent running
	StepsPerSecond float64
}

// Summary returns the run's summary from its latest snapshot.
func (r *Run) Summary() Summary {
	s := r.Trainer.Snapshot()
	return Summary{
		ID:                  r.ID,
		Label:               r.Label,
		State:               s.State,
		Err:                 s.Err,
		Step:                s.Step,
		Budget:              s.Budget,
		Loss:                s.Loss,
		BestLoss:            s.BestLoss,
		OptimumSSE:          s.Stats.OptimumSSE,
		GapPercent:          s.Stats.GapPercent,
		StepsWithin1Pct:     StepsWithin(s, 0.01),
		StepsWithinTenthPct: StepsWithin(s, 0.001),
		Elapsed:             s.Elapsed,
		StepsPerSecond:      s.StepsPerSecond,
	}
}

// StepsWithin returns the first step at which the run of s had a loss within
// the fraction gap of its exact optimum (0.01 for 1%), or -1 if it has had
// none. The step is found in the snapshot's loss history and its current
// loss, so it is exact while the history keeps every step (the first 4,096)
// and the first recorded step after that. An exact fit, whose optimum SSE is
// zero, has no percentage gap and gives -1.
func StepsWithin(s *train.Snapshot, gap float64) int {
	if math.IsNaN(s.Stats.GapPercent) {
		return -1
	}
	limit := s.Stats.OptimumSSE * (1 + gap)
	for _, p := range s.History {
		if p.Loss <= limit {
			return p.Step
		}
	}
	if s.Loss <= limit {
		return s.Step
	}
	return -1
}
