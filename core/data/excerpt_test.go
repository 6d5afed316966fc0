package data

import (
	"errors"
	"strings"
	"testing"
)

func TestShorten(t *testing.T) {
	tests := []struct {
		in, want string
		n        int
	}{
		{"", "", 0},
		{"abc", "abc", 0},
		{strings.Repeat("a", 40), strings.Repeat("a", 40), 0},
		{strings.Repeat("é", 40), strings.Repeat("é", 40), 0},
		{strings.Repeat("a", 41), strings.Repeat("a", 30) + "…", 41},
		{strings.Repeat("한", 100), strings.Repeat("한", 30) + "…", 100},
	}
	for _, tt := range tests {
		got, n := shorten(tt.in)
		if got != tt.want || n != tt.n {
			t.Errorf("shorten(%q) = %q, %d; want %q, %d", tt.in, got, n, tt.want, tt.n)
		}
	}
}

func TestQuoteList(t *testing.T) {
	names := make([]string, 12)
	for i := range names {
		names[i] = string(rune('a' + i))
	}
	want := `"a", "b", "c", "d", "e", "f", "g", "h", "i", "j" and 2 more`
	if got := quoteList(names); got != want {
		t.Errorf("quoteList = %q, want %q", got, want)
	}
}

// A huge cell gives a short message and a short CellError, in files,
// pasted text and typed cells alike.
func TestHugeCellShortMessage(t *testing.T) {
	huge := strings.Repeat("z", 1<<20)
	for _, in := range []string{
		"x,y\n1," + huge + "\n",
		"x\ty\n1\t" + huge + "\n",
		"1,2\n3," + huge + "\n",
	} {
		_, err := ParseText(in, ReadOptions{File: "big.csv"})
		if err == nil {
			t.Fatal("a huge bad cell was read")
		}
		msg := err.Error()
		if len(msg) > 200 {
			t.Errorf("message of %d bytes: %.300q", len(msg), msg)
		}
		if !strings.Contains(msg, ":2:2: ") || !strings.Contains(msg, "(1048576 characters) is not a number") {
			t.Errorf("message %q does not name the cell and its length", msg)
		}
		var ce *CellError
		if !errors.As(err, &ce) || len(ce.Text) > 100 || ce.Length != 1<<20 {
			t.Errorf("CellError holds %d bytes of text, length %d", len(ce.Text), ce.Length)
		}
	}
	_, err := XAxis{}.Parse(huge)
	var ce *CellError
	if !errors.As(err, &ce) || len(err.Error()) > 200 || ce.Length != 1<<20 {
		t.Errorf("Parse of a huge cell: %.300v", err)
	}
}

// A huge header name is quoted short in messages about columns.
func TestHugeHeaderShortMessage(t *testing.T) {
	huge := strings.Repeat("n", 1<<20)
	for _, tc := range []struct {
		in  string
		opt ReadOptions
	}{
		{huge + ",b\n1,2\n", ReadOptions{YColumn: "missing"}},
		{huge + ",b," + huge + "\n1,2,3\n", ReadOptions{}},
		{huge + ",b\n1,2\n", ReadOptions{XColumn: "1", YColumn: huge}},
	} {
		_, err := ParseText(tc.in, tc.opt)
		if err == nil {
			t.Fatal("no error")
		}
		if len(err.Error()) > 300 {
			t.Errorf("message of %d bytes: %.300q", len(err.Error()), err)
		}
	}
}
