package data

import (
	"encoding/csv"
	"fmt"
	"io"
)

// WriteGridBand is WriteGridAxis with two more columns, "lower" and
// "upper": the bounds of an interval around each prediction, such as a
// 95% prediction interval.
func WriteGridBand(w io.Writer, xName string, axis XAxis, x, predicted, lower, upper []float64) error {
	if len(x) != len(predicted) || len(x) != len(lower) || len(x) != len(upper) {
		return fmt.Errorf("data: %d x values but %d, %d and %d predicted, lower and upper values", len(x), len(predicted), len(lower), len(upper))
	}
	if xName == "" {
		xName = "x"
	}
	cw := csv.NewWriter(w)
	if err := writeHeader(w, cw, []string{xName, "predicted", "lower", "upper"}); err != nil {
		return err
	}
	formatX := axis.writing(x).formatter()
	rec := make([]string, 4)
	for i := range x {
		rec[0] = formatX(x[i])
		rec[1] = formatFloat(predicted[i])
		rec[2] = formatFloat(lower[i])
		rec[3] = formatFloat(upper[i])
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
