package main

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"tempfit/core/fit"
	"tempfit/core/optim"
	"tempfit/core/train"
)

// printReport prints the report of a fit as text, after the book's step
// lines.
func printReport(w io.Writer, f *fitFlags, s *train.Snapshot, r report) {
	pr, cfg := s.Problem, s.Config
	fmt.Fprintf(w, "\nModel: %s; optimizer %s", cfg.Model, cfg.Method)
	if optim.UsesLearningRate(cfg.Method) {
		fmt.Fprintf(w, ", learning rate %g", s.LearningRate)
	}
	fmt.Fprintf(w, "; step %d of %d, %s\n", s.Step, s.Budget, s.State)
	if s.Err != nil {
		fmt.Fprintf(w, "Stopped: %v\n", s.Err)
	}
	fmt.Fprintf(w, "Data: %s", r.Data.Source)
	if r.Data.Sheet != "" {
		fmt.Fprintf(w, ", sheet %s", r.Data.Sheet)
	}
	fmt.Fprintf(w, ", %d points (x: %s, y: %s)\n", r.Data.Points, r.Data.X, r.Data.Y)
	if h := r.HeldOut; h != nil {
		fmt.Fprintf(w, "Held out: %d points (%s); trained on the other %d\n", h.Points, h.Rule, h.TrainingPoints)
	}
	if r.Chosen != nil {
		printChoice(w, cfg.Model, r.Chosen)
	}

	c := pr.Coefficients(s.Weights)
	fmt.Fprintln(w)
	printShownCoefficients(w, c, xMeaning(pr.Data))
	if cfg.Model.Scaling == fit.Scaled && cfg.Model.TrendDegree() > 0 {
		fmt.Fprintf(w, "Weights (of scaled x):\n")
		printCoefficients(w, fit.CoefficientsText(cfg.Model, s.Weights))
	}
	fmt.Fprintf(w, "Equation: %s\n", r.Equation)
	if f.rawCoefficients {
		printRawCoefficients(w, c, xMeaning(pr.Data))
	}

	fmt.Fprintln(w)
	printInference(w, pr.Inference(s.Weights, r.Settings.Level))
	if r.Trend != nil {
		fmt.Fprintf(w, "Trend: %s\n", r.Trend.Text)
		if r.Trend.Warning != "" {
			fmt.Fprintf(w, "  warning: %s\n", r.Trend.Warning)
		}
	}

	st, in := s.Stats, r.Inference
	fmt.Fprintf(w, "\nStatistics:\n  SSE  %.6f\n  MSE  %.6f\n  RMSE %.6f\n  R²   %s\n  adjusted R² %s\n",
		st.SSE, st.MSE, st.RMSE, formatFixed(st.R2, 5), formatFixed(st.AdjR2, 5))
	fmt.Fprintf(w, "  residual SD %s on %d degrees of freedom\n  AIC  %s\n  BIC  %s\n",
		formatG(float64(in.Sigma), 6), in.DF, formatFixed(float64(in.AIC), 4), formatFixed(float64(in.BIC), 4))
	if h := r.HeldOut; h != nil {
		fmt.Fprintf(w, "  held-out RMSE %.6f on %d points (%s)\n", float64(h.RMSE), h.Points, h.Rule)
	}

	fmt.Fprintf(w, "\nExact optimum (least squares): SSE %.6f", float64(r.Optimum.SSE))
	if gap := st.GapPercent; !math.IsNaN(gap) && !math.IsInf(gap, 0) {
		text := fmt.Sprintf("%.4f", gap)
		if text == "-0.0000" {
			text = "0.0000" // rounding put a converged fit a hair below the optimum
		}
		fmt.Fprintf(w, ", gap %s%%", text)
	}
	fmt.Fprintf(w, "\n")
	printCoefficients(w, pr.Coefficients(pr.Optimum()).Text())
	if r.Warning != "" {
		fmt.Fprintf(w, "Note: %s\n", r.Warning)
	}
	if o := r.Output; o != nil {
		printOutput(w, o)
	}
}

// printShownCoefficients prints the coefficients c under a heading that
// says what x means and, when they are in t, what t is and why.
func printShownCoefficients(w io.Writer, c fit.Coefficients, x string) {
	if def := c.Definition(); def != "" {
		fmt.Fprintf(w, "Coefficients in %s, %s:\n", def, x)
		fmt.Fprintf(w, "  in t because %s\n", c.Reason)
	} else {
		fmt.Fprintf(w, "Coefficients (%s):\n", x)
	}
	printCoefficients(w, c.Text())
}

// printRawCoefficients prints the coefficients of the powers of x for
// --raw-coefficients, with their warning when they miss the curve.
func printRawCoefficients(w io.Writer, c fit.Coefficients, x string) {
	if c.Variable == "x" {
		fmt.Fprintf(w, "Raw coefficients: as above, the equation is in x.\n")
		return
	}
	fmt.Fprintf(w, "Raw coefficients (%s):\n", x)
	if warning := c.RawWarning(); warning != "" {
		fmt.Fprintf(w, "  %s\n", warning)
	}
	printCoefficients(w, fit.CoefficientsText(c.Model, c.Raw))
}

// printCoefficients prints lines of name, term and value separated by
// tabs, as fit.CoefficientsText writes them, in aligned columns.
func printCoefficients(w io.Writer, text string) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		fmt.Fprintf(tw, "  %s\n", line)
	}
	tw.Flush()
}

// printInference prints each coefficient's estimate, standard error, t,
// p-value and confidence interval as a table.
func printInference(w io.Writer, in fit.Inference) {
	level := levelText(in.Level)
	fmt.Fprintf(w, "Uncertainty (%s intervals; residual SD %s on %d degrees of freedom):\n", level, formatG(in.Sigma, 4), in.DF)
	// The cells are aligned right, the names left by padding them.
	width := len("coef")
	for _, e := range in.Estimates {
		width = max(width, len(e.Name))
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%-*s\testimate\tstd. error\tt\tp\t%s interval\t\n", width, "coef", level)
	for _, e := range in.Estimates {
		interval := "n/a"
		if !math.IsNaN(e.Lower) {
			interval = formatG(e.Lower, 6) + " to " + formatG(e.Upper, 6)
		}
		fmt.Fprintf(tw, "%-*s\t%s\t%s\t%s\t%s\t%s\t\n", width, e.Name, formatG(e.Value, 6), formatG(e.StdErr, 4), formatFixed(e.T, 2), formatP(e.P), interval)
	}
	tw.Flush()
}

// printChoice says which model --degree best or --harmonics best chose.
func printChoice(w io.Writer, m fit.Model, c *chosenInfo) {
	first, last := c.Candidates[0], c.Candidates[len(c.Candidates)-1]
	if m.Kind == fit.Seasonal {
		fmt.Fprintf(w, "Chosen: %d harmonics of 1 to %d, the lowest leave-one-out error (see tempfit-cli degrees)\n", m.Harmonics, *last.Harmonics)
		return
	}
	fmt.Fprintf(w, "Chosen: degree %d of %d to %d, the lowest leave-one-out error (see tempfit-cli degrees)\n", m.Degree, *first.Degree, *last.Degree)
}

// printOutput says what --out wrote.
func printOutput(w io.Writer, o *outputInfo) {
	fmt.Fprintf(w, "Predictions: %s, %d points", o.File, o.Points)
	if o.Grid != "" {
		fmt.Fprintf(w, " on the grid %s", o.Grid)
	}
	if o.Interval != "" {
		fmt.Fprintf(w, ", with %s %s intervals (lower, upper)", levelText(o.Level), o.Interval)
	}
	fmt.Fprintln(w)
}

// formatFixed formats v with the given decimals, "n/a" when it is not a
// finite number.
func formatFixed(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "n/a"
	}
	return strconv.FormatFloat(v, 'f', decimals, 64)
}

// formatG formats v with the given significant digits, "n/a" when it is
// not a finite number.
func formatG(v float64, digits int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "n/a"
	}
	return strconv.FormatFloat(v, 'g', digits, 64)
}

// formatP formats a p-value as R does: four decimals, or two significant
// digits below 0.0001, and "<2e-16" below float64's resolution.
func formatP(p float64) string {
	switch {
	case math.IsNaN(p):
		return "n/a"
	case p < 2.2e-16:
		return "<2e-16"
	case p < 1e-4:
		return strconv.FormatFloat(p, 'e', 1, 64)
	}
	return strconv.FormatFloat(p, 'f', 4, 64)
}
