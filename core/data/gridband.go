package data

import (
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
	if err := writeHeader(w, []string{xName, "predicted", "lower", "upper"}); err != nil {
		return err
	}
	axis = axis.writing(x)
	appendX, number := axis.appender(), axis.Kind == Number
	return writeRows(w, len(x), func(b []byte, i int) []byte {
		b = appendField(b, appendX, x[i], number)
		for _, v := range []float64{predicted[i], lower[i], upper[i]} {
			b = append(b, ',')
			b = appendFloat(b, v)
		}
		return append(b, '\n')
	})
}
