package fit

import "math"

// Stats are the statistics of a fit.
type Stats struct {
	N, Params  int     // number of points and of parameters
	SSE        float64 // sum of squared errors, the book's loss
	MSE        float64 // SSE / N
	RMSE       float64 // square root of MSE
	R2         float64 // coefficient of determination, 1 − SSE/SST
	AdjR2      float64 // R² adjusted for the number of parameters; NaN when N <= Params
	OptimumSSE float64 // the smallest possible SSE
	Gap        float64 // SSE − OptimumSSE
	GapPercent float64 // Gap as a percentage of OptimumSSE; NaN when the optimum is an exact fit
}

// StatsFor returns the statistics of a fit whose sum of squared errors is
// sse, without the residuals.
func (pr *Problem) StatsFor(sse float64) Stats {
	n, p := pr.Data.Len(), len(pr.opt)
	s := Stats{N: n, Params: p, SSE: sse, OptimumSSE: pr.optSSE}
	s.MSE = sse / float64(n)
	s.RMSE = math.Sqrt(s.MSE)
	s.R2 = math.NaN()
	s.AdjR2 = math.NaN()
	if pr.sst > 0 {
		s.R2 = 1 - sse/pr.sst
		if n > p {
			s.AdjR2 = 1 - (1-s.R2)*float64(n-1)/float64(n-p)
		}
	}
	s.Gap = sse - pr.optSSE
	s.GapPercent = math.NaN()
	if pr.optSSE > 1e-12*math.Max(pr.sst, 1e-300) {
		s.GapPercent = 100 * s.Gap / pr.optSSE
	}
	return s
}

// Stats returns the statistics of weights w, with SSE from the residuals.
func (pr *Problem) Stats(w []float64) Stats {
	return pr.StatsFor(pr.SSE(w))
}
