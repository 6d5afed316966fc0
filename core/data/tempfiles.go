package data

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// ErrAbandoned is the error of an atomic write that AbandonWrites ended,
// or that started after it.
var ErrAbandoned = errors.New("the program is exiting")

// tempFiles are the temporary files of the atomic writes in progress.
var tempFiles = struct {
	sync.Mutex
	names     map[string]struct{}
	abandoned bool
}{names: map[string]struct{}{}}

// tempPrefix returns the start of the name of the temporary files of
// atomic writes to a file named base.
func tempPrefix(base string) string { return "." + base + ".tmp-" }

// createTemp creates, locks and records a temporary file for an atomic
// write to base in dir. Another process's removeStale may take the file
// for a stale one in the moment between its creation and its lock; the
// file is then made again.
func createTemp(dir, base string) (*os.File, error) {
	tempFiles.Lock()
	defer tempFiles.Unlock()
	for try := 0; ; try++ {
		if tempFiles.abandoned {
			return nil, ErrAbandoned
		}
		f, err := os.CreateTemp(dir, tempPrefix(base)+"*")
		if err != nil {
			return nil, err
		}
		if (lockTemp(f) == nil && stillThere(f)) || try == 2 {
			tempFiles.names[f.Name()] = struct{}{}
			return f, nil
		}
		f.Close()
		os.Remove(f.Name())
	}
}

// stillThere reports whether f is still the file its name names.
func stillThere(f *os.File) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(f.Name())
	return err == nil && os.SameFile(a, b)
}

// commitTemp renames the temporary file tmp, complete, onto path, unless
// the writes were abandoned.
func commitTemp(tmp, path string) error {
	tempFiles.Lock()
	defer tempFiles.Unlock()
	if tempFiles.abandoned {
		return ErrAbandoned
	}
	delete(tempFiles.names, tmp)
	return os.Rename(tmp, path)
}

// forgetTemp stops recording the temporary file tmp.
func forgetTemp(tmp string) {
	tempFiles.Lock()
	delete(tempFiles.names, tmp)
	tempFiles.Unlock()
}

// AbandonWrites removes the temporary file of every atomic write in
// progress, so that a program about to exit leaves none behind. Those
// writes fail with ErrAbandoned instead of replacing their file, and so
// does any write started later. It is safe to call from any goroutine,
// more than once.
func AbandonWrites() {
	tempFiles.Lock()
	defer tempFiles.Unlock()
	tempFiles.abandoned = true
	for name := range tempFiles.names {
		os.Remove(name)
	}
	clear(tempFiles.names)
}

// removeStale removes the temporary files of earlier atomic writes to base
// in dir that no process is writing: those left by a program that was
// killed. Where files cannot be locked it does nothing.
func removeStale(dir, base string) {
	if !locksTemps {
		return
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := tempPrefix(base)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), prefix) || !e.Type().IsRegular() {
			continue
		}
		name := filepath.Join(dir, e.Name())
		tempFiles.Lock()
		_, ours := tempFiles.names[name]
		tempFiles.Unlock()
		if !ours {
			removeIfUnlocked(name)
		}
	}
}
