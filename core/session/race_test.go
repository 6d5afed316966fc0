package session

import (
	"errors"
	"path/filepath"
	"strconv"
	"testing"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/optim"
	"tempfit/core/race"
	"tempfit/core/sheet"
	"tempfit/core/train"
	"tempfit/sampledata"
)

// newBookRace returns a session on the book's data with the book's race
// made, and the changes it reports from then on.
func newBookRace(t *testing.T) (*Session, *changes) {
	t.Helper()
	s := newBook(t)
	var ch changes
	s.Observe(ch.record)
	if err := s.NewRaceFromPreset(race.BookPreset()); err != nil {
		t.Fatal(err)
	}
	if ch.last()&Race == 0 {
		t.Fatal("making a race reported no Race change")
	}
	return s, &ch
}

// runData returns the points a run trains on.
func runData(r *race.Run) *data.Dataset { return r.Snapshot().Problem.Data }

// running starts the race and waits until every run has taken a step.
func running(t *testing.T, r *race.Race) {
	t.Helper()
	r.Start()
	for _, run := range r.Runs() {
		waitSteps(t, run.Trainer, 1)
	}
}

// ended checks that every run of r has stopped its goroutine.
func ended(t *testing.T, r *race.Race) {
	t.Helper()
	for _, run := range r.Runs() {
		run.Trainer.Wait() // returns at once when the goroutine has ended
		if st := run.Snapshot().State; st == train.Running {
			t.Errorf("%s still running", run.Label)
		}
	}
}

func TestBookRaceOnTheDocument(t *testing.T) {
	s, _ := newBookRace(t)
	r := s.Race()
	p := race.BookPreset()
	if r == nil || len(r.Runs()) != len(p.Specs) {
		t.Fatalf("race %v, want %d runs", r, len(p.Specs))
	}
	for _, run := range r.Runs() {
		snap := run.Snapshot()
		if snap.State != train.Idle || snap.Budget != p.Steps {
			t.Errorf("%s: %v with a budget of %d, want idle with %d", run.Label, snap.State, snap.Budget, p.Steps)
		}
		if m := snap.Config.Model; m.Kind != fit.Polynomial || m.Degree != 4 {
			t.Errorf("%s fits %v, want the book's degree 4", run.Label, m)
		}
		if runData(run) != s.Data() {
			t.Errorf("%s trains on other points than the document's", run.Label)
		}
	}
	if s.RaceEnded() != nil {
		t.Errorf("a new race has ended: %v", s.RaceEnded())
	}
}

func TestPresetRacesItsModelOnTheTableShown(t *testing.T) {
	s := newBook(t)
	if err := s.SetModel(fit.Model{Kind: fit.Seasonal, Harmonics: 1, Period: 12}, optim.RMSProp); err != nil {
		t.Fatal(err)
	}
	if err := s.OpenSample(sampledata.Default()); err != nil {
		t.Fatal(err)
	}
	// Twenty points of another shape.
	for i := range 8 {
		row := s.AppendRow()
		s.Edit(row, sheet.X, strconv.Itoa(13+i))
		s.Edit(row, sheet.Y, strconv.Itoa(20-i))
	}
	s.Sync()
	if err := s.NewRaceFromPreset(race.BookPreset()); err != nil {
		t.Fatal(err)
	}
	for _, run := range s.Race().Runs() {
		if n := runData(run).Len(); n != 20 {
			t.Errorf("%s trains on %d points, want the table's 20", run.Label, n)
		}
		if m := run.Snapshot().Config.Model; m.Kind != fit.Polynomial || m.Degree != 4 {
			t.Errorf("%s fits %v, not the preset's model", run.Label, m)
		}
	}
}

func TestRaceLeavesHeldOutPointsOut(t *testing.T) {
	s := newBook(t)
	if err := s.SetHoldOut(fit.HoldRule{Kind: fit.HoldLast, Fraction: 0.25}); err != nil {
		t.Fatal(err)
	}
	specs, err := race.ParseSpecs("adam:0.1,lbfgs", "scaled")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.NewRace(specs); err != nil {
		t.Fatal(err)
	}
	runs := s.Race().Runs()
	if len(runs) != 2 {
		t.Fatalf("%d runs, want 2", len(runs))
	}
	for _, run := range runs {
		if n := runData(run).Len(); n != 9 {
			t.Errorf("%s trains on %d points, want the 9 not held out", run.Label, n)
		}
		if got, want := run.Snapshot().Budget, s.Config().Steps; got != want {
			t.Errorf("%s has a budget of %d, want the document's %d", run.Label, got, want)
		}
	}
}

func TestNewRaceRefuses(t *testing.T) {
	s := newBook(t)
	if err := s.NewRace([]race.Spec{{Method: "newton"}}); err == nil {
		t.Error("an unknown optimizer made a race")
	}
	s.New()
	if err := s.NewRaceFromPreset(race.BookPreset()); err == nil {
		t.Error("a race was made on an empty table")
	}
	if s.Race() != nil {
		t.Error("a refused race was kept")
	}
	// Degree 4 needs five points.
	for i := range 4 {
		row := s.AppendRow()
		s.Edit(row, sheet.X, strconv.Itoa(i))
		s.Edit(row, sheet.Y, strconv.Itoa(i*i))
	}
	err := s.NewRaceFromPreset(race.BookPreset())
	var few *TooFewPointsError
	if !errors.As(err, &few) {
		t.Errorf("four points for degree 4: %v", err)
	}
}

func TestEditingThePointsEndsTheRace(t *testing.T) {
	s, ch := newBookRace(t)
	r := s.Race()
	running(t, r)

	// The same value again, and a new model of the main trainer, leave
	// the race as it is.
	s.Edit(0, sheet.Y, strconv.FormatFloat(y(s, 0), 'g', -1, 64))
	if err := s.SetModel(fit.Model{Kind: fit.Polynomial, Degree: 2, Scaling: fit.Scaled}, optim.Adam); err != nil {
		t.Fatal(err)
	}
	if s.Race() != r || ch.last()&Race != 0 {
		t.Fatal("a change that left the points as they were ended the race")
	}

	s.Edit(0, sheet.Y, "30")
	if s.Race() != nil {
		t.Fatal("the race goes on after an edit")
	}
	if ch.last()&Race == 0 {
		t.Error("ending the race reported no Race change")
	}
	if !errors.Is(s.RaceEnded(), ErrRaceDataChanged) {
		t.Errorf("ended: %v", s.RaceEnded())
	}
	ended(t, r)

	// A new race clears the notice.
	if err := s.NewRaceFromPreset(race.BookPreset()); err != nil {
		t.Fatal(err)
	}
	if s.RaceEnded() != nil {
		t.Errorf("a new race still says %v", s.RaceEnded())
	}
}

func TestHoldingOutPointsEndsTheRace(t *testing.T) {
	s, _ := newBookRace(t)
	if err := s.SetHoldOut(fit.HoldRule{Kind: fit.HoldLast, Fraction: 0.25}); err != nil {
		t.Fatal(err)
	}
	if s.Race() != nil || !errors.Is(s.RaceEnded(), ErrRaceDataChanged) {
		t.Errorf("race %v, ended %v after holding points out", s.Race(), s.RaceEnded())
	}
}

func TestReplacingTheDocumentEndsTheRace(t *testing.T) {
	replace := map[string]func(t *testing.T, s *Session){
		"New":        func(t *testing.T, s *Session) { s.New() },
		"OpenSample": func(t *testing.T, s *Session) { s.OpenSample(sampledata.Default()) },
		"Import": func(t *testing.T, s *Session) {
			s.Import(writeFile(t, "a.csv", "x,y\n1,2\n"), readText(t, "x,y\n1,2\n"))
		},
		"Replace":     func(t *testing.T, s *Session) { s.ReplacePoints(readText(t, "1\t2\n2\t3\n")) },
		"OpenProject": func(t *testing.T, s *Session) { openOwnProject(t, s) },
	}
	for name, do := range replace {
		t.Run(name, func(t *testing.T) {
			s, ch := newBookRace(t)
			r := s.Race()
			running(t, r)
			do(t, s)
			if s.Race() != nil {
				t.Fatal("the race goes on in the new document")
			}
			if !errors.Is(s.RaceEnded(), ErrRaceReplaced) {
				t.Errorf("ended: %v", s.RaceEnded())
			}
			if ch.last()&Race == 0 {
				t.Error("no Race change reported")
			}
			ended(t, r)
		})
	}
}

func TestRestoringAnAutosaveEndsTheRace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "autosave.tempfit")
	s := newBookWith(t, Options{Autosave: path})
	s.Edit(0, sheet.Y, "9")
	if err := s.Autosave(); err != nil {
		t.Fatal(err)
	}
	if err := s.NewRaceFromPreset(race.BookPreset()); err != nil {
		t.Fatal(err)
	}
	r := s.Race()
	if err := s.RestoreAutosave(); err != nil {
		t.Fatal(err)
	}
	if s.Race() != nil || !errors.Is(s.RaceEnded(), ErrRaceReplaced) {
		t.Errorf("race %v, ended %v after restoring", s.Race(), s.RaceEnded())
	}
	ended(t, r)
}

func TestDropRace(t *testing.T) {
	s, ch := newBookRace(t)
	r := s.Race()
	running(t, r)
	s.DropRace()
	if s.Race() != nil || s.RaceEnded() != nil {
		t.Errorf("after DropRace: race %v, ended %v", s.Race(), s.RaceEnded())
	}
	if ch.last()&Race == 0 {
		t.Error("no Race change reported")
	}
	ended(t, r)
	s.DropRace() // nothing to drop
	if len(ch.all) != 0 {
		t.Errorf("dropping no race reported %v", ch.all)
	}
}

func TestCloseStopsTheRace(t *testing.T) {
	s, _ := newBookRace(t)
	r := s.Race()
	running(t, r)
	s.Close()
	ended(t, r)
}

func TestRaceFollowsTheSpeed(t *testing.T) {
	s := newBook(t)
	s.SetAnimated(false)
	p := race.BookPreset()
	if err := s.NewRaceFromPreset(p); err != nil {
		t.Fatal(err)
	}
	pace := func() float64 { return s.Race().Runs()[0].Snapshot().Config.Pace }
	if pace() != 0 {
		t.Errorf("pace %v at the maximum speed", pace())
	}
	s.SetAnimated(true)
	if want := Pace(p.Steps, true); pace() != want {
		t.Errorf("animated pace %v, want %v", pace(), want)
	}
}

// readText reads rows as pasted.
func readText(t *testing.T, text string) *data.ReadResult {
	t.Helper()
	res, _, err := ReadText(text, data.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// openOwnProject saves the document as a project and opens it again.
func openOwnProject(t *testing.T, s *Session) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.tempfit")
	if err := s.SaveProject(path); err != nil {
		t.Fatal(err)
	}
	if err := s.OpenProject(path); err != nil {
		t.Fatal(err)
	}
}
