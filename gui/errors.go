package gui

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/session"
)

// errorText returns the message of err for the user. A cell that cannot
// be read is described in the user's language, after the place it is in
// (file:line:column, or file: Sheet!B7 in a workbook, as every file error
// starts); so are the other errors Tempfit itself reports. Other errors
// keep their own text.
func errorText(err error) string {
	var (
		cont *session.ContinueError
		out  *session.OutputError
		book *data.WorkbookFormatError
		pe   *data.ParseError
		ce   *data.CellError
	)
	switch {
	case errors.Is(err, session.ErrNoFit):
		return lang.L("There is no fitted curve to export yet: the table needs rows with both x and y.")
	case errors.As(err, &cont):
		return cont.File + ": " + lang.L("training cannot continue from this file") + ": " + cont.Err.Error()
	case errors.As(err, &out) && errors.Is(out.Err, session.ErrOutputIsInput):
		return lang.L("{{.File}} is the file the data was read from; writing to it would replace the data: choose another name.",
			map[string]any{"File": out.Path})
	case errors.As(err, &book):
		return workbookText(book)
	case errors.As(err, &pe) && errors.Is(pe.Err, data.ErrBinary):
		return pe.File + ": " + lang.L("not a text file: it holds zero bytes, as binary files such as images and archives do")
	case !errors.As(err, &pe) || !errors.As(pe.Err, &ce):
		return err.Error()
	}
	where := place(pe)
	why := cellReason(ce)
	if ce.FirstRow {
		why += lang.L("; the first row is read as data, not as a header, because its other chosen cell holds a value: choose the columns by name to read it as a header")
	}
	if ce.Length > 0 {
		why += lang.L(" (the cell has {{.Count}} characters)", map[string]any{"Count": ce.Length})
	}
	if where == "" {
		return why
	}
	return where + ": " + why
}

// place returns where in its file a parse error is: "file:line:column",
// or "file: Sheet1!B7" in a workbook.
func place(pe *data.ParseError) string {
	if pe.Sheet != "" {
		cp := *pe
		cp.Err = errors.New("")
		return strings.TrimSuffix(cp.Error(), ": ")
	}
	where := pe.File
	for _, n := range []int{pe.Line, pe.Column} {
		if n > 0 {
			where += ":" + strconv.Itoa(n)
		}
	}
	return where
}

// cellReason says why a cell cannot be read, in the user's language.
func cellReason(ce *data.CellError) string {
	text := map[string]any{"Text": ce.Text, "Want": ce.Want}
	switch {
	case errors.Is(ce, data.ErrEmptyCell):
		return lang.L("the cell is empty")
	case errors.Is(ce, data.ErrNotFinite):
		return lang.L("“{{.Text}}” is not a finite number", text)
	case errors.Is(ce, data.ErrInvalidDate):
		return lang.L("“{{.Text}}” is not a valid date", text)
	case errors.Is(ce, data.ErrMixedZones):
		return lang.L("“{{.Text}}”: the column mixes times with and without a time zone", text)
	case errors.Is(ce, data.ErrAmbiguousDate):
		return lang.L("“{{.Text}}” could be day/month or month/day, and no date in the column has a day above 12 to tell: write dates in ISO 8601 form, {{.Readings}}",
			map[string]any{"Text": ce.Text, "Readings": strings.Join(ce.Readings, lang.L(" or "))})
	case errors.Is(ce, data.ErrDateOrder):
		order := map[string]any{"Text": ce.Text, "Other": ce.Other, "Line": ce.OtherLine}
		if ce.MonthFirst {
			return lang.L("“{{.Text}}” has the month first, but “{{.Other}}” on line {{.Line}} has the day first", order)
		}
		return lang.L("“{{.Text}}” has the day first, but “{{.Other}}” on line {{.Line}} has the month first", order)
	case errors.Is(ce, data.ErrAmbiguousNumber):
		return lang.L("“{{.Text}}” could be {{.Readings}}, and no other number tells whether the decimal mark is a point or a comma",
			map[string]any{"Text": ce.Text, "Readings": strings.Join(ce.Readings, lang.L(" or "))})
	case errors.Is(ce, data.ErrMixedDecimals):
		order := map[string]any{"Text": ce.Text, "Other": ce.Other, "Line": ce.OtherLine}
		if ce.DecimalComma {
			return lang.L("“{{.Text}}” reads only with a decimal comma, but “{{.Other}}” on line {{.Line}} has a decimal point", order)
		}
		return lang.L("“{{.Text}}” reads only with a decimal point, but “{{.Other}}” on line {{.Line}} has a decimal comma", order)
	case errors.Is(ce, data.ErrNotDate):
		switch ce.Kind {
		case data.Date:
			return lang.L("“{{.Text}}” is not a date like {{.Want}}", text)
		case data.DateTime:
			return lang.L("“{{.Text}}” is not a date and time like {{.Want}}", text)
		case data.YearMonth:
			return lang.L("“{{.Text}}” is not a year and month like {{.Want}}", text)
		case data.MonthName:
			return lang.L("“{{.Text}}” is not a month name like {{.Want}}", text)
		}
		return lang.L("“{{.Text}}” is not a number", text)
	case ce.CommaHint:
		return lang.L("“{{.Text}}” is not a number (a decimal comma is only read in semicolon-separated files)", text)
	case ce.GroupHint:
		return lang.L("“{{.Text}}” is not a number (separators of thousands must set off groups of three digits, and a number has one decimal mark)", text)
	}
	return lang.L("“{{.Text}}” is not a number", text)
}

// workbookText says that a file is a workbook Tempfit cannot read and how
// to convert it, in the user's language.
func workbookText(e *data.WorkbookFormatError) string {
	file := map[string]any{"File": e.File}
	var msg string
	switch e.Format {
	case "xls":
		msg = lang.L("{{.File}} is an old Excel workbook (.xls), which Tempfit cannot read: open it in Excel or LibreOffice and save it as .xlsx or CSV", file)
	case "ods":
		msg = lang.L("{{.File}} is an OpenDocument spreadsheet (.ods), which Tempfit cannot read: open it in LibreOffice and save it as .xlsx or CSV", file)
	default:
		msg = lang.L("{{.File}} is an Apple Numbers document, which Tempfit cannot read: in Numbers, export it as Excel (.xlsx) or CSV", file)
	}
	if e.ByContent {
		msg += lang.L(" (whatever its name says)")
	}
	return msg
}

// modelErrorText returns why a model was refused, in the user's language.
func modelErrorText(err error) string {
	var few *session.TooFewPointsError
	if !errors.As(err, &few) {
		return err.Error()
	}
	if few.Model.Kind == fit.Seasonal {
		return lang.L("{{.Harmonics}} harmonics need {{.Need}} points, and the table has {{.Have}}. Choose fewer harmonics or add points.",
			map[string]any{"Harmonics": few.Model.Harmonics, "Need": few.Need, "Have": few.Have})
	}
	return lang.L("Degree {{.Degree}} needs at least {{.Need}} points, and the table has {{.Have}}. Choose a lower degree or add points.",
		map[string]any{"Degree": few.Model.Degree, "Need": few.Need, "Have": few.Have})
}
