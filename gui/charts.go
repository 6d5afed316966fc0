package gui

import (
	"image"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
	"gonum.org/v1/plot"

	"tempfit/chart"
	"tempfit/core/fit"
	"tempfit/core/session"
	"tempfit/core/train"
)

// maxChartWidth is the widest image drawn for a chart, in pixels; a wider
// chart is drawn at this width and stretched.
const maxChartWidth = 1600

// chartSettings are the chart options and texts the bridge draws with.
type chartSettings struct {
	residuals  bool    // show residuals instead of the fit
	confidence bool    // draw the 95% confidence band of the curve
	prediction bool    // draw the 95% prediction band of a new observation
	extendTo   float64 // draw the curves up to this x; NaN for the data's range
	xLabel     string
	yLabel     string
	step       string // loss chart's x label
	loss       string // loss chart's y label
	residual   string // residual chart's y label
	labels     chart.Labels
}

// pixelSize is the size of a chart image in pixels and the resolution to
// draw it at.
type pixelSize struct{ w, h, dpi int }

// drawCharts draws the fit (or residual) chart and the loss chart for a
// view and a snapshot, which may be nil. It runs on the bridge's goroutine
// and reads only its arguments, which never change.
func drawCharts(v *view, s *train.Snapshot) (fitImg, lossImg image.Image) {
	var fp *plot.Plot
	if v.chart.residuals {
		fp = residualPlot(v, s)
	} else {
		fp = fitPlot(v, s)
	}
	fitImg = render(fp, v.fitSize)
	lossImg = render(lossPlot(v, s), v.lossSize)
	return fitImg, lossImg
}

// render draws p at size, or returns nil when it cannot.
func render(p *plot.Plot, size pixelSize) image.Image {
	if p == nil || size.w <= 0 || size.h <= 0 {
		return nil
	}
	img, err := chart.RenderDPI(p, size.w, size.h, size.dpi)
	if err != nil {
		return nil
	}
	return img
}

// fitPlot returns the chart of the points with the current and optimum
// curves.
func fitPlot(v *view, s *train.Snapshot) *plot.Plot {
	f := chart.Fit{
		XLabel: v.chart.xLabel,
		YLabel: v.chart.yLabel,
		Labels: v.chart.labels,
	}
	if d := v.data; d != nil {
		f.X, f.Y, f.XAxis = d.X, d.Y, d.XAxis
		f.XMin, f.XMax = d.XRange()
		if v.chart.extendTo > f.XMax {
			f.XMax = v.chart.extendTo
		}
	}
	if h := v.held; h != nil {
		f.HeldX, f.HeldY = h.X, h.Y
	}
	if s != nil && s.Problem != nil {
		pr, w := s.Problem, s.Weights
		f.Predict = pr.Curve(w)
		f.Optimum = pr.Curve(pr.Optimum())
		band := func(b fit.Band, kind chart.BandKind) chart.Band {
			return chart.Band{Kind: kind, Sample: func(xs []float64) ([]float64, []float64) {
				_, lo, hi := pr.Band(w, xs, b, 0.95)
				return lo, hi
			}}
		}
		if v.chart.prediction {
			f.Bands = append(f.Bands, band(fit.PredictionBand, chart.PredictionBand))
		}
		if v.chart.confidence {
			f.Bands = append(f.Bands, band(fit.ConfidenceBand, chart.ConfidenceBand))
		}
	}
	p, err := chart.FitPlot(f)
	if err != nil {
		return nil
	}
	return p
}

// residualPlot returns the chart of the residuals of the snapshot's data.
func residualPlot(v *view, s *train.Snapshot) *plot.Plot {
	r := chart.Residuals{XLabel: v.chart.xLabel, YLabel: v.chart.residual, Labels: v.chart.labels}
	if v.data != nil {
		r.XAxis = v.data.XAxis
	}
	if s != nil && s.Problem != nil {
		r.X = s.Problem.Data.X
		r.Residuals = s.Problem.Residuals(s.Weights)
		if h := v.held; h != nil {
			curve := s.Problem.Curve(s.Weights)
			r.HeldX = h.X
			r.HeldResiduals = make([]float64, h.Len())
			for i, x := range h.X {
				r.HeldResiduals[i] = h.Y[i] - curve(x)
			}
		}
	}
	p, err := chart.ResidualPlot(r)
	if err != nil {
		return nil
	}
	return p
}

// lossPlot returns the chart of the loss against the step.
func lossPlot(v *view, s *train.Snapshot) *plot.Plot {
	l := chart.Loss{XLabel: v.chart.step, YLabel: v.chart.loss, Labels: v.chart.labels, Optimum: math.NaN()}
	if s != nil {
		curve := s.LossCurve()
		l.Steps = make([]float64, len(curve))
		l.Losses = make([]float64, len(curve))
		for i, p := range curve {
			l.Steps[i], l.Losses[i] = float64(p.Step), p.Loss
		}
		if s.Problem != nil {
			l.Optimum = s.Problem.OptimumSSE()
		}
	}
	p, err := chart.LossPlot(l)
	if err != nil {
		return nil
	}
	return p
}

// chartView shows a chart image and reports its size when it changes, so
// that the next frame is drawn to fit.
type chartView struct {
	widget.BaseWidget
	image    *canvas.Image
	size     fyne.Size
	onResize func()
}

// newChartView returns an empty chart view.
func newChartView(onResize func()) *chartView {
	c := &chartView{image: canvas.NewImageFromImage(nil), onResize: onResize}
	c.image.FillMode = canvas.ImageFillStretch
	c.image.ScaleMode = canvas.ImageScaleSmooth
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer returns the renderer of the view.
func (c *chartView) CreateRenderer() fyne.WidgetRenderer {
	return &chartRenderer{c: c}
}

// setImage shows img; nil keeps the image shown.
func (c *chartView) setImage(img image.Image) {
	if img == nil {
		return
	}
	c.image.Image = img
	c.image.Refresh()
}

// pixels returns the size to draw the chart at: the view's size in pixels,
// at most maxChartWidth wide.
func (c *chartView) pixels() pixelSize {
	scale := float32(1)
	if app := fyne.CurrentApp(); app != nil {
		if cv := app.Driver().CanvasForObject(c); cv != nil && cv.Scale() > 0 {
			scale = cv.Scale()
		}
	}
	w := float64(c.size.Width * scale)
	h := float64(c.size.Height * scale)
	dpi := float64(chart.DPI) * float64(scale)
	if w > maxChartWidth {
		h *= maxChartWidth / w
		dpi *= maxChartWidth / w
		w = maxChartWidth
	}
	return pixelSize{w: int(w), h: int(h), dpi: max(int(math.Round(dpi)), 24)}
}

// chartRenderer lays out a chart view's image and notices size changes.
type chartRenderer struct{ c *chartView }

// Layout fills the view with the image and reports a new size.
func (r *chartRenderer) Layout(size fyne.Size) {
	r.c.image.Move(fyne.NewPos(0, 0))
	r.c.image.Resize(size)
	if size != r.c.size {
		r.c.size = size
		if r.c.onResize != nil {
			r.c.onResize()
		}
	}
}

// MinSize is the smallest size a chart is readable at.
func (r *chartRenderer) MinSize() fyne.Size { return fyne.NewSize(200, 140) }

// Refresh redraws the image.
func (r *chartRenderer) Refresh() { r.c.image.Refresh() }

// Objects returns the image.
func (r *chartRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.c.image} }

// Destroy does nothing.
func (r *chartRenderer) Destroy() {}

// chartsPanel is the right-hand area: the fit chart (or the residuals) over
// the loss chart, with the chart options.
type chartsPanel struct {
	session    *session.Session
	publish    func() // tells the bridge the charts changed
	fit        *chartView
	loss       *chartView
	residuals  *widget.Check
	confidence *widget.Check
	prediction *widget.Check
	extend     *fieldEntry
	message    *widget.Label
	content    fyne.CanvasObject
}

// newChartsPanel builds the charts area for the session s; publish tells
// the bridge to draw again.
func newChartsPanel(s *session.Session, publish func()) *chartsPanel {
	c := &chartsPanel{session: s, publish: publish}
	c.fit = newChartView(publish)
	c.loss = newChartView(publish)
	c.residuals = widget.NewCheck(lang.L("Show residuals"), func(bool) { publish() })
	c.confidence = widget.NewCheck(lang.L("Confidence band"), func(bool) { publish() })
	c.prediction = widget.NewCheck(lang.L("Prediction band"), func(bool) { publish() })
	c.extend = newFieldEntry(c.onExtend)
	c.extend.SetPlaceHolder(lang.L("data range"))
	c.message = widget.NewLabel("")
	c.message.Importance = widget.DangerImportance
	c.message.Hide()
	extendLabel := widget.NewLabel(lang.L("Draw the curve up to x ="))
	bar := container.NewVBox(
		container.NewHBox(c.residuals, c.confidence, c.prediction),
		container.NewHBox(extendLabel, container.NewGridWrap(fyne.NewSize(110, c.extend.MinSize().Height), c.extend), c.message))
	split := container.NewVSplit(c.fit, c.loss)
	split.Offset = 0.6
	c.content = container.NewBorder(bar, nil, nil, nil, split)
	return c
}

// settings returns the chart options as the bridge needs them.
func (c *chartsPanel) settings(xName, yName string) chartSettings {
	return chartSettings{
		residuals:  c.residuals.Checked,
		confidence: c.confidence.Checked,
		prediction: c.prediction.Checked,
		extendTo:   c.session.ExtendTo(),
		xLabel:     xName,
		yLabel:     yName,
		step:       lang.L("Step"),
		loss:       lang.L("Loss (SSE)"),
		residual:   lang.L("Residual (y - predicted)"),
		labels: chart.Labels{
			Observed:       lang.L("Observed"),
			Predicted:      lang.L("Predicted"),
			Optimum:        lang.L("Exact optimum"),
			Loss:           lang.L("Loss"),
			HeldOut:        lang.L("Held out"),
			ConfidenceBand: lang.L("95% confidence band"),
			PredictionBand: lang.L("95% prediction band"),
		},
	}
}

// show shows a frame's images.
func (c *chartsPanel) show(f *frame) {
	c.fit.setImage(f.fit)
	c.loss.setImage(f.loss)
}

// onExtend reads the x the curves are drawn up to; empty means the data's
// range.
func (c *chartsPanel) onExtend(text string) {
	text = strings.TrimSpace(text)
	if text == "" {
		c.message.Hide()
		c.session.SetExtendTo(math.NaN())
		return
	}
	v, err := c.parseX(text)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		c.message.SetText(lang.L("Not a number: {{.Text}}", map[string]any{"Text": text}))
		if c.session.Sheet().XAxis().IsTime() {
			c.message.SetText(lang.L("Not a date: {{.Text}}", map[string]any{"Text": text}))
		}
		c.message.Show()
		return
	}
	c.message.Hide()
	c.session.SetExtendTo(v)
}

// parseX reads an x typed in: a date on a date axis, else a number.
func (c *chartsPanel) parseX(text string) (float64, error) {
	if a := c.session.Sheet().XAxis(); a.IsTime() {
		return a.Parse(text)
	}
	return strconv.ParseFloat(text, 64)
}

// showExtendTo shows the x the curves are drawn up to; NaN for the data's
// range.
func (c *chartsPanel) showExtendTo(x float64) {
	c.message.Hide()
	switch a := c.session.Sheet().XAxis(); {
	case math.IsNaN(x):
		c.extend.SetText("")
	case a.IsTime():
		c.extend.SetText(a.Format(x))
	default:
		c.extend.SetText(strconv.FormatFloat(x, 'g', -1, 64))
	}
	c.extend.accepted = c.extend.Text
}
