// Package gui is Tempfit's desktop window: the data table, the settings,
// the charts and the status bar, with training running live in the
// background. It is the only package that uses fyne. The document and its
// rules live in core/session; this package shows them and passes the
// user's actions on.
package gui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tempfit/core/session"
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

// MainWindow is Tempfit's main window: its panels, menus and dialogs over
// one session. All its methods must be called on the UI goroutine.
type MainWindow struct {
	app     fyne.App
	win     fyne.Window
	session *session.Session
	bridge  *bridge
	prefs   prefs

	table    *dataTable
	settings *settingsPanel
	charts   *chartsPanel
	stats    *statsView
	compare  *compareView
	race     *raceView
	land     *landscapeView
	tabs     *container.AppTabs
	status   *statusBar
	menu     *mainMenu

	shown    *train.Snapshot       // the snapshot of the frame shown last
	confirm  *dialog.ConfirmDialog // the open question before a reset, if any
	offer    *dialog.ConfirmDialog // the open offer to restore an autosave, if any
	quitting bool                  // the user chose to close, saving or discarding changes
	closed   bool
}

// NewMainWindow makes the main window of a, showing the book's twelve
// monthly temperatures ready to train. Show it with Window().ShowAndRun().
func NewMainWindow(a fyne.App, opts Options) *MainWindow {
	loadTranslations()
	loadChartFont()
	installSaveRepository()
	w := &MainWindow{app: a, win: a.NewWindow(AppName), prefs: prefs{a.Preferences()}}
	book := sampledata.Default()
	d, err := session.ReadSample(book)
	if err != nil {
		fyne.LogError("Reading the book's data", err)
	}
	w.session = session.New(session.Options{
		Config:   w.startConfig(opts),
		Data:     d,
		Name:     book.File,
		Autosave: autosavePath(a),
	})
	w.bridge = newBridge(w.session, w.showFrame, opts.Tick, opts.Autosave)

	s := w.session
	w.table = newDataTable(s, w.win.Canvas(), w.predictor, w.tableKeys())
	w.settings = newSettingsPanel(s, w.changeModel)
	w.charts = newChartsPanel(s, w.publishView)
	w.status = newStatusBar(w.onCopyEquation)
	w.stats = newStatsView(w.onCopyStats)
	w.compare = newCompareView(s, w.bridge.spawn, w.useModel)
	w.race = newRaceView(s, w.publishView)
	w.land = newLandscapeView(s, w.publishView)
	w.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Fit"), w.charts.content),
		container.NewTabItem(lang.L("Statistics"), w.stats.content),
		container.NewTabItem(lang.L("Compare models"), w.compare.content),
		container.NewTabItem(lang.L("Race"), w.race.content),
		container.NewTabItem(lang.L("Landscape"), w.land.content),
	)
	w.tabs.OnSelected = func(*container.TabItem) { w.publishView() }

	right := container.NewHSplit(w.tabs, w.settings.content)
	right.Offset = 0.66
	main := container.NewHSplit(w.table.content, right)
	main.Offset = 0.325
	w.win.SetContent(container.NewBorder(nil, w.status.content, nil, nil, main))
	w.menu = newMainMenu(w.win, w.menuActions())
	w.win.SetMainMenu(w.menu.main)
	w.win.SetIcon(Icon)
	w.win.Resize(w.prefs.windowSize(fyne.NewSize(1280, 760)))
	w.win.SetCloseIntercept(w.onCloseRequest)
	w.win.SetOnDropped(w.onDropped)
	w.win.SetOnClosed(w.shutdown)

	s.Observe(w.sessionChanged)
	w.table.updateButtons()
	w.sessionChanged(session.Document | session.Trainer | session.File)
	w.bridge.start()
	w.offerRestore()
	return w
}

// startConfig returns the settings a new window starts with: the ones
// chosen last, with the step budget and speed of opts.
func (w *MainWindow) startConfig(opts Options) train.Config {
	cfg := w.prefs.loadConfig(session.New(session.Options{}).Config())
	if opts.Steps > 0 {
		cfg.Steps = opts.Steps
	}
	animated, ok := w.prefs.savedSpeed()
	animated = (animated || !ok || opts.Animated) && !opts.MaxSpeed
	cfg.Pace = session.Pace(cfg.Steps, animated)
	return cfg
}

// Window returns the fyne window.
func (w *MainWindow) Window() fyne.Window { return w.win }

// Session returns the document the window shows.
func (w *MainWindow) Session() *session.Session { return w.session }

// ShowError shows err in a dialog over the window. Unlike fyne's error
// dialog it shows the message as it is, so that a file name at its start
// keeps its case.
func (w *MainWindow) ShowError(err error) { showError(err, w.win) }

// showError shows err in a dialog over parent, as MainWindow.ShowError
// does.
func showError(err error, parent fyne.Window) {
	msg := widget.NewLabel(errorText(err))
	width := min(msg.MinSize().Width+2*theme.Padding(), 600, parent.Canvas().Size().Width*0.9)
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.L("Error"), lang.L("OK"), msg, parent)
	d.SetIcon(theme.ErrorIcon())
	d.Resize(fyne.NewSize(max(width, 320), 0)) // before Show, while the text is on one line
	d.Show()
}

// Start presses Start: training begins as soon as the trainer is ready.
func (w *MainWindow) Start() { w.session.Start() }

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
	if err := w.session.FinishAutosave(w.quitting); err != nil {
		fyne.LogError("Autosave", err)
	}
	w.shutdown()
}

// shutdown stops the bridge and the session's trainer, once.
func (w *MainWindow) shutdown() {
	if w.closed {
		return
	}
	w.closed = true
	w.bridge.stop()
	w.session.Close()
}

// sessionChanged shows a change of the session in the panels.
func (w *MainWindow) sessionChanged(c session.Change) {
	if w.closed {
		return
	}
	s := w.session
	switch {
	case c&session.Table != 0:
		w.table.reset()
	case c&session.Rows != 0:
		w.table.refresh()
	}
	if c&session.Document != 0 {
		w.settings.setWarning("")
		w.charts.showExtendTo(s.ExtendTo())
	}
	if c&session.Settings != 0 {
		w.settings.show(s.Config())
		w.prefs.saveConfig(s.Config())
	}
	if c&(session.Rows|session.Settings) != 0 {
		w.compare.stale()
	}
	if c&session.Trainer != 0 {
		w.trainerChanged()
	}
	w.race.follow(c)
	w.land.follow(c)
	w.menu.updateEdit()
	w.publishView()
	w.updateTitle()
	w.updateMessage()
}

// trainerChanged shows the state of the session's trainer.
func (w *MainWindow) trainerChanged() {
	tr := w.session.Trainer()
	if tr == nil {
		w.shown = nil
		w.status.show(nil)
		w.stats.show(nil)
		w.table.refreshFitted()
		w.settings.showState(train.Idle, false)
		return
	}
	if !w.session.Building() {
		w.settings.showState(tr.Snapshot().State, true)
	}
}

// updateTitle shows the app, the file and whether there are unsaved
// changes.
func (w *MainWindow) updateTitle() {
	title := AppName
	if name := w.session.Name(); name != "" {
		title += " — " + name
	} else {
		title += " — " + lang.L("untitled")
	}
	if w.session.Unsaved() {
		title += " *"
	}
	if w.win.Title() != title {
		w.win.SetTitle(title)
	}
}

// publishView tells the bridge what to draw.
func (w *MainWindow) publishView() {
	if w.bridge == nil || w.charts == nil || w.race == nil || w.land == nil {
		return
	}
	s := w.session
	xName, yName := s.Sheet().Names()
	w.bridge.publish(view{
		trainer:  s.Trainer(),
		data:     s.Data(),
		held:     s.HeldData(),
		chart:    w.charts.settings(xName, yName),
		fitSize:  w.charts.fit.pixels(),
		lossSize: w.charts.loss.pixels(),

		tab:       w.shownTab(),
		race:      w.race.drawing(w.charts.settings(xName, yName)),
		landscape: w.land.drawing(),
	})
}

// showFrame shows a frame drawn by the bridge.
func (w *MainWindow) showFrame(f *frame) {
	if w.closed {
		return
	}
	w.charts.show(f)
	w.race.show(f.race)
	if f.view.trainer == w.session.Trainer() {
		w.land.show(f.landscape)
	}
	if f.view.trainer != w.session.Trainer() || f.snap == nil {
		return // drawn for a trainer that has been replaced
	}
	if f.snap != w.shown {
		if w.shown == nil || f.snap.Step != w.shown.Step {
			defer w.updateTitle()
		}
		w.shown = f.snap
		w.table.refreshFitted()
	}
	w.status.show(f.snap)
	if w.tabs.Selected() != nil && w.tabs.Selected().Content == w.stats.content {
		w.stats.show(f.snap)
	}
	w.settings.showState(f.snap.State, true)
	w.updateMessage()
}

// predictor returns the curve of the snapshot shown, or nil.
func (w *MainWindow) predictor() func(float64) float64 {
	s := w.shown
	if s == nil || s.Problem == nil {
		return nil
	}
	return s.Problem.Curve(s.Weights)
}

// updateMessage shows the most important thing to say in the status bar.
func (w *MainWindow) updateMessage() {
	if w.status == nil {
		return
	}
	w.status.setMessage(noticeText(w.session, w.shown))
}
