//go:build linux || darwin

package data

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The faults of an atomic write are tested in child processes: this test
// binary run again with TEMPFIT_CHILD naming what the child does to the
// file TEMPFIT_CHILD_PATH.
func TestMain(m *testing.M) {
	if mode := os.Getenv("TEMPFIT_CHILD"); mode != "" {
		os.Exit(child(mode, os.Getenv("TEMPFIT_CHILD_PATH")))
	}
	os.Exit(m.Run())
}

// child runs a child process's part and returns its exit status.
func child(mode, path string) int {
	switch mode {
	case "slow", "slow-signals":
		if mode == "slow-signals" {
			ExitOnSignal()
		}
		// Write forever, saying so once the temporary file exists.
		err := WriteFileAtomic(path, 0o644, func(w io.Writer) error {
			chunk := bytes.Repeat([]byte("1.5,2.5\n"), 1<<17)
			for i := 0; ; i++ {
				if _, err := w.Write(chunk); err != nil {
					return err
				}
				if i == 2 {
					fmt.Println("writing")
				}
				time.Sleep(time.Millisecond)
			}
		})
		fmt.Println(err)
		return 3
	case "file-size":
		// A file size limit makes writes past it fail, as a full disk does.
		signal.Ignore(syscall.SIGXFSZ)
		limit := syscall.Rlimit{Cur: 1 << 20, Max: 1 << 20}
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &limit); err != nil {
			fmt.Println("setrlimit:", err)
			return 2
		}
		fallthrough
	case "write":
		err := WriteFileAtomic(path, 0o644, writeString(strings.Repeat("0123456789\n", 400_000)))
		fmt.Println(err)
		if err == nil {
			return 0
		}
		return 1
	}
	return 2
}

// startChild starts this test binary as a child doing mode to path.
func startChild(t *testing.T, mode, path string) (*exec.Cmd, *bufio.Reader) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), "TEMPFIT_CHILD="+mode, "TEMPFIT_CHILD_PATH="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewReader(out)
}

// waitWriting waits for a slow child to say that it is writing.
func waitWriting(t *testing.T, out *bufio.Reader) {
	t.Helper()
	line, err := out.ReadString('\n')
	if err != nil || line != "writing\n" {
		t.Fatalf("child said %q, %v", line, err)
	}
}

// temps returns the temporary files of atomic writes to path.
func temps(t *testing.T, path string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(filepath.Dir(path), tempPrefix(filepath.Base(path))+"*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// oldFile writes the file that a failed write must leave as it is.
func oldFile(t *testing.T) (path string, old []byte) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "predictions.csv")
	old = []byte("x,predicted\n1,2\n")
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, old
}

func checkIntact(t *testing.T, path string, old []byte) {
	t.Helper()
	if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, old) {
		t.Errorf("old file changed to %d bytes (%v)", len(got), err)
	}
}

// A Ctrl+C or SIGTERM during a large write leaves the old file as it was
// and no temporary file, and ends the program as the signal would.
func TestSignalDuringWrite(t *testing.T) {
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		t.Run(tc.sig.String(), func(t *testing.T) {
			path, old := oldFile(t)
			cmd, out := startChild(t, "slow-signals", path)
			waitWriting(t, out)
			if len(temps(t, path)) != 1 {
				t.Fatalf("no temporary file while writing: %q", temps(t, path))
			}
			if err := cmd.Process.Signal(tc.sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != tc.code {
				t.Errorf("child ended with %v, want status %d", err, tc.code)
			}
			checkIntact(t, path, old)
			if left := temps(t, path); len(left) != 0 {
				t.Errorf("temporary files left: %q", left)
			}
		})
	}
}

// SIGKILL in the middle of a write leaves the old file as it was; the
// temporary file it cannot prevent is removed by the next write to the
// same file, which writes it whole.
func TestKillDuringWrite(t *testing.T) {
	path, old := oldFile(t)
	cmd, out := startChild(t, "slow", path)
	waitWriting(t, out)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	checkIntact(t, path, old)
	left := temps(t, path)
	if len(left) != 1 {
		t.Fatalf("want the killed write's temporary file, found %q", left)
	}
	other := filepath.Join(filepath.Dir(path), "other.csv")
	if err := WriteFileAtomic(other, 0o644, writeString("other")); err != nil {
		t.Fatal(err)
	}
	if len(temps(t, path)) != 1 {
		t.Error("a write to another file removed the temporary file")
	}
	if err := WriteFileAtomic(path, 0o644, writeString("new\n")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new\n" {
		t.Errorf("new content %q", got)
	}
	if left := temps(t, path); len(left) != 0 {
		t.Errorf("stale temporary files left: %q", left)
	}
}

// The temporary file of a write in progress in another process is never
// taken for a stale one.
func TestLiveWriteNotRemoved(t *testing.T) {
	path, _ := oldFile(t)
	cmd, out := startChild(t, "slow", path)
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
	}()
	waitWriting(t, out)
	live := temps(t, path)
	for range 3 {
		if err := WriteFileAtomic(path, 0o644, writeString("mine\n")); err != nil {
			t.Fatal(err)
		}
	}
	if now := temps(t, path); len(now) != 1 || now[0] != live[0] {
		t.Errorf("temporary files %q, want the live %q", now, live)
	}
}

// A write that fails part-way, as on a full disk, leaves the old file as
// it was and no temporary file. The child's file size limit makes the
// system refuse writes past 1 MiB.
func TestFileSizeLimitDuringWrite(t *testing.T) {
	path, old := oldFile(t)
	cmd, out := startChild(t, "file-size", path)
	msg, _ := io.ReadAll(out)
	err := cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("child ended with %v, saying %q", err, msg)
	}
	if want := "cannot write " + path + ": file too large"; strings.TrimSpace(string(msg)) != want {
		t.Errorf("error %q, want %q", msg, want)
	}
	checkIntact(t, path, old)
	if left := temps(t, path); len(left) != 0 {
		t.Errorf("temporary files left: %q", left)
	}
}

// After AbandonWrites, a write in progress fails without replacing its
// file, and leaves no temporary file.
func TestAbandonWrites(t *testing.T) {
	path, old := oldFile(t)
	defer func() {
		tempFiles.Lock()
		tempFiles.abandoned = false
		tempFiles.Unlock()
	}()
	err := WriteFileAtomic(path, 0o644, func(w io.Writer) error {
		io.WriteString(w, "new content\n")
		AbandonWrites()
		return nil
	})
	if !errors.Is(err, ErrAbandoned) {
		t.Fatalf("error %v, want ErrAbandoned", err)
	}
	checkIntact(t, path, old)
	if left := temps(t, path); len(left) != 0 {
		t.Errorf("temporary files left: %q", left)
	}
	if err := WriteFileAtomic(path, 0o644, writeString("later")); !errors.Is(err, ErrAbandoned) {
		t.Errorf("a later write: %v", err)
	}
}

// A read-only folder, for a user the permissions bind: as root, the
// write is made by a child running as nobody.
func TestReadOnlyFolderAsAnotherUser(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("TestWriteFileAtomicReadOnlyDir covers this without root")
	}
	base, err := os.MkdirTemp("", "tempfit-readonly-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(base) })
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	childExe := filepath.Join(base, "child.test")
	dir := filepath.Join(base, "readonly")
	path := filepath.Join(dir, "predictions.csv")
	old := []byte("x,predicted\n1,2\n")
	for _, err := range []error{
		os.Chmod(base, 0o755),
		os.WriteFile(childExe, bin, 0o755),
		os.Mkdir(dir, 0o755),
		os.WriteFile(path, old, 0o666),
		os.Chmod(dir, 0o555),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(childExe, "-test.run=^$")
	cmd.Env = append(os.Environ(), "TEMPFIT_CHILD=write", "TEMPFIT_CHILD_PATH="+path)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.Output()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("child ended with %v, saying %q", err, out)
	}
	if want := "cannot write " + path + ": permission denied"; strings.TrimSpace(string(out)) != want {
		t.Errorf("error %q, want %q", out, want)
	}
	checkIntact(t, path, old)
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("folder holds %q", names)
	}
}
