// Package landscape computes the loss of a least-squares problem over a
// grid of two of its weights, the others held fixed, to be drawn as
// contours with the optimizer's path over them; and the condition number
// that says how stretched that landscape is on raw and on scaled x.
//
// The loss is read off the problem's quadratic form, so a grid costs
// O(p²) per point whatever the number of rows, and is computed in the
// run's own features (raw or scaled).
package landscape

import (
	"errors"
	"fmt"
	"math"

	"tempfit/core/fit"
	"tempfit/core/train"
)

// Hold says where the weights that are not on the map are held.
type Hold int

// Where the other weights are held.
const (
	AtOptimum Hold = iota // at their exact least-squares values
	AtCurrent             // at the run's current values
)

// Window is the part of the plane of the two weights that a map covers:
// XMin to XMax of the first weight, YMin to YMax of the second.
type Window struct {
	XMin, XMax, YMin, YMax float64
}

// empty reports whether w covers no area.
func (w Window) empty() bool { return !(w.XMax > w.XMin) || !(w.YMax > w.YMin) }

// Options says which map to compute.
type Options struct {
	I, J       int    // the weights on the x and y axes, counting from 0 (w0, w1, …)
	Hold       Hold   // where the other weights are held
	Window     Window // the part of the plane shown; the zero Window means one around the lowest point that holds the path
	Cols, Rows int    // grid points across and up; 0 means DefaultGrid
	Levels     int    // number of contour levels; 0 means DefaultLevels
}

// Defaults of Options.
const (
	DefaultGrid   = 100
	DefaultLevels = 10
)

// DefaultAxes returns the weights a map shows unless told otherwise: the
// last two, which for the book's degree-4 polynomial are w3 and w4.
func DefaultAxes(numParams int) (i, j int) {
	return numParams - 2, numParams - 1
}

// Map is the loss over a grid of two weights, with the run's path. It is
// not changed once made.
type Map struct {
	I, J   int
	Hold   Hold
	Base   []float64 // every weight; the ones other than I and J are held at these values
	Window Window
	X, Y   []float64 // the grid's values of weight I (columns) and weight J (rows), ascending
	Loss   []float64 // the SSE at (X[c], Y[r]) is Loss[r*len(X)+c]

	// Levels are the contour levels of the SSE, ascending: MinLoss plus
	// rises spaced evenly on a log scale over the grid's range, at most
	// half a decade apart, and none so small that its contour would be
	// narrower than two grid cells.
	Levels []float64

	// MinX, MinY is the lowest point of the loss on this plane, and
	// MinLoss the loss there; with the others held at the optimum it is
	// the optimum itself.
	MinX, MinY, MinLoss float64
	// OptX, OptY are the exact optimum's values of weights I and J.
	OptX, OptY float64

	// PathX and PathY are weights I and J at each recorded step of the
	// run's path and, last, at its current weights.
	PathX, PathY []float64
}

// FromSnapshot returns the map of a run's snapshot: its problem, current
// weights and path.
func FromSnapshot(s *train.Snapshot, o Options) (*Map, error) {
	return New(s.Problem, s.Weights, s.Path, o)
}

// New returns the map of problem pr for a run whose weights are current and
// whose path is path.
func New(pr *fit.Problem, current []float64, path []train.PathPoint, o Options) (*Map, error) {
	p := pr.NumParams()
	switch {
	case p < 2:
		return nil, fmt.Errorf("landscape: the model has %d weight, and a map needs two", p)
	case o.I < 0 || o.I >= p || o.J < 0 || o.J >= p:
		return nil, fmt.Errorf("landscape: weights w%d and w%d: the model has w0 to w%d", o.I, o.J, p-1)
	case o.I == o.J:
		return nil, fmt.Errorf("landscape: w%d on both axes: choose two different weights", o.I)
	case len(current) != p:
		return nil, fmt.Errorf("landscape: %d current weights for a model of %d", len(current), p)
	case o.Cols < 0 || o.Rows < 0 || o.Levels < 0:
		return nil, errors.New("landscape: negative grid size or number of levels")
	}
	cols, rows, levels := or(o.Cols, DefaultGrid), or(o.Rows, DefaultGrid), or(o.Levels, DefaultLevels)
	if cols < 2 || rows < 2 {
		return nil, fmt.Errorf("landscape: a %d×%d grid is too small", cols, rows)
	}

	opt := pr.Optimum()
	m := &Map{I: o.I, J: o.J, Hold: o.Hold, OptX: opt[o.I], OptY: opt[o.J]}
	switch o.Hold {
	case AtOptimum:
		m.Base = opt
	case AtCurrent:
		m.Base = append([]float64(nil), current...)
	default:
		return nil, fmt.Errorf("landscape: unknown hold %d", o.Hold)
	}
	for _, pt := range path {
		m.PathX = append(m.PathX, pt.Weights[o.I])
		m.PathY = append(m.PathY, pt.Weights[o.J])
	}
	m.PathX = append(m.PathX, current[o.I])
	m.PathY = append(m.PathY, current[o.J])

	pl := newPlane(pr, m.Base, o.I, o.J)
	m.MinX, m.MinY = m.Base[o.I], m.Base[o.J]
	da, db, unique := pl.minimum()
	if unique {
		m.MinX += da
		m.MinY += db
	}
	m.Window = o.Window
	if m.Window.empty() {
		m.Window = defaultWindow(pl, m, pr.OptimumSSE())
	}
	m.fill(pr, cols, rows)
	lowest := m.lowest()
	if unique {
		m.MinLoss = m.at(pr, m.MinX, m.MinY)
		dx, dy := m.X[1]-m.X[0], m.Y[1]-m.Y[0]
		lowest = math.Max(lowest, m.MinLoss+pl.smallestRise(dx, dy))
	} else {
		m.MinLoss = lowest
	}
	m.Levels = logLevels(m.MinLoss, lowest, m.highest(), levels)
	return m, nil
}

// or returns v, or def when v is zero.
func or(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}

// fill computes the grid of cols×rows points over the window.
func (m *Map) fill(pr *fit.Problem, cols, rows int) {
	m.X = spaced(m.Window.XMin, m.Window.XMax, cols)
	m.Y = spaced(m.Window.YMin, m.Window.YMax, rows)
	m.Loss = make([]float64, cols*rows)
	w := append([]float64(nil), m.Base...)
	for r, y := range m.Y {
		w[m.J] = y
		for c, x := range m.X {
			w[m.I] = x
			m.Loss[r*cols+c] = pr.QuickLoss(w)
		}
	}
}

// at returns the loss at (x, y) on the map's plane.
func (m *Map) at(pr *fit.Problem, x, y float64) float64 {
	w := append([]float64(nil), m.Base...)
	w[m.I], w[m.J] = x, y
	return pr.QuickLoss(w)
}

// lowest and highest return the extremes of the finite losses on the grid.
func (m *Map) lowest() float64 {
	v := math.Inf(1)
	for _, l := range m.Loss {
		if !math.IsNaN(l) {
			v = math.Min(v, l)
		}
	}
	return v
}

func (m *Map) highest() float64 {
	v := math.Inf(-1)
	for _, l := range m.Loss {
		if !math.IsInf(l, 1) && !math.IsNaN(l) {
			v = math.Max(v, l)
		}
	}
	return v
}

// spaced returns n values evenly spaced from lo to hi.
func spaced(lo, hi float64, n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = lo + (hi-lo)*float64(i)/float64(n-1)
	}
	v[n-1] = hi
	return v
}
