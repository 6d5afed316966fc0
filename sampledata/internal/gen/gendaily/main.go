// Command gendaily writes the generated daily temperature sample of package
// sampledata.
//
// Usage:
//
//	gendaily [-o file]
//
// Without -o it writes to standard output. Package sampledata runs it with
// go generate to refresh generated-daily.csv.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"tempfit/sampledata/internal/gen"
)

func main() {
	out := flag.String("o", "", "write to `file` instead of standard output")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gendaily [-o file]")
		os.Exit(2)
	}

	var buf bytes.Buffer
	if err := gen.Write(&buf); err != nil {
		fmt.Fprintln(os.Stderr, "gendaily:", err)
		os.Exit(1)
	}
	var err error
	if *out == "" {
		_, err = os.Stdout.Write(buf.Bytes())
	} else {
		err = os.WriteFile(*out, buf.Bytes(), 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendaily:", err)
		os.Exit(1)
	}
}
