package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ReadOptions controls how ReadCSV chooses and reads columns.
type ReadOptions struct {
	// File is the name of the input used in error messages; it may be empty.
	File string

	// XColumn and YColumn choose the x and y columns, either by header name
	// or by 1-based index; a value that is a decimal integer is always an
	// index. An empty value means the default: x is the first column not
	// chosen for y, and y the first column not chosen for x.
	XColumn, YColumn string

	// SkipBadRows makes ReadCSV skip a data row whose chosen cells are
	// missing, empty or not finite numbers instead of failing.
	SkipBadRows bool
}

// ReadResult is what ReadCSV read.
type ReadResult struct {
	Data *Dataset

	// Columns holds the names of all columns of the first row: the header
	// names, or "column 1", "column 2", ... when there is no header.
	Columns []string

	HasHeader bool
	Delimiter rune // ',', ';' or '\t'

	Skipped       int     // number of rows skipped with SkipBadRows
	SkippedErrors []error // the errors of the first 10 skipped rows
}

// Table is the start of a CSV input as text, for choosing columns.
type Table struct {
	Columns   []string // as in ReadResult.Columns
	Rows      [][]string
	HasHeader bool
	Delimiter rune
}

const (
	maxSkippedErrors = 10
	sniffRecords     = 10      // records examined to choose the delimiter
	previewLimit     = 1 << 20 // bytes read by Preview
)

// delimiters in order of preference when several split the input evenly.
var delimiters = []rune{'\t', ';', ','}

// ReadFile reads the CSV file at path as ReadCSV does. When opt.File is
// empty, the base name of path is used in messages.
func ReadFile(path string, opt ReadOptions) (*ReadResult, error) {
	if opt.File == "" {
		opt.File = filepath.Base(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadCSV(f, opt)
}

// ParseText reads text pasted from a spreadsheet (tab-separated) or a text
// editor (comma- or semicolon-separated) as ReadCSV does.
func ParseText(s string, opt ReadOptions) (*ReadResult, error) {
	return ReadCSV(strings.NewReader(s), opt)
}

// ReadCSV reads x-y data from CSV text.
//
// A leading UTF-8 byte order mark is ignored, as are blank lines, lines
// starting with '#' and rows whose cells are all empty. The delimiter is a
// comma, semicolon or tab, whichever splits the first rows evenly into two or
// more fields, preferring tab, then semicolon, then comma. The first row is a
// header when one of its cells in the chosen columns is neither empty nor a
// number. Spaces around values are ignored.
//
// Numbers use a decimal point. Decimal commas are not supported, with one
// exception: in semicolon-separated input, as written by spreadsheets in
// many European locales, a value with a single comma and no point, such as
// "5,2", is read as 5.2. Values must be finite: "NaN", "Inf" and numbers too
// large for a float64 are refused.
//
// A missing, empty or non-numeric value in a chosen column is reported as a
// *ParseError giving the line and the column's field number, unless
// opt.SkipBadRows is set. Malformed quoting is always an error. All errors
// that concern the input are of type *ParseError.
func ReadCSV(r io.Reader, opt ReadOptions) (*ReadResult, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, &ParseError{File: opt.File, Err: err}
	}
	p := newParser(raw, opt.File)
	first, err := p.firstRecord()
	if err != nil {
		return nil, err
	}
	sel, err := p.chooseColumns(first, opt.XColumn, opt.YColumn)
	if err != nil {
		return nil, err
	}

	res := &ReadResult{Columns: sel.names, HasHeader: sel.header, Delimiter: p.delim}
	var x, y []float64
	if !sel.header {
		if err := p.addRow(first, sel, &x, &y); err != nil {
			if !opt.SkipBadRows {
				return nil, err
			}
			res.skip(err)
		}
	}
	for {
		rec, err := p.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if err := p.addRow(rec, sel, &x, &y); err != nil {
			if !opt.SkipBadRows {
				return nil, err
			}
			res.skip(err)
		}
	}
	if len(x) == 0 {
		if res.Skipped > 0 {
			return nil, &ParseError{File: opt.File, Err: fmt.Errorf("%w: all %d rows were skipped as bad; the first: %w", ErrNoData, res.Skipped, res.SkippedErrors[0])}
		}
		return nil, &ParseError{File: opt.File, Err: ErrNoData}
	}

	xName, yName := "x", "y"
	if sel.header {
		xName, yName = sel.names[sel.x], sel.names[sel.y]
	}
	d, err := New(xName, yName, x, y)
	if err != nil {
		return nil, &ParseError{File: opt.File, Err: err}
	}
	res.Data = d
	return res, nil
}

func (res *ReadResult) skip(err error) {
	res.Skipped++
	if len(res.SkippedErrors) < maxSkippedErrors {
		res.SkippedErrors = append(res.SkippedErrors, err)
	}
}

// Preview returns the column names and the first maxRows data rows of CSV
// text, detected as ReadCSV does with default columns, for a dialog that lets
// the user choose columns. Rows hold the trimmed cells and may be shorter or
// longer than Columns. Preview reads at most the first MiB of r.
func Preview(r io.Reader, maxRows int) (*Table, error) {
	raw, err := io.ReadAll(io.LimitReader(r, previewLimit))
	if err != nil {
		return nil, &ParseError{Err: err}
	}
	truncated := len(raw) == previewLimit
	if truncated {
		if i := bytes.LastIndexByte(raw, '\n'); i >= 0 {
			raw = raw[:i+1]
		}
	}
	p := newParser(raw, "")
	first, err := p.firstRecord()
	if err != nil {
		return nil, err
	}
	sel, err := p.chooseColumns(first, "", "")
	if err != nil {
		return nil, err
	}
	t := &Table{Columns: sel.names, HasHeader: sel.header, Delimiter: p.delim}
	if !sel.header && maxRows > 0 {
		t.Rows = append(t.Rows, trimCells(first))
	}
	for len(t.Rows) < maxRows {
		rec, err := p.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if truncated && len(t.Rows) > 0 {
				break
			}
			return nil, err
		}
		t.Rows = append(t.Rows, trimCells(rec))
	}
	if maxRows > 0 && len(t.Rows) == 0 {
		return nil, &ParseError{Err: ErrNoData}
	}
	return t, nil
}

func trimCells(rec []string) []string {
	out := make([]string, len(rec))
	for i, s := range rec {
		out[i] = strings.TrimSpace(s)
	}
	return out
}

// parser reads records from CSV input held in memory.
type parser struct {
	file         string
	data         []byte
	delim        rune
	decimalComma bool
	r            *csv.Reader
}

func newParser(raw []byte, file string) *parser {
	data := bytes.TrimPrefix(raw, []byte("\uFEFF"))
	delim := detectDelimiter(data)
	return &parser{
		file:         file,
		data:         data,
		delim:        delim,
		decimalComma: delim == ';',
		r:            newCSVReader(data, delim),
	}
}

// newCSVReader returns a reader for data. Leading spaces are trimmed except
// with tab as delimiter, where encoding/csv would treat the tab separating an
// empty field as leading space and lose the field.
func newCSVReader(data []byte, delim rune) *csv.Reader {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = delim
	r.Comment = '#'
	r.FieldsPerRecord = -1
	r.LazyQuotes = false
	r.TrimLeadingSpace = delim != '\t'
	return r
}

// detectDelimiter returns the first of delimiters that splits the first
// records of data into the same number (at least two) of fields. Failing
// that, it returns the one giving the most records with two or more fields,
// or a comma.
func detectDelimiter(data []byte) rune {
	best, bestWide := ',', 0
	for _, d := range delimiters {
		r := newCSVReader(data, d)
		var counts []int
		even := true
		for len(counts) < sniffRecords {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				even = false
				break
			}
			if !blankRecord(rec) {
				counts = append(counts, len(rec))
			}
		}
		wide := 0
		for _, c := range counts {
			if c >= 2 {
				wide++
			}
			if c != counts[0] {
				even = false
			}
		}
		if even && len(counts) > 0 && counts[0] >= 2 {
			return d
		}
		if wide > bestWide {
			best, bestWide = d, wide
		}
	}
	return best
}

func blankRecord(rec []string) bool {
	for _, s := range rec {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

// next returns the next record that is not blank, or io.EOF.
func (p *parser) next() ([]string, error) {
	for {
		rec, err := p.r.Read()
		if err == io.EOF {
			return nil, io.EOF
		}
		if err != nil {
			return nil, p.csvError(err)
		}
		if !blankRecord(rec) {
			return rec, nil
		}
	}
}

// firstRecord returns the first record, which must have two or more fields.
func (p *parser) firstRecord() ([]string, error) {
	rec, err := p.next()
	if err == io.EOF {
		return nil, &ParseError{File: p.file, Err: ErrNoData}
	}
	if err != nil {
		return nil, err
	}
	if len(rec) < 2 {
		line, _ := p.r.FieldPos(0)
		return nil, &ParseError{File: p.file, Line: line, Err: ErrOneColumn}
	}
	return rec, nil
}

// csvError converts an error from encoding/csv. Its byte column is turned
// into a character position within the message, as Column is reserved for
// field numbers.
func (p *parser) csvError(err error) error {
	var ce *csv.ParseError
	if !errors.As(err, &ce) {
		return &ParseError{File: p.file, Err: err}
	}
	return &ParseError{
		File: p.file,
		Line: ce.Line,
		Err:  fmt.Errorf("%w at character %d", ce.Err, charColumn(p.data, ce.Line, ce.Column)),
	}
}

// charColumn converts a 1-based byte column on a 1-based line of data into a
// 1-based character column.
func charColumn(data []byte, line, byteCol int) int {
	start := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(data[start:], '\n')
		if i < 0 {
			return byteCol
		}
		start += i + 1
	}
	end := min(start+max(byteCol-1, 0), len(data))
	return utf8.RuneCount(data[start:end]) + 1
}

// selection is the outcome of choosing columns.
type selection struct {
	x, y   int // 0-based field indexes
	names  []string
	header bool
}

// chooseColumns resolves the column choices against the first record and
// decides whether that record is a header.
func (p *parser) chooseColumns(first []string, xSpec, ySpec string) (selection, error) {
	n := len(first)
	sel := selection{x: -1, y: -1}
	specs := []struct {
		s string
		i *int
	}{{strings.TrimSpace(xSpec), &sel.x}, {strings.TrimSpace(ySpec), &sel.y}}

	byName := false
	for _, c := range specs {
		if c.s == "" {
			continue
		}
		k, err := strconv.Atoi(c.s)
		if err != nil {
			byName = true
			continue
		}
		if k < 1 || k > n {
			return sel, &ParseError{File: p.file, Err: fmt.Errorf("there is no column %d: the file has %d columns", k, n)}
		}
		*c.i = k - 1
	}

	if byName {
		sel.header = true
		if !anyHeaderCell(first, p.decimalComma) {
			for _, c := range specs {
				if _, err := strconv.Atoi(c.s); c.s != "" && err != nil {
					return sel, &ParseError{File: p.file, Err: fmt.Errorf("there is no column named %q: the file has no header row", c.s)}
				}
			}
		}
	} else {
		sel.fillDefaults()
		sel.header = isHeaderCell(first[sel.x], p.decimalComma) || isHeaderCell(first[sel.y], p.decimalComma)
	}

	line, _ := p.r.FieldPos(0)
	if sel.header {
		sel.names = make([]string, n)
		seen := make(map[string]int, n)
		for i, s := range first {
			name := strings.TrimSpace(s)
			if name == "" {
				name = fmt.Sprintf("column %d", i+1)
			}
			if j, dup := seen[name]; dup {
				l, _ := p.r.FieldPos(i)
				return sel, &ParseError{File: p.file, Line: l, Column: i + 1,
					Err: fmt.Errorf("column name %q is used by both column %d and column %d", name, j+1, i+1)}
			}
			seen[name] = i
			sel.names[i] = name
		}
	} else {
		sel.names = make([]string, n)
		for i := range sel.names {
			sel.names[i] = fmt.Sprintf("column %d", i+1)
		}
	}

	if byName {
		for _, c := range specs {
			if _, err := strconv.Atoi(c.s); c.s == "" || err == nil {
				continue
			}
			i := indexOf(sel.names, c.s)
			if i < 0 {
				return sel, &ParseError{File: p.file, Line: line,
					Err: fmt.Errorf("there is no column named %q; the columns are %s", c.s, quoteList(sel.names))}
			}
			*c.i = i
		}
		sel.fillDefaults()
	}
	if sel.x == sel.y {
		return sel, &ParseError{File: p.file, Err: fmt.Errorf("x and y are both column %d (%q)", sel.x+1, sel.names[sel.x])}
	}
	return sel, nil
}

// fillDefaults sets unset columns to the first column not chosen for the
// other coordinate.
func (s *selection) fillDefaults() {
	if s.x < 0 {
		s.x = firstOther(s.y)
	}
	if s.y < 0 {
		s.y = firstOther(s.x)
	}
}

func firstOther(i int) int {
	if i == 0 {
		return 1
	}
	return 0
}

func indexOf(names []string, name string) int {
	for i, n := range names {
		if n == name {
			return i
		}
	}
	return -1
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}

// addRow parses the chosen cells of rec and appends them to x and y.
func (p *parser) addRow(rec []string, sel selection, x, y *[]float64) error {
	if need := max(sel.x, sel.y) + 1; len(rec) < need {
		missing := min(sel.x, sel.y)
		if missing < len(rec) {
			missing = max(sel.x, sel.y)
		}
		line, _ := p.r.FieldPos(len(rec) - 1)
		return &ParseError{File: p.file, Line: line, Column: missing + 1,
			Err: fmt.Errorf("row has %d %s, so column %d is missing", len(rec), plural(len(rec), "field"), missing+1)}
	}
	xv, err := p.cell(rec, sel.x)
	if err != nil {
		return err
	}
	yv, err := p.cell(rec, sel.y)
	if err != nil {
		return err
	}
	*x = append(*x, xv)
	*y = append(*y, yv)
	return nil
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

func (p *parser) cell(rec []string, i int) (float64, error) {
	v, err := parseNumber(strings.TrimSpace(rec[i]), p.decimalComma)
	if err != nil {
		line, _ := p.r.FieldPos(i)
		return 0, &ParseError{File: p.file, Line: line, Column: i + 1, Err: err}
	}
	return v, nil
}

type numberKind int

const (
	isNumber numberKind = iota
	notFinite
	notNumber
)

// classify reports whether s, already trimmed, is a finite number in plain
// decimal notation, a non-finite one (NaN, Inf, overflow), or no number.
func classify(s string, decimalComma bool) (float64, numberKind) {
	if decimalComma && strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		s = strings.Replace(s, ",", ".", 1)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, notNumber
	}
	if !isFinite(v) {
		return v, notFinite
	}
	// ParseFloat also accepts hexadecimal and underscores.
	if strings.ContainsFunc(s, func(r rune) bool { return !strings.ContainsRune("0123456789+-.eE", r) }) {
		return 0, notNumber
	}
	return v, isNumber
}

func parseNumber(s string, decimalComma bool) (float64, error) {
	if s == "" {
		return 0, &CellError{Err: ErrEmptyCell}
	}
	v, kind := classify(s, decimalComma)
	switch kind {
	case notFinite:
		return 0, &CellError{Text: s, Err: ErrNotFinite}
	case notNumber:
		return 0, &CellError{Text: s, Err: ErrNotNumber, CommaHint: strings.Contains(s, ",") && !decimalComma}
	}
	return v, nil
}

// isHeaderCell reports whether a cell of the first row marks it as a header.
func isHeaderCell(s string, decimalComma bool) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	_, kind := classify(s, decimalComma)
	return kind == notNumber
}

func anyHeaderCell(rec []string, decimalComma bool) bool {
	for _, s := range rec {
		if isHeaderCell(s, decimalComma) {
			return true
		}
	}
	return false
}
