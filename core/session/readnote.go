package session

import (
	"tempfit/core/data"
	"tempfit/core/fit"
)

// ReadNote is what to tell about rows just read: the rows skipped because
// their x or y was missing, and the encoding of a text file when it was
// not UTF-8.
type ReadNote struct {
	Missing  int    // rows skipped for a missing x or y
	Lines    []int  // the lines (or workbook rows) of the first few of them
	Encoding string // the text's encoding when it was not UTF-8, else ""
}

// readNoteOf returns the note of rows read.
func readNoteOf(res *data.ReadResult) ReadNote {
	n := ReadNote{Missing: res.Missing, Lines: res.MissingLines}
	if res.Encoding != "" && res.Encoding != data.UTF8 {
		n.Encoding = res.Encoding
	}
	return n
}

// ReadNote returns what to tell about the rows read last into the
// document, from a file or the clipboard.
func (s *Session) ReadNote() ReadNote { return s.note }

// periodForAxis makes the seasonal period suit the table's x: one year of
// days on a date axis, twelve months on any other, when the period is the
// other's default. It reports Settings when it changed it.
func (s *Session) periodForAxis() Change {
	m := &s.cfg.Model
	switch isTime := s.sheet.XAxis().IsTime(); {
	case isTime && m.Period == fit.DefaultPeriod:
		m.Period = fit.DaysPerYear
	case !isTime && m.Period == fit.DaysPerYear:
		m.Period = fit.DefaultPeriod
	default:
		return 0
	}
	return Settings
}
