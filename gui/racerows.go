package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tempfit/chart"
	"tempfit/core/race"
	"tempfit/core/train"
)

// raceColumns are the widths of the race table's columns: the run's colour
// and its three buttons, first so that they show however narrow the
// table; the run, its state, step, the steps to within 1% and 0.1% of the
// optimum, the best loss, the gap and the wall time.
var raceColumns = fixedColumns{18, 36, 36, 36, 160, 76, 104, 104, 104, 96, 72, 60}

// raceHeaderTexts returns the texts of the race table's header, one for
// each of raceColumns.
func raceHeaderTexts() []string {
	return []string{"", "", "", "", lang.L("Run"), lang.L("State"), lang.L("Step"), lang.L("Within 1%"), lang.L("Within 0.1%"),
		lang.L("Best loss"), lang.L("Gap (%)"), lang.L("Time")}
}

// raceHeader returns the header row of the race table.
func raceHeader() fyne.CanvasObject {
	texts := raceHeaderTexts()
	cells := make([]fyne.CanvasObject, len(texts))
	for i, t := range texts {
		l := widget.NewLabel(t)
		l.TextStyle.Bold = true
		l.Truncation = fyne.TextTruncateEllipsis
		cells[i] = l
	}
	return container.New(raceColumns, cells...)
}

// runRow is one run's line of the race table: its summary, updated live,
// and its buttons.
type runRow struct {
	id      int
	swatch  *canvas.Rectangle
	cells   []*widget.Label // run, state, step, within 1%, within 0.1%, best loss, gap, time
	pause   *widget.Button  // pauses a running run, starts or resumes another
	stop    *widget.Button
	drop    *widget.Button
	content *fyne.Container
	state   train.State
}

// newRunRow returns the row of run, whose buttons act on r; changed is
// called after each.
func newRunRow(r *race.Race, run *race.Run, label string, changed func()) *runRow {
	row := &runRow{id: run.ID, state: -1}
	row.swatch = canvas.NewRectangle(chart.RunColor(run.ID))
	row.swatch.SetMinSize(fyne.NewSize(12, 12))
	for range 8 {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		row.cells = append(row.cells, l)
	}
	row.cells[0].SetText(label)
	// A run dropped, or a race ended, meanwhile is left alone.
	row.pause = widget.NewButtonWithIcon("", theme.MediaPlayIcon(), func() {
		if run.Snapshot().State == train.Running {
			_ = r.PauseRun(run.ID)
		} else {
			_ = r.StartRun(run.ID)
		}
		changed()
	})
	row.stop = widget.NewButtonWithIcon("", theme.MediaStopIcon(), func() {
		_ = r.StopRun(run.ID)
		changed()
	})
	row.drop = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		_ = r.Drop(run.ID) // a run already dropped has nothing to drop
		changed()
	})
	row.pause.Importance, row.stop.Importance, row.drop.Importance = widget.LowImportance, widget.LowImportance, widget.LowImportance
	objects := []fyne.CanvasObject{container.NewCenter(row.swatch), row.pause, row.stop, row.drop}
	for _, l := range row.cells {
		objects = append(objects, l)
	}
	row.content = container.New(raceColumns, objects...)
	row.show(run.Summary())
	return row
}

// show displays a run's summary.
func (row *runRow) show(s race.Summary) {
	texts := []string{
		stateText(s.State),
		groupDigits(s.Step),
		stepsText(s.StepsWithin1Pct),
		stepsText(s.StepsWithinTenthPct),
		formatLoss(s.BestLoss),
		formatPercent(s.GapPercent),
		formatDuration(s.Elapsed),
	}
	for i, t := range texts {
		setText(row.cells[i+1], t)
	}
	if s.State == row.state {
		return
	}
	row.state = s.State
	if s.State == train.Diverged || s.State == train.Failed {
		row.cells[1].Importance = widget.DangerImportance
		row.cells[1].Refresh()
	}
	if s.State == train.Running {
		row.pause.SetIcon(theme.MediaPauseIcon())
	} else {
		row.pause.SetIcon(theme.MediaPlayIcon())
	}
	if s.State.Finished() {
		row.pause.Disable()
	} else {
		row.pause.Enable()
	}
	if s.State == train.Running || s.State == train.Paused {
		row.stop.Enable()
	} else {
		row.stop.Disable()
	}
}

// stepsText shows the steps a run needed to come near its optimum, or a
// dash while it has not.
func stepsText(steps int) string {
	if steps < 0 {
		return "—"
	}
	return groupDigits(steps)
}

// stateText names a run's state.
func stateText(s train.State) string {
	switch s {
	case train.Idle:
		return lang.L("idle")
	case train.Running:
		return lang.L("running")
	case train.Paused:
		return lang.L("paused")
	case train.Stopped:
		return lang.L("stopped")
	case train.Done:
		return lang.L("done")
	case train.Diverged:
		return lang.L("diverged")
	case train.Failed:
		return lang.L("failed")
	}
	return s.String()
}

// fixedColumns lays out objects side by side, each as wide as its column
// and as high as the tallest; the objects past the last width get none.
type fixedColumns []float32

// MinSize returns the sum of the widths and the tallest object's height.
func (c fixedColumns) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var size fyne.Size
	for i, o := range objects {
		if i < len(c) {
			size.Width += c[i]
		}
		size.Height = max(size.Height, o.MinSize().Height)
	}
	return size
}

// Layout places the objects in their columns.
func (c fixedColumns) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for i, o := range objects {
		w := float32(0)
		if i < len(c) {
			w = c[i]
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}
