package landscape

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"gonum.org/v1/gonum/mat"

	"tempfit/core/data"
	"tempfit/core/fit"
)

// Condition returns the condition number of XᵀX for the problem's feature
// matrix X: how many times more steeply the loss curves along its steepest
// direction than along its flattest. It is computed as the square of X's
// condition number from X's singular values, which is accurate where
// forming XᵀX first would not be. It costs O(n·p²) for n rows, and is +Inf
// when the features are linearly dependent on the data.
func Condition(pr *fit.Problem) float64 {
	return condition(pr.Basis, pr.Data.X)
}

func condition(bs fit.Basis, xs []float64) float64 {
	p := bs.Model.NumParams()
	x := mat.NewDense(len(xs), p, nil)
	for i, xi := range xs {
		bs.Features(xi, x.RawRowView(i))
	}
	var svd mat.SVD
	if !svd.Factorize(x, mat.SVDNone) {
		return math.Inf(1)
	}
	s := svd.Values(nil)
	if len(s) < p || s[len(s)-1] == 0 {
		return math.Inf(1)
	}
	k := s[0] / s[len(s)-1]
	return k * k
}

// Conditioning is the condition number of XᵀX for one model on one data
// set, with x raw and with x scaled onto [-1, 1].
type Conditioning struct {
	Model       fit.Model
	Raw, Scaled float64 // equal for the seasonal model, which has no x scaling
}

// Conditions returns the conditioning of model m on d.
func Conditions(d *data.Dataset, m fit.Model) (Conditioning, error) {
	if err := m.Validate(); err != nil {
		return Conditioning{}, err
	}
	if d == nil || d.Len() == 0 {
		return Conditioning{}, errors.New("landscape: no data")
	}
	lo, hi := d.XRange()
	c := Conditioning{Model: m}
	raw, scaled := m, m
	raw.Scaling, scaled.Scaling = fit.Raw, fit.Scaled
	c.Raw = condition(fit.NewBasis(raw, lo, hi), d.X)
	c.Scaled = c.Raw
	if m.Kind == fit.Polynomial {
		c.Scaled = condition(fit.NewBasis(scaled, lo, hi), d.X)
	}
	return c, nil
}

// Sentence returns one English sentence giving the condition numbers and
// what they mean for the landscape and for gradient descent.
func (c Conditioning) Sentence() string {
	const meaning = "how many times more steeply the loss curves along its steepest direction than along its flattest, and gradient descent needs steps in proportion to it"
	if c.Model.Kind != fit.Polynomial {
		return fmt.Sprintf("XᵀX has condition number %s: that is %s, so the valley is %s.",
			FormatCondition(c.Raw), meaning, shape(c.Raw))
	}
	return fmt.Sprintf("XᵀX has condition number %s on raw x and %s on scaled x: that is %s, so on raw x the valley is %s and on scaled x it is %s.",
		FormatCondition(c.Raw), FormatCondition(c.Scaled), meaning, shape(c.Raw), shape(c.Scaled))
}

// shape names the shape of a valley of condition number k.
func shape(k float64) string {
	switch {
	case k < 1e3:
		return "nearly round"
	case k < 1e6:
		return "a long oval bowl"
	}
	return "a thin, tilted trough"
}

// FormatCondition writes a condition number briefly: "279", "1.1e+10", or
// "infinite" for dependent features.
func FormatCondition(k float64) string {
	switch {
	case math.IsInf(k, 1):
		return "infinite"
	case k >= 1e4:
		return strconv.FormatFloat(k, 'e', 1, 64)
	case k >= 10:
		return strconv.FormatFloat(k, 'f', 0, 64)
	}
	return strconv.FormatFloat(k, 'f', 1, 64)
}
