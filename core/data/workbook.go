package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// ErrWorkbookFormat is reported, inside a *ParseError, for a file that is a
// kind of workbook Tempfit cannot read: an old Excel .xls, an
// OpenDocument .ods or an Apple Numbers document.
var ErrWorkbookFormat = errors.New("a kind of workbook Tempfit cannot read")

// ReadFile reads the file at path: an Excel workbook (.xlsx or .xlsm, or
// any file whose content is one) as ReadWorkbook does, and any other file
// as CSV text, as ReadCSV does. Old Excel workbooks (.xls), OpenDocument
// spreadsheets (.ods) and Apple Numbers documents are refused, whatever
// their name, with a message that says how to convert them. When
// opt.File is empty, the base name of path is used in messages.
func ReadFile(path string, opt ReadOptions) (*ReadResult, error) {
	if opt.File == "" {
		opt.File = filepath.Base(path)
	}
	f, kind, err := openFile(path, opt.File)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if kind == "xlsx" {
		return readWorkbook(f, opt)
	}
	return ReadCSV(f, opt)
}

// PreviewFile returns the column names and the first maxRows data rows of
// the file at path, for a dialog that lets the user choose columns, the
// encoding of text and the sheet of a workbook: CSV text as Preview reads
// it, in opt.Encoding unless that is "", or the worksheet opt.Sheet of a
// workbook (the active one when ""), with Table.Sheets listing them all.
// Other options are ignored. When the worksheet shown cannot be read, the
// error comes with a Table that lists the sheets, without columns or rows,
// so that another one can be chosen.
func PreviewFile(path string, opt ReadOptions, maxRows int) (*Table, error) {
	if opt.File == "" {
		opt.File = filepath.Base(path)
	}
	f, kind, err := openFile(path, opt.File)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if kind == "xlsx" {
		return previewWorkbook(f, opt, maxRows)
	}
	return preview(f, opt, maxRows)
}

// openFile opens the file at path and tells by its start whether it is an
// Excel workbook ("xlsx") or text (""), refusing the workbooks Tempfit
// cannot read by their content or extension. name names it in messages.
func openFile(path, name string) (*os.File, string, error) {
	if kind := workbookByExtension(path); kind != "" {
		return nil, "", &ParseError{Err: workbookError(kind, name, true)}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, "", err
	}
	head := make([]byte, sniffSize)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		f.Close()
		return nil, "", &ParseError{File: name, Err: err}
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, "", &ParseError{File: name, Err: err}
	}
	kind := workbookKind(head[:n])
	if kind != "" && kind != "xlsx" {
		f.Close()
		return nil, "", &ParseError{Err: workbookError(kind, name, false)}
	}
	return f, kind, nil
}

// workbookByExtension returns the kind of workbook Tempfit cannot read
// that the name of path says it is, or "".
func workbookByExtension(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xls", ".xlt":
		return "xls"
	case ".ods", ".ots", ".fods":
		return "ods"
	case ".numbers":
		return "numbers"
	}
	return ""
}

// workbookKind tells from the start of a file whether it is a workbook:
// "xls" for the OLE2 compound file of old Excel workbooks, and for a zip
// archive "ods" (OpenDocument), "numbers" (Apple Numbers), "xlsx" (Office
// Open XML) or "zip" (any other). It returns "" for anything else.
func workbookKind(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return "xls"
	case !bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return ""
	case bytes.Contains(head, []byte("application/vnd.oasis.opendocument")):
		return "ods"
	case bytes.Contains(head, []byte("Index/Document.iwa")):
		return "numbers"
	case bytes.Contains(head, []byte("[Content_Types].xml")), bytes.Contains(head, []byte("xl/")):
		return "xlsx"
	}
	return "zip"
}

// workbookError says that name is a kind of workbook Tempfit does not read
// and how to convert it. byName is true when the file's extension tells.
func workbookError(kind, name string, byName bool) error {
	if name == "" {
		name = "the input"
	}
	switch kind {
	case "xls", "ods", "numbers":
		return &WorkbookFormatError{File: name, Format: kind, ByContent: !byName}
	case "xlsx":
		return fmt.Errorf("%s is an Excel workbook, not CSV text: open it as a file", name)
	}
	return fmt.Errorf("%s is a zip archive, not CSV text or an Excel workbook", name)
}

// WorkbookFormatError says that a file is a kind of workbook Tempfit does
// not read, and how to convert it. It unwraps to ErrWorkbookFormat.
type WorkbookFormatError struct {
	File string
	// Format is "xls" (an old Excel workbook), "ods" (an OpenDocument
	// spreadsheet) or "numbers" (an Apple Numbers document).
	Format string
	// ByContent is true when the file's content told, not its name.
	ByContent bool
}

// Error returns a message that names the file and says how to convert it.
func (e *WorkbookFormatError) Error() string {
	var msg string
	switch e.Format {
	case "xls":
		msg = e.File + " is an old Excel workbook (.xls), which Tempfit cannot read: open it in Excel or LibreOffice and save it as .xlsx or CSV"
	case "ods":
		msg = e.File + " is an OpenDocument spreadsheet (.ods), which Tempfit cannot read: open it in LibreOffice and save it as .xlsx or CSV"
	default:
		msg = e.File + " is an Apple Numbers document, which Tempfit cannot read: in Numbers, export it as Excel (.xlsx) or CSV"
	}
	if e.ByContent {
		msg += " (whatever its name says)"
	}
	return msg
}

// Unwrap returns ErrWorkbookFormat.
func (e *WorkbookFormatError) Unwrap() error { return ErrWorkbookFormat }
