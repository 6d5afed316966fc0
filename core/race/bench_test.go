package race

import (
	"slices"
	"testing"
	"time"

	"tempfit/core/fit"
	"tempfit/core/optim"
)

// BenchmarkRaceBookPreset runs the book preset's five runs at once to the
// end of their 100,000-step budgets; one op is the whole race.
func BenchmarkRaceBookPreset(b *testing.B) {
	d := bookData(b)
	p := BookPreset()
	for b.Loop() {
		b.StopTimer()
		r, err := p.New(d)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		r.Start()
		r.Wait()
	}
}

// BenchmarkRaceBookPresetOneByOne runs the same five runs one after the
// other, to compare with BenchmarkRaceBookPreset.
func BenchmarkRaceBookPresetOneByOne(b *testing.B) {
	d := bookData(b)
	p := BookPreset()
	for b.Loop() {
		b.StopTimer()
		r, err := p.New(d)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for _, run := range r.Runs() {
			run.Trainer.Start()
			run.Trainer.Wait()
		}
	}
}

// BenchmarkRaceFairness runs five runs of the same cost per step at once
// until they have taken 5,000,000 steps in all. It reports the steps per
// second of the five together, the slowest run's steps as a fraction of
// the fastest's (1 is perfectly fair), and the longest a goroutine that
// wakes every 33 ms, as a window's frame clock does, waited past its time.
func BenchmarkRaceFairness(b *testing.B) {
	d := bookData(b)
	var ratio, late []float64
	var total int
	start := time.Now()
	for b.Loop() {
		r, err := New(d, fit.BookModel(), 1<<30, sameCost(5))
		if err != nil {
			b.Fatal(err)
		}
		done := make(chan struct{})
		lateness := make(chan time.Duration)
		go func() {
			worst := time.Duration(0)
			next := time.Now().Add(33 * time.Millisecond)
			for {
				select {
				case <-done:
					lateness <- worst
					return
				case now := <-time.After(time.Until(next)):
					worst = max(worst, now.Sub(next))
					r.Summaries()
					next = next.Add(33 * time.Millisecond)
				}
			}
		}()
		r.Start()
		for {
			time.Sleep(time.Millisecond)
			n := 0
			for _, s := range steps(r) {
				n += s
			}
			if n >= 5000000 {
				break
			}
		}
		r.Pause()
		close(done)
		got := steps(r)
		r.Stop()
		for _, s := range got {
			total += s
		}
		ratio = append(ratio, float64(slices.Min(got))/float64(slices.Max(got)))
		late = append(late, float64(<-lateness)/float64(time.Millisecond))
	}
	b.ReportMetric(float64(total)/time.Since(start).Seconds(), "steps/s")
	b.ReportMetric(slices.Min(ratio), "min/max")
	b.ReportMetric(slices.Max(late), "late-ms")
}

// BenchmarkRaceSummaries reads the summaries of five runs with full
// histories while they train, as a window's race table does every frame.
func BenchmarkRaceSummaries(b *testing.B) {
	r, err := New(bookData(b), fit.BookModel(), 1<<30, sameCost(5))
	if err != nil {
		b.Fatal(err)
	}
	defer r.Stop()
	r.Start()
	for slices.Min(steps(r)) < 100000 {
		time.Sleep(time.Millisecond)
	}
	for b.Loop() {
		if len(r.Summaries()) != 5 {
			b.Fatal("five runs wanted")
		}
	}
}

// BenchmarkRaceControl pauses and resumes one of five training runs, as a
// click in the window does; it reports the longest one took.
func BenchmarkRaceControl(b *testing.B) {
	r, err := New(bookData(b), fit.BookModel(), 1<<30, sameCost(5))
	if err != nil {
		b.Fatal(err)
	}
	defer r.Stop()
	r.Start()
	run := r.Runs()[2]
	var worst time.Duration
	for b.Loop() {
		start := time.Now()
		run.Trainer.Pause()
		run.Trainer.Resume()
		worst = max(worst, time.Since(start))
	}
	b.ReportMetric(float64(worst)/float64(time.Millisecond), "worst-ms")
}

// BenchmarkRaceOneRun trains a race of one run, the book's Adam for
// 100,000 steps, in its goroutine: the speed of a lone run, to compare
// with five at once.
func BenchmarkRaceOneRun(b *testing.B) {
	d := bookData(b)
	for b.Loop() {
		b.StopTimer()
		r, err := New(d, fit.BookModel(), 100000, []Spec{{Method: optim.Adam}})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		r.Start()
		r.Wait()
	}
}
