package chart

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"git.sr.ht/~sbinet/gg"
	xdraw "golang.org/x/image/draw"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	vgdraw "gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
)

// DPI is the resolution at which Render draws: text and line sizes given
// in points are converted to pixels at DPI dots per inch.
const DPI = 96

// Render draws p into a new width×height pixel image at DPI dots per
// inch and returns it. The image is an *image.RGBA owned by the caller;
// every call returns a new one.
//
// Render may be called concurrently with different plots, but a plot
// must not be rendered or written by two goroutines at once, since
// drawing settles its axis ranges.
func Render(p *plot.Plot, width, height int) (image.Image, error) {
	return RenderDPI(p, width, height, DPI)
}

// RenderDPI is like Render with the given resolution, for example
// 2*DPI for a screen scaled by 2.
func RenderDPI(p *plot.Plot, width, height, dpi int) (img image.Image, err error) {
	if p == nil {
		return nil, errors.New("chart: nil plot")
	}
	if width <= 0 || height <= 0 || dpi <= 0 {
		return nil, fmt.Errorf("chart: invalid image size %d×%d at %d dpi", width, height, dpi)
	}
	defer func() {
		if r := recover(); r != nil {
			img, err = nil, fmt.Errorf("chart: rendering failed: %v", r)
		}
	}()
	// Draw straight into the returned image, and fill its background
	// here rather than by rasterizing a rectangle: both save much of the
	// time of a frame.
	rgba := image.NewRGBA(image.Rect(0, 0, width, height))
	ctx := gg.NewContextForRGBA(rgba)
	ctx.SetLineCapButt()
	// Stretch images, such as the landscape's shading, with the quick
	// bilinear filter: it is several times faster than gg's default and
	// looks the same; text, placed at whole pixels, is drawn identically.
	ctx.SetInterpolator(xdraw.ApproxBiLinear)
	ctx.InvertY()
	c := vgimg.NewWith(vgimg.UseImageWithContext(rgba, ctx), vgimg.UseDPI(dpi))
	bg := p.BackgroundColor
	if bg != nil {
		// NewWith has filled the image with white.
		if r, g, b, a := bg.RGBA(); r&g&b&a != 0xffff {
			draw.Draw(rgba, rgba.Bounds(), image.NewUniform(bg), image.Point{}, draw.Src)
		}
		p.BackgroundColor = nil
		defer func() { p.BackgroundColor = bg }()
	}
	defer fitXTicks(p, width*DPI/dpi)()
	drawPlot(p, page(vgdraw.New(c)), bg)
	return rgba, nil
}

// drawPlot draws p on c as p.Draw does, with two changes for small
// charts. A y axis label longer than the data area is tall is left out,
// rather than squeezing the data into a sliver to make room for it. And
// the legend goes on a box of the background colour bg (white when nil),
// a little transparent, so that a curve running through the legend's
// corner does not cross its text; the legend is placed in the data area.
func drawPlot(p *plot.Plot, c vgdraw.Canvas, bg color.Color) {
	defer fitYLabel(p, c)()

	legend := p.Legend
	p.Legend = withoutEntries(legend)
	p.Draw(c)
	p.Legend = legend

	area := p.DataCanvas(c)
	box, ok := legendBox(&legend, area)
	if !ok {
		return
	}
	area.SetColor(translucent(bg, legendBackdropAlpha))
	area.Fill(box.Path())
	legend.Draw(area)
}

// fitYLabel leaves out p's y axis label when it is longer than the data
// area drawn on c would be tall without it, and returns a function that
// puts it back.
func fitYLabel(p *plot.Plot, c vgdraw.Canvas) (restore func()) {
	label := p.Y.Label.Text
	if label == "" {
		return func() {}
	}
	p.Y.Label.Text = ""
	if p.Y.Label.TextStyle.Width(label) <= p.DataCanvas(c).Size().Y {
		p.Y.Label.Text = label
	}
	return func() { p.Y.Label.Text = label }
}

// margin is the blank space around a chart.
const margin = vg.Length(6)

// page returns the part of c that a chart is drawn in, inside its margin.
func page(c vgdraw.Canvas) vgdraw.Canvas {
	return vgdraw.Crop(c, margin, -margin, margin, -margin)
}

// pixels returns the length of n pixels at dpi dots per inch.
func pixels(n, dpi int) vg.Length {
	return vg.Length(n) * vg.Inch / vg.Length(dpi)
}

// Formats supported by Write.
var formats = []string{"png", "svg", "pdf"}

// Write writes p as a width×height image in the given format, "png",
// "svg" or "pdf". PNG images are drawn at DPI dots per inch, as by
// Render.
//
// In PDF output, text that is not plain ASCII in the default font, such
// as Hangul or any text in a font set with UseFont, is drawn as glyph
// outlines: it shows correctly everywhere but cannot be selected. SVG
// output names its fonts instead of embedding them, so the viewer must
// have a font with the characters used.
func Write(w io.Writer, p *plot.Plot, width, height vg.Length, format string) (err error) {
	if p == nil {
		return errors.New("chart: nil plot")
	}
	format = strings.ToLower(format)
	if !supported(format) {
		return fmt.Errorf("chart: unsupported format %q (supported: %s)", format, strings.Join(formats, ", "))
	}
	if !(width > 0) || !(height > 0) {
		return fmt.Errorf("chart: invalid size %v×%v", width, height)
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("chart: writing %s failed: %v", format, r)
		}
	}()
	defer fitXTicks(p, int(width.Dots(DPI)))()
	var c vg.CanvasWriterTo
	switch format {
	case "png":
		dots := func(l vg.Length) int { return int(l.Dots(DPI) + 0.5) }
		img, err := Render(p, max(dots(width), 1), max(dots(height), 1))
		if err != nil {
			return err
		}
		return png.Encode(w, img)
	case "pdf":
		c = pdfCanvas{vgpdf.New(width, height)}
	default:
		c, err = vgdraw.NewFormattedCanvas(width, height, format)
		if err != nil {
			return fmt.Errorf("chart: %w", err)
		}
	}
	drawPlot(p, page(vgdraw.New(c)), p.BackgroundColor)
	_, err = c.WriteTo(w)
	return err
}

// FormatFromName returns the format that Write uses for the file name's
// extension, or an error naming the supported extensions.
func FormatFromName(filename string) (string, error) {
	ext := strings.ToLower(filepath.Ext(filename))
	format := strings.TrimPrefix(ext, ".")
	if ext == "" || !supported(format) {
		return "", fmt.Errorf("chart: unsupported file extension %q of %q (supported: .png, .svg, .pdf)", ext, filename)
	}
	return format, nil
}

// supported reports whether Write supports format.
func supported(format string) bool {
	return slices.Contains(formats, format)
}
