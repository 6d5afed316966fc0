package main

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"text/tabwriter"
	"time"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/landscape"
	"tempfit/core/race"
)

// raceReport is what race prints with --json.
type raceReport struct {
	Settings   raceSettings `json:"settings"`
	Data       dataInfo     `json:"data"`
	OptimumSSE float64      `json:"optimum_sse"`
	Condition  condition    `json:"condition"`
	Runs       []raceRun    `json:"runs"`
}

type raceSettings struct {
	Preset    string  `json:"preset,omitempty"`
	Model     string  `json:"model"`
	Degree    int     `json:"degree,omitempty"`
	Harmonics int     `json:"harmonics,omitempty"`
	Period    float64 `json:"period,omitempty"`
	Steps     int     `json:"steps"`
}

// condition holds cond(XᵀX); null stands for infinite.
type condition struct {
	Raw    number `json:"raw"`
	Scaled number `json:"scaled"`
}

type raceRun struct {
	Label               string    `json:"label"`
	Optimizer           string    `json:"optimizer"`
	LearningRate        float64   `json:"learning_rate"`
	Features            string    `json:"features"`
	State               string    `json:"state"`
	Error               string    `json:"error,omitempty"`
	Steps               int       `json:"steps"`
	StepsWithin1Pct     *int      `json:"steps_within_1pct"`   // null: never
	StepsWithinTenthPct *int      `json:"steps_within_0_1pct"` // null: never
	Loss                float64   `json:"loss"`
	BestLoss            float64   `json:"best_loss"`
	GapPercent          number    `json:"gap_percent"`
	WallTimeSeconds     float64   `json:"wall_time_seconds"`
	Weights             []float64 `json:"weights"`
	Coefficients        []float64 `json:"coefficients"`
}

// reached returns &steps, or nil (JSON null) for a gap never reached.
func reached(steps int) *int {
	if steps < 0 {
		return nil
	}
	return &steps
}

func buildRaceReport(f *raceFlags, source string, m fit.Model, steps int, d *data.Dataset, r *race.Race, cond landscape.Conditioning) raceReport {
	rep := raceReport{
		Settings:  raceSettings{Model: string(m.Kind), Steps: steps},
		Data:      dataInfo{Source: source, X: d.XName, Y: d.YName, Points: d.Len()},
		Condition: condition{Raw: number(cond.Raw), Scaled: number(cond.Scaled)},
		Runs:      []raceRun{},
	}
	if p, ok := race.LookupPreset(f.preset); ok {
		rep.Settings.Preset = p.Name
	}
	if m.Kind == fit.Seasonal {
		rep.Settings.Harmonics, rep.Settings.Period = m.Harmonics, m.Period
	} else {
		rep.Settings.Degree = m.Degree
	}
	for _, run := range r.Runs() {
		s, snap := run.Summary(), run.Snapshot()
		rep.OptimumSSE = s.OptimumSSE
		rr := raceRun{
			Label:               s.Label,
			Optimizer:           string(run.Spec.Method),
			LearningRate:        snap.LearningRate,
			Features:            string(run.Spec.Features),
			State:               s.State.String(),
			Steps:               s.Step,
			StepsWithin1Pct:     reached(s.StepsWithin1Pct),
			StepsWithinTenthPct: reached(s.StepsWithinTenthPct),
			Loss:                s.Loss,
			BestLoss:            s.BestLoss,
			GapPercent:          number(s.GapPercent),
			WallTimeSeconds:     s.Elapsed.Seconds(),
			Weights:             snap.Weights,
			Coefficients:        snap.Raw,
		}
		if s.Err != nil {
			rr.Error = s.Err.Error()
		}
		rep.Runs = append(rep.Runs, rr)
	}
	return rep
}

func printRaceReport(w io.Writer, rep raceReport, cond landscape.Conditioning) {
	fmt.Fprintf(w, "Race: %s on %s, %d points (x: %s, y: %s); %d steps each from zero weights\n",
		raceModelName(cond.Model), rep.Data.Source, rep.Data.Points, rep.Data.X, rep.Data.Y, rep.Settings.Steps)
	fmt.Fprintf(w, "Exact optimum (least squares): SSE %.6f\n\n", rep.OptimumSSE)
	// The numbers align right; the labels, padded to one width, left.
	width := len("run")
	for _, run := range rep.Runs {
		width = max(width, len(run.Label))
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%-*s\tsteps\twithin 1%%\twithin 0.1%%\tbest loss\tgap\twall time\t  state\n", width, "run")
	for _, run := range rep.Runs {
		fmt.Fprintf(tw, "%-*s\t%d\t%s\t%s\t%.6f\t%s\t%s\t  %s\n",
			width, run.Label, run.Steps, stepsText(run.StepsWithin1Pct), stepsText(run.StepsWithinTenthPct),
			run.BestLoss, gapText(run.GapPercent), durationText(run.WallTimeSeconds), run.State)
	}
	tw.Flush()
	for _, run := range rep.Runs {
		if run.Error != "" {
			fmt.Fprintf(w, "%s: %s\n", run.Label, run.Error)
		}
	}
	fmt.Fprintf(w, "\n%s\n", cond.Sentence())
}

// raceModelName names the model without a feature scaling, which each run
// has its own of.
func raceModelName(m fit.Model) string {
	if m.Kind == fit.Polynomial {
		return fmt.Sprintf("polynomial of degree %d", m.Degree)
	}
	return m.String()
}

func stepsText(steps *int) string {
	if steps == nil {
		return "-"
	}
	return strconv.Itoa(*steps)
}

func gapText(gap number) string {
	v := float64(gap)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "n/a"
	}
	if v < 0 && v > -5e-5 {
		v = 0 // a loss a rounding error below the optimum's
	}
	return strconv.FormatFloat(v, 'f', 4, 64) + "%"
}

// durationText writes seconds to about three significant digits.
func durationText(seconds float64) string {
	d := time.Duration(seconds * float64(time.Second))
	switch {
	case d < time.Millisecond:
		return d.Round(time.Microsecond).String()
	case d < time.Second:
		return d.Round(100 * time.Microsecond).String()
	}
	return d.Round(10 * time.Millisecond).String()
}
