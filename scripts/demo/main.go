// Command demo writes a Tempfit project for the screenshots: an embedded
// sample with a model fitted exactly, the curve drawn past the data.
//
// Usage:
//
//	go run ./scripts/demo -sample seattle-weather -y temp_max -trend 1 -extend 2016-12-31 -out demo.tempfit
package main

import (
	"flag"
	"fmt"
	"os"

	"tempfit/core/data"
	"tempfit/core/fit"
	"tempfit/core/optim"
	"tempfit/core/session"
	"tempfit/sampledata"
)

func main() {
	name := flag.String("sample", "seattle-weather", "embedded sample")
	yCol := flag.String("y", "", "y column (default: the second)")
	trend := flag.Int("trend", 1, "trend degree of the seasonal model; -1 keeps the book's polynomial")
	hold := flag.String("hold-out", "none", "hold-out rule, as tempfit-cli takes it")
	extend := flag.String("extend", "", "draw the curve up to this x")
	out := flag.String("out", "demo.tempfit", "project file to write")
	flag.Parse()
	if err := run(*name, *yCol, *trend, *hold, *extend, *out); err != nil {
		fmt.Fprintln(os.Stderr, "demo:", err)
		os.Exit(1)
	}
}

func run(name, yCol string, trend int, hold, extend, out string) error {
	sample, ok := sampledata.Lookup(name)
	if !ok {
		return fmt.Errorf("no sample %q", name)
	}
	res, err := data.ReadCSV(sample.Open(), data.ReadOptions{File: sample.File, YColumn: yCol})
	if err != nil {
		return err
	}
	s := session.New(session.Options{Data: res.Data, Name: sample.File})
	defer s.Close()
	m := s.Config().Model
	if trend >= 0 {
		m = fit.Model{Kind: fit.Seasonal, Harmonics: 2, Period: m.Period, Trend: trend, Scaling: fit.Scaled}
	}
	if err := s.SetModel(m, optim.Exact); err != nil {
		return err
	}
	rule, err := fit.ParseHoldRule(hold)
	if err != nil {
		return err
	}
	if err := s.SetHoldOut(rule); err != nil {
		return err
	}
	if extend != "" {
		x, err := res.Data.XAxis.Parse(extend)
		if err != nil {
			return err
		}
		s.SetExtendTo(x)
	}
	s.Sync()
	s.Solve()
	return s.SaveProject(out)
}
