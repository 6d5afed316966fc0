package exact

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Case is a generated polynomial least-squares problem.
type Case struct {
	Name   string
	X, Y   []float64
	Degree int
}

// Cases returns the ill-conditioned problems the solver is measured on:
// years as x (1880–2020), Unix seconds as x (about 1.7e9), x spread over
// few digits ([1000, 1001]), high degrees on 1..n, and x in two tight
// clusters, where the columns of any basis are nearly dependent. The data
// are deterministic: a smooth signal plus noise from a PCG generator with
// a fixed seed, rounded to two decimals as measurements are.
func Cases() []Case {
	var cases []Case
	years := span(1880, 2020, 1)
	for _, d := range []int{6, 8, 10, 12, 15} {
		cases = append(cases, Case{fmt.Sprintf("years 1880–2020, degree %d", d), years, anomalies(years, 1), d})
	}
	const month = 2629746 // seconds in a mean Gregorian month
	seconds := make([]float64, 120)
	for i := range seconds {
		seconds[i] = 1600000000 + float64(i)*month
	}
	for _, d := range []int{5, 6, 8} {
		cases = append(cases, Case{fmt.Sprintf("Unix seconds 1.6e9–1.9e9, degree %d", d), seconds, seasonalTemps(seconds, 12*month, 2), d})
	}
	few := make([]float64, 101)
	for i := range few {
		few[i] = 1000 + float64(i)/100
	}
	for _, d := range []int{6, 10} {
		cases = append(cases, Case{fmt.Sprintf("x in [1000, 1001], degree %d", d), few, anomalies(few, 3), d})
	}
	for _, n := range []int{20, 40} {
		x := span(1, float64(n), 1)
		for _, d := range []int{12, 15} {
			cases = append(cases, Case{fmt.Sprintf("x = 1..%d, degree %d", n, d), x, seasonalTemps(x, 12, int64(n+d)), d})
		}
	}
	clusters := make([]float64, 0, 60)
	for i := 0; i < 30; i++ {
		clusters = append(clusters, float64(i)*1e-5, 1+float64(i)*1e-5)
	}
	for _, d := range []int{3, 5} {
		cases = append(cases, Case{fmt.Sprintf("two clusters 3e-4 wide, degree %d", d), clusters, anomalies(clusters, 5), d})
	}
	return cases
}

// span returns lo, lo+step, … up to hi.
func span(lo, hi, step float64) []float64 {
	var x []float64
	for v := lo; v <= hi; v += step {
		x = append(x, v)
	}
	return x
}

// anomalies returns a slow wave over the range of x plus noise, like
// temperature anomalies, rounded to two decimals.
func anomalies(x []float64, seed uint64) []float64 {
	rng := rand.New(rand.NewPCG(seed, 0))
	lo, hi := x[0], x[len(x)-1]
	y := make([]float64, len(x))
	for i, v := range x {
		u := (v - lo) / (hi - lo)
		y[i] = round2(-0.3 + 0.8*u*u + 0.15*math.Sin(7*u) + 0.1*rng.NormFloat64())
	}
	return y
}

// seasonalTemps returns monthly-looking temperatures for x with the given
// period, rounded to two decimals.
func seasonalTemps(x []float64, period float64, seed int64) []float64 {
	rng := rand.New(rand.NewPCG(uint64(seed), 0))
	y := make([]float64, len(x))
	for i, v := range x {
		y[i] = round2(12 - 10*math.Cos(2*math.Pi*math.Mod(v, period)/period) + 0.8*rng.NormFloat64())
	}
	return y
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }
