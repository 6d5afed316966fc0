package data

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/korean"
)

// must fails the test on a non-nil error.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// writeWorkbook saves a workbook made with excelize: a "Notes" sheet, and
// the active sheet "Daily" with dates formatted by a built-in and a custom
// date format, a missing value, an empty row and a formula whose cached
// value is 3.5, and a "Bad" sheet with a cell that is not a number.
func writeWorkbook(t *testing.T, name string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must(t, f.SetSheetName("Sheet1", "Notes"))
	must(t, f.SetCellValue("Notes", "A1", "Station 108, daily maximum"))
	daily, err := f.NewSheet("Daily")
	must(t, err)
	f.SetActiveSheet(daily)
	builtin, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(t, err)
	iso := "yyyy-mm-dd"
	custom, err := f.NewStyle(&excelize.Style{CustomNumFmt: &iso})
	must(t, err)
	rows := [][]any{
		{"date", "temp_max", "note"},
		{40909.0, 1.5, "first"}, // 2012-01-01, row 2
		{40910.0, nil, "missing"},
		{40911.0, 2.25},
		{},
		{40913.0, 0.0}, // row 6, 2012-01-05
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		must(t, f.SetSheetRow("Daily", cell, &row))
	}
	must(t, f.SetCellStyle("Daily", "A2", "A4", builtin))
	must(t, f.SetCellStyle("Daily", "A6", "A6", custom))
	must(t, f.SetCellValue("Daily", "B6", 3.5))
	must(t, f.SetCellFormula("Daily", "B6", "B2+2"))

	_, err = f.NewSheet("Bad")
	must(t, err)
	must(t, f.SetSheetRow("Bad", "A1", &[]any{"x", "y"}))
	must(t, f.SetSheetRow("Bad", "A2", &[]any{1, 2}))
	must(t, f.SetSheetRow("Bad", "A3", &[]any{2, "abc"}))

	path := filepath.Join(t.TempDir(), name)
	must(t, f.SaveAs(path))
	return path
}

func TestReadWorkbook(t *testing.T) {
	path := writeWorkbook(t, "book.xlsx")
	res, err := ReadFile(path, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	d := res.Data
	if res.Sheet != "Daily" || d.XName != "date" || d.YName != "temp_max" || d.XAxis.Kind != Date || d.XAxis.OriginText() != "2012-01-01" {
		t.Errorf("sheet %q, columns %q %q, axis %+v", res.Sheet, d.XName, d.YName, d.XAxis)
	}
	if !reflect.DeepEqual(d.X, []float64{0, 2, 4}) || !reflect.DeepEqual(d.Y, []float64{1.5, 2.25, 3.5}) {
		t.Errorf("data %v %v, want x 0 2 4 and y 1.5 2.25 3.5 (the formula's cached value)", d.X, d.Y)
	}
	if res.Missing != 1 || !reflect.DeepEqual(res.MissingLines, []int{3}) {
		t.Errorf("missing %d at %v, want 1 at row 3", res.Missing, res.MissingLines)
	}
	if !reflect.DeepEqual(res.Columns, []string{"date", "temp_max", "note"}) || !res.HasHeader || res.Delimiter != 0 {
		t.Errorf("columns %q, header %v, delimiter %q", res.Columns, res.HasHeader, res.Delimiter)
	}
}

func TestReadWorkbookSheets(t *testing.T) {
	path := writeWorkbook(t, "book.xlsm")
	_, err := ReadFile(path, ReadOptions{Sheet: "Bad"})
	if err == nil || err.Error() != `book.xlsm: Bad!B3: "abc" is not a number` {
		t.Errorf("error %v", err)
	}
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Sheet != "Bad" || pe.Line != 3 || pe.Column != 2 {
		t.Errorf("%#v", err)
	}
	_, err = ReadFile(path, ReadOptions{Sheet: "Nope"})
	if err == nil || err.Error() != `book.xlsm: there is no sheet named "Nope"; the sheets are "Notes", "Daily", "Bad"` {
		t.Errorf("error %v", err)
	}
	_, err = ReadFile(path, ReadOptions{Sheet: "Notes"})
	if !errors.Is(err, ErrOneColumn) {
		t.Errorf("one-column sheet: %v", err)
	}
	// A workbook named .csv is still read as one.
	renamed := filepath.Join(t.TempDir(), "export.csv")
	b, _ := os.ReadFile(path)
	must(t, os.WriteFile(renamed, b, 0o644))
	if res, err := ReadFile(renamed, ReadOptions{}); err != nil || res.Sheet != "Daily" {
		t.Errorf("renamed workbook: %v", err)
	}
	if _, err := ReadCSV(bytes.NewReader(b), ReadOptions{File: "pasted"}); err == nil || !strings.Contains(err.Error(), "is an Excel workbook") {
		t.Errorf("workbook as text: %v", err)
	}
}

func TestPreviewFile(t *testing.T) {
	path := writeWorkbook(t, "book.xlsx")
	tab, err := PreviewFile(path, ReadOptions{}, 2)
	if err != nil {
		t.Fatal(err)
	}
	want := &Table{
		Columns:   []string{"date", "temp_max", "note"},
		Rows:      [][]string{{"2012-01-01", "1.5", "first"}, {"2012-01-02", "", "missing"}},
		HasHeader: true,
		Sheet:     "Daily",
		Sheets:    []string{"Notes", "Daily", "Bad"},
	}
	if !reflect.DeepEqual(tab, want) {
		t.Errorf("PreviewFile = %+v\nwant %+v", tab, want)
	}
	tab, err = PreviewFile(path, ReadOptions{Sheet: "Bad"}, 5)
	if err != nil || tab.Sheet != "Bad" || len(tab.Rows) != 2 {
		t.Errorf("Bad sheet: %+v, %v", tab, err)
	}

	csv := filepath.Join(t.TempDir(), "kma.csv")
	must(t, os.WriteFile(csv, encode(t, korean.EUCKR, kmaText), 0o644))
	tab, err = PreviewFile(csv, ReadOptions{}, 1)
	if err != nil || tab.Encoding != CP949 || tab.Columns[2] != "일시" || len(tab.Rows) != 1 {
		t.Errorf("CSV preview: %+v, %v", tab, err)
	}
	tab, err = PreviewFile(csv, ReadOptions{Encoding: ShiftJIS}, 1)
	if err != nil || tab.Encoding != ShiftJIS || tab.Columns[2] == "일시" {
		t.Errorf("CSV preview in another encoding: %+v, %v", tab, err)
	}
}

func TestRefuseOtherWorkbooks(t *testing.T) {
	dir := t.TempDir()
	ole2 := []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0}
	ods := append([]byte("PK\x03\x04\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x08\x00\x00\x00"),
		"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"...)
	tests := []struct {
		name    string
		content []byte
		want    string
	}{
		{"old.xls", ole2, "old.xls is an old Excel workbook (.xls), which Tempfit cannot read: open it in Excel or LibreOffice and save it as .xlsx or CSV"},
		{"renamed.csv", ole2, "renamed.csv is an old Excel workbook (.xls), which Tempfit cannot read: open it in Excel or LibreOffice and save it as .xlsx or CSV (whatever its name says)"},
		{"text.xls", []byte("x,y\n1,2\n"), "text.xls is an old Excel workbook (.xls), which Tempfit cannot read: open it in Excel or LibreOffice and save it as .xlsx or CSV"},
		{"sheet.ods", ods, "sheet.ods is an OpenDocument spreadsheet (.ods), which Tempfit cannot read: open it in LibreOffice and save it as .xlsx or CSV"},
		{"sheet.txt", ods, "sheet.txt is an OpenDocument spreadsheet (.ods), which Tempfit cannot read: open it in LibreOffice and save it as .xlsx or CSV (whatever its name says)"},
		{"doc.numbers", []byte("PK\x03\x04"), "doc.numbers is an Apple Numbers document, which Tempfit cannot read: in Numbers, export it as Excel (.xlsx) or CSV"},
	}
	for _, tt := range tests {
		path := filepath.Join(dir, tt.name)
		must(t, os.WriteFile(path, tt.content, 0o644))
		for _, read := range []func() error{
			func() error { _, err := ReadFile(path, ReadOptions{}); return err },
			func() error { _, err := PreviewFile(path, ReadOptions{}, 5); return err },
		} {
			err := read()
			if !errors.Is(err, ErrWorkbookFormat) || err.Error() != tt.want {
				t.Errorf("%s: error\n got %v\nwant %s", tt.name, err, tt.want)
			}
		}
	}
	if _, err := ReadCSV(bytes.NewReader(ole2), ReadOptions{}); !errors.Is(err, ErrWorkbookFormat) {
		t.Errorf("ReadCSV of an .xls: %v", err)
	}
}

func TestNumFmtKind(t *testing.T) {
	str := func(s string) *string { return &s }
	tests := []struct {
		id     int
		custom *string
		want   XKind
	}{
		{0, nil, Number}, {2, nil, Number}, {14, nil, Date}, {17, nil, YearMonth}, {20, nil, Number}, {22, nil, DateTime},
		{31, nil, Date}, {32, nil, Number}, {45, nil, Number},
		{164, str("yyyy-mm-dd"), Date}, {164, str(`yyyy"년" m"월" d"일"`), Date}, {164, str("yyyy/mm/dd hh:mm"), DateTime},
		{164, str("mmm yyyy"), YearMonth}, {164, str("[h]:mm:ss"), Number}, {164, str("0.00"), Number},
		{164, str(`#,##0.0" days"`), Number}, {164, str("General"), Number}, {164, str("0.00E+00"), Number},
		{164, str(`[$-412]yyyy-mm-dd;@`), Date}, {164, str("h:mm"), Number},
	}
	for _, tt := range tests {
		if got := numFmtKind(tt.id, tt.custom); got != tt.want {
			c := "<nil>"
			if tt.custom != nil {
				c = *tt.custom
			}
			t.Errorf("numFmtKind(%d, %q) = %v, want %v", tt.id, c, got, tt.want)
		}
	}
}

func FuzzReadWorkbook(f *testing.F) {
	dir := f.TempDir()
	book := excelize.NewFile()
	book.SetSheetRow("Sheet1", "A1", &[]any{"x", "y"})
	book.SetSheetRow("Sheet1", "A2", &[]any{1, 2})
	path := filepath.Join(dir, "seed.xlsx")
	if err := book.SaveAs(path); err != nil {
		f.Fatal(err)
	}
	seed, _ := os.ReadFile(path)
	f.Add(seed)
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, in []byte) {
		res, err := ReadWorkbook(bytes.NewReader(in), ReadOptions{File: "f.xlsx"})
		if err == nil && (res.Data == nil || res.Data.Len() == 0) {
			t.Fatalf("no data without an error")
		}
	})
}
