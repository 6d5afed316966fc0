package project

import (
	"bytes"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/optim"
	"tempfit/core/train"
)

// axes are x axes that ReadCSV makes.
var axes = []data.XAxis{
	{},
	{Kind: data.Date, Origin: time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC), Layout: "2006-01-02"},
	{Kind: data.Date, Origin: time.Date(1999, 12, 31, 0, 0, 0, 0, time.UTC), Layout: "02/01/2006"},
	{Kind: data.DateTime, Origin: time.Date(2020, 2, 29, 0, 0, 0, 0, time.UTC), Layout: "2006-01-02 15:04:05"},
	{Kind: data.DateTime, Origin: time.Date(2020, 3, 1, 15, 0, 0, 0, time.UTC), Layout: "2006-01-02T15:04Z07:00", Offset: 9 * 3600},
	{Kind: data.YearMonth, Origin: time.Date(1981, 1, 1, 0, 0, 0, 0, time.UTC), Layout: "2006-01"},
	{Kind: data.MonthName, Layout: "Jan"},
}

// anyFloat returns a finite float64 of any size and sign, subnormals and
// negative zero included.
func anyFloat(rng *rand.Rand) float64 {
	for {
		v := math.Float64frombits(rng.Uint64())
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			return v
		}
	}
}

func floats(rng *rand.Rand, n int) []float64 {
	if n == 0 {
		return nil
	}
	v := make([]float64, n)
	for i := range v {
		v[i] = anyFloat(rng)
	}
	return v
}

// randomProject returns a valid project with random settings and values.
func randomProject(rng *rand.Rand) *Project {
	p := &Project{
		Source:       []string{"", "/home/me/temps.csv", `C:\data\온도 "2024".csv`}[rng.IntN(3)],
		Optimizer:    optim.Kinds()[rng.IntN(len(optim.Kinds()))],
		LearningRate: math.Abs(anyFloat(rng)),
		Steps:        rng.IntN(1_000_000),
		Speed:        []string{SpeedAnimated, SpeedMax}[rng.IntN(2)],
		XMax:         anyFloat(rng),
	}
	if rng.IntN(2) == 0 {
		p.Model = fit.Model{Kind: fit.Polynomial, Degree: rng.IntN(fit.MaxDegree + 1), Scaling: []fit.Scaling{fit.Raw, fit.Scaled}[rng.IntN(2)]}
	} else {
		p.Model = fit.Model{Kind: fit.Seasonal, Harmonics: 1 + rng.IntN(fit.MaxHarmonics), Period: math.Abs(anyFloat(rng)) + 1e-300, Trend: rng.IntN(fit.MaxTrend + 1)}
	}
	switch rng.IntN(4) {
	case 1:
		p.HoldOut = fit.HoldRule{Kind: fit.HoldLast, Fraction: 0.05 + 0.9*rng.Float64()}
	case 2:
		p.HoldOut = fit.HoldRule{Kind: fit.HoldSpan, Span: 1 + 1000*rng.Float64()}
	case 3:
		p.HoldOut = fit.HoldRule{Kind: fit.HoldRandom, Fraction: 0.05 + 0.9*rng.Float64(), Seed: rng.Uint64()}
	}
	n := rng.IntN(40)
	p.Data = data.Dataset{XName: "x" + strings.Repeat("é", rng.IntN(3)), YName: "temperature", X: floats(rng, n), Y: floats(rng, n), XAxis: axes[rng.IntN(len(axes))]}
	if rng.IntN(3) > 0 {
		p.Weights = floats(rng, p.Model.NumParams())
		p.Step = 1 + rng.IntN(1000)
		for s := rng.IntN(p.Step); s < p.Step && len(p.History) < 50; s += 1 + rng.IntN(20) {
			p.History = append(p.History, train.LossPoint{Step: s, Loss: math.Abs(anyFloat(rng))})
		}
		if rng.IntN(2) == 0 {
			p.OptimizerState = map[string][]float64{"m": floats(rng, len(p.Weights)), "v": floats(rng, len(p.Weights)), "t": {float64(p.Step)}}
		}
	}
	return p
}

// Saving a project and loading it again gives back the same project, every
// float bit for bit.
func TestSaveLoadIsIdentity(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	dir := t.TempDir()
	for i := range 300 {
		p := randomProject(rng)
		if err := p.Validate(); err != nil {
			t.Fatalf("project %d is not valid: %v", i, err)
		}
		path := filepath.Join(dir, "p.tempfit")
		if err := Save(path, p); err != nil {
			t.Fatalf("project %d: %v", i, err)
		}
		q, err := Load(path)
		if err != nil {
			t.Fatalf("project %d: %v", i, err)
		}
		p.Version = q.Version
		sameBits(t, p, q)
	}
}

// A project too large for Load is refused by Save, which leaves the old
// file as it was.
func TestSaveRefusesWhatLoadRefuses(t *testing.T) {
	p := sample()
	b := encodeBytes(t, p)
	defer func(n int64) { maxSize = n }(maxSize)
	maxSize = int64(len(b)) - 1
	path := filepath.Join(t.TempDir(), "big.tempfit")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Save(path, p)
	if err == nil || !strings.Contains(err.Error(), "MiB Tempfit opens") {
		t.Fatalf("error %v, want one saying the project is too large", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("old file changed to %q", got)
	}
}

// Huge lists where a few numbers belong are refused whole with a message.
func TestDecodeRefusesHugeLists(t *testing.T) {
	huge := make([]any, 50_000)
	for i := range huge {
		huge[i] = 1.5
	}
	for _, tc := range []struct {
		name   string
		change func(m map[string]any)
		want   string
	}{
		{"weights", func(m map[string]any) { m["weights"] = huge }, "50000 weights for a model with 3 parameters"},
		{"x without y", func(m map[string]any) { sub(m, "data")["x"] = huge }, "data: 50000 x values but 6 y values"},
		{"history", func(m map[string]any) {
			h := make([]any, len(huge))
			for i := range h {
				h[i] = map[string]any{"step": 1, "loss": 1}
			}
			m["history"] = h
		}, "loss history is not in step order"},
	} {
		p, err := Decode(bytes.NewReader(mutate(t, tc.change)), "huge.tempfit")
		if p != nil || !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}

// Data files renamed .tempfit are refused as not projects.
func TestDecodeRefusesRenamedDataFiles(t *testing.T) {
	book := excelize.NewFile()
	book.SetSheetRow("Sheet1", "A1", &[]any{"x", "y"})
	var xlsx bytes.Buffer
	if err := book.Write(&xlsx); err != nil {
		t.Fatal(err)
	}
	for name, in := range map[string][]byte{
		"csv":    []byte("month,temp\n1,-2.4\n2,0.4\n"),
		"xlsx":   xlsx.Bytes(),
		"utf-16": {0xFF, 0xFE, '{', 0},
		"binary": {0, 1, 2, 3},
	} {
		p, err := Decode(bytes.NewReader(in), "data.tempfit")
		if p != nil || !errors.Is(err, ErrNotProject) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// Fields left out are refused when a project cannot do without them, and
// read as empty when it can.
func TestDecodeMissingFields(t *testing.T) {
	for field, want := range map[string]string{
		"optimizer": `unknown optimizer ""`,
		"speed":     `speed "" is neither "animated" nor "max"`,
		"model":     `model: unknown model ""`,
	} {
		_, err := Decode(bytes.NewReader(mutate(t, func(m map[string]any) { delete(m, field) })), "f.tempfit")
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), want) {
			t.Errorf("without %s: %v", field, err)
		}
	}
	in := mutate(t, func(m map[string]any) {
		delete(m, "data")
		delete(m, "source")
		m["weights"], m["step"], m["history"] = []any{}, 0, []any{}
		delete(m, "optimizer_state")
	})
	p, err := Decode(bytes.NewReader(in), "f.tempfit")
	if err != nil {
		t.Fatal(err)
	}
	if p.Data.Len() != 0 || p.Source != "" || p.OptimizerState != nil || !reflect.DeepEqual(p.Model, sample().Model) {
		t.Errorf("read %+v", p)
	}
}
