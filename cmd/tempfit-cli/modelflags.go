package main

import (
	"errors"
	"flag"
	"fmt"
	"math"
	"strconv"
	"strings"

	"tempfit/core/data"
	"tempfit/core/fit"
)

// size is a model size on the command line: a number, or "best" for the
// one a comparison of models chooses.
type size struct {
	n    int
	best bool
}

// String returns the size as Set reads it.
func (s *size) String() string {
	if s.best {
		return "best"
	}
	return strconv.Itoa(s.n)
}

// Set reads a whole number or "best".
func (s *size) Set(v string) error {
	if strings.EqualFold(strings.TrimSpace(v), "best") {
		s.n, s.best = 0, true
		return nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return errors.New(`want a whole number or "best"`)
	}
	s.n, s.best = n, false
	return nil
}

// modelFlags choose the model of a command: its family, its size and its
// features.
type modelFlags struct {
	kind         string
	degree       size
	harmonics    size
	trend        int
	period       float64
	maxHarmonics int
	features     string
	sizes        bool // the command takes --degree and --harmonics
}

// register adds the flags to fs; sizes is false for a command that
// compares sizes itself and so takes no --degree or --harmonics.
func (f *modelFlags) register(fs *flag.FlagSet, sizes bool) {
	fs.StringVar(&f.kind, "model", "poly", "model: poly or seasonal")
	f.sizes = sizes
	if sizes {
		f.degree, f.harmonics = size{n: 4}, size{n: 2}
		fs.Var(&f.degree, "degree", fmt.Sprintf("polynomial degree `N`, 0..%d, or best (the lowest leave-one-out error, see 'tempfit-cli degrees')", fit.MaxDegree))
		fs.Var(&f.harmonics, "harmonics", fmt.Sprintf("seasonal harmonics `K`, 1..%d, or best", fit.MaxHarmonics))
	}
	fs.IntVar(&f.trend, "trend", 0, fmt.Sprintf("degree of the seasonal model's polynomial trend, 0..%d (0: a constant level)", fit.MaxTrend))
	fs.Float64Var(&f.period, "period", 0, fmt.Sprintf("seasonal period P in x units (default %g when x is dates, one year in days; else %d)", fit.DaysPerYear, fit.DefaultPeriod))
	fs.IntVar(&f.maxHarmonics, "max-harmonics", 0, fmt.Sprintf("the most harmonics compared (default min(%d, (points−1−trend)/2))", fit.MaxHarmonics))
	fs.StringVar(&f.features, "features", "raw", "x scaling of the powers of x: raw (the book's) or scaled (x mapped onto [-1, 1])")
}

// check reports the mistakes in the flags that need no data; set holds the
// flags given on the command line. It returns the model without its
// period, which depends on the data (see forData).
func (f *modelFlags) check(set map[string]bool) (fit.Model, error) {
	var m fit.Model
	kind, err := fit.ParseKind(f.kind)
	if err != nil {
		return m, flagError("--model", err)
	}
	scaling, err := fit.ParseScaling(f.features)
	if err != nil {
		return m, flagError("--features", err)
	}
	seasonalOnly := []string{"harmonics", "trend", "period", "max-harmonics"}
	if kind == fit.Polynomial {
		for _, name := range seasonalOnly {
			if set[name] {
				return m, usageError{fmt.Errorf("--%s applies to --model seasonal", name)}
			}
		}
	} else if set["degree"] {
		return m, usageError{errors.New("--degree applies to --model poly; a seasonal model's trend degree is --trend")}
	}
	if set["period"] && !(f.period > 0 && !math.IsInf(f.period, 0)) {
		return m, usageError{fmt.Errorf("--period %v must be a positive number", f.period)}
	}
	if set["max-harmonics"] && (f.maxHarmonics < 1 || f.maxHarmonics > fit.MaxHarmonics) {
		return m, usageError{fmt.Errorf("--max-harmonics %d out of range 1..%d", f.maxHarmonics, fit.MaxHarmonics)}
	}
	if set["max-harmonics"] && f.sizes && !f.harmonics.best {
		return m, usageError{errors.New("--max-harmonics applies to --harmonics best")}
	}
	m = fit.Model{Kind: kind, Degree: f.degree.n, Harmonics: f.harmonics.n, Trend: f.trend, Period: fit.DefaultPeriod, Scaling: scaling}
	if kind == fit.Seasonal && (f.harmonics.best || !f.sizes) {
		m.Harmonics = 1 // a placeholder for Validate; a comparison chooses
	}
	if err := m.Validate(); err != nil {
		return m, flagError("", err)
	}
	return m, nil
}

// forData returns m with the period for the data set d: --period when
// given, else a year in days when x is dates and DefaultPeriod otherwise.
func (f *modelFlags) forData(m fit.Model, set map[string]bool, d *data.Dataset) fit.Model {
	if m.Kind != fit.Seasonal {
		return m
	}
	switch {
	case set["period"]:
		m.Period = f.period
	case d.XAxis.IsTime():
		m.Period = fit.DaysPerYear
	default:
		m.Period = fit.DefaultPeriod
	}
	return m
}

// periodNote returns a note for a seasonal model whose period was not
// given, on x that are plain numbers spanning many periods, as day
// numbers do, or "" when none is needed.
func periodNote(m fit.Model, set map[string]bool, d *data.Dataset) string {
	if m.Kind != fit.Seasonal || set["period"] || d.XAxis.Kind != data.Number {
		return ""
	}
	lo, hi := d.XRange()
	if hi-lo <= 10*m.Period {
		return ""
	}
	return fmt.Sprintf("note: the seasonal period is %g x units by default, and x spans %g of them; if x counts days, give --period %g", m.Period, hi-lo, fit.DaysPerYear)
}

// maxHarmonicsFor returns the most harmonics to compare for n points:
// --max-harmonics when given, else min(MaxHarmonics, (n−1−trend)/2).
func (f *modelFlags) maxHarmonicsFor(set map[string]bool, n int) int {
	if set["max-harmonics"] {
		return f.maxHarmonics
	}
	return max(1, min(fit.MaxHarmonics, (n-1-f.trend)/2))
}
