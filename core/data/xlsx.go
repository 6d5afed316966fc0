package data

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"
)

// ReadWorkbook reads x-y data from a worksheet of an Excel workbook
// (.xlsx or .xlsm) as ReadCSV reads text: opt.Sheet chooses the sheet, the
// active one by default, and the columns are chosen, the header found and
// the values read alike. A number that Excel formats as a date or a date
// and time is read as one; formula cells give the value Excel last
// computed. Errors name the sheet and cell, as in
// `book.xlsx: Sheet1!B7: "abc" is not a number`.
func ReadWorkbook(r io.Reader, opt ReadOptions) (*ReadResult, error) {
	return readWorkbook(r, opt)
}

func readWorkbook(r io.Reader, opt ReadOptions) (*ReadResult, error) {
	src, err := openSheet(r, opt)
	if err != nil {
		return nil, err
	}
	return read(src, opt, src.sheet, false, &ReadResult{Sheet: src.sheet})
}

// sheetSource reads the rows of a worksheet as text records.
type sheetSource struct {
	file     string
	book     *excelize.File
	sheets   []string
	sheet    string
	rows     *excelize.Rows
	row      int // the row number of the record last returned
	date1904 bool
	styles   map[int]XKind // the kind of date each cell style shows, by style index
}

// openSheet opens the workbook read from r and the worksheet opt.Sheet.
func openSheet(r io.Reader, opt ReadOptions) (*sheetSource, error) {
	book, err := excelize.OpenReader(r)
	if err != nil {
		return nil, &ParseError{File: opt.File, Err: fmt.Errorf("cannot read the workbook: %w", err)}
	}
	s := &sheetSource{file: opt.File, book: book, sheets: book.GetSheetList(), sheet: opt.Sheet, styles: map[int]XKind{}}
	if s.sheet == "" {
		s.sheet = book.GetSheetName(book.GetActiveSheetIndex())
	}
	if !slices.Contains(s.sheets, s.sheet) {
		book.Close()
		if opt.Sheet == "" {
			return nil, &ParseError{File: opt.File, Err: ErrNoData}
		}
		return nil, &ParseError{File: opt.File, Err: fmt.Errorf("there is no sheet named %s; the sheets are %s", quote(opt.Sheet), quoteList(s.sheets))}
	}
	if props, err := book.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		s.date1904 = *props.Date1904
	}
	if s.rows, err = book.Rows(s.sheet); err != nil {
		book.Close()
		return nil, &ParseError{File: opt.File, Sheet: s.sheet, Err: err}
	}
	return s, nil
}

func (s *sheetSource) close() {
	s.rows.Close()
	s.book.Close()
}

func (s *sheetSource) next() ([]string, error) {
	for s.rows.Next() {
		s.row++
		cells, err := s.rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, &ParseError{File: s.file, Sheet: s.sheet, Line: s.row, Err: err}
		}
		if blankRecord(cells) {
			continue
		}
		for i, c := range cells {
			cells[i] = s.cellText(i, c)
		}
		return cells, nil
	}
	if err := s.rows.Error(); err != nil {
		return nil, &ParseError{File: s.file, Sheet: s.sheet, Line: s.row, Err: err}
	}
	return nil, io.EOF
}

func (s *sheetSource) line(int) int { return s.row }

func (s *sheetSource) estimate() int { return 0 }

// cellText returns the text of a cell of the current row, whose raw value
// is raw: raw itself, or, for a number formatted as a date, the date in
// ISO 8601 form (2012-01-31, 2012-01-31 13:45:30 or 2012-01).
func (s *sheetSource) cellText(col int, raw string) string {
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || v < 0 {
		return raw
	}
	name, err := excelize.CoordinatesToCellName(col+1, s.row)
	if err != nil {
		return raw
	}
	style, err := s.book.GetCellStyle(s.sheet, name)
	if err != nil {
		return raw
	}
	kind, ok := s.styles[style]
	if !ok {
		kind = Number
		if st, err := s.book.GetStyle(style); err == nil {
			kind = numFmtKind(st.NumFmt, st.CustomNumFmt)
		}
		s.styles[style] = kind
	}
	if kind == Number {
		return raw
	}
	if t, err := s.book.GetCellType(s.sheet, name); err != nil || (t != excelize.CellTypeNumber && t != excelize.CellTypeUnset && t != excelize.CellTypeFormula) {
		return raw
	}
	t, err := excelize.ExcelDateToTime(v, s.date1904)
	if err != nil {
		return raw
	}
	t = t.Round(time.Millisecond)
	switch kind {
	case YearMonth:
		return t.Format("2006-01")
	case DateTime:
		if t.Nanosecond() != 0 {
			return t.Format("2006-01-02 15:04:05.000")
		}
		return t.Format("2006-01-02 15:04:05")
	}
	return t.Format("2006-01-02")
}

// sheetNames returns the names of the worksheets.
func (s *sheetSource) sheetNames() []string { return slices.Clone(s.sheets) }
