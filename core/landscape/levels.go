package landscape

import "math"

// levelSpacing is the widest ratio between the rises of neighbouring
// levels: half a decade.
var levelSpacing = math.Sqrt(10)

// logLevels returns n contour levels for a grid whose losses run from lowest
// to highest over a plane whose lowest loss is base. Each level is base plus
// a rise; the rises are evenly spaced on a log scale between the grid's
// lowest and highest rise, and at most half a decade apart, so that nested
// contours of a quadratic bowl are evenly spaced ellipses. It returns nil
// for a flat grid.
func logLevels(base, lowest, highest float64, n int) []float64 {
	hi := highest - base
	if !(hi > 0) || math.IsInf(hi, 0) || n <= 0 {
		return nil
	}
	lo := math.Max(lowest-base, hi*math.Pow(levelSpacing, -float64(n)))
	levels := make([]float64, n)
	for k := range levels {
		levels[k] = base + lo*math.Pow(hi/lo, (float64(k)+0.5)/float64(n))
	}
	return levels
}
