package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/landscape"
	"tempfit/core/race"
	"tempfit/core/train"
)

// raceFlags are the settings of one race command.
type raceFlags struct {
	sourceFlags
	kind       string // the model, as for fit; --features is the race's own list
	degree     int
	harmonics  int
	trend      int
	period     float64
	optimizers string
	features   string
	preset     string
	steps      int
	json       bool

	set map[string]bool // the flags given on the command line
}

// Defaults of the race command: the optimizers the issue of racing them
// names, on both feature scalings.
const (
	defaultRaceOptimizers = "adam,sgd,momentum,rmsprop,lbfgs"
	defaultRaceFeatures   = "raw,scaled"
)

func newRaceFlagSet(f *raceFlags, output io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("tempfit-cli race", flag.ContinueOnError)
	fs.SetOutput(output)
	f.sourceFlags.register(fs)
	fs.StringVar(&f.kind, "model", "poly", "model: poly or seasonal")
	fs.IntVar(&f.degree, "degree", 4, fmt.Sprintf("polynomial degree, 0..%d", fit.MaxDegree))
	fs.IntVar(&f.harmonics, "harmonics", 2, fmt.Sprintf("seasonal harmonics K, 1..%d", fit.MaxHarmonics))
	fs.IntVar(&f.trend, "trend", 0, fmt.Sprintf("degree of the seasonal model's polynomial trend, 0..%d", fit.MaxTrend))
	fs.Float64Var(&f.period, "period", 0, fmt.Sprintf("seasonal period P in x units (default %g when x is dates, else %d)", fit.DaysPerYear, fit.DefaultPeriod))
	fs.StringVar(&f.optimizers, "optimizers", defaultRaceOptimizers, "comma-separated `list` of optimizers, each with an optional learning rate after a colon, e.g. adam,sgd:0.01,lbfgs")
	fs.StringVar(&f.features, "features", defaultRaceFeatures, "comma-separated `list` of x scalings, raw and scaled; every optimizer runs with each (default for the seasonal model: raw)")
	fs.StringVar(&f.preset, "preset", "", "a ready-made race `name` (see below) instead of --optimizers, --features and the model flags")
	fs.IntVar(&f.steps, "steps", train.DefaultSteps, "steps of each run (iterations for lbfgs)")
	fs.BoolVar(&f.json, "json", false, "print one JSON object instead of text")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: tempfit-cli race [flags]\n\nTrains several runs at once on the same data and model, all from zero weights,\nand prints for each the steps it needed to come within 1%% and 0.1%% of the exact\noptimum, its best loss, its wall time and how it ended.\n\nFlags:\n")
		fs.PrintDefaults()
		fmt.Fprintf(fs.Output(), "\nPresets:\n")
		for _, p := range race.Presets() {
			fmt.Fprintf(fs.Output(), "  %-6s %s\n         %s\n", p.Name, p.Title, p.About)
		}
	}
	return fs
}

func runRace(args []string, stdout, stderr io.Writer) int {
	var f raceFlags
	set, status, ok := parseFlags(newRaceFlagSet(&f, stderr), args, stderr)
	if !ok {
		return status
	}
	f.set = set
	return exitStatus(raceAndReport(&f, stdout, stderr), "tempfit-cli race", stderr)
}

// plan returns the model, the steps of each run and the runs the flags ask
// for.
func (f *raceFlags) plan() (fit.Model, int, []race.Spec, error) {
	if f.steps <= 0 {
		return fit.Model{}, 0, nil, usageError{fmt.Errorf("--steps %d must be positive", f.steps)}
	}
	if f.preset != "" {
		p, ok := race.LookupPreset(f.preset)
		if !ok {
			var names []string
			for _, p := range race.Presets() {
				names = append(names, p.Name)
			}
			return fit.Model{}, 0, nil, usageError{fmt.Errorf("no preset named %q (valid: %s)", f.preset, strings.Join(names, ", "))}
		}
		for _, name := range []string{"optimizers", "features", "model", "degree", "harmonics", "trend", "period"} {
			if f.set[name] {
				return fit.Model{}, 0, nil, usageError{fmt.Errorf("--preset %s sets the model and the runs: leave out --%s", p.Name, name)}
			}
		}
		steps := p.Steps
		if f.set["steps"] {
			steps = f.steps
		}
		return p.Model, steps, p.Specs, nil
	}
	m, err := f.model()
	if err != nil {
		return fit.Model{}, 0, nil, err
	}
	features := f.features
	if m.Kind == fit.Seasonal && m.Trend == 0 && !f.set["features"] {
		features = string(fit.Raw)
	}
	specs, err := race.ParseSpecs(f.optimizers, features)
	if err != nil {
		return fit.Model{}, 0, nil, usageError{err}
	}
	for _, s := range specs {
		if m.Kind == fit.Seasonal && m.Trend == 0 && s.Features == fit.Scaled {
			return fit.Model{}, 0, nil, usageError{errors.New("--features: a seasonal model without a trend has no x scaling: use --features raw")}
		}
	}
	return m, f.steps, specs, nil
}

// model returns the model the flags describe; the period is set for the
// data by forData.
func (f *raceFlags) model() (fit.Model, error) {
	kind, err := fit.ParseKind(f.kind)
	if err != nil {
		return fit.Model{}, flagError("--model", err)
	}
	if f.set["period"] && !(f.period > 0) {
		return fit.Model{}, usageError{fmt.Errorf("--period %v must be a positive number", f.period)}
	}
	m := fit.Model{Kind: kind, Degree: f.degree, Harmonics: f.harmonics, Trend: f.trend, Period: fit.DefaultPeriod, Scaling: fit.Raw}
	if err := m.Validate(); err != nil {
		return fit.Model{}, flagError("", err)
	}
	return m, nil
}

// forData returns m with the period for d: --period when given, else a
// year of days when x is dates.
func (f *raceFlags) forData(m fit.Model, d *data.Dataset) fit.Model {
	switch {
	case m.Kind != fit.Seasonal:
	case f.set["period"]:
		m.Period = f.period
	case d.XAxis.IsTime():
		m.Period = fit.DaysPerYear
	}
	return m
}

func raceAndReport(f *raceFlags, stdout, stderr io.Writer) error {
	if err := f.sourceFlags.check(f.set); err != nil {
		return err
	}
	model, steps, specs, err := f.plan()
	if err != nil {
		return err
	}
	src, err := f.sourceFlags.read("tempfit-cli race", stderr)
	if err != nil {
		return err
	}
	d := src.Data
	if f.preset == "" {
		model = f.forData(model, d)
	}
	r, err := race.New(d, model, steps, specs)
	if err != nil {
		return err
	}
	runs := r.Runs()
	if w := runs[0].Snapshot().Problem.Warning(); w != nil {
		fmt.Fprintf(stderr, "tempfit-cli race: warning: %v\n", w)
	}
	r.Start()
	r.Wait()
	cond, err := landscape.Conditions(d, model)
	if err != nil {
		return err
	}

	rep := buildRaceReport(f, src.Name, model, steps, d, r, cond)
	if f.json {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		printRaceReport(stdout, rep, cond)
	}
	for _, s := range r.Summaries() {
		if s.State != train.Diverged && s.State != train.Failed {
			return nil
		}
	}
	return errors.New("every run diverged or failed")
}
