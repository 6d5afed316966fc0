package project

import (
	"fmt"
	"time"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/optim"
	"tempfit/core/train"
)

// wireProject is the JSON form of a Project.
type wireProject struct {
	Format         string               `json:"format"`
	Version        int                  `json:"version"`
	Data           wireData             `json:"data"`
	Source         string               `json:"source"`
	Model          wireModel            `json:"model"`
	Optimizer      string               `json:"optimizer"`
	LearningRate   float64              `json:"learning_rate"`
	Steps          int                  `json:"steps"`
	Speed          string               `json:"speed"`
	XMax           float64              `json:"x_max"`
	HoldOut        *wireHoldOut         `json:"hold_out,omitempty"`
	Weights        []float64            `json:"weights"`
	Step           int                  `json:"step"`
	History        []wirePoint          `json:"history"`
	OptimizerState map[string][]float64 `json:"optimizer_state"`
}

type wireData struct {
	XName string    `json:"x_name"`
	YName string    `json:"y_name"`
	XAxis *wireAxis `json:"x_axis,omitempty"`
	X     []float64 `json:"x"`
	Y     []float64 `json:"y"`
}

// wireAxis is the JSON form of a data.XAxis other than plain numbers.
type wireAxis struct {
	Kind   string `json:"kind"`
	Origin string `json:"origin,omitempty"` // RFC 3339, UTC
	Layout string `json:"layout"`
	Offset int    `json:"offset"`
}

// axisToWire returns the JSON form of a, nil for plain numbers.
func axisToWire(a data.XAxis) *wireAxis {
	if a == (data.XAxis{}) {
		return nil
	}
	w := &wireAxis{Kind: a.Kind.String(), Layout: a.Layout, Offset: a.Offset}
	if !a.Origin.IsZero() {
		w.Origin = a.Origin.UTC().Format(time.RFC3339)
	}
	return w
}

// axisFromWire returns the axis w describes, unchecked but for its kind
// and the form of its origin.
func axisFromWire(w *wireAxis) (data.XAxis, error) {
	if w == nil {
		return data.XAxis{}, nil
	}
	kind, err := data.ParseXKind(w.Kind)
	if err != nil {
		return data.XAxis{}, err
	}
	a := data.XAxis{Kind: kind, Layout: w.Layout, Offset: w.Offset}
	if w.Origin != "" {
		t, err := time.Parse(time.RFC3339, w.Origin)
		if err != nil {
			return data.XAxis{}, fmt.Errorf("the x axis origin %q is not a time such as 2012-01-01T00:00:00Z", w.Origin)
		}
		a.Origin = t.UTC()
	}
	return a, nil
}

type wireModel struct {
	Kind      string  `json:"kind"`
	Degree    int     `json:"degree"`
	Harmonics int     `json:"harmonics"`
	Period    float64 `json:"period"`
	Trend     int     `json:"trend,omitempty"`
	Scaling   string  `json:"scaling"`
}

// wireHoldOut is the JSON form of a hold-out rule other than none.
type wireHoldOut struct {
	Kind     string  `json:"kind"`
	Fraction float64 `json:"fraction,omitempty"`
	Span     float64 `json:"span,omitempty"`
	Seed     uint64  `json:"seed,omitempty"`
}

type wirePoint struct {
	Step int     `json:"step"`
	Loss float64 `json:"loss"`
}

// toWire returns the JSON form of p. Empty lists are written as [] rather
// than null.
func toWire(p *Project) *wireProject {
	wp := &wireProject{
		Format:  formatMarker,
		Version: 1,
		Data: wireData{
			XName: p.Data.XName,
			YName: p.Data.YName,
			XAxis: axisToWire(p.Data.XAxis),
			X:     list(p.Data.X),
			Y:     list(p.Data.Y),
		},
		Source: p.Source,
		Model: wireModel{
			Kind:      string(p.Model.Kind),
			Degree:    p.Model.Degree,
			Harmonics: p.Model.Harmonics,
			Period:    p.Model.Period,
			Trend:     p.Model.Trend,
			Scaling:   string(p.Model.Scaling),
		},
		Optimizer:      string(p.Optimizer),
		LearningRate:   p.LearningRate,
		Steps:          p.Steps,
		Speed:          p.Speed,
		XMax:           p.XMax,
		Weights:        list(p.Weights),
		Step:           p.Step,
		History:        make([]wirePoint, len(p.History)),
		OptimizerState: make(map[string][]float64, len(p.OptimizerState)),
	}
	if h := p.HoldOut; h.Kind != fit.HoldNone {
		wp.HoldOut = &wireHoldOut{Kind: string(h.Kind), Fraction: h.Fraction, Span: h.Span, Seed: h.Seed}
	}
	if wp.Data.XAxis != nil || wp.Model.Trend != 0 || wp.HoldOut != nil {
		wp.Version = 2
	}
	for i, pt := range p.History {
		wp.History[i] = wirePoint{pt.Step, pt.Loss}
	}
	for k, v := range p.OptimizerState {
		wp.OptimizerState[k] = list(v)
	}
	return wp
}

// fromWire returns the Project wp describes, unchecked but for the kind
// of its x axis. The project takes wp's slices, which are its own, and
// empty ones are nil.
func fromWire(wp *wireProject) (*Project, error) {
	axis, err := axisFromWire(wp.Data.XAxis)
	if err != nil {
		return nil, err
	}
	p := &Project{
		Version: wp.Version,
		Source:  wp.Source,
		Model: fit.Model{
			Kind:      fit.Kind(wp.Model.Kind),
			Degree:    wp.Model.Degree,
			Harmonics: wp.Model.Harmonics,
			Period:    wp.Model.Period,
			Scaling:   fit.Scaling(wp.Model.Scaling),
		},
		Optimizer:    optim.Kind(wp.Optimizer),
		LearningRate: wp.LearningRate,
		Steps:        wp.Steps,
		Speed:        wp.Speed,
		XMax:         wp.XMax,
		Weights:      nilIfEmpty(wp.Weights),
		Step:         wp.Step,
	}
	p.Data.XName, p.Data.YName = wp.Data.XName, wp.Data.YName
	p.Data.X, p.Data.Y = nilIfEmpty(wp.Data.X), nilIfEmpty(wp.Data.Y)
	p.Data.XAxis = axis
	if wp.Version >= 2 {
		p.Model.Trend = wp.Model.Trend
		if h := wp.HoldOut; h != nil {
			p.HoldOut = fit.HoldRule{Kind: fit.HoldKind(h.Kind), Fraction: h.Fraction, Span: h.Span, Seed: h.Seed}
		}
	}
	if len(wp.History) > 0 {
		p.History = make([]train.LossPoint, len(wp.History))
		for i, pt := range wp.History {
			p.History[i] = train.LossPoint{Step: pt.Step, Loss: pt.Loss}
		}
	}
	if len(wp.OptimizerState) > 0 {
		p.OptimizerState = make(map[string][]float64, len(wp.OptimizerState))
		for k, v := range wp.OptimizerState {
			p.OptimizerState[k] = nilIfEmpty(v)
		}
	}
	return p, nil
}

// list returns v, or an empty non-nil slice for nil, so that JSON shows [].
func list(v []float64) []float64 {
	if v == nil {
		return []float64{}
	}
	return v
}

// nilIfEmpty returns v, or nil if v is empty.
func nilIfEmpty(v []float64) []float64 {
	if len(v) == 0 {
		return nil
	}
	return v
}
