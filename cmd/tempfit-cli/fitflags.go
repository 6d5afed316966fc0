package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strings"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/optim"
	"tempfit/core/session"
	"tempfit/core/train"
)

// fitFlags are the settings of one fit command.
type fitFlags struct {
	sourceFlags
	modelFlags
	optimizer       string
	lr              float64
	steps           int
	logEvery        int
	level           float64
	holdOut         string
	rawCoefficients bool
	out             string
	grid            string
	interval        string
	json            bool

	set map[string]bool // the flags given on the command line
}

func newFitFlagSet(f *fitFlags, output io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("tempfit-cli fit", flag.ContinueOnError)
	fs.SetOutput(output)
	f.sourceFlags.register(fs)
	f.modelFlags.register(fs, true)
	fs.StringVar(&f.optimizer, "optimizer", "adam", "optimizer: "+kindList())
	fs.Float64Var(&f.lr, "lr", 0, "learning rate (default: the optimizer's default, see below)")
	fs.IntVar(&f.steps, "steps", train.DefaultSteps, "number of steps (iterations for lbfgs)")
	fs.IntVar(&f.logEvery, "log-every", 10000, "print the loss every `n` steps (0: never)")
	fs.Float64Var(&f.level, "level", fit.DefaultLevel, "confidence level of the intervals, between 0 and 1")
	fs.StringVar(&f.holdOut, "hold-out", "none", "`rule` choosing points held out of training to measure the fit on: none, last:20%, span:SPAN (x units) or random:20%[:SEED]")
	fs.BoolVar(&f.rawCoefficients, "raw-coefficients", false, "also print the coefficients of the powers of x when the equation is in t, with their error")
	fs.StringVar(&f.out, "out", "", "write predictions to this CSV `file`")
	fs.StringVar(&f.grid, "grid", "", "with --out, predict on a grid instead of the data's x: `FROM:TO:STEP` (1:24:1, 2016-01-01:2016-12-31:1d) or next:SPAN:STEP (next:1y:1d, next:2y:1mo, next:12:1)")
	fs.StringVar(&f.interval, "interval", "", "`kind` of interval in the columns lower and upper of a --grid export: prediction (a new observation; the default), confidence (the curve) or none")
	fs.BoolVar(&f.json, "json", false, "print one JSON object instead of text")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: tempfit-cli fit [flags]\n\nFits a model by least squares and prints, like the book, \"Step: N, Loss: X\"\nevery --log-every steps, then the coefficients, their uncertainty, the\nstatistics and the exact optimum.\n\nFlags:\n")
		fs.PrintDefaults()
		fmt.Fprintf(fs.Output(), "\nOptimizers:\n")
		for _, k := range optim.Kinds() {
			fmt.Fprintf(fs.Output(), "  %-9s %s\n", k, optim.Describe(k))
		}
		fmt.Fprintf(fs.Output(), "\nGrid steps and spans on a date axis: s, min, h, d, w, mo, y (1d, 6h, 1mo, 2y).\n")
	}
	return fs
}

func kindList() string {
	var names []string
	for _, k := range optim.Kinds() {
		names = append(names, string(k))
	}
	return strings.Join(names, "|")
}

// fitPlan is what a fit command will do, its settings checked. The model
// lacks what depends on the data: its period and a size chosen as best.
type fitPlan struct {
	cfg      train.Config
	level    float64
	hold     fit.HoldRule
	grid     *data.GridSpec // nil: predict at the data's x
	interval session.Interval
}

// plan checks every setting that needs no data and returns the plan.
// All its errors are usage errors.
func (f *fitFlags) plan() (*fitPlan, error) {
	if err := f.sourceFlags.check(f.set); err != nil {
		return nil, err
	}
	m, err := f.modelFlags.check(f.set)
	if err != nil {
		return nil, err
	}
	p := &fitPlan{cfg: train.Config{Model: m}, level: f.level}
	if p.cfg.Method, err = optim.ParseKind(f.optimizer); err != nil {
		return nil, flagError("--optimizer", err)
	}
	if f.set["lr"] && !(f.lr > 0 && !math.IsInf(f.lr, 0)) {
		return nil, usageError{fmt.Errorf("--lr %v must be a positive number", f.lr)}
	}
	p.cfg.LearningRate = f.lr
	if f.steps <= 0 {
		return nil, usageError{fmt.Errorf("--steps %d must be positive", f.steps)}
	}
	p.cfg.Steps = f.steps
	if f.logEvery < 0 {
		return nil, usageError{fmt.Errorf("--log-every %d must not be negative", f.logEvery)}
	}
	if !(f.level > 0 && f.level < 1) {
		return nil, usageError{fmt.Errorf("--level %v must be between 0 and 1, such as 0.95", f.level)}
	}
	if p.hold, err = fit.ParseHoldRule(f.holdOut); err != nil {
		return nil, flagError("--hold-out", err)
	}
	if f.grid != "" {
		g, err := data.ParseGridSpec(f.grid)
		if err != nil {
			return nil, flagError("--grid", err)
		}
		if f.out == "" {
			return nil, usageError{errors.New("--grid needs --out")}
		}
		p.grid = &g
	}
	p.interval = session.NoInterval
	switch {
	case f.set["interval"] && p.grid == nil:
		return nil, usageError{errors.New("--interval applies to --grid exports")}
	case f.set["interval"]:
		if p.interval, err = session.ParseInterval(f.interval); err != nil {
			return nil, flagError("--interval", err)
		}
	case p.grid != nil:
		p.interval = session.PredictionInterval
	}
	return p, nil
}
