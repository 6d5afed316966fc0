package main

import (
	"tempfit/core/data"
	"tempfit/core/fit"
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
	Weights      []number     `json:"weights"`
	Coefficients coefficients `json:"coefficients"`
	Equation     string       `json:"equation"`
	Statistics   statistics   `json:"statistics"`
	Inference    inference    `json:"inference"`
	Trend        *trendInfo   `json:"trend,omitempty"`
	HeldOut      *heldOutInfo `json:"held_out,omitempty"`
	Chosen       *chosenInfo  `json:"chosen,omitempty"`
	Optimum      optimum      `json:"optimum"`
	Output       *outputInfo  `json:"output,omitempty"`
	Warning      string       `json:"warning,omitempty"`
}

type settings struct {
	Model        string   `json:"model"`
	Degree       *int     `json:"degree,omitempty"`
	Harmonics    *int     `json:"harmonics,omitempty"`
	Trend        *int     `json:"trend,omitempty"`
	Period       *float64 `json:"period,omitempty"`
	Features     string   `json:"features"`
	Optimizer    string   `json:"optimizer"`
	LearningRate float64  `json:"learning_rate"`
	Steps        int      `json:"steps"`
	LogEvery     int      `json:"log_every"`
	Level        float64  `json:"level"`
	HoldOut      string   `json:"hold_out"`
}

type dataInfo struct {
	Source       string `json:"source"`
	X            string `json:"x"`
	Y            string `json:"y"`
	XAxis        string `json:"x_axis"`            // number, date, datetime, yearmonth or monthname
	XMeans       string `json:"x_means,omitempty"` // "x = days since 2012-01-01"
	Points       int    `json:"points"`
	Encoding     string `json:"encoding,omitempty"`
	Sheet        string `json:"sheet,omitempty"`
	Missing      int    `json:"missing_rows"`
	MissingLines []int  `json:"missing_lines,omitempty"`
	Skipped      int    `json:"skipped_rows"`
}

type checkpoint struct {
	Step int    `json:"step"`
	Loss number `json:"loss"`
}

// coefficients are the coefficients as Tempfit shows them: in x, or in
// t = (x − center)/scale when the powers of x cannot hold them.
type coefficients struct {
	Variable   string   `json:"variable"` // "x" or "t"
	Definition string   `json:"definition,omitempty"`
	Center     *float64 `json:"center,omitempty"`
	Scale      *float64 `json:"scale,omitempty"`
	Reason     string   `json:"reason,omitempty"`
	Names      []string `json:"names"`
	Terms      []string `json:"terms"`
	Values     []number `json:"values"`
	Raw        []number `json:"raw"` // in x, each the float64 nearest the exact value
	RawExact   bool     `json:"raw_exact"`
	RawError   number   `json:"raw_error"` // of Raw, relative to the range of y
	RawWarning string   `json:"raw_warning,omitempty"`
}

type statistics struct {
	SSE        number `json:"sse"`
	MSE        number `json:"mse"`
	RMSE       number `json:"rmse"`
	R2         number `json:"r2"`
	AdjR2      number `json:"adjusted_r2"`
	GapPercent number `json:"gap_percent"`
}

// inference is the uncertainty of the fit, in the basis of coefficients.
type inference struct {
	Level     float64    `json:"level"`
	Points    int        `json:"points"`
	Params    int        `json:"params"`
	Rank      int        `json:"rank"`
	DF        int        `json:"df"`
	Sigma     number     `json:"residual_sd"`
	R2        number     `json:"r2"`
	AdjR2     number     `json:"adjusted_r2"`
	F         number     `json:"f"`
	FP        number     `json:"f_p"`
	LogLik    number     `json:"log_likelihood"`
	AIC       number     `json:"aic"`
	BIC       number     `json:"bic"`
	Estimates []estimate `json:"estimates"`
}

type estimate struct {
	Name   string `json:"name"`
	Term   string `json:"term"`
	Value  number `json:"value"`
	StdErr number `json:"std_error"`
	T      number `json:"t"`
	P      number `json:"p"`
	Lower  number `json:"lower"`
	Upper  number `json:"upper"`
}

// heldOutInfo is how well the fit predicts the points held out of it.
type heldOutInfo struct {
	Rule           string `json:"rule"`
	Points         int    `json:"points"`
	TrainingPoints int    `json:"training_points"`
	SSE            number `json:"sse"`
	RMSE           number `json:"rmse"`
}

// chosenInfo says how --degree best or --harmonics best chose the model.
type chosenInfo struct {
	By         string      `json:"by"` // the rule
	Candidates []candidate `json:"candidates"`
}

type optimum struct {
	SSE          number       `json:"sse"`
	Weights      []number     `json:"weights"`
	Coefficients coefficients `json:"coefficients"`
}

func buildReport(f *fitFlags, p *fitPlan, job *fitJob, src *source, s *train.Snapshot, cps []checkpoint, out *outputInfo) report {
	pr, cfg, st := s.Problem, job.cfg, s.Stats
	r := report{
		Settings: settings{
			Model:        string(cfg.Model.Kind),
			Features:     string(cfg.Model.Scaling),
			Optimizer:    string(cfg.Method),
			LearningRate: s.LearningRate,
			Steps:        cfg.Steps,
			LogEvery:     f.logEvery,
			Level:        p.level,
			HoldOut:      p.hold.String(),
		},
		Data:         newDataInfo(src),
		Checkpoints:  cps,
		State:        s.State.String(),
		Steps:        s.Step,
		Weights:      numbers(s.Weights),
		Coefficients: newCoefficients(pr.Coefficients(s.Weights)),
		Equation:     equation(pr, s.Weights),
		Statistics: statistics{
			SSE: number(st.SSE), MSE: number(st.MSE), RMSE: number(st.RMSE),
			R2: number(st.R2), AdjR2: number(st.AdjR2), GapPercent: number(st.GapPercent),
		},
		Inference: newInference(pr.Inference(s.Weights, p.level)),
		Trend:     trendPerDecade(pr, s.Weights, p.level),
		Optimum: optimum{
			SSE:          number(pr.OptimumSSE()),
			Weights:      numbers(pr.Optimum()),
			Coefficients: newCoefficients(pr.Coefficients(pr.Optimum())),
		},
		Output: out,
	}
	if r.Checkpoints == nil {
		r.Checkpoints = []checkpoint{}
	}
	m := cfg.Model
	if m.Kind == fit.Seasonal {
		r.Settings.Harmonics, r.Settings.Trend, r.Settings.Period = &m.Harmonics, &m.Trend, &m.Period
	} else {
		r.Settings.Degree = &m.Degree
	}
	if job.held != nil {
		r.HeldOut = &heldOutInfo{
			Rule: p.hold.String(), Points: s.HeldOut.N, TrainingPoints: job.train.Len(),
			SSE: number(s.HeldOut.SSE), RMSE: number(s.HeldOut.RMSE),
		}
	}
	if job.best != nil {
		r.Chosen = &chosenInfo{By: bestRule, Candidates: newCandidates(*job.best)}
	}
	if s.Err != nil {
		r.Error = s.Err.Error()
	}
	if w := pr.Warning(); w != nil {
		r.Warning = w.Error()
	}
	return r
}

func newDataInfo(src *source) dataInfo {
	d, res := src.Data, src.Result
	return dataInfo{
		Source: src.Name, X: d.XName, Y: d.YName,
		XAxis: d.XAxis.Kind.String(), XMeans: d.XAxis.Phrase(),
		Points: d.Len(), Encoding: res.Encoding, Sheet: res.Sheet,
		Missing: res.Missing, MissingLines: res.MissingLines, Skipped: res.Skipped,
	}
}

func newCoefficients(c fit.Coefficients) coefficients {
	out := coefficients{
		Variable: c.Variable, Definition: c.Definition(), Reason: c.Reason,
		Names: c.Names, Terms: c.Terms, Values: numbers(c.Values),
		Raw: numbers(c.Raw), RawExact: c.RawExact(), RawError: number(c.RawError), RawWarning: c.RawWarning(),
	}
	if c.Variable == "t" {
		out.Center, out.Scale = &c.Center, &c.Scale
	}
	return out
}

func newInference(in fit.Inference) inference {
	out := inference{
		Level: in.Level, Points: in.N, Params: in.Params, Rank: in.Rank, DF: in.DF,
		Sigma: number(in.Sigma), R2: number(in.R2), AdjR2: number(in.AdjR2),
		F: number(in.F), FP: number(in.FP),
		LogLik: number(in.LogLik), AIC: number(in.AIC), BIC: number(in.BIC),
		Estimates: make([]estimate, len(in.Estimates)),
	}
	for i, e := range in.Estimates {
		out.Estimates[i] = estimate{
			Name: e.Name, Term: e.Term, Value: number(e.Value), StdErr: number(e.StdErr),
			T: number(e.T), P: number(e.P), Lower: number(e.Lower), Upper: number(e.Upper),
		}
	}
	return out
}

// equation returns the equation of weights w in the variable Tempfit shows,
// followed by what x means when x is not a plain number.
func equation(pr *fit.Problem, w []float64) string {
	eq := pr.Coefficients(w).Equation(7)
	if phrase := pr.Data.XAxis.Phrase(); phrase != "" {
		eq += ", " + phrase
	}
	return eq
}

// xMeaning returns what x is for headings: the axis's phrase, such as
// "x = days since 2012-01-01", or "x = <column>" for plain numbers.
func xMeaning(d *data.Dataset) string {
	if phrase := d.XAxis.Phrase(); phrase != "" {
		return phrase
	}
	return "x = " + d.XName
}
