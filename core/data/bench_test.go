package data

import (
	"bytes"
	"strconv"
	"testing"
	"time"
)

// benchRows is the number of rows the read benchmarks read.
const benchRows = 1_000_000

// benchInput returns a CSV file of benchRows daily temperatures with x
// written by xText.
func benchInput(xText func(i int) string) []byte {
	var b bytes.Buffer
	b.WriteString("date,temp_max\n")
	for i := range benchRows {
		b.WriteString(xText(i))
		b.WriteByte(',')
		b.WriteString(strconv.FormatFloat(float64(i%400)/10-5, 'f', 1, 64))
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func benchRead(b *testing.B, in []byte) {
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		res, err := ReadCSV(bytes.NewReader(in), ReadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if res.Data.Len() != benchRows {
			b.Fatalf("read %d rows", res.Data.Len())
		}
	}
}

func BenchmarkRead1MNumbers(b *testing.B) {
	benchRead(b, benchInput(func(i int) string { return strconv.Itoa(i + 1) }))
}

func BenchmarkRead1MDates(b *testing.B) {
	start := time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC)
	benchRead(b, benchInput(func(i int) string { return start.AddDate(0, 0, i).Format("2006-01-02") }))
}
