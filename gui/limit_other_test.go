//go:build !linux

package gui

import "testing"

// limitFileSize reports that it cannot limit the size of files here.
func limitFileSize(t *testing.T, n uint64) bool { return false }
