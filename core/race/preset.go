package race

import (
	"strings"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/optim"
	"tempfit/core/train"
)

// Preset is a ready-made race.
type Preset struct {
	Name  string // the name the command line takes, e.g. "book"
	Title string // a one-line English title
	About string // what the race shows, in English
	Model fit.Model
	Steps int
	Specs []Spec
}

// BookPreset is "The book's problem, raw against scaled": the book's
// degree-4 polynomial and 100,000 steps, with five runs chosen so that only
// one thing changes between neighbours. The book's Adam on raw x ends 75%
// above the optimum; a hundred times its learning rate does no better on raw
// x; the same Adam on scaled x comes within 0.1% in about 50,000 steps, and
// at the larger rate in under 3,000; L-BFGS on scaled x needs about 16
// iterations. Scaling, not the optimizer, is what the book was missing.
func BookPreset() Preset {
	return Preset{
		Name:  "book",
		Title: "The book's problem, raw against scaled",
		About: "The book's Adam on raw x ends far from the optimum, and a hundred times its learning rate does no better; the same Adam on scaled x reaches it, fast at the larger rate, and L-BFGS shows the least it takes: scaling, not the optimizer, is what the book was missing.",
		Model: fit.BookModel(),
		Steps: train.DefaultSteps,
		Specs: []Spec{
			{Method: optim.Adam, LearningRate: 0.001, Features: fit.Raw},
			{Method: optim.Adam, LearningRate: 0.1, Features: fit.Raw},
			{Method: optim.Adam, LearningRate: 0.001, Features: fit.Scaled},
			{Method: optim.Adam, LearningRate: 0.1, Features: fit.Scaled},
			{Method: optim.LBFGS, Features: fit.Scaled},
		},
	}
}

// Presets returns the ready-made races.
func Presets() []Preset {
	return []Preset{BookPreset()}
}

// LookupPreset returns the preset with the given name, ignoring case.
func LookupPreset(name string) (Preset, bool) {
	for _, p := range Presets() {
		if strings.EqualFold(p.Name, strings.TrimSpace(name)) {
			return p, true
		}
	}
	return Preset{}, false
}

// New returns the preset's race on d, not yet started.
func (p Preset) New(d *data.Dataset) (*Race, error) {
	return New(d, p.Model, p.Steps, p.Specs)
}
