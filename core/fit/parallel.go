package fit

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// segmentRows is the number of rows one goroutine takes at a time in a
// pass over the data. Results depend on it, never on the number of
// processors, so that a fit gives the same bits on every machine. It is a
// multiple of sumBlock.
const segmentRows = 64 * sumBlock

// forSegments calls do(k, start, end) for the k-th segment [start, end)
// of n rows, segmentRows long but for the last, spread over the
// processors when there is more than one segment, and returns when every
// call has returned. do must be safe for concurrent use.
func forSegments(n int, do func(k, start, end int)) {
	segs := (n + segmentRows - 1) / segmentRows
	workers := min(runtime.GOMAXPROCS(0), segs)
	if workers <= 1 {
		for k := range segs {
			do(k, k*segmentRows, min(n, (k+1)*segmentRows))
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				k := int(next.Add(1) - 1)
				if k >= segs {
					return
				}
				do(k, k*segmentRows, min(n, (k+1)*segmentRows))
			}
		})
	}
	wg.Wait()
}

// blockSums returns, for each block of sumBlock rows of n, the sums that
// sum writes into its part, m of them: part holds zeros when sum is
// called. The blocks are summed on every processor; adding the results
// in block order gives the same bits as one pass would.
func blockSums(n, m int, sum func(start, end int, part []float64)) []float64 {
	blocks := (n + sumBlock - 1) / sumBlock
	parts := make([]float64, blocks*m)
	forSegments(n, func(_, start, end int) {
		for b := start; b < end; b += sumBlock {
			k := b / sumBlock
			sum(b, min(b+sumBlock, end), parts[k*m:(k+1)*m])
		}
	})
	return parts
}
