package landscape

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/optim"
	"tempfit/core/train"
)

func bookData(t testing.TB) *data.Dataset {
	t.Helper()
	y := []float64{5.2, 5.7, 8.6, 14.9, 18.2, 20.4, 25.5, 26.4, 22.8, 17.5, 11.1, 6.6}
	x := make([]float64, len(y))
	for i := range x {
		x[i] = float64(i + 1)
	}
	d, err := data.New("month", "temperature", x, y)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func bookProblem(t testing.TB, s fit.Scaling) *fit.Problem {
	t.Helper()
	m := fit.BookModel()
	m.Scaling = s
	pr, err := fit.NewProblem(bookData(t), m)
	if err != nil {
		t.Fatal(err)
	}
	return pr
}

// run trains the book's model for steps and returns the snapshot.
func run(t testing.TB, s fit.Scaling, method optim.Kind, lr float64, steps int) *train.Snapshot {
	t.Helper()
	m := fit.BookModel()
	m.Scaling = s
	tr, err := train.New(bookData(t), train.Config{Model: m, Method: method, LearningRate: lr, Steps: steps})
	if err != nil {
		t.Fatal(err)
	}
	tr.Advance(steps)
	return tr.Snapshot()
}

func near(a, b, tol float64) bool {
	return math.Abs(a-b) <= tol*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// The plane's quadratic gives the loss anywhere on the plane.
func TestPlaneIsTheLoss(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, s := range []fit.Scaling{fit.Raw, fit.Scaled} {
		pr := bookProblem(t, s)
		opt := pr.Optimum()
		for range 20 {
			base := make([]float64, len(opt))
			for k := range base {
				base[k] = opt[k] * (1 + 0.3*rng.NormFloat64())
			}
			i, j := rng.IntN(5), rng.IntN(5)
			if i == j {
				continue
			}
			pl := newPlane(pr, base, i, j)
			a, b := 0.2*rng.NormFloat64()*opt[i], 0.2*rng.NormFloat64()*opt[j]
			w := append([]float64(nil), base...)
			w[i] += a
			w[j] += b
			want := pr.SSE(w)
			got := pl.loss + 2*(pl.g[0]*a+pl.g[1]*b) + pl.rise(a, b)
			if !near(got, want, 1e-7) {
				t.Errorf("%s w%d w%d: plane says %v, residuals %v", s, i, j, got, want)
			}
		}
	}
}

// Every grid value is the loss at its weights, computed from the residuals.
func TestGridIsTheLoss(t *testing.T) {
	s := run(t, fit.Raw, optim.Adam, 0.001, 500)
	m, err := FromSnapshot(s, Options{I: 3, J: 4, Hold: AtCurrent, Cols: 7, Rows: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.X) != 7 || len(m.Y) != 5 || len(m.Loss) != 35 {
		t.Fatalf("grid %d×%d with %d values", len(m.X), len(m.Y), len(m.Loss))
	}
	for r, y := range m.Y {
		for c, x := range m.X {
			w := append([]float64(nil), s.Weights...)
			w[3], w[4] = x, y
			if got, want := m.Loss[r*7+c], s.Problem.SSE(w); !near(got, want, 1e-7) {
				t.Errorf("at (%v, %v) the grid holds %v, the residuals give %v", x, y, got, want)
			}
		}
	}
	if m.X[0] != m.Window.XMin || m.X[6] != m.Window.XMax || m.Y[0] != m.Window.YMin || m.Y[4] != m.Window.YMax {
		t.Errorf("grid %v × %v does not span the window %+v", m.X, m.Y, m.Window)
	}
}

func TestMinimumAtOptimum(t *testing.T) {
	s := run(t, fit.Raw, optim.Adam, 0.001, 2000)
	m, err := FromSnapshot(s, Options{I: 3, J: 4})
	if err != nil {
		t.Fatal(err)
	}
	opt := s.Problem.Optimum()
	if !near(m.MinX, opt[3], 1e-6) || !near(m.MinY, opt[4], 1e-6) || m.OptX != opt[3] || m.OptY != opt[4] {
		t.Errorf("lowest point (%v, %v), optimum (%v, %v), want both (%v, %v)", m.MinX, m.MinY, m.OptX, m.OptY, opt[3], opt[4])
	}
	if !near(m.MinLoss, s.Problem.OptimumSSE(), 1e-9) {
		t.Errorf("lowest loss %v, optimum SSE %v", m.MinLoss, s.Problem.OptimumSSE())
	}
	for _, l := range m.Loss {
		if l < m.MinLoss*(1-1e-9) {
			t.Fatalf("grid loss %v below the lowest %v", l, m.MinLoss)
		}
	}
}

// With the others held at the run's weights, the lowest point is where the
// loss has no slope along the two weights.
func TestMinimumAtCurrent(t *testing.T) {
	for _, sc := range []fit.Scaling{fit.Raw, fit.Scaled} {
		s := run(t, sc, optim.Adam, 0.001, 3000)
		m, err := FromSnapshot(s, Options{I: 1, J: 3, Hold: AtCurrent})
		if err != nil {
			t.Fatal(err)
		}
		w := append([]float64(nil), s.Weights...)
		w[1], w[3] = m.MinX, m.MinY
		grad := make([]float64, 5)
		s.Problem.LossGrad(w, grad)
		// Compare with the slope at the run's own weights.
		ref := make([]float64, 5)
		s.Problem.LossGrad(s.Weights, ref)
		if math.Abs(grad[1]) > 1e-6*math.Abs(ref[1])+1e-9 || math.Abs(grad[3]) > 1e-6*math.Abs(ref[3])+1e-9 {
			t.Errorf("%s: slope (%g, %g) at the lowest point, (%g, %g) at the run's weights", sc, grad[1], grad[3], ref[1], ref[3])
		}
		if m.MinLoss > s.Problem.QuickLoss(s.Weights) {
			t.Errorf("%s: the lowest point's loss %v is above the run's %v", sc, m.MinLoss, s.Problem.QuickLoss(s.Weights))
		}
	}
}

// The default window holds the whole path, the current weights and the
// optimum, centred on the lowest point.
func TestWindowHoldsPath(t *testing.T) {
	for _, c := range []struct {
		scaling fit.Scaling
		method  optim.Kind
		lr      float64
		hold    Hold
	}{
		{fit.Raw, optim.Adam, 0.001, AtOptimum},
		{fit.Raw, optim.Adam, 0.001, AtCurrent},
		{fit.Scaled, optim.Adam, 0.1, AtOptimum},
		{fit.Scaled, optim.Momentum, 0.01, AtCurrent},
	} {
		s := run(t, c.scaling, c.method, c.lr, 5000)
		m, err := FromSnapshot(s, Options{I: 3, J: 4, Hold: c.hold})
		if err != nil {
			t.Fatal(err)
		}
		if len(m.PathX) != len(s.Path)+1 || m.PathX[len(m.PathX)-1] != s.Weights[3] || m.PathY[len(m.PathY)-1] != s.Weights[4] {
			t.Fatalf("%+v: path of %d points for %d recorded, ending at (%v, %v)", c, len(m.PathX), len(s.Path), m.PathX[len(m.PathX)-1], m.PathY[len(m.PathY)-1])
		}
		win := m.Window
		inside := func(x, y float64) bool { return x >= win.XMin && x <= win.XMax && y >= win.YMin && y <= win.YMax }
		for k := range m.PathX {
			if !inside(m.PathX[k], m.PathY[k]) {
				t.Fatalf("%+v: path point %d (%v, %v) outside the window %+v", c, k, m.PathX[k], m.PathY[k], win)
			}
		}
		if !inside(m.OptX, m.OptY) {
			t.Errorf("%+v: optimum outside the window", c)
		}
		if !near((win.XMin+win.XMax)/2, m.MinX, 1e-9) || !near((win.YMin+win.YMax)/2, m.MinY, 1e-9) {
			t.Errorf("%+v: window %+v not centred on (%v, %v)", c, win, m.MinX, m.MinY)
		}
	}
}

func TestGivenWindow(t *testing.T) {
	s := run(t, fit.Scaled, optim.Adam, 0.1, 100)
	win := Window{XMin: -3, XMax: 5, YMin: 10, YMax: 11}
	m, err := FromSnapshot(s, Options{I: 0, J: 2, Window: win, Cols: 9, Rows: 3})
	if err != nil {
		t.Fatal(err)
	}
	if m.Window != win || m.X[0] != -3 || m.X[8] != 5 || m.Y[1] != 10.5 {
		t.Errorf("window %+v, grid %v × %v", m.Window, m.X, m.Y)
	}
	if len(m.Levels) != DefaultLevels {
		t.Errorf("%d levels, want %d", len(m.Levels), DefaultLevels)
	}
}

func TestLevels(t *testing.T) {
	s := run(t, fit.Raw, optim.Adam, 0.001, 2000)
	m, err := FromSnapshot(s, Options{I: 3, J: 4, Levels: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Levels) != 10 {
		t.Fatalf("%d levels, want 10", len(m.Levels))
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, l := range m.Loss {
		lo, hi = math.Min(lo, l), math.Max(hi, l)
	}
	for k, l := range m.Levels {
		if l <= lo || l >= hi {
			t.Errorf("level %d = %v outside the grid's losses %v..%v", k, l, lo, hi)
		}
		if k > 0 {
			ratio := (l - m.MinLoss) / (m.Levels[k-1] - m.MinLoss)
			if ratio <= 1 || ratio > math.Sqrt(10)*(1+1e-9) {
				t.Errorf("levels %d and %d rise by a factor %v", k-1, k, ratio)
			}
		}
	}
	if got := logLevels(5, 5, 5, 12); got != nil {
		t.Errorf("a flat grid has levels %v", got)
	}
}

// On raw x the book's w3 and w4 move together (their valley is a thin,
// tilted trough); on scaled x they are independent (it is round).
func TestTroughAndBowl(t *testing.T) {
	corr := func(s fit.Scaling) float64 {
		pr := bookProblem(t, s)
		pl := newPlane(pr, pr.Optimum(), 3, 4)
		return pl.a[0][1] / math.Sqrt(pl.a[0][0]*pl.a[1][1])
	}
	if c := corr(fit.Raw); math.Abs(c) < 0.99 {
		t.Errorf("raw x: correlation of w3 and w4 is %v, want a thin trough (|c| > 0.99)", c)
	}
	if c := corr(fit.Scaled); math.Abs(c) > 1e-9 {
		t.Errorf("scaled x: correlation of w3 and w4 is %v, want 0 (odd against even powers on symmetric x)", c)
	}
}

func TestNewRefuses(t *testing.T) {
	pr := bookProblem(t, fit.Raw)
	w := make([]float64, 5)
	for _, o := range []Options{
		{I: 2, J: 2},
		{I: 0, J: 5},
		{I: -1, J: 2},
		{I: 3, J: 4, Cols: 1},
		{I: 3, J: 4, Rows: -2},
		{I: 3, J: 4, Hold: 7},
	} {
		if _, err := New(pr, w, nil, o); err == nil {
			t.Errorf("%+v: no error", o)
		}
	}
	if _, err := New(pr, make([]float64, 4), nil, Options{I: 3, J: 4}); err == nil {
		t.Error("4 weights for 5: no error")
	}
	flat, err := fit.NewProblem(bookData(t), fit.Model{Kind: fit.Polynomial, Degree: 0, Scaling: fit.Raw})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := New(flat, []float64{0}, nil, Options{I: 0, J: 1}); err == nil || !strings.Contains(err.Error(), "needs two") {
		t.Errorf("one weight: %v", err)
	}
}

// The condition number is that of XᵀX, checked against the eigenvalues of
// XᵀX formed directly.
func TestCondition(t *testing.T) {
	for _, s := range []fit.Scaling{fit.Raw, fit.Scaled} {
		pr := bookProblem(t, s)
		x := mat.NewDense(12, 5, nil)
		for i, xi := range pr.Data.X {
			pr.Basis.Features(xi, x.RawRowView(i))
		}
		var g mat.SymDense
		g.SymOuterK(1, x.T())
		var eig mat.EigenSym
		if !eig.Factorize(&g, false) {
			t.Fatal("eigen decomposition failed")
		}
		vals := eig.Values(nil)
		want := vals[len(vals)-1] / vals[0]
		if got := Condition(pr); !near(got, want, 1e-4) {
			t.Errorf("%s: condition %v, eigenvalues give %v", s, got, want)
		}
	}
}

func TestConditionsSentence(t *testing.T) {
	c, err := Conditions(bookData(t), fit.BookModel())
	if err != nil {
		t.Fatal(err)
	}
	if c.Raw < 1e10 || c.Raw > 1.2e10 || c.Scaled < 250 || c.Scaled > 300 {
		t.Errorf("book: raw %v, scaled %v", c.Raw, c.Scaled)
	}
	got := c.Sentence()
	for _, want := range []string{"XᵀX has condition number 1.1e+10 on raw x and 279 on scaled x", "on raw x the valley is a thin, tilted trough", "on scaled x it is nearly round."} {
		if !strings.Contains(got, want) {
			t.Errorf("sentence %q lacks %q", got, want)
		}
	}
	if strings.Count(got, ". ") > 0 || !strings.HasSuffix(got, ".") {
		t.Errorf("not one sentence: %q", got)
	}

	seasonal := fit.Model{Kind: fit.Seasonal, Harmonics: 2, Period: 12}
	c, err = Conditions(bookData(t), seasonal)
	if err != nil {
		t.Fatal(err)
	}
	if c.Raw != c.Scaled || c.Raw > 3 {
		t.Errorf("seasonal: raw %v, scaled %v", c.Raw, c.Scaled)
	}
	if got := c.Sentence(); strings.Contains(got, "raw") || !strings.Contains(got, "nearly round") {
		t.Errorf("seasonal sentence %q", got)
	}
	if _, err := Conditions(nil, fit.BookModel()); err == nil {
		t.Error("no data: no error")
	}
}

func TestFormatCondition(t *testing.T) {
	for k, want := range map[float64]string{1.99: "2.0", 278.91: "279", 1.0994e10: "1.1e+10", math.Inf(1): "infinite"} {
		if got := FormatCondition(k); got != want {
			t.Errorf("FormatCondition(%v) = %q, want %q", k, got, want)
		}
	}
}

// No contour is narrower than two grid cells: the thin trough of raw x
// would otherwise break up into dots.
func TestLevelsResolvable(t *testing.T) {
	s := run(t, fit.Raw, optim.Adam, 0.001, 2000)
	m, err := FromSnapshot(s, Options{I: 3, J: 4})
	if err != nil {
		t.Fatal(err)
	}
	pl := newPlane(s.Problem, m.Base, 3, 4)
	dx, dy := m.X[1]-m.X[0], m.Y[1]-m.Y[0]
	// The narrowest half-width of the lowest contour's ellipse, in cells:
	// sqrt(rise / λ) for the larger eigenvalue λ of A in cell units.
	a, b, c := pl.a[0][0]*dx*dx, pl.a[0][1]*dx*dy, pl.a[1][1]*dy*dy
	lambda := (a+c)/2 + math.Sqrt((a-c)*(a-c)/4+b*b)
	if half := math.Sqrt((m.Levels[0] - m.MinLoss) / lambda); half < 1-1e-9 {
		t.Errorf("the lowest contour is %.2f cells across its narrow way, want at least 2", 2*half)
	}
	if len(m.Levels) != DefaultLevels {
		t.Errorf("%d levels, want %d", len(m.Levels), DefaultLevels)
	}
}
