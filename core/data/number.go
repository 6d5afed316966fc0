package data

import (
	"errors"
	"strconv"
	"strings"
)

type numberKind int

const (
	isNumber numberKind = iota
	notFinite
	notNumber
)

// classify reports whether s, already trimmed, is a finite number in plain
// decimal notation, a non-finite one (NaN, Inf, overflow), or no number.
func classify(s string, decimalComma bool) (float64, numberKind) {
	if decimalComma && strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		s = strings.Replace(s, ",", ".", 1)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, notNumber
	}
	if !isFinite(v) {
		return v, notFinite
	}
	// ParseFloat also accepts hexadecimal and underscores.
	if strings.ContainsFunc(s, func(r rune) bool { return !strings.ContainsRune("0123456789+-.eE", r) }) {
		return 0, notNumber
	}
	return v, isNumber
}

// parseNumber reads s, already trimmed, as a finite number.
func parseNumber(s string, decimalComma bool) (float64, error) {
	if s == "" {
		return 0, &CellError{Err: ErrEmptyCell}
	}
	v, kind := classify(s, decimalComma)
	switch kind {
	case notFinite:
		return 0, &CellError{Text: s, Err: ErrNotFinite}
	case notNumber:
		return 0, &CellError{Text: s, Err: ErrNotNumber, CommaHint: strings.Contains(s, ",") && !decimalComma}
	}
	return v, nil
}
