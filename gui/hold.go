package gui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"tempfit/core/fit"
	"tempfit/core/session"
)

// The hold-out choices.
const (
	holdNone   = "None: every point trains"
	holdLast   = "The last 20% of x"
	holdYear   = "The last year"
	holdRandom = "A random 20%"
)

// holdFraction is the fraction of points the hold-out choices hold.
const holdFraction = 0.2

// holdPanel chooses the points held out of training: the book's "unknown
// data", whose error tells how well the fit predicts.
type holdPanel struct {
	session *session.Session
	warn    func(string)
	choice  *widget.Select
	seed    *fieldEntry
	seedRow fyne.CanvasObject
	content fyne.CanvasObject
	quiet   bool
}

// newHoldPanel builds the hold-out settings for the session s; warn
// shows why a choice was refused.
func newHoldPanel(s *session.Session, warn func(string)) *holdPanel {
	h := &holdPanel{session: s, warn: warn}
	h.choice = widget.NewSelect([]string{lang.L(holdNone), lang.L(holdLast), lang.L(holdYear), lang.L(holdRandom)}, func(string) { h.apply() })
	h.seed = newFieldEntry(func(string) { h.apply() })
	h.seedRow = widget.NewForm(widget.NewFormItem(lang.L("Seed"), h.seed))
	h.content = widget.NewForm(widget.NewFormItem(lang.L("Hold out"), container.NewVBox(h.choice, h.seedRow)))
	h.show(s.HoldOut())
	return h
}

// show sets the widgets from rule without reacting to the change.
func (h *holdPanel) show(rule fit.HoldRule) {
	h.quiet = true
	defer func() { h.quiet = false }()
	switch rule.Kind {
	case fit.HoldLast:
		h.choice.SetSelected(lang.L(holdLast))
	case fit.HoldSpan:
		h.choice.SetSelected(lang.L(holdYear))
	case fit.HoldRandom:
		h.choice.SetSelected(lang.L(holdRandom))
	default:
		h.choice.SetSelected(lang.L(holdNone))
	}
	seed := rule.Seed
	if rule.Kind != fit.HoldRandom {
		seed = 1
	}
	h.seed.SetText(strconv.FormatUint(seed, 10))
	h.seed.accepted = h.seed.Text
	if rule.Kind == fit.HoldRandom {
		h.seedRow.Show()
	} else {
		h.seedRow.Hide()
	}
}

// rule returns the rule the widgets describe, or ok false for a seed that
// is not a whole number.
func (h *holdPanel) rule() (r fit.HoldRule, ok bool) {
	switch h.choice.Selected {
	case lang.L(holdLast):
		r = fit.HoldRule{Kind: fit.HoldLast, Fraction: holdFraction}
	case lang.L(holdYear):
		r = fit.HoldRule{Kind: fit.HoldSpan, Span: yearSpan(h.session)}
	case lang.L(holdRandom):
		seed, err := strconv.ParseUint(strings.TrimSpace(h.seed.Text), 10, 64)
		if err != nil {
			return r, false
		}
		r = fit.HoldRule{Kind: fit.HoldRandom, Fraction: holdFraction, Seed: seed}
	}
	return r, true
}

// yearSpan returns one year in the units of the session's x: days on a
// date axis, else the seasonal period (twelve for month numbers).
func yearSpan(s *session.Session) float64 {
	if s.Sheet().XAxis().IsTime() {
		return fit.DaysPerYear
	}
	if p := s.Config().Model.Period; p > 0 {
		return p
	}
	return fit.DefaultPeriod
}

// apply holds out the points chosen.
func (h *holdPanel) apply() {
	if h.quiet {
		return
	}
	r, ok := h.rule()
	if !ok {
		h.warn(lang.L("The seed must be a whole number, such as 1."))
		h.show(h.session.HoldOut())
		return
	}
	h.warn("")
	if err := h.session.SetHoldOut(r); err != nil {
		h.warn(err.Error())
	}
	h.show(h.session.HoldOut())
}
