// Package gen produces the generated daily temperature sample of package
// sampledata. Its output depends on nothing but the constants below, so
// running it again reproduces the embedded file byte for byte.
package gen

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
)

// Parameters of the generated series.
const (
	years      = 10    // length of the series in model years
	yearDays   = 365   // days in a model year
	mean       = 12.5  // mean temperature in the first year, °C
	amplitude  = 13.5  // half the difference between summer and winter, °C
	coldestDay = 20    // day of the year on which the seasonal cycle is lowest
	trend      = 0.03  // warming per year, °C
	persist    = 0.6   // day-to-day persistence of the weather noise
	shock      = 1.6   // standard deviation of each day's new noise, °C
	seed1      = 20240 // first PCG seed word
	seed2      = 1     // second PCG seed word
)

// Days is the number of data rows Write produces.
const Days = years * yearDays

// Write writes the generated sample as CSV: '#' comment lines (the first
// naming the data as generated), a header line "day,temperature_c", and one
// row per day, x being the day number from 1 and y the daily mean
// temperature rounded to 0.1 °C.
func Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# Generated data, not measured: %d years of synthetic daily mean temperatures from tempfit/sampledata/internal/gen (seasonal cosine, linear trend and seeded noise)\n", years)
	fmt.Fprintf(bw, "# Model: temperature_c = %g - %g*cos(2*pi*(day-%d)/%d) + %g*(day-1)/%d + e(day), with e(day) = %g*e(day-1) + %g*z(day) and z ~ N(0,1) from math/rand/v2 PCG(%d, %d)\n",
		mean, amplitude, coldestDay, yearDays, trend, yearDays, persist, shock, seed1, seed2)
	fmt.Fprintf(bw, "# Units: day = day number (1 = first day; %d-day years); temperature_c = daily mean temperature in °C, rounded to 0.1. Regenerate with: go generate ./sampledata\n", yearDays)
	bw.WriteString("day,temperature_c\n")

	rng := rand.New(rand.NewPCG(seed1, seed2))
	var noise float64
	row := make([]byte, 0, 32)
	for day := 1; day <= Days; day++ {
		// The explicit float64 conversions round every product, so no
		// platform fuses them into multiply-adds and the output is the same
		// everywhere.
		noise = float64(persist*noise) + float64(shock*rng.NormFloat64())
		phase := float64(2*math.Pi*float64(day-coldestDay)) / yearDays
		season := float64(amplitude * math.Cos(phase))
		warming := float64(trend*float64(day-1)) / yearDays
		t := mean - season + warming + noise

		row = strconv.AppendInt(row[:0], int64(day), 10)
		row = append(row, ',')
		row = strconv.AppendFloat(row, round1(t), 'f', 1, 64)
		row = append(row, '\n')
		bw.Write(row)
	}
	return bw.Flush()
}

// round1 rounds v to one decimal place, never returning negative zero.
func round1(v float64) float64 {
	r := math.Round(v*10) / 10
	if r == 0 {
		return 0
	}
	return r
}
