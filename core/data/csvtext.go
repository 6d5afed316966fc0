package data

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

const (
	sniffSize    = 64 << 10 // bytes examined to choose the encoding and delimiter
	sniffRecords = 10       // records examined to choose the delimiter
	bufferSize   = 64 << 10 // read buffer of the CSV reader
)

// delimiters in order of preference when several split the input evenly.
var delimiters = []rune{'\t', ';', ','}

// ParseText reads text pasted from a spreadsheet (tab-separated) or a text
// editor (comma- or semicolon-separated) as ReadCSV does.
func ParseText(s string, opt ReadOptions) (*ReadResult, error) {
	return ReadCSV(strings.NewReader(s), opt)
}

// ReadCSV reads x-y data from CSV text; see the package documentation for
// the forms of text, values, dates and missing values it reads. All
// errors that concern the input are of type *ParseError.
func ReadCSV(r io.Reader, opt ReadOptions) (*ReadResult, error) {
	src, err := openText(r, opt)
	if err != nil {
		return nil, err
	}
	res := &ReadResult{Delimiter: src.delim, Encoding: src.encoding}
	return read(src, opt, "", src.delim == ';', res)
}

// csvSource reads the records of CSV text.
type csvSource struct {
	file     string
	encoding string
	delim    rune
	head     []byte // the decoded start of the text, for character columns in messages
	rows     int    // at least the number of records of long text read from a file or bytes, or 0

	bs         *batches
	cur        *recordBatch // the batch of the record last returned
	pos        int          // the record after it in cur
	start, end int          // where the record last returned is in cur.fields
}

// openText starts reading CSV text from r: it reads the start to choose
// the encoding, unless opt names one, and the delimiter, and refuses a
// workbook and binary data.
func openText(r io.Reader, opt ReadOptions) (*csvSource, error) {
	size := inputSize(r)
	var buf bytes.Buffer
	n, err := io.CopyN(&buf, r, sniffSize)
	complete := err == io.EOF || n < sniffSize
	if err != nil && err != io.EOF {
		return nil, &ParseError{File: opt.File, Err: err}
	}
	head := buf.Bytes()
	if kind := workbookKind(head); kind != "" {
		return nil, &ParseError{File: opt.File, Err: workbookError(kind, opt.File, false)}
	}
	name, bom, err := chooseEncoding(opt.Encoding, head, complete)
	if err != nil {
		return nil, &ParseError{File: opt.File, Err: err}
	}
	var text io.Reader = bytes.NewReader(head[bom:])
	if !complete {
		text = io.MultiReader(text, r)
	}
	decoded := wholeLines(head[bom:], name, complete)
	if enc := decoder(name); enc != nil {
		text = transform.NewReader(text, enc.NewDecoder())
		decoded, _ = enc.NewDecoder().Bytes(decoded)
	}
	decoded = bytes.ReplaceAll(decoded, []byte("\r\n"), []byte("\n"))
	decoded = bytes.ReplaceAll(decoded, []byte("\r"), []byte("\n"))
	if i := bytes.IndexByte(decoded, 0); i >= 0 {
		return nil, &ParseError{File: opt.File, Line: bytes.Count(decoded[:i], []byte("\n")) + 1, Err: ErrBinary}
	}
	src := &csvSource{file: opt.File, encoding: name, delim: detectDelimiter(decoded), head: decoded}
	var lines io.Reader = &lineEnds{r: text}
	if !complete {
		lines = bufio.NewReaderSize(lines, bufferSize)
	}
	if ra, ok := r.(io.ReaderAt); ok && size >= countFrom {
		if n, err := countLineEnds(ra, size); err == nil && n < maxEstimate {
			src.rows = int(n) + 1
		}
	}
	cr := newCSVReader(lines, src.delim)
	cr.ReuseRecord = true
	src.bs = newBatches(cr, !complete && size >= 0)
	return src, nil
}

// countFrom is the size from which a reader counts the lines of its input
// ahead, to make room for the rows at once; maxEstimate bounds the rows
// it makes room for.
const (
	countFrom   = 4 << 20
	maxEstimate = 1 << 30
)

// countLineEnds returns the number of line feeds and carriage returns in
// the first size bytes of r, which bounds the number of records from
// above in every encoding that ReadCSV reads: a record ends with one or at
// the end of the input, and in UTF-16 other characters may hold such a
// byte too.
func countLineEnds(r io.ReaderAt, size int64) (int64, error) {
	buf := make([]byte, 256<<10)
	var n int64
	for off := int64(0); off < size; {
		k, err := r.ReadAt(buf[:min(int64(len(buf)), size-off)], off)
		b := buf[:k]
		n += int64(bytes.Count(b, []byte{'\n'}) + bytes.Count(b, []byte{'\r'}))
		off += int64(k)
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, err
		}
	}
	return n, nil
}

// wholeLines returns head, the start of the input, without a last line
// that may be cut short, unless complete. UTF-16 is cut to whole code
// units instead.
func wholeLines(head []byte, encoding string, complete bool) []byte {
	switch {
	case complete:
		return head
	case encoding == UTF16LE || encoding == UTF16BE:
		return head[:len(head)&^1]
	}
	if i := bytes.LastIndexAny(head, "\r\n"); i >= 0 {
		return head[:i+1]
	}
	return head
}

// newCSVReader returns a reader of r. Leading spaces are trimmed except
// with tab as delimiter, where encoding/csv would treat the tab separating an
// empty field as leading space and lose the field.
func newCSVReader(r io.Reader, delim rune) *csv.Reader {
	cr := csv.NewReader(r)
	cr.Comma = delim
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = false
	cr.TrimLeadingSpace = delim != '\t'
	return cr
}

// detectDelimiter returns the first of delimiters that splits the first
// records of data into the same number (at least two) of fields. Failing
// that, it returns the one giving the most records with two or more fields,
// or a comma.
func detectDelimiter(data []byte) rune {
	best, bestWide := ',', 0
	for _, d := range delimiters {
		r := newCSVReader(bytes.NewReader(data), d)
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

// next returns the next record that is not blank, or io.EOF. The record
// is the source's own until next is called again.
func (s *csvSource) next() ([]string, error) {
	for s.cur == nil || s.pos == len(s.cur.ends) {
		if s.cur != nil && s.cur.err != nil {
			if s.cur.err == io.EOF {
				return nil, io.EOF
			}
			return nil, s.csvError(s.cur.err)
		}
		s.cur, s.pos = s.bs.next(s.cur), 0
	}
	s.start = 0
	if s.pos > 0 {
		s.start = s.cur.ends[s.pos-1]
	}
	s.end = s.cur.ends[s.pos]
	s.pos++
	return s.cur.fields[s.start:s.end:s.end], nil
}

func (s *csvSource) line(i int) int {
	if s.cur == nil || s.end == s.start {
		return 0
	}
	return s.cur.lines[s.start+max(0, min(i, s.end-s.start-1))]
}

func (s *csvSource) close() { s.bs.close() }

func (s *csvSource) estimate() int { return s.rows }

// inputSize returns the size in bytes of r, when r is a regular file or a
// reader of bytes or a string, and else -1.
func inputSize(r io.Reader) int64 {
	switch v := r.(type) {
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := v.Stat(); err == nil && fi.Mode().IsRegular() {
			return fi.Size()
		}
	case interface{ Size() int64 }:
		return v.Size()
	}
	return -1
}

// csvError converts an error from encoding/csv. Its byte column is turned
// into a character position within the message, as Column is reserved for
// field numbers.
func (s *csvSource) csvError(err error) error {
	var ce *csv.ParseError
	if !errors.As(err, &ce) {
		return &ParseError{File: s.file, Err: err}
	}
	at := fmt.Sprintf("at byte %d of the line", ce.Column)
	if col, ok := charColumn(s.head, ce.Line, ce.Column); ok {
		at = fmt.Sprintf("at character %d", col)
	}
	return &ParseError{File: s.file, Line: ce.Line, Err: fmt.Errorf("%w %s", ce.Err, at)}
}

// charColumn converts a 1-based byte column on a 1-based line of data into a
// 1-based character column. It reports false when data ends before it.
func charColumn(data []byte, line, byteCol int) (int, bool) {
	start := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(data[start:], '\n')
		if i < 0 {
			return 0, false
		}
		start += i + 1
	}
	end := start + max(byteCol-1, 0)
	if end > len(data) {
		return 0, false
	}
	return utf8.RuneCount(data[start:end]) + 1, true
}
