package data

import (
	"io"
	"runtime"
)

// rowsPerBlock is the number of rows formatted together; parallelRows the
// fewest rows for which formatting is spread over the processors.
const (
	rowsPerBlock = 16 << 10
	parallelRows = 2 * rowsPerBlock
)

// writeRows writes rows 0 to n-1 to w, each appended to a buffer by
// format with its line end. The rows are formatted in blocks, on every
// processor when there are many, and written in order; at most a few
// blocks wait to be written at a time, and format is called from several
// goroutines at once. It stops at the first error of w.
func writeRows(w io.Writer, n int, format func(b []byte, row int) []byte) error {
	workers := runtime.GOMAXPROCS(0)
	if n < parallelRows || workers == 1 {
		var b []byte
		for start := 0; start < n; start += rowsPerBlock {
			b = formatBlock(b[:0], start, min(start+rowsPerBlock, n), format)
			if _, err := w.Write(b); err != nil {
				return err
			}
		}
		return nil
	}

	type block struct {
		buf  []byte
		done chan struct{}
	}
	queue := make(chan *block, 2*workers) // blocks in row order
	free := make(chan []byte, 2*workers+1)
	stop := make(chan struct{})
	go func() {
		defer close(queue)
		for start := 0; start < n; start += rowsPerBlock {
			var buf []byte
			select {
			case buf = <-free:
			default:
			}
			b := &block{done: make(chan struct{})}
			select {
			case queue <- b:
			case <-stop:
				return
			}
			go func(start, end int) {
				b.buf = formatBlock(buf[:0], start, end, format)
				close(b.done)
			}(start, min(start+rowsPerBlock, n))
		}
	}()
	var err error
	for b := range queue {
		<-b.done
		if err == nil {
			if _, err = w.Write(b.buf); err != nil {
				close(stop)
			}
		}
		select {
		case free <- b.buf:
		default:
		}
	}
	return err
}

// formatBlock appends rows start to end-1 to b.
func formatBlock(b []byte, start, end int, format func(b []byte, row int) []byte) []byte {
	for i := start; i < end; i++ {
		b = format(b, i)
	}
	return b
}
