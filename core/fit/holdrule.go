package fit

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// HoldKind names a way of choosing held-out points.
type HoldKind string

// The ways of choosing held-out points.
const (
	// HoldNone holds no point out: every point trains.
	HoldNone HoldKind = ""
	// HoldLast holds the fraction of points of largest x: the future the
	// fit must predict.
	HoldLast HoldKind = "last"
	// HoldSpan holds the points within a span of the largest x, such as
	// the last year.
	HoldSpan HoldKind = "span"
	// HoldRandom holds a fraction of the points chosen at random with a
	// seed.
	HoldRandom HoldKind = "random"
)

// HoldRule says which points are held out of training, to measure how
// well a fit predicts points it has not seen.
type HoldRule struct {
	Kind     HoldKind
	Fraction float64 // for HoldLast and HoldRandom: of the points, 0 < Fraction < 1
	Span     float64 // for HoldSpan: in x units, > 0
	Seed     uint64  // for HoldRandom
}

// Validate reports whether r is a rule Tempfit can apply.
func (r HoldRule) Validate() error {
	switch r.Kind {
	case HoldNone:
		return nil
	case HoldLast, HoldRandom:
		if !(r.Fraction > 0 && r.Fraction < 1) {
			return fmt.Errorf("fit: the held-out fraction %v must be between 0 and 1", r.Fraction)
		}
	case HoldSpan:
		if !(r.Span > 0) || math.IsInf(r.Span, 0) {
			return fmt.Errorf("fit: the held-out span %v must be a positive number", r.Span)
		}
	default:
		return fmt.Errorf("fit: unknown hold-out rule %q", r.Kind)
	}
	return nil
}

// Mask returns which of the points with these x are held out.
func (r HoldRule) Mask(x []float64) []bool {
	switch r.Kind {
	case HoldLast:
		return LastFraction(x, r.Fraction)
	case HoldSpan:
		return LastSpan(x, r.Span)
	case HoldRandom:
		return RandomFraction(len(x), r.Fraction, r.Seed)
	}
	return make([]bool, len(x))
}

// String returns the rule in the form ParseHoldRule reads: "none",
// "last:20%", "span:365.2425" or "random:20%:7".
func (r HoldRule) String() string {
	pct := func(f float64) string { return strconv.FormatFloat(100*f, 'g', -1, 64) + "%" }
	switch r.Kind {
	case HoldLast:
		return "last:" + pct(r.Fraction)
	case HoldSpan:
		return "span:" + strconv.FormatFloat(r.Span, 'g', -1, 64)
	case HoldRandom:
		return "random:" + pct(r.Fraction) + ":" + strconv.FormatUint(r.Seed, 10)
	}
	return "none"
}

// ParseHoldRule reads a hold-out rule: "none", "last:20%" (or "last:0.2"),
// "span:SPAN" in x units, or "random:20%" with an optional ":SEED"
// (default 1).
func ParseHoldRule(s string) (HoldRule, error) {
	parts := strings.Split(strings.TrimSpace(s), ":")
	bad := func() (HoldRule, error) {
		return HoldRule{}, fmt.Errorf("fit: hold-out %q is not none, last:20%%, span:365 or random:20%%:SEED", s)
	}
	var r HoldRule
	switch strings.ToLower(parts[0]) {
	case "none", "":
		if len(parts) > 1 {
			return bad()
		}
		return r, nil
	case "last":
		r.Kind = HoldLast
	case "span":
		r.Kind = HoldSpan
	case "random":
		r.Kind = HoldRandom
		r.Seed = 1
	default:
		return bad()
	}
	if len(parts) < 2 || len(parts) > 3 || (len(parts) == 3 && r.Kind != HoldRandom) {
		return bad()
	}
	v, err := parseFraction(parts[1], r.Kind != HoldSpan)
	if err != nil {
		return bad()
	}
	if r.Kind == HoldSpan {
		r.Span = v
	} else {
		r.Fraction = v
	}
	if len(parts) == 3 {
		if r.Seed, err = strconv.ParseUint(parts[2], 10, 64); err != nil {
			return bad()
		}
	}
	return r, r.Validate()
}

// parseFraction reads a number, or with percent a percentage such as
// "20%".
func parseFraction(s string, percent bool) (float64, error) {
	s = strings.TrimSpace(s)
	if percent && strings.HasSuffix(s, "%") {
		v, err := strconv.ParseFloat(strings.TrimSuffix(s, "%"), 64)
		return v / 100, err
	}
	return strconv.ParseFloat(s, 64)
}
