package data

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// dailyData returns a data set of one point a day from the date from to
// the date to, both "2006-01-02".
func dailyData(t *testing.T, from, to string) *Dataset {
	t.Helper()
	var b strings.Builder
	b.WriteString("date,temp\n")
	start, _ := time.Parse("2006-01-02", from)
	end, _ := time.Parse("2006-01-02", to)
	for d := start; !d.After(end); d = d.AddDate(0, 0, 1) {
		b.WriteString(d.Format("2006-01-02") + ",1\n")
	}
	res, err := ReadCSV(strings.NewReader(b.String()), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return res.Data
}

func TestGridSpecOnDates(t *testing.T) {
	daily := dailyData(t, "2015-01-01", "2015-12-31")
	res, err := ReadCSV(strings.NewReader("month,t\n2015-11,1\n2015-12,2\n"), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	monthly := res.Data
	res, err = ReadCSV(strings.NewReader("time,t\n2015-12-31 22:30,1\n"), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	hourly := res.Data
	tests := []struct {
		spec        string
		d           *Dataset
		n           int
		first, last string
	}{
		{"next:1y:1d", daily, 366, "2016-01-01", "2016-12-31"},
		{"next:2y:1mo", daily, 24, "2016-01-01", "2017-12-01"},
		{"next:2y:1mo", monthly, 24, "2016-01", "2017-12"},
		{"next:1w:1d", daily, 7, "2016-01-01", "2016-01-07"},
		{"next:6h:1h", hourly, 6, "2015-12-31 23:00", "2016-01-01 04:00"},
		{"next:1h:30min", hourly, 2, "2015-12-31 23:00", "2015-12-31 23:30"},
		{"2016-01-01:2016-12-31:1d", daily, 366, "2016-01-01", "2016-12-31"},
		{"2016-01-31:2016-05-31:1mo", daily, 5, "2016-01-31", "2016-05-31"},
		{"2016-01-01T06:00:2016-01-01T18:00:6h", daily, 3, "2016-01-01 06:00", "2016-01-01 18:00"},
		{"2016-01:2016-06:3mo", monthly, 2, "2016-01", "2016-04"},
		{"2016-01-01:2016-01-03:0.5", daily, 5, "2016-01-01 00:00", "2016-01-03 00:00"},
	}
	for _, tt := range tests {
		g, err := ParseGridSpec(tt.spec)
		if err != nil {
			t.Fatalf("%s: %v", tt.spec, err)
		}
		if g.String() != tt.spec {
			t.Errorf("String() = %q, want %q", g.String(), tt.spec)
		}
		xs, err := g.Points(tt.d)
		if err != nil {
			t.Fatalf("%s: %v", tt.spec, err)
		}
		var b bytes.Buffer
		if err := WriteGridAxis(&b, "date", tt.d.XAxis, xs, make([]float64, len(xs))); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(b.String()), "\n")[1:]
		first, _, _ := strings.Cut(lines[0], ",")
		last, _, _ := strings.Cut(lines[len(lines)-1], ",")
		if len(xs) != tt.n || first != tt.first || last != tt.last {
			t.Errorf("%s: %d points %s to %s, want %d from %s to %s", tt.spec, len(xs), first, last, tt.n, tt.first, tt.last)
		}
		back, err := ReadCSV(&b, ReadOptions{})
		if err != nil || back.Data.Len() != tt.n {
			t.Errorf("%s: reading the grid back: %v", tt.spec, err)
		}
	}
	// Month steps from the 31st keep to the last day of shorter months.
	g, _ := ParseGridSpec("2016-01-31:2016-03-31:1mo")
	xs, _ := g.Points(daily)
	if got := daily.XAxis.Format(xs[1]); got != "2016-02-29" {
		t.Errorf("second point %s, want 2016-02-29", got)
	}
}

func TestGridSpecOnNumbers(t *testing.T) {
	d := mustDataset(t, "month", "temp", []float64{1, 2, 12}, []float64{1, 2, 3})
	for _, tt := range []struct {
		spec        string
		n           int
		first, last float64
	}{
		{"next:12:1", 12, 13, 24},
		{"1:24:1", 24, 1, 24},
		{"-5:5:0.25", 41, -5, 5},
	} {
		g, err := ParseGridSpec(tt.spec)
		if err != nil {
			t.Fatal(err)
		}
		xs, err := g.Points(d)
		if err != nil || len(xs) != tt.n || xs[0] != tt.first || xs[len(xs)-1] != tt.last {
			t.Errorf("%s: %v, %v", tt.spec, xs, err)
		}
	}
	for _, bad := range []string{"", "1", "1:24", "next:1y", "1::1", "1:2:0", "next:1m:1d", "next:1y:1fortnight", "next:1.5mo:1d", "next:-1:1", "a:b:1"} {
		if g, err := ParseGridSpec(bad); err == nil {
			if _, err := g.Points(d); err == nil {
				t.Errorf("%q: no error", bad)
			}
		}
	}
	g, _ := ParseGridSpec("next:1y:1d")
	if _, err := g.Points(d); err == nil || !strings.Contains(err.Error(), "need dates") {
		t.Errorf("units on numbers: %v", err)
	}
	g, _ = ParseGridSpec("2016-01-01:2015-01-01:1d")
	if _, err := g.Points(dailyData(t, "2015-01-01", "2015-01-02")); err == nil {
		t.Error("from after to: no error")
	}
	g, _ = ParseGridSpec("0:2000000:1")
	if _, err := g.Points(d); err == nil {
		t.Error("2,000,001 points: no error")
	}
}

func TestGridPresets(t *testing.T) {
	daily := dailyData(t, "2015-12-30", "2015-12-31")
	for _, a := range []XAxis{{}, daily.XAxis, {Kind: MonthName, Layout: "Jan"}} {
		presets := GridPresets(a)
		if len(presets) == 0 {
			t.Fatalf("no presets for %v", a.Kind)
		}
		for _, p := range presets {
			d := *daily
			d.XAxis = a
			if !a.IsTime() {
				d.X = []float64{1, 12}
			}
			if p.Label == "" {
				t.Errorf("%v: preset %s has no label", a.Kind, p.Spec)
			}
			if xs, err := p.Spec.Points(&d); err != nil || len(xs) == 0 {
				t.Errorf("%v: preset %s: %v", a.Kind, p.Spec, err)
			}
		}
	}
}

func TestWriteGridMonthNames(t *testing.T) {
	a := XAxis{Kind: MonthName, Layout: "1월"}
	var b bytes.Buffer
	must(t, WriteGridAxis(&b, "월", a, []float64{1, 12}, []float64{0, 0}))
	if want := "월,predicted\n1월,0\n12월,0\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
	b.Reset()
	must(t, WriteGridAxis(&b, "월", a, []float64{12, 13}, []float64{0, 0}))
	if want := "월,predicted\n12,0\n13,0\n"; b.String() != want {
		t.Errorf("beyond December: got %q, want %q", b.String(), want)
	}
}

func TestAxisParseAndFormat(t *testing.T) {
	res, err := ReadCSV(strings.NewReader("date,t\n31/01/2012,1\n01/02/2012,2\n"), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a := res.Data.XAxis
	for text, want := range map[string]float64{"31/01/2012": 0, "05/02/2012": 5, "2012-02-05": 5, "2012/2/5": 5, " 2012.02.05 ": 5} {
		if x, err := a.Parse(text); err != nil || x != want {
			t.Errorf("Parse(%q) = %v, %v; want %v", text, x, err, want)
		}
	}
	for _, text := range []string{"5", "2012-02", "2012-02-05 10:00", "Jan", "2012-02-30", "", "31/13/2012"} {
		if x, err := a.Parse(text); err == nil {
			t.Errorf("Parse(%q) = %v, want an error", text, x)
		}
	}
	if got := a.Format(5); got != "05/02/2012" {
		t.Errorf("Format(5) = %q", got)
	}
	iso := XAxis{Kind: Date, Origin: time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC), Layout: "2006-01-02"}
	if _, err := iso.Parse("03/04/2012"); err == nil || !strings.Contains(err.Error(), "2012-04-03 or 2012-03-04") {
		t.Errorf("ambiguous date on an ISO axis: %v", err)
	}
	if x, err := iso.Parse("13/04/2012"); err != nil || iso.Format(x) != "2012-04-13" {
		t.Errorf("told date: %v, %v", x, err)
	}
	if iso.Phrase() != "x = days since 2012-01-01" || iso.Unit() != "days" || iso.SpanDays(1, 31) != 30 {
		t.Errorf("phrase %q, unit %q", iso.Phrase(), iso.Unit())
	}
	months := XAxis{Kind: MonthName, Layout: "January"}
	if x, err := months.Parse("3"); err != nil || x != 3 || months.Format(3) != "March" || months.Format(2.5) != "2.5" {
		t.Errorf("month axis: %v, %v", x, err)
	}
}

func TestAxisValidate(t *testing.T) {
	midnight := time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC)
	good := []XAxis{
		{},
		{Kind: Date, Origin: midnight, Layout: "2006-01-02"},
		{Kind: DateTime, Origin: midnight.Add(-9 * time.Hour), Layout: "2006-01-02T15:04Z07:00", Offset: 9 * 3600},
		{Kind: YearMonth, Origin: midnight, Layout: "2006.1"},
		{Kind: MonthName, Layout: "1월"},
	}
	for _, a := range good {
		if err := a.Validate(); err != nil {
			t.Errorf("%+v: %v", a, err)
		}
	}
	bad := []XAxis{
		{Layout: "2006"},
		{Kind: 9},
		{Kind: Date, Origin: midnight, Layout: "2006-01"},
		{Kind: Date, Origin: midnight.Add(time.Hour), Layout: "2006-01-02"},
		{Kind: Date, Origin: midnight, Layout: "2006-01-02", Offset: 3600},
		{Kind: DateTime, Origin: midnight, Layout: "2006-01-02"},
		{Kind: MonthName, Layout: "Jan", Offset: 1},
		{Kind: Date, Origin: midnight.In(time.FixedZone("", 0)), Layout: "2006-01-02"},
	}
	for _, a := range bad {
		if err := a.Validate(); err == nil {
			t.Errorf("%+v: no error", a)
		}
	}
	if k, err := ParseXKind("yearmonth"); err != nil || k != YearMonth || k.String() != "yearmonth" {
		t.Errorf("ParseXKind: %v, %v", k, err)
	}
	if _, err := ParseXKind("week"); err == nil {
		t.Error("ParseXKind(week): no error")
	}
}

func TestInAxis(t *testing.T) {
	jan := dailyData(t, "2012-01-01", "2012-01-03")
	feb := dailyData(t, "2012-02-01", "2012-02-02")
	d, err := feb.InAxis(jan.XAxis)
	if err != nil || d.X[0] != 31 || d.X[1] != 32 || d.XAxis != jan.XAxis {
		t.Errorf("InAxis: %v, %v", d, err)
	}
	nums := mustDataset(t, "x", "y", []float64{1}, []float64{2})
	if _, err := nums.InAxis(jan.XAxis); err == nil {
		t.Error("numbers onto dates: no error")
	}
	if d, err := nums.InAxis(XAxis{}); err != nil || d.X[0] != 1 {
		t.Errorf("numbers onto numbers: %v, %v", d, err)
	}
}
