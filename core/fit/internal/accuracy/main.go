// Command accuracy prints the table of docs/accuracy.md: for each generated
// ill-conditioned polynomial problem, the digits to which Tempfit's exact
// solve agrees with the solution in rational arithmetic, and the same for
// numpy.polyfit, numpy's Polynomial.fit and R's lm when python3 with numpy
// and Rscript are installed.
//
//	go run ./core/fit/internal/accuracy
package main

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"math"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/fit/internal/exact"
)

// A solver fits one case in float64.
type solver struct {
	name string
	run  func(dir string, c exact.Case) (exact.Result, error)
}

func main() {
	external := flag.Bool("external", true, "also measure numpy and R when they are installed")
	flag.Parse()
	solvers := []solver{{"Tempfit", tempfit}}
	var versions []string
	if *external {
		if py := numpyPython(); py != "" {
			solvers = append(solvers, solver{"numpy.polyfit", script(py, numpyPolyfit)},
				solver{"numpy Polynomial.fit", script(py, numpyPolynomial)})
			versions = append(versions, "numpy "+version(py, "-c", "import numpy; print(numpy.__version__)"))
		}
		if _, err := exec.LookPath("Rscript"); err == nil {
			versions = append(versions, version("Rscript", "-e", "cat(R.version.string)"))
			solvers = append(solvers, solver{"R lm, raw powers", script("Rscript", rRaw)},
				solver{"R lm, orthogonal poly()", script("Rscript", rOrthogonal)})
		}
	}
	dir, err := os.MkdirTemp("", "accuracy")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(dir)

	if len(versions) > 0 {
		fmt.Printf("Measured with %s.\n\n", strings.Join(versions, " and "))
	}
	fmt.Println("| case | solver | coefficients min | coefficients median | fitted values min | SSE |")
	fmt.Println("|---|---|---|---|---|---|")
	for _, c := range exact.Cases() {
		ref, err := exact.Solve(c.X, c.Y, c.Degree)
		if err != nil {
			fail(err)
		}
		for _, s := range solvers {
			r, err := s.run(dir, c)
			if err != nil {
				fmt.Printf("| %s | %s | failed: %v | | | |\n", c.Name, s.name, oneLine(err))
				continue
			}
			a := ref.Compare(r)
			fmt.Printf("| %s | %s | %s | %s | %s | %s |\n", c.Name, s.name,
				digits(a.CoefMin), digits(a.CoefMedian), digits(a.Fitted), digits(a.SSE))
		}
	}
}

// numpyPython returns the first of python3 and /usr/bin/python3 that can
// import numpy, or "".
func numpyPython() string {
	for _, py := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(py, "-c", "import numpy").Run() == nil {
			return py
		}
	}
	return ""
}

// version returns the trimmed output of a command that prints a version.
func version(name string, args ...string) string {
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		return name + " (version unknown)"
	}
	return strings.TrimSpace(string(out))
}

func digits(d float64) string {
	if math.IsNaN(d) {
		return "—"
	}
	return strconv.FormatFloat(d, 'f', 1, 64)
}

func oneLine(err error) string {
	s := strings.TrimSpace(err.Error())
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "accuracy:", err)
	os.Exit(1)
}

// tempfit solves a case with Tempfit's exact solve and reports the
// coefficients in the variable Tempfit shows.
func tempfit(_ string, c exact.Case) (exact.Result, error) {
	d, err := data.New("x", "y", c.X, c.Y)
	if err != nil {
		return exact.Result{}, err
	}
	pr, err := fit.NewProblem(d, fit.Model{Kind: fit.Polynomial, Degree: c.Degree, Scaling: fit.Raw})
	if err != nil {
		return exact.Result{}, err
	}
	opt := pr.Optimum()
	co := pr.Coefficients(opt)
	r := exact.Result{Fitted: pr.Predict(opt, c.X), SSE: pr.OptimumSSE(), Coef: co.Values,
		Center: new(big.Rat), Scale: big.NewRat(1, 1)}
	if co.Variable == "t" {
		r.Center.SetString(co.CenterText)
		r.Scale.SetString(co.ScaleText)
	}
	return r, nil
}

// script returns a solver that writes the case to a CSV file and runs a
// program on it, which prints lines "fitted v…", "sse v", and optionally
// "coef c0 c1 …" with "map off scl" meaning t = off + scl·x.
func script(interpreter, source string) func(string, exact.Case) (exact.Result, error) {
	return func(dir string, c exact.Case) (exact.Result, error) {
		path := filepath.Join(dir, "case.csv")
		if err := os.WriteFile(path, caseCSV(c), 0o644); err != nil {
			return exact.Result{}, err
		}
		ext := ".py"
		if strings.HasSuffix(interpreter, "Rscript") {
			ext = ".R"
		}
		prog := filepath.Join(dir, "fit"+ext)
		if err := os.WriteFile(prog, []byte(source), 0o644); err != nil {
			return exact.Result{}, err
		}
		out, err := exec.Command(interpreter, prog, path, strconv.Itoa(c.Degree)).CombinedOutput()
		if err != nil {
			return exact.Result{}, fmt.Errorf("%v: %s", err, out)
		}
		return parse(string(out))
	}
}

// caseCSV returns the case as CSV with a header x,y, every value in its
// shortest exact form.
func caseCSV(c exact.Case) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"x", "y"})
	for i, x := range c.X {
		w.Write([]string{strconv.FormatFloat(x, 'g', -1, 64), strconv.FormatFloat(c.Y[i], 'g', -1, 64)})
	}
	w.Flush()
	return b.Bytes()
}

// parse reads a script's output.
func parse(out string) (exact.Result, error) {
	r := exact.Result{Center: new(big.Rat), Scale: big.NewRat(1, 1)}
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		vals := make([]float64, 0, len(f)-1)
		for _, s := range f[1:] {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				v = math.NaN() // R's NA for a dropped column
			}
			vals = append(vals, v)
		}
		switch f[0] {
		case "fitted":
			r.Fitted = vals
		case "sse":
			r.SSE = vals[0]
		case "coef":
			r.Coef = vals
		case "map":
			// t = off + scl·x, so x = t/scl − off/scl.
			off := new(big.Rat).SetFloat64(vals[0])
			scl := new(big.Rat).SetFloat64(vals[1])
			r.Scale.Inv(scl)
			r.Center.Mul(off, r.Scale)
			r.Center.Neg(r.Center)
		}
	}
	if r.Fitted == nil {
		return r, fmt.Errorf("no fitted values in %q", out)
	}
	for i, v := range r.Coef {
		if math.IsNaN(v) {
			r.Coef[i] = 0
		}
	}
	return r, nil
}
