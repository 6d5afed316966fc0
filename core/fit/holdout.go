package fit

import (
	"errors"
	"math"
	"math/rand/v2"
	"sort"

	"tempfit/core/data"
)

// HoldOut measures weights on held-out points: points left out of the
// training data, whose error tells how well a fit predicts. Each call costs
// O(h·p) for h held-out points, so a trainer can publish it with every
// snapshot.
type HoldOut struct {
	Problem *Problem      // the problem on the training points
	Data    *data.Dataset // the held-out points
}

// NewHoldOut returns the held-out measure of weights of pr on d.
func NewHoldOut(pr *Problem, d *data.Dataset) *HoldOut {
	return &HoldOut{Problem: pr, Data: d}
}

// SSE returns the sum of squared errors of w on the held-out points.
func (h *HoldOut) SSE(w []float64) float64 {
	f := h.Problem.curve(w)
	s := 0.0
	for i, x := range h.Data.X {
		r := h.Data.Y[i] - f(x)
		s += r * r
	}
	return s
}

// RMSE returns the root mean squared error of w on the held-out points.
func (h *HoldOut) RMSE(w []float64) float64 {
	return math.Sqrt(h.SSE(w) / float64(h.Data.Len()))
}

// Split returns the points of d not held and those held, as two data sets
// with d's column names and x axis. held has one element per point. It is an error to
// hold every point; when none is held, the second set is nil.
func Split(d *data.Dataset, held []bool) (train, test *data.Dataset, err error) {
	if len(held) != d.Len() {
		return nil, nil, errors.New("fit: the held-out mask does not match the data")
	}
	var tx, ty, hx, hy []float64
	for i, h := range held {
		if h {
			hx, hy = append(hx, d.X[i]), append(hy, d.Y[i])
		} else {
			tx, ty = append(tx, d.X[i]), append(ty, d.Y[i])
		}
	}
	if len(tx) == 0 {
		return nil, nil, errors.New("fit: every point is held out: nothing is left to train on")
	}
	if train, err = data.New(d.XName, d.YName, tx, ty); err != nil {
		return nil, nil, err
	}
	train.XAxis = d.XAxis
	if len(hx) > 0 {
		if test, err = data.New(d.XName, d.YName, hx, hy); err != nil {
			return nil, nil, err
		}
		test.XAxis = d.XAxis
	}
	return train, test, nil
}

// LastSpan holds the points with x within span of the largest x, x > max −
// span: the last year of monthly data with span 12, or of dates in days
// with span DaysPerYear.
func LastSpan(x []float64, span float64) []bool {
	top := math.Inf(-1)
	for _, v := range x {
		top = math.Max(top, v)
	}
	held := make([]bool, len(x))
	for i, v := range x {
		held[i] = v > top-span
	}
	return held
}

// LastFraction holds the round(frac·n) points of largest x (a later point
// first among equal x).
func LastFraction(x []float64, frac float64) []bool {
	order := make([]int, len(x))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return x[order[a]] < x[order[b]] })
	held := make([]bool, len(x))
	for _, i := range order[len(x)-heldCount(len(x), frac):] {
		held[i] = true
	}
	return held
}

// RandomFraction holds round(frac·n) of n points chosen at random: the
// first of a permutation from math/rand/v2's PCG generator seeded with
// (seed, seed), so the same seed holds the same points.
func RandomFraction(n int, frac float64, seed uint64) []bool {
	held := make([]bool, n)
	perm := rand.New(rand.NewPCG(seed, seed)).Perm(n)
	for _, i := range perm[:heldCount(n, frac)] {
		held[i] = true
	}
	return held
}

// heldCount returns round(frac·n) within 0..n.
func heldCount(n int, frac float64) int {
	if !(frac > 0) {
		return 0
	}
	return min(n, int(math.Round(frac*float64(n))))
}
