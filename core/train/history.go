package train

import "math"

// LossPoint is the loss at one step.
type LossPoint struct {
	Step int
	Loss float64
}

// historySize is the most points a History keeps.
const historySize = 4096

// History is a bounded record of a run's losses: every step at first, then,
// each time it fills, every second point is dropped and only every second
// step is kept from then on. It is always enough to draw the whole curve.
type History struct {
	stride int
	next   int // the next step to record
	points []LossPoint
}

func newHistory() History {
	return History{stride: 1, points: make([]LossPoint, 0, historySize)}
}

// add records the loss of a step when the step falls on the stride.
func (h *History) add(step int, loss float64) {
	if step < h.next {
		return
	}
	if step%h.stride != 0 {
		h.next = (step/h.stride + 1) * h.stride
		return
	}
	h.next = step + h.stride
	if len(h.points) == historySize {
		h.stride *= 2
		kept := make([]LossPoint, 0, historySize)
		for _, p := range h.points {
			if p.Step%h.stride == 0 {
				kept = append(kept, p)
			}
		}
		h.points = kept
		if step%h.stride != 0 {
			h.next = (step/h.stride + 1) * h.stride
			return
		}
		h.next = step + h.stride
	}
	h.points = append(h.points, LossPoint{step, loss})
}

// Points returns the recorded points in step order. The slice is never
// written again (adding only writes past its end, and thinning makes a new
// one), so it may be handed to other goroutines without a copy.
func (h *History) Points() []LossPoint {
	return h.points[:len(h.points):len(h.points)]
}

// restore replaces the record with points, as read from a saved project.
func (h *History) restore(points []LossPoint) {
	*h = newHistory()
	for _, p := range points {
		h.add(p.Step, p.Loss)
	}
}

// truncate drops the points at step and after.
func (h *History) truncate(step int) {
	n := len(h.points)
	for n > 0 && h.points[n-1].Step >= step {
		n--
	}
	if n < len(h.points) {
		// Readers may hold the old slice: copy rather than overwrite it
		// by later appends.
		h.points = append(make([]LossPoint, 0, historySize), h.points[:n]...)
	}
	h.next = step
	if r := step % h.stride; r != 0 {
		h.next += h.stride - r
	}
}

// LossCurve returns the losses to draw for s: the recorded ones, then the
// loss at the current weights at s.Step when that step is not recorded
// yet, so that the curve ends where the run stands. After the exact
// solve, for one, the record holds only the loss before it.
func (s *Snapshot) LossCurve() []LossPoint {
	n := len(s.History)
	if s.Step == 0 || (n > 0 && s.History[n-1].Step >= s.Step) || math.IsNaN(s.Loss) || math.IsInf(s.Loss, 0) {
		return s.History
	}
	return append(s.History[:n:n], LossPoint{s.Step, s.Loss})
}
