package fit

import "testing"

func benchmarkLossGrad(b *testing.B, pr *Problem) {
	w := make([]float64, pr.NumParams())
	g := make([]float64, pr.NumParams())
	for b.Loop() {
		w[0] += pr.LossGrad(w, g) * 1e-30
	}
}

// BenchmarkLossGradBook measures a training step's loss and gradient on the
// book's problem, which uses G = KᵀK.
func BenchmarkLossGradBook(b *testing.B) {
	pr, err := NewProblem(bookData(b), BookModel())
	if err != nil {
		b.Fatal(err)
	}
	benchmarkLossGrad(b, pr)
}

// BenchmarkLossGradYearsRaw measures the same for raw powers of years,
// which use K itself.
func BenchmarkLossGradYearsRaw(b *testing.B) {
	pr, err := NewProblem(yearsData(b), Model{Kind: Polynomial, Degree: 4, Scaling: Raw})
	if err != nil {
		b.Fatal(err)
	}
	if pr.gram != nil {
		b.Fatal("raw years use the Gram form")
	}
	benchmarkLossGrad(b, pr)
}

// BenchmarkInferenceYears measures the statistics a window shows for a fit:
// shown coefficients, standard errors and intervals.
func BenchmarkInferenceYears(b *testing.B) {
	pr, err := NewProblem(yearsData(b), Model{Kind: Polynomial, Degree: 10, Scaling: Raw})
	if err != nil {
		b.Fatal(err)
	}
	w := pr.Optimum()
	w[3] *= 1.0001
	for b.Loop() {
		pr.Inference(w, 0.95)
	}
}
