package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/unicode"

	"tempfit/core/data"
	"tempfit/core/fit"
)

// writeFile writes content to name in dir and returns its path.
func writeFile(t *testing.T, dir, name string, content []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// encode returns s in the encoding e.
func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// seoulText is Seoul's monthly normals with a Korean header, as KMA's
// site writes them.
const seoulText = "월,평균기온(°C)\n1,-2.4\n2,0.4\n3,5.7\n4,12.5\n5,17.8\n6,22.2\n7,24.9\n8,25.7\n9,21.2\n10,14.8\n11,7.2\n12,0.4\n"

func TestFitReadsCP949(t *testing.T) {
	path := writeFile(t, t.TempDir(), "seoul.csv", encode(t, korean.EUCKR, seoulText))
	out, errOut, status := runCLI(t, "fit", "--data", path, "--optimizer", "exact", "--json")
	if status != exitOK {
		t.Fatalf("status %d: %s", status, errOut)
	}
	if !strings.Contains(errOut, "read "+path+" as Korean (CP949, EUC-KR)") {
		t.Errorf("stderr does not say the encoding: %q", errOut)
	}
	r := decodeReport(t, out)
	if r.Data.Encoding != data.CP949 || r.Data.Y != "평균기온(°C)" || r.Data.Points != 12 {
		t.Errorf("data %+v", r.Data)
	}
	// A UTF-8 file says nothing.
	utf8 := writeFile(t, t.TempDir(), "seoul.csv", []byte(seoulText))
	if _, errOut, _ := runCLI(t, "fit", "--data", utf8, "--optimizer", "exact"); errOut != "" {
		t.Errorf("UTF-8: stderr %q", errOut)
	}
}

func TestFitEncodingFlag(t *testing.T) {
	dir := t.TempDir()
	const tokyo = "月,気温\n1,5.4\n2,6.1\n3,9.4\n4,14.3\n5,18.8\n6,21.9\n7,25.7\n8,26.9\n9,23.3\n10,18\n11,12.5\n12,7.7\n"
	sjis := writeFile(t, dir, "tokyo.csv", encode(t, japanese.ShiftJIS, tokyo))
	r := fitJSON(t, "--data", sjis, "--encoding", "shift_jis", "--optimizer", "exact")
	if r.Data.Encoding != data.ShiftJIS || r.Data.X != "月" || r.Data.Y != "気温" {
		t.Errorf("shift_jis: %+v", r.Data)
	}
	// An alias of an encoding is known too.
	euckr := writeFile(t, dir, "seoul.csv", encode(t, korean.EUCKR, seoulText))
	if r := fitJSON(t, "--data", euckr, "--encoding", "EUC-KR", "--optimizer", "exact"); r.Data.Encoding != data.CP949 {
		t.Errorf("euc-kr: %+v", r.Data)
	}
	_, errOut, status := runCLI(t, "fit", "--data", euckr, "--encoding", "latin1")
	if status != exitUsage || !strings.Contains(errOut, "latin1") {
		t.Fatalf("latin1: status %d, %q", status, errOut)
	}
	for _, name := range data.Encodings() {
		if !strings.Contains(errOut, name) {
			t.Errorf("the message does not list %s: %q", name, errOut)
		}
	}
}

func TestFitReadsUTF16WithOldMacLineEnds(t *testing.T) {
	text := "\ufeffmonth\ttemp\r1\t5.2\r2\t5.7\r3\t8.6\r4\t14.9\r5\t18.2\r"
	path := writeFile(t, t.TempDir(), "unicode.txt", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), text))
	out, errOut, status := runCLI(t, "fit", "--data", path, "--optimizer", "exact", "--degree", "1", "--json")
	if status != exitOK {
		t.Fatalf("status %d: %s", status, errOut)
	}
	if r := decodeReport(t, out); r.Data.Points != 5 || r.Data.Encoding != data.UTF16LE {
		t.Errorf("data %+v", r.Data)
	}
	if !strings.Contains(errOut, "as UTF-16 little-endian") {
		t.Errorf("stderr %q", errOut)
	}
}

func TestFitReportsMissingRows(t *testing.T) {
	var b strings.Builder
	b.WriteString("# station 108\nmonth,temp\n") // lines 1 and 2
	missing := map[int]string{3: "", 5: "NA", 9: "-", 10: "n/a", 11: "", 14: "null", 15: "×"}
	var wantLines []int
	for line := 3; line <= 20; line++ {
		y, ok := missing[line]
		if ok {
			wantLines = append(wantLines, line)
		} else {
			y = fmt.Sprint(line)
		}
		fmt.Fprintf(&b, "%d,%s\n", line, y)
	}
	path := writeFile(t, t.TempDir(), "gaps.csv", []byte(b.String()))
	out, errOut, status := runCLI(t, "fit", "--data", path, "--optimizer", "exact", "--degree", "1", "--json")
	if status != exitOK {
		t.Fatalf("status %d: %s", status, errOut)
	}
	want := "tempfit-cli fit: skipped 7 rows with a missing x or y (lines 3, 5, 9, 10, 11, …)\n"
	if errOut != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	r := decodeReport(t, out)
	if r.Data.Missing != 7 || fmt.Sprint(r.Data.MissingLines) != fmt.Sprint(wantLines[:5]) || r.Data.Points != 11 {
		t.Errorf("data %+v", r.Data)
	}

	one := writeFile(t, t.TempDir(), "gap.csv", []byte("x,y\n1,2\n2,\n3,4\n4,5\n"))
	if _, errOut, _ := runCLI(t, "fit", "--data", one, "--optimizer", "exact", "--degree", "1"); !strings.Contains(errOut, "skipped 1 row with a missing x or y (line 3)\n") {
		t.Errorf("one missing row: %q", errOut)
	}
}

// dailyCSV returns daily temperatures from 2012-01-01 for days days: a
// yearly cycle and a trend of perDecade degrees per decade, with seeded
// noise of SD 1, under the header "date,temp (°C)".
func dailyCSV(days int, perDecade float64) string {
	rng := rand.New(rand.NewPCG(1, 2))
	axis := data.XAxis{Kind: data.Date, Layout: "2006-01-02", Origin: time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC)}
	var b strings.Builder
	b.WriteString("date,temp (°C)\n")
	for i := range days {
		x := float64(i)
		y := 12 + perDecade*x/fit.DaysPerDecade - 8*math.Cos(2*math.Pi*(x-15)/fit.DaysPerYear) + rng.NormFloat64()
		fmt.Fprintf(&b, "%s,%.3f\n", axis.Format(x), y)
	}
	return b.String()
}

func TestFitReadsDates(t *testing.T) {
	path := writeFile(t, t.TempDir(), "daily.csv", []byte(dailyCSV(3*365, 0.3)))
	out, errOut, status := runCLI(t, "fit", "--data", path, "--model", "seasonal", "--optimizer", "exact")
	if status != exitOK {
		t.Fatalf("status %d: %s", status, errOut)
	}
	for _, want := range []string{
		"seasonal with 2 harmonics, period 365.2425;", // a year in days by default
		"Coefficients (x = days since 2012-01-01):",
		"cos(2π·x/365.2425)",
		", x = days since 2012-01-01\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// --period still rules.
	if r := fitJSON(t, "--data", path, "--model", "seasonal", "--optimizer", "exact", "--period", "182.62125"); *r.Settings.Period != 182.62125 || r.Data.XAxis != "date" {
		t.Errorf("--period: %+v", r.Settings)
	}
}

func TestFitNotesThePeriodOfDayNumbers(t *testing.T) {
	_, errOut, status := runCLI(t, "fit", "--sample", "generated-daily", "--model", "seasonal", "--optimizer", "exact")
	if status != exitOK || !strings.Contains(errOut, "give --period 365.2425") {
		t.Errorf("status %d, stderr %q", status, errOut)
	}
	if _, errOut, _ := runCLI(t, "fit", "--sample", "seoul", "--model", "seasonal", "--optimizer", "exact"); errOut != "" {
		t.Errorf("months: stderr %q", errOut)
	}
}

func TestFitReadsMonthNames(t *testing.T) {
	text := "month,temp\nJan,5.2\nFeb,5.7\nMar,8.6\nApr,14.9\nMay,18.2\nJun,20.4\nJul,25.5\nAug,26.4\nSep,22.8\nOct,17.5\nNov,11.1\nDec,6.6\n"
	path := writeFile(t, t.TempDir(), "months.csv", []byte(text))
	out, errOut, status := runCLI(t, "fit", "--data", path, "--optimizer", "exact")
	if status != exitOK {
		t.Fatalf("status %d: %s", status, errOut)
	}
	// The same fit as the book's numbered months.
	book, _, _ := runCLI(t, "fit", "--optimizer", "exact")
	if !strings.Contains(out, "Coefficients (x = month (1 = January)):") || !strings.Contains(out, "SSE 12.144165") || !strings.Contains(book, "SSE 12.144165") {
		t.Errorf("output:\n%s", out)
	}
	if r := fitJSON(t, "--data", path, "--model", "seasonal", "--optimizer", "exact"); *r.Settings.Period != 12 || r.Data.XAxis != "monthname" {
		t.Errorf("month names: %+v, %+v", r.Settings, r.Data)
	}
}

// writeWorkbook saves a workbook with a sheet "Notes", the active sheet
// "Monthly" with the book's months and a sheet "Doubled" with twice the
// temperatures, and returns its path.
func writeWorkbook(t *testing.T, dir string) string {
	t.Helper()
	temps := []float64{5.2, 5.7, 8.6, 14.9, 18.2, 20.4, 25.5, 26.4, 22.8, 17.5, 11.1, 6.6}
	f := excelize.NewFile()
	defer f.Close()
	must(t, f.SetSheetName("Sheet1", "Notes"))
	must(t, f.SetCellValue("Notes", "A1", "monthly means"))
	monthly, err := f.NewSheet("Monthly")
	must(t, err)
	_, err = f.NewSheet("Doubled")
	must(t, err)
	f.SetActiveSheet(monthly)
	for _, sheet := range []string{"Monthly", "Doubled"} {
		must(t, f.SetSheetRow(sheet, "A1", &[]any{"month", "temp"}))
		for i, v := range temps {
			if sheet == "Doubled" {
				v *= 2
			}
			cell, _ := excelize.CoordinatesToCellName(1, i+2)
			must(t, f.SetSheetRow(sheet, cell, &[]any{i + 1, v}))
		}
	}
	path := filepath.Join(dir, "temps.xlsx")
	must(t, f.SaveAs(path))
	return path
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestFitReadsWorkbooks(t *testing.T) {
	dir := t.TempDir()
	book := writeWorkbook(t, dir)
	active := fitJSON(t, "--data", book, "--optimizer", "exact")
	doubled := fitJSON(t, "--data", book, "--sheet", "Doubled", "--optimizer", "exact")
	if active.Data.Sheet != "Monthly" || doubled.Data.Sheet != "Doubled" {
		t.Fatalf("sheets %q, %q", active.Data.Sheet, doubled.Data.Sheet)
	}
	// Twice the values: four times the squared error.
	if a, d := float64(active.Statistics.SSE), float64(doubled.Statistics.SSE); !near(d, 4*a, 1e-12) {
		t.Errorf("SSE %v on the doubled sheet, %v on the active one", d, a)
	}
	out, _, _ := runCLI(t, "fit", "--data", book, "--sheet", "Doubled", "--optimizer", "exact")
	if !strings.Contains(out, "Data: "+book+", sheet Doubled, 12 points") {
		t.Errorf("output:\n%s", out)
	}

	_, errOut, status := runCLI(t, "fit", "--data", book, "--sheet", "Yearly")
	if status != exitData || !strings.Contains(errOut, "Yearly") {
		t.Errorf("a missing sheet: status %d, %q", status, errOut)
	}
	csv := writeFile(t, dir, "temps.csv", []byte(seoulText))
	if _, errOut, status := runCLI(t, "fit", "--data", csv, "--sheet", "Monthly"); status != exitUsage || !strings.Contains(errOut, "not a workbook") {
		t.Errorf("--sheet of text: status %d, %q", status, errOut)
	}
	if _, errOut, status := runCLI(t, "fit", "--data", book, "--encoding", "cp949"); status != exitUsage || !strings.Contains(errOut, "is a workbook") {
		t.Errorf("--encoding of a workbook: status %d, %q", status, errOut)
	}
	if _, errOut, status := runCLI(t, "fit", "--sample", "book", "--sheet", "Monthly"); status != exitUsage || !strings.Contains(errOut, "--sheet") {
		t.Errorf("--sheet of a sample: status %d, %q", status, errOut)
	}
}

func TestFitRefusesOldWorkbooks(t *testing.T) {
	dir := t.TempDir()
	// The start of an OLE2 compound file, which old .xls files are.
	xls := writeFile(t, dir, "temps.xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...))
	ods := writeFile(t, dir, "temps.ods", []byte("PK\x03\x04 not really a zip"))
	for _, path := range []string{xls, ods} {
		_, want := data.ReadFile(path, data.ReadOptions{})
		if want == nil {
			t.Fatalf("core/data read %s", path)
		}
		_, errOut, status := runCLI(t, "fit", "--data", path)
		if status != exitData || errOut != "tempfit-cli fit: "+want.Error()+"\n" {
			t.Errorf("%s: status %d, stderr %q; want the core's %q", path, status, errOut, want)
		}
	}
}
