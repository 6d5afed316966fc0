package gui

import (
	"fmt"
	"image"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/korean"

	"tempfit/core/fit"
	"tempfit/core/sheet"
)

// writeDaily writes a station file of n days from 2012-01-01: a yearly
// cycle on a warming trend of 0.3 °C per decade, with every tenth day
// missing.
func writeDaily(t *testing.T, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("date,temp_max (°C)\n")
	for day := range n {
		date := time.Date(2012, 1, 1+day, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
		if day%10 == 9 {
			fmt.Fprintf(&b, "%s,\n", date)
			continue
		}
		v := 12 - 8*math.Cos(2*math.Pi*float64(day)/fit.DaysPerYear) + 0.3*float64(day)/fit.DaysPerDecade + 0.5*math.Sin(float64(day)*1.7)
		fmt.Fprintf(&b, "%s,%.2f\n", date, v)
	}
	path := filepath.Join(t.TempDir(), "station.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestStationRecordWithTrendAndHoldOut(t *testing.T) {
	w := newWindow(t)
	if err := w.Open(writeDaily(t, 4*365)); err != nil {
		t.Fatal(err)
	}
	w.Sync()
	contains(t, "message", w.status.message.Text, "Skipped 146 rows with a missing x or y (lines 11, 21, 31, 41, 51, …)")
	if got := cellText(t, w, 0, colX); got != "2012-01-01" {
		t.Errorf("the table shows x as %q", got)
	}
	if got := w.settings.period.Text; got != "365.2425" {
		t.Errorf("the period shows %q on a date axis", got)
	}

	// Trend plus season: a linear trend and two harmonics, solved.
	w.settings.kind.SetSelected("Seasonal")
	w.settings.trend.SetSelected("1")
	w.settings.method.SetSelected("Exact (least squares)")
	w.Sync()
	if m := w.session.Config().Model; m.Kind != fit.Seasonal || m.Trend != 1 || m.Period != fit.DaysPerYear {
		t.Fatalf("model %+v", m)
	}
	if w.settings.scaling.Disabled() {
		t.Error("x scaling is disabled for a model with a trend")
	}
	test.Tap(w.settings.solve)
	w.Sync()
	contains(t, "equation", w.status.equation.Text, "x = days since 2012-01-01")
	contains(t, "facts", w.status.facts.Text, "Trend +0.", "°C per decade (95%:")
	if strings.Contains(w.status.facts.Text, "under two years") {
		t.Errorf("four years warned of: %q", w.status.facts.Text)
	}

	// Hold out the last year: the fit trains on the first three.
	w.settings.hold.choice.SetSelected("The last year")
	w.Sync()
	test.Tap(w.settings.solve)
	w.Sync()
	s := w.session.Trainer().Snapshot()
	if s.HeldOut.N < 300 || s.Problem.Data.Len() > 1000 {
		t.Fatalf("held out %d points, trained on %d", s.HeldOut.N, s.Problem.Data.Len())
	}
	contains(t, "facts", w.status.facts.Text, fmt.Sprintf("Held out: %d points, RMSE", s.HeldOut.N))
	last := w.session.Sheet().Len() - 1
	w.table.table.ScrollTo(cellID(last, colRow))
	if c := visibleCell(t, w, cellID(last, colRow)); !strings.HasSuffix(c.label.Text, "held") || !c.label.TextStyle.Italic {
		t.Errorf("the last row shows %q, italic %v", c.label.Text, c.label.TextStyle.Italic)
	}
	if !w.session.Unsaved() {
		t.Error("holding points out is not an unsaved change")
	}
}

func cellID(row, col int) widget.TableCellID { return widget.TableCellID{Row: row, Col: col} }

func TestOpenKoreanFileInItsEncoding(t *testing.T) {
	w := newWindow(t)
	text := "일시,평균기온(°C)\n2012-01-01,-2.5\n2012-01-02,-1\n2012-01-03,0.5\n2012-01-04,1\n2012-01-05,-0.5\n2012-01-06,-3\n2012-01-07,-4.5\n"
	raw, err := korean.EUCKR.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "kma.csv")
	os.WriteFile(path, []byte(raw), 0o644)
	if err := w.Open(path); err != nil {
		t.Fatal(err)
	}
	// The preview shows the decoded text and the encoding it guessed.
	contains(t, "preview", dialogText(t, w), "평균기온(°C)", "2012-01-02")
	selects := inDialog[*widget.Select](t, w)
	enc := selects[0]
	if enc.Selected != "Korean (CP949, EUC-KR)" {
		t.Fatalf("encoding guessed: %q", enc.Selected)
	}
	// Another encoding shows the same bytes another way; back again.
	enc.SetSelected("Japanese (Shift_JIS)")
	if strings.Contains(dialogText(t, w), "평균기온") {
		t.Error("the preview did not follow the encoding chosen")
	}
	enc.SetSelected("Korean (CP949, EUC-KR)")
	tapButton(t, w, "Import")
	noDialog(t, w)
	w.Sync()
	if x, y := w.session.Sheet().Names(); x != "일시" || y != "평균기온(°C)" {
		t.Errorf("columns %q, %q", x, y)
	}
	contains(t, "message", w.status.message.Text, "Read as Korean (CP949, EUC-KR).")
}

func TestOpenWorkbookSheet(t *testing.T) {
	w := newWindow(t)
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Notes")
	f.SetCellValue("Notes", "A1", "station notes")
	f.NewSheet("Daily")
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	f.SetCellValue("Daily", "A1", "date")
	f.SetCellValue("Daily", "B1", "temp")
	for i := range 5 {
		row := strconv.Itoa(i + 2)
		f.SetCellValue("Daily", "A"+row, time.Date(2012, 1, 1+i, 0, 0, 0, 0, time.UTC))
		f.SetCellStyle("Daily", "A"+row, "A"+row, date)
		f.SetCellFormula("Daily", "B"+row, "="+strconv.Itoa(i)+"*2+1")
		f.SetCellValue("Daily", "B"+row, 2*i+1) // the cached value
	}
	path := filepath.Join(t.TempDir(), "station.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	if err := w.Open(path); err != nil {
		t.Fatal(err)
	}
	sheets := inDialog[*widget.Select](t, w)[0]
	if !slices.Equal(sheets.Options, []string{"Notes", "Daily"}) {
		t.Fatalf("sheets offered %v", sheets.Options)
	}
	sheets.SetSelected("Daily")
	contains(t, "preview", dialogText(t, w), "date", "temp")
	tapButton(t, w, "Import")
	noDialog(t, w)
	w.Sync()
	if got := cellText(t, w, 0, colX); got != "2012-01-01" || w.session.Sheet().Len() != 5 {
		t.Errorf("imported %d rows, x %q", w.session.Sheet().Len(), got)
	}
	if y, _ := w.session.Sheet().Value(4, sheet.Y); y != 9 {
		t.Errorf("the formula's cached value is %v", y)
	}
}

func TestOldWorkbookRefusedWithAWayOut(t *testing.T) {
	w := newWindow(t)
	path := filepath.Join(t.TempDir(), "old.xls")
	os.WriteFile(path, append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...), 0o644)
	if err := w.Open(path); err == nil {
		t.Fatal("an .xls file was opened")
	}
	contains(t, "error", dialogText(t, w), "old.xls is an old Excel workbook (.xls)", "save it as .xlsx or CSV")
	if w.session.Sheet().Len() != 12 {
		t.Error("the refused file changed the table")
	}
}

func TestExportNextYearOfDays(t *testing.T) {
	w := newWindow(t)
	if err := w.Open(writeDaily(t, 3*365+1)); err != nil { // to 2014-12-31
		t.Fatal(err)
	}
	w.settings.kind.SetSelected("Seasonal")
	w.settings.trend.SetSelected("1")
	w.Sync()
	test.Tap(w.settings.solve)
	dir := t.TempDir()
	w.prefs.setFolder(folderExport, filepath.Join(dir, "any"))

	typeShortcut(t, w, ctrl(fyne.KeyE, false))
	radio := inDialog[*widget.RadioGroup](t, w)[0]
	entries := func() []string {
		var texts []string
		for _, e := range inDialog[*widget.Entry](t, w)[:3] {
			texts = append(texts, e.Text)
		}
		return texts
	}
	// The preset shows where it runs; the grid of the fields keeps what
	// the user typed.
	radio.SetSelected("A grid of x values: x, predicted")
	inDialog[*widget.Entry](t, w)[2].SetText("7d")
	radio.SetSelected("Every day of the next year")
	if got := entries(); !slices.Equal(got, []string{"2015-01-01", "2015-12-31", "1d"}) {
		t.Errorf("the preset shows %q", got)
	}
	radio.SetSelected("A grid of x values: x, predicted")
	if got := entries(); !slices.Equal(got, []string{"2012-01-01", "2014-12-31", "7d"}) {
		t.Errorf("back to the grid of the fields: %q", got)
	}
	radio.SetSelected("Every day of the next year")
	tapButton(t, w, "Export…")
	answerSave(t, w, "2015.csv")
	noDialog(t, w)
	b, err := os.ReadFile(filepath.Join(dir, "2015.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 366 || lines[0] != "date,predicted,lower,upper" || !strings.HasPrefix(lines[1], "2015-01-01,") || !strings.HasPrefix(lines[365], "2015-12-31,") {
		t.Errorf("%d lines: %q … %q", len(lines), lines[:2], lines[len(lines)-1])
	}
}

func TestCompareModelsTab(t *testing.T) {
	w := newWindow(t)
	w.tabs.SelectIndex(2)
	test.Tap(w.compare.run)
	c := w.compare.result
	if c == nil || len(w.compare.rows) != len(c.Candidates)+1 {
		t.Fatalf("no comparison shown: %v", w.compare.status.Text)
	}
	best := c.Candidates[c.Best].Model.Degree
	contains(t, "status", w.compare.status.Text, fmt.Sprintf("degree %d (marked *)", best))
	if img := w.compare.chart.image.Image; img == nil || img.Bounds().Dx() < 2 {
		t.Error("the comparison chart was not drawn")
	}
	if w.compare.rows[c.Best+1][0] != fmt.Sprintf("* degree %d", best) {
		t.Errorf("the best row is %q", w.compare.rows[c.Best+1][0])
	}
	test.Tap(w.compare.useBest)
	w.Sync()
	if d := w.session.Config().Model.Degree; d != best {
		t.Errorf("Use the best model chose degree %d, want %d", d, best)
	}
	if w.compare.result == nil {
		t.Error("choosing a degree of the family dropped the comparison")
	}
	w.settings.scaling.SetSelected("Scaled x (−1 to 1)")
	if w.compare.result != nil || !w.compare.useBest.Disabled() {
		t.Error("the comparison stays after the family changed")
	}
}

func TestBandsReachTheChart(t *testing.T) {
	w := newWindow(t)
	test.Tap(w.settings.solve)
	before := w.charts.fit.image.Image
	test.Tap(w.charts.confidence)
	test.Tap(w.charts.prediction)
	v := w.bridge.view.Load()
	if !v.chart.confidence || !v.chart.prediction {
		t.Fatal("the band choices did not reach the bridge")
	}
	w.Sync()
	img := w.charts.fit.image.Image
	if img == nil || img == before {
		t.Fatal("no new fit chart with the bands")
	}
	// The bands' light red fills far more of the chart than the curve's
	// edges do.
	pink := func(img image.Image) int {
		n := 0
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				r, g, bl, _ := img.At(x, y).RGBA()
				if r > g+0x1000 && r > bl+0x1000 && g > 0x8000 {
					n++
				}
			}
		}
		return n
	}
	if with, without := pink(img), pink(before); with < without+2000 {
		t.Errorf("%d light red pixels with the bands, %d without", with, without)
	}
}

func TestExtendTheCurveToADate(t *testing.T) {
	w := newWindow(t)
	if err := w.Open(writeDaily(t, 400)); err != nil {
		t.Fatal(err)
	}
	w.Sync()
	e := w.charts.extend
	test.Type(e, "2013-12-31")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got, want := w.session.ExtendTo(), 730.0; got != want {
		t.Errorf("extend to x = %v, want %v (days since 2012-01-01)", got, want)
	}
	e.SetText("")
	test.Type(e, "soon")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	contains(t, "message", w.charts.message.Text, "Not a date: soon")
}

// The README's journey with a real station record: open it, fit a trend
// and a season, read the trend per decade, export next year's days.
func TestDeathValleyJourney(t *testing.T) {
	w := newWindow(t)
	if err := w.Open(filepath.Join("..", "sampledata", "death-valley-2018.csv")); err != nil {
		t.Fatal(err)
	}
	contains(t, "preview", dialogText(t, w), "5 columns", "1. DATE", "2. TMAX", "2018-01-01")
	tapButton(t, w, "Import")
	noDialog(t, w)
	w.Sync()
	contains(t, "message", w.status.message.Text, "Skipped 1 row with a missing x or y (line 54).")
	if x, y := w.session.Sheet().Names(); x != "DATE" || y != "TMAX" || w.session.Data().Len() != 363 {
		t.Fatalf("imported %s, %s: %d points", x, y, w.session.Data().Len())
	}
	w.settings.kind.SetSelected("Seasonal")
	w.settings.trend.SetSelected("1")
	w.settings.method.SetSelected("Exact (least squares)")
	w.Sync()
	test.Tap(w.settings.startPause)
	w.session.Trainer().Wait()
	w.Sync()
	contains(t, "equation", w.status.equation.Text, "x = days since 2018-01-01")
	contains(t, "facts", w.status.facts.Text, "TMAX per decade (95%:", "under two years of data, too short to tell a trend from the season")

	dir := t.TempDir()
	w.prefs.setFolder(folderExport, filepath.Join(dir, "any"))
	typeShortcut(t, w, ctrl(fyne.KeyE, false))
	inDialog[*widget.RadioGroup](t, w)[0].SetSelected("Every day of the next year")
	tapButton(t, w, "Export…")
	answerSave(t, w, "2019.csv")
	b, err := os.ReadFile(filepath.Join(dir, "2019.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 366 || lines[0] != "DATE,predicted,lower,upper" || !strings.HasPrefix(lines[1], "2019-01-01,") || !strings.HasPrefix(lines[365], "2019-12-31,") {
		t.Errorf("%d lines: %q … %q", len(lines), lines[:2], lines[len(lines)-1])
	}
}
