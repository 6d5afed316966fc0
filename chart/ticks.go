package chart

import (
	"math"
	"slices"
	"strconv"

	"gonum.org/v1/plot"
)

// linTicks marks a linear axis with about N labelled ticks spaced by
// 1, 2 or 5 times a power of ten, and unlabelled ticks between them.
// If Integer is true, ticks are only placed at integers.
type linTicks struct {
	N       int
	Integer bool
}

// Ticks implements the plot.Ticker interface.
func (t linTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(hi > lo) || math.IsInf(lo, 0) || math.IsInf(hi, 0) || t.N < 1 {
		return nil
	}
	raw := (hi - lo) / float64(t.N)
	exp := math.Floor(math.Log10(raw))
	mag := math.Pow(10, exp)
	// The finest spacing of 1, 2, 2.5, 5 or 10 times a power of ten that
	// gives at most N+1 labels, but at least two: rounding the spacing to
	// the nearest would crowd up to 40% more labels into the width than
	// it has room for. An integer axis skips 2.5 below 10.
	labels := func(step float64) float64 {
		return math.Floor(hi/step+1e-9) - math.Ceil(lo/step-1e-9) + 1
	}
	spacings := []struct{ mant, minor float64 }{{1, 5}, {2, 4}, {2.5, 5}, {5, 5}, {10, 5}}
	if t.Integer && exp <= 0 {
		spacings = slices.Delete(spacings, 2, 3)
	}
	i := 0
	for i < len(spacings)-1 && labels(spacings[i].mant*mag) > float64(t.N+1) {
		i++
	}
	if i > 0 && labels(spacings[i].mant*mag) < 2 {
		i--
	}
	mant, minor := spacings[i].mant, spacings[i].minor
	if mant == 10 {
		mant, exp, mag = 1, exp+1, mag*10
	}
	if t.Integer && exp < 0 {
		mant, minor, exp, mag = 1, 1, 0, 1
	}
	if t.Integer && mag == 1 {
		minor = mant
	}
	step := mant * mag
	if !(step > 0) || math.IsInf(step, 0) {
		return nil
	}
	// The power of ten of the labels' last digit: 2.5 apart needs one
	// more than the spacing's.
	last := exp
	if mant == 2.5 {
		last--
	}

	// One form for every label on the axis: 5e+06 next to 1e+07, not
	// 5000000.
	scientific := last < -4 || math.Max(math.Abs(lo), math.Abs(hi)) >= 1e7
	format := func(v float64) string {
		if scientific {
			// Enough significant digits to tell neighbouring
			// labels apart.
			digits := int(math.Floor(math.Log10(math.Abs(v)))-last) + 1
			return strconv.FormatFloat(v, 'g', max(digits, 1), 64)
		}
		return strconv.FormatFloat(v, 'f', max(int(-last), 0), 64)
	}

	const limit = 1000 // bounds the ticks made when float precision runs out
	var ticks []plot.Tick
	sub := step / minor
	first := math.Floor(lo/step) * step
	for i := 0; i < limit; i++ {
		major := first + float64(i)*step
		if math.Abs(major) < step*1e-9 {
			major = 0
		}
		if major > hi+step*1e-9 {
			break
		}
		if major >= lo-step*1e-9 {
			ticks = append(ticks, plot.Tick{Value: major, Label: format(major)})
		}
		for j := 1; j < int(minor); j++ {
			v := major + float64(j)*sub
			if v >= lo && v <= hi {
				ticks = append(ticks, plot.Tick{Value: v})
			}
		}
	}
	return ticks
}

// logTicks marks a log-scale axis. It labels powers of ten, or 1, 2 and
// 5 times powers of ten, or every integer multiple of a power of ten,
// choosing the coarsest that labels at least three ticks in the range;
// over many decades it labels every k-th power of ten. When even the
// finest labels fewer than three ticks, it falls back to linear ticks.
type logTicks struct{}

// Ticks implements the plot.Ticker interface. Every tick it returns is
// positive.
func (logTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(lo > 0) || !(hi > lo) || math.IsInf(hi, 1) {
		return nil
	}
	const maxLabels = 8
	elo := int(math.Floor(math.Log10(lo)))
	ehi := int(math.Ceil(math.Log10(hi)))
	decades := ehi - elo
	plain := elo >= -4 && ehi <= 6
	inRange := func(v float64) bool { return v >= lo*(1-1e-9) && v <= hi*(1+1e-9) }

	if decades > maxLabels {
		step := 1
		for _, s := range []int{2, 3, 5, 10, 20, 25, 50, 100} {
			step = s
			if decades/s <= maxLabels {
				break
			}
		}
		var ticks []plot.Tick
		for e := elo; e <= ehi; e++ {
			t := plot.Tick{Value: math.Pow(10, float64(e))}
			if !inRange(t.Value) {
				continue
			}
			if e%step == 0 {
				t.Label = logLabel(1, e, plain)
			} else if decades > 4*maxLabels {
				continue
			}
			ticks = append(ticks, t)
		}
		return ticks
	}

	for _, labelled := range []func(m int) bool{
		func(m int) bool { return m == 1 },
		func(m int) bool { return m == 1 || m == 2 || m == 5 },
		func(m int) bool { return true },
	} {
		var ticks []plot.Tick
		n := 0
		for e := elo; e <= ehi; e++ {
			for m := 1; m <= 9; m++ {
				t := plot.Tick{Value: float64(m) * math.Pow(10, float64(e))}
				if labelled(m) {
					t.Label = logLabel(m, e, plain)
					if inRange(t.Value) {
						n++
					}
				}
				ticks = append(ticks, t)
			}
		}
		if n >= 3 {
			// gonum/plot makes room for the label of every tick it is
			// given, so a tick beyond the range would shrink the chart.
			return slices.DeleteFunc(ticks, func(t plot.Tick) bool { return !inRange(t.Value) })
		}
	}

	var ticks []plot.Tick
	for _, t := range (linTicks{N: 5}).Ticks(lo, hi) {
		if t.Value > 0 {
			ticks = append(ticks, t)
		}
	}
	return ticks
}

// logLabel returns the label of the tick m×10^e, written out in full if
// plain is true and as "me<e>" otherwise.
func logLabel(m, e int, plain bool) string {
	if plain || e == 0 {
		return strconv.FormatFloat(float64(m)*math.Pow(10, float64(e)), 'f', -1, 64)
	}
	return strconv.Itoa(m) + "e" + strconv.Itoa(e)
}

// labelSpacing is the least width, in pixels at DPI, that a label on the x
// axis gets.
const labelSpacing = 70

// fitXTicks lowers the number of labels on p's x axis so that labels on an
// axis width pixels wide (at DPI) do not run into each other. It returns a
// function that puts the ticker back.
func fitXTicks(p *plot.Plot, width int) (restore func()) {
	old := p.X.Tick.Marker
	fit := func(n int) int { return max(2, min(n, width/labelSpacing)) }
	switch m := old.(type) {
	case linTicks:
		m.N = fit(m.N)
		p.X.Tick.Marker = m
	case dateTicks:
		// Dates are wider than numbers.
		m.N = max(2, min(m.N, width/(2*labelSpacing)))
		p.X.Tick.Marker = m
	case monthTicks:
		m.N = fit(m.N)
		p.X.Tick.Marker = m
	default:
		return func() {}
	}
	return func() { p.X.Tick.Marker = old }
}
