package chart

import (
	"math"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"

	"tempfit/core/data"
)

// dateTicks marks an x axis of days since the origin of Axis with about N
// labelled ticks at whole minutes, hours, days, months or years, as suits
// the span shown, labelled "15:04", "2006-01-02", "2006-01" or "2006".
type dateTicks struct {
	N    int
	Axis data.XAxis
}

// tickStep is a step between date ticks: n units.
type tickStep struct {
	n    int
	unit tickUnit
}

type tickUnit int

const (
	minuteUnit tickUnit = iota
	hourUnit
	dayUnit
	monthUnit
	yearUnit
)

// tickSteps are the steps dateTicks chooses from, finest first.
var tickSteps = []tickStep{
	{1, minuteUnit}, {5, minuteUnit}, {15, minuteUnit}, {30, minuteUnit},
	{1, hourUnit}, {3, hourUnit}, {6, hourUnit}, {12, hourUnit},
	{1, dayUnit}, {2, dayUnit}, {7, dayUnit}, {14, dayUnit},
	{1, monthUnit}, {2, monthUnit}, {3, monthUnit}, {6, monthUnit},
	{1, yearUnit}, {2, yearUnit}, {5, yearUnit}, {10, yearUnit}, {20, yearUnit},
	{50, yearUnit}, {100, yearUnit}, {200, yearUnit}, {500, yearUnit}, {1000, yearUnit},
}

// days returns the step's length in days, months and years taken at
// their average length.
func (s tickStep) days() float64 {
	unit := [...]float64{minuteUnit: 1.0 / 1440, hourUnit: 1.0 / 24, dayUnit: 1, monthUnit: 365.2425 / 12, yearUnit: 365.2425}
	return float64(s.n) * unit[s.unit]
}

// Ticks implements the plot.Ticker interface.
func (t dateTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(hi > lo) || math.IsInf(lo, 0) || math.IsInf(hi, 0) || t.N < 1 {
		return nil
	}
	step := tickSteps[len(tickSteps)-1]
	for _, s := range tickSteps {
		if (hi-lo)/s.days() <= float64(t.N) {
			step = s
			break
		}
	}
	layout := [...]string{minuteUnit: "15:04", hourUnit: "15:04", dayUnit: "2006-01-02", monthUnit: "2006-01", yearUnit: "2006"}[step.unit]
	if step.unit < dayUnit && hi-lo > 1 {
		layout = "01-02 15:04"
	}
	var ticks []plot.Tick
	const limit = 1000
	for tm := step.first(t.Axis.Time(lo)); len(ticks) < limit; tm = step.next(tm) {
		x := t.Axis.X(tm)
		if x > hi+1e-9 {
			break
		}
		if x >= lo-1e-9 {
			ticks = append(ticks, plot.Tick{Value: x, Label: tm.Format(layout)})
		}
	}
	return ticks
}

// first returns the first tick at or before t: t rounded down to a
// multiple of the step.
func (s tickStep) first(t time.Time) time.Time {
	y, m, d := t.Date()
	loc := t.Location()
	switch s.unit {
	case minuteUnit:
		return time.Date(y, m, d, t.Hour(), t.Minute()/s.n*s.n, 0, 0, loc)
	case hourUnit:
		return time.Date(y, m, d, t.Hour()/s.n*s.n, 0, 0, 0, loc)
	case dayUnit:
		if s.n == 1 {
			return time.Date(y, m, d, 0, 0, 0, 0, loc)
		}
		day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
		day -= (day%int64(s.n) + int64(s.n)) % int64(s.n)
		y, m, d = time.Unix(day*86400, 0).UTC().Date()
		return time.Date(y, m, d, 0, 0, 0, 0, loc)
	case monthUnit:
		return time.Date(y, time.Month((int(m)-1)/s.n*s.n+1), 1, 0, 0, 0, 0, loc)
	}
	return time.Date(floorTo(y, s.n), 1, 1, 0, 0, 0, 0, loc)
}

// next returns the tick one step after t.
func (s tickStep) next(t time.Time) time.Time {
	switch s.unit {
	case minuteUnit:
		return t.Add(time.Duration(s.n) * time.Minute)
	case hourUnit:
		return t.Add(time.Duration(s.n) * time.Hour)
	case dayUnit:
		return t.AddDate(0, 0, s.n)
	case monthUnit:
		return t.AddDate(0, s.n, 0)
	}
	return t.AddDate(s.n, 0, 0)
}

// floorTo returns the largest multiple of n not above y.
func floorTo(y, n int) int {
	if y >= 0 {
		return y / n * n
	}
	return -((-y + n - 1) / n * n)
}

// monthTicks marks an x axis of months 1 to 12 with integer ticks
// labelled with the axis's month names; a tick beyond December is
// labelled with the month of the year it falls in.
type monthTicks struct {
	N    int
	Axis data.XAxis
}

// Ticks implements the plot.Ticker interface.
func (t monthTicks) Ticks(lo, hi float64) []plot.Tick {
	ticks := linTicks{N: t.N, Integer: true}.Ticks(lo, hi)
	for i, tk := range ticks {
		if tk.Label != "" && tk.Value == math.Trunc(tk.Value) && tk.Value >= 1 {
			ticks[i].Label = t.Axis.Format(float64((int(tk.Value)-1)%12 + 1))
		}
	}
	return ticks
}

// xTicker returns the ticker for an x axis showing the points xys on the
// axis a: dates, month names, or numbers as xTicks chooses.
func xTicker(a data.XAxis, xys plotter.XYs) plot.Ticker {
	switch {
	case a.IsTime():
		return dateTicks{N: 7, Axis: a}
	case a.Kind == data.MonthName:
		return monthTicks{N: 12, Axis: a}
	}
	return xTicks(xys)
}
