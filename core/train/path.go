package train

// PathPoint is the weights of a run at one step.
type PathPoint struct {
	Step    int
	Weights []float64 // in the model's own features; never written again
}

// pathSize is the most points a Path keeps.
const pathSize = 2048

// Path is a bounded record of the weights a run went through, thinned like
// History: every step at first, then, each time it fills, every second point
// is dropped and only every second step is kept from then on. It is always
// enough to draw the whole path.
type Path struct {
	stride int
	next   int // the next step to record
	points []PathPoint
	store  []float64 // the points' weights, back to back
}

func newPath() Path {
	return Path{stride: 1}
}

// add records the weights w of a step when the step falls on the stride.
func (p *Path) add(step int, w []float64) {
	if step < p.next {
		return
	}
	if step%p.stride != 0 {
		p.next = (step/p.stride + 1) * p.stride
		return
	}
	if len(p.points) == pathSize {
		p.stride *= 2
		p.keep(func(pt PathPoint) bool { return pt.Step%p.stride == 0 })
		if step%p.stride != 0 {
			p.next = (step/p.stride + 1) * p.stride
			return
		}
	}
	p.next = step + p.stride
	p.append(step, w)
}

// append adds a point, copying w into the store.
func (p *Path) append(step int, w []float64) {
	if p.store == nil {
		p.points = make([]PathPoint, 0, pathSize)
		p.store = make([]float64, 0, pathSize*len(w))
	}
	n := len(p.store)
	p.store = append(p.store, w...)
	p.points = append(p.points, PathPoint{Step: step, Weights: p.store[n:len(p.store):len(p.store)]})
}

// keep replaces the record with the points for which ok is true. Readers
// may hold the old slices, so it writes new ones.
func (p *Path) keep(ok func(PathPoint) bool) {
	old := p.points
	p.points, p.store = nil, nil
	for _, pt := range old {
		if ok(pt) {
			p.append(pt.Step, pt.Weights)
		}
	}
}

// Points returns the recorded points in step order. The slice and the
// weights in it are never written again, so they may be handed to other
// goroutines without a copy.
func (p *Path) Points() []PathPoint {
	return p.points[:len(p.points):len(p.points)]
}

// truncate drops the points at step and after.
func (p *Path) truncate(step int) {
	n := len(p.points)
	for n > 0 && p.points[n-1].Step >= step {
		n--
	}
	if n < len(p.points) {
		p.keep(func(pt PathPoint) bool { return pt.Step < step })
	}
	p.next = step
	if r := step % p.stride; r != 0 {
		p.next += p.stride - r
	}
}
