package data

import (
	"io"
	"slices"
)

// rowQueue hands out the records of src, the first ones from a buffer
// filled to look ahead.
type rowQueue struct {
	src   records
	buf   []bufferedRow
	lines []int // the lines of the fields of the record last returned from buf; nil when it came from src
}

// bufferedRow is a record read ahead, with the line of each field.
type bufferedRow struct {
	cells []string
	lines []int
}

func (q *rowQueue) next() ([]string, error) {
	if len(q.buf) > 0 {
		row := q.buf[0]
		q.buf = q.buf[1:]
		q.lines = row.lines
		return row.cells, nil
	}
	q.lines = nil
	return q.src.next()
}

func (q *rowQueue) line(i int) int {
	if q.lines == nil {
		return q.src.line(i)
	}
	return q.lines[max(0, min(i, len(q.lines)-1))]
}

// snapshot returns a copy of rec, which the source may reuse, with the
// lines of its fields.
func (q *rowQueue) snapshot(rec []string) bufferedRow {
	row := bufferedRow{cells: slices.Clone(rec), lines: make([]int, max(len(rec), 1))}
	for i := range row.lines {
		row.lines[i] = q.line(i)
	}
	return row
}

// unread puts rec, the record last returned, back in front.
func (q *rowQueue) unread(rec []string) {
	q.buf = slices.Insert(q.buf, 0, q.snapshot(rec))
}

// lookAhead returns the next n records, or fewer at the end, leaving them
// to be returned by next.
func (q *rowQueue) lookAhead(n int) ([][]string, error) {
	for len(q.buf) < n {
		rec, err := q.src.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		q.lines = nil
		q.buf = append(q.buf, q.snapshot(rec))
	}
	out := make([][]string, len(q.buf))
	for i, row := range q.buf {
		out[i] = row.cells
	}
	return out, nil
}
