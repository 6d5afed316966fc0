package chart

import (
	"bytes"
	"image"
	"os"
	"sync"
	"testing"

	"codeberg.org/go-fonts/liberation/liberationmonoregular"
	"golang.org/x/image/font/sfnt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// titleFace returns the font face that p uses for its title.
func titleFace(p *plot.Plot) font.Face {
	sty := p.Title.TextStyle
	return sty.Handler.Cache().Lookup(sty.Font, sty.Font.Size)
}

func TestUseFont(t *testing.T) {
	defer UseDefaultFont()

	for _, data := range [][]byte{nil, []byte("not a font")} {
		if err := UseFont(data); err == nil {
			t.Errorf("UseFont(%q) succeeded", data)
		}
	}

	before := monthlyFit(t)
	if err := UseFont(liberationmonoregular.TTF); err != nil {
		t.Fatalf("UseFont: %v", err)
	}
	mono := monthlyFit(t)
	UseDefaultFont()
	after := monthlyFit(t)

	for _, sty := range []struct {
		name string
		font font.Font
	}{
		{"title", mono.Title.TextStyle.Font},
		{"x label", mono.X.Label.TextStyle.Font},
		{"y tick", mono.Y.Tick.Label.Font},
		{"legend", mono.Legend.TextStyle.Font},
	} {
		if sty.font.Typeface != "LiberationMono" {
			t.Errorf("%s typeface = %q after UseFont, want LiberationMono", sty.name, sty.font.Typeface)
		}
	}
	if tf := titleFace(mono).Face; tf == nil {
		t.Fatal("no face for the title font")
	}
	if before.Title.TextStyle.Font != after.Title.TextStyle.Font {
		t.Errorf("title font %v after UseDefaultFont, want %v", after.Title.TextStyle.Font, before.Title.TextStyle.Font)
	}

	// A monospaced font draws differently.
	a := render(t, before, 640, 400).(*image.RGBA)
	b := render(t, mono, 640, 400).(*image.RGBA)
	if bytes.Equal(a.Pix, b.Pix) {
		t.Error("the plot looks the same with a monospaced font")
	}
}

func TestUseFontConcurrent(t *testing.T) {
	defer UseDefaultFont()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 20; i++ {
			if err := UseFont(liberationmonoregular.TTF); err != nil {
				t.Error(err)
			}
			UseDefaultFont()
		}
	}()
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				if _, err := Render(monthlyFit(t), 320, 200); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
}

func TestKoreanLabels(t *testing.T) {
	defer UseDefaultFont()
	path, err := LoadSystemFont()
	if err != nil {
		t.Skipf("no system font with Hangul: %v", err)
	}
	t.Logf("using %s", path)

	p, err := FitPlot(Fit{
		Title:   "월별 기온",
		XLabel:  "월",
		YLabel:  "기온",
		X:       months,
		Y:       temps,
		Predict: quartic,
		Optimum: quartic,
		Labels:  Labels{Observed: "관측값", Predicted: "예측", Optimum: "최적"},
	})
	if err != nil {
		t.Fatalf("FitPlot: %v", err)
	}
	face := titleFace(p)
	var buf sfnt.Buffer
	for _, r := range "월별기온" {
		if i, err := face.Face.GlyphIndex(&buf, r); err != nil || i == 0 {
			t.Errorf("title font has no glyph for %q", r)
		}
	}
	img := render(t, p, 1280, 800)

	// The title is drawn: there is dark ink at the top centre.
	top := image.Rect(540, 0, 740, 40)
	dark := 0
	for y := top.Min.Y; y < top.Max.Y; y++ {
		for x := top.Min.X; x < top.Max.X; x++ {
			if r, _, _, _ := img.At(x, y).RGBA(); r>>8 < 100 {
				dark++
			}
		}
	}
	if dark < 50 {
		t.Errorf("%d dark pixels where the title should be", dark)
	}

	// The PDF shows Hangul as outlines, without embedding the font.
	var pdf bytes.Buffer
	if err := Write(&pdf, p, 6*vg.Inch, 4*vg.Inch, "pdf"); err != nil {
		t.Fatalf("Write(pdf): %v", err)
	}
	if info, err := os.Stat(path); err == nil && int64(pdf.Len()) > info.Size()/4 {
		t.Errorf("PDF of %d bytes for a %d byte font: font embedded", pdf.Len(), info.Size())
	}
	if bytes.Contains(pdf.Bytes(), []byte("기온")) {
		t.Error("PDF holds Hangul as text in a Windows-1252 font")
	}
	var svg bytes.Buffer
	if err := Write(&svg, p, 6*vg.Inch, 4*vg.Inch, "svg"); err != nil {
		t.Fatalf("Write(svg): %v", err)
	}
	if !bytes.Contains(svg.Bytes(), []byte("월별 기온")) {
		t.Error("SVG does not hold the Korean title")
	}
}

func TestTextPath(t *testing.T) {
	face := font.DefaultCache.Lookup(font.Font{Typeface: "Liberation", Variant: "Sans"}, 20)
	for _, s := range []string{"AV", "Temperature 21°C"} {
		path := textPath(face, s)
		if len(path) == 0 {
			t.Fatalf("textPath(%q) is empty", s)
		}
		var minX, maxX, minY, maxY vg.Length
		for _, c := range path {
			minX, maxX = min(minX, c.Pos.X), max(maxX, c.Pos.X)
			minY, maxY = min(minY, c.Pos.Y), max(maxY, c.Pos.Y)
		}
		// The outlines span about the advance width of the text and the
		// height of capitals above the baseline.
		w := face.Width(s)
		if maxX-minX < 0.85*w || maxX-minX > 1.05*w {
			t.Errorf("textPath(%q) spans %v wide, want about %v", s, maxX-minX, w)
		}
		if maxY < 12 || maxY > 20 || minY < -5 {
			t.Errorf("textPath(%q) spans y from %v to %v, want capitals of a 20pt font above the baseline", s, minY, maxY)
		}
	}
}
