package session

import (
	"errors"
	"math"
	"slices"
	"testing"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/optim"
	"tempfit/core/sheet"
	"tempfit/core/train"
)

func TestNewMakesTheTrainerInAJob(t *testing.T) {
	s := New(Options{Data: book(t), Name: "book.csv"})
	defer s.Close()
	if !s.Building() || s.Trainer() != nil {
		t.Fatal("the trainer was made before its job ran")
	}
	j := s.TakeJob()
	if j == nil {
		t.Fatal("no job to make the trainer")
	}
	j.Run() // on any goroutine
	s.FinishJob(j)
	tr := s.Trainer()
	if tr == nil || s.Building() {
		t.Fatal("no trainer after its job")
	}
	snap := tr.Snapshot()
	if m := snap.Config.Model; m.Kind != fit.Polynomial || m.Degree != 4 || m.Scaling != fit.Raw || snap.Config.Method != optim.Adam || snap.Config.Steps != train.DefaultSteps {
		t.Errorf("the book's settings are not the default: %+v", snap.Config)
	}
	if s.Sheet().CanUndo() || s.Unsaved() || s.Name() != "book.csv" {
		t.Errorf("a new session: can undo %v, unsaved %v, name %q", s.Sheet().CanUndo(), s.Unsaved(), s.Name())
	}
}

func TestEditSwapsDataWithoutLosingWeights(t *testing.T) {
	s := newBook(t)
	tr := s.Trainer()
	tr.Advance(500)
	before := tr.Snapshot().Weights
	if err := s.Edit(0, sheet.Y, "2.5"); err != nil {
		t.Fatal(err)
	}
	s.Sync()
	if s.Trainer() != tr {
		t.Fatal("an edit replaced the trainer")
	}
	snap := tr.Snapshot()
	if snap.Problem.Data.Y[0] != 2.5 {
		t.Errorf("the trainer has y = %v for row 1", snap.Problem.Data.Y[0])
	}
	if snap.Step != 500 || !slices.Equal(snap.Weights, before) {
		t.Errorf("the swap lost the run: step %d, weights %v, had %v", snap.Step, snap.Weights, before)
	}
	var ce *sheet.CellError
	if err := s.Edit(1, sheet.Y, "warm"); !errors.As(err, &ce) || y(s, 1) != 5.7 {
		t.Errorf("a cell that is not a number: %v, y = %v", err, y(s, 1))
	}
}

func TestEditWhileRunningKeepsRunning(t *testing.T) {
	s := newBook(t)
	s.SetAnimated(false)
	s.SetSteps(1_000_000_000)
	tr := s.Trainer()
	s.StartPause()
	waitSteps(t, tr, 10)
	s.Edit(3, sheet.Y, "15.5")
	s.Sync()
	if s.Trainer() != tr || tr.Snapshot().State != train.Running {
		t.Errorf("an edit stopped or replaced the run: %v", tr.Snapshot().State)
	}
	s.StartPause()
	if st := tr.Snapshot().State; st != train.Paused {
		t.Errorf("Start/Pause while running: %v", st)
	}
}

func TestLatestEditWins(t *testing.T) {
	s := newBook(t)
	s.Edit(0, sheet.Y, "1")
	s.Edit(1, sheet.Y, "2")
	j := s.TakeJob()
	if j == nil || j.build || j.data.Y[0] != 1 || j.data.Y[1] != 2 {
		t.Fatalf("the waiting job does not hold both edits: %+v", j)
	}
	if s.TakeJob() != nil {
		t.Error("an older edit still waits")
	}
	j.Run()
	s.FinishJob(j)
	if d := s.Trainer().Snapshot().Problem.Data; d.Y[0] != 1 || d.Y[1] != 2 {
		t.Errorf("the trainer has %v, %v", d.Y[0], d.Y[1])
	}
}

func TestStaleTrainerIsDiscarded(t *testing.T) {
	s := newBook(t)
	s.SetModel(fit.Model{Kind: fit.Polynomial, Degree: 2, Scaling: fit.Raw}, optim.Adam)
	old := s.TakeJob()
	s.SetModel(fit.Model{Kind: fit.Polynomial, Degree: 3, Scaling: fit.Raw}, optim.Adam)
	old.Run()
	s.FinishJob(old) // a newer trainer was asked for since
	if !s.Building() || s.Trainer() == old.made {
		t.Fatal("a stale trainer was installed")
	}
	s.Sync()
	if d := s.Trainer().Snapshot().Config.Model.Degree; d != 3 {
		t.Errorf("degree %d installed, want 3", d)
	}
}

func TestModelChangeAsksOnlyWhenUnderWay(t *testing.T) {
	s := newBook(t)
	if s.UnderWay() {
		t.Fatal("a fresh run is under way")
	}
	s.SetLearningRate(0.01)
	cubic := fit.Model{Kind: fit.Polynomial, Degree: 3, Scaling: fit.Raw}
	if err := s.SetModel(cubic, optim.Adam); err != nil {
		t.Fatal(err)
	}
	s.Sync()
	if cfg := s.Trainer().Snapshot().Config; cfg.Model != cubic || cfg.LearningRate != 0.01 {
		t.Errorf("the new trainer has %v at lr %v; the same optimizer keeps its rate", cfg.Model, cfg.LearningRate)
	}
	s.Step()
	if !s.UnderWay() {
		t.Error("a run with a step taken is not under way")
	}
	s.Reset()
	if s.UnderWay() {
		t.Error("a reset run is under way")
	}
	s.Step()
	s.SetModel(cubic, optim.RMSProp)
	s.Sync()
	snap := s.Trainer().Snapshot()
	if snap.Step != 0 || snap.Config.Method != optim.RMSProp || snap.LearningRate != optim.DefaultLearningRate(optim.RMSProp) {
		t.Errorf("after the change: step %d, %v at lr %v", snap.Step, snap.Config.Method, snap.LearningRate)
	}
}

func TestCheckModelCountsPoints(t *testing.T) {
	s := newBook(t)
	deg := func(d int) fit.Model { return fit.Model{Kind: fit.Polynomial, Degree: d, Scaling: fit.Raw} }
	var few *TooFewPointsError
	if _, err := s.CheckModel(deg(12)); !errors.As(err, &few) || few.Need != 13 || few.Have != 12 {
		t.Errorf("degree 12 on 12 points: %v", err)
	}
	if err := s.SetModel(deg(12), optim.Adam); err == nil || s.Config().Model.Degree != 4 {
		t.Error("SetModel took a model with too few points")
	}
	if interpolates, err := s.CheckModel(deg(11)); err != nil || !interpolates {
		t.Errorf("degree 11 on 12 points: interpolates %v, %v", interpolates, err)
	}
	seasonal := fit.Model{Kind: fit.Seasonal, Harmonics: 6, Period: 12}
	if _, err := s.CheckModel(seasonal); !errors.As(err, &few) || few.Need != 13 {
		t.Errorf("6 harmonics on 12 points: %v", err)
	}
	if _, err := s.CheckModel(fit.Model{Kind: fit.Seasonal, Harmonics: 2, Period: -1}); err == nil {
		t.Error("a negative period was accepted")
	}
}

func TestStartWhileBuildingStartsWhenReady(t *testing.T) {
	s := newBook(t)
	s.SetAnimated(false)
	s.SetSteps(1_000_000_000)
	s.SetModel(fit.Model{Kind: fit.Polynomial, Degree: 3, Scaling: fit.Scaled}, optim.Adam)
	s.Start()
	if !s.Starting() {
		t.Fatal("Start while building was forgotten")
	}
	s.Sync()
	tr := s.Trainer()
	if st := tr.Snapshot().State; st != train.Running {
		t.Errorf("the trainer made after Start is %v", st)
	}
	s.StartPause()
	// Start/Pause twice while building is no start.
	s.SetModel(fit.Model{Kind: fit.Polynomial, Degree: 2, Scaling: fit.Scaled}, optim.Adam)
	s.StartPause()
	s.StartPause()
	s.Sync()
	if st := s.Trainer().Snapshot().State; st != train.Idle {
		t.Errorf("after Start/Pause twice while building: %v", st)
	}
}

func TestSolveAndNotices(t *testing.T) {
	s := newBook(t)
	snap := s.Trainer().Snapshot()
	if n := s.NoticeFor(snap); n != NoticeNone {
		t.Errorf("fresh run: notice %v", n)
	}
	s.Solve()
	snap = s.Trainer().Snapshot()
	if n := s.NoticeFor(snap); n != NoticeSolved {
		t.Errorf("solved: notice %v", n)
	}
	if math.Abs(snap.Loss-12.144165) > 1e-6 {
		t.Errorf("solved loss %v", snap.Loss)
	}
	// SGD on raw x diverges.
	s.SetModel(s.Config().Model, optim.GradientDescent)
	s.SetSteps(2000)
	s.Sync()
	s.Trainer().Advance(2000)
	if n := s.NoticeFor(s.Trainer().Snapshot()); n != NoticeDiverged {
		t.Errorf("diverged run: notice %v", n)
	}
	// No complete rows.
	s.DeleteRows([]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
	s.Sync()
	if s.Trainer() != nil || s.NoticeFor(nil) != NoticeNoData {
		t.Errorf("no rows: trainer %v, notice %v", s.Trainer(), s.NoticeFor(nil))
	}
	s.Undo()
	s.Sync()
	if s.Trainer() == nil || s.Data().Len() != 12 {
		t.Error("undoing the delete made no trainer")
	}
}

func TestFewerPointsThanWeightsCannotFit(t *testing.T) {
	s := newBook(t)
	rows := []int{}
	for i := 3; i < 12; i++ {
		rows = append(rows, i)
	}
	s.DeleteRows(rows) // 3 points for a degree-4 polynomial
	s.Sync()
	snap := s.Trainer().Snapshot()
	if n := s.NoticeFor(snap); n != NoticeUnderdetermined {
		t.Errorf("3 points, 5 weights: notice %v", n)
	}
}

func TestReplacePointsKeepsNamesWithoutHeader(t *testing.T) {
	s := newBook(t)
	var c changes
	s.Observe(c.record)
	res, _, err := ReadText("1\t3\n2\t4\n3\t8\n", data.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s.ReplacePoints(res)
	if ch := c.last(); ch&Table == 0 || ch&Rows == 0 {
		t.Errorf("replacing the rows reported %b", ch)
	}
	if x, y := s.Sheet().Names(); x != "month" || y != "temperature" || s.Sheet().Len() != 3 {
		t.Errorf("names %s, %s, %d rows", x, y, s.Sheet().Len())
	}
	res, _, _ = ReadText("day\ttemp\n1\t3\n2\t4\n", data.ReadOptions{})
	s.ReplacePoints(res)
	if x, _ := s.Sheet().Names(); x != "day" {
		t.Errorf("a header's names were not taken: %s", x)
	}
	s.InsertPoints(1, res)
	if s.Sheet().Len() != 4 || y(s, 1) != 3 {
		t.Errorf("inserted rows: %d rows, row 2 y = %v", s.Sheet().Len(), y(s, 1))
	}
	if ch := c.last(); ch&Rows == 0 || ch&Table != 0 {
		t.Errorf("inserting rows reported %b", ch)
	}
}

func TestSettingsReachTheTrainer(t *testing.T) {
	s := newBook(t)
	tr := s.Trainer()
	if err := s.SetLearningRate(0.05); err != nil || tr.Snapshot().LearningRate != 0.05 {
		t.Errorf("learning rate: %v, trainer has %v", err, tr.Snapshot().LearningRate)
	}
	if err := s.SetLearningRate(0); err == nil {
		t.Error("a learning rate of 0 was taken")
	}
	if err := s.SetSteps(-3); err == nil || s.Config().Steps != train.DefaultSteps {
		t.Error("a negative step budget was taken")
	}
	s.SetAnimated(true)
	s.SetSteps(2000)
	if p := s.Config().Pace; p != 2000/AnimatedSeconds || tr.Snapshot().Budget != 2000 {
		t.Errorf("pace %v, budget %d", p, tr.Snapshot().Budget)
	}
	s.SetAnimated(false)
	if s.Animated() || s.Config().Pace != 0 {
		t.Error("still animated")
	}
	s.SetExtendTo(24)
	if s.ExtendTo() != 24 {
		t.Errorf("extend to %v", s.ExtendTo())
	}
	s.SetExtendTo(math.NaN())
	if !math.IsNaN(s.ExtendTo()) {
		t.Errorf("extend to %v, want the data's range", s.ExtendTo())
	}
}

func TestCloseStopsTheTrainer(t *testing.T) {
	s := newBook(t)
	s.SetAnimated(false)
	s.SetSteps(1_000_000_000)
	tr := s.Trainer()
	s.Start()
	waitSteps(t, tr, 1)
	s.Close()
	if st := tr.Snapshot().State; st == train.Running {
		t.Errorf("the trainer runs after Close: %v", st)
	}
	var c changes
	s.Observe(c.record)
	s.Edit(0, sheet.Y, "3")
	if len(c.all) > 0 {
		t.Error("a closed session reports changes")
	}
}
