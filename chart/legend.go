package chart

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	vgdraw "gonum.org/v1/plot/vg/draw"
)

// legendBackdropAlpha is how opaque the box behind a legend is: lines
// under it stay faintly visible, but none crosses the legend's text.
const legendBackdropAlpha = 0.85

// legendBox returns the box l covers when drawn on c, with a margin of
// a few points, and false when l has no entries. Legend.Rectangle gives
// the right size, but not where Legend.Draw puts it.
func legendBox(l *plot.Legend, c vgdraw.Canvas) (vg.Rectangle, bool) {
	size := l.Rectangle(c).Size()
	if size.X <= 0 || size.Y <= 0 {
		return vg.Rectangle{}, false
	}
	var r vg.Rectangle
	if l.Left {
		r.Min.X = c.Min.X + l.XOffs
		r.Max.X = r.Min.X + size.X
	} else {
		r.Max.X = c.Max.X + l.XOffs
		r.Min.X = r.Max.X - size.X
	}
	if l.Top {
		r.Max.Y = c.Max.Y - l.TextStyle.FontExtents().Descent + l.YOffs
		r.Min.Y = r.Max.Y - size.Y
	} else {
		r.Min.Y = c.Min.Y + l.YOffs
		r.Max.Y = r.Min.Y + size.Y
	}
	pad := vg.Points(3)
	r.Min.X, r.Min.Y = r.Min.X-pad, r.Min.Y-pad
	r.Max.X, r.Max.Y = r.Max.X+pad, r.Max.Y+pad
	return r, true
}

// withoutEntries returns a legend styled and placed as l, with no entries.
func withoutEntries(l plot.Legend) plot.Legend {
	return plot.Legend{
		TextStyle:      l.TextStyle,
		Padding:        l.Padding,
		Top:            l.Top,
		Left:           l.Left,
		XOffs:          l.XOffs,
		YOffs:          l.YOffs,
		YPosition:      l.YPosition,
		ThumbnailWidth: l.ThumbnailWidth,
	}
}

// translucent returns c, white when nil, with the opacity alpha.
func translucent(c color.Color, alpha float64) color.NRGBA {
	if c == nil {
		c = color.White
	}
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = uint8(float64(n.A)*alpha + 0.5)
	return n
}
