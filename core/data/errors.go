package data

import (
	"errors"
	"strconv"
	"strings"
)

// ErrNoData is reported, inside a *ParseError, when the input holds no data
// rows.
var ErrNoData = errors.New("file has no data rows")

// ErrOneColumn is reported, inside a *ParseError, when the input has a single
// column, so there is no way to tell x from y.
var ErrOneColumn = errors.New("file has only one column; x and y must be separated by a comma, semicolon or tab")

// The reasons a cell is not read as a number, inside a *CellError.
var (
	ErrEmptyCell = errors.New("empty cell")
	ErrNotNumber = errors.New("not a number")
	ErrNotFinite = errors.New("not a finite number")
)

// CellError says why the text of one cell is not a finite number. It is the
// Err of a *ParseError, which says where the cell is.
type CellError struct {
	Text string // the cell's text, trimmed
	Err  error  // ErrEmptyCell, ErrNotNumber or ErrNotFinite
	// CommaHint is true when the text holds a comma in input that is not
	// semicolon-separated, where a decimal comma is not read.
	CommaHint bool
}

// Error returns a message such as `"abc" is not a number`.
func (e *CellError) Error() string {
	switch {
	case e.Err == ErrEmptyCell:
		return e.Err.Error()
	case e.CommaHint:
		return strconv.Quote(e.Text) + " is " + e.Err.Error() + " (a decimal comma is only read in semicolon-separated files)"
	}
	return strconv.Quote(e.Text) + " is " + e.Err.Error()
}

// Unwrap returns the reason.
func (e *CellError) Unwrap() error { return e.Err }

// ParseError reports a problem with CSV input. Line is the physical line in
// the input, counting comment and blank lines, and Column the 1-based field
// number; either is 0 when it does not apply (for example for ErrNoData).
type ParseError struct {
	File   string // name of the input; may be empty
	Line   int    // 1-based physical line, or 0
	Column int    // 1-based field number, or 0
	Err    error
}

// Error returns the message in the form "file:line:column: problem", leaving
// out the parts that are empty or zero.
func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		if b.Len() > 0 {
			b.WriteByte(':')
		}
		b.WriteString(strconv.Itoa(e.Line))
		if e.Column > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(e.Column))
		}
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }
