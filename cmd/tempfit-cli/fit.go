package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strings"

	"tempfit/core/data"
	"tempfit/core/optim"
	"tempfit/core/session"
	"tempfit/core/train"
	"tempfit/sampledata"
)

// fitFlags are the settings of one fit command.
type fitFlags struct {
	data, sample string
	xCol, yCol   string
	skipBad      bool
	model        string
	degree       int
	harmonics    int
	period       float64
	features     string
	optimizer    string
	lr           float64
	steps        int
	logEvery     int
	out          string
	grid         string
	json         bool
}

func newFitFlagSet(f *fitFlags, output io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("tempfit-cli fit", flag.ContinueOnError)
	fs.SetOutput(output)
	f.addDataFlags(fs)
	f.addModelFlags(fs)
	fs.StringVar(&f.features, "features", "raw", "x scaling of the polynomial: raw (the book's) or scaled (x mapped onto [-1, 1])")
	fs.StringVar(&f.optimizer, "optimizer", "adam", "optimizer: "+kindList())
	fs.Float64Var(&f.lr, "lr", 0, "learning rate (default: the optimizer's default, see below)")
	fs.IntVar(&f.steps, "steps", train.DefaultSteps, "number of steps (iterations for lbfgs)")
	fs.IntVar(&f.logEvery, "log-every", 10000, "print the loss every `n` steps (0: never)")
	fs.StringVar(&f.out, "out", "", "write predictions to this CSV `file`")
	fs.StringVar(&f.grid, "grid", "", "with --out, predict on the grid `FROM:TO:STEP` (e.g. 1:24:1) instead of the data's x")
	fs.BoolVar(&f.json, "json", false, "print one JSON object instead of text")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: tempfit-cli fit [flags]\n\nFits a model by least squares and prints, like the book, \"Step: N, Loss: X\"\nevery --log-every steps, then the coefficients, statistics and exact optimum.\n\nFlags:\n")
		fs.PrintDefaults()
		fmt.Fprintf(fs.Output(), "\nOptimizers:\n")
		for _, k := range optim.Kinds() {
			fmt.Fprintf(fs.Output(), "  %-9s %s\n", k, optim.Describe(k))
		}
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

// usageError is a mistake on the command line.
type usageError struct{ error }

func runFit(args []string, stdout, stderr io.Writer) int {
	var f fitFlags
	fs := newFitFlagSet(&f, stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "tempfit-cli fit: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	err := fitAndReport(&f, stdout, stderr)
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "tempfit-cli fit: %v\n", err)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "tempfit-cli fit: %v\n", err)
		return exitData
	}
}

// config turns the flags into a training configuration.
func (f *fitFlags) config() (train.Config, error) {
	var cfg train.Config
	var err error
	if cfg.Model, err = f.modelFor(f.features); err != nil {
		return cfg, err
	}
	if cfg.Method, err = optim.ParseKind(f.optimizer); err != nil {
		return cfg, usageError{err}
	}
	if f.lr < 0 || math.IsNaN(f.lr) || math.IsInf(f.lr, 0) {
		return cfg, usageError{fmt.Errorf("--lr %v must be a positive number", f.lr)}
	}
	cfg.LearningRate = f.lr
	if f.steps <= 0 {
		return cfg, usageError{fmt.Errorf("--steps %d must be positive", f.steps)}
	}
	cfg.Steps = f.steps
	if f.logEvery < 0 {
		return cfg, usageError{fmt.Errorf("--log-every %d must not be negative", f.logEvery)}
	}
	return cfg, nil
}

// load reads the data set the flags name.
func (f *fitFlags) load() (*data.Dataset, error) {
	opt := data.ReadOptions{XColumn: f.xCol, YColumn: f.yCol, SkipBadRows: f.skipBad}
	var (
		res *data.ReadResult
		err error
	)
	switch {
	case f.data != "" && f.sample != "":
		return nil, usageError{errors.New("give --data or --sample, not both")}
	case f.data != "":
		res, err = data.ReadFile(f.data, opt)
	default:
		s := sampledata.Default()
		if f.sample != "" {
			var ok bool
			if s, ok = sampledata.Lookup(f.sample); !ok {
				return nil, usageError{fmt.Errorf("no sample named %q (see 'tempfit-cli samples')", f.sample)}
			}
		}
		opt.File = s.File
		res, err = data.ReadCSV(s.Open(), opt)
	}
	if err != nil {
		return nil, err
	}
	if res.Skipped > 0 {
		err = fmt.Errorf("skipped %d bad row(s), the first: %v", res.Skipped, res.SkippedErrors[0])
	}
	return res.Data, err
}

func fitAndReport(f *fitFlags, stdout, stderr io.Writer) error {
	cfg, err := f.config()
	if err != nil {
		return err
	}
	var from, to, step float64
	if f.grid != "" {
		if from, to, step, err = data.ParseGrid(f.grid); err != nil {
			return usageError{fmt.Errorf("--grid: %v", err)}
		}
		if f.out == "" {
			return usageError{errors.New("--grid needs --out")}
		}
	}
	d, err := f.load()
	if err != nil {
		var ue usageError
		if errors.As(err, &ue) || d == nil {
			return err
		}
		fmt.Fprintf(stderr, "tempfit-cli fit: warning: %v\n", err)
	}
	tr, err := train.New(d, cfg)
	if err != nil {
		return err
	}
	s := tr.Snapshot()
	if w := s.Problem.Warning(); w != nil {
		fmt.Fprintf(stderr, "tempfit-cli fit: warning: %v\n", w)
	}

	var checkpoints []checkpoint
	every := f.logEvery
	if every == 0 {
		every = cfg.Steps
	}
	for s.Step < cfg.Steps && !s.State.Finished() {
		n := min(every-s.Step%every, cfg.Steps-s.Step)
		tr.Advance(n)
		s = tr.Snapshot()
		if f.logEvery > 0 && (s.Step%f.logEvery == 0 || s.State.Finished()) {
			checkpoints = append(checkpoints, checkpoint{s.Step, s.Loss})
			if !f.json {
				fmt.Fprintf(stdout, "Step: %d, Loss: %.6f\n", s.Step, s.Loss)
			}
		}
	}

	if f.out != "" {
		if err := writePredictions(f.out, s, f.grid != "", from, to, step); err != nil {
			return err
		}
	}
	r := buildReport(f, cfg, d, s, checkpoints)
	if f.json {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			return err
		}
	} else {
		printReport(stdout, cfg, s, r)
	}
	if s.State == train.Diverged || s.State == train.Failed {
		return s.Err
	}
	return nil
}

// writePredictions writes the predictions of s to path: at the data's x,
// or on the grid from:to:step.
func writePredictions(path string, s *train.Snapshot, grid bool, from, to, step float64) error {
	var xs []float64
	if grid {
		var err error
		if xs, err = data.Grid(from, to, step); err != nil {
			return usageError{fmt.Errorf("--grid: %v", err)}
		}
	}
	return session.WritePredictions(path, s, xs)
}
