package session

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"tempfit/core/project"
	"tempfit/core/train"
)

// Memory keys of the notes kept about autosaved work.
const (
	noteProject = "autosave.project" // the project file of the work, or ""
	noteName    = "autosave.name"    // the name of the work
)

// autosaver is the session's state of autosaving.
type autosaver struct {
	path   string // the autosave file; "" for none
	memory Memory
	held   bool        // an autosave of an earlier run waits to be offered: keep it
	wrote  bool        // the autosave file holds this session's work
	last   autosaveKey // what was autosaved last
}

func newAutosaver(path string, m Memory) autosaver {
	a := autosaver{path: path, memory: m}
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
	remove bool
	key    autosaveKey
}

// Run writes or removes the autosave file. It may run on any goroutine.
func (j AutosaveJob) Run() error {
	if j.remove {
		if err := os.Remove(j.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(j.path), 0o700); err != nil {
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
	return AutosaveJob{path: a.path, p: s.Project(), key: key}, true
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
	s.noteAutosave()
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

// noteAutosave remembers the project file and the name of the work
// autosaved, to give them back when it is restored.
func (s *Session) noteAutosave() {
	if m := s.autosave.memory; m != nil {
		m.SetString(noteProject, s.projectPath)
		m.SetString(noteName, s.name)
	}
}

// RemoveAutosave deletes the autosave file, after a save or when the
// changes are discarded.
func (s *Session) RemoveAutosave() error {
	a := &s.autosave
	if a.path == "" {
		return nil
	}
	a.held, a.wrote = false, false
	return AutosaveJob{path: a.path, remove: true}.Run()
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
	s.projectPath, s.name = "", ""
	if m := a.memory; m != nil {
		s.projectPath, s.name = m.String(noteProject), m.String(noteName)
	}
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
		j := AutosaveJob{path: a.path, p: s.Project()}
		if err := j.Run(); err != nil {
			return err
		}
		s.noteAutosave()
		return nil
	}
	return s.RemoveAutosave()
}
