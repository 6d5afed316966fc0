package session

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrOutputIsInput is the error of an output path that names a file the
// document was read from.
var ErrOutputIsInput = errors.New("is the file the data was read from; writing to it would replace the data: choose another name")

// CheckOutput tells, before any work is done, whether a file can be
// written at path: it must not be one of the files inputs the document
// was read from, nor a folder, and its folder must exist and take new
// files. Nothing is left behind.
func CheckOutput(path string, inputs ...string) error {
	if path == "" {
		return errors.New("no file name to write to")
	}
	for _, in := range inputs {
		if in != "" && sameFile(path, in) {
			return &OutputError{Path: path, Err: ErrOutputIsInput}
		}
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return &OutputError{Path: path, Err: errors.New("is a folder")}
	}
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &OutputError{Path: path, Err: fmt.Errorf("the folder %s does not exist", dir)}
	case err != nil:
		return &OutputError{Path: path, Err: err}
	case !fi.IsDir():
		return &OutputError{Path: path, Err: fmt.Errorf("%s is not a folder", dir)}
	}
	probe, err := os.CreateTemp(dir, ".tempfit-check-*")
	if err != nil {
		return &OutputError{Path: path, Err: fmt.Errorf("the folder %s does not take new files: %w", dir, unwrapPath(err))}
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}

// OutputError says why a file cannot be written.
type OutputError struct {
	Path string
	Err  error
}

// Error returns a message such as "out.csv: is a folder".
func (e *OutputError) Error() string { return e.Path + ": " + e.Err.Error() }

// Unwrap returns the reason.
func (e *OutputError) Unwrap() error { return e.Err }

// sameFile reports whether a and b name the same file: the same file on
// disk when both exist, else the same absolute path.
func sameFile(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(fa, fb)
	}
	return absPath(a) == absPath(b)
}

// unwrapPath returns the reason of a *fs.PathError, without the path of
// the probe file that only confuses.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
