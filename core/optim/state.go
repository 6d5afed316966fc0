package optim

import (
	"fmt"
	"math"
	"slices"
)

// Stateful is an Optimizer whose accumulated state can be saved and loaded,
// so that a saved run continues exactly where it stopped.
type Stateful interface {
	Optimizer
	// State returns a copy of the accumulated state, by name; nil before
	// the first step, when there is nothing to carry over.
	State() map[string][]float64
	// SetState restores a state returned by State for the same kind of
	// optimizer and n weights; a state that does not fit changes nothing.
	SetState(state map[string][]float64, n int) error
}

// loadState copies state[name] into the slices of dst, which it allocates
// with n elements; every name must be present with n finite values, or
// nothing is changed.
func loadState(state map[string][]float64, n int, dst map[string]*[]float64) error {
	for name := range dst {
		v, ok := state[name]
		if !ok {
			return fmt.Errorf("optim: saved state lacks %q", name)
		}
		if len(v) != n {
			return fmt.Errorf("optim: saved state %q has %d values, want %d", name, len(v), n)
		}
		for _, x := range v {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return fmt.Errorf("optim: saved state %q is not finite", name)
			}
		}
	}
	for name, p := range dst {
		*p = slices.Clone(state[name])
	}
	return nil
}

// State returns the momentum accumulator.
func (o *momentum) State() map[string][]float64 {
	if len(o.accum) == 0 {
		return nil
	}
	return map[string][]float64{"accum": slices.Clone(o.accum)}
}

// SetState restores the momentum accumulator.
func (o *momentum) SetState(s map[string][]float64, n int) error {
	return loadState(s, n, map[string]*[]float64{"accum": &o.accum})
}

// State returns the squared-gradient accumulator.
func (o *adagrad) State() map[string][]float64 {
	if len(o.accum) == 0 {
		return nil
	}
	return map[string][]float64{"accum": slices.Clone(o.accum)}
}

// SetState restores the squared-gradient accumulator.
func (o *adagrad) SetState(s map[string][]float64, n int) error {
	return loadState(s, n, map[string]*[]float64{"accum": &o.accum})
}

// State returns the mean-square and momentum accumulators.
func (o *rmsprop) State() map[string][]float64 {
	if len(o.ms) == 0 {
		return nil
	}
	return map[string][]float64{"ms": slices.Clone(o.ms), "mom": slices.Clone(o.mom)}
}

// SetState restores the mean-square and momentum accumulators.
func (o *rmsprop) SetState(s map[string][]float64, n int) error {
	return loadState(s, n, map[string]*[]float64{"ms": &o.ms, "mom": &o.mom})
}

// State returns the moment estimates and the running powers of beta1 and
// beta2.
func (o *adam) State() map[string][]float64 {
	if len(o.m) == 0 {
		return nil
	}
	return map[string][]float64{
		"m":           slices.Clone(o.m),
		"v":           slices.Clone(o.v),
		"beta_powers": {o.beta1Power, o.beta2Power},
	}
}

// SetState restores the moment estimates and the powers of beta1 and beta2.
func (o *adam) SetState(s map[string][]float64, n int) error {
	p := s["beta_powers"]
	if len(p) != 2 || !(p[0] > 0 && p[0] <= o.beta1) || !(p[1] > 0 && p[1] <= o.beta2) {
		return fmt.Errorf("optim: saved Adam state has bad beta powers %v", p)
	}
	if err := loadState(s, n, map[string]*[]float64{"m": &o.m, "v": &o.v}); err != nil {
		return err
	}
	o.beta1Power, o.beta2Power = p[0], p[1]
	return nil
}
