package gui

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tempfit/core/fit"
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
