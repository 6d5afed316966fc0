package train

// State is where a training run stands.
type State int

// The states of a run.
const (
	Idle     State = iota // nothing run since it was made or reset
	Running               // steps are being taken
	Paused                // waiting to be resumed or stepped
	Stopped               // stopped before its budget; Start continues
	Done                  // the step budget is used up or the optimum is reached
	Diverged              // the loss became NaN, infinite or exploded
	Failed                // the optimizer returned an error
)

var stateNames = [...]string{"idle", "running", "paused", "stopped", "done", "diverged", "failed"}

// String returns the state's lower-case English name.
func (s State) String() string {
	if s < 0 || int(s) >= len(stateNames) {
		return "unknown"
	}
	return stateNames[s]
}

// Finished reports whether the run cannot continue without more steps or a
// reset.
func (s State) Finished() bool { return s == Done || s == Diverged || s == Failed }
