package data

import (
	"encoding/csv"
	"io"
	"sync"
)

// batchRecords is the number of records read into one batch.
const batchRecords = 4096

// recordBatch is a run of records that are not blank, read by encoding/csv.
type recordBatch struct {
	fields []string // the fields of the records, one record after another
	lines  []int    // the line of each field
	ends   []int    // where each record ends in fields
	err    error    // what ended reading after the records: io.EOF or an error of csv.Reader
}

// fill reads records from cr into b, emptied, until it holds batchRecords
// or reading ends.
func (b *recordBatch) fill(cr *csv.Reader) {
	b.fields, b.lines, b.ends, b.err = b.fields[:0], b.lines[:0], b.ends[:0], nil
	for len(b.ends) < batchRecords {
		rec, err := cr.Read()
		if err != nil {
			b.err = err
			return
		}
		if blankRecord(rec) {
			continue
		}
		for i := range rec {
			line, _ := cr.FieldPos(i)
			b.lines = append(b.lines, line)
		}
		b.fields = append(b.fields, rec...)
		b.ends = append(b.ends, len(b.fields))
	}
}

// batches hands out the batches of records of a csv.Reader. Short input
// is read as the batches are asked for; long input by a goroutine of its
// own, one batch ahead, so that splitting the text into fields and
// reading the values of the fields take a processor each.
type batches struct {
	cr    *csv.Reader
	ahead chan *recordBatch // the batches read ahead; nil when reading as asked
	free  chan *recordBatch // batches handed back, to be filled again
	stop  chan struct{}
	done  chan struct{} // closed when the goroutine reading ahead has ended
	once  sync.Once
}

// newBatches returns the batches of cr, read ahead when readAhead is true.
// The text must then come from a reader that does not block, such as a
// file, since close waits for the goroutine.
func newBatches(cr *csv.Reader, readAhead bool) *batches {
	bs := &batches{cr: cr, free: make(chan *recordBatch, 3)}
	if readAhead {
		bs.ahead = make(chan *recordBatch, 1)
		bs.stop = make(chan struct{})
		bs.done = make(chan struct{})
		go bs.readAhead()
	}
	return bs
}

// readAhead fills batches until reading ends or close is called.
func (bs *batches) readAhead() {
	defer close(bs.done)
	defer close(bs.ahead)
	for {
		b := bs.spare()
		b.fill(bs.cr)
		select {
		case bs.ahead <- b:
		case <-bs.stop:
			return
		}
		if b.err != nil {
			return
		}
	}
}

// spare returns a batch handed back, or a new one.
func (bs *batches) spare() *recordBatch {
	select {
	case b := <-bs.free:
		return b
	default:
		return &recordBatch{}
	}
}

// next returns the next batch; prev, the batch returned before or nil,
// is handed back to be filled again.
func (bs *batches) next(prev *recordBatch) *recordBatch {
	if prev != nil {
		select {
		case bs.free <- prev:
		default:
		}
	}
	if bs.ahead == nil {
		b := bs.spare()
		b.fill(bs.cr)
		return b
	}
	b, ok := <-bs.ahead
	if !ok {
		return &recordBatch{err: io.EOF}
	}
	return b
}

// close stops reading ahead, and returns once the text is no longer read.
func (bs *batches) close() {
	if bs.stop != nil {
		bs.once.Do(func() { close(bs.stop) })
		<-bs.done
	}
}
