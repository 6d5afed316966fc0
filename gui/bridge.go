package gui

import (
	"image"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"

	"tempfit/core/data"
	"tempfit/core/train"
)

// defaultTick is the period of the bridge: about 30 frames a second.
const defaultTick = time.Second / 30

// maxSpeedFrame is the shortest time between two frames while training
// runs at maximum speed: the window then draws about 15 frames a second,
// leaving the processor to the trainer.
const maxSpeedFrame = time.Second / 15

// view is what the bridge needs to know of the window to draw a frame. The
// UI goroutine publishes a new one whenever any of it changes; the bridge
// never reads widget state.
type view struct {
	version  uint64
	trainer  *train.Trainer
	data     *data.Dataset // the points shown; nil when the table has none
	chart    chartSettings
	fitSize  pixelSize
	lossSize pixelSize
}

// frame is one finished drawing, ready to be shown.
type frame struct {
	view    *view
	snap    *train.Snapshot // nil without a trainer
	fit     image.Image     // nil when it could not be drawn
	loss    image.Image
	elapsed time.Duration // time spent drawing
}

// job is work on a trainer that takes too long for the UI goroutine: making
// a new one (train.New solves the problem exactly, O(rows)) or swapping in
// edited data (SetData, the same cost).
type job struct {
	gen     uint64
	build   bool
	cfg     train.Config
	data    *data.Dataset
	trainer *train.Trainer // the trainer to give the data to, when !build
}

// bridge carries training progress to the window. A ticker goroutine takes
// the trainer's latest snapshot, draws the charts off the UI goroutine and
// hands the finished frame to fyne.Do; a worker goroutine makes trainers and
// swaps data. This file is the only place that calls fyne.Do.
type bridge struct {
	w        *MainWindow
	tick     time.Duration // <= 0: no goroutines; Sync does the jobs and frames
	autosave time.Duration // the period of autosaves; <= 0 for none

	view    atomic.Pointer[view]
	version atomic.Uint64
	pending atomic.Bool  // a frame is queued in fyne.Do and not yet shown
	frames  atomic.Int64 // frames shown
	drawn   atomic.Int64 // total drawing time in nanoseconds
	delay   atomic.Int64 // the longest a frame waited in fyne.Do, in nanoseconds

	// Frames shown while training ran, and the times of the first and the
	// last of them; touched only by show.
	runFrames         int64
	runFirst, runLast time.Time

	lastSnap    *train.Snapshot // touched only by the drawing goroutine
	lastVersion uint64
	lastFrame   time.Time

	mu      sync.Mutex
	next    *job          // the latest job not yet started
	wake    chan struct{} // signals the worker that next is set
	quit    chan struct{}
	done    sync.WaitGroup
	stopped bool
}

// newBridge returns a bridge for w; start sets it running.
func newBridge(w *MainWindow, tick, autosave time.Duration) *bridge {
	if tick == 0 {
		tick = defaultTick
	}
	if autosave == 0 {
		autosave = defaultAutosave
	}
	return &bridge{
		w:        w,
		tick:     tick,
		autosave: autosave,
		wake:     make(chan struct{}, 1),
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

// run is the ticker goroutine.
func (b *bridge) run() {
	defer b.done.Done()
	t := time.NewTicker(b.tick)
	defer t.Stop()
	for {
		select {
		case <-b.quit:
			return
		case <-t.C:
		}
		if b.pending.Load() {
			continue // the UI goroutine has not shown the last frame yet
		}
		f := b.draw(false)
		if f == nil || b.stopping() {
			continue
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
			b.show(f)
		})
	}
}

// Sync does the pending job, if any, then draws and shows one frame, all
// on the calling goroutine, which must be the UI goroutine (in tests, the
// test's goroutine). It is how headless tests step a synchronous bridge; it
// draws even when nothing changed.
func (b *bridge) Sync() {
	if j := b.take(); j != nil {
		b.finish(*j, b.do(*j))
	}
	if f := b.draw(true); f != nil {
		b.show(f)
	}
}

// draw takes the latest view and snapshot and draws a frame, or returns nil
// when nothing changed since the last frame and force is false.
func (b *bridge) draw(force bool) *frame {
	v := b.view.Load()
	if v == nil {
		return nil
	}
	var snap *train.Snapshot
	if v.trainer != nil {
		snap = v.trainer.Snapshot()
	}
	if !force && snap == b.lastSnap && v.version == b.lastVersion {
		return nil
	}
	start := time.Now()
	if !force && snap != nil && snap.State == train.Running && snap.Config.Pace == 0 &&
		v.version == b.lastVersion && start.Sub(b.lastFrame) < maxSpeedFrame-b.tick/2 {
		return nil
	}
	b.lastSnap, b.lastVersion, b.lastFrame = snap, v.version, start
	f := &frame{view: v, snap: snap}
	f.fit, f.loss = drawCharts(v, snap)
	f.elapsed = time.Since(start)
	return f
}

// show applies a frame on the UI goroutine.
func (b *bridge) show(f *frame) {
	b.frames.Add(1)
	b.drawn.Add(int64(f.elapsed))
	if f.snap != nil && f.snap.State == train.Running {
		now := time.Now()
		if b.runFrames == 0 {
			b.runFirst = now
		}
		b.runFrames++
		b.runLast = now
	}
	b.w.showFrame(f)
}

// submit hands a job to the worker; a job not yet started is replaced, so
// the latest edit wins. A synchronous bridge keeps it for the next Sync.
func (b *bridge) submit(j job) {
	b.mu.Lock()
	b.next = &j
	b.mu.Unlock()
	if b.tick <= 0 {
		return
	}
	select {
	case b.wake <- struct{}{}:
	default:
	}
}

// take returns the latest job not yet started, or nil.
func (b *bridge) take() *job {
	b.mu.Lock()
	defer b.mu.Unlock()
	j := b.next
	b.next = nil
	return j
}

// work is the worker goroutine.
func (b *bridge) work() {
	defer b.done.Done()
	for {
		select {
		case <-b.quit:
			return
		case <-b.wake:
		}
		j := b.take()
		if j == nil {
			continue
		}
		r := b.do(*j)
		if b.stopping() {
			return // a trainer made here has not started: nothing runs
		}
		fyne.Do(func() { b.finish(*j, r) })
	}
}

// autosaver is the autosave goroutine. Every period it asks the UI
// goroutine for the autosave to do, which snapshots the session there,
// then writes the file itself and reports back.
func (b *bridge) autosaver() {
	defer b.done.Done()
	t := time.NewTicker(b.autosave)
	defer t.Stop()
	type next struct {
		j  autosaveJob
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
			j, ok := b.w.nextAutosave()
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
		err := n.j.run()
		if b.stopping() {
			return
		}
		fyne.Do(func() { b.w.autosaveDone(n.j, err) })
	}
}

// result is the outcome of a job.
type result struct {
	trainer *train.Trainer
	err     error
}

// do runs a job on the calling goroutine.
func (b *bridge) do(j job) result {
	if j.build {
		tr, err := train.New(j.data, j.cfg)
		return result{tr, err}
	}
	return result{j.trainer, j.trainer.SetData(j.data)}
}

// finish reports a job's result on the UI goroutine.
func (b *bridge) finish(j job, r result) {
	if j.build {
		b.w.trainerBuilt(j.gen, r.trainer, r.err)
	} else {
		b.w.dataSwapped(j.gen, r.err)
	}
}
