package fit

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"tempfit/core/data"
)

// Candidate is one model of a comparison with its errors on the data.
type Candidate struct {
	Model  Model
	Params int
	// SSE is the training error: the exact optimum's sum of squared errors.
	SSE float64
	// PRESS is the leave-one-out error Σ (e_i/(1 − h_ii))², with e the
	// residuals and h the diagonal of the hat matrix: the squared error of
	// each point predicted by the model fitted to all the others, without
	// refitting. +Inf when a point has leverage 1.
	PRESS float64
	// CV is the k-fold cross-validation error: the sum over all points of
	// the squared error of the point predicted by the model fitted to the
	// other folds; NaN for a single point.
	CV float64
	// AIC and BIC are those of Inference (R's convention for lm).
	AIC, BIC float64
	// Warning is the exact solve's warning, nil for a full-rank problem.
	Warning error
}

// Comparison is a set of models compared on one data set.
type Comparison struct {
	Candidates []Candidate
	// Best is the index of the candidate with the lowest PRESS among those
	// without a warning, the one with fewer parameters on a tie; -1 when
	// every candidate has a warning.
	Best  int
	Folds int    // the number of cross-validation folds
	Seed  uint64 // the seed of the folds
}

// CompareOptions are the settings of a comparison.
type CompareOptions struct {
	// Folds is the number of cross-validation folds, from 2 to the number
	// of points; 0 means 10, or the number of points when there are fewer.
	Folds int
	// Seed chooses the folds: the points are shuffled by a permutation
	// from math/rand/v2's PCG generator seeded with (Seed, Seed), and the
	// i-th point of the permutation goes to fold i mod Folds.
	Seed uint64
}

// DefaultFolds is the number of cross-validation folds by default.
const DefaultFolds = 10

// DegreeCandidates returns the polynomials of degree 0 to min(MaxDegree,
// n − 2) in the given scaling, for n points.
func DegreeCandidates(n int, sc Scaling) []Model {
	var out []Model
	for d := 0; d <= min(MaxDegree, n-2); d++ {
		out = append(out, Model{Kind: Polynomial, Degree: d, Scaling: sc})
	}
	return out
}

// HarmonicCandidates returns the seasonal model base with 1 to maxK
// harmonics (at most MaxHarmonics), keeping at least two more points than
// parameters for n points.
func HarmonicCandidates(n int, base Model, maxK int) []Model {
	var out []Model
	for k := 1; k <= min(maxK, MaxHarmonics); k++ {
		m := base
		m.Kind, m.Harmonics = Seasonal, k
		if m.NumParams() > n-2 {
			break
		}
		out = append(out, m)
	}
	return out
}

// Compare fits each model exactly to d and measures its training,
// leave-one-out and cross-validation errors and its AIC and BIC.
func Compare(d *data.Dataset, models []Model, opt CompareOptions) (Comparison, error) {
	if d == nil || d.Len() == 0 {
		return Comparison{}, errors.New("fit: no data")
	}
	n := d.Len()
	k := opt.Folds
	if k <= 0 {
		k = min(DefaultFolds, n)
	} else if k < 2 || k > n {
		return Comparison{}, fmt.Errorf("fit: %d cross-validation folds for %d points: want from 2 to one per point", k, n)
	}
	cmp := Comparison{Best: -1, Folds: k, Seed: opt.Seed}
	folds := Folds(n, k, opt.Seed)
	for _, m := range models {
		pr, err := NewProblem(d, m)
		if err != nil {
			return Comparison{}, err
		}
		in := pr.Inference(pr.opt, DefaultLevel)
		cmp.Candidates = append(cmp.Candidates, Candidate{
			Model: m, Params: m.NumParams(), SSE: pr.optSSE,
			PRESS: pr.PRESS(), CV: math.NaN(),
			AIC: in.AIC, BIC: in.BIC, Warning: pr.warning,
		})
		if k >= 2 {
			cmp.Candidates[len(cmp.Candidates)-1].CV = pr.crossValidate(folds, k)
		}
	}
	for i, c := range cmp.Candidates {
		if c.Warning != nil || math.IsNaN(c.PRESS) {
			continue
		}
		if cmp.Best < 0 || c.PRESS < cmp.Candidates[cmp.Best].PRESS ||
			(c.PRESS == cmp.Candidates[cmp.Best].PRESS && c.Params < cmp.Candidates[cmp.Best].Params) {
			cmp.Best = i
		}
	}
	return cmp, nil
}

// Folds returns the cross-validation fold, 0..k−1, of each of n points, as
// CompareOptions describes.
func Folds(n, k int, seed uint64) []int {
	perm := rand.New(rand.NewPCG(seed, seed)).Perm(n)
	fold := make([]int, n)
	for i, j := range perm {
		fold[j] = i % k
	}
	return fold
}

// PRESS returns the leave-one-out error of the exact optimum,
// Σ (e_i/(1 − h_ii))², from the hat matrix's diagonal, with no refitting;
// +Inf when a point has leverage 1, so that leaving it out leaves its value
// undetermined.
func (pr *Problem) PRESS() float64 {
	f := pr.curve(pr.opt)
	total := 0.0
	for i, x := range pr.Data.X {
		h := pr.leverage(x)
		if h >= 1-1e-10 {
			return math.Inf(1)
		}
		e := (pr.Data.Y[i] - f(x)) / (1 - h)
		total += e * e
	}
	return total
}

// crossValidate returns the k-fold cross-validation error for the given
// folds. The QR factor of each fold's rows is accumulated once; the factor
// without a fold is the merge of the others', so the cost is one pass over
// the data plus k² small merges.
func (pr *Problem) crossValidate(fold []int, k int) float64 {
	p := len(pr.opt)
	parts := make([]*triangle, k)
	for i := range parts {
		parts[i] = newTriangle(p + 1)
	}
	row := make([]float64, p+1)
	for i, x := range pr.Data.X {
		pr.design.features(x, row[:p])
		row[p] = pr.Data.Y[i] / pr.yScale
		parts[fold[i]].add(row)
	}
	coef := make([][]float64, k)
	for f := range parts {
		rest := newTriangle(p + 1)
		for g, part := range parts {
			if g != f {
				rest.merge(part)
			}
		}
		coef[f] = solveTriangle(rest.R(), p)
	}
	total := 0.0
	for i, x := range pr.Data.X {
		e := pr.Data.Y[i]/pr.yScale - pr.design.eval(coef[fold[i]], x)
		total += e * e
	}
	return total * pr.yScale * pr.yScale
}

// solveTriangle returns the least-squares coefficients from the R factor of
// [X y] ((p+1)×(p+1), row major): by back substitution when R's p×p part
// has full numerical rank, the minimum-norm answer otherwise.
func solveTriangle(aug []float64, p int) []float64 {
	r := make([]float64, p*p)
	z := make([]float64, p)
	for i := 0; i < p; i++ {
		copy(r[i*p:i*p+p], aug[i*(p+1):i*(p+1)+p])
		z[i] = aug[i*(p+1)+p]
	}
	rank := numericalRank(r, p)
	if rank == p && fullDiagonal(r, p) {
		return backSolve(r, p, z)
	}
	w, err := pseudoInverseFactor(r, p, rank)
	if err != nil {
		out := make([]float64, p)
		for i := range out {
			out[i] = math.NaN()
		}
		return out
	}
	return normalSolve(w, mulTransVec(r, p, z))
}
