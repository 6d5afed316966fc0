package data

import (
	"strconv"
	"strings"
	"time"
)

// monthName reads s, already trimmed, as the name of a month: an English
// abbreviation ("Jan") or full name ("January") in any case, or a number
// 1 to 12 followed by the Korean 월 or the Japanese 月 ("3월", "3月"). It
// returns the month, whether the English name was written in full, and the
// Korean or Japanese suffix.
func monthName(s string) (month int, long bool, suffix string, ok bool) {
	if len(s) < 3 {
		return 0, false, "", false
	}
	if c := s[0]; c >= '0' && c <= '9' {
		for _, suf := range []string{"월", "月"} {
			if num, found := strings.CutSuffix(s, suf); found {
				m, err := strconv.Atoi(num)
				if err != nil || m < 1 || m > 12 || num[0] == '0' || num[0] == '+' {
					return 0, false, "", false
				}
				return m, false, suf, true
			}
		}
		return 0, false, "", false
	}
	for m := time.January; m <= time.December; m++ {
		full := m.String()
		switch {
		case strings.EqualFold(s, full):
			return int(m), len(full) > 3, "", true
		case len(s) == 3 && strings.EqualFold(s, full[:3]):
			return int(m), false, "", true
		}
	}
	return 0, false, "", false
}

// monthLayout returns the Go layout that writes month names as the cell
// d was written.
func monthLayout(d dateText) string {
	switch {
	case d.suffix != "":
		return "1" + d.suffix
	case d.long:
		return "January"
	}
	return "Jan"
}
