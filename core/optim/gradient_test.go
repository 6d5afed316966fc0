package optim

import (
	"errors"
	"math"
	"slices"
	"testing"
)

// The expected weights below follow TensorFlow 1's kernels step by step on
// handQuad from w = (0, 0), at each kind's default learning rate.

func TestGradientDescentByHand(t *testing.T) {
	o := mustNew(t, GradientDescent, 0)
	ws, losses := run(t, o, handQuad(), []float64{0, 0}, 3)
	// lr = 0.01, w -= g*lr.
	// Step 1: L = 2·1 + 0.5·9 = 6.5, g = (4, −3), w = (−0.04, 0.03).
	// Step 2: L = 2·0.96² + 0.5·2.97² = 6.25365, g = (3.84, −2.97),
	//         w = (−0.0784, 0.0597).
	// Step 3: L = 2·0.9216² + 0.5·2.9403² = 6.021375165, g = (3.6864, −2.9403),
	//         w = (−0.115264, 0.089103).
	checkNear(t, "w1", ws[0], []float64{-0.04, 0.03})
	checkNear(t, "w2", ws[1], []float64{-0.0784, 0.0597})
	checkNear(t, "w3", ws[2], []float64{-0.115264, 0.089103})
	checkNear(t, "losses", losses, []float64{6.5, 6.25365, 6.021375165})
}

func TestMomentumByHand(t *testing.T) {
	o := mustNew(t, Momentum, 0)
	ws, _ := run(t, o, handQuad(), []float64{0, 0}, 3)
	// lr = 0.01, momentum = 0.9; accum = accum*0.9 + g, w -= accum*lr.
	// Step 1: g = (4, −3), accum = (4, −3), w = (−0.04, 0.03).
	// Step 2: g = (3.84, −2.97), accum = (3.6+3.84, −2.7−2.97) = (7.44, −5.67),
	//         w = (−0.04−0.0744, 0.03+0.0567) = (−0.1144, 0.0867).
	// Step 3: g = (4·0.8856, 0.0867−3) = (3.5424, −2.9133),
	//         accum = (6.696+3.5424, −5.103−2.9133) = (10.2384, −8.0163),
	//         w = (−0.1144−0.102384, 0.0867+0.080163) = (−0.216784, 0.166863).
	checkNear(t, "w1", ws[0], []float64{-0.04, 0.03})
	checkNear(t, "w2", ws[1], []float64{-0.1144, 0.0867})
	checkNear(t, "w3", ws[2], []float64{-0.216784, 0.166863})
	checkNear(t, "accum", o.(*momentum).accum, []float64{10.2384, -8.0163})
}

func TestNesterovByHand(t *testing.T) {
	o := mustNew(t, Nesterov, 0)
	ws, _ := run(t, o, handQuad(), []float64{0, 0}, 3)
	// lr = 0.01, momentum = 0.9; accum = accum*0.9 + g,
	// w -= g*lr + accum*0.9*lr.
	// Step 1: g = (4, −3), accum = (4, −3),
	//         w = −((0.04, −0.03) + (0.036, −0.027)) = (−0.076, 0.057).
	// Step 2: g = (4·0.924, 0.057−3) = (3.696, −2.943),
	//         accum = (3.6+3.696, −2.7−2.943) = (7.296, −5.643),
	//         w = (−0.076−0.03696−0.065664, 0.057+0.02943+0.050787)
	//           = (−0.178624, 0.137217).
	// Step 3: g = (4·0.821376, 0.137217−3) = (3.285504, −2.862783),
	//         accum = (6.5664+3.285504, −5.0787−2.862783) = (9.851904, −7.941483),
	//         w = (−0.178624−0.03285504−0.088667136, 0.137217+0.02862783+0.071473347)
	//           = (−0.300146176, 0.237318177).
	checkNear(t, "w1", ws[0], []float64{-0.076, 0.057})
	checkNear(t, "w2", ws[1], []float64{-0.178624, 0.137217})
	checkNear(t, "w3", ws[2], []float64{-0.300146176, 0.237318177})
	checkNear(t, "accum", o.(*momentum).accum, []float64{9.851904, -7.941483})
}

func TestAdagradByHand(t *testing.T) {
	o := mustNew(t, Adagrad, 0)
	ws, _ := run(t, o, handQuad(), []float64{0, 0}, 2)
	// lr = 0.001, accum starts at 0.1; accum += g*g, w -= g*lr/sqrt(accum).
	// Step 1: g = (4, −3), accum = (16.1, 9.1),
	//         w = (−0.004/√16.1, 0.003/√9.1) ≈ (−0.00099689, 0.00099449).
	w1 := []float64{-0.004 / math.Sqrt(16.1), 0.003 / math.Sqrt(9.1)}
	checkNear(t, "w1", ws[0], w1)
	// Step 2: g ≈ (3.996012, −2.999006), accum = (16.1+g₀², 9.1+g₁²)
	//         ≈ (32.068115, 18.094034).
	g := handGrad(w1)
	accum := []float64{16.1 + g[0]*g[0], 9.1 + g[1]*g[1]}
	w2 := []float64{w1[0] - g[0]*0.001/math.Sqrt(accum[0]), w1[1] - g[1]*0.001/math.Sqrt(accum[1])}
	checkNear(t, "w2", ws[1], w2)
	checkNear(t, "accum", o.(*adagrad).accum, accum)
}

func TestRMSPropByHand(t *testing.T) {
	o := mustNew(t, RMSProp, 0)
	ws, _ := run(t, o, handQuad(), []float64{0, 0}, 2)
	// lr = 0.001, decay = 0.9, momentum = 0, epsilon = 1e-10, ms starts at 1;
	// ms += (g*g − ms)*0.1, mom = g*lr/sqrt(ms + 1e-10), w -= mom.
	// Step 1: g = (4, −3), ms = (1+1.5, 1+0.8) = (2.5, 1.8),
	//         w = (−0.004/√2.5, 0.003/√1.8) ≈ (−0.00252982, 0.00223607).
	w1 := []float64{-0.004 / math.Sqrt(2.5+1e-10), 0.003 / math.Sqrt(1.8+1e-10)}
	checkNear(t, "w1", ws[0], w1)
	// Step 2: g ≈ (3.989881, −2.997764), ms ≈ (3.841915, 2.518659).
	g := handGrad(w1)
	ms := []float64{2.5 + (g[0]*g[0]-2.5)*0.1, 1.8 + (g[1]*g[1]-1.8)*0.1}
	w2 := []float64{
		w1[0] - g[0]*0.001/math.Sqrt(ms[0]+1e-10),
		w1[1] - g[1]*0.001/math.Sqrt(ms[1]+1e-10),
	}
	checkNear(t, "w2", ws[1], w2)
	checkNear(t, "ms", o.(*rmsprop).ms, ms)
}

func TestAdamByHand(t *testing.T) {
	o := mustNew(t, Adam, 0)
	ws, _ := run(t, o, handQuad(), []float64{0, 0}, 3)
	// lr = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
	// m += (g − m)*0.1, v += (g*g − v)*0.001,
	// lr_t = lr*sqrt(1 − 0.999^t)/(1 − 0.9^t), w -= m*lr_t/(sqrt(v) + 1e-8).
	// Step 1: g = (4, −3), m = (0.4, −0.3), v = (0.016, 0.009),
	//         lr_t = 0.001·√0.001/0.1 ≈ 3.1623e-4, w ≈ (−0.00099999992, 0.00099999989).
	lr1 := 0.001 * math.Sqrt(0.001) / 0.1
	w1 := []float64{-lr1 * 0.4 / (math.Sqrt(0.016) + 1e-8), lr1 * 0.3 / (math.Sqrt(0.009) + 1e-8)}
	checkNear(t, "w1", ws[0], w1)
	// Step 2: g ≈ (3.996, −2.999), m ≈ (0.7596, −0.5699), v ≈ (0.031952, 0.017985),
	//         lr_t = 0.001·√(1−0.998001)/(1−0.81) = 0.001·√0.001999/0.19 ≈ 2.3532e-4.
	g := handGrad(w1)
	m := []float64{0.4 + (g[0]-0.4)*0.1, -0.3 + (g[1]+0.3)*0.1}
	v := []float64{0.016 + (g[0]*g[0]-0.016)*0.001, 0.009 + (g[1]*g[1]-0.009)*0.001}
	lr2 := 0.001 * math.Sqrt(0.001999) / 0.19
	w2 := []float64{
		w1[0] - m[0]*lr2/(math.Sqrt(v[0])+1e-8),
		w1[1] - m[1]*lr2/(math.Sqrt(v[1])+1e-8),
	}
	checkNear(t, "w2", ws[1], w2)
	// Step 3: lr_t = 0.001·√(1−0.997002999)/(1−0.729) = 0.001·√0.002997001/0.271.
	g = handGrad(w2)
	for i := range m {
		m[i] += (g[i] - m[i]) * 0.1
		v[i] += (g[i]*g[i] - v[i]) * 0.001
	}
	lr3 := 0.001 * math.Sqrt(0.002997001) / 0.271
	w3 := []float64{
		w2[0] - m[0]*lr3/(math.Sqrt(v[0])+1e-8),
		w2[1] - m[1]*lr3/(math.Sqrt(v[1])+1e-8),
	}
	checkNear(t, "w3", ws[2], w3)
	a := o.(*adam)
	checkNear(t, "m", a.m, m)
	checkNear(t, "v", a.v, v)
	// After step 3 the running products are ready for step 4.
	checkNear(t, "beta powers", []float64{a.beta1Power, a.beta2Power}, []float64{0.6561, 0.996005996001})
}

func TestDefaults(t *testing.T) {
	// TensorFlow 1's optimizer defaults, and the Keras learning rates used
	// where TF1 has none.
	mom := mustNew(t, Momentum, 0).(*momentum)
	nes := mustNew(t, Nesterov, 0).(*momentum)
	ada := mustNew(t, Adagrad, 0).(*adagrad)
	rms := mustNew(t, RMSProp, 0).(*rmsprop)
	adm := mustNew(t, Adam, 0).(*adam)
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"sgd lr (Keras SGD)", DefaultLearningRate(GradientDescent), 0.01},
		{"momentum lr (Keras SGD)", DefaultLearningRate(Momentum), 0.01},
		{"nesterov lr (Keras SGD)", DefaultLearningRate(Nesterov), 0.01},
		{"adagrad lr (Keras Adagrad)", DefaultLearningRate(Adagrad), 0.001},
		{"rmsprop lr (Keras RMSprop)", DefaultLearningRate(RMSProp), 0.001},
		{"adam lr (TF1 AdamOptimizer)", DefaultLearningRate(Adam), 0.001},
		{"lbfgs lr", DefaultLearningRate(LBFGS), 0},
		{"exact lr", DefaultLearningRate(Exact), 0},
		{"momentum", mom.momentum, 0.9},
		{"nesterov momentum", nes.momentum, 0.9},
		{"adagrad initial_accumulator_value", ada.initial, 0.1},
		{"rmsprop decay", rms.decay, 0.9},
		{"rmsprop momentum", rms.momentum, 0},
		{"rmsprop epsilon", rms.epsilon, 1e-10},
		{"adam beta1", adm.beta1, 0.9},
		{"adam beta2", adm.beta2, 0.999},
		{"adam epsilon", adm.epsilon, 1e-8},
		{"adam beta1_power before step 1", adm.beta1Power, 0.9},
		{"adam beta2_power before step 1", adm.beta2Power, 0.999},
	} {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if mom.nesterov || !nes.nesterov {
		t.Errorf("use_nesterov: momentum %v, nesterov %v", mom.nesterov, nes.nesterov)
	}
}

func TestLearningRateChange(t *testing.T) {
	// Every update of these methods is proportional to the learning rate,
	// so tripling it before step 2 triples the second move.
	for _, k := range gradientKinds() {
		t.Run(string(k), func(t *testing.T) {
			a := mustNew(t, k, 0.01)
			b := mustNew(t, k, 0.01)
			wa := []float64{0, 0}
			wb := []float64{0, 0}
			run(t, a, handQuad(), wa, 1)
			run(t, b, handQuad(), wb, 1)
			w1 := append([]float64(nil), wa...)
			a.SetLearningRate(0.03)
			if got := a.LearningRate(); got != 0.03 {
				t.Fatalf("LearningRate() = %v after SetLearningRate(0.03)", got)
			}
			run(t, a, handQuad(), wa, 1)
			run(t, b, handQuad(), wb, 1)
			for i := range w1 {
				if da, db := wa[i]-w1[i], wb[i]-w1[i]; !near(da, 3*db) {
					t.Errorf("move %d at lr 0.03 = %v, want 3×%v", i, da, db)
				}
			}
			a.SetLearningRate(0)
			if got, want := a.LearningRate(), DefaultLearningRate(k); got != want {
				t.Errorf("LearningRate() = %v after SetLearningRate(0), want default %v", got, want)
			}
		})
	}
}

func TestReset(t *testing.T) {
	for _, k := range Kinds() {
		t.Run(string(k), func(t *testing.T) {
			want, _ := run(t, mustNew(t, k, 0), handQuad(), []float64{0, 0}, 3)
			o := mustNew(t, k, 0)
			run(t, o, handQuad(), []float64{0, 0}, 2)
			o.Reset()
			got, _ := run(t, o, handQuad(), []float64{0, 0}, 3)
			checkSame(t, "after Reset", got, want)
		})
	}
}

func TestDimensionChange(t *testing.T) {
	three := &diagQuad{a: []float64{1, 2, 3}, c: []float64{1, 1, 1}}
	for _, k := range Kinds() {
		t.Run(string(k), func(t *testing.T) {
			want, _ := run(t, mustNew(t, k, 0), three, []float64{0, 0, 0}, 2)
			o := mustNew(t, k, 0)
			run(t, o, handQuad(), []float64{0, 0}, 2)
			got, _ := run(t, o, three, []float64{0, 0, 0}, 2)
			checkSame(t, "after a change of dimension", got, want)
		})
	}
}

func TestNonFinite(t *testing.T) {
	bad := []struct {
		name string
		obj  funcObjective
	}{
		{"NaN gradient", func(w, g []float64) float64 { g[0], g[1] = 1, math.NaN(); return 1 }},
		{"infinite gradient", func(w, g []float64) float64 { g[0], g[1] = math.Inf(-1), 1; return 1 }},
		{"infinite loss", func(w, g []float64) float64 { g[0], g[1] = 1, 1; return math.Inf(1) }},
		{"NaN loss", func(w, g []float64) float64 { g[0], g[1] = 1, 1; return math.NaN() }},
	}
	for _, k := range Kinds() {
		if k == Exact {
			continue
		}
		for _, b := range bad {
			t.Run(string(k)+"/"+b.name, func(t *testing.T) {
				obj := handQuad()
				ref := mustNew(t, k, 0)
				want, _ := run(t, ref, obj, []float64{0, 0}, 1)
				if k == LBFGS {
					// L-BFGS starts afresh after an error or a new objective.
					ref.Reset()
				}
				more, _ := run(t, ref, obj, append([]float64(nil), want[0]...), 2)
				want = append(want, more...)

				o := mustNew(t, k, 0)
				w := []float64{0, 0}
				got := make([][]float64, 0, 3)
				for step := range 3 {
					if step == 1 {
						// A bad evaluation between good steps changes nothing.
						_, err := o.Step(b.obj, w)
						if !errors.Is(err, ErrNonFinite) {
							t.Fatalf("Step on %s returned %v, want ErrNonFinite", b.name, err)
						}
						if !slices.Equal(w, got[0]) {
							t.Fatalf("w changed to %v by a failed step", w)
						}
					}
					if _, err := o.Step(obj, w); err != nil {
						t.Fatal(err)
					}
					got = append(got, append([]float64(nil), w...))
				}
				checkSame(t, "around a non-finite step", got, want)
			})
		}
	}
}

func TestNoAllocations(t *testing.T) {
	obj := handQuad()
	for _, k := range Kinds() {
		if k == Exact {
			continue
		}
		t.Run(string(k), func(t *testing.T) {
			o := mustNew(t, k, 0)
			w := []float64{0, 0}
			run(t, o, obj, w, 1)
			allocs := testing.AllocsPerRun(100, func() {
				if _, err := o.Step(obj, w); err != nil && err != ErrConverged {
					t.Fatal(err)
				}
			})
			if allocs != 0 {
				t.Errorf("%v allocations per step, want 0", allocs)
			}
		})
	}
}
