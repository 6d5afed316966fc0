package data

import (
	"strings"
	"testing"
	"time"
)

func TestWriteGridBand(t *testing.T) {
	axis := XAxis{Kind: Date, Origin: time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC), Layout: "2006-01-02"}
	var b strings.Builder
	if err := WriteGridBand(&b, "date", axis, []float64{0, 1}, []float64{5, 6.5}, []float64{4, 5.25}, []float64{6, 7.75}); err != nil {
		t.Fatal(err)
	}
	want := "date,predicted,lower,upper\n2016-01-01,5,4,6\n2016-01-02,6.5,5.25,7.75\n"
	if b.String() != want {
		t.Errorf("wrote\n%s\nwant\n%s", b.String(), want)
	}
	if err := WriteGridBand(&b, "x", XAxis{}, []float64{1}, []float64{1}, nil, nil); err == nil {
		t.Error("columns of different lengths were written")
	}
}
