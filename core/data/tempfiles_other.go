//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package data

import "os"

// Files are not locked here: stale temporary files are left alone, and a
// file is closed before it is renamed, as Windows requires.
const (
	locksTemps = false
	renameOpen = false
)

func lockTemp(*os.File) error { return nil }
func removeIfUnlocked(string) {}
