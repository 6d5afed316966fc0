package chart

import (
	"bytes"
	"testing"

	"golang.org/x/image/font/sfnt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

func TestKoreanLegends(t *testing.T) {
	defer UseDefaultFont()
	path, err := LoadSystemFont()
	if err != nil {
		t.Skipf("no system font with Hangul: %v", err)
	}
	t.Logf("using %s", path)

	labels := Labels{
		Observed: "관측값", Predicted: "예측", HeldOut: "검증용",
		PredictionBand: "95% 예측 구간",
		Train:          "학습 오차", LOO: "하나 빼기 교차 검증 오차", CV: "k겹 교차 검증 오차", Best: "최적 모형",
	}
	x, y, hx, hy := holdOut(4, 9)
	fit, err := FitPlot(Fit{
		Title: "월별 기온", X: x, Y: y, HeldX: hx, HeldY: hy, Predict: quartic, Labels: labels,
		Bands: []Band{
			{Label: "95% 신뢰 구간", Kind: ConfidenceBand, Sample: aboutQuartic(ConfidenceBand, 1).Sample},
			aboutQuartic(PredictionBand, 3),
		},
	})
	if err != nil {
		t.Fatalf("FitPlot: %v", err)
	}
	cmp, err := ComparePlot(Compare{Title: "모형 비교", XLabel: "차수", Labels: labels, Sizes: degrees().Sizes,
		Train: degrees().Train, LOO: degrees().LOO, CV: degrees().CV, Best: 4})
	if err != nil {
		t.Fatalf("ComparePlot: %v", err)
	}

	for _, c := range []struct {
		name   string
		p      *plot.Plot
		labels []string
	}{
		{"fit", fit, []string{"관측값", "검증용", "예측", "95% 신뢰 구간", "95% 예측 구간"}},
		{"compare", cmp, []string{"학습 오차", "하나 빼기 교차 검증 오차", "k겹 교차 검증 오차", "최적 모형"}},
	} {
		sty := c.p.Legend.TextStyle
		face := sty.Handler.Cache().Lookup(sty.Font, sty.Font.Size)
		var buf sfnt.Buffer
		for _, l := range c.labels {
			for _, r := range l {
				if i, err := face.Face.GlyphIndex(&buf, r); r != ' ' && (err != nil || i == 0) {
					t.Errorf("%s: legend font has no glyph for %q", c.name, r)
				}
			}
		}
		render(t, c.p, 1280, 800)
		var svg bytes.Buffer
		if err := Write(&svg, c.p, 6*vg.Inch, 4*vg.Inch, "svg"); err != nil {
			t.Fatalf("%s: Write(svg): %v", c.name, err)
		}
		for _, l := range c.labels {
			if !bytes.Contains(svg.Bytes(), []byte(l)) {
				t.Errorf("%s: SVG lacks the legend entry %q", c.name, l)
			}
		}
	}
}

func TestWriteNewCharts(t *testing.T) {
	x, y, hx, hy := holdOut(5)
	fit, err := FitPlot(Fit{X: x, Y: y, HeldX: hx, HeldY: hy, Predict: quartic,
		Bands: []Band{aboutQuartic(ConfidenceBand, 1), aboutQuartic(PredictionBand, 3)}})
	if err != nil {
		t.Fatalf("FitPlot: %v", err)
	}
	cmp, err := ComparePlot(degrees())
	if err != nil {
		t.Fatalf("ComparePlot: %v", err)
	}
	for _, p := range []*plot.Plot{fit, cmp} {
		for _, format := range formats {
			var buf bytes.Buffer
			if err := Write(&buf, p, 6*vg.Inch, 4*vg.Inch, format); err != nil {
				t.Errorf("Write(%s): %v", format, err)
			}
			if buf.Len() < 1000 {
				t.Errorf("Write(%s) wrote %d bytes", format, buf.Len())
			}
		}
	}
}
