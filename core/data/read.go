package data

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strings"
)

// ReadOptions controls how ReadCSV and ReadFile choose and read columns.
type ReadOptions struct {
	// File is the name of the input used in error messages; it may be empty.
	File string

	// XColumn and YColumn choose the x and y columns, either by header name
	// or by 1-based index; a value that is a decimal integer is always an
	// index. An empty value means the default: x is the first column not
	// chosen for y, and y the first column not chosen for x.
	XColumn, YColumn string

	// SkipBadRows makes ReadCSV skip a data row whose chosen cells are
	// missing or not finite numbers (or dates, for x) instead of failing.
	SkipBadRows bool

	// Encoding names the text encoding of CSV input, one of Encodings or
	// an alias such as "euc-kr"; "" detects it.
	Encoding string

	// Sheet names the worksheet of a workbook to read; "" reads the sheet
	// that was active when the workbook was saved.
	Sheet string
}

// ReadResult is what ReadCSV read.
type ReadResult struct {
	Data *Dataset

	// Columns holds the names of all columns of the first row: the header
	// names, or "column 1", "column 2", ... when there is no header.
	Columns []string

	HasHeader bool
	Delimiter rune   // ',', ';' or '\t'; 0 for a workbook
	Encoding  string // the text encoding read (see Encodings); "" for a workbook
	Sheet     string // the worksheet read from a workbook; "" for text

	Skipped       int     // number of rows skipped with SkipBadRows
	SkippedErrors []error // the errors of the first 10 skipped rows

	// Missing is the number of rows skipped because their x or y is
	// missing (see IsMissing), and MissingLines the lines (rows, for a
	// workbook) of the first 5 of them.
	Missing      int
	MissingLines []int
}

const (
	maxSkippedErrors = 10
	sampleRows       = 100 // data rows examined to decide the kind of x
)

// records is where rows come from: CSV text or a worksheet.
type records interface {
	// next returns the next record that is not blank, or io.EOF.
	next() ([]string, error)
	// line returns the line, or row, of field i of the record last
	// returned, or of its last field when it has fewer.
	line(i int) int
	// estimate returns a number of records that the source does not
	// exceed, or 0 when that is not known or the records are few.
	estimate() int
	// close releases what the source holds.
	close()
}

// reader reads the chosen columns of records into a Dataset.
type reader struct {
	file, sheet string
	num         *numbers
	rows        *rowQueue
	sel         selection
	firstLine   int // the line of the first record
	xcol        *xColumn
	x, y        []float64
	res         *ReadResult
	skipBad     bool
}

func (r *reader) errAt(line, col int, err error) error {
	var ce *CellError
	if errors.As(err, &ce) {
		ce.shorten()
	}
	return &ParseError{File: r.file, Sheet: r.sheet, Line: line, Column: col, Err: err}
}

// cellErr returns err, the error of the chosen field col of the current
// record, where it is. A cell without digits on a first row read as data
// beside a value may be a header's name, and the error says so.
func (r *reader) cellErr(col int, err error) error {
	line := r.rows.line(col)
	var ce *CellError
	if r.sel.mixed && line == r.firstLine && errors.As(err, &ce) && (ce.Err == ErrNotNumber || ce.Err == ErrNotDate) &&
		!strings.ContainsAny(ce.Text, "0123456789") {
		ce.FirstRow = true
	}
	return r.errAt(line, col+1, err)
}

// read reads src into res. allowComma says whether numbers may have a
// decimal comma.
func read(src records, opt ReadOptions, sheet string, allowComma bool, res *ReadResult) (*ReadResult, error) {
	defer src.close()
	r := &reader{
		file: opt.File, sheet: sheet, num: newNumbers(allowComma),
		rows: &rowQueue{src: src}, res: res, skipBad: opt.SkipBadRows,
	}
	if n := src.estimate(); n > 0 {
		r.x, r.y = make([]float64, 0, n), make([]float64, 0, n)
	}
	first, err := r.firstRecord()
	if err != nil {
		return nil, err
	}
	if r.sel, err = r.chooseColumns(first, opt.XColumn, opt.YColumn); err != nil {
		return nil, err
	}
	res.Columns, res.HasHeader = r.sel.names, r.sel.header
	if !r.sel.header {
		r.rows.unread(first)
	}
	if err := r.decideX(); err != nil {
		return nil, err
	}
	for {
		rec, err := r.rows.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if err := r.addRow(rec); err != nil {
			if !r.skipBad {
				return nil, err
			}
			res.skip(err)
		}
	}
	return r.finish()
}

// firstRecord returns the first record, which must have two or more
// fields.
func (r *reader) firstRecord() ([]string, error) {
	first, err := r.rows.next()
	if err == io.EOF {
		return nil, r.errAt(0, 0, ErrNoData)
	}
	if err != nil {
		return nil, err
	}
	r.firstLine = r.rows.line(0)
	if len(first) < 2 {
		return nil, r.errAt(r.firstLine, 0, ErrOneColumn)
	}
	return first, nil
}

// decideX looks at the first data rows to decide the kind of x.
func (r *reader) decideX() error {
	rows, err := r.rows.lookAhead(sampleRows)
	if err != nil {
		return err
	}
	var sample []string
	for _, row := range rows {
		if r.sel.x < len(row) {
			if s := strings.TrimSpace(row[r.sel.x]); !missing(s) {
				sample = append(sample, s)
			}
		}
	}
	header := ""
	if r.sel.header {
		header = r.sel.names[r.sel.x]
	}
	r.xcol = newXColumn(sample, header)
	return nil
}

// addRow parses the chosen cells of rec and appends them to x and y, or
// counts the row as missing.
func (r *reader) addRow(rec []string) error {
	sel := r.sel
	if need := max(sel.x, sel.y) + 1; len(rec) < need {
		col := min(sel.x, sel.y)
		if col < len(rec) {
			col = max(sel.x, sel.y)
		}
		return r.errAt(r.rows.line(len(rec)-1), col+1,
			fmt.Errorf("row has %d %s, so column %d is missing", len(rec), plural(len(rec), "field"), col+1))
	}
	xs, ys := strings.TrimSpace(rec[sel.x]), strings.TrimSpace(rec[sel.y])
	xMissing, yMissing := missing(xs), missing(ys)
	var xn, yn number
	if !xMissing {
		var err error
		if xn, err = r.parseX(xs); err != nil {
			return err
		}
	}
	if !yMissing {
		var err error
		if yn, err = r.parseNumber(ys, sel.y); err != nil {
			return err
		}
	}
	if xMissing || yMissing {
		r.res.Missing++
		if len(r.res.MissingLines) < maxMissingLines {
			r.res.MissingLines = append(r.res.MissingLines, r.rows.line(sel.x))
		}
		return nil
	}
	r.x = append(r.x, xn.v)
	r.y = append(r.y, yn.v)
	if xn.unclear {
		r.num.settle(xn, xs, r.cellPos(sel.x), false, len(r.x)-1, r.x)
	}
	if yn.unclear {
		r.num.settle(yn, ys, r.cellPos(sel.y), true, len(r.y)-1, r.y)
	}
	return nil
}

// cellPos returns where field col of the current record is.
func (r *reader) cellPos(col int) cellPos { return cellPos{r.rows.line(col), col + 1} }

// parseX reads the x cell s, trimmed and not missing.
func (r *reader) parseX(s string) (number, error) {
	col := r.sel.x
	if r.xcol.kind == Number {
		return r.parseNumber(s, col)
	}
	v, ev, err := r.xcol.parse(s, r.x)
	if err != nil {
		return number{}, r.cellErr(col, err)
	}
	switch ev {
	case evAmbiguous:
		r.xcol.noteAmbiguous(s, r.cellPos(col))
	case evDecided:
		r.xcol.decidedAt = r.cellPos(col)
	}
	return number{v: v}, nil
}

// parseNumber reads the number s, trimmed and not missing, of field col.
func (r *reader) parseNumber(s string, col int) (number, error) {
	n, err := r.num.parse(s)
	if err != nil {
		return number{}, r.cellErr(col, err)
	}
	if n.tells != markUnknown {
		r.num.tell(n.tells, s, r.cellPos(col), r.x, r.y)
	}
	return n, nil
}

// finish makes the data set of the rows read.
func (r *reader) finish() (*ReadResult, error) {
	res := r.res
	axis, cerr := r.xcol.finish(r.x)
	if cerr != nil {
		at := r.xcol.ambiguousAt
		return nil, r.errAt(at.line, at.col, cerr)
	}
	if nerr, at := r.num.finish(); nerr != nil {
		return nil, r.errAt(at.line, at.col, nerr)
	}
	if len(r.x) == 0 {
		switch {
		case res.Skipped > 0:
			return nil, r.errAt(0, 0, fmt.Errorf("%w: all %d rows were skipped as bad; the first: %w", ErrNoData, res.Skipped, res.SkippedErrors[0]))
		case res.Missing > 0:
			return nil, r.errAt(0, 0, fmt.Errorf("%w: all %d rows have a missing x or y, the first on line %d", ErrNoData, res.Missing, res.MissingLines[0]))
		}
		return nil, r.errAt(0, 0, ErrNoData)
	}
	xName, yName := "x", "y"
	if r.sel.header {
		xName, yName = r.sel.names[r.sel.x], r.sel.names[r.sel.y]
	}
	res.Data = &Dataset{XName: xName, YName: yName, X: compact(r.x), Y: compact(r.y), XAxis: axis}
	if len(r.x) >= releaseRows {
		// The text of millions of records is garbage now. Collected and
		// handed back to the system, its memory does not add to what
		// the caller makes next, such as predictions for every row.
		debug.FreeOSMemory()
	}
	return res, nil
}

// releaseRows is the number of rows from which a reader hands the memory
// it used back to the system when it is done.
const releaseRows = 4_000_000

// compact returns v without room to grow, copied when more than a quarter
// of its room is unused.
func compact(v []float64) []float64 {
	if cap(v)-len(v) > len(v)/4 {
		return slices.Clone(v)
	}
	return slices.Clip(v)
}

func (res *ReadResult) skip(err error) {
	res.Skipped++
	if len(res.SkippedErrors) < maxSkippedErrors {
		res.SkippedErrors = append(res.SkippedErrors, err)
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
