package sheet

import (
	"fmt"
	"math"
	"strings"

	"tempfit/core/data"
)

// CellError reports a cell text that is not a finite number, or on a date
// axis not a date of the column's kind. Row is 0-based; the message counts
// rows from 1 as the table shows them.
type CellError struct {
	Row  int
	Col  Col
	Name string // the column's name
	// Text is the text refused, trimmed; of a text longer than 40
	// characters, its first 30 followed by "…".
	Text string
	// Reason says why an x cell on a date or month axis was refused; it
	// is nil for a cell that is not a number.
	Reason *data.CellError
}

// Error returns a message such as `row 3, column "temperature": "abc" is
// not a number` or `row 3, column "date": "2012-02-30" is not a valid date`.
func (e *CellError) Error() string {
	if e.Reason != nil {
		return fmt.Sprintf("row %d, column %q: %v", e.Row+1, e.Name, e.Reason)
	}
	return fmt.Sprintf("row %d, column %q: %q is not a number", e.Row+1, e.Name, e.Text)
}

// cellError returns the error of text refused at row, c, with a long
// text cut short as data cuts it.
func (s *Sheet) cellError(row int, c Col, text string, reason *data.CellError) *CellError {
	t := strings.TrimSpace(text)
	if _, err := (data.XAxis{}).Parse(t); err != nil {
		if ce, ok := err.(*data.CellError); ok && ce.Text != "" {
			t = ce.Text
		}
	}
	return &CellError{Row: row, Col: c, Name: s.Name(c), Text: t, Reason: reason}
}

// Unwrap returns the reason, if any.
func (e *CellError) Unwrap() error {
	if e.Reason == nil {
		return nil
	}
	return e.Reason
}

// ParseCell reads a cell's text: a finite number in plain decimal
// notation, as data.XAxis.Parse reads it on a number axis (no hexadecimal,
// underscores or separators of thousands), or "" (after trimming spaces)
// for an empty cell, which it returns as Missing with ok true.
func ParseCell(text string) (v float64, ok bool) {
	t := strings.TrimSpace(text)
	if t == "" {
		return Missing, true
	}
	v, err := (data.XAxis{}).Parse(t)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}
