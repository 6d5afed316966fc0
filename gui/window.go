// Package gui is Tempfit's desktop window: the data table, the settings,
// the charts and the status bar, with training running live in the
// background. It is the only package that uses fyne; the numbers come from
// the core packages.
package gui

import (
	"fmt"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/optim"
	"tempfit/core/sheet"
	"tempfit/core/train"
	"tempfit/sampledata"
)

// AppName is the application's name, shown in the window title.
const AppName = "Tempfit"

// Options configure a MainWindow.
type Options struct {
	// Tick is the period at which the window shows training progress; 0
	// means about 30 times a second. A negative Tick runs no background
	// goroutines: making trainers, giving them edited data and drawing
	// frames wait for Sync. Headless tests use it.
	Tick time.Duration

	// Steps is the step budget the window starts with; 0 means the one
	// chosen last, at first the book's 100,000.
	Steps int

	// MaxSpeed starts the window at the maximum speed, and Animated at the
	// animated one, instead of the speed chosen last (animated at first).
	MaxSpeed bool
	Animated bool

	// Autosave is how often unsaved changes are saved to the app's
	// storage; 0 means every 5 seconds, a negative value never. Autosaves
	// run on the bridge's goroutines, so not with a negative Tick.
	Autosave time.Duration
}

// MainWindow is Tempfit's main window and the state behind it. All its
// methods must be called on the UI goroutine.
type MainWindow struct {
	app      fyne.App
	win      fyne.Window
	bridge   *bridge
	table    *dataTable
	settings *settingsPanel
	charts   *chartsPanel
	status   *statusBar

	menu  *mainMenu
	prefs prefs

	sheet       *sheet.Sheet
	file        string // the file name shown in the title
	source      string // the data file the rows came from, or ""
	projectPath string // the project file the window saves to, or ""
	saved       savedState
	restored    bool // the session is work restored from an autosave
	quitting    bool // the user chose to close, saving or discarding changes
	data        *data.Dataset
	cfg         train.Config

	autosaved    bool        // the autosave file holds this window's work
	autosaveLast autosaveKey // what was autosaved last
	offer        *dialog.ConfirmDialog

	trainer  *train.Trainer
	snap     *train.Snapshot // the snapshot shown last
	predict  func(x float64) float64
	buildGen uint64
	building bool
	startSet bool // start the trainer being made as soon as it is ready
	dataErr  error
	trainErr error
	solved   *train.Trainer        // the trainer Solve exactly last set to the optimum
	confirm  *dialog.ConfirmDialog // the open confirmation, if any
	closed   bool
}

// NewMainWindow makes the main window of a, showing the book's twelve
// monthly temperatures ready to train. Show it with Window().ShowAndRun().
func NewMainWindow(a fyne.App, opts Options) *MainWindow {
	loadTranslations()
	loadChartFont()
	installSaveRepository()
	w := &MainWindow{app: a, win: a.NewWindow(AppName), prefs: prefs{a.Preferences()}}
	w.bridge = newBridge(w, opts.Tick, opts.Autosave)
	w.cfg = train.Config{
		Model:        fit.BookModel(),
		Method:       optim.Adam,
		LearningRate: optim.DefaultLearningRate(optim.Adam),
		Steps:        train.DefaultSteps,
	}
	w.cfg.Model.Harmonics = 2
	w.cfg.Model.Period = fit.DefaultPeriod
	w.cfg = w.prefs.loadConfig(w.cfg)
	if opts.Steps > 0 {
		w.cfg.Steps = opts.Steps
	}
	animated, ok := w.prefs.savedSpeed()
	animated = (animated || !ok || opts.Animated) && !opts.MaxSpeed
	w.cfg.Pace = pace(w.cfg.Steps, animated)

	w.sheet = sheet.New("x", "y")
	if d, err := bookData(); err == nil {
		w.sheet = sheet.FromDataset(d)
		w.file = sampledata.Default().File
	}
	w.table = newDataTable(w)
	w.settings = newSettingsPanel(w, w.cfg)
	w.charts = newChartsPanel(w)
	w.status = newStatusBar(w)

	right := container.NewHSplit(w.charts.content, w.settings.content)
	right.Offset = 0.66
	main := container.NewHSplit(w.table.content, right)
	main.Offset = 0.325
	w.win.SetContent(container.NewBorder(nil, w.status.content, nil, nil, main))
	w.menu = newMainMenu(w)
	w.win.SetMainMenu(w.menu.main)
	w.win.SetIcon(Icon)
	w.win.Resize(w.prefs.windowSize(fyne.NewSize(1280, 760)))
	w.win.SetCloseIntercept(w.onCloseRequest)
	w.win.SetOnDropped(w.onDropped)
	w.win.SetOnClosed(w.shutdown)

	w.markSaved()
	w.table.updateButtons()
	w.loadData()
	w.rebuild()
	w.bridge.start()
	w.offerRestore()
	return w
}

// bookData reads the book's sample.
func bookData() (*data.Dataset, error) {
	s := sampledata.Default()
	res, err := data.ReadCSV(s.Open(), data.ReadOptions{File: s.File})
	if err != nil {
		return nil, err
	}
	return res.Data, nil
}

// Window returns the fyne window.
func (w *MainWindow) Window() fyne.Window { return w.win }

// ShowError shows err in a dialog over the window. Unlike fyne's error
// dialog it shows the message as it is, so that a file name at its start
// keeps its case.
func (w *MainWindow) ShowError(err error) {
	msg := widget.NewLabel(errorText(err))
	width := min(msg.MinSize().Width+2*theme.Padding(), 600, w.win.Canvas().Size().Width*0.9)
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.L("Error"), lang.L("OK"), msg, w.win)
	d.SetIcon(theme.ErrorIcon())
	d.Resize(fyne.NewSize(max(width, 320), 0)) // before Show, while the text is on one line
	d.Show()
}

// Start presses Start: training begins as soon as the trainer is ready.
func (w *MainWindow) Start() {
	if w.trainer == nil || w.building {
		w.startSet = w.building
		return
	}
	w.trainer.Start()
	w.settings.showState(w.trainer.Snapshot().State, true)
}

// Sync makes the trainer or passes it the data it is waiting for, then
// draws and shows one frame, at once. With Options.Tick negative it is the
// only way these happen.
func (w *MainWindow) Sync() { w.bridge.Sync() }

// Close stops training and closes the window without asking anything.
func (w *MainWindow) Close() {
	if w.closed {
		return
	}
	w.Finish()
	w.win.Close()
}

// Interrupt stops drawing and the other background work of the window at
// once. Unlike the other methods it may be called from any goroutine: main
// calls it on SIGINT or SIGTERM, on which fyne ends its event loop by
// itself, so that nothing is handed to fyne.Do after that. Finish does the
// rest once the loop has ended.
func (w *MainWindow) Interrupt() { w.bridge.stop() }

// Finish ends the window's work without closing it: it stops drawing and
// training, remembers the window size and keeps unsaved work in the
// autosave. Call it once the app's event loop has ended, whatever ended it
// (fyne quits at once on SIGINT and SIGTERM); Close calls it too. The
// bridge stops first, so no frame is shown on another goroutine after that.
func (w *MainWindow) Finish() {
	if w.closed {
		return
	}
	w.bridge.stop()
	w.table.commit(0, 0)
	w.prefs.setWindowSize(w.win.Canvas().Size())
	w.shutdown()
	w.finishAutosave()
}

// shutdown stops the bridge and the trainer, once.
func (w *MainWindow) shutdown() {
	if w.closed {
		return
	}
	w.closed = true
	w.bridge.stop()
	if w.trainer != nil {
		w.trainer.Stop()
	}
}

// updateTitle shows the app, the file and whether there are unsaved
// changes.
func (w *MainWindow) updateTitle() {
	title := AppName
	if w.file != "" {
		title += " — " + w.file
	} else {
		title += " — " + lang.L("untitled")
	}
	if w.unsaved() {
		title += " *"
	}
	if w.win.Title() != title {
		w.win.SetTitle(title)
	}
}

// sheetChanged shows the state of a new or replaced table in the title
// and the menus and builds its data set.
func (w *MainWindow) sheetChanged() {
	w.updateTitle()
	w.loadData()
	w.menu.updateEdit()
}

// settingsChanged remembers the settings for the next window and marks
// them unsaved.
func (w *MainWindow) settingsChanged() {
	w.prefs.saveConfig(w.cfg)
	w.updateTitle()
}

// loadData builds the data set from the table's complete rows.
func (w *MainWindow) loadData() {
	w.data, w.dataErr = w.sheet.Dataset()
	if w.dataErr != nil {
		w.data = nil
	}
	w.publishView()
	w.updateMessage()
}

// dataChanged passes edited rows on: to the trainer without stopping it, or
// to a new trainer when there is none.
func (w *MainWindow) dataChanged() {
	w.updateTitle()
	w.loadData()
	w.menu.updateEdit()
	if w.data == nil || w.trainer == nil || w.building {
		w.rebuild()
		return
	}
	w.bridge.submit(job{gen: w.buildGen, data: w.data, trainer: w.trainer})
}

// dataSwapped reports the end of a data swap.
func (w *MainWindow) dataSwapped(gen uint64, err error) {
	if w.closed || gen != w.buildGen {
		return
	}
	w.trainErr = err
	w.updateMessage()
}

// rebuild stops the trainer and makes a new one for the current data and
// settings, in the background.
func (w *MainWindow) rebuild() {
	if w.trainer != nil {
		w.trainer.Stop()
	}
	w.buildGen++
	if w.data == nil {
		w.building = false
		w.setTrainer(nil)
		return
	}
	w.building = true
	w.bridge.submit(job{build: true, gen: w.buildGen, cfg: w.cfg, data: w.data})
}

// trainerBuilt installs a trainer made in the background, unless a newer
// one was asked for since.
func (w *MainWindow) trainerBuilt(gen uint64, tr *train.Trainer, err error) {
	if w.closed || gen != w.buildGen {
		if tr != nil {
			tr.Stop()
		}
		return
	}
	w.building = false
	w.trainErr = err
	if err != nil {
		w.setTrainer(nil)
		w.updateMessage()
		return
	}
	// Settings changed while it was being made.
	if optim.UsesLearningRate(w.cfg.Method) && w.cfg.LearningRate > 0 {
		_ = tr.SetLearningRate(w.cfg.LearningRate)
	}
	tr.SetBudget(w.cfg.Steps)
	tr.SetPace(w.cfg.Pace)
	w.setTrainer(tr)
	if w.startSet {
		w.startSet = false
		tr.Start()
	}
	w.settings.showState(tr.Snapshot().State, true)
}

// setTrainer makes tr the trainer shown.
func (w *MainWindow) setTrainer(tr *train.Trainer) {
	old := w.trainer
	w.trainer = tr
	if old != nil && old != tr {
		old.Stop()
	}
	if tr == nil {
		w.snap, w.predict = nil, nil
		w.status.show(nil)
		w.table.refreshFitted()
		w.settings.showState(train.Idle, false)
	}
	w.publishView()
	w.updateMessage()
}

// publishView tells the bridge what to draw.
func (w *MainWindow) publishView() {
	if w.bridge == nil || w.charts == nil {
		return
	}
	xName, yName := w.sheet.Names()
	w.bridge.publish(view{
		trainer:  w.trainer,
		data:     w.data,
		chart:    w.charts.settings(xName, yName),
		fitSize:  w.charts.fit.pixels(),
		lossSize: w.charts.loss.pixels(),
	})
}

// showFrame shows a frame drawn by the bridge.
func (w *MainWindow) showFrame(f *frame) {
	if w.closed {
		return
	}
	w.charts.show(f)
	if f.view.trainer != w.trainer || f.snap == nil {
		return // drawn for a trainer that has been replaced
	}
	if f.snap != w.snap {
		if w.snap == nil || f.snap.Step != w.snap.Step {
			defer w.updateTitle()
		}
		w.snap = f.snap
		if p := f.snap.Problem; p != nil {
			basis, weights := p.Basis, f.snap.Weights
			w.predict = func(x float64) float64 { return basis.Predict(weights, x) }
		}
		w.table.refreshFitted()
	}
	w.status.show(f.snap)
	w.settings.showState(f.snap.State, true)
	w.updateMessage()
}

// predictor returns the curve of the snapshot shown, or nil.
func (w *MainWindow) predictor() func(float64) float64 { return w.predict }

// updateMessage shows the most important thing to say in the status bar.
func (w *MainWindow) updateMessage() {
	if w.status == nil {
		return
	}
	switch {
	case w.dataErr != nil:
		w.status.setMessage(lang.L("No row has both x and y: type numbers into the table to train."), widget.DangerImportance)
	case w.trainErr != nil:
		w.status.setMessage(lang.L("This model cannot be fitted to the data: {{.Error}}", map[string]any{"Error": w.trainErr.Error()}), widget.DangerImportance)
	case w.solved != nil && w.solved == w.trainer && w.snap != nil && w.snap.Stats.Gap <= 1e-9*math.Max(w.snap.Stats.OptimumSSE, 1):
		w.status.setMessage(lang.L("Exact least-squares solution: no weights give a smaller loss."), widget.SuccessImportance)
	default:
		w.status.setMessage(stateMessage(w.snap))
	}
}

// underWay reports whether a run has been started and not finished, so
// that resetting it needs the user's consent.
func (w *MainWindow) underWay() bool {
	if w.trainer == nil {
		return false
	}
	s := w.trainer.Snapshot()
	return s.State == train.Running || s.State == train.Paused || (s.State == train.Stopped && s.Step > 0)
}

// changeModel switches to model m and optimizer k with new weights, after
// asking if a run is under way. A model with more weights than there are
// points is refused.
func (w *MainWindow) changeModel(m fit.Model, k optim.Kind) {
	n := 0
	if w.data != nil {
		n = w.data.Len()
	}
	params := m.NumParams()
	if n > 0 && params > n {
		w.settings.show(w.cfg)
		if m.Kind == fit.Seasonal {
			w.settings.setWarning(lang.L("{{.Harmonics}} harmonics need {{.Need}} points, and the table has {{.Have}}. Choose fewer harmonics or add points.",
				map[string]any{"Harmonics": m.Harmonics, "Need": params, "Have": n}))
		} else {
			w.settings.setWarning(lang.L("Degree {{.Degree}} needs at least {{.Need}} points, and the table has {{.Have}}. Choose a lower degree or add points.",
				map[string]any{"Degree": m.Degree, "Need": params, "Have": n}))
		}
		return
	}
	warning := ""
	if n > 0 && params == n {
		warning = lang.L("{{.Params}} weights for {{.Have}} points: the curve passes through every point and swings wildly between them, so it predicts badly.",
			map[string]any{"Params": params, "Have": n})
	}
	apply := func() {
		if k != w.cfg.Method {
			w.cfg.LearningRate = optim.DefaultLearningRate(k)
		}
		w.cfg.Model, w.cfg.Method = m, k
		w.settings.show(w.cfg)
		w.settings.setWarning(warning)
		w.settingsChanged()
		w.rebuild()
	}
	if !w.underWay() {
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
				w.settings.show(w.cfg)
			}
		}, w.win)
	w.confirm.SetConfirmText(lang.L("Start over"))
	w.confirm.SetDismissText(lang.L("Keep training"))
	w.confirm.Show()
}

// setLearningRate applies a new learning rate, also to a running trainer.
func (w *MainWindow) setLearningRate(lr float64) {
	w.cfg.LearningRate = lr
	w.settingsChanged()
	if w.trainer != nil && optim.UsesLearningRate(w.cfg.Method) {
		if err := w.trainer.SetLearningRate(lr); err != nil {
			w.settings.setWarning(err.Error())
		}
	}
}

// setSteps applies a new step budget.
func (w *MainWindow) setSteps(n int) {
	w.cfg.Steps = n
	if w.cfg.Pace > 0 {
		w.cfg.Pace = pace(n, true)
	}
	w.settingsChanged()
	if w.trainer != nil {
		w.trainer.SetBudget(n)
		w.trainer.SetPace(w.cfg.Pace)
	}
}

// setAnimated switches between the animated and the maximum speed.
func (w *MainWindow) setAnimated(on bool) {
	w.cfg.Pace = pace(w.cfg.Steps, on)
	w.settingsChanged()
	if w.trainer != nil {
		w.trainer.SetPace(w.cfg.Pace)
	}
}

// pace returns the steps per second of a run of steps steps: all of them
// in animatedSeconds when animated, else 0 (as fast as possible).
func pace(steps int, animated bool) float64 {
	if !animated {
		return 0
	}
	return math.Max(float64(steps)/animatedSeconds, 1)
}

// onStartPause starts, pauses or resumes training.
func (w *MainWindow) onStartPause() {
	if w.trainer == nil || w.building {
		w.startSet = w.building && !w.startSet
		return
	}
	if w.trainer.Snapshot().State == train.Running {
		w.trainer.Pause()
	} else {
		w.trainer.Start()
	}
	w.settings.showState(w.trainer.Snapshot().State, true)
}

// onStep takes one step.
func (w *MainWindow) onStep() {
	if w.trainer != nil && !w.building {
		w.trainer.Step()
		w.settings.showState(w.trainer.Snapshot().State, true)
	}
}

// onReset sets the weights back to zero.
func (w *MainWindow) onReset() {
	w.startSet = false
	if w.trainer != nil && !w.building {
		w.trainer.Reset()
		w.settings.showState(w.trainer.Snapshot().State, true)
	}
}

// onSolve stops training and sets the weights to the exact least-squares
// solution, keeping the loss history.
func (w *MainWindow) onSolve() {
	if w.trainer == nil || w.building {
		return
	}
	w.trainer.Solve()
	w.solved = w.trainer
	w.settings.showState(w.trainer.Snapshot().State, true)
}

// Stats are measurements of the window's drawing.
type Stats struct {
	Frames          int64         // frames shown
	MeanDraw        time.Duration // mean time to draw the charts of a frame
	FramesPerSecond float64       // frames shown per second while training ran
	MaxDelay        time.Duration // the longest a frame waited for the UI goroutine
	StepsPerSecond  float64       // training speed of the current run: its steps over its running time
}

// String returns the measurements on one line.
func (s Stats) String() string {
	return fmt.Sprintf("frames %d, %.1f per second while training, %.1f ms to draw a frame, UI goroutine busy at most %.1f ms, training %.3g steps/s",
		s.Frames, s.FramesPerSecond, float64(s.MeanDraw)/1e6, float64(s.MaxDelay)/1e6, s.StepsPerSecond)
}

// Stats returns the measurements of the window's drawing so far.
func (w *MainWindow) Stats() Stats {
	b := w.bridge
	s := Stats{Frames: b.frames.Load(), MaxDelay: time.Duration(b.delay.Load())}
	if s.Frames > 0 {
		s.MeanDraw = time.Duration(b.drawn.Load() / s.Frames)
	}
	if span := b.runLast.Sub(b.runFirst); b.runFrames > 1 && span > 0 {
		s.FramesPerSecond = float64(b.runFrames-1) / span.Seconds()
	}
	if w.trainer != nil {
		if snap := w.trainer.Snapshot(); snap.Elapsed > 0 {
			s.StepsPerSecond = float64(snap.Step) / snap.Elapsed.Seconds()
		}
	}
	return s
}
