package optim

import (
	"strconv"
	"strings"
	"testing"
)

func TestKinds(t *testing.T) {
	want := []Kind{Adam, GradientDescent, Momentum, Nesterov, Adagrad, RMSProp, LBFGS, Exact}
	got := Kinds()
	if len(got) != len(want) {
		t.Fatalf("Kinds() = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Kinds() = %v, want %v", got, want)
		}
	}
	names := map[Kind]string{
		GradientDescent: "sgd", Momentum: "momentum", Nesterov: "nesterov", Adagrad: "adagrad",
		RMSProp: "rmsprop", Adam: "adam", LBFGS: "lbfgs", Exact: "exact",
	}
	for k, name := range names {
		if k.String() != name {
			t.Errorf("%q.String() = %q, want %q", k, k.String(), name)
		}
	}
}

func TestParseKind(t *testing.T) {
	for _, k := range Kinds() {
		for _, s := range []string{string(k), strings.ToUpper(string(k)), strings.ToUpper(string(k[:1])) + string(k[1:])} {
			got, err := ParseKind(s)
			if err != nil || got != k {
				t.Errorf("ParseKind(%q) = %q, %v; want %q", s, got, err, k)
			}
		}
	}
	for _, s := range []string{"", "gd", "adamw", " adam"} {
		_, err := ParseKind(s)
		if err == nil {
			t.Errorf("ParseKind(%q) succeeded", s)
			continue
		}
		for _, k := range Kinds() {
			if !strings.Contains(err.Error(), string(k)) {
				t.Errorf("error %q does not list %q", err, k)
			}
		}
	}
}

func TestUsesLearningRate(t *testing.T) {
	for _, k := range Kinds() {
		want := k != LBFGS && k != Exact
		if got := UsesLearningRate(k); got != want {
			t.Errorf("UsesLearningRate(%q) = %v, want %v", k, got, want)
		}
	}
	if UsesLearningRate("bogus") {
		t.Error("UsesLearningRate(bogus) = true")
	}
}

func TestDescribe(t *testing.T) {
	seen := make(map[string]Kind)
	for _, k := range Kinds() {
		d := Describe(k)
		if d == "" || strings.Contains(d, "\n") {
			t.Errorf("Describe(%q) = %q, want one line", k, d)
		}
		if other, ok := seen[d]; ok {
			t.Errorf("Describe(%q) = Describe(%q)", k, other)
		}
		seen[d] = k
		if UsesLearningRate(k) {
			lr := strconv.FormatFloat(DefaultLearningRate(k), 'g', -1, 64)
			if !strings.Contains(d, lr) {
				t.Errorf("Describe(%q) = %q does not give the default learning rate %s", k, d, lr)
			}
			if !strings.Contains(d, "Keras") && !strings.Contains(d, "TF1's own") {
				t.Errorf("Describe(%q) = %q does not say where the default learning rate comes from", k, d)
			}
		} else if !strings.Contains(d, "no learning rate") {
			t.Errorf("Describe(%q) = %q does not say it has no learning rate", k, d)
		}
	}
	if d := Describe("bogus"); d != "" {
		t.Errorf("Describe(bogus) = %q", d)
	}
}

func TestNew(t *testing.T) {
	for _, k := range Kinds() {
		o := mustNew(t, k, 0)
		if got, want := o.LearningRate(), DefaultLearningRate(k); got != want {
			t.Errorf("New(%q, 0).LearningRate() = %v, want %v", k, got, want)
		}
		o = mustNew(t, k, 0.25)
		want := 0.25
		if !UsesLearningRate(k) {
			want = 0
		}
		if got := o.LearningRate(); got != want {
			t.Errorf("New(%q, 0.25).LearningRate() = %v, want %v", k, got, want)
		}
		if got := mustNew(t, k, -1).LearningRate(); got != DefaultLearningRate(k) {
			t.Errorf("New(%q, -1).LearningRate() = %v, want the default", k, got)
		}
	}
	for _, k := range []Kind{"", "bogus", "ADAM"} {
		if o, err := New(k, 0); err == nil || o != nil {
			t.Errorf("New(%q) = %v, %v; want an error", k, o, err)
		}
	}
}
