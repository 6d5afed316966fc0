package project

import (
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
	Weights        []float64            `json:"weights"`
	Step           int                  `json:"step"`
	History        []wirePoint          `json:"history"`
	OptimizerState map[string][]float64 `json:"optimizer_state"`
}

type wireData struct {
	XName string    `json:"x_name"`
	YName string    `json:"y_name"`
	X     []float64 `json:"x"`
	Y     []float64 `json:"y"`
}

type wireModel struct {
	Kind      string  `json:"kind"`
	Degree    int     `json:"degree"`
	Harmonics int     `json:"harmonics"`
	Period    float64 `json:"period"`
	Scaling   string  `json:"scaling"`
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
		Version: Version,
		Data: wireData{
			XName: p.Data.XName,
			YName: p.Data.YName,
			X:     list(p.Data.X),
			Y:     list(p.Data.Y),
		},
		Source: p.Source,
		Model: wireModel{
			Kind:      string(p.Model.Kind),
			Degree:    p.Model.Degree,
			Harmonics: p.Model.Harmonics,
			Period:    p.Model.Period,
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
	for i, pt := range p.History {
		wp.History[i] = wirePoint{pt.Step, pt.Loss}
	}
	for k, v := range p.OptimizerState {
		wp.OptimizerState[k] = list(v)
	}
	return wp
}

// fromWire returns the Project wp describes, unchecked. Every slice and map
// is the project's own, and empty ones are nil.
func fromWire(wp *wireProject) *Project {
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
		Weights:      clone(wp.Weights),
		Step:         wp.Step,
	}
	p.Data.XName, p.Data.YName = wp.Data.XName, wp.Data.YName
	p.Data.X, p.Data.Y = clone(wp.Data.X), clone(wp.Data.Y)
	if len(wp.History) > 0 {
		p.History = make([]train.LossPoint, len(wp.History))
		for i, pt := range wp.History {
			p.History[i] = train.LossPoint{Step: pt.Step, Loss: pt.Loss}
		}
	}
	if len(wp.OptimizerState) > 0 {
		p.OptimizerState = make(map[string][]float64, len(wp.OptimizerState))
		for k, v := range wp.OptimizerState {
			p.OptimizerState[k] = clone(v)
		}
	}
	return p
}

// list returns v, or an empty non-nil slice for nil, so that JSON shows [].
func list(v []float64) []float64 {
	if v == nil {
		return []float64{}
	}
	return v
}

// clone returns a copy of v, or nil if v is empty.
func clone(v []float64) []float64 {
	if len(v) == 0 {
		return nil
	}
	return append([]float64(nil), v...)
}
