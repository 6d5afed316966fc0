package optim

import (
	"slices"
	"testing"
)

// An optimizer given the saved state of another continues with exactly the
// same steps.
func TestStateRoundTrip(t *testing.T) {
	for _, k := range []Kind{Momentum, Nesterov, Adagrad, RMSProp, Adam} {
		obj := newIllConditioned()
		a := mustNew(t, k, 1e-5)
		w := make([]float64, 5)
		run(t, a, obj, w, 50)

		saved := a.(Stateful).State()
		b := mustNew(t, k, 1e-5)
		if err := b.(Stateful).SetState(saved, len(w)); err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		wa, wb := slices.Clone(w), slices.Clone(w)
		wantW, _ := run(t, a, obj, wa, 50)
		gotW, _ := run(t, b, obj, wb, 50)
		checkSame(t, string(k), gotW, wantW)

		// A state that does not fit is refused and changes nothing.
		bad := map[string][]float64{}
		for name, v := range saved {
			bad[name] = v[:1]
		}
		c := mustNew(t, k, 1e-5)
		if c.(Stateful).SetState(bad, len(w)) == nil {
			t.Errorf("%s: state of the wrong length accepted", k)
		}
		if c.(Stateful).SetState(map[string][]float64{}, len(w)) == nil {
			t.Errorf("%s: empty state accepted", k)
		}
	}
	if _, ok := mustNew(t, GradientDescent, 0).(Stateful); ok {
		t.Error("gradient descent has no state to save")
	}
}
