package session

import (
	"io"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/train"
)

// Interval says which interval a grid of predictions gives around each
// predicted value.
type Interval int

// The intervals of a grid of predictions.
const (
	NoInterval         Interval = iota // the predictions alone
	ConfidenceInterval                 // where the curve itself lies
	PredictionInterval                 // where a new observation lies: "how warm might next July be"
)

// GridPoints returns the x values of spec for the document's data: the
// data's last x starts "next:" grids.
func (s *Session) GridPoints(spec data.GridSpec) ([]float64, error) {
	if s.data == nil {
		return nil, ErrNoFit
	}
	return spec.Points(s.data)
}

// ExportGrid writes the current fit's predictions at the points of spec
// to a CSV file at path, replacing it whole or not at all, with x written
// as the data's x was read (dates as dates) and, unless iv is
// NoInterval, the bounds of the interval at level (such as 0.95) in
// "lower" and "upper" columns.
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
	return WriteGrid(path, snap, s.data.XAxis, xs, iv, level)
}

// WriteGrid writes the predictions of a snapshot at xs to a CSV file at
// path, as Session.ExportGrid does.
func WriteGrid(path string, snap *train.Snapshot, axis data.XAxis, xs []float64, iv Interval, level float64) error {
	pr := snap.Problem
	name := pr.Data.XName
	if iv == NoInterval {
		predicted := pr.Predict(snap.Weights, xs)
		return data.WriteFileAtomic(path, 0o644, func(out io.Writer) error {
			return data.WriteGridAxis(out, name, axis, xs, predicted)
		})
	}
	band := fit.PredictionBand
	if iv == ConfidenceInterval {
		band = fit.ConfidenceBand
	}
	predicted, lower, upper := pr.Band(snap.Weights, xs, band, level)
	return data.WriteFileAtomic(path, 0o644, func(out io.Writer) error {
		return data.WriteGridBand(out, name, axis, xs, predicted, lower, upper)
	})
}
