package data

import (
	"bytes"
	"io"
	"strings"
)

// previewLimit is the number of bytes of text that Preview reads.
const previewLimit = 1 << 20

// Table is the start of an input as text, for choosing columns.
type Table struct {
	Columns   []string // as in ReadResult.Columns
	Rows      [][]string
	HasHeader bool
	Delimiter rune     // as in ReadResult.Delimiter
	Encoding  string   // as in ReadResult.Encoding
	Sheet     string   // the worksheet shown, for a workbook
	Sheets    []string // every worksheet of a workbook, in order
}

// Preview returns the column names and the first maxRows data rows of CSV
// text, detected as ReadCSV does with default columns, for a dialog that lets
// the user choose columns. Rows hold the trimmed cells and may be shorter or
// longer than Columns. Preview reads at most the first MiB of r.
func Preview(r io.Reader, maxRows int) (*Table, error) {
	return preview(r, ReadOptions{}, maxRows)
}

// preview is Preview with the file name and encoding of opt.
func preview(r io.Reader, opt ReadOptions, maxRows int) (*Table, error) {
	raw, err := io.ReadAll(io.LimitReader(r, previewLimit))
	if err != nil {
		return nil, &ParseError{File: opt.File, Err: err}
	}
	truncated := len(raw) == previewLimit
	if truncated {
		if i := bytes.LastIndexAny(raw, "\r\n"); i >= 0 {
			raw = raw[:i+1]
		}
	}
	src, err := openText(bytes.NewReader(raw), opt)
	if err != nil {
		return nil, err
	}
	defer src.close()
	t := &Table{Delimiter: src.delim, Encoding: src.encoding}
	return previewRows(src, opt, "", t, maxRows, truncated)
}

// previewWorkbook is PreviewFile for a workbook.
func previewWorkbook(r io.Reader, opt ReadOptions, maxRows int) (*Table, error) {
	src, err := openSheet(r, opt)
	if err != nil {
		return nil, err
	}
	defer src.close()
	t := &Table{Sheet: src.sheet, Sheets: src.sheetNames()}
	if _, err := previewRows(src, opt, src.sheet, t, maxRows, false); err != nil {
		// The other sheets may hold the data: say which there are.
		return &Table{Sheet: t.Sheet, Sheets: t.Sheets}, err
	}
	return t, nil
}

// previewRows fills t with the columns and first rows of src. truncated
// is true when src holds only the start of the input, so that its last
// record may be cut short.
func previewRows(src records, opt ReadOptions, sheet string, t *Table, maxRows int, truncated bool) (*Table, error) {
	r := &reader{file: opt.File, sheet: sheet, rows: &rowQueue{src: src}}
	first, err := r.firstRecord()
	if err != nil {
		return nil, err
	}
	sel, err := r.chooseColumns(first, "", "")
	if err != nil {
		return nil, err
	}
	t.Columns, t.HasHeader = sel.names, sel.header
	if !sel.header && maxRows > 0 {
		t.Rows = append(t.Rows, trimCells(first))
	}
	for len(t.Rows) < maxRows {
		rec, err := r.rows.next()
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
		return nil, r.errAt(0, 0, ErrNoData)
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
