// Command tempfit is the Tempfit desktop app: it fits a curve to x-y data
// (the book's twelve monthly temperatures to start with) and shows the
// training live.
//
// Usage:
//
//	tempfit [flags] [file.csv]
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"fyne.io/fyne/v2/app"

	"tempfit/gui"
)

// appID is the application id, as in FyneApp.toml.
const appID = "io.github.tempfit.tempfit"

func main() {
	start := flag.Bool("start", os.Getenv("TEMPFIT_START") == "1", "press Start as soon as the window opens")
	steps := flag.Int("steps", 0, "step budget (default 100000, the book's)")
	speed := flag.String("speed", "animated", "training speed: animated (about 5 s per run) or max")
	stats := flag.Bool("stats", false, "print drawing statistics on exit")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "Usage: tempfit [flags] [file.csv]\n\nFlags:\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 1 || (*speed != "animated" && *speed != "max") {
		flag.Usage()
		os.Exit(2)
	}

	a := app.NewWithID(appID)
	w := gui.NewMainWindow(a, gui.Options{Steps: *steps, MaxSpeed: *speed == "max"})
	if flag.NArg() == 1 {
		if err := w.Open(flag.Arg(0)); err != nil {
			fmt.Fprintf(os.Stderr, "tempfit: %v\n", err)
			w.ShowError(err)
		}
	}
	if *start {
		w.Start()
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sig
		w.Quit()
	}()
	w.Window().ShowAndRun()
	if *stats {
		fmt.Fprintf(os.Stderr, "tempfit: %v\n", w.Stats())
	}
}
