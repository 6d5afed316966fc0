package project

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/optim"
)

// goldenDates is the project in testdata/v2.tempfit: daily temperatures
// on a date axis, not trained yet.
func goldenDates() *Project {
	return &Project{
		Version: 2,
		Data: data.Dataset{
			XName: "date",
			YName: "temp_max",
			X:     []float64{0, 1, 3},
			Y:     []float64{12.8, 10.6, 12.2},
			XAxis: data.XAxis{Kind: data.Date, Origin: time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC), Layout: "2006-01-02"},
		},
		Source:    "seattle-weather.csv",
		Model:     fit.Model{Kind: fit.Seasonal, Harmonics: 2, Period: 365.25, Scaling: fit.Scaled},
		Optimizer: optim.Exact,
		Speed:     SpeedMax,
	}
}

func TestGoldenDates(t *testing.T) {
	path := filepath.Join("testdata", "v2.tempfit")
	if *update {
		if err := Save(path, goldenDates()); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(`"x_axis": {"kind": "date", "origin": "2012-01-01T00:00:00Z", "layout": "2006-01-02", "offset": 0},`)) {
		t.Errorf("no x_axis line in\n%s", b)
	}
	p, err := Decode(bytes.NewReader(b), path)
	if err != nil {
		t.Fatal(err)
	}
	sameBits(t, goldenDates(), p)
	if again := encodeBytes(t, p); !bytes.Equal(again, b) {
		t.Errorf("a format 2 file is no longer written the same way:\n%s", again)
	}
}

func TestAxisRoundTrip(t *testing.T) {
	for _, a := range []data.XAxis{
		{Kind: data.DateTime, Origin: time.Date(2011, 12, 31, 15, 0, 0, 0, time.UTC), Layout: "2006-01-02T15:04Z07:00", Offset: 9 * 3600},
		{Kind: data.YearMonth, Origin: time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC), Layout: "2006.1"},
		{Kind: data.MonthName, Layout: "1월"},
	} {
		p := goldenDates()
		p.Data.XAxis = a
		var buf bytes.Buffer
		if err := Encode(&buf, p); err != nil {
			t.Fatal(err)
		}
		q, err := Decode(&buf, "a.tempfit")
		if err != nil {
			t.Fatal(err)
		}
		if q.Data.XAxis != a {
			t.Errorf("axis %+v read back as %+v", a, q.Data.XAxis)
		}
	}
}

func TestDecodeRefusesBadAxis(t *testing.T) {
	for _, tt := range []struct {
		axis map[string]any
		want string
	}{
		{map[string]any{"kind": "week", "layout": "2006-01-02"}, `damaged project file: data: unknown kind of x axis "week"`},
		{map[string]any{"kind": "date", "origin": "yesterday", "layout": "2006-01-02"}, `damaged project file: data: the x axis origin "yesterday" is not a time such as 2012-01-01T00:00:00Z`},
		{map[string]any{"kind": "date", "origin": "2012-01-01T06:00:00Z", "layout": "2006-01-02"}, "damaged project file: data: x axis: the origin 2012-01-01T06:00:00Z is not at midnight"},
		{map[string]any{"kind": "date", "origin": "2012-01-01T00:00:00Z", "layout": "%Y-%m-%d"}, `damaged project file: data: x axis: "%Y-%m-%d" is not a layout of a date axis`},
		{map[string]any{"kind": 3}, `damaged project file: "data.x_axis.kind" holds a number where a string belongs`},
	} {
		in := mutate(t, func(m map[string]any) {
			m["version"] = 2
			sub(m, "data")["x_axis"] = tt.axis
		})
		p, err := Decode(bytes.NewReader(in), "bad.tempfit")
		if p != nil || !errors.Is(err, ErrInvalid) || err.Error() != "bad.tempfit: "+tt.want {
			t.Errorf("axis %v: %v\nwant %s", tt.axis, err, tt.want)
		}
	}
}

func TestVersion1IgnoresAxis(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "v1.tempfit"))
	if err != nil {
		t.Fatal(err)
	}
	in := strings.Replace(string(b), `"x_name": "month",`, `"x_name": "month", "x_axis": {"kind": "week"},`, 1)
	p, err := Decode(strings.NewReader(in), "old.tempfit")
	if err != nil || p.Data.XAxis != (data.XAxis{}) {
		t.Errorf("version 1 with an x_axis: %v, %+v", err, p)
	}
}
