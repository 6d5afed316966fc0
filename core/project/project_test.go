package project

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/optim"
	"tempfit/core/train"
)

// sample returns a trained-looking project whose numbers exercise float
// formatting: a sum computed at run time, tiny, huge, subnormal and
// negative zero values.
func sample() *Project {
	a, b := 0.1, 0.2
	return &Project{
		Version: 1,
		Data: data.Dataset{
			XName: "month",
			YName: "temperature °C",
			X:     []float64{1, 2, 3, 4, 5, 6},
			Y:     []float64{a + b, 1e-300, -7.25, math.Copysign(0, -1), 5e-324, math.MaxFloat64},
		},
		Source:         "/home/me/données/temps \"2024\".csv",
		Model:          fit.Model{Kind: fit.Polynomial, Degree: 2, Scaling: fit.Scaled, Harmonics: 3, Period: 12},
		Optimizer:      optim.Adam,
		LearningRate:   0.01,
		Steps:          100000,
		Speed:          SpeedAnimated,
		XMax:           18.5,
		Weights:        []float64{1.0 / 3, -2.0 / 7, math.Pi * 1e10},
		Step:           5,
		History:        []train.LossPoint{{Step: 0, Loss: 60.4375}, {Step: 2, Loss: a * b}, {Step: 4, Loss: 0}},
		OptimizerState: map[string][]float64{"m": {0.1, -0.2, 1e-8}, "v": {a + b, 0, 2.5e-310}, "t": {5}},
	}
}

// sameBits reports whether every float in p and q has the same bits and
// everything else is deeply equal.
func sameBits(t *testing.T, p, q *Project) {
	t.Helper()
	if !reflect.DeepEqual(p, q) {
		t.Fatalf("projects differ:\n got %+v\nwant %+v", q, p)
	}
	eq := func(what string, a, b []float64) {
		t.Helper()
		for i := range a {
			if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
				t.Errorf("%s[%d]: %v (%#x) read back as %v (%#x)", what, i, a[i], math.Float64bits(a[i]), b[i], math.Float64bits(b[i]))
			}
		}
	}
	eq("x", p.Data.X, q.Data.X)
	eq("y", p.Data.Y, q.Data.Y)
	eq("weights", p.Weights, q.Weights)
	eq("scalars", []float64{p.LearningRate, p.XMax, p.Model.Period}, []float64{q.LearningRate, q.XMax, q.Model.Period})
	for i := range p.History {
		eq("history", []float64{p.History[i].Loss}, []float64{q.History[i].Loss})
	}
	for k := range p.OptimizerState {
		eq("state "+k, p.OptimizerState[k], q.OptimizerState[k])
	}
}

func encodeBytes(t *testing.T, p *Project) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Encode(&buf, p); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRoundTrip(t *testing.T) {
	p := sample()
	if s := p.Data.Y[0]; s == 0.3 {
		t.Fatal("0.1+0.2 was folded to 0.3; the test would not check rounding")
	}
	b := encodeBytes(t, p)
	q, err := Decode(bytes.NewReader(b), "a.tempfit")
	if err != nil {
		t.Fatal(err)
	}
	sameBits(t, p, q)
	if !math.Signbit(q.Data.Y[3]) {
		t.Error("negative zero lost its sign")
	}
	if again := encodeBytes(t, q); !bytes.Equal(again, b) {
		t.Errorf("re-encoding changed the file:\n%s\nthen\n%s", b, again)
	}
}

func TestRoundTripUntrained(t *testing.T) {
	p := &Project{
		Version:   1,
		Model:     fit.Model{Kind: fit.Seasonal, Harmonics: 2, Period: 12},
		Optimizer: optim.LBFGS,
		Speed:     SpeedMax,
	}
	b := encodeBytes(t, p)
	for _, want := range []string{`"weights": []`, `"history": []`, `"optimizer_state": {}`, `"x": []`} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("encoding lacks %s:\n%s", want, b)
		}
	}
	q, err := Decode(bytes.NewReader(b), "u.tempfit")
	if err != nil {
		t.Fatal(err)
	}
	sameBits(t, p, q)
}

func TestEncodeLayout(t *testing.T) {
	p := sample()
	b := encodeBytes(t, p)

	// Whitespace aside, the file is exactly what encoding/json writes.
	want, err := json.Marshal(toWire(p))
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := json.Compact(&got, b); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, b)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("layout changed the tokens:\n got %s\nwant %s", got.Bytes(), want)
	}

	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	wantKeys := []string{"data", "format", "history", "learning_rate", "model", "optimizer",
		"optimizer_state", "source", "speed", "step", "steps", "version", "weights", "x_max"}
	if !slices.Equal(keys, wantKeys) {
		t.Errorf("top-level keys %q, want %q", keys, wantKeys)
	}
	if m["format"] != "tempfit-project" || m["version"] != float64(1) {
		t.Errorf("format %v version %v", m["format"], m["version"])
	}

	lines := strings.Split(string(b), "\n")
	for _, want := range []string{
		`  "format": "tempfit-project",`,
		`  "model": {"kind": "poly", "degree": 2, "harmonics": 3, "period": 12, "scaling": "scaled"},`,
		`    "x": [1, 2, 3, 4, 5, 6],`,
		`    {"step": 2, "loss": 0.020000000000000004},`,
		`    "m": [0.1, -0.2, 1e-8],`,
	} {
		if !slices.Contains(lines, want) {
			t.Errorf("no line %q in\n%s", want, b)
		}
	}
	if !bytes.HasSuffix(b, []byte("\n}\n")) {
		t.Errorf("file does not end with a closing brace line: %q", b[len(b)-10:])
	}
}

var update = flag.Bool("update", false, "rewrite testdata/v2.tempfit from goldenDates")

// goldenProject is the project in testdata/v1.tempfit: the book's data and
// model after three Adam steps.
func goldenProject() *Project {
	return &Project{
		Version: 1,
		Data: data.Dataset{
			XName: "month",
			YName: "temperature",
			X:     []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
			Y:     []float64{5.2, 5.7, 8.6, 14.9, 18.2, 20.4, 25.5, 26.4, 22.8, 17.5, 11.1, 6.6},
		},
		Source:         "book.csv",
		Model:          fit.BookModel(),
		Optimizer:      optim.Adam,
		LearningRate:   0.001,
		Steps:          100000,
		Speed:          SpeedAnimated,
		Weights:        []float64{0.0029999999999999996, 0.0029999999999999996, 0.002999999999999999, 0.0029999999999999988, 0.0029999999999999988},
		Step:           3,
		History:        []train.LossPoint{{Step: 0, Loss: 3683.49}, {Step: 1, Loss: 3634.81}, {Step: 2, Loss: 3526.2052}},
		OptimizerState: map[string][]float64{"m": {-0.2, -1.9, -17, -150, -1300}, "v": {4.1e-4, 0.036, 2.9, 230, 17000}, "beta_powers": {0.7290000000000001, 0.997002999}},
	}
}

func TestGolden(t *testing.T) {
	path := filepath.Join("testdata", "v1.tempfit")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Decode(bytes.NewReader(b), path)
	if err != nil {
		t.Fatal(err)
	}
	sameBits(t, goldenProject(), p)
	if again := encodeBytes(t, p); !bytes.Equal(again, b) {
		t.Errorf("a format 1 file is no longer written the same way:\n%s", again)
	}
}

// mutate returns the encoding of sample() after change has edited its
// generic JSON form.
func mutate(t *testing.T, change func(m map[string]any)) []byte {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(encodeBytes(t, sample())))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		t.Fatal(err)
	}
	change(m)
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func sub(m map[string]any, key string) map[string]any { return m[key].(map[string]any) }

func TestDecodeRefuses(t *testing.T) {
	const name = "/data/run.tempfit"
	tests := []struct {
		name string
		in   []byte
		kind error
		want string // the whole message after "name: ", or with "~" a part of it
	}{
		{"empty", nil, ErrInvalid, "damaged project file: the file is empty"},
		{"text", []byte("month,temp\n1,2\n"), ErrNotProject, "not a Tempfit project (not a JSON object)"},
		{"list", []byte("[1, 2]"), ErrNotProject, "not a Tempfit project (not a JSON object)"},
		{"bad JSON", []byte(`{"format": "tempfit-project", "version": 1,}`), ErrInvalid,
			"damaged project file: invalid JSON at byte 44: invalid character '}' looking for beginning of object key string"},
		{"truncated", []byte(`{"format": "tempfit-project", "version": 1, "data": {"x": [1, 2`), ErrInvalid,
			"damaged project file: the file ends too early (after 63 bytes); it may have been cut short"},
		{"trailing", append(encodeBytes(t, sample()), "{}"...), ErrInvalid, "~unexpected data after the project"},
		{"other JSON", []byte(`{"name": "x", "version": 1}`), ErrNotProject, "not a Tempfit project"},
		{"no format", mutate(t, func(m map[string]any) { delete(m, "format") }), ErrNotProject, "not a Tempfit project"},
		{"wrong format", mutate(t, func(m map[string]any) { m["format"] = "tempfit-settings" }), ErrNotProject, "not a Tempfit project"},
		{"format type", mutate(t, func(m map[string]any) { m["format"] = 1 }), ErrNotProject, "not a Tempfit project"},
		{"no version", mutate(t, func(m map[string]any) { delete(m, "version") }), ErrInvalid,
			"damaged project file: format version missing is not a whole number ≥ 1"},
		{"version 0", mutate(t, func(m map[string]any) { m["version"] = 0 }), ErrInvalid,
			"damaged project file: format version 0 is not a whole number ≥ 1"},
		{"version text", mutate(t, func(m map[string]any) { m["version"] = "1" }), ErrInvalid,
			`damaged project file: format version "1" is not a whole number ≥ 1`},
		{"x type", mutate(t, func(m map[string]any) { sub(m, "data")["x"] = []any{1, "2"} }), ErrInvalid,
			`damaged project file: "data.x" holds a string where a finite number belongs`},
		{"huge number", mutate(t, func(m map[string]any) { m["x_max"] = json.Number("1e400") }), ErrInvalid,
			`damaged project file: "x_max" holds a number 1e400 where a finite number belongs`},
		{"step type", mutate(t, func(m map[string]any) { m["step"] = 2.5 }), ErrInvalid,
			`damaged project file: "step" holds a number 2.5 where a whole number belongs`},
		{"xy lengths", mutate(t, func(m map[string]any) { sub(m, "data")["y"] = []any{1, 2} }), ErrInvalid,
			"damaged project file: data: 6 x values but 2 y values"},
		{"same names", mutate(t, func(m map[string]any) { sub(m, "data")["y_name"] = "month" }), ErrInvalid,
			`damaged project file: data: x and y columns have the same name "month"`},
		{"model kind", mutate(t, func(m map[string]any) { sub(m, "model")["kind"] = "spline" }), ErrInvalid,
			`damaged project file: model: unknown model "spline"`},
		{"degree", mutate(t, func(m map[string]any) { sub(m, "model")["degree"] = 40 }), ErrInvalid,
			"damaged project file: model: degree 40 out of range 0..15"},
		{"no model", mutate(t, func(m map[string]any) { delete(m, "model") }), ErrInvalid,
			`damaged project file: model: unknown model ""`},
		{"optimizer", mutate(t, func(m map[string]any) { m["optimizer"] = "sgdx" }), ErrInvalid,
			`damaged project file: unknown optimizer "sgdx"`},
		{"learning rate", mutate(t, func(m map[string]any) { m["learning_rate"] = -0.5 }), ErrInvalid,
			"damaged project file: learning rate -0.5 is not a number ≥ 0"},
		{"budget", mutate(t, func(m map[string]any) { m["steps"] = -1 }), ErrInvalid,
			"damaged project file: step budget -1 is negative"},
		{"speed", mutate(t, func(m map[string]any) { m["speed"] = "fast" }), ErrInvalid,
			`damaged project file: speed "fast" is neither "animated" nor "max"`},
		{"weights", mutate(t, func(m map[string]any) { m["weights"] = []any{1, 2} }), ErrInvalid,
			"damaged project file: 2 weights for a model with 3 parameters"},
		{"step", mutate(t, func(m map[string]any) { m["step"] = -3 }), ErrInvalid,
			"damaged project file: step -3 is negative"},
		{"step without weights", mutate(t, func(m map[string]any) { m["weights"] = []any{} }), ErrInvalid,
			"damaged project file: step 5 and 3 loss history points without weights"},
		{"history order", mutate(t, func(m map[string]any) {
			h := m["history"].([]any)
			h[0], h[1] = h[1], h[0]
		}), ErrInvalid, "damaged project file: loss history is not in step order: step 0 follows step 2"},
		{"history repeat", mutate(t, func(m map[string]any) {
			h := m["history"].([]any)
			m["history"] = append(h, h[2])
		}), ErrInvalid, "damaged project file: loss history is not in step order: step 4 follows step 4"},
		{"history ahead", mutate(t, func(m map[string]any) { m["step"] = 4 }), ErrInvalid,
			"damaged project file: loss history point 3 is at step 4, not before the current step 4"},
		{"history negative step", mutate(t, func(m map[string]any) {
			m["history"] = []any{map[string]any{"step": -1, "loss": 1}}
		}), ErrInvalid, "damaged project file: loss history point 1 is at negative step -1"},
		{"negative loss", mutate(t, func(m map[string]any) {
			m["history"] = []any{map[string]any{"step": 1, "loss": -2}}
		}), ErrInvalid, "damaged project file: loss -2 at step 1 is not a number ≥ 0"},
		{"state type", mutate(t, func(m map[string]any) { sub(m, "optimizer_state")["m"] = "x" }), ErrInvalid,
			`damaged project file: "optimizer_state" holds a string where a list belongs`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Decode(bytes.NewReader(tt.in), name)
			if err == nil {
				t.Fatalf("accepted:\n%s", tt.in)
			}
			if p != nil {
				t.Error("returned a project with the error")
			}
			if !errors.Is(err, tt.kind) {
				t.Errorf("error %q is not %v", err, tt.kind)
			}
			msg := err.Error()
			if part, ok := strings.CutPrefix(tt.want, "~"); ok {
				if !strings.HasPrefix(msg, name+": ") || !strings.Contains(msg, part) {
					t.Errorf("error %q, want %q naming the file", msg, part)
				}
			} else if msg != name+": "+tt.want {
				t.Errorf("error\n %q\nwant\n %q", msg, name+": "+tt.want)
			}
		})
	}
}

func TestDecodeNewerVersion(t *testing.T) {
	for _, tt := range []struct {
		version int
		want    string
	}{
		{3, "next.tempfit was saved by a newer version of Tempfit (format 3); this version reads format 2"},
		{17, "next.tempfit was saved by a newer version of Tempfit (format 17); this version reads format 2"},
	} {
		in := mutate(t, func(m map[string]any) {
			m["version"] = tt.version
			m["data"] = "stored elsewhere in a newer format" // a newer layout must not matter
		})
		p, err := Decode(bytes.NewReader(in), "next.tempfit")
		if p != nil || !errors.Is(err, ErrNewerVersion) {
			t.Fatalf("version %d: %v, %v", tt.version, p, err)
		}
		if err.Error() != tt.want {
			t.Errorf("error\n %q\nwant\n %q", err, tt.want)
		}
	}
}

func TestDecodeToleratesUnknownFields(t *testing.T) {
	in := mutate(t, func(m map[string]any) {
		m["notes"] = "added by a later release"
		m["window"] = map[string]any{"width": 800, "height": 600}
		sub(m, "data")["units"] = []any{"month", "°C"}
		sub(m, "model")["regularisation"] = 0.5
	})
	p, err := Decode(bytes.NewReader(in), "later.tempfit")
	if err != nil {
		t.Fatal(err)
	}
	sameBits(t, sample(), p)
	if bytes.Contains(encodeBytes(t, p), []byte("notes")) {
		t.Error("unknown field written back")
	}
}

func TestDecodeTooLarge(t *testing.T) {
	b := encodeBytes(t, sample())
	defer func(n int64) { maxSize = n }(maxSize)
	maxSize = int64(len(b))
	if _, err := Decode(bytes.NewReader(b), "fits.tempfit"); err != nil {
		t.Fatalf("a file of exactly the limit: %v", err)
	}
	maxSize = int64(len(b)) - 1
	p, err := Decode(bytes.NewReader(b), "big.tempfit")
	if p != nil || !errors.Is(err, ErrNotProject) || !strings.HasPrefix(err.Error(), "big.tempfit: not a Tempfit project (larger than") {
		t.Errorf("file over the limit: %v, %v", p, err)
	}
}

func TestDecodeCanonicalOptimizer(t *testing.T) {
	in := mutate(t, func(m map[string]any) { m["optimizer"] = "RMSProp" })
	p, err := Decode(bytes.NewReader(in), "case.tempfit")
	if err != nil {
		t.Fatal(err)
	}
	if p.Optimizer != optim.RMSProp {
		t.Errorf("optimizer %q, want %q", p.Optimizer, optim.RMSProp)
	}
}

func TestDecodeTruncatedEverywhere(t *testing.T) {
	p := sample()
	for i := 6; i < 40; i++ {
		p.Data.X = append(p.Data.X, float64(i)+0.5)
		p.Data.Y = append(p.Data.Y, math.Sqrt(float64(i)))
	}
	for i := 5; i < 60; i++ {
		p.History = append(p.History, train.LossPoint{Step: 2 * i, Loss: 1 / float64(i)})
	}
	p.Step = 120
	full := encodeBytes(t, p)
	whole := bytes.TrimRight(full, "\n")
	n := 0
	for cut := 0; cut < len(full); cut += 97 {
		if cut >= len(whole) {
			break // only the final newline is missing: still a whole project
		}
		n++
		p, err := Decode(bytes.NewReader(full[:cut]), "cut.tempfit")
		if err == nil || p != nil {
			t.Fatalf("cut at %d of %d bytes: accepted", cut, len(full))
		}
		if !errors.Is(err, ErrInvalid) || !strings.HasPrefix(err.Error(), "cut.tempfit: damaged project file: ") {
			t.Errorf("cut at %d: error %q", cut, err)
		}
		if cut > 0 && !strings.Contains(err.Error(), "ends too early") {
			t.Errorf("cut at %d: error %q does not say the file is cut short", cut, err)
		}
	}
	if n < 30 {
		t.Errorf("only %d cuts tried", n)
	}
}

func TestEncodeRefusesInvalid(t *testing.T) {
	tests := []struct {
		name   string
		change func(p *Project)
		want   string
	}{
		{"NaN y", func(p *Project) { p.Data.Y[2] = math.NaN() }, "data: row 3 (3, NaN) is not a pair of finite numbers"},
		{"Inf x", func(p *Project) { p.Data.X[0] = math.Inf(-1) }, "data: row 1 (-Inf, 0.30000000000000004) is not a pair of finite numbers"},
		{"Inf weight", func(p *Project) { p.Weights[1] = math.Inf(1) }, "weight 1 is +Inf, not a finite number"},
		{"NaN loss", func(p *Project) { p.History[1].Loss = math.NaN() }, "loss NaN at step 2 is not a number ≥ 0"},
		{"NaN state", func(p *Project) { p.OptimizerState["v"][1] = math.NaN() }, `optimizer state "v"[1] is NaN, not a finite number`},
		{"NaN lr", func(p *Project) { p.LearningRate = math.NaN() }, "learning rate NaN is not a number ≥ 0"},
		{"Inf x max", func(p *Project) { p.XMax = math.Inf(1) }, "x max +Inf is not a finite number"},
		{"NaN period", func(p *Project) { p.Model.Period = math.NaN() }, "model: period NaN is not a finite number"},
		{"upper-case optimizer", func(p *Project) { p.Optimizer = "ADAM" }, `unknown optimizer "ADAM"`},
		{"no speed", func(p *Project) { p.Speed = "" }, `speed "" is neither "animated" nor "max"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := sample()
			tt.change(p)
			var buf bytes.Buffer
			err := Encode(&buf, p)
			if err == nil {
				t.Fatal("accepted")
			}
			if want := "cannot save the project: " + tt.want; err.Error() != want {
				t.Errorf("error\n %q\nwant\n %q", err, want)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes", buf.Len())
			}
		})
	}
	if err := Encode(new(bytes.Buffer), nil); err == nil {
		t.Error("nil project accepted")
	}
}

func TestCheckpoint(t *testing.T) {
	p := sample()
	c := p.Checkpoint()
	if !slices.Equal(c.Weights, p.Weights) || c.Step != p.Step || !slices.Equal(c.History, p.History) ||
		!reflect.DeepEqual(c.OptimizerState, p.OptimizerState) {
		t.Fatalf("checkpoint %+v does not match the project", c)
	}
	c.Weights[0]++
	c.History[0].Loss++
	c.OptimizerState["m"][0]++
	if !reflect.DeepEqual(p, sample()) {
		t.Error("changing the checkpoint changed the project")
	}
	if c := (&Project{}).Checkpoint(); c.OptimizerState != nil || c.Weights != nil {
		t.Errorf("untrained checkpoint %+v, want no weights or state", c)
	}
}

func TestSaveLoad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "session"+Extension)
	p := sample()
	if err := Save(path, p); err != nil {
		t.Fatal(err)
	}
	q, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	sameBits(t, p, q)
	b, _ := os.ReadFile(path)
	if !bytes.Equal(b, encodeBytes(t, p)) {
		t.Error("Save wrote something other than Encode")
	}
}

// existing writes a project file in a new directory and returns its path
// and content.
func existing(t *testing.T) (path string, content []byte) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "keep"+Extension)
	old := sample()
	old.Source = "the old file"
	if err := Save(path, old); err != nil {
		t.Fatal(err)
	}
	content, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, content
}

// unchanged checks that path still holds content and is alone in its folder.
func unchanged(t *testing.T, path string, content []byte) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(got, content) {
		t.Errorf("existing file changed (%v)", err)
	}
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil || len(entries) != 1 {
		t.Errorf("folder holds %v (%v), want only %s", entries, err, filepath.Base(path))
	}
}

func TestSaveInvalidKeepsFile(t *testing.T) {
	path, content := existing(t)
	p := sample()
	p.Weights[0] = math.NaN()
	err := Save(path, p)
	if err == nil {
		t.Fatal("saved a NaN weight")
	}
	if want := "cannot write " + path + ": weight 0 is NaN, not a finite number"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	unchanged(t, path, content)
}

func TestSaveMissingDir(t *testing.T) {
	path, content := existing(t)
	missing := filepath.Join(filepath.Dir(path), "gone", "new"+Extension)
	err := Save(missing, sample())
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), missing) {
		t.Errorf("error %v, want a not-exist error naming %s", err, missing)
	}
	unchanged(t, path, content)
}

func TestSaveReadOnlyDir(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores directory permissions")
	}
	path, content := existing(t)
	dir := filepath.Dir(path)
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	err := Save(path, sample())
	if !errors.Is(err, fs.ErrPermission) || !strings.Contains(err.Error(), path) {
		t.Errorf("error %v, want a permission error naming %s", err, path)
	}
	unchanged(t, path, content)
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "none"+Extension)
	if _, err := Load(missing); !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing file: %v", err)
	}
	csv := filepath.Join(dir, "temps.csv")
	if err := os.WriteFile(csv, []byte("month,t\n1,2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := Load(csv)
	if p != nil || err == nil || err.Error() != csv+": not a Tempfit project (not a JSON object)" {
		t.Errorf("CSV file: %v, %v", p, err)
	}
}

func TestRoundTripTrendAndHoldOut(t *testing.T) {
	p := sample()
	p.Model = fit.Model{Kind: fit.Seasonal, Harmonics: 2, Period: 12, Trend: 1, Scaling: fit.Scaled}
	p.Weights = make([]float64, p.Model.NumParams())
	p.OptimizerState = nil
	p.HoldOut = fit.HoldRule{Kind: fit.HoldRandom, Fraction: 0.2, Seed: 7}
	b := encodeBytes(t, p)
	if !strings.Contains(string(b), `"version": 2`) {
		t.Errorf("a trend and a hold-out need format 2:\n%s", b)
	}
	q, err := Decode(strings.NewReader(string(b)), "p.tempfit")
	if err != nil {
		t.Fatal(err)
	}
	if q.Model != p.Model || q.HoldOut != p.HoldOut {
		t.Errorf("read back %+v, %+v", q.Model, q.HoldOut)
	}
	p.HoldOut = fit.HoldRule{Kind: fit.HoldLast, Fraction: 1.5}
	if err := Encode(io.Discard, p); err == nil {
		t.Error("a hold-out of 150% was written")
	}
}
