package gui

import (
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"

	"tempfit/core/session"
	"tempfit/core/train"
)

// defaultTick is the shortest time between two frames: at most about 30
// frames a second.
const defaultTick = time.Second / 30

// maxSpeedFrame is the shortest time between two frames while training
// runs at maximum speed: the window then draws about 15 frames a second,
// leaving the processor to the trainer.
const maxSpeedFrame = time.Second / 15

// defaultAutosave is how often unsaved changes are autosaved.
const defaultAutosave = 5 * time.Second

// bridge carries work between the UI goroutine and its own goroutines,
// and is the only place that calls fyne.Do. A drawing goroutine takes the
// trainer's latest snapshot when it changes, draws the charts off the UI
// goroutine and hands the finished frame to fyne.Do; a worker goroutine runs the
// session's jobs (making trainers, swapping data); an autosaver writes the
// session's autosaves.
type bridge struct {
	session  *session.Session // touched only on the UI goroutine, but for its jobs
	show     func(*frame)     // shows a frame on the UI goroutine
	tick     time.Duration    // <= 0: no goroutines; Sync does the jobs and frames
	autosave time.Duration    // the period of autosaves; <= 0 for none

	view    atomic.Pointer[view]
	version atomic.Uint64
	changed chan struct{} // receives a value when a new view is published
	pending atomic.Bool   // a frame is queued in fyne.Do and not yet shown
	frames  atomic.Int64  // frames shown
	drawn   atomic.Int64  // total drawing time in nanoseconds
	delay   atomic.Int64  // the longest a frame waited in fyne.Do, in nanoseconds
	wakes   atomic.Int64  // times the drawing goroutine woke up
	saves   atomic.Int64  // autosaves written and recorded by the session

	// Frames shown while training ran, and the times of the first and the
	// last of them; touched only on the UI goroutine.
	runFrames         int64
	runFirst, runLast time.Time

	// Touched only by the drawing goroutine (by Sync's caller when the
	// bridge is synchronous).
	lastSnap    *train.Snapshot
	lastRuns    []raceRunShot
	lastVersion uint64
	lastFrame   time.Time
	conditions  conditionCache

	mu      sync.Mutex
	quit    chan struct{}
	done    sync.WaitGroup
	stopped bool
}

// newBridge returns a bridge for the session s that shows frames with
// show; start sets it running.
func newBridge(s *session.Session, show func(*frame), tick, autosave time.Duration) *bridge {
	if tick == 0 {
		tick = defaultTick
	}
	if autosave == 0 {
		autosave = defaultAutosave
	}
	return &bridge{
		session:  s,
		show:     show,
		tick:     tick,
		autosave: autosave,
		changed:  make(chan struct{}, 1),
		quit:     make(chan struct{}),
	}
}

// start starts the ticker, the worker and the autosaver, unless the
// bridge is synchronous.
func (b *bridge) start() {
	if b.tick <= 0 {
		return
	}
	b.done.Add(2)
	go b.run()
	go b.work()
	if b.autosave > 0 {
		b.done.Add(1)
		go b.autosaver()
	}
}

// stop ends the goroutines and waits for them. Frames already queued in
// fyne.Do are ignored by the window once it is closed.
func (b *bridge) stop() {
	b.mu.Lock()
	if b.stopped {
		b.mu.Unlock()
		return
	}
	b.stopped = true
	close(b.quit)
	b.mu.Unlock()
	b.done.Wait()
}

// publish makes v the view the next frame is drawn from. It is called on
// the UI goroutine.
func (b *bridge) publish(v view) {
	v.version = b.version.Add(1)
	b.view.Store(&v)
	select {
	case b.changed <- struct{}{}:
	default:
	}
}

// stopping reports whether stop has begun. Once fyne's event loop has
// ended, fyne.Do runs its function at once on the calling goroutine, so the
// goroutines look here before each call: a signal that ends the loop stops
// the bridge first (see MainWindow.Interrupt).
func (b *bridge) stopping() bool {
	select {
	case <-b.quit:
		return true
	default:
		return false
	}
}

// run is the drawing goroutine. It draws a frame when the view or the
// trainer's snapshot changed, at most once a tick, and otherwise sleeps
// until one of them changes: with nothing training and nothing changing
// it costs nothing.
func (b *bridge) run() {
	defer b.done.Done()
	for {
		b.wakes.Add(1)
		if b.pending.Load() {
			// The UI goroutine has not shown the last frame yet.
			if !b.sleep(b.tick) {
				return
			}
			continue
		}
		f := b.draw(false)
		if f == nil {
			if !b.awaitChange() {
				return
			}
			continue
		}
		if b.stopping() {
			return
		}
		b.pending.Store(true)
		queued := time.Now()
		fyne.Do(func() {
			b.pending.Store(false)
			if b.frames.Load() > 0 { // the first waits for the window to open
				d := int64(time.Since(queued))
				for old := b.delay.Load(); d > old && !b.delay.CompareAndSwap(old, d); old = b.delay.Load() {
				}
			}
			b.showFrame(f)
		})
		if !b.sleep(b.tick) {
			return
		}
	}
}

// awaitChange waits until a new view is published or the trainer shown
// publishes a snapshot, and reports false when the bridge stops first.
// While the Race tab shows runs that train, or that changed since they
// were drawn, it waits no longer than a tick.
func (b *bridge) awaitChange() bool {
	var updates <-chan struct{}
	var tick <-chan time.Time
	if v := b.view.Load(); v != nil {
		if v.trainer != nil {
			updates = v.trainer.Updates()
		}
		if b.racing(v) {
			t := time.NewTimer(b.tick)
			defer t.Stop()
			tick = t.C
		}
	}
	select {
	case <-b.quit:
		return false
	case <-b.changed:
	case <-updates:
	case <-tick:
	}
	return true
}

// racing reports whether the view shows race runs that train, or that
// changed since the last frame.
func (b *bridge) racing(v *view) bool {
	if v.tab != tabRace {
		return false
	}
	shots := raceShots(v.race.race)
	return anyRunning(shots) || !sameShots(shots, b.lastRuns)
}

// sleep waits for d and reports false when the bridge stops first.
func (b *bridge) sleep(d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-b.quit:
		return false
	case <-t.C:
		return true
	}
}

// Sync runs the session's waiting job, if any, then draws and shows one
// frame, all on the calling goroutine, which must be the UI goroutine (in
// tests, the test's goroutine). It is how headless tests step a
// synchronous bridge; it draws even when nothing changed.
func (b *bridge) Sync() {
	b.session.Sync()
	if f := b.draw(true); f != nil {
		b.showFrame(f)
	}
}

// showFrame counts a frame and shows it, on the UI goroutine.
func (b *bridge) showFrame(f *frame) {
	b.frames.Add(1)
	b.drawn.Add(int64(f.elapsed))
	if f.snap != nil && f.snap.State == train.Running || f.race.running() {
		now := time.Now()
		if b.runFrames == 0 {
			b.runFirst = now
		}
		b.runFrames++
		b.runLast = now
	}
	b.show(f)
}

// work is the worker goroutine: it runs the session's jobs and hands them
// back to the UI goroutine.
func (b *bridge) work() {
	defer b.done.Done()
	jobs := b.session.Jobs()
	for {
		select {
		case <-b.quit:
			return
		case <-jobs:
		}
		j := b.session.TakeJob()
		if j == nil {
			continue
		}
		j.Run()
		if b.stopping() {
			j.Discard() // a trainer made here has not started: nothing runs
			return
		}
		fyne.Do(func() { b.session.FinishJob(j) })
	}
}

// autosaver is the autosave goroutine. Every period it asks the UI
// goroutine for the autosave to do, which takes a copy of the document
// there, then writes the file itself and reports back.
func (b *bridge) autosaver() {
	defer b.done.Done()
	t := time.NewTicker(b.autosave)
	defer t.Stop()
	type next struct {
		j  session.AutosaveJob
		ok bool
	}
	for {
		select {
		case <-b.quit:
			return
		case <-t.C:
		}
		if b.stopping() {
			return
		}
		ch := make(chan next, 1)
		fyne.Do(func() {
			j, ok := b.session.NextAutosave()
			ch <- next{j, ok}
		})
		var n next
		select {
		case <-b.quit:
			return
		case n = <-ch:
		}
		if !n.ok {
			continue
		}
		err := n.j.Run()
		if b.stopping() {
			return
		}
		fyne.Do(func() {
			if err != nil {
				fyne.LogError("Autosave to "+n.j.Path(), err)
			}
			b.session.AutosaveDone(n.j, err)
			if err == nil {
				b.saves.Add(1)
			}
		})
	}
}

// spawn runs work on a goroutine of its own and then done on the UI
// goroutine; a synchronous bridge runs both at once. Nothing is done after
// the bridge stops.
func (b *bridge) spawn(work, done func()) {
	if b.tick <= 0 {
		work()
		done()
		return
	}
	b.done.Add(1)
	go func() {
		defer b.done.Done()
		work()
		if b.stopping() {
			return
		}
		fyne.Do(done)
	}()
}
