package gui

import (
	"testing"
	"time"
)

func TestBridgeDrawsOnlyWhatChanged(t *testing.T) {
	w := newWindow(t)
	b := w.bridge
	b.tick = 5 * time.Millisecond
	w.publishView()

	// Only the drawing goroutine runs, so that the fyne.Do calls, which
	// the test driver runs at once, never meet another goroutine's; the
	// test goroutine only reads counters while it draws.
	frames := func() int64 { return b.frames.Load() }
	start := frames()
	b.done.Add(1)
	go b.run()
	defer b.stop()
	waitFor(t, "the first frame", func() bool { return frames() > start })

	// Nothing trains and nothing changes: the goroutine sleeps, however
	// long, and draws nothing.
	time.Sleep(50 * time.Millisecond)
	idle, wakes := frames(), b.wakes.Load()
	time.Sleep(300 * time.Millisecond)
	if n := frames() - idle; n != 0 {
		t.Errorf("%d frames drawn while nothing changed", n)
	}
	if n := b.wakes.Load() - wakes; n != 0 {
		t.Errorf("the drawing goroutine woke %d times while nothing changed", n)
	}

	// A new view is drawn at once.
	w.publishView()
	waitFor(t, "a frame of the new view", func() bool { return frames() > idle })

	// So is a trainer's progress: the trainer itself is safe to drive
	// from the test goroutine.
	tr := w.session.Trainer()
	shown := frames()
	tr.Start()
	waitFor(t, "frames of the training", func() bool { return frames() > shown+2 })
	tr.Pause()
}
