package gui

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"go.uber.org/goleak"
)

// stressOps is the number of random operations the stress test makes.
const stressOps = 3000

// TestStressRandomOperations drives the window through thousands of
// random operations in quick succession, the way an impatient user
// would: start, pause, step, reset, solve, edit cells, paste, undo, redo,
// change the model and the optimizer, the learning rate and the steps,
// race the optimizers and pause, stop or drop their runs, switch tabs,
// with training running in the background. Nothing may panic, deadlock
// or race, and no goroutine may outlive the window.
func TestStressRandomOperations(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	a := newTestApp(t)
	w := NewMainWindow(a, Options{Tick: -1, Autosave: -1})
	w.Sync()
	rng := rand.New(rand.NewPCG(7, 11))
	degrees := []string{"1", "2", "3", "4", "5"}
	methods := []string{"Adam", "SGD (gradient descent)", "Momentum", "RMSProp", "L-BFGS", "Exact (least squares)"}
	ops := []func(){
		func() { test.Tap(w.settings.startPause) },
		func() { test.Tap(w.settings.step) },
		func() { test.Tap(w.settings.reset) },
		func() { test.Tap(w.settings.solve) },
		w.Sync,
		w.Sync,
		func() {
			n := w.session.Sheet().Len()
			if n == 0 {
				test.Tap(w.table.add)
				return
			}
			// A click on the cell, as the user edits with the mouse.
			w.table.onSelected(widget.TableCellID{Row: rng.IntN(n), Col: colX + rng.IntN(2)})
			test.Type(w.table.editor, strconv.FormatFloat(rng.Float64()*30, 'f', 2, 64))
			pressKey(t, w, fyne.KeyReturn)
		},
		func() {
			w.app.Clipboard().SetContent("13\t4.5\n14\t6.25\n")
			typeShortcut(t, w, &fyne.ShortcutPaste{})
			if rng.IntN(2) == 0 {
				tapButton(t, w, "Insert at row "+strconv.Itoa(w.table.insertionRow()+1))
			} else {
				tapButton(t, w, "Replace all")
			}
		},
		func() { typeShortcut(t, w, &fyne.ShortcutUndo{}) },
		func() { typeShortcut(t, w, &fyne.ShortcutRedo{}) },
		func() { w.settings.degree.SetSelected(degrees[rng.IntN(len(degrees))]) },
		func() { w.settings.method.SetSelected(methods[rng.IntN(len(methods))]) },
		func() { w.settings.scaling.SetSelected(w.settings.scaling.Options[rng.IntN(2)]) },
		func() { w.settings.rateBar.SetValue(-4 + 3*rng.Float64()) },
		func() { w.settings.speed.SetSelected(w.settings.speed.Options[rng.IntN(2)]) },
		func() {
			e := w.settings.steps
			e.SetText(strconv.Itoa(100 + rng.IntN(100000)))
			e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		},
		func() {
			if w.session.Sheet().Len() > 3 {
				w.table.selectRow(rng.IntN(w.session.Sheet().Len()), 0)
				test.Tap(w.table.remove)
			}
		},
		func() { test.Tap(w.table.sort) },
		// The race and the landscape, on whichever tab is shown.
		func() { w.selectTab(w.tabs.Items[rng.IntN(len(w.tabs.Items))].Content) },
		func() { test.Tap(w.race.preset) },
		func() { test.Tap(w.race.startAll) },
		func() {
			if rows := w.race.runRows; len(rows) > 0 {
				row := rows[rng.IntN(len(rows))]
				test.Tap([]*widget.Button{row.pause, row.pause, row.stop, row.drop}[rng.IntN(4)])
			}
		},
		func() { test.Tap(w.race.end) },
		func() {
			if opts := w.land.xWeight.Options; len(opts) > 0 {
				w.land.xWeight.SetSelected(opts[rng.IntN(len(opts))])
			}
		},
	}
	for i := range stressOps {
		ops[rng.IntN(len(ops))]()
		// A question about resetting the run is answered either way.
		if w.confirm != nil {
			if rng.IntN(2) == 0 {
				w.confirm.Confirm()
			} else {
				w.confirm.Hide()
				w.confirm = nil
			}
		}
		if i%500 == 0 {
			t.Logf("%d operations, %d rows", i, w.session.Sheet().Len())
		}
	}
	// However the operations fell, the trainer fits what the table holds.
	w.Sync()
	if d := w.session.Data(); d != nil {
		tr := w.session.Trainer()
		if tr == nil {
			t.Fatalf("%d complete rows and no trainer: %v", d.Len(), w.session.FitError())
		}
		got := tr.Snapshot().Problem.Data
		if !slices.Equal(got.X, d.X) || !slices.Equal(got.Y, d.Y) {
			t.Errorf("the trainer has %v, %v; the table %v, %v", got.X, got.Y, d.X, d.Y)
		}
		// So does a race that goes on.
		for _, run := range raceShots(w.session.Race()) {
			if got := run.snap.Problem.Data; !slices.Equal(got.X, d.X) || !slices.Equal(got.Y, d.Y) {
				t.Errorf("run %s has %v, %v; the table %v, %v", run.run.Label, got.X, got.Y, d.X, d.Y)
			}
		}
	}
	w.Close()
}
