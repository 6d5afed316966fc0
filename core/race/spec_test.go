package race

import (
	"strings"
	"testing"

	"tempfit/core/fit"
	"tempfit/core/optim"
)

func TestParseSpecs(t *testing.T) {
	specs, err := ParseSpecs(" adam , SGD:0.01,lbfgs", "raw, scaled")
	if err != nil {
		t.Fatal(err)
	}
	want := []Spec{
		{Method: optim.Adam, Features: fit.Raw},
		{Method: optim.Adam, Features: fit.Scaled},
		{Method: optim.GradientDescent, LearningRate: 0.01, Features: fit.Raw},
		{Method: optim.GradientDescent, LearningRate: 0.01, Features: fit.Scaled},
		{Method: optim.LBFGS, Features: fit.Raw},
		{Method: optim.LBFGS, Features: fit.Scaled},
	}
	if len(specs) != len(want) {
		t.Fatalf("got %v, want %v", specs, want)
	}
	for i := range want {
		if specs[i] != want[i] {
			t.Errorf("spec %d = %+v, want %+v", i, specs[i], want[i])
		}
	}
}

func TestParseSpecsErrors(t *testing.T) {
	for _, c := range []struct {
		optimizers, features string
		want                 string // a part of the message
	}{
		{"", "raw", "optimizers: the list is empty"},
		{"adam", " ", "features: the list is empty"},
		{"adam,,sgd", "raw", `optimizers "adam,,sgd": item 2 is empty`},
		{"adma", "raw", `unknown optimizer "adma" (valid: adam, sgd,`},
		{"sgd:fast", "raw", `"sgd:fast": the learning rate "fast" is not a number`},
		{"sgd:-1", "raw", `"sgd:-1": the learning rate -1 must be a positive number`},
		{"sgd:0", "raw", "must be a positive number"},
		{"sgd:inf", "raw", "must be a positive number"},
		{"lbfgs:0.1", "raw", `"lbfgs:0.1": lbfgs takes no learning rate`},
		{"adam,adam:0.001", "raw", `"adam" and "adam:0.001" are the same run`},
		{"adam", "raw,wide", `unknown feature scaling "wide" (valid: raw, scaled)`},
		{"adam", "raw,RAW", "raw is listed twice"},
		{"adam,sgd,momentum,nesterov,adagrad,rmsprop,lbfgs", "raw,scaled", "7 optimizers and 2 feature scalings make 14 runs, more than the 12"},
	} {
		_, err := ParseSpecs(c.optimizers, c.features)
		if err == nil {
			t.Errorf("%q %q: no error", c.optimizers, c.features)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q %q: error %q lacks %q", c.optimizers, c.features, err, c.want)
		}
	}
}

func TestLabel(t *testing.T) {
	seasonal := fit.Model{Kind: fit.Seasonal, Harmonics: 2, Period: 12}
	for _, c := range []struct {
		spec  Spec
		model fit.Model
		want  string
	}{
		{Spec{Method: optim.Adam, LearningRate: 0.001, Features: fit.Raw}, fit.BookModel(), "adam 0.001 raw"},
		{Spec{Method: optim.GradientDescent, LearningRate: 1e-7, Features: fit.Scaled}, fit.BookModel(), "sgd 1e-07 scaled"},
		{Spec{Method: optim.LBFGS, Features: fit.Scaled}, fit.BookModel(), "lbfgs scaled"},
		{Spec{Method: optim.Exact, Features: fit.Raw}, seasonal, "exact"},
	} {
		if got := label(c.spec, c.model); got != c.want {
			t.Errorf("label(%+v) = %q, want %q", c.spec, got, c.want)
		}
	}
}
