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

// ErrBinary is reported, inside a *ParseError, for input that holds a zero
// byte (a NUL character) in its first 64 KiB, as binary files do and text
// never does; its Line is the line of the first one.
var ErrBinary = errors.New("not a text file: it holds zero bytes, as binary files such as images and archives do")

// The reasons a cell is not read, inside a *CellError.
var (
	ErrEmptyCell     = errors.New("empty cell")
	ErrNotNumber     = errors.New("not a number")
	ErrNotFinite     = errors.New("not a finite number")
	ErrNotDate       = errors.New("not in the column's form")
	ErrInvalidDate   = errors.New("not a valid date")
	ErrAmbiguousDate = errors.New("day and month could be either way round")
	ErrDateOrder     = errors.New("day and month the other way round from the column")
	ErrMixedZones    = errors.New("times with and without a time zone in one column")

	ErrAmbiguousNumber = errors.New("could be read with a decimal point or a decimal comma")
	ErrMixedDecimals   = errors.New("decimal point and decimal comma in one input")
)

// CellError says why the text of one cell is not read. It is the Err of a
// *ParseError, which says where the cell is.
type CellError struct {
	// Text is the cell's text, trimmed. Errors from reading a file or
	// from XAxis.Parse hold at most the first 30 characters of a text
	// longer than 40, followed by "…", and Length is then the length of
	// the whole text in characters; it is 0 otherwise.
	Text   string
	Length int
	// Err is the reason: ErrEmptyCell, ErrNotNumber, ErrNotFinite,
	// ErrNotDate, ErrInvalidDate, ErrAmbiguousDate, ErrDateOrder,
	// ErrMixedZones, ErrAmbiguousNumber or ErrMixedDecimals.
	Err error
	// CommaHint is true, for ErrNotNumber, when the text would be a
	// number with a decimal comma, in input where a decimal comma is not
	// read (comma- and tab-separated text, workbooks, typed cells).
	CommaHint bool
	// GroupHint is true, for ErrNotNumber, when the text has separators
	// of thousands that do not set off groups of three digits, or more
	// than one decimal mark.
	GroupHint bool
	// FirstRow is true, for ErrNotNumber and ErrNotDate, when the cell
	// has no digit and is on the first row, read as data rather than as a
	// header because the row's other chosen cell holds a value: it may be
	// the name of a column.
	FirstRow bool

	// Kind and Want, for ErrNotDate: the kind of the column and an
	// example of its form, such as "2012-01-31" or "Jan".
	Kind XKind
	Want string
	// Readings, for ErrAmbiguousDate: the date in ISO 8601 form read day
	// first, then month first; for ErrAmbiguousNumber: the number read
	// with a decimal point, then with a decimal comma.
	Readings []string
	// Other and OtherLine, for ErrDateOrder: the cell that told the
	// column's order of day and month, and its line; MonthFirst is true
	// when Text has the month first (and so Other the day first). For
	// ErrMixedDecimals: the cell that told the input's decimal mark, and
	// its line; DecimalComma is true when Text reads only with a decimal
	// comma (and so Other has a decimal point).
	Other        string
	OtherLine    int
	MonthFirst   bool
	DecimalComma bool
}

// Error returns a message such as `"abc" is not a number`.
func (e *CellError) Error() string {
	q := e.quotedText()
	switch e.Err {
	case ErrEmptyCell:
		return e.Err.Error()
	case ErrNotDate:
		return q + " is not " + kindArticle(e.Kind) + " like " + e.Want
	case ErrInvalidDate:
		return q + " is not a valid date"
	case ErrAmbiguousDate:
		return q + " could be day/month or month/day, and no date in the column has a day above 12 to tell: write dates in ISO 8601 form, " +
			strings.Join(e.Readings, " or ")
	case ErrDateOrder:
		first, other := "day", "month"
		if e.MonthFirst {
			first, other = "month", "day"
		}
		return q + " has the " + first + " first, but " + quote(e.Other) + " on line " + strconv.Itoa(e.OtherLine) + " has the " + other + " first"
	case ErrMixedZones:
		return q + ": the column mixes times with and without a time zone"
	case ErrAmbiguousNumber:
		return q + " could be " + strings.Join(e.Readings, " or ") + ", and no other number tells whether the decimal mark is a point or a comma"
	case ErrMixedDecimals:
		this, other := markPoint, markComma
		if e.DecimalComma {
			this, other = markComma, markPoint
		}
		return q + " reads only with " + this.String() + ", but " + quote(e.Other) + " on line " + strconv.Itoa(e.OtherLine) + " has " + other.String()
	}
	msg := q + " is " + e.Err.Error()
	switch {
	case e.CommaHint:
		msg += " (a decimal comma is only read in semicolon-separated files)"
	case e.GroupHint:
		msg += " (separators of thousands must set off groups of three digits, and a number has one decimal mark)"
	}
	if e.FirstRow {
		msg += "; the first row is read as data, not as a header, because its other chosen cell holds a value: choose the columns by name to read it as a header"
	}
	return msg
}

// quotedText returns Text quoted, as quote does.
func (e *CellError) quotedText() string {
	if e.Length > 0 {
		return strconv.Quote(e.Text) + " (" + strconv.Itoa(e.Length) + " characters)"
	}
	return quote(e.Text)
}

// shorten cuts Text and Other short, as shorten does, so that an error
// kept for a message does not hold a huge cell.
func (e *CellError) shorten() {
	if e.Length == 0 {
		e.Text, e.Length = shorten(e.Text)
	}
	e.Other, _ = shorten(e.Other)
}

// kindArticle names one value of an axis of kind k, for messages.
func kindArticle(k XKind) string {
	switch k {
	case Date:
		return "a date"
	case DateTime:
		return "a date and time"
	case YearMonth:
		return "a year and month"
	case MonthName:
		return "a month name"
	}
	return "a number"
}

// Unwrap returns the reason.
func (e *CellError) Unwrap() error { return e.Err }

// ParseError reports a problem with the input. For text, Line is the
// physical line, counting comment and blank lines, and Column the 1-based
// field number. For a workbook, Sheet names the worksheet, Line is the row
// number and Column the column number. Either is 0 when it does not apply
// (for example for ErrNoData).
type ParseError struct {
	File   string // name of the input; may be empty
	Sheet  string // the worksheet of a workbook, or ""
	Line   int    // 1-based physical line or row, or 0
	Column int    // 1-based field or column number, or 0
	Err    error
}

// Error returns the message in the form "file:line:column: problem" for
// text and "file: Sheet1!B7: problem" for a workbook, leaving out the
// parts that are empty or zero.
func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Sheet != "" {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(e.Sheet)
		switch {
		case e.Line > 0 && e.Column > 0:
			b.WriteString("!" + ColumnName(e.Column) + strconv.Itoa(e.Line))
		case e.Line > 0:
			b.WriteString(", row " + strconv.Itoa(e.Line))
		}
	} else if e.Line > 0 {
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

// ColumnName returns the spreadsheet name of the 1-based column n: "A",
// "B", ..., "Z", "AA", ...
func ColumnName(n int) string {
	var b []byte
	for ; n > 0; n = (n - 1) / 26 {
		b = append(b, byte('A'+(n-1)%26))
	}
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}
