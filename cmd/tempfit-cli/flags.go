package main

import (
	"flag"
	"fmt"

	"tempfit/core/fit"
	"tempfit/sampledata"
)

// The flags that choose the data and the model are the same for every
// command that fits.

// addDataFlags registers --data, --sample, --x-col, --y-col and
// --skip-bad-rows.
func (f *fitFlags) addDataFlags(fs *flag.FlagSet) {
	fs.StringVar(&f.data, "data", "", "CSV `file` to fit (default: the book's sample)")
	fs.StringVar(&f.sample, "sample", "", "embedded sample `name` to fit (see 'tempfit-cli samples')")
	fs.StringVar(&f.xCol, "x-col", "", "x column, by `name or 1-based index` (default: the first)")
	fs.StringVar(&f.yCol, "y-col", "", "y column, by `name or 1-based index` (default: the second)")
	fs.BoolVar(&f.skipBad, "skip-bad-rows", false, "skip rows whose x or y is not a number instead of failing")
}

// addModelFlags registers --model, --degree, --harmonics and --period.
func (f *fitFlags) addModelFlags(fs *flag.FlagSet) {
	fs.StringVar(&f.model, "model", "poly", "model: poly or seasonal")
	fs.IntVar(&f.degree, "degree", 4, fmt.Sprintf("polynomial degree, 0..%d", fit.MaxDegree))
	fs.IntVar(&f.harmonics, "harmonics", 2, fmt.Sprintf("seasonal harmonics K, 1..%d", fit.MaxHarmonics))
	fs.Float64Var(&f.period, "period", fit.DefaultPeriod, "seasonal period P in x units")
}

// modelFor returns the model the flags describe, with x scaled as features
// says (raw or scaled); the seasonal model always takes x as it is.
func (f *fitFlags) modelFor(features string) (fit.Model, error) {
	kind, err := fit.ParseKind(f.model)
	if err != nil {
		return fit.Model{}, usageError{err}
	}
	scaling, err := fit.ParseScaling(features)
	if err != nil {
		return fit.Model{}, usageError{err}
	}
	m := fit.Model{Kind: kind, Degree: f.degree, Harmonics: f.harmonics, Period: f.period, Scaling: scaling}
	if kind == fit.Seasonal {
		m.Scaling = fit.Raw
	}
	if err := m.Validate(); err != nil {
		return fit.Model{}, usageError{err}
	}
	return m, nil
}

// source names the data the flags choose, as the reports show it.
func (f *fitFlags) source() string {
	switch {
	case f.data != "":
		return f.data
	case f.sample != "":
		return "sample:" + f.sample
	}
	return "sample:" + sampledata.Default().Name
}
