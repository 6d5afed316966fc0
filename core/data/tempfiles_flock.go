//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package data

import (
	"os"
	"syscall"
)

// locksTemps is true where an atomic write locks its temporary file, so
// that stale ones can be told from those being written; renameOpen is true
// where a file may be renamed while it is open, which keeps the lock until
// the file is in place.
const (
	locksTemps = true
	renameOpen = true
)

// lockTemp takes an exclusive advisory lock on f, which a process holds
// until it closes the file or ends, however it ends.
func lockTemp(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
}

// removeIfUnlocked removes the file name if no process holds a lock on it.
func removeIfUnlocked(name string) {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return
	}
	defer f.Close()
	if lockTemp(f) == nil {
		os.Remove(name)
	}
}
