// Command tempfit-cli fits a model to x-y data from the command line, the
// headless twin of the Tempfit desktop app. It runs the same trainer.
//
// Usage:
//
//	tempfit-cli fit [flags]
//	tempfit-cli degrees [flags]
//	tempfit-cli race [flags]
//	tempfit-cli samples
//
// Run "tempfit-cli COMMAND -h" for the flags of a command.
package main

import (
	"fmt"
	"io"
	"os"

	"tempfit/core/data"
)

// Exit statuses.
const (
	exitOK    = 0
	exitData  = 1 // the data could not be read or fitted
	exitUsage = 2 // the command line is wrong
)

func main() {
	// Ctrl+C or SIGTERM during a write leaves no temporary file behind.
	data.ExitOnSignal()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the command line args and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "fit":
		return runFit(args[1:], stdout, stderr)
	case "degrees":
		return runDegrees(args[1:], stdout, stderr)
	case "race":
		return runRace(args[1:], stdout, stderr)
	case "samples":
		return runSamples(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		usage(stdout)
		return exitOK
	}
	fmt.Fprintf(stderr, "tempfit-cli: unknown command %q\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprint(w, `Usage:
  tempfit-cli fit [flags]       fit a model and print the loss, coefficients, their uncertainty and statistics
  tempfit-cli degrees [flags]   compare models of every size by training, leave-one-out and cross-validation error
  tempfit-cli race [flags]      train several optimizers side by side and compare how fast they near the optimum
  tempfit-cli samples           list the embedded sample data sets

Run "tempfit-cli COMMAND -h" for the flags of a command.
`)
}
