package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"tempfit/core/session"
	"tempfit/core/train"
)

// usageError is a mistake on the command line.
type usageError struct{ error }

// flagError returns the core's error err about the setting of a flag as
// a usage error, after the flag's name when it is not "", and without
// the name of the core package that starts the core's messages.
func flagError(flagName string, err error) error {
	msg := err.Error()
	for _, pkg := range []string{"fit: ", "optim: ", "grid: ", "data: "} {
		msg = strings.TrimPrefix(msg, pkg)
	}
	if flagName != "" {
		msg = flagName + ": " + msg
	}
	return usageError{errors.New(msg)}
}

func runFit(args []string, stdout, stderr io.Writer) int {
	var f fitFlags
	set, status, ok := parseFlags(newFitFlagSet(&f, stderr), args, stderr)
	if !ok {
		return status
	}
	f.set = set
	return exitStatus(fitAndReport(&f, stdout, stderr), "tempfit-cli fit", stderr)
}

// parseFlags parses a command's arguments with fs and returns the flags
// given on the command line. When it returns ok false, the command ends
// with the exit status given: 0 after -h, 2 for a mistake, told on stderr.
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer) (set map[string]bool, status int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, exitOK, false
		}
		return nil, exitUsage, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return nil, exitUsage, false
	}
	set = map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
	return set, exitOK, true
}

// exitStatus reports err, if any, on stderr after the command's name and
// returns the exit status it calls for.
func exitStatus(err error, cmd string, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(stderr, "%s: %v\n", cmd, err)
	if errors.As(err, new(usageError)) {
		return exitUsage
	}
	return exitData
}

func fitAndReport(f *fitFlags, stdout, stderr io.Writer) error {
	const cmd = "tempfit-cli fit"
	p, err := f.plan()
	if err != nil {
		return err
	}
	if f.out != "" {
		// Before the fit, which may take long, and before anything is
		// written.
		if err := session.CheckOutput(f.out, f.data); err != nil {
			if errors.Is(err, session.ErrOutputIsInput) {
				return usageError{fmt.Errorf("--out %v", err)}
			}
			return fmt.Errorf("--out %v", err)
		}
	}
	src, err := f.read(cmd, stderr)
	if err != nil {
		return err
	}
	job, err := prepare(f, p, src, stderr)
	if err != nil {
		return err
	}
	tr, err := train.New(job.train, job.cfg)
	if err != nil {
		return err
	}
	tr.SetHeldOut(job.held)
	s := tr.Snapshot()
	if w := s.Problem.Warning(); w != nil {
		fmt.Fprintf(stderr, "%s: warning: %v\n", cmd, w)
	}
	s, checkpoints := runSteps(tr, job.cfg.Steps, f.logEvery, f.json, stdout)

	failed := s.State == train.Diverged || s.State == train.Failed
	var out *outputInfo
	switch {
	case f.out != "" && failed:
		fmt.Fprintf(stderr, "%s: %s was not written: the run %s\n", cmd, f.out, s.State)
	case f.out != "":
		if out, err = writeOutput(f.out, s, src.Data, job, p); err != nil {
			return err
		}
	}
	r := buildReport(f, p, job, src, s, checkpoints, out)
	if f.json {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			return err
		}
	} else {
		printReport(stdout, f, s, r)
	}
	if failed {
		return s.Err
	}
	return nil
}

// runSteps trains tr for up to steps steps, printing the book's
// "Step: N, Loss: X" every logEvery steps unless quiet, and returns the
// last snapshot with the losses logged.
func runSteps(tr *train.Trainer, steps, logEvery int, quiet bool, stdout io.Writer) (*train.Snapshot, []checkpoint) {
	var checkpoints []checkpoint
	every := logEvery
	if every == 0 {
		every = steps
	}
	s := tr.Snapshot()
	for s.Step < steps && !s.State.Finished() {
		tr.Advance(min(every-s.Step%every, steps-s.Step))
		s = tr.Snapshot()
		if logEvery > 0 && (s.Step%logEvery == 0 || s.State.Finished()) {
			checkpoints = append(checkpoints, checkpoint{s.Step, number(s.Loss)})
			if !quiet {
				fmt.Fprintf(stdout, "Step: %d, Loss: %.6f\n", s.Step, s.Loss)
			}
		}
	}
	return s, checkpoints
}
