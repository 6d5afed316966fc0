package data

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A full disk: a tmpfs of 1 MiB, where the system allows mounting one.
func TestFullDiskDuringWrite(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mount("tempfit-test", dir, "tmpfs", 0, "size=1m"); err != nil {
		t.Skipf("cannot mount a small tmpfs here: %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	path := filepath.Join(dir, "predictions.csv")
	old := []byte("x,predicted\n1,2\n")
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFileAtomic(path, 0o644, writeString(strings.Repeat("0123456789\n", 400_000)))
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("error %v, want no space left", err)
	}
	checkIntact(t, path, old)
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("folder holds %q", names)
	}
	// Once there is room again, the write succeeds.
	if err := WriteFileAtomic(path, 0o644, writeString("new\n")); err != nil {
		t.Fatal(err)
	}
}
