package main

import (
	"errors"
	"fmt"
	"io"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/optim"
	"tempfit/core/train"
)

// fitJob is a fit made ready from its plan and its data.
type fitJob struct {
	cfg   train.Config    // the whole model: its period and size decided
	train *data.Dataset   // the points trained on
	held  *data.Dataset   // the points held out of training, or nil
	grid  []float64       // the x of a --grid export, or nil
	best  *fit.Comparison // the comparison that chose the model's size, or nil
}

// prepare completes the plan p for the data read: the period, the points
// held out, the size of the model when it is to be the best, and the grid.
// Settings that do not suit the data are usage errors, reported before
// anything runs.
func prepare(f *fitFlags, p *fitPlan, src *source, stderr io.Writer) (*fitJob, error) {
	d := src.Data
	job := &fitJob{cfg: p.cfg, train: d}
	m := f.forData(p.cfg.Model, f.set, d)
	if note := periodNote(m, f.set, d); note != "" {
		fmt.Fprintf(stderr, "tempfit-cli fit: %s\n", note)
	}
	if p.hold.Kind != fit.HoldNone {
		var err error
		if job.train, job.held, err = holdOut(d, p.hold); err != nil {
			return nil, flagError("--hold-out "+p.hold.String(), err)
		}
		if job.held == nil {
			fmt.Fprintf(stderr, "tempfit-cli fit: warning: --hold-out %s holds no point of %s out\n", p.hold, src.Name)
		}
	}
	n := job.train.Len()
	if f.degree.best || f.harmonics.best {
		cmp, err := compareSizes(job.train, m, f, n)
		if err != nil {
			return nil, err
		}
		job.best = &cmp
		m = cmp.Candidates[cmp.Best].Model
	}
	if p.cfg.Method == optim.Exact && m.NumParams() > n {
		return nil, usageError{fmt.Errorf("--optimizer exact: the model (%s) has %d parameters and there are only %s to fit them to; an exact least-squares fit needs at least as many points as parameters", m, m.NumParams(), plural(n, "point"))}
	}
	job.cfg.Model = m
	if p.grid != nil {
		var err error
		if job.grid, err = p.grid.Points(d); err != nil {
			return nil, flagError("--grid "+p.grid.String(), err)
		}
	}
	return job, nil
}

// holdOut splits d by the rule into the points to train on and those
// held out, both on d's x axis.
func holdOut(d *data.Dataset, rule fit.HoldRule) (train, held *data.Dataset, err error) {
	train, held, err = fit.Split(d, rule.Mask(d.X))
	if err != nil {
		return nil, nil, err
	}
	train.XAxis = d.XAxis
	if held != nil {
		held.XAxis = d.XAxis
	}
	return train, held, nil
}

// compareSizes compares the sizes of model m on the n points of d for
// --degree best or --harmonics best; the best has the lowest leave-one-out
// error.
func compareSizes(d *data.Dataset, m fit.Model, f *fitFlags, n int) (fit.Comparison, error) {
	var models []fit.Model
	flagName := "--degree best"
	if m.Kind == fit.Seasonal {
		flagName = "--harmonics best"
		models = fit.HarmonicCandidates(n, m, f.maxHarmonicsFor(f.set, n))
	} else {
		models = fit.DegreeCandidates(n, m.Scaling)
	}
	if len(models) == 0 {
		return fit.Comparison{}, usageError{fmt.Errorf("%s: %d points are too few to compare models on", flagName, n)}
	}
	cmp, err := fit.Compare(d, models, fit.CompareOptions{Seed: defaultSeed})
	if err != nil {
		return cmp, err
	}
	if cmp.Best < 0 {
		return cmp, errors.New(flagName + ": every model compared is one of many that fit equally well; choose the size yourself")
	}
	return cmp, nil
}

// defaultSeed is the seed of cross-validation folds unless --seed is
// given.
const defaultSeed = 1

// plural returns "1 point" or "n points".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
