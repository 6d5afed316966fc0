package data

import (
	"bytes"
	"io"
)

// lineEnds reads r with every lone carriage return, the line end of old
// Mac OS files, turned into a line feed. CR LF pairs are left for
// encoding/csv, which reads them as one line end, so that lines are
// counted right in files that mix the three kinds of line end.
type lineEnds struct {
	r io.Reader
	// cr is true when the last byte read was a CR, already turned into a
	// line feed, so that a line feed after it is the second half of a
	// CR LF pair and is dropped.
	cr bool
}

// Read implements io.Reader.
func (l *lineEnds) Read(p []byte) (int, error) {
	for {
		n, err := l.r.Read(p)
		b := p[:n]
		if l.cr && n > 0 {
			l.cr = false
			if b[0] == '\n' {
				n = copy(b, b[1:])
				b = b[:n]
			}
		}
		for i := bytes.IndexByte(b, '\r'); i >= 0; {
			switch {
			case i+1 == len(b):
				b[i], l.cr = '\n', true
			case b[i+1] != '\n':
				b[i] = '\n'
			}
			j := bytes.IndexByte(b[i+1:], '\r')
			if j < 0 {
				break
			}
			i += 1 + j
		}
		if n > 0 || err != nil {
			return n, err
		}
	}
}
