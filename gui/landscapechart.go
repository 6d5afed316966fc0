package gui

import (
	"image"

	"tempfit/chart"
	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/landscape"
	"tempfit/core/train"
)

// landscapeDrawing is what the bridge needs to draw the Landscape tab.
type landscapeDrawing struct {
	i, j   int // the weights on the axes; out of range means the model's last two
	hold   landscape.Hold
	labels chart.LandscapeLabels
	size   pixelSize
}

// landscapeFrame is the Landscape tab's part of a frame, drawn from the
// main trainer's snapshot.
type landscapeFrame struct {
	snap    *train.Snapshot
	m       *landscape.Map // nil when none could be made: see err
	err     error
	img     image.Image // nil when it could not be drawn
	cond    landscape.Conditioning
	condErr error
}

// conditionCache keeps the conditioning of the last data set and model
// it was asked for: it costs an SVD over all the rows, and frames ask for
// it again and again. It is used by one goroutine at a time.
type conditionCache struct {
	data  *data.Dataset
	model fit.Model
	cond  landscape.Conditioning
	err   error
	made  bool
}

// get returns the conditioning of model m on d, computing it only when
// either changed. The scaling of m is left out of the key: the
// conditioning holds both.
func (c *conditionCache) get(d *data.Dataset, m fit.Model) (landscape.Conditioning, error) {
	key := m
	key.Scaling = ""
	if !c.made || c.data != d || c.model != key {
		c.data, c.model, c.made = d, key, true
		c.cond, c.err = landscape.Conditions(d, m)
	}
	return c.cond, c.err
}

// drawLandscape draws the landscape of the snapshot's problem around its
// path, and finds the problem's conditioning in the cache. It runs on
// the bridge's goroutine and reads only its arguments and the cache.
func drawLandscape(d *landscapeDrawing, s *train.Snapshot, conds *conditionCache) *landscapeFrame {
	f := &landscapeFrame{snap: s}
	if s == nil || s.Problem == nil {
		return f
	}
	f.cond, f.condErr = conds.get(s.Problem.Data, s.Config.Model)
	i, j := landscapeAxes(d.i, d.j, s.Problem.NumParams())
	f.m, f.err = landscape.FromSnapshot(s, landscape.Options{I: i, J: j, Hold: d.hold})
	if f.err != nil {
		return f
	}
	p, err := chart.LandscapePlot(chart.Landscape{Map: f.m, Labels: d.labels})
	if err != nil {
		f.err = err
		return f
	}
	f.img = render(p, d.size)
	return f
}

// landscapeAxes returns weights i and j when a model of params weights
// has both and they differ, or else the ones a map shows by default.
func landscapeAxes(i, j, params int) (int, int) {
	if i < 0 || j < 0 || i >= params || j >= params || i == j {
		return landscape.DefaultAxes(params)
	}
	return i, j
}
