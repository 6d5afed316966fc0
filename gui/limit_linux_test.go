package gui

import (
	"syscall"
	"testing"
)

// limitFileSize makes writing a file beyond n bytes fail, as on a full
// disk, until the test ends. It reports whether it could.
func limitFileSize(t *testing.T, n uint64) bool {
	t.Helper()
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		return false
	}
	lim := old
	lim.Cur = n
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		return false
	}
	t.Cleanup(func() { syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old) })
	return true
}
