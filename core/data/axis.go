package data

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// XKind is what the x values of a data set stand for.
type XKind int

// The kinds of x axis.
const (
	// Number: x is the number read.
	Number XKind = iota
	// Date: x is the number of days since the axis's origin.
	Date
	// DateTime: x is the number of days, with a fraction for the time of
	// day, since the axis's origin.
	DateTime
	// YearMonth: x is the number of days from the origin to the first day
	// of the month.
	YearMonth
	// MonthName: x is the month, 1 for January to 12 for December.
	MonthName
)

var kindNames = [...]string{Number: "number", Date: "date", DateTime: "datetime", YearMonth: "yearmonth", MonthName: "monthname"}

// String returns the kind's name as project files write it: "number",
// "date", "datetime", "yearmonth" or "monthname".
func (k XKind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("XKind(%d)", int(k))
	}
	return kindNames[k]
}

// ParseXKind returns the kind that String names.
func ParseXKind(s string) (XKind, error) {
	for k, name := range kindNames {
		if s == name {
			return XKind(k), nil
		}
	}
	return 0, fmt.Errorf("unknown kind of x axis %q", s)
}

// XAxis says what the x values of a data set stand for and how they were
// written. Its zero value is an axis of plain numbers.
//
// On a date axis (Date, DateTime, YearMonth) x is the number of days since
// Origin, fractional for times of day, so that models, optimizers and
// statistics work on it unchanged and stay well conditioned. Times read
// with an offset from UTC are converted to UTC; Offset keeps the offset to
// write them back in when one was used throughout.
type XAxis struct {
	Kind XKind
	// Origin is the instant of x = 0 on a date axis: midnight, in the
	// axis's zone, of the earliest date read. It is in UTC, and zero for
	// Number and MonthName.
	Origin time.Time
	// Layout is the Go time layout (see package time) in which the x
	// values were written, such as "2006-01-02", "2006. 1. 2.", "02/01/2006",
	// "2006-01-02T15:04:05Z07:00", "2006-01", "Jan" or "1월"; "" for Number.
	Layout string
	// Offset is the zone, in seconds east of UTC, in which times are
	// shown and written: the offset the times were read with when they all
	// had the same one, else 0 for UTC.
	Offset int
}

// IsTime reports whether x counts days since the origin: a Date,
// DateTime or YearMonth axis.
func (a XAxis) IsTime() bool {
	return a.Kind == Date || a.Kind == DateTime || a.Kind == YearMonth
}

// Location returns the zone in which the axis shows times.
func (a XAxis) Location() *time.Location {
	if a.Offset == 0 {
		return time.UTC
	}
	return time.FixedZone(offsetName(a.Offset), a.Offset)
}

// maxDays bounds the x of a date axis that Time converts: about 10,000
// years each side of the origin.
const maxDays = 3.7e6

// Time returns the instant x stands for on a date axis, to the nearest
// microsecond, in the axis's zone. x beyond 10,000 years from the
// origin is taken as that far.
func (a XAxis) Time(x float64) time.Time { return a.timeIn(x, a.Location()) }

// timeIn is Time in the zone loc.
func (a XAxis) timeIn(x float64, loc *time.Location) time.Time {
	if math.IsNaN(x) {
		x = 0
	}
	x = math.Max(-maxDays, math.Min(maxDays, x))
	secs := x * 86400
	whole := math.Floor(secs)
	micros := int64(math.Round((secs - whole) * 1e6))
	return time.Unix(a.Origin.Unix()+int64(whole), micros*1000).In(loc)
}

// X returns the x of instant t on a date axis.
func (a XAxis) X(t time.Time) float64 {
	s := float64(t.Unix()-a.Origin.Unix()) + float64(t.Nanosecond())/1e9
	return s / 86400
}

// Format returns x as the axis writes it: a number in its shortest exact
// form, a month name, or a date or time in the axis's layout, rounded to
// what the layout shows. On a MonthName axis an x that is not a whole
// month 1 to 12 is written as a number.
func (a XAxis) Format(x float64) string {
	switch a.Kind {
	case Number:
		return formatFloat(x)
	case MonthName:
		if x != math.Trunc(x) || x < 1 || x > 12 {
			return formatFloat(x)
		}
		return time.Date(2000, time.Month(x), 1, 0, 0, 0, 0, time.UTC).Format(a.Layout)
	}
	return string(a.appender()(nil, x))
}

// appender returns a function that appends x to b as Format writes it,
// having parsed the layout and made the zone once. It is safe for
// concurrent use.
func (a XAxis) appender() func(b []byte, x float64) []byte {
	switch {
	case a.Kind == Number:
		return func(b []byte, x float64) []byte { return strconv.AppendFloat(b, x, 'g', -1, 64) }
	case !a.IsTime():
		return func(b []byte, x float64) []byte { return append(b, a.Format(x)...) }
	}
	f, _ := parseLayout(a.Layout)
	res, loc := f.resolution(), a.Location()
	return func(b []byte, x float64) []byte { return a.timeIn(x, loc).Round(res).AppendFormat(b, a.Layout) }
}

// writing returns the axis in which to write the values xs: a itself,
// or one whose layout shows more when a's cannot show every value
// exactly, as a grid of hours on a date axis needs. A MonthName axis
// whose values are not all whole months 1 to 12 writes numbers.
func (a XAxis) writing(xs []float64) XAxis {
	switch {
	case a.Kind == MonthName:
		for _, x := range xs {
			if x != math.Trunc(x) || x < 1 || x > 12 {
				return XAxis{}
			}
		}
		return a
	case !a.IsTime():
		return a
	}
	f, _ := parseLayout(a.Layout)
	loc := a.Location()
	firstOfMonth, midnight, minute := true, true, true
	for _, x := range xs {
		t := a.Time(x).In(loc)
		midnight = midnight && t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0
		firstOfMonth = firstOfMonth && midnight && t.Day() == 1
		minute = minute && t.Second() == 0 && t.Nanosecond() == 0
	}
	if f.order == orderYM && !firstOfMonth {
		f.order, f.padded = orderYMD, true
		a.Kind = Date
	}
	if !f.clock && !midnight {
		f.clock, f.tsep = true, ' '
		a.Kind = DateTime
	}
	if f.clock && !minute {
		f.seconds = true
	}
	a.Layout = f.layout()
	return a
}

// resolution returns the smallest step of time that f writes.
func (f dateForm) resolution() time.Duration {
	switch {
	case !f.clock:
		return 24 * time.Hour
	case !f.seconds:
		return time.Minute
	}
	d := time.Second
	for range f.frac {
		d /= 10
	}
	return d
}

// Unit returns what x counts: "days" on a date axis, "month" on a
// MonthName axis (1 = January), "" for numbers.
func (a XAxis) Unit() string {
	switch {
	case a.IsTime():
		return "days"
	case a.Kind == MonthName:
		return "month"
	}
	return ""
}

// OriginText returns the origin as people read it: "2012-01-01" for
// dates, "2012-01-01 00:00" for times, with the offset ("+09:00" or
// "UTC") when the times had one; "" when the axis has no origin.
func (a XAxis) OriginText() string {
	if !a.IsTime() {
		return ""
	}
	t := a.Origin.In(a.Location())
	if a.Kind != DateTime {
		return t.Format("2006-01-02")
	}
	s := t.Format("2006-01-02 15:04")
	if f, _ := parseLayout(a.Layout); f.zone != zoneNone {
		s += " " + offsetName(a.Offset)
	}
	return s
}

// Phrase returns a short English phrase saying what x means, for
// equations: "x = days since 2012-01-01", "x = month (1 = January)", or ""
// for plain numbers.
func (a XAxis) Phrase() string {
	switch {
	case a.IsTime():
		return "x = days since " + a.OriginText()
	case a.Kind == MonthName:
		return "x = month (1 = January)"
	}
	return ""
}

// SpanDays returns the number of days between the x values lo and hi, for
// choosing ticks: hi-lo on a date axis, the months' average length
// on a MonthName axis, and 0 for numbers.
func (a XAxis) SpanDays(lo, hi float64) float64 {
	switch {
	case a.IsTime():
		return hi - lo
	case a.Kind == MonthName:
		return (hi - lo) * 365.2425 / 12
	}
	return 0
}

// Validate reports whether a is an axis that ReadCSV could have made.
func (a XAxis) Validate() error {
	if a.Kind == Number || a.Kind == MonthName {
		if !a.Origin.IsZero() || a.Offset != 0 {
			return fmt.Errorf("a %s axis has no origin or offset", a.Kind)
		}
		if a.Kind == Number {
			if a.Layout != "" {
				return fmt.Errorf("a number axis has no layout, not %q", a.Layout)
			}
			return nil
		}
	}
	if a.Kind < Number || a.Kind > MonthName {
		return fmt.Errorf("unknown kind of x axis %d", int(a.Kind))
	}
	f, ok := parseLayout(a.Layout)
	if !ok || !f.fits(a.Kind) {
		return fmt.Errorf("%q is not a layout of a %s axis", a.Layout, a.Kind)
	}
	if a.Kind == MonthName {
		return nil
	}
	switch {
	case a.Origin.Location() != time.UTC:
		return errors.New("the origin of a date axis must be given in UTC")
	case a.Offset%60 != 0 || a.Offset <= -24*3600 || a.Offset >= 24*3600:
		return fmt.Errorf("offset %d s is not a whole number of minutes within a day", a.Offset)
	case a.Offset != 0 && f.zone == zoneNone:
		return fmt.Errorf("an offset of %d s with the layout %q, which writes no zone", a.Offset, a.Layout)
	}
	local := a.Origin.In(a.Location())
	if local.Hour() != 0 || local.Minute() != 0 || local.Second() != 0 || local.Nanosecond() != 0 {
		return fmt.Errorf("the origin %s is not at midnight", local.Format(time.RFC3339Nano))
	}
	if local.Year() < 1 || local.Year() > 9999 {
		return fmt.Errorf("the origin %s is not within the years 1 to 9999", local.Format(time.RFC3339))
	}
	return nil
}

// fits reports whether dates of the form f make an axis of kind k.
func (f dateForm) fits(k XKind) bool {
	switch k {
	case Date:
		return f.order != orderYM && f.order != orderMonth && !f.clock
	case DateTime:
		return f.order != orderYM && f.order != orderMonth && f.clock
	case YearMonth:
		return f.order == orderYM
	case MonthName:
		return f.order == orderMonth
	}
	return false
}

// offsetName returns an offset from UTC as "UTC" or "+09:00".
func offsetName(offset int) string {
	if offset == 0 {
		return "UTC"
	}
	sign := "+"
	if offset < 0 {
		sign, offset = "-", -offset
	}
	return fmt.Sprintf("%s%02d:%02d", sign, offset/3600, offset%3600/60)
}

// noun names what an axis of kind k holds, for messages.
func (k XKind) noun() string {
	switch k {
	case Date:
		return "dates"
	case DateTime:
		return "dates and times"
	case YearMonth:
		return "months of a year"
	case MonthName:
		return "month names"
	}
	return "numbers"
}

// example returns the date 2012-01-31 13:45:30 written in layout, to show
// the form a column expects.
func example(layout string) string {
	t := time.Date(2012, 1, 31, 13, 45, 30, 0, time.UTC)
	return strings.TrimSpace(t.Format(layout))
}
