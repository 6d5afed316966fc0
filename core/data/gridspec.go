package data

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// GridSpec is a grid of x values at which to predict, as written on the
// command line or chosen in the app:
//
//	FROM:TO:STEP    from FROM to TO in steps of STEP: "1:24:1", or on a date
//	                axis "2016-01-01:2016-12-31:1d"
//	next:SPAN:STEP  the SPAN after the data's last x in steps of STEP:
//	                "next:12:1", or on a date axis "next:1y:1d" (every day
//	                of the next year) and "next:2y:1mo" (each month of the
//	                next two years)
//
// On a date axis FROM and TO are dates or dates and times, in ISO 8601
// form (2016-01-01, 2016-01, 2016-01-01T06:00) or in the axis's own form,
// and STEP and SPAN are whole numbers with a unit: s (seconds), min, h, d,
// w (weeks), mo (months) or y (years), or plain numbers of days. Month and
// year steps follow the calendar: a step of 1mo from January 31 lands on
// the last day of February. On other axes they are plain numbers of x
// units.
//
// The points of next:SPAN:STEP start one step after the last x, counted
// from the start of the step's unit: with day steps from the last day,
// with month steps from the first of the last month. So with data up to
// 2015-12-31, next:1y:1d is 2016-01-01 to 2016-12-31, and with data up to
// December 2015, next:2y:1mo is January 2016 to December 2017. The last
// point is at most SPAN after the last x.
type GridSpec struct {
	Next     bool   // next:SPAN:STEP rather than FROM:TO:STEP
	From, To string // FROM and TO as written
	Span     Step   // SPAN, for next:SPAN:STEP
	Step     Step
}

// Step is a length of the x axis: N x units, or N of a unit of time.
type Step struct {
	N    float64
	Unit string // "" for x units, or "s", "min", "h", "d", "w", "mo" or "y"
}

// String returns the step as written, such as "1mo" or "0.25".
func (s Step) String() string { return formatFloat(s.N) + s.Unit }

// String returns the grid as ParseGridSpec reads it.
func (g GridSpec) String() string {
	if g.Next {
		return "next:" + g.Span.String() + ":" + g.Step.String()
	}
	return g.From + ":" + g.To + ":" + g.Step.String()
}

// ParseGridSpec reads a grid written as GridSpec describes. FROM and TO
// are checked when the grid is applied to data, by Points.
func ParseGridSpec(s string) (GridSpec, error) {
	s = strings.TrimSpace(s)
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return GridSpec{}, fmt.Errorf("grid: %q is not of the form FROM:TO:STEP or next:SPAN:STEP, such as 1:24:1 or next:1y:1d", s)
	}
	var g GridSpec
	var err error
	if g.Step, err = parseStep(s[i+1:], "step"); err != nil {
		return GridSpec{}, err
	}
	head := s[:i]
	if rest, ok := strings.CutPrefix(head, "next:"); ok {
		g.Next = true
		g.Span, err = parseStep(rest, "span")
		return g, err
	}
	// FROM and TO may hold colons themselves (06:00): cut at the first
	// colon after a whole number or date.
	for j := 0; j < len(head); j++ {
		if head[j] != ':' || strings.TrimSpace(head[j+1:]) == "" {
			continue
		}
		left := strings.TrimSpace(head[:j])
		_, kind := classify(left)
		if _, st := scanDate(left); kind == isNumber || st != notDate {
			g.From, g.To = left, strings.TrimSpace(head[j+1:])
			return g, nil
		}
	}
	return GridSpec{}, fmt.Errorf("grid: %q is not of the form FROM:TO:STEP or next:SPAN:STEP, such as 1:24:1 or next:1y:1d", s)
}

// stepUnits are the units of Step, with their lengths for the fixed ones.
var stepUnits = map[string]time.Duration{
	"s": time.Second, "min": time.Minute, "h": time.Hour, "d": 24 * time.Hour, "w": 7 * 24 * time.Hour,
	"mo": 0, "y": 0,
}

// parseStep reads a positive step or span, named what in messages.
func parseStep(s, what string) (Step, error) {
	s = strings.TrimSpace(s)
	num := strings.TrimRight(s, "abcdefghijklmnopqrstuvwxyz")
	st := Step{Unit: s[len(num):]}
	if _, ok := stepUnits[st.Unit]; !ok && st.Unit != "" {
		if st.Unit == "m" {
			return Step{}, fmt.Errorf("grid: %s %q: write min for minutes or mo for months", what, s)
		}
		return Step{}, fmt.Errorf("grid: %s %q has an unknown unit %q; the units are s, min, h, d, w, mo and y", what, s, st.Unit)
	}
	v, kind := classify(num)
	if num == "" || kind != isNumber || !(v > 0) {
		return Step{}, fmt.Errorf("grid: %s %q is not a number greater than 0", what, s)
	}
	if st.Unit != "" && v != math.Trunc(v) {
		return Step{}, fmt.Errorf("grid: %s %q: a step with a unit must be a whole number", what, s)
	}
	st.N = v
	return st, nil
}

// Points returns the x values of the grid for the data set d, on its x
// axis. It is an error for the grid not to suit the axis, for FROM to be
// after TO, or for the grid to have more than 1,000,000 points.
func (g GridSpec) Points(d *Dataset) ([]float64, error) {
	a := d.XAxis
	if !a.IsTime() {
		if g.Step.Unit != "" || g.Span.Unit != "" {
			unit := g.Step
			if unit.Unit == "" {
				unit = g.Span
			}
			return nil, fmt.Errorf("grid: units of time such as %q need dates as x", unit.String())
		}
		from, to := 0.0, 0.0
		if g.Next {
			_, last := d.XRange()
			from, to = last+g.Step.N, last+g.Span.N
		} else {
			var err error
			if from, err = gridNumber(a, g.From, "from"); err != nil {
				return nil, err
			}
			if to, err = gridNumber(a, g.To, "to"); err != nil {
				return nil, err
			}
		}
		return Grid(from, to, g.Step.N)
	}
	loc := a.Location()
	var start, end time.Time
	first := 0
	if g.Next {
		_, last := d.XRange()
		t := a.Time(last).In(loc)
		start, end, first = g.Step.floor(t), g.Span.add(t, 1), 1
	} else {
		var err error
		if start, err = gridTime(a, g.From, "from"); err != nil {
			return nil, err
		}
		if end, err = gridTime(a, g.To, "to"); err != nil {
			return nil, err
		}
		if start.After(end) {
			return nil, fmt.Errorf("grid: from (%s) must not be after to (%s)", g.From, g.To)
		}
	}
	var xs []float64
	for k := first; ; k++ {
		t := g.Step.add(start, k)
		if t.After(end) {
			break
		}
		if len(xs) == maxGridPoints {
			return nil, fmt.Errorf("grid: %s gives more than %d points", g, maxGridPoints)
		}
		xs = append(xs, a.X(t))
	}
	if len(xs) == 0 {
		return nil, fmt.Errorf("grid: %s has no points: the span is shorter than the step", g)
	}
	return xs, nil
}

// gridNumber reads FROM or TO of a grid on an axis that is not of dates.
func gridNumber(a XAxis, s, what string) (float64, error) {
	if a.Kind == MonthName {
		if m, _, _, ok := monthName(s); ok {
			return float64(m), nil
		}
	}
	v, kind := classify(s)
	if s == "" || kind != isNumber {
		return 0, fmt.Errorf("grid: %s value %q is not a finite number", what, s)
	}
	return v, nil
}

// gridTime reads FROM or TO of a grid on a date axis: a date in ISO 8601
// form or in the axis's own form. A time without an offset is in the
// axis's zone.
func gridTime(a XAxis, s, what string) (time.Time, error) {
	if x, err := a.Parse(s); err == nil {
		return a.Time(x), nil
	}
	d, st := scanDate(s)
	if st != goodDate || (d.order != orderYMD && d.order != orderYM) {
		return time.Time{}, fmt.Errorf("grid: %s value %q is not a date such as 2016-01-31", what, s)
	}
	if d.order == orderYM {
		d.b = 1
	}
	loc := a.Location()
	if d.zone != zoneNone {
		loc = time.FixedZone("", d.offset)
	}
	return time.Date(d.year, time.Month(d.a), d.b, 0, 0, d.daySecond, d.nanos, loc), nil
}

// add returns t moved on by k steps; months and years follow the calendar,
// keeping the day of the month where the month has it and taking its last
// day where it does not.
func (s Step) add(t time.Time, k int) time.Time {
	n := int(s.N) * k
	switch s.Unit {
	case "mo":
		return addMonths(t, n)
	case "y":
		return addMonths(t, 12*n)
	case "":
		return t.Add(time.Duration(math.Round(s.N * float64(k) * 86400e9)))
	}
	return t.Add(time.Duration(n) * stepUnits[s.Unit])
}

// floor returns the start of the step's unit that t is in: the second,
// minute, hour, day, first of the month or first of the year, in t's
// zone; t itself for a plain number of days.
func (s Step) floor(t time.Time) time.Time {
	y, m, d := t.Date()
	switch s.Unit {
	case "s", "min", "h":
		return t.Truncate(stepUnits[s.Unit])
	case "d", "w":
		return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
	case "mo":
		return time.Date(y, m, 1, 0, 0, 0, 0, t.Location())
	case "y":
		return time.Date(y, 1, 1, 0, 0, 0, 0, t.Location())
	}
	return t
}

// addMonths returns t moved on by n calendar months, on the same day of
// the month or the last day of a shorter month.
func addMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	months := int(m) - 1 + n
	year, month := y+floorDiv(months, 12), time.Month(floorMod(months, 12)+1)
	day := min(d, daysIn(year, int(month)))
	h, mi, sec := t.Clock()
	return time.Date(year, month, day, h, mi, sec, t.Nanosecond(), t.Location())
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func floorMod(a, b int) int { return a - floorDiv(a, b)*b }

// GridPreset is a grid offered in the app's menu.
type GridPreset struct {
	Label string // English label, such as "Every day of the next year"
	Spec  GridSpec
}

// GridPresets returns the grids worth offering for data on axis a.
func GridPresets(a XAxis) []GridPreset {
	p := func(label, spec string) GridPreset {
		g, _ := ParseGridSpec(spec)
		return GridPreset{label, g}
	}
	switch a.Kind {
	case Date, YearMonth:
		return []GridPreset{
			p("Every day of the next year", "next:1y:1d"),
			p("Each month of the next two years", "next:2y:1mo"),
		}
	case DateTime:
		return []GridPreset{
			p("Every hour of the next week", "next:7d:1h"),
			p("Every day of the next year", "next:1y:1d"),
			p("Each month of the next two years", "next:2y:1mo"),
		}
	}
	return []GridPreset{p("The next 12 steps of 1", "next:12:1")}
}
