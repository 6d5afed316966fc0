package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"tempfit/core/fit"
)

// trendInfo is the linear trend of a fit on dates: the change of y per
// decade with its confidence interval.
type trendInfo struct {
	Per    string  `json:"per"`  // "decade"
	Unit   string  `json:"unit"` // what y is measured in, as far as its name tells
	Value  number  `json:"value"`
	StdErr number  `json:"std_error"`
	Lower  number  `json:"lower"`
	Upper  number  `json:"upper"`
	P      number  `json:"p"`
	Level  float64 `json:"level"`
	Text   string  `json:"text"` // "+0.21 temp_max per decade (95%: 0.15 to 0.27)"
	// Warning says why the trend is not to be trusted: the record spans
	// less than fit.MinTrendYears years.
	Warning string `json:"warning,omitempty"`
}

// trendPerDecade returns the trend per decade of weights w of pr at the
// confidence level, or nil when x is not a date or the model's polynomial
// part is not a straight line.
func trendPerDecade(pr *fit.Problem, w []float64, level float64) *trendInfo {
	if !pr.Data.XAxis.IsTime() || pr.Basis.Model.TrendDegree() != 1 {
		return nil
	}
	e, err := pr.TrendPer(w, fit.DaysPerDecade, level)
	if err != nil {
		return nil
	}
	t := &trendInfo{
		Per: "decade", Unit: yUnit(pr.Data.YName),
		Value: number(e.Value), StdErr: number(e.StdErr), Lower: number(e.Lower), Upper: number(e.Upper),
		P: number(e.P), Level: level,
	}
	t.Text = fmt.Sprintf("%s %s per decade", formatTrend(e.Value, e.Upper-e.Lower, true), t.Unit)
	if !math.IsNaN(e.Lower) {
		width := e.Upper - e.Lower
		t.Text += fmt.Sprintf(" (%s: %s to %s)", levelText(level), formatTrend(e.Lower, width, false), formatTrend(e.Upper, width, false))
	}
	if pr.ShortForTrend() {
		t.Warning = "under two years of data, too short to tell a trend from the season"
	}
	return t
}

// formatTrend formats v with as many decimals as two significant digits
// of half the interval's width need (three significant digits of v when
// the width is unknown), with its sign when signed.
func formatTrend(v, width float64, signed bool) string {
	var s string
	if half := width / 2; half > 0 && !math.IsInf(half, 0) {
		decimals := min(max(1-int(math.Floor(math.Log10(half))), 0), 15)
		s = strconv.FormatFloat(v, 'f', decimals, 64)
	} else {
		s = strconv.FormatFloat(v, 'g', 3, 64)
	}
	if signed && !strings.HasPrefix(s, "-") {
		s = "+" + s
	}
	return s
}

// levelText returns a confidence level as a percentage, such as "95%".
func levelText(level float64) string {
	return strconv.FormatFloat(100*level, 'g', 4, 64) + "%"
}

// yUnit guesses what the y column is measured in from its name: the unit
// in parentheses or brackets at its end, as in "평균기온(°C)" or
// "temp [K]", or else the name itself.
func yUnit(name string) string {
	name = strings.TrimSpace(name)
	for _, p := range []struct{ open, close string }{{"(", ")"}, {"[", "]"}, {"（", "）"}} {
		if !strings.HasSuffix(name, p.close) {
			continue
		}
		if i := strings.LastIndex(name, p.open); i >= 0 {
			if unit := strings.TrimSpace(name[i+len(p.open) : len(name)-len(p.close)]); unit != "" {
				return unit
			}
		}
	}
	return name
}
