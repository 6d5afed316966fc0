package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"text/tabwriter"

	"tempfit/core/fit"
)

// bestRule is how a comparison chooses the best model, as fit.Comparison
// does.
const bestRule = "the lowest leave-one-out error (PRESS) among fits without a warning, the fewer parameters on a tie"

// degreesFlags are the settings of one degrees command.
type degreesFlags struct {
	sourceFlags
	modelFlags
	folds int
	seed  uint64
	json  bool

	set map[string]bool
}

func newDegreesFlagSet(f *degreesFlags, output io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("tempfit-cli degrees", flag.ContinueOnError)
	fs.SetOutput(output)
	f.sourceFlags.register(fs)
	f.modelFlags.register(fs, false)
	fs.IntVar(&f.folds, "folds", 0, fmt.Sprintf("cross-validation folds, 2 to the number of points (default %d, or one per point when fewer)", fit.DefaultFolds))
	fs.Uint64Var(&f.seed, "seed", defaultSeed, "seed of the random assignment of points to folds")
	fs.BoolVar(&f.json, "json", false, "print one JSON object instead of text")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), `Usage: tempfit-cli degrees [flags]

Compares models of every size by their exact least-squares fits: polynomials
of degree 0 to min(%d, points−2), or with --model seasonal 1 to
--max-harmonics harmonics on the --trend. For each it prints the training
SSE, PRESS (the leave-one-out error), the k-fold cross-validation error, AIC
and BIC, and marks the best:
  %s.
"tempfit-cli fit --degree best" (or --harmonics best) fits it.

Flags:
`, fit.MaxDegree, bestRule)
		fs.PrintDefaults()
	}
	return fs
}

func runDegrees(args []string, stdout, stderr io.Writer) int {
	const cmd = "tempfit-cli degrees"
	var f degreesFlags
	set, status, ok := parseFlags(newDegreesFlagSet(&f, stderr), args, stderr)
	if !ok {
		return status
	}
	f.set = set
	return exitStatus(compareAndReport(&f, stdout, stderr), cmd, stderr)
}

// comparisonReport is what degrees prints with --json.
type comparisonReport struct {
	Data       dataInfo    `json:"data"`
	Model      string      `json:"model"`
	Features   string      `json:"features"`
	Trend      *int        `json:"trend,omitempty"`
	Period     *float64    `json:"period,omitempty"`
	Folds      int         `json:"folds"`
	Seed       uint64      `json:"seed"`
	Rule       string      `json:"rule"`
	Best       int         `json:"best"` // index into Candidates, −1 when none qualifies
	Candidates []candidate `json:"candidates"`
}

// candidate is one model of a comparison.
type candidate struct {
	Degree    *int   `json:"degree,omitempty"`
	Harmonics *int   `json:"harmonics,omitempty"`
	Params    int    `json:"params"`
	SSE       number `json:"sse"`
	PRESS     number `json:"press"`
	CV        number `json:"cv"`
	AIC       number `json:"aic"`
	BIC       number `json:"bic"`
	Best      bool   `json:"best"`
	Warning   string `json:"warning,omitempty"`
}

func newCandidates(cmp fit.Comparison) []candidate {
	out := make([]candidate, len(cmp.Candidates))
	for i, c := range cmp.Candidates {
		out[i] = candidate{
			Params: c.Params, SSE: number(c.SSE), PRESS: number(c.PRESS), CV: number(c.CV),
			AIC: number(c.AIC), BIC: number(c.BIC), Best: i == cmp.Best,
		}
		if c.Model.Kind == fit.Seasonal {
			out[i].Harmonics = &c.Model.Harmonics
		} else {
			out[i].Degree = &c.Model.Degree
		}
		if c.Warning != nil {
			out[i].Warning = c.Warning.Error()
		}
	}
	return out
}

func compareAndReport(f *degreesFlags, stdout, stderr io.Writer) error {
	const cmd = "tempfit-cli degrees"
	if err := f.sourceFlags.check(f.set); err != nil {
		return err
	}
	m, err := f.modelFlags.check(f.set)
	if err != nil {
		return err
	}
	if f.set["folds"] && f.folds < 2 {
		return usageError{fmt.Errorf("--folds %d: want at least 2", f.folds)}
	}
	src, err := f.read(cmd, stderr)
	if err != nil {
		return err
	}
	d := src.Data
	m = f.forData(m, f.set, d)
	if note := periodNote(m, f.set, d); note != "" {
		fmt.Fprintf(stderr, "%s: %s\n", cmd, note)
	}
	n := d.Len()
	if f.folds > n {
		return usageError{fmt.Errorf("--folds %d: more folds than the %d points", f.folds, n)}
	}
	var models []fit.Model
	if m.Kind == fit.Seasonal {
		models = fit.HarmonicCandidates(n, m, f.maxHarmonicsFor(f.set, n))
	} else {
		models = fit.DegreeCandidates(n, m.Scaling)
	}
	if len(models) == 0 {
		return fmt.Errorf("%s has %d points: too few to compare models of any size, which needs two more points than parameters", src.Name, n)
	}
	cmp, err := fit.Compare(d, models, fit.CompareOptions{Folds: f.folds, Seed: f.seed})
	if err != nil {
		return err
	}
	r := comparisonReport{
		Data: newDataInfo(src), Model: string(m.Kind), Features: string(m.Scaling),
		Folds: cmp.Folds, Seed: cmp.Seed, Rule: bestRule, Best: cmp.Best, Candidates: newCandidates(cmp),
	}
	if m.Kind == fit.Seasonal {
		r.Trend, r.Period = &m.Trend, &m.Period
	}
	if f.json {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	printComparison(stdout, m, r)
	return nil
}

// printComparison prints the comparison as a table with the best marked.
func printComparison(w io.Writer, m fit.Model, r comparisonReport) {
	first, last := r.Candidates[0], r.Candidates[len(r.Candidates)-1]
	if m.Kind == fit.Seasonal {
		fmt.Fprintf(w, "Seasonal models with 1 to %d harmonics, period %g", *last.Harmonics, m.Period)
		if m.Trend > 0 {
			fmt.Fprintf(w, ", trend of degree %d", m.Trend)
		}
	} else {
		fmt.Fprintf(w, "Polynomials of degree %d to %d, %s x", *first.Degree, *last.Degree, m.Scaling)
	}
	fmt.Fprintf(w, ", fitted exactly to %s, %d points (x: %s, y: %s).\n", r.Data.Source, r.Data.Points, r.Data.X, r.Data.Y)
	fmt.Fprintf(w, "PRESS is the leave-one-out error; CV the %d-fold cross-validation error (seed %d).\n\n", r.Folds, r.Seed)

	size := "degree"
	if m.Kind == fit.Seasonal {
		size = "harmonics"
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\tparams\tSSE\tPRESS\tCV\tAIC\tBIC\t\n", size)
	warned := false
	for _, c := range r.Candidates {
		n := 0
		if c.Degree != nil {
			n = *c.Degree
		} else {
			n = *c.Harmonics
		}
		mark := ""
		switch {
		case c.Best:
			mark = "  ← best"
		case c.Warning != "":
			mark, warned = "  !", true
		}
		fmt.Fprintf(tw, "%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", n, c.Params,
			formatError(float64(c.SSE)), formatError(float64(c.PRESS)), formatError(float64(c.CV)),
			formatFixed(float64(c.AIC), 2), formatFixed(float64(c.BIC), 2), mark)
	}
	tw.Flush()
	fmt.Fprintf(w, "\nBest: %s.\n", bestRule)
	if r.Best < 0 {
		fmt.Fprintf(w, "No model qualifies: every fit is one of many that fit equally well.\n")
	} else if m.Kind == fit.Seasonal {
		fmt.Fprintf(w, "tempfit-cli fit with the same flags and --harmonics best (or --harmonics %d) fits it.\n", *r.Candidates[r.Best].Harmonics)
	} else {
		fmt.Fprintf(w, "tempfit-cli fit with the same flags and --degree best (or --degree %d) fits it.\n", *r.Candidates[r.Best].Degree)
	}
	if warned {
		fmt.Fprintf(w, "! the exact solve warned: more parameters than the data can tell apart.\n")
	}
}

// formatError formats a sum of squared errors to six significant digits,
// "inf" when a point decides its own fit alone and "n/a" when there is
// none.
func formatError(v float64) string {
	switch {
	case math.IsInf(v, 1):
		return "inf"
	case math.IsNaN(v):
		return "n/a"
	}
	return strconv.FormatFloat(v, 'g', 6, 64)
}
