package data

import "strings"

// numFmtKind tells what a cell with the Excel number format id shows: a
// Date, a DateTime, a YearMonth or, for any other format, including those
// that show only a time of day, a Number. custom is the format code of a
// custom format, or nil for a built-in one.
func numFmtKind(id int, custom *string) XKind {
	if custom != nil {
		return codeKind(*custom)
	}
	// 14 to 17 and 22 are the same in every locale; 27 to 36 and 50 to
	// 58 show dates in the Chinese, Japanese and Korean locales, except
	// for the times of 32 and 33.
	switch {
	case id == 17:
		return YearMonth
	case id == 22:
		return DateTime
	case id >= 14 && id <= 16, id >= 27 && id <= 36 && id != 32 && id != 33, id >= 50 && id <= 58:
		return Date
	}
	return Number
}

// codeKind tells what a custom number format code shows. Text in quotes,
// characters escaped with a backslash or written after an underscore or
// asterisk, and bracketed parts such as colours and locales are not
// looked at. A code with y or d, or with m but no h or s (where m means
// minutes), shows a date; with h or s as well, a date and time; with y
// and m but no d, a year and month.
func codeKind(code string) XKind {
	var b strings.Builder
	section, _, _ := strings.Cut(code, ";")
	for i := 0; i < len(section); i++ {
		switch c := section[i]; c {
		case '"':
			if j := strings.IndexByte(section[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				i = len(section)
			}
		case '\\', '_', '*':
			i++
		case '[':
			if j := strings.IndexByte(section[i:], ']'); j >= 0 {
				i += j
			}
		default:
			b.WriteByte(c)
		}
	}
	s := strings.ReplaceAll(strings.ToLower(b.String()), "general", "")
	year, month, day := strings.Contains(s, "y"), strings.Contains(s, "m"), strings.Contains(s, "d")
	clock := strings.Contains(s, "h") || strings.Contains(s, "s")
	switch {
	case !year && !day && (!month || clock):
		return Number
	case clock:
		return DateTime
	case year && month && !day:
		return YearMonth
	}
	return Date
}
