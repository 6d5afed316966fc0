//go:build linux || darwin

package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// With TEMPFIT_CLI_MAIN set, this test binary is the command itself, so
// that tests can signal it in the middle of its work.
func TestMain(m *testing.M) {
	if os.Getenv("TEMPFIT_CLI_MAIN") != "" {
		main()
	}
	os.Exit(m.Run())
}

// bigCSV writes a CSV file of n rows and returns its path.
func bigCSV(t *testing.T, dir string, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("x,y\n")
	for i := range n {
		x := float64(i) / 1000
		b.WriteString(strconv.FormatFloat(x, 'g', -1, 64) + "," + strconv.FormatFloat(20+x*x/3, 'g', -1, 64) + "\n")
	}
	path := filepath.Join(dir, "big.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A Ctrl+C or SIGTERM while the predictions are written leaves the old
// predictions as they were, no temporary file, and the exit status the
// signal gives.
func TestSignalWhileWritingPredictions(t *testing.T) {
	dir := t.TempDir()
	in := bigCSV(t, dir, 300_000)
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		t.Run(tc.sig.String(), func(t *testing.T) {
			out := filepath.Join(dir, "pred.csv")
			old := []byte("x,predicted\n1,2\n")
			if err := os.WriteFile(out, old, 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(exe, "fit", "--data", in, "--optimizer", "exact", "--out", out)
			cmd.Env = append(os.Environ(), "TEMPFIT_CLI_MAIN=1")
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			pattern := filepath.Join(dir, ".pred.csv.tmp-*")
			deadline := time.Now().Add(time.Minute)
			for {
				if m, _ := filepath.Glob(pattern); len(m) > 0 {
					break
				}
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatal("the command never started writing")
				}
				time.Sleep(200 * time.Microsecond)
			}
			if err := cmd.Process.Signal(tc.sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				t.Skipf("the write ended before the signal (%v); nothing to test on this machine", err)
			}
			if ee.ExitCode() != tc.code {
				t.Errorf("exit status %d, want %d", ee.ExitCode(), tc.code)
			}
			if got, _ := os.ReadFile(out); string(got) != string(old) {
				t.Errorf("old predictions changed to %d bytes", len(got))
			}
			if m, _ := filepath.Glob(pattern); len(m) > 0 {
				t.Errorf("temporary files left: %q", m)
			}
		})
	}
}
