package data

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

// dirNames returns the names in dir.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteFileAtomicNew(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := WriteFileAtomic(path, 0o640, writeString("a,b\n1,2\n")); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "a,b\n1,2\n" {
		t.Fatalf("content %q, %v", got, err)
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("directory holds %q, want only out.csv", names)
	}
	if runtime.GOOS != "windows" {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o640 {
			t.Errorf("mode = %v, want 0640", fi.Mode().Perm())
		}
	}
}

func TestWriteFileAtomicReplaceKeepsMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o604); err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("0123456789\n", 100_000) // larger than the buffer
	if err := WriteFileAtomic(path, 0o666, writeString(big)); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != big {
		t.Fatalf("content has %d bytes, want %d (err %v)", len(got), len(big), err)
	}
	if runtime.GOOS != "windows" {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o604 {
			t.Errorf("mode = %v, want the old 0604", fi.Mode().Perm())
		}
	}
}

func TestWriteFileAtomicRelativePath(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := WriteFileAtomic("rel.csv", 0o644, writeString("x")); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile("rel.csv"); err != nil || string(got) != "x" {
		t.Errorf("content %q, %v", got, err)
	}
}

func TestWriteFileAtomicCallbackFails(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	old := []byte("old content\n")
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	cause := errors.New("model failed")
	err := WriteFileAtomic(path, 0o644, func(w io.Writer) error {
		io.WriteString(w, strings.Repeat("partial", 10_000))
		return cause
	})
	if !errors.Is(err, cause) {
		t.Fatalf("error %v does not wrap the callback's error", err)
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name %s", err, path)
	}
	got, rerr := os.ReadFile(path)
	if rerr != nil || string(got) != string(old) {
		t.Errorf("old file changed to %q (%v)", got, rerr)
	}
	if names := dirNames(t, dir); len(names) != 1 || names[0] != "out.csv" {
		t.Errorf("directory holds %q, want only out.csv", names)
	}
}

func TestWriteFileAtomicReadOnlyDir(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("directory permissions do not prevent creating files on Windows")
	}
	if os.Geteuid() == 0 {
		t.Skip("root ignores directory permissions")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	err := WriteFileAtomic(path, 0o644, writeString("new"))
	if !errors.Is(err, fs.ErrPermission) {
		t.Fatalf("error %v, want a permission error", err)
	}
	if want := "cannot write " + path + ": permission denied"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("old file changed to %q", got)
	}
}

func TestWriteFileAtomicMissingDir(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope", "out.csv")
	called := false
	err := WriteFileAtomic(path, 0o644, func(io.Writer) error { called = true; return nil })
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("error %v, want a not-exist error", err)
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name %s", err, path)
	}
	if called {
		t.Error("callback called although no file could be created")
	}
}

func TestWriteFileAtomicOntoDirectory(t *testing.T) {
	dir := t.TempDir()
	err := WriteFileAtomic(dir, 0o644, writeString("x"))
	if err == nil {
		t.Fatal("no error writing onto a directory")
	}
	if fi, serr := os.Stat(dir); serr != nil || !fi.IsDir() {
		t.Errorf("directory damaged: %v", serr)
	}
}
