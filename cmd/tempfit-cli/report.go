package main

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/optim"
	"tempfit/core/train"
)

// report is what fit prints with --json.
type report struct {
	Settings     settings     `json:"settings"`
	Data         dataInfo     `json:"data"`
	Checkpoints  []checkpoint `json:"checkpoints"`
	State        string       `json:"state"`
	Error        string       `json:"error,omitempty"`
	Steps        int          `json:"steps"`
	Weights      []float64    `json:"weights"`
	Coefficients []float64    `json:"coefficients"`
	Equation     string       `json:"equation"`
	Statistics   statistics   `json:"statistics"`
	Optimum      optimum      `json:"optimum"`
	Warning      string       `json:"warning,omitempty"`
}

type settings struct {
	Model        string  `json:"model"`
	Degree       int     `json:"degree,omitempty"`
	Harmonics    int     `json:"harmonics,omitempty"`
	Period       float64 `json:"period,omitempty"`
	Features     string  `json:"features"`
	Optimizer    string  `json:"optimizer"`
	LearningRate float64 `json:"learning_rate"`
	Steps        int     `json:"steps"`
	LogEvery     int     `json:"log_every"`
}

type dataInfo struct {
	Source string `json:"source"`
	X      string `json:"x"`
	Y      string `json:"y"`
	Points int    `json:"points"`
}

type checkpoint struct {
	Step int     `json:"step"`
	Loss float64 `json:"loss"`
}

type statistics struct {
	SSE        float64  `json:"sse"`
	MSE        float64  `json:"mse"`
	RMSE       float64  `json:"rmse"`
	R2         *float64 `json:"r2"`
	AdjR2      *float64 `json:"adjusted_r2"`
	GapPercent *float64 `json:"gap_percent"`
}

type optimum struct {
	SSE          float64   `json:"sse"`
	Weights      []float64 `json:"weights"`
	Coefficients []float64 `json:"coefficients"`
}

// finite returns &v, or nil (JSON null) for NaN and infinities.
func finite(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

func buildReport(f *fitFlags, cfg train.Config, d *data.Dataset, s *train.Snapshot, cps []checkpoint) report {
	pr := s.Problem
	st := s.Stats
	r := report{
		Settings: settings{
			Model:        string(cfg.Model.Kind),
			Features:     string(cfg.Model.Scaling),
			Optimizer:    string(cfg.Method),
			LearningRate: s.LearningRate,
			Steps:        cfg.Steps,
			LogEvery:     f.logEvery,
		},
		Data:         dataInfo{Source: f.source(), X: d.XName, Y: d.YName, Points: d.Len()},
		Checkpoints:  cps,
		State:        s.State.String(),
		Steps:        s.Step,
		Weights:      s.Weights,
		Coefficients: s.Raw,
		Equation:     fit.Equation(cfg.Model, s.Raw, 7),
		Statistics: statistics{
			SSE: st.SSE, MSE: st.MSE, RMSE: st.RMSE,
			R2: finite(st.R2), AdjR2: finite(st.AdjR2), GapPercent: finite(st.GapPercent),
		},
		Optimum: optimum{
			SSE:          pr.OptimumSSE(),
			Weights:      pr.Optimum(),
			Coefficients: pr.Basis.RawCoefficients(pr.Optimum()),
		},
	}
	if r.Checkpoints == nil {
		r.Checkpoints = []checkpoint{}
	}
	if cfg.Model.Kind == fit.Seasonal {
		r.Settings.Harmonics, r.Settings.Period = cfg.Model.Harmonics, cfg.Model.Period
	} else {
		r.Settings.Degree = cfg.Model.Degree
	}
	if s.Err != nil {
		r.Error = s.Err.Error()
	}
	if w := pr.Warning(); w != nil {
		r.Warning = w.Error()
	}
	return r
}

func printReport(w io.Writer, cfg train.Config, s *train.Snapshot, r report) {
	fmt.Fprintf(w, "\nModel: %s; optimizer %s", cfg.Model, cfg.Method)
	if optim.UsesLearningRate(cfg.Method) {
		fmt.Fprintf(w, ", learning rate %g", s.LearningRate)
	}
	fmt.Fprintf(w, "; step %d of %d, %s\n", s.Step, s.Budget, s.State)
	if s.Err != nil {
		fmt.Fprintf(w, "Stopped: %v\n", s.Err)
	}
	fmt.Fprintf(w, "Data: %s, %d points (x: %s, y: %s)\n", r.Data.Source, r.Data.Points, r.Data.X, r.Data.Y)
	fmt.Fprintf(w, "\nCoefficients (in %s):\n", r.Data.X)
	printCoefficients(w, cfg.Model, s.Raw)
	if cfg.Model.Kind == fit.Polynomial && cfg.Model.Scaling == fit.Scaled {
		fmt.Fprintf(w, "Weights (of scaled x):\n")
		printCoefficients(w, cfg.Model, s.Weights)
	}
	fmt.Fprintf(w, "Equation: %s\n", r.Equation)
	st := s.Stats
	fmt.Fprintf(w, "\nStatistics:\n  SSE  %.6f\n  MSE  %.6f\n  RMSE %.6f\n  R²   %s\n  adjusted R² %s\n",
		st.SSE, st.MSE, st.RMSE, formatStat(st.R2, 5), formatStat(st.AdjR2, 5))
	fmt.Fprintf(w, "\nExact optimum (least squares): SSE %.6f", r.Optimum.SSE)
	if gap := finite(st.GapPercent); gap != nil {
		fmt.Fprintf(w, ", gap %.4f%%", *gap)
	}
	fmt.Fprintf(w, "\n")
	printCoefficients(w, cfg.Model, r.Optimum.Coefficients)
	if r.Warning != "" {
		fmt.Fprintf(w, "Note: %s\n", r.Warning)
	}
}

func printCoefficients(w io.Writer, m fit.Model, c []float64) {
	for _, line := range strings.Split(strings.TrimRight(fit.CoefficientsText(m, c), "\n"), "\n") {
		fields := strings.Split(line, "\t")
		fmt.Fprintf(w, "  %-4s %-18s %s\n", fields[0], fields[1], fields[2])
	}
}

func formatStat(v float64, digits int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "n/a"
	}
	return strconv.FormatFloat(v, 'f', digits, 64)
}
