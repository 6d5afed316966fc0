package gui

import "fyne.io/fyne/v2/widget"

// fieldEntry is a one-line entry that applies its text when Enter is
// pressed or when it loses the keyboard with text changed since.
type fieldEntry struct {
	widget.Entry
	apply    func(string)
	accepted string // the text last applied
}

func newFieldEntry(apply func(string)) *fieldEntry {
	e := &fieldEntry{apply: apply}
	e.ExtendBaseWidget(e)
	e.OnSubmitted = func(string) { e.submit() }
	return e
}

// FocusLost applies a changed text.
func (e *fieldEntry) FocusLost() {
	e.Entry.FocusLost()
	e.submit()
}

// submit applies the text if it changed.
func (e *fieldEntry) submit() {
	if e.Text == e.accepted {
		return
	}
	e.accepted = e.Text
	e.apply(e.Text)
}
