// Package fit holds the models Tempfit fits, the least-squares problem they
// define on a data set, its exact solution and the statistics of a fit.
package fit

import (
	"fmt"
	"math"
	"strings"
)

// Kind names a family of models.
type Kind string

// The model families.
const (
	// Polynomial is y = w0 + w1·x + ... + wd·x^d.
	Polynomial Kind = "poly"
	// Seasonal is a polynomial trend of degree Trend (0 by default, a
	// constant) plus K harmonics of period P:
	// y = Σ_j c_j·x^j + Σ_k (a_k cos(2πkx/P) + b_k sin(2πkx/P)).
	Seasonal Kind = "seasonal"
)

// Scaling says how x is transformed before the feature map.
type Scaling string

// The feature scalings.
const (
	// Raw uses x itself: the powers of x are the features.
	Raw Scaling = "raw"
	// Scaled maps the data's x range linearly onto [-1, 1] first.
	Scaled Scaling = "scaled"
)

// Limits of the model sizes.
const (
	MaxDegree    = 15
	MaxTrend     = 3
	MaxHarmonics = 12
	MaxParams    = MaxTrend + 1 + 2*MaxHarmonics // the most weights any model has
)

// DefaultPeriod is the seasonal model's period for month numbers: twelve
// months.
const DefaultPeriod = 12

// DaysPerYear is the mean length of the Gregorian year in days, the seasonal
// period for x measured in days.
const DaysPerYear = 365.2425

// DaysPerDecade is ten Gregorian years in days, the span of a trend stated
// "per decade" for x measured in days.
const DaysPerDecade = 10 * DaysPerYear

// MinTrendYears is the shortest record, in years, whose trend per decade
// is stated without a warning: over less, a trend cannot be told apart
// from the part of the year's cycle that the record covers.
const MinTrendYears = 2

// Model describes a model that is linear in its parameters.
type Model struct {
	Kind      Kind
	Degree    int     // polynomial degree, 0..MaxDegree
	Harmonics int     // seasonal harmonics K, 1..MaxHarmonics
	Period    float64 // seasonal period P, > 0
	// Scaling applies to the powers of x: those of a polynomial and those
	// of a seasonal model's trend. An empty Scaling means Raw for a
	// seasonal model.
	Scaling Scaling
	// Trend is the degree of the seasonal model's polynomial trend,
	// 0..MaxTrend; 0 is a constant level, the plain seasonal model.
	Trend int
}

// BookModel returns the reference example's model: a degree-4 polynomial in
// raw x.
func BookModel() Model {
	return Model{Kind: Polynomial, Degree: 4, Scaling: Raw}
}

// ParseKind returns the Kind named by s ("poly", "polynomial" or "seasonal").
func ParseKind(s string) (Kind, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "poly", "polynomial":
		return Polynomial, nil
	case "seasonal", "fourier":
		return Seasonal, nil
	}
	return "", fmt.Errorf("fit: unknown model %q (want poly or seasonal)", s)
}

// ParseScaling returns the Scaling named by s ("raw" or "scaled").
func ParseScaling(s string) (Scaling, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "raw":
		return Raw, nil
	case "scaled":
		return Scaled, nil
	}
	return "", fmt.Errorf("fit: unknown feature scaling %q (want raw or scaled)", s)
}

// Validate reports whether m describes a model Tempfit can fit.
func (m Model) Validate() error {
	switch m.Kind {
	case Polynomial:
		if m.Degree < 0 || m.Degree > MaxDegree {
			return fmt.Errorf("fit: degree %d out of range 0..%d", m.Degree, MaxDegree)
		}
		if m.Scaling != Raw && m.Scaling != Scaled {
			return fmt.Errorf("fit: unknown feature scaling %q", m.Scaling)
		}
	case Seasonal:
		if m.Harmonics < 1 || m.Harmonics > MaxHarmonics {
			return fmt.Errorf("fit: harmonics %d out of range 1..%d", m.Harmonics, MaxHarmonics)
		}
		if !(m.Period > 0) || math.IsInf(m.Period, 0) {
			return fmt.Errorf("fit: period %v must be a positive number", m.Period)
		}
		if m.Trend < 0 || m.Trend > MaxTrend {
			return fmt.Errorf("fit: trend degree %d out of range 0..%d", m.Trend, MaxTrend)
		}
		if m.Scaling != "" && m.Scaling != Raw && m.Scaling != Scaled {
			return fmt.Errorf("fit: unknown feature scaling %q", m.Scaling)
		}
	default:
		return fmt.Errorf("fit: unknown model %q", m.Kind)
	}
	return nil
}

// NumParams returns the number of parameters (weights) of the model.
func (m Model) NumParams() int {
	if m.Kind == Seasonal {
		return m.Trend + 1 + 2*m.Harmonics
	}
	return m.Degree + 1
}

// TrendDegree returns the degree of the model's polynomial part: the degree
// of a polynomial, the trend degree of a seasonal model.
func (m Model) TrendDegree() int {
	if m.Kind == Seasonal {
		return m.Trend
	}
	return m.Degree
}

// String returns a short English description such as
// "polynomial of degree 4, raw x".
func (m Model) String() string {
	if m.Kind == Seasonal {
		s := fmt.Sprintf("seasonal with %d harmonics, period %g", m.Harmonics, m.Period)
		if m.Trend > 0 {
			s += fmt.Sprintf(", trend of degree %d in %s x", m.Trend, m.scaling())
		}
		return s
	}
	return fmt.Sprintf("polynomial of degree %d, %s x", m.Degree, m.Scaling)
}

// scaling returns the scaling of the model's powers of x, Raw when unset.
func (m Model) scaling() Scaling {
	if m.Scaling == "" {
		return Raw
	}
	return m.Scaling
}
