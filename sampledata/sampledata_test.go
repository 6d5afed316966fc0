package sampledata_test

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"tempfit/core/data"
	"tempfit/sampledata"
	"tempfit/sampledata/internal/gen"
)

// parse reads a sample the way its package documentation says to, and
// checks that it reads cleanly: no missing or bad rows.
func parse(t *testing.T, s sampledata.Sample) (header []string, x, y []float64) {
	t.Helper()
	res, err := data.ReadCSV(s.Open(), data.ReadOptions{File: s.File})
	if err != nil {
		t.Fatalf("%s: %v", s.Name, err)
	}
	// Only a real record keeps its real gaps, told in its header comment.
	gaps := strings.Contains(string(s.Bytes()), "Real gaps:")
	if (res.Missing != 0) != gaps || res.Skipped != 0 || !res.HasHeader || res.Encoding != data.UTF8 || res.Delimiter != ',' {
		t.Fatalf("%s: %d missing, %d skipped, header %v, %s, delimiter %q", s.Name, res.Missing, res.Skipped, res.HasHeader, res.Encoding, res.Delimiter)
	}
	return res.Columns, res.Data.X, res.Data.Y
}

func TestDefaultIsBookAndFirst(t *testing.T) {
	all := sampledata.All()
	if len(all) == 0 {
		t.Fatal("no samples")
	}
	if all[0].Name != "book" {
		t.Errorf("first sample is %q, want %q", all[0].Name, "book")
	}
	if d := sampledata.Default(); d != all[0] {
		t.Errorf("Default() = %+v, want the first sample %+v", d, all[0])
	}
}

func TestFieldsAndUniqueNames(t *testing.T) {
	seen := map[string]bool{}
	files := map[string]bool{}
	for _, s := range sampledata.All() {
		if s.Name == "" || s.Title == "" || s.TitleKo == "" || s.Source == "" || s.File == "" {
			t.Errorf("sample %+v has an empty field", s)
		}
		if s.Name != strings.ToLower(s.Name) || strings.ContainsAny(s.Name, " \t,") {
			t.Errorf("name %q is not a lower-case command-line id", s.Name)
		}
		if seen[s.Name] {
			t.Errorf("name %q used twice", s.Name)
		}
		seen[s.Name] = true
		if files[s.File] {
			t.Errorf("file %q used twice", s.File)
		}
		files[s.File] = true
	}

	// Every CSV file in the package is offered.
	paths, err := filepath.Glob("*.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		if !files[p] {
			t.Errorf("%s is in the package but in no sample", p)
		}
	}
}

func TestAllReturnsCopy(t *testing.T) {
	a := sampledata.All()
	a[0].Name = "changed"
	if sampledata.All()[0].Name != "book" {
		t.Error("changing the slice from All changed the package's list")
	}
}

func TestLookup(t *testing.T) {
	for _, want := range sampledata.All() {
		got, ok := sampledata.Lookup(want.Name)
		if !ok || got != want {
			t.Errorf("Lookup(%q) = %+v, %v; want %+v, true", want.Name, got, ok, want)
		}
	}
	if s, ok := sampledata.Lookup("no-such-sample"); ok {
		t.Errorf("Lookup of an unknown name found %+v", s)
	}
}

func TestEverySampleParses(t *testing.T) {
	for _, s := range sampledata.All() {
		header, x, y := parse(t, s)
		if len(header) < 2 || header[0] == "" || header[1] == "" {
			t.Errorf("%s: header %q, want x and at least one column of values", s.Name, header)
		}
		if _, err := strconv.ParseFloat(header[0], 64); err == nil {
			t.Errorf("%s: header %q looks like data", s.Name, header)
		}
		if len(x) < 12 || len(x) != len(y) {
			t.Errorf("%s: %d x and %d y values, want at least 12 of each", s.Name, len(x), len(y))
		}
		for i := 1; i < len(x); i++ {
			if x[i] <= x[i-1] {
				t.Errorf("%s: x not increasing at row %d", s.Name, i+1)
				break
			}
		}
		if n := len(s.Bytes()); n > 200<<10 {
			t.Errorf("%s: %d bytes, want at most 200 KiB", s.Name, n)
		}
	}
}

func TestMonthlySetsHaveTwelveMonths(t *testing.T) {
	for _, s := range sampledata.All() {
		header, x, y := parse(t, s)
		if header[0] != "month" {
			continue
		}
		if len(x) != 12 {
			t.Errorf("%s: %d months, want 12", s.Name, len(x))
			continue
		}
		for i, v := range x {
			if v != float64(i+1) {
				t.Errorf("%s: row %d is month %v, want %d", s.Name, i+1, v, i+1)
			}
		}
		for i, v := range y {
			if v < -60 || v > 60 {
				t.Errorf("%s: month %d temperature %v °C is implausible", s.Name, i+1, v)
			}
		}
	}
}

func TestBookValues(t *testing.T) {
	header, x, y := parse(t, sampledata.Default())
	if want := []string{"month", "temperature"}; !slices.Equal(header, want) {
		t.Errorf("header %q, want %q", header, want)
	}
	wantX := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
	wantY := []float64{5.2, 5.7, 8.6, 14.9, 18.2, 20.4, 25.5, 26.4, 22.8, 17.5, 11.1, 6.6}
	if !slices.Equal(x, wantX) {
		t.Errorf("months %v, want %v", x, wantX)
	}
	if !slices.Equal(y, wantY) {
		t.Errorf("temperatures %v, want %v", y, wantY)
	}
}

func TestSourceIsFirstCommentLine(t *testing.T) {
	for _, s := range sampledata.All() {
		first, _, _ := bytes.Cut(s.Bytes(), []byte("\n"))
		line, ok := strings.CutPrefix(string(first), "#")
		if !ok {
			t.Errorf("%s: first line %q is not a comment", s.Name, first)
			continue
		}
		if got := strings.TrimSpace(line); got != s.Source {
			t.Errorf("%s: Source %q, first comment %q", s.Name, s.Source, got)
		}
		if strings.ContainsAny(s.Source, "\r\n") {
			t.Errorf("%s: Source is more than one line", s.Name)
		}
	}
}

func TestCommentsComeFirst(t *testing.T) {
	for _, s := range sampledata.All() {
		sc := bufio.NewScanner(s.Open())
		comments := 0
		for sc.Scan() && strings.HasPrefix(sc.Text(), "#") {
			comments++
		}
		if comments < 2 {
			t.Errorf("%s: %d comment lines, want the source and the units", s.Name, comments)
		}
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "#") {
				t.Errorf("%s: comment after the header", s.Name)
			}
		}
		if !bytes.HasSuffix(s.Bytes(), []byte("\n")) {
			t.Errorf("%s: file does not end in a newline", s.Name)
		}
	}
}

func TestGeneratedIsLabelled(t *testing.T) {
	s, ok := sampledata.Lookup("generated-daily")
	if !ok {
		t.Fatal("no generated-daily sample")
	}
	for what, text := range map[string]string{"name": s.Name, "title": s.Title, "file": s.File, "source": s.Source} {
		if !strings.Contains(strings.ToLower(text), "generated") {
			t.Errorf("%s %q does not say generated", what, text)
		}
	}
	if !strings.Contains(s.TitleKo, "생성") {
		t.Errorf("Korean title %q does not say generated", s.TitleKo)
	}
	_, x, _ := parse(t, s)
	if len(x) != gen.Days {
		t.Errorf("%d rows, want %d", len(x), gen.Days)
	}
}

func TestGeneratorReproducesFile(t *testing.T) {
	s, ok := sampledata.Lookup("generated-daily")
	if !ok {
		t.Fatal("no generated-daily sample")
	}
	var buf bytes.Buffer
	if err := gen.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), s.Bytes()) {
		t.Error("gen.Write does not reproduce the embedded file; run go generate ./sampledata")
	}
	onDisk, err := os.ReadFile(s.File)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(onDisk, s.Bytes()) {
		t.Errorf("embedded %s differs from the file on disk", s.File)
	}
}

func TestBytesAndOpen(t *testing.T) {
	for _, s := range sampledata.All() {
		b := s.Bytes()
		if len(b) == 0 {
			t.Errorf("%s: no bytes", s.Name)
			continue
		}
		read, err := io.ReadAll(s.Open())
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(read, b) {
			t.Errorf("%s: Open and Bytes differ", s.Name)
		}
		b[0] ^= 0xff
		if bytes.Equal(s.Bytes(), b) {
			t.Errorf("%s: changing the result of Bytes changed the sample", s.Name)
		}
	}
	var none sampledata.Sample
	if none.Bytes() != nil {
		t.Error("zero Sample has bytes")
	}
	if n, _ := io.ReadAll(none.Open()); len(n) != 0 {
		t.Error("zero Sample opens to data")
	}
}

func TestSeattleIsDailyWithoutGaps(t *testing.T) {
	s, ok := sampledata.Lookup("seattle-weather")
	if !ok {
		t.Fatal("no seattle-weather sample")
	}
	res, err := data.ReadCSV(s.Open(), data.ReadOptions{File: s.File, YColumn: "temp_min"})
	if err != nil {
		t.Fatal(err)
	}
	d := res.Data
	if d.XAxis.Kind != data.Date || d.XAxis.OriginText() != "2012-01-01" || d.XAxis.Layout != "2006-01-02" {
		t.Errorf("x axis %+v, want dates from 2012-01-01", d.XAxis)
	}
	if d.Len() != 1461 {
		t.Errorf("%d days, want 1461 (2012-01-01 to 2015-12-31)", d.Len())
	}
	for i, x := range d.X {
		if x != float64(i) {
			t.Fatalf("row %d is day %v, want %d: a gap", i+1, x, i)
		}
	}
	for i, v := range d.Y {
		if v < -20 || v > 45 {
			t.Errorf("day %d: %v °C is implausible for Seattle", i, v)
		}
	}
	if !slices.Equal(res.Columns, []string{"date", "temp_max", "temp_min"}) {
		t.Errorf("columns %q", res.Columns)
	}
}

func TestDeathValleyHasItsRealGaps(t *testing.T) {
	s, ok := sampledata.Lookup("death-valley-2018")
	if !ok {
		t.Fatal("no death-valley-2018 sample")
	}
	res, err := data.ReadCSV(s.Open(), data.ReadOptions{File: s.File})
	if err != nil {
		t.Fatal(err)
	}
	// 2018-02-18 has no temperature (line 54), and 2018-12-01 no row.
	if res.Missing != 1 || !slices.Equal(res.MissingLines, []int{54}) {
		t.Errorf("missing %d rows on lines %v, want 1 on line 54", res.Missing, res.MissingLines)
	}
	d := res.Data
	if d.Len() != 363 || d.XAxis.Kind != data.Date || d.XAxis.OriginText() != "2018-01-01" {
		t.Fatalf("%d days from %q", d.Len(), d.XAxis.OriginText())
	}
	for _, gap := range []float64{48, 334} { // 2018-02-18 and 2018-12-01
		if slices.Contains(d.X, gap) {
			t.Errorf("day %v is in the data", gap)
		}
	}
	for i, v := range d.Y {
		if v < 25 || v > 135 {
			t.Errorf("day %v: %v °F is implausible for Death Valley", d.X[i], v)
		}
	}
	if !slices.Equal(res.Columns, []string{"DATE", "TMAX", "TMIN", "PRCP", "TOBS"}) {
		t.Errorf("columns %q", res.Columns)
	}
}

func TestGlobalTempIsAnnual(t *testing.T) {
	s, ok := sampledata.Lookup("global-temp")
	if !ok {
		t.Fatal("no global-temp sample")
	}
	_, x, y := parse(t, s)
	if len(x) != 2023-1880+1 || x[0] != 1880 || x[len(x)-1] != 2023 {
		t.Errorf("years %v to %v (%d), want 1880 to 2023", x[0], x[len(x)-1], len(x))
	}
	for i, v := range y {
		if v < -1 || v > 2 {
			t.Errorf("%v: anomaly %v °C is implausible", x[i], v)
		}
	}
}

func TestRealSetsNameLicenceAndUnits(t *testing.T) {
	for _, name := range []string{"seattle-weather", "global-temp", "death-valley-2018"} {
		s, _ := sampledata.Lookup(name)
		text := string(s.Bytes())
		for _, want := range []string{"# Source: ", "https://", "# Licence: public domain", "# Units: "} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: header comment has no %q", name, want)
			}
		}
	}
}
