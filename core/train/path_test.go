package train

import (
	"slices"
	"testing"

	"tempfit/core/fit"
	"tempfit/core/optim"
)

// pathWeights are the weights recorded for a step in the path tests: each
// weight tells the step it belongs to.
func pathWeights(step int) []float64 {
	return []float64{float64(step), -float64(step), 0.5 * float64(step)}
}

func TestPathThins(t *testing.T) {
	p := newPath()
	for step := range 100000 {
		p.add(step, pathWeights(step))
	}
	pts := p.Points()
	if len(pts) > pathSize || len(pts) < pathSize/2 {
		t.Fatalf("%d points kept, want %d..%d", len(pts), pathSize/2, pathSize)
	}
	if pts[0].Step != 0 || pts[len(pts)-1].Step < 100000-2*p.stride {
		t.Errorf("points cover steps %d..%d", pts[0].Step, pts[len(pts)-1].Step)
	}
	for i, pt := range pts {
		if i > 0 && pt.Step-pts[i-1].Step != p.stride {
			t.Fatalf("uneven spacing at %d: %d then %d", i, pts[i-1].Step, pt.Step)
		}
		if !slices.Equal(pt.Weights, pathWeights(pt.Step)) {
			t.Fatalf("point %d at step %d holds %v", i, pt.Step, pt.Weights)
		}
	}
}

func TestPathPointsStayAsHanded(t *testing.T) {
	p := newPath()
	for step := range pathSize {
		p.add(step, pathWeights(step))
	}
	held := p.Points()
	kept := make([]PathPoint, len(held))
	for i, pt := range held {
		kept[i] = PathPoint{pt.Step, slices.Clone(pt.Weights)}
	}
	// Thinning, more points and a truncation must not write what a reader
	// holds.
	for step := pathSize; step < 3*pathSize; step++ {
		p.add(step, pathWeights(step))
	}
	p.truncate(2 * pathSize)
	for step := 2 * pathSize; step < 4*pathSize; step++ {
		p.add(step, pathWeights(step))
	}
	for i, pt := range held {
		if pt.Step != kept[i].Step || !slices.Equal(pt.Weights, kept[i].Weights) {
			t.Fatalf("held point %d changed from %v to %v", i, kept[i], pt)
		}
	}
}

func TestPathTruncate(t *testing.T) {
	p := newPath()
	for step := range 5000 {
		p.add(step, pathWeights(step))
	}
	p.truncate(3001)
	pts := p.Points()
	if last := pts[len(pts)-1].Step; last > 3000 {
		t.Fatalf("after truncate(3001) the path ends at step %d", last)
	}
	// Recording goes on from the truncated step on the same stride.
	for step := 3001; step < 3100; step++ {
		p.add(step, pathWeights(step))
	}
	pts = p.Points()
	for i := 1; i < len(pts); i++ {
		if pts[i].Step-pts[i-1].Step != p.stride {
			t.Fatalf("uneven spacing at %d: %d then %d", i, pts[i-1].Step, pts[i].Step)
		}
	}
	if last := pts[len(pts)-1].Step; last < 3100-p.stride {
		t.Errorf("the path ends at %d after steps up to 3099", last)
	}
}

// The snapshot's path holds the weights the run had at each recorded step,
// as a second run taken to that step shows.
func TestTrainerPath(t *testing.T) {
	m := fit.BookModel()
	m.Scaling = fit.Scaled
	cfg := Config{Model: m, Method: optim.Adam, LearningRate: 0.05}
	tr := newTrainer(t, cfg)
	tr.Advance(300)
	s := tr.Snapshot()
	if len(s.Path) != 300 || s.Path[0].Step != 0 || s.Path[299].Step != 299 {
		t.Fatalf("path has %d points, want steps 0..299", len(s.Path))
	}
	if !slices.Equal(s.Path[0].Weights, make([]float64, 5)) {
		t.Errorf("the path starts at %v, not at zero weights", s.Path[0].Weights)
	}
	replay := newTrainer(t, cfg)
	for _, step := range []int{1, 17, 299} {
		replay.Advance(step - replay.Snapshot().Step)
		if got, want := s.Path[step].Weights, replay.Snapshot().Weights; !slices.Equal(got, want) {
			t.Errorf("path at step %d is %v, the run had %v", step, got, want)
		}
	}

	tr.Reset()
	if n := len(tr.Snapshot().Path); n != 0 {
		t.Errorf("%d path points after Reset", n)
	}
}

func TestTrainerPathAfterDivergence(t *testing.T) {
	tr := newTrainer(t, Config{Model: fit.BookModel(), Method: optim.GradientDescent, LearningRate: 1e-8, Steps: 10000})
	tr.Advance(10000)
	s := tr.Snapshot()
	if s.State != Diverged {
		t.Fatalf("state %v, want diverged", s.State)
	}
	if n := len(s.Path); n > 0 && s.Path[n-1].Step >= s.Step {
		t.Errorf("path ends at step %d, the run at %d", s.Path[n-1].Step, s.Step)
	}
}
