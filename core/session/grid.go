package session

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
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

// WriteGridPredictions writes the predictions of a snapshot at the points
// xs to a CSV file at path, replacing it whole or not at all. The columns
// are x, written as the data's x axis writes it (dates in their layout,
// as data.WriteGridAxis does), and predicted; unless iv is NoInterval,
// then lower and upper, the edges of the interval at level (DefaultLevel
// when not in (0, 1)), which are NaN when the fit has no degrees of
// freedom left to estimate its error.
func WriteGridPredictions(path string, snap *train.Snapshot, xs []float64, iv Interval, level float64) error {
	pr, w := snap.Problem, snap.Weights
	var predicted, lower, upper []float64
	if iv == NoInterval || iv == "" {
		predicted = pr.Predict(w, xs)
	} else {
		predicted, lower, upper = pr.Band(w, xs, iv.band(), level)
	}
	return data.WriteFileAtomic(path, 0o644, func(out io.Writer) error {
		return writeGridBand(out, pr.Data, xs, predicted, lower, upper)
	})
}

// writeGridBand writes the grid as data.WriteGridAxis does, with the
// columns lower and upper added when lower is not nil. The two columns
// are added to the lines data.WriteGridAxis writes, so that x is written
// exactly as there.
func writeGridBand(out io.Writer, d *data.Dataset, xs, predicted, lower, upper []float64) error {
	var buf bytes.Buffer
	if err := data.WriteGridAxis(&buf, d.XName, d.XAxis, xs, predicted); err != nil {
		return err
	}
	if lower == nil {
		_, err := out.Write(buf.Bytes())
		return err
	}
	text := buf.Bytes()
	r := csv.NewReader(bytes.NewReader(text))
	var start int64
	for i := -1; i < len(xs); i++ {
		if _, err := r.Read(); err != nil {
			return err
		}
		end := r.InputOffset()
		line := bytes.TrimSuffix(text[start:end], []byte("\n"))
		start = end
		extra := ",lower,upper\n"
		if i >= 0 {
			extra = "," + formatFloat(lower[i]) + "," + formatFloat(upper[i]) + "\n"
		}
		if _, err := out.Write(line); err != nil {
			return err
		}
		if _, err := io.WriteString(out, extra); err != nil {
			return err
		}
	}
	return nil
}

// formatFloat formats v in the shortest form that reads back as the same
// float64, as the other columns are written.
func formatFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
