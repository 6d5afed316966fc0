package data

import (
	"errors"
	"strconv"
)

type numberKind int

const (
	isNumber numberKind = iota
	notFinite
	notNumber
)

// classify reports whether s, already trimmed, is a finite number in plain
// decimal notation (digits with an optional sign, decimal point and
// exponent), a non-finite one (NaN, Inf, overflow), or no number. It reads
// typed cells and grids, where no separator of thousands is allowed.
func classify(s string) (float64, numberKind) {
	sh := shapeOf(s)
	switch {
	case sh.special:
		return special(s)
	case !sh.ok || sh.commas > 0 || sh.points > 1:
		return 0, notNumber
	}
	v, err := strconv.ParseFloat(s, 64)
	switch {
	case errors.Is(err, strconv.ErrRange):
		return v, notFinite
	case err != nil:
		return 0, notNumber
	}
	return v, isNumber
}

// special classifies text that is not digits with separators, such as
// "NaN" and "Inf": strconv.ParseFloat reads those, and hexadecimal and
// underscores too, which are not numbers here.
func special(s string) (float64, numberKind) {
	v, err := strconv.ParseFloat(s, 64)
	if (err == nil || errors.Is(err, strconv.ErrRange)) && !isFinite(v) {
		return v, notFinite
	}
	return 0, notNumber
}

// parseNumber reads s, already trimmed, as a finite number in plain
// decimal notation.
func parseNumber(s string) (float64, error) {
	if s == "" {
		return 0, &CellError{Err: ErrEmptyCell}
	}
	v, kind := classify(s)
	switch kind {
	case notFinite:
		return 0, &CellError{Text: s, Err: ErrNotFinite}
	case notNumber:
		return 0, &CellError{Text: s, Err: ErrNotNumber, CommaHint: commaOnly(s)}
	}
	return v, nil
}

// shape is the layout of a number's text: an optional sign, a mantissa of
// digits, points and commas, and an optional exponent.
type shape struct {
	ok      bool // the text has that layout, with at least one digit
	special bool // the text has letters other than an exponent's, such as "NaN"
	points  int  // points in the mantissa
	commas  int  // commas in the mantissa
	exp     bool // the text has an exponent
}

// shapeOf scans s.
func shapeOf(s string) shape {
	var sh shape
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
scan:
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			sh.points++
		case c == ',':
			sh.commas++
		default:
			break scan
		}
	}
	if i < len(s) && s[i]|0x20 == 'e' && digits > 0 {
		sh.exp = true
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == start {
			return shape{}
		}
	}
	if i < len(s) {
		c := s[i] | 0x20
		return shape{special: c >= 'a' && c <= 'z'}
	}
	sh.ok = digits > 0
	return sh
}

// plain reports whether a number of shape sh reads the same whatever its
// decimal mark: it has no separator.
func (sh shape) plain() bool { return sh.points == 0 && sh.commas == 0 }

// readAs reads s, of shape sh, as a number whose decimal mark is dec and
// whose thousands are set off by group ('.' and ',' or the other way
// round). Groups must be of three digits, after a first of one to three
// that does not start with 0, and a number with groups has no exponent.
// ok is false when s is not written that way; infinite is true when it is
// but overflows a float64.
func readAs(s string, sh shape, dec, group byte) (v float64, ok, infinite bool) {
	decs, groups := sh.points, sh.commas
	if dec == ',' {
		decs, groups = sh.commas, sh.points
	}
	if !sh.ok || decs > 1 || (groups > 0 && sh.exp) {
		return 0, false, false
	}
	text := s
	if sh.points+sh.commas > 0 && (dec != '.' || groups > 0) {
		var buf [64]byte
		b, good := ungroup(buf[:0], s, dec, group)
		if !good {
			return 0, false, false
		}
		text = string(b)
	}
	v, err := strconv.ParseFloat(text, 64)
	switch {
	case errors.Is(err, strconv.ErrRange):
		return v, true, true
	case err != nil:
		return 0, false, false
	}
	return v, true, false
}

// ungroup appends s to b with the group separators left out and the
// decimal mark dec written as a point, and reports whether the groups are
// well formed.
func ungroup(b []byte, s string, dec, group byte) ([]byte, bool) {
	grouped, fraction := false, false
	run := 0          // digits since the start or the last separator
	lead := byte('1') // the first digit of the number
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			if run == 0 && !grouped && !fraction {
				lead = c
			}
			run++
			b = append(b, c)
		case c == group:
			switch {
			case fraction:
				return nil, false
			case grouped && run != 3:
				return nil, false
			case !grouped && (run < 1 || run > 3 || lead == '0'):
				return nil, false
			}
			grouped, run = true, 0
		case c == dec:
			if grouped && run != 3 {
				return nil, false
			}
			fraction, run = true, 0
			b = append(b, '.')
		default: // a sign, or the exponent of a number without groups
			if c == 'e' || c == 'E' {
				return append(b, s[i:]...), true
			}
			b = append(b, c)
		}
	}
	if grouped && !fraction && run != 3 {
		return nil, false
	}
	return b, true
}

// commaOnly reports whether s reads as a number only with a decimal
// comma, as "2,5" and "1.234,5" do.
func commaOnly(s string) bool {
	sh := shapeOf(s)
	if sh.commas == 0 {
		return false
	}
	_, pointOK, _ := readAs(s, sh, '.', ',')
	_, commaOK, _ := readAs(s, sh, ',', '.')
	return commaOK && !pointOK
}

// numeric reports whether s, trimmed, is a number with either decimal
// mark, or a non-finite one such as NaN: text that is a value, not a
// name.
func numeric(s string) bool {
	sh := shapeOf(s)
	if sh.special {
		_, kind := special(s)
		return kind == notFinite
	}
	if !sh.ok {
		return false
	}
	_, pointOK, _ := readAs(s, sh, '.', ',')
	_, commaOK, _ := readAs(s, sh, ',', '.')
	return pointOK || commaOK
}
