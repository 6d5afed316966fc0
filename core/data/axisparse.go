package data

import (
	"strconv"
	"strings"
)

// Parse reads text, such as a table cell's, as an x value on the axis. A
// number axis reads numbers and a month name axis month names in any of
// the forms ReadCSV reads, or numbers 1 to 12. A date axis reads dates in
// any form ReadCSV reads for the kind (on a Date axis, dates without a
// time; on a YearMonth axis, year-months), so that 2012-01-05 is read
// whatever the layout; dates with the year last take the axis's order of
// day and month, or else must tell it by a part above 12. A time without
// an offset is in the axis's zone. The error is a *CellError.
func (a XAxis) Parse(text string) (float64, error) {
	v, err := a.parse(strings.TrimSpace(text))
	if ce, ok := err.(*CellError); ok {
		ce.shorten()
	}
	return v, err
}

// parse is Parse for trimmed text.
func (a XAxis) parse(s string) (float64, error) {
	switch a.Kind {
	case Number:
		return parseNumber(s)
	case MonthName:
		if m, _, _, ok := monthName(s); ok {
			return float64(m), nil
		}
		if m, err := strconv.Atoi(s); err == nil && m >= 1 && m <= 12 {
			return float64(m), nil
		}
		return 0, &CellError{Text: s, Err: ErrNotDate, Kind: a.Kind, Want: example(a.Layout)}
	}
	if s == "" {
		return 0, &CellError{Err: ErrEmptyCell}
	}
	notForm := &CellError{Text: s, Err: ErrNotDate, Kind: a.Kind, Want: example(a.Layout)}
	d, st := scanDate(s)
	switch {
	case st == notDate, d.order == orderMonth:
		return 0, notForm
	case st == badDate:
		return 0, &CellError{Text: s, Err: ErrInvalidDate}
	case a.Kind == YearMonth && d.order != orderYM,
		a.Kind != YearMonth && d.order == orderYM,
		a.Kind == Date && d.clock:
		return 0, notForm
	}
	f, _ := parseLayout(a.Layout)
	month, day := d.a, d.b
	switch d.order {
	case orderYM:
		day = 1
	case orderAB:
		switch {
		case f.order == orderDMY || (f.order != orderMDY && d.a > 12):
			month, day = d.b, d.a
		case f.order == orderMDY || d.b > 12 || d.a == d.b:
		default:
			return 0, &CellError{Text: s, Err: ErrAmbiguousDate, Readings: []string{isoDate(d.year, d.b, d.a), isoDate(d.year, d.a, d.b)}}
		}
		if checkYMD(d.year, month, day) != goodDate {
			return 0, &CellError{Text: s, Err: ErrInvalidDate}
		}
	}
	offset := a.Offset
	if d.zone != zoneNone {
		if f.zone == zoneNone {
			return 0, &CellError{Text: s, Err: ErrMixedZones}
		}
		offset = d.offset
	}
	secs := daysSinceEpoch(d.year, month, day)*86400 + int64(d.daySecond) - int64(offset)
	v := float64(secs) + float64(d.nanos)/1e9
	return (v - float64(a.Origin.Unix())) / 86400, nil
}
