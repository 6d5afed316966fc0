package gui

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/optim"
	"tempfit/core/project"
	"tempfit/core/sheet"
	"tempfit/core/train"
)

// settingsKey is what of the settings a project saves, in a form that
// compares with ==.
type settingsKey struct {
	model    fit.Model
	method   optim.Kind
	rate     float64
	steps    int
	animated bool
	extendTo uint64 // the bits of the x the curve is drawn to
}

// savedState is what the window last saved or opened, to tell whether
// there are unsaved changes.
type savedState struct {
	settings settingsKey
	step     int
}

// settingsKey returns the current settings.
func (w *MainWindow) settingsKey() settingsKey {
	return settingsKey{
		model:    w.cfg.Model,
		method:   w.cfg.Method,
		rate:     w.cfg.LearningRate,
		steps:    w.cfg.Steps,
		animated: w.cfg.Pace > 0,
		extendTo: math.Float64bits(w.charts.extendTo),
	}
}

// step returns the number of steps the current run has taken.
func (w *MainWindow) step() int {
	if w.trainer == nil {
		return 0
	}
	return w.trainer.Snapshot().Step
}

// unsaved reports whether there are changes that were not saved: edits
// to the table or the settings, work restored from an autosave, or, in a
// project, training since it was saved.
func (w *MainWindow) unsaved() bool {
	switch {
	case w.sheet.Dirty(), w.restored:
		return true
	case w.settingsKey() != w.saved.settings:
		return true
	}
	return w.projectPath != "" && w.step() != w.saved.step
}

// markSaved records the current state as saved.
func (w *MainWindow) markSaved() { w.markSavedAt(w.step()) }

// markSavedAt records the current state as saved, with the run at step.
func (w *MainWindow) markSavedAt(step int) {
	w.sheet.MarkSaved()
	w.saved = savedState{settings: w.settingsKey(), step: step}
	w.restored = false
	w.updateTitle()
}

// project returns the session as a project: the table's complete rows,
// the settings and the trainer's progress.
func (w *MainWindow) project() *project.Project {
	xName, yName := w.sheet.Names()
	p := &project.Project{
		Data:         data.Dataset{XName: xName, YName: yName},
		Source:       w.source,
		Model:        w.cfg.Model,
		Optimizer:    w.cfg.Method,
		LearningRate: w.cfg.LearningRate,
		Steps:        w.cfg.Steps,
		Speed:        project.SpeedMax,
		XMax:         finiteOr(w.charts.extendTo, 0),
	}
	if w.cfg.Pace > 0 {
		p.Speed = project.SpeedAnimated
	}
	if w.data != nil {
		p.Data.X = slices.Clone(w.data.X)
		p.Data.Y = slices.Clone(w.data.Y)
	}
	if w.trainer != nil && !w.building {
		c := w.trainer.Checkpoint()
		p.Weights, p.Step, p.History, p.OptimizerState = c.Weights, c.Step, c.History, c.OptimizerState
	}
	return p
}

// onSave saves the project, asking where if it has no file yet.
func (w *MainWindow) onSave() { w.save(nil) }

// onSaveAs saves the project to a file chosen.
func (w *MainWindow) onSaveAs() { w.saveAs(nil) }

// save saves the project to its file, or asks for one, then runs then if
// it was saved.
func (w *MainWindow) save(then func()) {
	if w.projectPath == "" {
		w.saveAs(then)
		return
	}
	w.saveTo(w.projectPath, then)
}

// saveAs asks for a project file, saves to it and runs then if it was
// saved.
func (w *MainWindow) saveAs(then func()) {
	w.chooseSave(folderProject, w.baseName()+project.Extension, []string{project.Extension}, func(path string) {
		w.saveTo(path, then)
	})
}

// saveTo saves the project to path and runs then, or says why it could
// not.
func (w *MainWindow) saveTo(path string, then func()) {
	if err := w.SaveProject(path); err != nil {
		w.showWriteError(err)
		return
	}
	if then != nil {
		then()
	}
}

// SaveProject writes the session to the project file at path, replacing
// it whole or not at all, and makes it the window's file.
func (w *MainWindow) SaveProject(path string) error {
	w.table.commit(0, 0)
	p := w.project()
	if err := project.Save(path, p); err != nil {
		return err
	}
	w.projectPath = absPath(path)
	w.file = filepath.Base(path)
	w.markSavedAt(p.Step)
	w.prefs.addRecent(path)
	w.menu.refreshRecent()
	w.removeAutosave()
	return nil
}

// loaded is a project read and checked, ready to be shown.
type loaded struct {
	p        *project.Project
	cfg      train.Config
	data     *data.Dataset // nil for a project without points
	trainer  *train.Trainer
	trainErr error // why the model cannot be fitted to the data
}

// prepare makes the trainer of a project and continues it from the
// project's checkpoint. name identifies the file in errors.
func prepare(p *project.Project, name string) (*loaded, error) {
	l := &loaded{p: p, cfg: projectConfig(p)}
	if len(p.Data.X) == 0 {
		return l, nil
	}
	d, err := data.New(p.Data.XName, p.Data.YName, p.Data.X, p.Data.Y)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	l.data = d
	l.trainer, l.trainErr = train.New(d, l.cfg)
	if l.trainErr != nil || len(p.Weights) == 0 {
		return l, nil
	}
	if err := l.trainer.Restore(p.Checkpoint()); err != nil {
		l.trainer.Stop()
		return nil, fmt.Errorf("%s: %s: %w", name, lang.L("training cannot continue from this file"), err)
	}
	return l, nil
}

// projectConfig returns the training settings of a project.
func projectConfig(p *project.Project) train.Config {
	cfg := train.Config{Model: p.Model, Method: p.Optimizer, LearningRate: p.LearningRate, Steps: p.Steps}
	if cfg.LearningRate == 0 {
		cfg.LearningRate = optim.DefaultLearningRate(cfg.Method)
	}
	if cfg.Steps == 0 {
		cfg.Steps = train.DefaultSteps
	}
	cfg.Pace = pace(cfg.Steps, p.Speed == project.SpeedAnimated)
	return cfg
}

// readProject reads the project file at path and prepares it for the
// window.
func readProject(path string) (*project.Project, *loaded, error) {
	p, err := project.Load(path)
	if err != nil {
		return nil, nil, err
	}
	l, err := prepare(p, path)
	return p, l, err
}

// OpenProject opens the project file at path, continuing its training
// where it stopped. A file that cannot be read whole is refused with a
// dialog and the window stays as it was.
func (w *MainWindow) OpenProject(path string) error {
	p, l, err := readProject(path)
	if err != nil {
		w.ShowError(err)
		return err
	}
	w.showLoaded(l)
	w.projectPath = absPath(path)
	w.file = filepath.Base(path)
	w.markSavedAt(p.Step)
	w.prefs.addRecent(path)
	w.menu.refreshRecent()
	return nil
}

// showLoaded replaces the session with a loaded project.
func (w *MainWindow) showLoaded(l *loaded) {
	p := l.p
	w.table.commit(0, 0)
	if l.data != nil {
		w.sheet = sheet.FromDataset(l.data)
	} else {
		w.sheet = sheet.New(p.Data.XName, p.Data.YName)
	}
	w.source = p.Source
	w.cfg = l.cfg
	w.prefs.saveConfig(w.cfg)
	w.settings.show(w.cfg)
	w.settings.setWarning("")
	w.charts.setExtendTo(p.XMax)
	w.solved = nil
	w.buildGen++
	w.building, w.startSet = false, false
	w.table.reset()
	w.sheetChanged()
	w.trainErr = l.trainErr
	w.setTrainer(l.trainer)
	if l.trainer != nil {
		w.settings.showState(l.trainer.Snapshot().State, true)
	}
	w.updateMessage()
}

// confirmDiscard runs then at once when there are no unsaved changes;
// otherwise it asks first whether to save them, discard them or cancel.
func (w *MainWindow) confirmDiscard(then func()) {
	w.table.commit(0, 0)
	if !w.unsaved() {
		then()
		return
	}
	name := w.file
	if name == "" {
		name = lang.L("untitled")
	}
	msg := widget.NewLabel(lang.L("{{.File}} has unsaved changes. Save them as a project first?", map[string]any{"File": name}))
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	save := widget.NewButton(lang.L("Save"), func() {
		d.Hide()
		w.save(then)
	})
	save.Importance = widget.HighImportance
	discard := widget.NewButton(lang.L("Discard"), func() {
		d.Hide()
		w.removeAutosave()
		then()
	})
	cancel := widget.NewButton(lang.L("Cancel"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(lang.L("Save changes?"), msg, w.win)
	d.SetButtons([]fyne.CanvasObject{cancel, discard, save})
	d.Resize(fyne.NewSize(480, 180))
	d.Show()
}

// onCloseRequest handles closing the window or File > Quit: it asks about
// unsaved changes, then quits.
func (w *MainWindow) onCloseRequest() {
	w.confirmDiscard(func() {
		w.quitting = true
		w.Close()
		w.app.Quit()
	})
}
