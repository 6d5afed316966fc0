package session

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestCheckOutput(t *testing.T) {
	dir := t.TempDir()
	input := writeFile(t, "temps.csv", "1,2\n2,3\n")
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink(input, link); err != nil {
		t.Fatal(err)
	}
	if err := CheckOutput(filepath.Join(dir, "out.csv"), input); err != nil {
		t.Errorf("a new file in a writable folder: %v", err)
	}
	for _, path := range []string{input, link, filepath.Join(filepath.Dir(input), ".", "temps.csv")} {
		if err := CheckOutput(path, input); !errors.Is(err, ErrOutputIsInput) {
			t.Errorf("%s, the input: %v", path, err)
		}
	}
	if err := CheckOutput(dir); err == nil {
		t.Error("a folder was taken as a file to write")
	}
	if err := CheckOutput(filepath.Join(dir, "no", "such", "out.csv")); err == nil {
		t.Error("a missing folder was taken")
	}
	if err := CheckOutput(filepath.Join(input, "out.csv")); err == nil {
		t.Error("a file was taken as a folder")
	}
	if os.Getuid() != 0 {
		ro := filepath.Join(dir, "ro")
		os.Mkdir(ro, 0o555)
		if err := CheckOutput(filepath.Join(ro, "out.csv")); err == nil {
			t.Error("a read-only folder was taken")
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "link.csv" && e.Name() != "ro" {
			t.Errorf("the check left %s behind", e.Name())
		}
	}
}
