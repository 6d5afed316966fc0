package session

import (
	"fmt"
	"io"
	"strings"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/train"
)

// Interval names the interval an export of predictions on a grid gives
// about each predicted value, in its columns lower and upper.
type Interval string

// The intervals.
const (
	// NoInterval writes the predictions alone.
	NoInterval Interval = "none"
	// ConfidenceInterval covers the true curve at the level.
	ConfidenceInterval Interval = "confidence"
	// PredictionInterval covers a new observation at the level: how warm
	// next July might be, not only its expected temperature.
	PredictionInterval Interval = "prediction"
)

// ParseInterval returns the Interval named by s: "none", "confidence" or
// "prediction".
func ParseInterval(s string) (Interval, error) {
	switch iv := Interval(strings.ToLower(strings.TrimSpace(s))); iv {
	case NoInterval, ConfidenceInterval, PredictionInterval:
		return iv, nil
	}
	return "", fmt.Errorf("unknown interval %q (want prediction, confidence or none)", s)
}

// band returns the fit.Band of iv, which is not NoInterval.
func (iv Interval) band() fit.Band {
	if iv == ConfidenceInterval {
		return fit.ConfidenceBand
	}
	return fit.PredictionBand
}

// GridPoints returns the x values of spec for the document's data: the
// data's last x starts "next:" grids.
func (s *Session) GridPoints(spec data.GridSpec) ([]float64, error) {
	if s.data == nil {
		return nil, ErrNoFit
	}
	return spec.Points(s.data)
}

// ExportGrid writes the current fit's predictions at the points of spec
// to a CSV file at path, as WriteGridPredictions does. The data file and
// the project the document was read from are never written over.
func (s *Session) ExportGrid(path string, spec data.GridSpec, iv Interval, level float64) error {
	snap, err := s.Fitted()
	if err != nil {
		return err
	}
	xs, err := s.GridPoints(spec)
	if err != nil {
		return err
	}
	if err := CheckOutput(path, s.source, s.projectPath); err != nil {
		return err
	}
	return WriteGridPredictions(path, snap, xs, iv, level)
}

// WriteGridPredictions writes the predictions of a snapshot at the points
// xs to a CSV file at path, replacing it whole or not at all. The columns
// are x, written as the data's x axis writes it (dates in their layout,
// as data.WriteGridAxis does), and predicted; unless iv is NoInterval,
// then lower and upper, the edges of the interval at level (0.95 when
// not in (0, 1)), which are NaN when the fit has no degrees of freedom
// left to estimate its error.
func WriteGridPredictions(path string, snap *train.Snapshot, xs []float64, iv Interval, level float64) error {
	pr, w := snap.Problem, snap.Weights
	d := pr.Data
	if iv == NoInterval || iv == "" {
		predicted := pr.Predict(w, xs)
		return data.WriteFileAtomic(path, 0o644, func(out io.Writer) error {
			return data.WriteGridAxis(out, d.XName, d.XAxis, xs, predicted)
		})
	}
	predicted, lower, upper := pr.Band(w, xs, iv.band(), level)
	return data.WriteFileAtomic(path, 0o644, func(out io.Writer) error {
		return data.WriteGridBand(out, d.XName, d.XAxis, xs, predicted, lower, upper)
	})
}
