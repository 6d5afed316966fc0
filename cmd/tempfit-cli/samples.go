package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"tempfit/sampledata"
)

func runSamples(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintf(stderr, "tempfit-cli samples: unexpected argument %q\n", args[0])
		return exitUsage
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tTITLE\tSOURCE")
	for _, s := range sampledata.All() {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", s.Name, s.Title, s.Source)
	}
	tw.Flush()
	return exitOK
}
