package session

import (
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"tempfit/core/data"
	"tempfit/core/project"
	"tempfit/core/train"
)

// autosaveNote is what a project file does not hold about autosaved work:
// the project file it belongs to and the name the window showed. It is
// kept in a small file beside the autosave, written before it, so that a
// kill at any moment leaves a note at least as new as the autosave.
type autosaveNote struct {
	Project string `json:"project,omitempty"` // the project file of the work, or ""
	Name    string `json:"name,omitempty"`    // the name of the work
}

// notePath returns the path of the note beside the autosave file at path.
func notePath(path string) string {
	return strings.TrimSuffix(path, filepath.Ext(path)) + "-note.json"
}

// writeNote writes n beside the autosave file at path, atomically.
func writeNote(path string, n autosaveNote) error {
	b, err := json.Marshal(n)
	if err != nil {
		return err
	}
	return data.WriteFileAtomic(notePath(path), 0o600, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// readNote reads the note beside the autosave file at path; a missing or
// damaged note gives an untitled document.
func readNote(path string) autosaveNote {
	var n autosaveNote
	b, err := os.ReadFile(notePath(path))
	if err != nil || json.Unmarshal(b, &n) != nil {
		return autosaveNote{}
	}
	return n
}

// removeAutosaveFiles removes the autosave file at path and its note.
func removeAutosaveFiles(path string) error {
	err := os.Remove(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Remove(notePath(path)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// autosaver is the session's state of autosaving.
type autosaver struct {
	path  string      // the autosave file; "" for none
	held  bool        // an autosave of an earlier run waits to be offered: keep it
	wrote bool        // the autosave file holds this session's work
	last  autosaveKey // what was autosaved last
}

func newAutosaver(path string) autosaver {
	a := autosaver{path: path}
	if path != "" {
		if _, err := os.Stat(path); err == nil {
			a.held = true
		}
	}
	return a
}

// autosaveKey tells whether anything changed since the last autosave.
type autosaveKey struct {
	changes  uint64
	settings settingsKey
	trainer  *train.Trainer
	step     int
	source   string
}

// AutosaveJob is one autosave: a project to write to the autosave file,
// or the removal of that file.
type AutosaveJob struct {
	path   string
	p      *project.Project
	note   autosaveNote
	remove bool
	key    autosaveKey
}

// Run writes or removes the autosave file and its note. It may run on
// any goroutine.
func (j AutosaveJob) Run() error {
	if j.remove {
		return removeAutosaveFiles(j.path)
	}
	if err := os.MkdirAll(filepath.Dir(j.path), 0o700); err != nil {
		return err
	}
	if err := writeNote(j.path, j.note); err != nil {
		return err
	}
	return project.Save(j.path, j.p)
}

// Path returns the autosave file the job writes or removes.
func (j AutosaveJob) Path() string { return j.path }

// autosaveKeyNow returns the current autosave key.
func (s *Session) autosaveKeyNow() autosaveKey {
	return autosaveKey{
		changes:  s.sheet.Changes(),
		settings: s.settingsKey(),
		trainer:  s.trainer,
		step:     s.step(),
		source:   s.source,
	}
}

// NextAutosave returns the autosave to do now, if any: the document when
// there are unsaved changes not autosaved yet, or the removal of an
// autosave this session wrote when the changes have since been saved or
// undone. Nothing is autosaved while an earlier run's autosave waits to
// be offered back.
func (s *Session) NextAutosave() (AutosaveJob, bool) {
	a := &s.autosave
	if s.closed || a.held || a.path == "" {
		return AutosaveJob{}, false
	}
	if !s.Unsaved() {
		return AutosaveJob{path: a.path, remove: true}, a.wrote
	}
	key := s.autosaveKeyNow()
	if a.wrote && key == a.last {
		return AutosaveJob{}, false
	}
	return AutosaveJob{path: a.path, p: s.Project(), note: s.autosaveNote(), key: key}, true
}

// AutosaveDone records the outcome of an autosave; after a failure the
// next one tries again.
func (s *Session) AutosaveDone(j AutosaveJob, err error) {
	if s.closed || err != nil {
		return
	}
	a := &s.autosave
	if j.remove {
		a.wrote = false
		return
	}
	a.wrote, a.last = true, j.key
}

// Autosave does one autosave at once, on the owner's goroutine.
func (s *Session) Autosave() error {
	j, ok := s.NextAutosave()
	if !ok {
		return nil
	}
	err := j.Run()
	s.AutosaveDone(j, err)
	return err
}

// autosaveNote returns the note to keep beside an autosave of the work.
func (s *Session) autosaveNote() autosaveNote {
	return autosaveNote{Project: s.projectPath, Name: s.name}
}

// RemoveAutosave deletes the autosave file, after a save or when the
// changes are discarded.
func (s *Session) RemoveAutosave() error {
	a := &s.autosave
	if a.path == "" {
		return nil
	}
	a.held, a.wrote = false, false
	return removeAutosaveFiles(a.path)
}

// Recoverable reports whether the autosave of an earlier run that did not
// end properly waits to be restored or discarded, and when it was written.
// Until one of those, this session autosaves nothing.
func (s *Session) Recoverable() (time.Time, bool) {
	a := &s.autosave
	if !a.held {
		return time.Time{}, false
	}
	fi, err := os.Stat(a.path)
	if err != nil {
		a.held = false
		return time.Time{}, false
	}
	return fi.ModTime(), true
}

// RestoreAutosave opens the autosave file as unsaved work. On an error the
// file is removed and the document stays as it was.
func (s *Session) RestoreAutosave() error {
	a := &s.autosave
	l, err := readProject(a.path)
	if err != nil {
		s.RemoveAutosave()
		return err
	}
	a.held = false
	s.showLoaded(l)
	n := readNote(a.path)
	s.projectPath, s.name = n.Project, n.Name
	s.markSavedAt(l.p.Step)
	s.restored = true
	a.wrote = true
	s.notify(Document | Trainer | File)
	return nil
}

// FinishAutosave runs as the app ends: it autosaves unsaved changes,
// unless discard says the user chose to throw them away, or else removes
// the autosave file. An earlier run's autosave not yet offered back is
// kept.
func (s *Session) FinishAutosave(discard bool) error {
	a := &s.autosave
	switch {
	case a.path == "" || a.held:
		return nil
	case s.Unsaved() && !discard:
		return AutosaveJob{path: a.path, p: s.Project(), note: s.autosaveNote()}.Run()
	}
	return s.RemoveAutosave()
}
