package gui

import (
	"errors"
	"strconv"

	"fyne.io/fyne/v2/lang"

	"tempfit/core/data"
)

// errorText returns the message of err for the user. A cell that is not a
// number is described in the user's language, after the place it is in
// (file:line:column, as every file error starts); other errors keep their
// own text.
func errorText(err error) string {
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
