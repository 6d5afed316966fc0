package optim

import (
	"testing"
)

// benchQuad returns a well-conditioned 5-weight quadratic in Gram form:
// each evaluation costs 25 multiply-adds.
func benchQuad() *gram {
	q := new(gram)
	for i := range 5 {
		for j := range 5 {
			q.g[i][j] = 0.1
		}
		q.g[i][i] = 1
		q.b[i] = float64(i + 1)
		q.s += q.b[i]
	}
	return q
}

// benchStep times one step of kind k on benchQuad. It starts over from zero
// every 1000 steps, and whenever the optimizer converges, so that it times
// steps of a fit in progress rather than the tail of a converged one (where
// accumulators decaying through subnormal numbers slow every method down).
func benchStep(b *testing.B, k Kind) {
	obj := benchQuad()
	o := mustNew(b, k, 0)
	w := make([]float64, 5)
	n := 0
	b.ReportAllocs()
	for b.Loop() {
		_, err := o.Step(obj, w)
		if err != nil && err != ErrConverged {
			b.Fatal(err)
		}
		if n++; n == 1000 || err == ErrConverged {
			n = 0
			o.Reset()
			clear(w)
		}
	}
}

func BenchmarkAdamStep(b *testing.B)            { benchStep(b, Adam) }
func BenchmarkGradientDescentStep(b *testing.B) { benchStep(b, GradientDescent) }
func BenchmarkMomentumStep(b *testing.B)        { benchStep(b, Momentum) }
func BenchmarkNesterovStep(b *testing.B)        { benchStep(b, Nesterov) }
func BenchmarkAdagradStep(b *testing.B)         { benchStep(b, Adagrad) }
func BenchmarkRMSPropStep(b *testing.B)         { benchStep(b, RMSProp) }
func BenchmarkLBFGSStep(b *testing.B)           { benchStep(b, LBFGS) }
func BenchmarkExactStep(b *testing.B)           { benchStep(b, Exact) }

// BenchmarkAdam100kTemperatures times the trainer's budget case: 100,000
// Adam steps on the quartic temperature fit in Gram form (at most 10 ms).
func BenchmarkAdam100kTemperatures(b *testing.B) {
	obj := newGram(newPolynomial(months, temps, 4))
	w := make([]float64, 5)
	b.ReportAllocs()
	for b.Loop() {
		o := mustNew(b, Adam, 0)
		clear(w)
		for range 100000 {
			if _, err := o.Step(obj, w); err != nil {
				b.Fatal(err)
			}
		}
	}
}
