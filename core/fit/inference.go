package fit

import (
	"errors"
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// DefaultLevel is the confidence level of intervals and bands: 95%.
const DefaultLevel = 0.95

// Estimate is one coefficient with its uncertainty.
type Estimate struct {
	Name, Term   string  // as in Coefficients
	Value        float64 // the coefficient
	StdErr       float64 // its standard error
	T            float64 // Value / StdErr
	P            float64 // two-sided p-value of T under Student's t with DF degrees of freedom
	Lower, Upper float64 // confidence interval at the Inference's level
}

// Inference is the uncertainty of a fit under the usual assumptions of
// least squares: independent errors of one variance, normally
// distributed. Every statistic that needs more points than parameters is
// NaN without them, and so are the coefficients' when the problem is
// rank-deficient.
type Inference struct {
	N, Params, Rank int
	DF              int     // residual degrees of freedom, N − Rank
	Level           float64 // confidence level of the intervals
	SSE             float64
	Sigma           float64 // residual standard deviation, sqrt(SSE/DF)
	R2, AdjR2       float64 // R² and R² adjusted with DF
	// F is the statistic of the test against the constant model,
	// ((SST − SSE)/(Rank − 1)) / (SSE/DF), and FP its p-value.
	F, FP float64
	// LogLik is the Gaussian log-likelihood at the maximum-likelihood
	// σ² = SSE/N: −N/2·(ln 2π + ln(SSE/N) + 1). AIC = −2·LogLik + 2k and
	// BIC = −2·LogLik + ln(N)·k with k = Rank + 1, σ counted as a
	// parameter: the conventions of R's AIC and BIC for lm. A perfect fit
	// (SSE = 0) has AIC and BIC −Inf.
	LogLik, AIC, BIC float64
	// Coefficients says in which variable the estimates are.
	Coefficients Coefficients
	Estimates    []Estimate
	// Cov is the Params×Params covariance of the estimates, row major.
	Cov []float64
}

// Inference returns the uncertainty of the fit with weights w, exact or
// not, in the basis of Coefficients(w), at confidence level (DefaultLevel
// when level is not in (0, 1)).
func (pr *Problem) Inference(w []float64, level float64) Inference {
	if !(level > 0 && level < 1) {
		level = DefaultLevel
	}
	n, p := pr.Data.Len(), len(pr.opt)
	sse := pr.SSE(w)
	in := Inference{N: n, Params: p, Rank: pr.rank, DF: n - pr.rank, Level: level, SSE: sse}
	nan := math.NaN()
	in.Sigma, in.R2, in.AdjR2, in.F, in.FP = nan, nan, nan, nan, nan
	if pr.sst > 0 {
		in.R2 = 1 - sse/pr.sst
	}
	if in.DF > 0 {
		in.Sigma = math.Sqrt(sse / float64(in.DF))
		in.AdjR2 = 1 - (1-in.R2)*float64(n-1)/float64(in.DF)
		if pr.rank > 1 && sse > 0 {
			in.F = ((pr.sst - sse) / float64(pr.rank-1)) / (sse / float64(in.DF))
			in.FP = fPValue(in.F, pr.rank-1, in.DF)
		}
	}
	k := float64(pr.rank + 1)
	in.LogLik = -float64(n) / 2 * (math.Log(2*math.Pi) + math.Log(sse/float64(n)) + 1)
	in.AIC = -2*in.LogLik + 2*k
	in.BIC = -2*in.LogLik + math.Log(float64(n))*k

	in.Coefficients = pr.Coefficients(w)
	in.Cov = pr.shownCovariance(in.Sigma)
	q := pr.quantile(level)
	in.Estimates = make([]Estimate, p)
	for i, v := range in.Coefficients.Values {
		e := Estimate{Name: in.Coefficients.Names[i], Term: in.Coefficients.Terms[i], Value: v,
			StdErr: nan, T: nan, P: nan, Lower: nan, Upper: nan}
		if pr.rank == p && in.DF > 0 {
			e.StdErr = math.Sqrt(in.Cov[i*p+i])
			e.T = v / e.StdErr
			e.P = tPValue(e.T, in.DF)
			e.Lower, e.Upper = v-q*e.StdErr, v+q*e.StdErr
		}
		in.Estimates[i] = e
	}
	return in
}

// tPValue returns the two-sided p-value of t under Student's t with df
// degrees of freedom: NaN for NaN, 0 for an infinite t.
func tPValue(t float64, df int) float64 {
	switch {
	case math.IsNaN(t):
		return math.NaN()
	case math.IsInf(t, 0):
		return 0
	}
	return 2 * distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(df)}.Survival(math.Abs(t))
}

// fPValue returns the p-value of f under the F distribution with d1 and d2
// degrees of freedom: NaN for NaN, 0 for an infinite f.
func fPValue(f float64, d1, d2 int) float64 {
	switch {
	case math.IsNaN(f) || f < 0:
		return math.NaN()
	case math.IsInf(f, 0):
		return 0
	}
	return distuv.F{D1: float64(d1), D2: float64(d2)}.Survival(f)
}

// quantile returns Student's t quantile for a two-sided interval at level
// with the problem's residual degrees of freedom; NaN without any.
func (pr *Problem) quantile(level float64) float64 {
	df := pr.Data.Len() - pr.rank
	if df <= 0 {
		return math.NaN()
	}
	return distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(df)}.Quantile(1 - (1-level)/2)
}

// designCovariance returns σ²·(XᵀX)⁻¹ in the design basis, from the
// inverse of R: (XᵀX)⁻¹ = R⁻¹R⁻ᵀ. It is NaN when the problem is
// rank-deficient.
func (pr *Problem) designCovariance(sigma float64) []float64 {
	p := len(pr.opt)
	cov := make([]float64, p*p)
	for i := 0; i < p; i++ {
		for j := 0; j < p; j++ {
			s := 0.0
			for k := 0; k < p; k++ {
				s += pr.inv[i*p+k] * pr.inv[j*p+k]
			}
			cov[i*p+j] = sigma * sigma * s
			if pr.rank < p {
				cov[i*p+j] = math.NaN()
			}
		}
	}
	return cov
}

// shownCovariance returns the covariance in the basis of Coefficients:
// T·C·Tᵀ with T the exact map from design coefficients to shown ones.
func (pr *Problem) shownCovariance(sigma float64) []float64 {
	p := len(pr.opt)
	c := pr.designCovariance(sigma)
	t := pr.toShown()
	tc := make([]float64, p*p)
	for i := 0; i < p; i++ {
		for j := 0; j < p; j++ {
			for k := 0; k < p; k++ {
				tc[i*p+j] += t[i*p+k] * c[k*p+j]
			}
		}
	}
	out := make([]float64, p*p)
	for i := 0; i < p; i++ {
		for j := 0; j < p; j++ {
			for k := 0; k < p; k++ {
				out[i*p+j] += tc[i*p+k] * t[j*p+k]
			}
		}
	}
	return out
}

// toShown returns the p×p matrix, row major, taking design coefficients to
// the coefficients Coefficients shows: column k holds the shown
// coefficients of the k-th design function.
func (pr *Problem) toShown() []float64 {
	pr.displayOnce.Do(pr.chooseDisplay)
	return pr.shownMatrix
}

// Band names the interval a band gives at each x.
type Band int

// The bands.
const (
	// ConfidenceBand covers the true curve at the level.
	ConfidenceBand Band = iota
	// PredictionBand covers a new observation at the level.
	PredictionBand
)

// Band returns the curve of weights w at xs and the lower and upper edges
// of a band about it at confidence level (DefaultLevel when not in
// (0, 1)): ŷ ± t·σ̂·sqrt(h(x)) for the confidence band and
// ŷ ± t·σ̂·sqrt(1 + h(x)) for the prediction band, with h(x) =
// f(x)ᵀ(XᵀX)⁻¹f(x) and σ̂ from the SSE of w. The edges are NaN when there
// are no more points than parameters or the problem is rank-deficient.
func (pr *Problem) Band(w []float64, xs []float64, band Band, level float64) (fit, lower, upper []float64) {
	if !(level > 0 && level < 1) {
		level = DefaultLevel
	}
	fit = pr.Predict(w, xs)
	lower = make([]float64, len(xs))
	upper = make([]float64, len(xs))
	df := pr.Data.Len() - pr.rank
	if df <= 0 || pr.rank < len(pr.opt) {
		for i := range xs {
			lower[i], upper[i] = math.NaN(), math.NaN()
		}
		return fit, lower, upper
	}
	q := pr.quantile(level) * math.Sqrt(pr.SSE(w)/float64(df))
	for i, x := range xs {
		h := pr.leverage(x)
		if band == PredictionBand {
			h++
		}
		half := q * math.Sqrt(h)
		lower[i], upper[i] = fit[i]-half, fit[i]+half
	}
	return fit, lower, upper
}

// leverage returns f(x)ᵀ(XᵀX)⁺f(x) = ‖Wᵀf(x)‖² in the design basis.
func (pr *Problem) leverage(x float64) float64 {
	p := len(pr.opt)
	var buf [MaxParams]float64
	f := buf[:p]
	pr.design.features(x, f)
	h := 0.0
	for k := 0; k < p; k++ {
		s := 0.0
		for i := 0; i < p; i++ {
			s += pr.inv[i*p+k] * f[i]
		}
		h += s * s
	}
	return h
}

// ErrNoLinearTrend is returned by TrendPer for a model whose polynomial
// part is not a straight line.
var ErrNoLinearTrend = errors.New("fit: the model has no linear trend: its polynomial part must have degree 1")

// ShortForTrend reports whether the problem's x, in days, spans less
// than MinTrendYears years. It reads the span off the design basis, so
// it costs nothing however many points there are.
func (pr *Problem) ShortForTrend() bool {
	return 2*pr.design.s < MinTrendYears*DaysPerYear
}

// TrendPer returns the slope of the linear trend of weights w times span,
// the change of y over span units of x, with its confidence interval at
// level (DefaultLevel when not in (0, 1)). For x in days and span
// DaysPerDecade it is the trend per decade. The model's polynomial part
// must have degree 1: a polynomial of degree 1 or a seasonal model with
// Trend 1.
func (pr *Problem) TrendPer(w []float64, span, level float64) (Estimate, error) {
	if pr.Basis.Model.TrendDegree() != 1 {
		return Estimate{}, ErrNoLinearTrend
	}
	in := pr.Inference(w, level)
	// The slope is the raw coefficient of x; its shown coefficient is
	// that of x or of t = (x − c)/s.
	scale := span
	if in.Coefficients.Variable == "t" {
		scale = span / in.Coefficients.Scale
	}
	e := in.Estimates[1]
	e.Name, e.Term = "trend", "per span"
	e.Value *= scale
	e.StdErr *= math.Abs(scale)
	e.Lower, e.Upper = e.Lower*scale, e.Upper*scale
	if scale < 0 {
		e.Lower, e.Upper = e.Upper, e.Lower
	}
	return e, nil
}
