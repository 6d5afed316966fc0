package gui

import (
	"errors"
	"strconv"

	"fyne.io/fyne/v2/lang"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/session"
)

// errorText returns the message of err for the user. A cell that is not a
// number is described in the user's language, after the place it is in
// (file:line:column, as every file error starts); other errors keep their
// own text.
func errorText(err error) string {
	var cont *session.ContinueError
	switch {
	case errors.Is(err, session.ErrNoFit):
		return lang.L("There is no fitted curve to export yet: the table needs rows with both x and y.")
	case errors.As(err, &cont):
		return cont.File + ": " + lang.L("training cannot continue from this file") + ": " + cont.Err.Error()
	}
	var pe *data.ParseError
	var ce *data.CellError
	if !errors.As(err, &pe) || !errors.As(pe.Err, &ce) {
		return err.Error()
	}
	where := pe.File
	for _, n := range []int{pe.Line, pe.Column} {
		if n > 0 {
			where += ":" + strconv.Itoa(n)
		}
	}
	text := map[string]any{"Text": ce.Text}
	var why string
	switch {
	case errors.Is(ce, data.ErrEmptyCell):
		why = lang.L("the cell is empty")
	case errors.Is(ce, data.ErrNotFinite):
		why = lang.L("“{{.Text}}” is not a finite number", text)
	case ce.CommaHint:
		why = lang.L("“{{.Text}}” is not a number (a decimal comma is only read in semicolon-separated files)", text)
	default:
		why = lang.L("“{{.Text}}” is not a number", text)
	}
	if where == "" {
		return why
	}
	return where + ": " + why
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
