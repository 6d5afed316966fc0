package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"tempfit/core/data"
	"tempfit/sampledata"
)

// sourceFlags choose the data a command reads: a file or an embedded
// sample, its columns, its encoding or worksheet, and what to do with bad
// rows.
type sourceFlags struct {
	data, sample string
	xCol, yCol   string
	skipBad      bool
	encoding     string
	sheet        string
}

// register adds the flags to fs.
func (f *sourceFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.data, "data", "", "`file` to fit: CSV text or an .xlsx workbook (default: the book's sample)")
	fs.StringVar(&f.sample, "sample", "", "embedded sample `name` to fit (see 'tempfit-cli samples')")
	fs.StringVar(&f.xCol, "x-col", "", "x column, by `name or 1-based index` (default: the first)")
	fs.StringVar(&f.yCol, "y-col", "", "y column, by `name or 1-based index` (default: the second)")
	fs.BoolVar(&f.skipBad, "skip-bad-rows", false, "skip rows whose x or y is not a number instead of failing")
	fs.StringVar(&f.encoding, "encoding", "", "text `encoding` of --data: "+strings.Join(data.Encodings(), ", ")+" (default: detected)")
	fs.StringVar(&f.sheet, "sheet", "", "worksheet of an .xlsx --data to read, by `name` (default: the active one)")
}

// source is a data set read for a command, with what the reading found.
type source struct {
	Name   string // the file, or "sample:NAME"
	Data   *data.Dataset
	Result *data.ReadResult
}

// check reports the mistakes in the flags that need no reading; set holds
// the flags given on the command line.
func (f *sourceFlags) check(set map[string]bool) error {
	switch {
	case set["data"] && f.data == "":
		return usageError{errors.New("--data needs a file name")}
	case set["data"] && set["sample"]:
		return usageError{errors.New("give --data or --sample, not both")}
	case set["encoding"] && !knownEncoding(f.encoding):
		return usageError{fmt.Errorf("--encoding %q is not one Tempfit reads; give one of %s", f.encoding, encodingList())}
	case f.data == "" && (set["encoding"] || set["sheet"]):
		return usageError{errors.New("--encoding and --sheet apply to --data files; the samples are UTF-8 text")}
	}
	if f.sample != "" {
		if _, ok := sampledata.Lookup(f.sample); !ok {
			return usageError{fmt.Errorf("no sample named %q (see 'tempfit-cli samples')", f.sample)}
		}
	}
	return nil
}

// knownEncoding reports whether ReadCSV reads text in the encoding name:
// one of data.Encodings, in any case, or an alias of one (such as
// euc-kr), which data.EncodingLabel names by its label.
func knownEncoding(name string) bool {
	for _, e := range data.Encodings() {
		if strings.EqualFold(strings.TrimSpace(name), e) {
			return true
		}
	}
	return data.EncodingLabel(name) != name
}

// encodingList returns the encodings with their labels, for messages.
func encodingList() string {
	var names []string
	for _, e := range data.Encodings() {
		names = append(names, fmt.Sprintf("%s (%s)", e, data.EncodingLabel(e)))
	}
	return strings.Join(names, ", ")
}

// read reads the data the flags name and says on stderr, after the
// command's name cmd, what the reader did that the user should know: an
// encoding other than UTF-8, rows skipped for a missing value, bad rows
// skipped with --skip-bad-rows. It never skips silently.
func (f *sourceFlags) read(cmd string, stderr io.Writer) (*source, error) {
	opt := data.ReadOptions{XColumn: f.xCol, YColumn: f.yCol, SkipBadRows: f.skipBad, Encoding: f.encoding, Sheet: f.sheet}
	src := &source{Name: f.data}
	var err error
	if f.data != "" {
		src.Result, err = data.ReadFile(f.data, opt)
	} else {
		s := sampledata.Default()
		if f.sample != "" {
			s, _ = sampledata.Lookup(f.sample)
		}
		src.Name = "sample:" + s.Name
		opt.File = s.File
		src.Result, err = data.ReadCSV(s.Open(), opt)
	}
	if err != nil {
		return nil, err
	}
	res := src.Result
	if f.sheet != "" && res.Sheet == "" {
		return nil, usageError{fmt.Errorf("--sheet %q: %s is text, not a workbook", f.sheet, f.data)}
	}
	if f.encoding != "" && res.Encoding == "" {
		return nil, usageError{fmt.Errorf("--encoding %q: %s is a workbook, not text", f.encoding, f.data)}
	}
	src.Data = res.Data
	if res.Encoding != "" && res.Encoding != data.UTF8 {
		fmt.Fprintf(stderr, "%s: read %s as %s\n", cmd, src.Name, data.EncodingLabel(res.Encoding))
	}
	if res.Missing > 0 {
		fmt.Fprintf(stderr, "%s: %s\n", cmd, missingNote(res))
	}
	if res.Skipped > 0 {
		fmt.Fprintf(stderr, "%s: warning: skipped %d bad row(s), the first: %v\n", cmd, res.Skipped, res.SkippedErrors[0])
	}
	return src, nil
}

// missingNote says how many rows were skipped for a missing x or y and
// where the first of them are, such as "skipped 12 rows with a missing x
// or y (lines 5, 9, 40, 41, 77, …)".
func missingNote(res *data.ReadResult) string {
	where := "line"
	if res.Sheet != "" {
		where = "row"
	}
	rows := "rows"
	if res.Missing == 1 {
		rows = "row"
	}
	if len(res.MissingLines) > 1 {
		where += "s"
	}
	lines := make([]string, len(res.MissingLines))
	for i, l := range res.MissingLines {
		lines[i] = strconv.Itoa(l)
	}
	if res.Missing > len(res.MissingLines) {
		lines = append(lines, "…")
	}
	return fmt.Sprintf("skipped %d %s with a missing x or y (%s %s)", res.Missing, rows, where, strings.Join(lines, ", "))
}
