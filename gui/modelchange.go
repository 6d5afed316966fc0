package gui

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"tempfit/core/fit"
	"tempfit/core/optim"
)

// useModel switches to the size of candidate, a model of the current
// family (its degree, or its harmonics), keeping the other settings, as
// the settings panel does.
func (w *MainWindow) useModel(candidate fit.Model) {
	cfg := w.session.Config()
	m := cfg.Model
	if candidate.Kind == fit.Seasonal {
		m.Harmonics = candidate.Harmonics
	} else {
		m.Degree = candidate.Degree
	}
	w.changeModel(m, cfg.Method)
}

// changeModel switches to model m and optimizer k with new weights, after
// asking if a run is under way. A model with more weights than there are
// points is refused with a word why.
func (w *MainWindow) changeModel(m fit.Model, k optim.Kind) {
	s := w.session
	interpolates, err := s.CheckModel(m)
	if err != nil {
		w.settings.show(s.Config())
		w.settings.setWarning(modelErrorText(err))
		return
	}
	warning := ""
	if interpolates {
		warning = lang.L("{{.Params}} weights for {{.Have}} points: the curve passes through every point and swings wildly between them, so it predicts badly.",
			map[string]any{"Params": m.NumParams(), "Have": m.NumParams()})
	}
	apply := func() {
		if err := s.SetModel(m, k); err != nil {
			w.settings.show(s.Config())
			w.settings.setWarning(modelErrorText(err))
			return
		}
		w.settings.show(s.Config())
		w.settings.setWarning(warning)
	}
	if !s.UnderWay() {
		apply()
		return
	}
	w.confirm = dialog.NewConfirm(lang.L("Start over?"),
		lang.L("Changing the model or the optimizer starts training over from zero weights. The current run will be lost."),
		func(ok bool) {
			w.confirm = nil
			if ok {
				apply()
			} else {
				w.settings.show(s.Config())
			}
		}, w.win)
	w.confirm.SetConfirmText(lang.L("Start over"))
	w.confirm.SetDismissText(lang.L("Keep training"))
	w.confirm.Show()
}
