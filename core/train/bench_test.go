package train

import (
	"math"
	"testing"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/optim"
)

// benchmarkSteps measures 100,000 training steps through Advance, the code
// the CLI and the training goroutine run. Set-up is not timed.
func benchmarkSteps(b *testing.B, d *data.Dataset, cfg Config) {
	cfg.Steps = 100000
	for b.Loop() {
		b.StopTimer()
		tr, err := New(d, cfg)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if n := tr.Advance(100000); n != 100000 {
			b.Fatalf("%d steps taken", n)
		}
	}
}

func BenchmarkBookAdam100k(b *testing.B) {
	benchmarkSteps(b, bookData(b), bookConfig())
}

func BenchmarkBookMethods100k(b *testing.B) {
	m := fit.BookModel()
	m.Scaling = fit.Scaled
	for _, k := range []optim.Kind{optim.GradientDescent, optim.Momentum, optim.Nesterov, optim.Adagrad, optim.RMSProp, optim.Adam} {
		b.Run(string(k), func(b *testing.B) {
			benchmarkSteps(b, bookData(b), Config{Model: m, Method: k})
		})
	}
}

// millionRows returns ten thousand years of monthly temperatures shaped like
// the book's, with a deterministic ripple.
func millionRows(b *testing.B) *data.Dataset {
	const n = 1000000
	x := make([]float64, n)
	y := make([]float64, n)
	for i := range x {
		x[i] = 1 + float64(i%12) + float64(i)/n
		y[i] = bookY[i%12] + 0.5*math.Sin(float64(i)*0.7)
	}
	d, err := data.New("month", "temperature", x, y)
	if err != nil {
		b.Fatal(err)
	}
	return d
}

func BenchmarkMillionRowsAdam100k(b *testing.B) {
	m := fit.BookModel()
	m.Scaling = fit.Scaled
	benchmarkSteps(b, millionRows(b), Config{Model: m, Method: optim.Adam})
}

func BenchmarkMillionRowsSetup(b *testing.B) {
	d := millionRows(b)
	m := fit.BookModel()
	m.Scaling = fit.Scaled
	for b.Loop() {
		if _, err := New(d, Config{Model: m, Method: optim.Adam}); err != nil {
			b.Fatal(err)
		}
	}
}
