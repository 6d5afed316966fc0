package data

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes a file by calling write with a buffered writer on a
// temporary file in the same directory as path and renaming it onto path once
// it is complete and synced, so path holds either its old content or all of
// the new. If path exists, its permissions are kept; otherwise the file gets
// perm as given (not reduced by the umask). On failure the temporary file is
// removed, any existing file at path is left untouched, and the error names
// path and wraps the cause.
//
// The temporary file is named ".NAME.tmp-" and a random number, NAME
// being the base name of path. A program that is killed while writing
// leaves it behind, since nothing can remove it then: on Linux, macOS and
// the BSDs the next WriteFileAtomic to the same path removes such files
// that no process is writing (each writer holds an advisory lock on its
// file), and elsewhere they are left for the user. A program that ends
// on a signal removes the files of its writes in progress first when it
// uses ExitOnSignal or AbandonWrites.
func WriteFileAtomic(path string, perm os.FileMode, write func(io.Writer) error) error {
	if err := writeFileAtomic(path, perm, write); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}

func writeFileAtomic(path string, perm os.FileMode, write func(io.Writer) error) (err error) {
	if fi, err := os.Stat(path); err == nil {
		if fi.IsDir() {
			return errors.New("it is a directory")
		}
		perm = fi.Mode().Perm()
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	removeStale(dir, base)
	f, err := createTemp(dir, base)
	if err != nil {
		return cause(err)
	}
	tmp, closed := f.Name(), false
	defer func() {
		if err != nil {
			if !closed {
				f.Close()
			}
			forgetTemp(tmp)
			os.Remove(tmp)
		}
	}()

	bw := bufio.NewWriter(tempWriter{f})
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return cause(err)
	}
	if err := f.Chmod(perm); err != nil {
		return cause(err)
	}
	if err := f.Sync(); err != nil {
		return cause(err)
	}
	if !renameOpen {
		closed = true
		if err := f.Close(); err != nil {
			return cause(err)
		}
	}
	if err := commitTemp(tmp, path); err != nil {
		return cause(err)
	}
	if !closed {
		closed = true
		f.Close() // the content is synced and in place
	}
	// Make the rename durable where the platform allows syncing a directory.
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// tempWriter writes to a temporary file, with the errors of the file
// system stripped of the file's name by cause.
type tempWriter struct{ f *os.File }

func (w tempWriter) Write(p []byte) (int, error) {
	n, err := w.f.Write(p)
	if err != nil {
		err = cause(err)
	}
	return n, err
}

// cause strips the operation and temporary file name from file system
// errors, which would only confuse a message that names the real path.
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
