package gen

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
)

func TestWriteIsDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := Write(&a); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two runs of Write differ")
	}
	lines := strings.Split(strings.TrimSuffix(a.String(), "\n"), "\n")
	data := 0
	for _, l := range lines {
		if !strings.HasPrefix(l, "#") {
			data++
		}
	}
	if data != Days+1 {
		t.Errorf("%d header and data lines, want %d", data, Days+1)
	}
	if !strings.HasPrefix(lines[0], "# Generated") {
		t.Errorf("first line %q does not say the data are generated", lines[0])
	}
}

func TestRound1(t *testing.T) {
	for _, c := range []struct{ in, want float64 }{
		{1.24, 1.2}, {1.25, 1.3}, {-1.25, -1.3}, {-0.04, 0}, {0.04, 0},
	} {
		got := round1(c.in)
		if got != c.want {
			t.Errorf("round1(%v) = %v, want %v", c.in, got, c.want)
		}
	}
	if s := strconv.FormatFloat(round1(-0.04), 'f', 1, 64); s != "0.0" {
		t.Errorf("round1(-0.04) formats as %q", s)
	}
}
