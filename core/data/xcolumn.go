package data

import (
	"math"
	"strings"
	"time"
)

// event is something a cell of the x column told about the column.
type event uint8

const (
	evNone      event = iota
	evAmbiguous       // the cell's day and month could be either way round
	evDecided         // the cell told the order of day and month
)

// xColumn reads the cells of the x column. Its kind is decided from the
// first cells: numbers, unless the first is a date, month name or
// year-month; then every cell must be of the same form. While they are
// read, date values are seconds since 1970-01-01 UTC; finish turns them
// into days since the axis's origin.
type xColumn struct {
	kind XKind

	first dateText // the first date, whose form the layout takes
	ab    order    // orderAB until a cell tells day from month, then orderDMY or orderMDY
	count int      // dates read

	clock     bool     // some cell has a time of day
	clockFrom dateText // the first cell with a time of day
	seconds   bool     // some cell has seconds
	frac      int      // the most digits of fractional seconds
	zoned     bool     // the cells have an offset from UTC
	offset    int      // the offset of the first cell
	mixed     bool     // the cells have different offsets

	ambiguous     dateText // the first cell whose day and month could be either way round
	ambiguousText string
	ambiguousAt   cellPos
	decidedText   string // the cell that told the order of day and month
	decidedAt     cellPos
}

// cellPos is where a cell is: its line (or row) and 1-based column.
type cellPos struct{ line, col int }

// newXColumn decides the kind of the x column from sample, the first of
// its cells that are not missing, trimmed, and the column's header.
func newXColumn(sample []string, header string) *xColumn {
	c := &xColumn{ab: orderAB}
	if len(sample) == 0 {
		return c
	}
	if numeric(sample[0]) {
		if dottedYearMonths(sample, header) {
			c.first, _ = scanDate(sample[0])
			c.kind = YearMonth
		}
		return c
	}
	d, st := scanDate(sample[0])
	if st == notDate {
		return c
	}
	c.first = d
	switch {
	case d.order == orderYM:
		c.kind = YearMonth
	case d.order == orderMonth:
		c.kind = MonthName
	case d.clock:
		c.kind = DateTime
	default:
		c.kind = Date
	}
	return c
}

// dateHeaders are words that, in the header of a column of values such
// as 2012.1, say that the values are year-months.
var dateHeaders = []string{"date", "month", "period", "일시", "날짜", "일자", "년월", "연월", "年月", "日付", "日時"}

// dottedYearMonths reports whether sample holds year-months written like
// numbers, 2012.1 to 2012.12. That takes every cell being of that form and
// either a header that names dates or months, or cells that follow each
// other month by month and include an October written 2012.10, which as a
// number would be January.
func dottedYearMonths(sample []string, header string) bool {
	months := make([]int, len(sample))
	october := false
	for i, s := range sample {
		d, st := scanDate(s)
		if st != goodDate || d.order != orderYM || d.sep != '.' || d.spaced || d.final {
			return false
		}
		months[i] = d.year*12 + d.a - 1
		october = october || strings.HasSuffix(s, ".10")
	}
	h := strings.ToLower(header)
	for _, w := range dateHeaders {
		if strings.Contains(h, w) {
			return true
		}
	}
	for i := 1; i < len(months); i++ {
		if months[i] != months[i-1]+1 {
			return false
		}
	}
	return october
}

// parse reads one cell of a column of dates or month names, trimmed and
// not missing. prior holds the values of the cells before it, which parse
// may change when the cell tells the order of day and month.
func (c *xColumn) parse(s string, prior []float64) (float64, event, error) {
	switch c.kind {
	case MonthName:
		if m, _, _, ok := monthName(s); ok {
			return float64(m), evNone, nil
		}
		return 0, evNone, &CellError{Text: s, Err: ErrNotDate, Kind: c.kind, Want: monthLayout(c.first)}
	}
	d, st := scanDate(s)
	if st == notDate || !c.sameForm(d) {
		return 0, evNone, &CellError{Text: s, Err: ErrNotDate, Kind: c.kind, Want: example(c.form().layout())}
	}
	if st == badDate {
		return 0, evNone, &CellError{Text: s, Err: ErrInvalidDate}
	}
	if err := c.checkZone(d, s); err != nil {
		return 0, evNone, err
	}
	month, day := d.a, d.b
	ev := evNone
	switch {
	case d.order == orderYM:
		day = 1
	case d.order == orderAB:
		var err error
		if ev, err = c.tellOrder(d, s, prior); err != nil {
			return 0, evNone, err
		}
		if c.ab != orderMDY {
			month, day = d.b, d.a
		}
		if day > daysIn(d.year, month) {
			return 0, evNone, &CellError{Text: s, Err: ErrInvalidDate}
		}
	}
	if d.clock {
		if !c.clock {
			c.clock, c.clockFrom = true, d
		}
		c.seconds = c.seconds || d.seconds
		c.frac = max(c.frac, d.frac)
	}
	c.count++
	secs := daysSinceEpoch(d.year, month, day)*86400 + int64(d.daySecond) - int64(d.offset)
	return float64(secs) + float64(d.nanos)/1e9, ev, nil
}

// sameForm reports whether d is written in the column's form: the same
// order of parts and separator as the first date.
func (c *xColumn) sameForm(d dateText) bool {
	if d.order != c.first.order || d.sep != c.first.sep {
		return false
	}
	return c.kind == DateTime || c.kind == Date || !d.clock
}

// checkZone makes sure that either every cell or none has an offset from
// UTC, and notes whether the offsets differ.
func (c *xColumn) checkZone(d dateText, s string) error {
	zoned := d.zone != zoneNone
	if c.count == 0 {
		c.zoned, c.offset = zoned, d.offset
		return nil
	}
	if zoned != c.zoned {
		return &CellError{Text: s, Err: ErrMixedZones}
	}
	c.mixed = c.mixed || d.offset != c.offset
	return nil
}

// tellOrder learns the order of day and month from a date written with
// the year last: a part above 12 is the day. It reports whether the cell
// told the order or left it open, and refuses a cell that contradicts the
// order an earlier cell told. When a cell tells that the month comes
// first, the earlier cells, read day first until then, are read again.
func (c *xColumn) tellOrder(d dateText, s string, prior []float64) (event, error) {
	var says order
	switch {
	case d.a > 12:
		says = orderDMY
	case d.b > 12:
		says = orderMDY
	default:
		if c.ab == orderAB {
			return evAmbiguous, nil
		}
		return evNone, nil
	}
	if c.ab == says {
		return evNone, nil
	}
	if c.ab != orderAB {
		return evNone, &CellError{Text: s, Err: ErrDateOrder, Other: c.decidedText, OtherLine: c.decidedAt.line, MonthFirst: says == orderMDY}
	}
	if says == orderMDY {
		if c.mixed {
			return evNone, c.ambiguousError()
		}
		for i, v := range prior {
			prior[i] = swapDayMonth(v, c.offset)
		}
	}
	c.ab, c.decidedText = says, s
	return evDecided, nil
}

// swapDayMonth returns the instant v, in seconds since 1970 UTC, with the
// day and month of its date, in the zone offset seconds east of UTC,
// swapped. Both must be 12 or less.
func swapDayMonth(v float64, offset int) float64 {
	local := v + float64(offset)
	days := math.Floor(local / 86400)
	y, m, d := time.Unix(int64(days)*86400, 0).UTC().Date()
	swapped := float64(daysSinceEpoch(y, d, int(m)))
	return v + (swapped-days)*86400
}

// ambiguousError returns the error for a column whose dates do not tell
// day from month.
func (c *xColumn) ambiguousError() *CellError {
	d := c.ambiguous
	return &CellError{Text: c.ambiguousText, Err: ErrAmbiguousDate, Readings: []string{
		isoDate(d.year, d.b, d.a), isoDate(d.year, d.a, d.b),
	}}
}

// noteAmbiguous records the first cell whose day and month could be
// either way round, for the message that refuses a column where no cell
// tells: the first whose day and month differ, else the first of all.
func (c *xColumn) noteAmbiguous(s string, at cellPos) {
	d, _ := scanDate(s)
	if c.ambiguousText == "" || (c.ambiguous.a == c.ambiguous.b && d.a != d.b) {
		c.ambiguous, c.ambiguousText, c.ambiguousAt = d, s, at
	}
}

func isoDate(y, m, d int) string {
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
}

// form returns the form of the dates read so far: that of the first,
// with the time of day of the first that has one, and seconds and their
// fraction if any cell has them.
func (c *xColumn) form() dateForm {
	ab := c.ab
	if ab == orderAB {
		ab = orderDMY
	}
	f := formOf(c.first, ab)
	if c.clock {
		t := c.clockFrom
		f.clock, f.tsep, f.zone, f.zoneSpace = true, t.tsep, t.zone, t.zoneSpace
		f.seconds, f.frac = c.seconds, c.frac
	}
	return f
}

// finish turns the values read into x values and returns the axis. It
// fails when no cell told day from month.
func (c *xColumn) finish(x []float64) (XAxis, *CellError) {
	switch c.kind {
	case Number:
		return XAxis{}, nil
	case MonthName:
		return XAxis{Kind: MonthName, Layout: monthLayout(c.first)}, nil
	}
	if c.first.order == orderAB && c.ab == orderAB && c.count > 0 {
		return XAxis{}, c.ambiguousError()
	}
	f := c.form()
	kind := c.kind
	if c.clock {
		kind = DateTime
	}
	offset := 0
	if c.zoned && !c.mixed {
		offset = c.offset
	}
	lo := math.Inf(1)
	for _, v := range x {
		lo = math.Min(lo, v)
	}
	origin := int64(0)
	if len(x) > 0 {
		origin = int64(math.Floor((lo+float64(offset))/86400))*86400 - int64(offset)
	}
	o := float64(origin)
	for i, v := range x {
		x[i] = (v - o) / 86400
	}
	return XAxis{Kind: kind, Origin: time.Unix(origin, 0).UTC(), Layout: f.layout(), Offset: offset}, nil
}
