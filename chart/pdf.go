package chart

import (
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgpdf"
)

// pdfCanvas is a PDF canvas that draws text as filled glyph outlines when
// the PDF backend cannot show it: the backend encodes text in
// Windows-1252, so it garbles anything but ASCII, and it embeds the whole
// font file of every font it uses, which is slow and large for a CJK
// font. Text in the default font that is plain ASCII is left to the
// backend, so that it stays selectable.
type pdfCanvas struct {
	*vgpdf.Canvas
}

// FillString implements the vg.Canvas interface.
func (c pdfCanvas) FillString(f font.Face, pt vg.Point, str string) {
	if f.Font.Size == 0 || f.Face == nil {
		return
	}
	if f.Font.Typeface == defaultFont.Typeface && isASCII(str) {
		c.Canvas.FillString(f, pt, str)
		return
	}
	path := textPath(f, str)
	if len(path) == 0 {
		return
	}
	c.Push()
	c.Translate(pt)
	c.Fill(path)
	c.Pop()
}

// isASCII reports whether s holds only ASCII characters.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// textPath returns the outlines of the glyphs of str in the face f, with
// the start of the baseline at the origin.
func textPath(f font.Face, str string) vg.Path {
	var (
		buf   sfnt.Buffer
		upem  = fixed.Int26_6(f.Face.UnitsPerEm())
		scale = f.Font.Size / vg.Length(upem)
		path  vg.Path
		pen   vg.Length
		prev  sfnt.GlyphIndex
	)
	// With ppem equal to the units per em, the values that sfnt returns
	// are in font units.
	for i, r := range str {
		idx, err := f.Face.GlyphIndex(&buf, r)
		if err != nil {
			continue
		}
		if i > 0 {
			if kern, err := f.Face.Kern(&buf, prev, idx, upem, 0); err == nil {
				pen += vg.Length(kern) * scale
			}
		}
		prev = idx

		segs, err := f.Face.LoadGlyph(&buf, idx, upem, nil)
		if err == nil {
			pt := func(p fixed.Point26_6) vg.Point {
				// sfnt's y axis points down.
				return vg.Point{X: pen + vg.Length(p.X)*scale, Y: -vg.Length(p.Y) * scale}
			}
			open := false
			for _, s := range segs {
				switch s.Op {
				case sfnt.SegmentOpMoveTo:
					if open {
						path.Close()
					}
					path.Move(pt(s.Args[0]))
					open = true
				case sfnt.SegmentOpLineTo:
					path.Line(pt(s.Args[0]))
				case sfnt.SegmentOpQuadTo:
					path.QuadTo(pt(s.Args[0]), pt(s.Args[1]))
				case sfnt.SegmentOpCubeTo:
					path.CubeTo(pt(s.Args[0]), pt(s.Args[1]), pt(s.Args[2]))
				}
			}
			if open {
				path.Close()
			}
		}

		adv, err := f.Face.GlyphAdvance(&buf, idx, upem, 0)
		if err == nil {
			pen += vg.Length(adv) * scale
		}
	}
	return path
}
