package race

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"tempfit/core/fit"
	"tempfit/core/optim"
)

// Spec says how one run of a race trains: the model and data are the race's.
type Spec struct {
	Method       optim.Kind
	LearningRate float64     // 0 means the method's default
	Features     fit.Scaling // "" means the race model's own scaling
}

// MaxRuns is the most runs a race holds.
const MaxRuns = 12

// label returns a short name for a run of spec on model, such as
// "adam 0.001 raw" or "lbfgs scaled"; the seasonal model has no features
// to name. spec is resolved: its rate and features are the ones used.
func label(spec Spec, model fit.Model) string {
	parts := []string{string(spec.Method)}
	if optim.UsesLearningRate(spec.Method) {
		parts = append(parts, strconv.FormatFloat(spec.LearningRate, 'g', -1, 64))
	}
	if model.Kind == fit.Polynomial {
		parts = append(parts, string(spec.Features))
	}
	return strings.Join(parts, " ")
}

// ParseSpecs returns the runs named by a list of optimizers and a list of
// feature scalings, every optimizer with every scaling, optimizer by
// optimizer. Lists are comma-separated. An optimizer is a name with an
// optional learning rate after a colon, as in "adam,sgd:0.01,lbfgs"; a
// scaling is raw or scaled, as in "raw,scaled".
func ParseSpecs(optimizers, features string) ([]Spec, error) {
	methods, err := parseOptimizers(optimizers)
	if err != nil {
		return nil, err
	}
	scalings, err := parseFeatures(features)
	if err != nil {
		return nil, err
	}
	if n := len(methods) * len(scalings); n > MaxRuns {
		return nil, fmt.Errorf("%d optimizers and %d feature scalings make %d runs, more than the %d a race holds",
			len(methods), len(scalings), n, MaxRuns)
	}
	specs := make([]Spec, 0, len(methods)*len(scalings))
	for _, m := range methods {
		for _, s := range scalings {
			m.Features = s
			specs = append(specs, m)
		}
	}
	return specs, nil
}

// parseOptimizers reads a list such as "adam,sgd:0.01,lbfgs".
func parseOptimizers(list string) ([]Spec, error) {
	items, err := splitList("optimizers", list)
	if err != nil {
		return nil, err
	}
	seen := make(map[Spec]string)
	specs := make([]Spec, 0, len(items))
	for _, item := range items {
		spec, err := parseOptimizer(item)
		if err != nil {
			return nil, fmt.Errorf("optimizers %q: %v", list, err)
		}
		key := spec
		if key.LearningRate == 0 {
			key.LearningRate = optim.DefaultLearningRate(key.Method)
		}
		if first, ok := seen[key]; ok {
			return nil, fmt.Errorf("optimizers %q: %q and %q are the same run", list, first, item)
		}
		seen[key] = item
		specs = append(specs, spec)
	}
	return specs, nil
}

// parseOptimizer reads one item such as "sgd:0.01" or "lbfgs".
func parseOptimizer(item string) (Spec, error) {
	name, rate, hasRate := strings.Cut(item, ":")
	name = strings.TrimSpace(name)
	k, err := optim.ParseKind(name)
	if err != nil {
		return Spec{}, unknownOptimizer(name)
	}
	spec := Spec{Method: k}
	if !hasRate {
		return spec, nil
	}
	if !optim.UsesLearningRate(k) {
		return Spec{}, fmt.Errorf("%q: %s takes no learning rate", item, k)
	}
	rate = strings.TrimSpace(rate)
	lr, err := strconv.ParseFloat(rate, 64)
	if err != nil {
		return Spec{}, fmt.Errorf("%q: the learning rate %q is not a number", item, rate)
	}
	if !(lr > 0) || math.IsInf(lr, 0) {
		return Spec{}, fmt.Errorf("%q: the learning rate %v must be a positive number", item, lr)
	}
	spec.LearningRate = lr
	return spec, nil
}

// unknownOptimizer returns the error for a name that is no optimizer.
func unknownOptimizer(name string) error {
	var names []string
	for _, k := range optim.Kinds() {
		names = append(names, string(k))
	}
	return fmt.Errorf("unknown optimizer %q (valid: %s)", name, strings.Join(names, ", "))
}

// parseFeatures reads a list such as "raw,scaled".
func parseFeatures(list string) ([]fit.Scaling, error) {
	items, err := splitList("features", list)
	if err != nil {
		return nil, err
	}
	var scalings []fit.Scaling
	for _, item := range items {
		s, err := fit.ParseScaling(item)
		if err != nil {
			return nil, fmt.Errorf("features %q: unknown feature scaling %q (valid: raw, scaled)", list, item)
		}
		for _, had := range scalings {
			if had == s {
				return nil, fmt.Errorf("features %q: %s is listed twice", list, s)
			}
		}
		scalings = append(scalings, s)
	}
	return scalings, nil
}

// splitList splits a comma-separated list, refusing empty items.
func splitList(what, list string) ([]string, error) {
	if strings.TrimSpace(list) == "" {
		return nil, errors.New(what + ": the list is empty")
	}
	items := strings.Split(list, ",")
	for i, item := range items {
		items[i] = strings.TrimSpace(item)
		if items[i] == "" {
			return nil, fmt.Errorf("%s %q: item %d is empty", what, list, i+1)
		}
	}
	return items, nil
}
