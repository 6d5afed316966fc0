package data

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"
	"time"
)

// dateCase is a CSV input whose x column holds dates.
type dateCase struct {
	name   string
	in     string
	kind   XKind
	layout string
	origin string // RFC 3339, UTC
	offset int
	x      []float64
}

var dateCases = []dateCase{
	{"ISO date", "date,t\n2012-01-01,1\n2012-01-03,2\n2012-03-01,3\n", Date, "2006-01-02", "2012-01-01T00:00:00Z", 0, []float64{0, 2, 60}},
	{"slashes unpadded", "date,t\n2012/1/1,1\n2012/1/13,2\n", Date, "2006/1/2", "2012-01-01T00:00:00Z", 0, []float64{0, 12}},
	{"slashes padded", "date,t\n2012/01/01,1\n2012/12/31,2\n", Date, "2006/01/02", "2012-01-01T00:00:00Z", 0, []float64{0, 365}},
	{"dots", "date,t\n2012.01.01,1\n2012.01.02,2\n", Date, "2006.01.02", "2012-01-01T00:00:00Z", 0, []float64{0, 1}},
	{"Korean Excel", "일시,t\n2012. 1. 1.,1\n2012. 1. 13.,2\n", Date, "2006. 1. 2.", "2012-01-01T00:00:00Z", 0, []float64{0, 12}},
	{"earliest date is the origin", "date,t\n2012-01-05,1\n2012-01-01,2\n", Date, "2006-01-02", "2012-01-01T00:00:00Z", 0, []float64{4, 0}},
	{"day first, told by a later cell", "date,t\n03/04/2012,1\n04/04/2012,2\n13/04/2012,3\n", Date, "02/01/2006", "2012-04-03T00:00:00Z", 0, []float64{0, 1, 10}},
	{"month first, told by a later cell", "date,t\n03/04/2012,1\n03/05/2012,2\n03/13/2012,3\n", Date, "01/02/2006", "2012-03-04T00:00:00Z", 0, []float64{0, 1, 9}},
	{"day first with dashes", "date,t\n31-01-2012,1\n1-2-2012,2\n", Date, "02-01-2006", "2012-01-31T00:00:00Z", 0, []float64{0, 1}},
	{"date-time T", "time,t\n2012-01-01T00:00:00,1\n2012-01-01T06:00:00,2\n", DateTime, "2006-01-02T15:04:05", "2012-01-01T00:00:00Z", 0, []float64{0, 0.25}},
	{"date-time space, no seconds", "time,t\n2012-01-01 00:00,1\n2012-01-02 12:00,2\n", DateTime, "2006-01-02 15:04", "2012-01-01T00:00:00Z", 0, []float64{0, 1.5}},
	{"date-time with fraction", "time,t\n2012-01-01 00:00:00.5,1\n2012-01-01 12:00:00.25,2\n", DateTime, "2006-01-02 15:04:05.00", "2012-01-01T00:00:00Z", 0, []float64{0.5 / 86400, (43200 + 0.25) / 86400}},
	{"date-time UTC", "time,t\n2012-01-01T06:00:00Z,1\n2012-01-02T06:00:00Z,2\n", DateTime, "2006-01-02T15:04:05Z07:00", "2012-01-01T00:00:00Z", 0, []float64{0.25, 1.25}},
	{"date-time one offset", "time,t\n2012-01-01T06:00+09:00,1\n2012-01-01T18:00+09:00,2\n", DateTime, "2006-01-02T15:04-07:00", "2011-12-31T15:00:00Z", 9 * 3600, []float64{0.25, 0.75}},
	{"date-time mixed offsets", "time,t\n2012-01-01T06:00:00+0900,1\n2012-01-01T06:00:00+0000,2\n", DateTime, "2006-01-02T15:04:05-0700", "2011-12-31T00:00:00Z", 0, []float64{21.0 / 24, 30.0 / 24}},
	{"date-time with date only cells", "time,t\n2012-01-01,1\n2012-01-01 12:00,2\n", DateTime, "2006-01-02 15:04", "2012-01-01T00:00:00Z", 0, []float64{0, 0.5}},
	{"year-month", "month,t\n2012-01,1\n2012-02,2\n2013-01,3\n", YearMonth, "2006-01", "2012-01-01T00:00:00Z", 0, []float64{0, 31, 366}},
	{"year-month slash", "month,t\n2012/1,1\n2012/2,2\n", YearMonth, "2006/1", "2012-01-01T00:00:00Z", 0, []float64{0, 31}},
	{"dotted year-month by header", "년월,t\n2012.1,1\n2012.2,2\n", YearMonth, "2006.1", "2012-01-01T00:00:00Z", 0, []float64{0, 31}},
	{"dotted year-month by October", "ym,t\n2012.9,1\n2012.10,2\n2012.11,3\n", YearMonth, "2006.1", "2012-09-01T00:00:00Z", 0, []float64{0, 30, 61}},
	{"dotted numbers without the evidence", "v,t\n2012.1,1\n2012.2,2\n", Number, "", "0001-01-01T00:00:00Z", 0, []float64{2012.1, 2012.2}},
	{"dotted numbers out of order", "v,t\n2012.10,1\n2012.3,2\n", Number, "", "0001-01-01T00:00:00Z", 0, []float64{2012.1, 2012.3}},
	{"years stay numbers", "year,t\n1880,1\n1881,2\n", Number, "", "0001-01-01T00:00:00Z", 0, []float64{1880, 1881}},
	{"English months", "month,t\nJan,1\nfeb,2\nDEC,3\n", MonthName, "Jan", "0001-01-01T00:00:00Z", 0, []float64{1, 2, 12}},
	{"English months in full", "month,t\nJanuary,1\nMarch,2\n", MonthName, "January", "0001-01-01T00:00:00Z", 0, []float64{1, 3}},
	{"Korean months", "월,기온\n1월,1\n12월,2\n", MonthName, "1월", "0001-01-01T00:00:00Z", 0, []float64{1, 12}},
	{"Japanese months", "月,気温\n1月,1\n10月,2\n", MonthName, "1月", "0001-01-01T00:00:00Z", 0, []float64{1, 10}},
	{"dates without a header", "2012-01-01,1\n2012-01-02,2\n", Date, "2006-01-02", "2012-01-01T00:00:00Z", 0, []float64{0, 1}},
}

func TestReadDates(t *testing.T) {
	for _, tc := range dateCases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := ReadCSV(strings.NewReader(tc.in), ReadOptions{File: "d.csv"})
			if err != nil {
				t.Fatal(err)
			}
			a := res.Data.XAxis
			origin, _ := time.Parse(time.RFC3339, tc.origin)
			if a.Kind != tc.kind || a.Layout != tc.layout || !a.Origin.Equal(origin) || a.Offset != tc.offset {
				t.Errorf("axis %v %q %v %d, want %v %q %v %d", a.Kind, a.Layout, a.Origin, a.Offset, tc.kind, tc.layout, origin, tc.offset)
			}
			if len(res.Data.X) != len(tc.x) {
				t.Fatalf("x = %v, want %v", res.Data.X, tc.x)
			}
			for i := range tc.x {
				if d := res.Data.X[i] - tc.x[i]; d > 1e-12 || d < -1e-12 {
					t.Errorf("x = %v, want %v", res.Data.X, tc.x)
					break
				}
			}
			if err := a.Validate(); err != nil {
				t.Errorf("Validate: %v", err)
			}
		})
	}
}

func TestDatesRoundTrip(t *testing.T) {
	for _, tc := range dateCases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := ReadCSV(strings.NewReader(tc.in), ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			d := res.Data
			pred := make([]float64, d.Len())
			var b bytes.Buffer
			if err := WritePredictions(&b, d, pred); err != nil {
				t.Fatal(err)
			}
			back, err := ReadCSV(&b, ReadOptions{})
			if err != nil {
				t.Fatalf("reading back %q: %v", b.String(), err)
			}
			if !sameBits(back.Data.X, d.X) || back.Data.XAxis != d.XAxis {
				t.Errorf("read back %v %+v\nwant %v %+v\nfrom %s", back.Data.X, back.Data.XAxis, d.X, d.XAxis, b.String())
			}
			for _, x := range d.X {
				v, err := d.XAxis.Parse(d.XAxis.Format(x))
				if err != nil || v != x {
					t.Errorf("Parse(Format(%v)) = %v, %v", x, v, err)
				}
			}
		})
	}
}

func TestDateErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     error
		msg      string
	}{
		{"ambiguous", "date,t\n# a comment\n03/04/2012,1\n05/06/2012,2\n", ErrAmbiguousDate,
			`d.csv:3:1: "03/04/2012" could be day/month or month/day, and no date in the column has a day above 12 to tell: write dates in ISO 8601 form, 2012-04-03 or 2012-03-04`},
		{"ambiguous after missing", "date,t\n,1\n03/04/2012,1\n", ErrAmbiguousDate,
			`d.csv:3:1: "03/04/2012" could be day/month or month/day, and no date in the column has a day above 12 to tell: write dates in ISO 8601 form, 2012-04-03 or 2012-03-04`},
		{"orders disagree", "date,t\n13/04/2012,1\n04/14/2012,2\n", ErrDateOrder,
			`d.csv:3:1: "04/14/2012" has the month first, but "13/04/2012" on line 2 has the day first`},
		{"another form", "date,t\n2012-01-01,1\n2012/01/02,2\n", ErrNotDate,
			`d.csv:3:1: "2012/01/02" is not a date like 2012-01-31`},
		{"a number among dates", "date,t\n2012-01-01,1\n5,2\n", ErrNotDate,
			`d.csv:3:1: "5" is not a date like 2012-01-31`},
		{"no such day", "date,t\n2012-01-01,1\n2012-02-30,2\n", ErrInvalidDate,
			`d.csv:3:1: "2012-02-30" is not a valid date`},
		{"no such day with the year last", "date,t\n31/01/2012,1\n31/04/2012,2\n", ErrInvalidDate,
			`d.csv:3:1: "31/04/2012" is not a valid date`},
		{"no such month", "date,t\n2012-13,1\n", ErrInvalidDate, `d.csv:2:1: "2012-13" is not a valid date`},
		{"zones mixed", "time,t\n2012-01-01T00:00Z,1\n2012-01-01T01:00,2\n", ErrMixedZones,
			`d.csv:3:1: "2012-01-01T01:00": the column mixes times with and without a time zone`},
		{"not a month", "month,t\nJan,1\nFoo,2\n", ErrNotDate, `d.csv:3:1: "Foo" is not a month name like Jan`},
		{"date as y", "t,date\n1,2012-01-01\n", ErrNotNumber, `d.csv:2:2: "2012-01-01" is not a number`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCSV(strings.NewReader(tt.in), ReadOptions{File: "d.csv"})
			if !errors.Is(err, tt.want) || err.Error() != tt.msg {
				t.Errorf("error\n got %v\nwant %s", err, tt.msg)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Errorf("%T is not a *ParseError", err)
			}
		})
	}
}

func TestDateRowsSkipped(t *testing.T) {
	in := "date,t\n2012-01-01,1\n2012-02-30,2\n2012-01-03,3\n"
	res, err := ReadCSV(strings.NewReader(in), ReadOptions{SkipBadRows: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Skipped != 1 || !sameBits(res.Data.X, []float64{0, 2}) {
		t.Errorf("skipped %d, x %v", res.Skipped, res.Data.X)
	}
}

func TestManyAmbiguousRowsReadAgain(t *testing.T) {
	var b strings.Builder
	b.WriteString("date,t\n")
	start := time.Date(2012, 3, 1, 0, 0, 0, 0, time.UTC)
	for i := range 300 {
		b.WriteString(start.AddDate(0, 0, i).Format("01/02/2006") + ",1\n")
	}
	res, err := ReadCSV(strings.NewReader(b.String()), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i, x := range res.Data.X {
		if x != float64(i) {
			t.Fatalf("x[%d] = %v, want %d", i, x, i)
		}
	}
	if res.Data.XAxis.Layout != "01/02/2006" {
		t.Errorf("layout %q", res.Data.XAxis.Layout)
	}
}

func TestDaysSinceEpoch(t *testing.T) {
	for d := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 9999; d = d.AddDate(0, 0, 997) {
		if got, want := daysSinceEpoch(d.Year(), int(d.Month()), d.Day()), d.Unix()/86400; got != want {
			t.Fatalf("%s: %d days, want %d", d.Format("2006-01-02"), got, want)
		}
	}
	for _, d := range []string{"1970-01-01", "2000-02-29", "2012-12-31", "1969-12-31", "1600-03-01"} {
		tm, _ := time.Parse("2006-01-02", d)
		if got := daysSinceEpoch(tm.Year(), int(tm.Month()), tm.Day()); got*86400 != tm.Unix() {
			t.Errorf("%s: %d days", d, got)
		}
	}
}

func TestLayoutsParseBack(t *testing.T) {
	for _, f := range dateForms() {
		forms := []dateForm{f}
		if f.order != orderYM && f.order != orderMonth {
			g := f
			g.clock, g.tsep, g.seconds, g.frac, g.zone, g.zoneSpace = true, ' ', true, 3, zoneColon, true
			forms = append(forms, g)
			g.tsep, g.seconds, g.frac, g.zone, g.zoneSpace = 'T', false, 0, zoneZ, false
			forms = append(forms, g)
		}
		for _, f := range forms {
			got, ok := parseLayout(f.layout())
			if !ok || got != f {
				t.Errorf("parseLayout(%q) = %+v, %v; want %+v", f.layout(), got, ok, f)
			}
		}
	}
	for _, bad := range []string{"", "2006", "2006-01-02X", "2006-01 15:04", "Jan 15:04", "2006-01-02T15", "2006-01-02 15:04 "} {
		if f, ok := parseLayout(bad); ok {
			t.Errorf("parseLayout(%q) = %+v", bad, f)
		}
	}
}

func FuzzScanDate(f *testing.F) {
	for _, tc := range dateCases {
		for _, line := range strings.Split(tc.in, "\n")[1:] {
			cell, _, _ := strings.Cut(line, ",")
			f.Add(cell)
		}
	}
	f.Add("2012-01-01T23:59:59.123456789-14:00")
	f.Fuzz(func(t *testing.T, s string) {
		d, st := scanDate(s)
		if st != goodDate || d.order == orderAB || d.order == orderMonth {
			return
		}
		if d.order == orderYM {
			d.b = 1
		}
		if checkYMD(d.year, d.a, d.b) != goodDate || d.daySecond >= 86400 || d.nanos >= 1e9 {
			t.Fatalf("%q: accepted %+v", s, d)
		}
		form := formOf(d, orderDMY)
		if _, ok := parseLayout(form.layout()); !ok {
			t.Fatalf("%q: layout %q does not parse", s, form.layout())
		}
		tm := time.Date(d.year, time.Month(d.a), d.b, 0, 0, d.daySecond, d.nanos, time.FixedZone("", d.offset))
		again, st2 := scanDate(tm.Format(form.layout()))
		if again.order == orderYM {
			again.b = 1
		}
		if st2 != goodDate || again.year != d.year || again.a != d.a || again.b != d.b || again.daySecond != d.daySecond || again.offset != d.offset {
			t.Fatalf("%q: formatted as %q, read back as %+v", s, tm.Format(form.layout()), again)
		}
	})
}

func TestPasteDatesFromSpreadsheets(t *testing.T) {
	tests := []struct {
		name, text, layout string
		x                  []float64
	}{
		{"Korean Excel", "날짜\t기온\r\n2012. 1. 1.\t-2.4\r\n2012. 1. 2.\t-1\r\n", "2006. 1. 2.", []float64{0, 1}},
		{"Japanese Excel", "日付\t気温\r\n2012/1/1\t5.2\r\n2012/1/31\t6\r\n", "2006/1/2", []float64{0, 30}},
		{"LibreOffice ISO", "date\ttemp\n2012-01-01\t1\n2012-02-01\t2\n", "2006-01-02", []float64{0, 31}},
		{"US Excel, told by the 13th", "1/12/2012\t1\n1/13/2012\t2\n", "1/2/2006", []float64{0, 1}},
		{"date and time", "time\ttemp\n2012-01-01 0:00\t1\n2012-01-01 13:30\t2\n", "2006-01-02 15:04", []float64{0, 13.5 / 24}},
	}
	for _, tt := range tests {
		res, err := ParseText(tt.text, ReadOptions{})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if res.Data.XAxis.Layout != tt.layout || !sameBits(res.Data.X, tt.x) {
			t.Errorf("%s: layout %q, x %v; want %q, %v", tt.name, res.Data.XAxis.Layout, res.Data.X, tt.layout, tt.x)
		}
	}
}

// FuzzAxisParse checks XAxis.Parse, which reads typed cells, against
// Format: a value read on an axis is written in the axis's layout and
// read back as the same x, to the axis's resolution.
func FuzzAxisParse(f *testing.F) {
	for _, s := range []string{"2012-02-05", "05/02/2012", "2012/2/5", "31/12/1999", "2012-02-30", "03/04/2012", "2012-01-31 13:45:30.25+09:00", "Jan", "1월", "2.5", "-1e300", "2012.10"} {
		f.Add(s)
	}
	origin := time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC)
	axes := []XAxis{
		{},
		{Kind: Date, Origin: origin, Layout: "2006-01-02"},
		{Kind: Date, Origin: origin, Layout: "02/01/2006"},
		{Kind: DateTime, Origin: origin.Add(-9 * time.Hour), Layout: "2006-01-02 15:04:05.000Z07:00", Offset: 9 * 3600},
		{Kind: YearMonth, Origin: origin, Layout: "2006-01"},
		{Kind: MonthName, Layout: "January"},
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, a := range axes {
			x, err := a.Parse(s)
			if err != nil {
				var ce *CellError
				if !errors.As(err, &ce) || len(err.Error()) > 400 {
					t.Fatalf("%v: Parse(%q): error %T %.400v", a.Kind, s, err, err)
				}
				continue
			}
			if !isFinite(x) {
				t.Fatalf("%v: Parse(%q) = %v", a.Kind, s, x)
			}
			text := a.Format(x)
			again, err := a.Parse(text)
			if err != nil {
				t.Fatalf("%v: Parse(%q) = %v, formatted %q, which does not read back: %v", a.Kind, s, x, text, err)
			}
			if (a.Kind != DateTime && again != x) || math.Abs(again-x) > 0.5e-3/86400 {
				t.Fatalf("%v: %q read as %v, formatted %q, read back as %v", a.Kind, s, x, text, again)
			}
		}
	})
}

// A column whose dates do not tell day from month is refused, at a date
// that reads two ways rather than at one whose day and month are the
// same; typed, such a date reads alike either way round.
func TestAmbiguousDateNamed(t *testing.T) {
	_, err := ParseText("date;t\n01.01.2012;1\n01.02.2012;2\n", ReadOptions{File: "de.csv"})
	if want := `de.csv:3:1: "01.02.2012" could be day/month or month/day, and no date in the column has a day above 12 to tell: write dates in ISO 8601 form, 2012-02-01 or 2012-01-02`; err == nil || err.Error() != want {
		t.Errorf("error\n got %v\nwant %s", err, want)
	}
	iso := XAxis{Kind: Date, Origin: time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC), Layout: "2006-01-02"}
	if x, err := iso.Parse("03.03.2012"); err != nil || x != 62 {
		t.Errorf("typed 03.03.2012: %v, %v", x, err)
	}
}
