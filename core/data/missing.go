package data

import "strings"

// maxMissingLines is the number of line numbers of rows skipped for a
// missing value that ReadResult keeps.
const maxMissingLines = 5

// missingMarkers are the texts, besides an empty cell, that mark a value
// as missing, compared without regard to case: R's NA, spreadsheets' #N/A,
// SQL's null, the dashes that many tables and station exports print for
// no observation, and the "///" and "×" of Japan Meteorological Agency
// tables. NaN is not among them: it is refused as not finite, since it
// more often comes from a failed computation than from a missing day.
var missingMarkers = []string{"na", "n/a", "#n/a", "null", "-", "--", "---", "///", "×"}

// IsMissing reports whether the text of a cell, after trimming spaces,
// marks a missing value: it is empty or one of NA, N/A, #N/A, null, -, --,
// ---, /// and ×, in any case.
func IsMissing(s string) bool { return missing(strings.TrimSpace(s)) }

// missing is IsMissing for trimmed text.
func missing(s string) bool {
	if s == "" {
		return true
	}
	if c := s[0]; len(s) > 4 || (c >= '0' && c <= '9') {
		return false
	}
	for _, m := range missingMarkers {
		if strings.EqualFold(s, m) {
			return true
		}
	}
	return false
}
