package data

import (
	"fmt"
	"strconv"
	"strings"
)

// selection is the outcome of choosing columns.
type selection struct {
	x, y   int // 0-based field indexes
	names  []string
	header bool
	mixed  bool // the first row, read as data, has text beside a value
}

// chooseColumns resolves the column choices against the first record and
// decides whether that record is a header.
func (r *reader) chooseColumns(first []string, xSpec, ySpec string) (selection, error) {
	n := len(first)
	sel := selection{x: -1, y: -1}
	specs := []struct {
		s string
		i *int
	}{{strings.TrimSpace(xSpec), &sel.x}, {strings.TrimSpace(ySpec), &sel.y}}

	byName := false
	for _, c := range specs {
		if c.s == "" {
			continue
		}
		k, err := strconv.Atoi(c.s)
		if err != nil {
			byName = true
			continue
		}
		if k < 1 || k > n {
			return sel, r.errAt(0, 0, fmt.Errorf("there is no column %d: the file has %d columns", k, n))
		}
		*c.i = k - 1
	}

	if byName {
		sel.header = true
		if !anyHeaderCell(first) {
			for _, c := range specs {
				if _, err := strconv.Atoi(c.s); c.s != "" && err != nil {
					return sel, r.errAt(0, 0, fmt.Errorf("there is no column named %s: the file has no header row", quote(c.s)))
				}
			}
		}
	} else {
		sel.fillDefaults()
		sel.header, sel.mixed = headerRow(first[sel.x], first[sel.y])
	}

	sel.names = make([]string, n)
	if sel.header {
		seen := make(map[string]int, n)
		for i, s := range first {
			name := strings.TrimSpace(s)
			if name == "" {
				name = fmt.Sprintf("column %d", i+1)
			}
			if j, dup := seen[name]; dup {
				return sel, r.errAt(r.rows.line(i), i+1, fmt.Errorf("column name %s is used by both column %d and column %d", quote(name), j+1, i+1))
			}
			seen[name] = i
			sel.names[i] = name
		}
	} else {
		for i := range sel.names {
			sel.names[i] = fmt.Sprintf("column %d", i+1)
		}
	}

	if byName {
		for _, c := range specs {
			if _, err := strconv.Atoi(c.s); c.s == "" || err == nil {
				continue
			}
			i := indexOf(sel.names, c.s)
			if i < 0 {
				return sel, r.errAt(r.rows.line(0), 0, fmt.Errorf("there is no column named %s; the columns are %s", quote(c.s), quoteList(sel.names)))
			}
			*c.i = i
		}
		sel.fillDefaults()
	}
	if sel.x == sel.y {
		return sel, r.errAt(0, 0, fmt.Errorf("x and y are both column %d (%s)", sel.x+1, quote(sel.names[sel.x])))
	}
	return sel, nil
}

// fillDefaults sets unset columns to the first column not chosen for the
// other coordinate.
func (s *selection) fillDefaults() {
	if s.x < 0 {
		s.x = firstOther(s.y)
	}
	if s.y < 0 {
		s.y = firstOther(s.x)
	}
}

func firstOther(i int) int {
	if i == 0 {
		return 1
	}
	return 0
}

func indexOf(names []string, name string) int {
	for i, n := range names {
		if n == name {
			return i
		}
	}
	return -1
}

// cellKind is what a cell of the first row holds, for telling a header.
type cellKind int

const (
	blankCell cellKind = iota // empty or a missing value
	valueCell                 // a number (with either decimal mark, or not finite) or a date
	textCell                  // anything else, such as a name
)

// kindOf tells what the cell s holds.
func kindOf(s string) cellKind {
	s = strings.TrimSpace(s)
	switch {
	case missing(s):
		return blankCell
	case numeric(s):
		return valueCell
	}
	if _, st := scanDate(s); st != notDate {
		return valueCell
	}
	return textCell
}

// headerRow tells from the chosen cells of the first row whether it is
// a header: when each holds text or nothing, and one at least holds text.
// mixed is true when one holds text and the other a value: the row is
// data with a bad cell, perhaps a mistyped number.
func headerRow(x, y string) (header, mixed bool) {
	kx, ky := kindOf(x), kindOf(y)
	text := kx == textCell || ky == textCell
	value := kx == valueCell || ky == valueCell
	return text && !value, text && value
}

func anyHeaderCell(rec []string) bool {
	for _, s := range rec {
		if kindOf(s) == textCell {
			return true
		}
	}
	return false
}
