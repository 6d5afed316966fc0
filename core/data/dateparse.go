package data

// order is the order in which a date's parts are written.
type order uint8

const (
	orderNone  order = iota
	orderYMD         // 2012-01-31
	orderYM          // 2012-01
	orderAB          // 03/04/2012: day and month in an order the text alone does not tell
	orderDMY         // 31/01/2012
	orderMDY         // 01/31/2012
	orderMonth       // Jan, January, 1월, 1月
)

// zoneForm is how a time's offset from UTC is written.
type zoneForm uint8

const (
	zoneNone    zoneForm = iota
	zoneZ                // "Z" for UTC, else "+09:00"
	zoneColon            // "+09:00", also for UTC
	zoneNoColon          // "+0900"
	zoneHour             // "+09"
)

// dateText is what scanDate found in a cell.
type dateText struct {
	order  order
	sep    byte   // '-', '/' or '.' between the parts
	spaced bool   // spaces after each '.', as in "2012. 1. 31."
	final  bool   // a '.' after the last part, as in "2012. 1. 31."
	padded bool   // the first part after the year (or the first part) has two digits
	long   bool   // a month name written in full, as in "January"
	suffix string // the month name's suffix: "월" or "月", or ""

	year, a, b int // year and the two other parts, month then day for orderYMD

	clock     bool // a time of day follows
	tsep      byte // 'T' or ' ' between date and time
	seconds   bool // the time has seconds
	frac      int  // digits of fractional seconds
	daySecond int  // seconds since midnight
	nanos     int  // fraction of the second
	zone      zoneForm
	zoneSpace bool // a space before the offset
	offset    int  // seconds east of UTC
}

// scanStatus says whether a cell is a date.
type scanStatus uint8

const (
	notDate  scanStatus = iota // not written as a date at all
	badDate                    // written as a date that does not exist, such as 2012-02-30
	goodDate                   // a date
)

// scanDate reads s, already trimmed, as a date, a year-month, a date and
// time of day, or a month name. For orderAB it checks only that each part
// could be a day or a month.
func scanDate(s string) (d dateText, st scanStatus) {
	if m, long, suffix, ok := monthName(s); ok {
		return dateText{order: orderMonth, a: m, long: long, suffix: suffix}, goodDate
	}
	n1, w1 := digits(s, 0, 4)
	switch {
	case w1 == 4:
		return scanYearFirst(s, n1)
	case w1 == 1 || w1 == 2:
		return scanYearLast(s, n1, w1)
	}
	return d, notDate
}

// scanYearFirst reads the forms 2012-01-31, 2012/01/31, 2012.01.31,
// 2012. 1. 31., 2012-01 and 2012.1, with an optional time.
func scanYearFirst(s string, year int) (d dateText, st scanStatus) {
	d.year = year
	i := 4
	if i >= len(s) || !isDateSep(s[i]) {
		return d, notDate
	}
	d.sep = s[i]
	i++
	i, d.spaced = skipSpaces(s, i, d.sep)
	m, w := digits(s, i, 2)
	if w == 0 {
		return d, notDate
	}
	d.a, d.padded = m, w == 2
	i += w
	if i == len(s) || (d.sep == '.' && s[i:] == ".") {
		d.order, d.final = orderYM, i < len(s)
		return d, checkYMD(d.year, d.a, 1)
	}
	if s[i] != d.sep {
		return d, notDate
	}
	i++
	i, _ = skipSpaces(s, i, d.sep)
	day, w := digits(s, i, 2)
	if w == 0 {
		return d, notDate
	}
	d.b, d.order = day, orderYMD
	i += w
	if d.sep == '.' && i < len(s) && s[i] == '.' {
		d.final = true
		i++
	}
	if !scanClock(s[i:], &d) {
		return d, notDate
	}
	return d, checkYMD(d.year, d.a, d.b)
}

// scanYearLast reads the forms 31/01/2012, 01/31/2012, 31-01-2012 and
// 31.01.2012, with an optional time.
func scanYearLast(s string, a, w int) (d dateText, st scanStatus) {
	d.a, d.padded = a, w == 2
	i := w
	if i >= len(s) || !isDateSep(s[i]) {
		return d, notDate
	}
	d.sep = s[i]
	i++
	b, w := digits(s, i, 2)
	if w == 0 || i+w >= len(s) || s[i+w] != d.sep {
		return d, notDate
	}
	d.b = b
	i += w + 1
	year, w := digits(s, i, 4)
	if w != 4 {
		return d, notDate
	}
	d.year, d.order = year, orderAB
	if !scanClock(s[i+4:], &d) {
		return d, notDate
	}
	if d.a < 1 || d.b < 1 || d.a > 31 || d.b > 31 || (d.a > 12 && d.b > 12) || d.year < 1 {
		return d, badDate
	}
	return d, goodDate
}

// scanClock reads the rest of a date: nothing, or 'T' or spaces and a
// time "15:04", "15:04:05" or "15:04:05.000", optionally followed by "Z"
// or an offset "+09:00", "+0900" or "+09".
func scanClock(s string, d *dateText) bool {
	if s == "" {
		return true
	}
	i := 0
	switch s[0] {
	case 'T':
		i = 1
	case ' ':
		for i < len(s) && s[i] == ' ' {
			i++
		}
	default:
		return false
	}
	d.clock, d.tsep = true, s[0]
	h, w := digits(s, i, 2)
	if w == 0 || i+w >= len(s) || s[i+w] != ':' {
		return false
	}
	i += w + 1
	m, w := digits(s, i, 2)
	if w != 2 {
		return false
	}
	i += 2
	sec := 0
	if i < len(s) && s[i] == ':' {
		if sec, w = digits(s, i+1, 2); w != 2 {
			return false
		}
		d.seconds = true
		i += 3
		if i < len(s) && s[i] == '.' {
			f, w := digits(s, i+1, 9)
			if w == 0 {
				return false
			}
			for k := w; k < 9; k++ {
				f *= 10
			}
			d.frac, d.nanos = w, f
			i += 1 + w
		}
	}
	if h > 23 || m > 59 || sec > 59 {
		return false
	}
	d.daySecond = h*3600 + m*60 + sec
	if i < len(s) && s[i] == ' ' {
		d.zoneSpace = true
		i++
	}
	return scanZone(s[i:], d)
}

// scanZone reads an optional "Z" or offset at the end of a time.
func scanZone(s string, d *dateText) bool {
	switch {
	case s == "":
		return !d.zoneSpace
	case s == "Z" || s == "z":
		d.zone = zoneZ
		return true
	case s[0] != '+' && s[0] != '-':
		return false
	}
	h, w := digits(s, 1, 2)
	if w != 2 {
		return false
	}
	m := 0
	switch rest := s[3:]; {
	case rest == "":
		d.zone = zoneHour
	case len(rest) == 3 && rest[0] == ':':
		if m, w = digits(rest, 1, 2); w != 2 {
			return false
		}
		d.zone = zoneColon
	case len(rest) == 2:
		if m, w = digits(rest, 0, 2); w != 2 {
			return false
		}
		d.zone = zoneNoColon
	default:
		return false
	}
	if h > 23 || m > 59 {
		return false
	}
	d.offset = h*3600 + m*60
	if s[0] == '-' {
		d.offset = -d.offset
	}
	return true
}

// digits reads up to max decimal digits of s from i and returns their
// value and number.
func digits(s string, i, max int) (v, n int) {
	for n < max && i+n < len(s) {
		c := s[i+n]
		if c < '0' || c > '9' {
			break
		}
		v = v*10 + int(c-'0')
		n++
	}
	return v, n
}

func isDateSep(c byte) bool { return c == '-' || c == '/' || c == '.' }

// skipSpaces skips the spaces at s[i:] that may follow a '.' separator
// and reports whether there were any.
func skipSpaces(s string, i int, sep byte) (int, bool) {
	j := i
	for sep == '.' && j < len(s) && s[j] == ' ' {
		j++
	}
	return j, j > i
}

// checkYMD reports whether year, month and day name a day of the
// calendar, years 1 to 9999.
func checkYMD(year, month, day int) scanStatus {
	if year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) {
		return badDate
	}
	return goodDate
}

// daysIn returns the number of days of a month.
func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysSinceEpoch returns the number of days from 1970-01-01 to the given
// day of the proleptic Gregorian calendar, counting years from March so
// that the leap day comes last.
func daysSinceEpoch(year, month, day int) int64 {
	y := int64(year)
	if month <= 2 {
		y--
	}
	era := y / 400
	if y < 0 {
		era = (y - 399) / 400
	}
	yearOfEra := y - era*400
	m := int64(month+9) % 12 // March is 0
	dayOfYear := (153*m+2)/5 + int64(day) - 1
	dayOfEra := yearOfEra*365 + yearOfEra/4 - yearOfEra/100 + dayOfYear
	return era*146097 + dayOfEra - 719468
}
