package project

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"tempfit/core/optim"
)

// Validate reports the first inconsistency in p, or nil if it can be saved
// and read back: every number finite, x and y of the same length, a valid
// model and optimizer, a non-negative learning rate, step budget and step,
// either no weights or one per model parameter, no steps or history without
// weights, and a history of non-negative losses at increasing steps before
// Step.
func (p *Project) Validate() error {
	if p == nil {
		return errors.New("no project")
	}
	d := &p.Data
	if len(d.X) != len(d.Y) {
		return fmt.Errorf("data: %d x values but %d y values", len(d.X), len(d.Y))
	}
	if xn, yn := nameOr(d.XName, "x"), nameOr(d.YName, "y"); xn == yn {
		return fmt.Errorf("data: x and y columns have the same name %q", xn)
	}
	if err := d.XAxis.Validate(); err != nil {
		return fmt.Errorf("data: x axis: %v", err)
	}
	for i := range d.X {
		if !finite(d.X[i]) || !finite(d.Y[i]) {
			return fmt.Errorf("data: row %d (%v, %v) is not a pair of finite numbers", i+1, d.X[i], d.Y[i])
		}
	}
	if err := p.Model.Validate(); err != nil {
		return fmt.Errorf("model: %s", strings.TrimPrefix(err.Error(), "fit: "))
	}
	if !finite(p.Model.Period) {
		return fmt.Errorf("model: period %v is not a finite number", p.Model.Period)
	}
	if !slices.Contains(optim.Kinds(), p.Optimizer) {
		return fmt.Errorf("unknown optimizer %q", p.Optimizer)
	}
	if !finite(p.LearningRate) || p.LearningRate < 0 {
		return fmt.Errorf("learning rate %v is not a number ≥ 0", p.LearningRate)
	}
	if p.Steps < 0 {
		return fmt.Errorf("step budget %d is negative", p.Steps)
	}
	if p.Speed != SpeedAnimated && p.Speed != SpeedMax {
		return fmt.Errorf("speed %q is neither %q nor %q", p.Speed, SpeedAnimated, SpeedMax)
	}
	if err := p.HoldOut.Validate(); err != nil {
		return err
	}
	if !finite(p.XMax) {
		return fmt.Errorf("x max %v is not a finite number", p.XMax)
	}
	if n := p.Model.NumParams(); len(p.Weights) != 0 && len(p.Weights) != n {
		return fmt.Errorf("%d weights for a model with %d parameters", len(p.Weights), n)
	}
	for i, w := range p.Weights {
		if !finite(w) {
			return fmt.Errorf("weight %d is %v, not a finite number", i, w)
		}
	}
	if p.Step < 0 {
		return fmt.Errorf("step %d is negative", p.Step)
	}
	if len(p.Weights) == 0 && (p.Step != 0 || len(p.History) != 0) {
		return fmt.Errorf("step %d and %d loss history points without weights", p.Step, len(p.History))
	}
	for i, pt := range p.History {
		switch {
		case pt.Step < 0:
			return fmt.Errorf("loss history point %d is at negative step %d", i+1, pt.Step)
		case i > 0 && pt.Step <= p.History[i-1].Step:
			return fmt.Errorf("loss history is not in step order: step %d follows step %d", pt.Step, p.History[i-1].Step)
		case pt.Step >= p.Step:
			return fmt.Errorf("loss history point %d is at step %d, not before the current step %d", i+1, pt.Step, p.Step)
		case !finite(pt.Loss) || pt.Loss < 0:
			return fmt.Errorf("loss %v at step %d is not a number ≥ 0", pt.Loss, pt.Step)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(p.OptimizerState)) {
		for i, v := range p.OptimizerState[name] {
			if !finite(v) {
				return fmt.Errorf("optimizer state %q[%d] is %v, not a finite number", name, i, v)
			}
		}
	}
	return nil
}
