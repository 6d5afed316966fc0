// Command tempfit is the Tempfit desktop app: it fits a curve to x-y data
// (the book's twelve monthly temperatures to start with) and shows the
// training live.
//
// Usage:
//
//	tempfit [flags] [file.csv | project.tempfit]
//
// With --race book the window opens racing the book's optimizers, raw
// against scaled x, on the Race tab; --stats then measures the drawing of
// the race.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"tempfit/core/data"
	"tempfit/core/race"
	"tempfit/gui"
)

// The app's id, name and version, as in FyneApp.toml; a test keeps them
// equal. A packaged build gets them from FyneApp.toml itself, a plain
// "go build" from here.
const (
	appID   = "io.github.tempfit.tempfit"
	appName = "Tempfit"
	version = "1.0.0"
)

func main() {
	start := flag.Bool("start", os.Getenv("TEMPFIT_START") == "1", "press Start as soon as the window opens")
	steps := flag.Int("steps", 0, "step budget (default: the one chosen last, at first the book's 100000)")
	speed := flag.String("speed", "animated", "training speed: animated (about 5 s per run) or max (default: the one chosen last)")
	stats := flag.Bool("stats", false, "print drawing statistics on exit")
	racePreset := flag.String("race", "", "race a preset of optimizers as soon as the window opens, and show the Race tab: "+presetNames()+" (with --steps, each run's budget)")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "Usage: tempfit [flags] [file.csv | project.tempfit]\n\nFlags:\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	preset, presetOK := race.LookupPreset(*racePreset)
	if flag.NArg() > 1 || (*speed != "animated" && *speed != "max") || (*racePreset != "" && !presetOK) {
		flag.Usage()
		os.Exit(2)
	}

	speedSet := false
	flag.Visit(func(f *flag.Flag) { speedSet = speedSet || f.Name == "speed" })

	a := app.NewWithID(appID)
	if m := a.Metadata(); m.ID == "" && m.Name == "" {
		app.SetMetadata(fyne.AppMetadata{ID: appID, Name: appName, Version: version, Build: 1, Icon: gui.Icon})
	}
	if a.Icon() == nil {
		a.SetIcon(gui.Icon)
	}
	w := gui.NewMainWindow(a, gui.Options{
		Steps:    *steps,
		MaxSpeed: speedSet && *speed == "max",
		Animated: speedSet && *speed == "animated",
	})
	if flag.NArg() == 1 {
		// Open shows its errors in a dialog.
		if err := w.Open(flag.Arg(0)); err != nil {
			fmt.Fprintf(os.Stderr, "tempfit: %v\n", err)
		}
	}
	if *start {
		w.Start()
	}
	if presetOK {
		if *steps > 0 {
			preset.Steps = *steps
		}
		if err := w.StartRace(preset); err != nil {
			fmt.Fprintf(os.Stderr, "tempfit: race %s: %v\n", preset.Name, err)
		}
	}
	// fyne ends its event loop on SIGINT and SIGTERM by itself; the window
	// stops handing it work at once, and finishes (keeping unsaved work in
	// the autosave) once the loop has ended, whatever ended it.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sig
		w.Interrupt()
	}()
	w.Window().ShowAndRun()
	w.Finish()
	data.AbandonWrites() // a write still running must not leave its temporary file
	if *stats {
		fmt.Fprintf(os.Stderr, "tempfit: %v\n", w.Stats())
	}
}

// presetNames lists the names of the race presets, for the usage.
func presetNames() string {
	var names []string
	for _, p := range race.Presets() {
		names = append(names, p.Name)
	}
	return strings.Join(names, ", ")
}
