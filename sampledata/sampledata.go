// Package sampledata holds the sample data sets that Tempfit offers in its
// menus and on its command line, embedded in the program.
//
// Each set is a small CSV file: '#' comment lines, the first of which names
// the source of the data and the others the exact source, licence, units
// and details; then a header line with the names of the columns, x first
// and then one or more columns of values; then one row per point. x is a
// number or an ISO 8601 date. Read a set with tempfit/core/data.ReadCSV.
package sampledata

//go:generate go run ./internal/gen/gendaily -o generated-daily.csv

import (
	"bufio"
	"bytes"
	"embed"
	"io"
	"slices"
	"strings"
)

//go:embed *.csv
var files embed.FS

// Sample is one embedded data set.
type Sample struct {
	Name    string // short id used on the command line, e.g. "book"
	Title   string // English title for menus
	TitleKo string // Korean title for menus
	Source  string // one line naming the source (from the file's comment)
	File    string // file name inside the package
}

// samples lists the sets in menu order, the book's first.
var samples = withSources([]Sample{
	{
		Name:    "book",
		Title:   "Textbook example: monthly average temperature",
		TitleKo: "교재 예제: 월평균 기온",
		File:    "book.csv",
	},
	{
		Name:    "seoul",
		Title:   "Seoul: monthly mean temperature, 1981–2010 normals (KMA)",
		TitleKo: "서울: 월평균 기온 평년값 1981–2010 (기상청)",
		File:    "seoul.csv",
	},
	{
		Name:    "tokyo",
		Title:   "Tokyo: monthly mean temperature, 1991–2020 normals (JMA)",
		TitleKo: "도쿄: 월평균 기온 평년값 1991–2020 (일본 기상청)",
		File:    "tokyo.csv",
	},
	{
		Name:    "seattle-weather",
		Title:   "Seattle: daily maximum and minimum temperature, 2012–2015 (NOAA)",
		TitleKo: "시애틀: 일 최고·최저 기온 2012–2015 (미국 해양대기청)",
		File:    "seattle-weather.csv",
	},
	{
		Name:    "death-valley-2018",
		Title:   "Death Valley: daily temperatures of 2018, with gaps (NOAA)",
		TitleKo: "데스밸리: 2018년 일별 기온, 빠진 날 포함 (미국 해양대기청)",
		File:    "death-valley-2018.csv",
	},
	{
		Name:    "global-temp",
		Title:   "World: annual mean temperature anomaly, 1880–2023 (NASA GISTEMP)",
		TitleKo: "전 지구: 연평균 기온 편차 1880–2023 (NASA GISTEMP)",
		File:    "global-temp.csv",
	},
	{
		Name:    "generated-daily",
		Title:   "Generated: 10 years of daily temperatures (synthetic)",
		TitleKo: "생성 데이터: 10년간 일별 기온 (합성)",
		File:    "generated-daily.csv",
	},
})

// withSources fills in each sample's Source from its file and returns s.
func withSources(s []Sample) []Sample {
	for i := range s {
		s[i].Source = firstComment(s[i].Bytes())
	}
	return s
}

// firstComment returns the text of the first '#' line in data, without the
// '#' and surrounding space, or "" if there is none.
func firstComment(data []byte) string {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if line, ok := strings.CutPrefix(sc.Text(), "#"); ok {
			return strings.TrimSpace(line)
		}
	}
	return ""
}

// All returns every sample, the book's first, in the order menus show them.
func All() []Sample {
	return slices.Clone(samples)
}

// Lookup returns the sample with the given name and reports whether there
// is one.
func Lookup(name string) (Sample, bool) {
	for _, s := range samples {
		if s.Name == name {
			return s, true
		}
	}
	return Sample{}, false
}

// Default returns the sample to show when none is chosen: the twelve monthly
// temperatures of the textbook example.
func Default() Sample {
	return samples[0]
}

// Bytes returns a fresh copy of the sample's embedded CSV file, or nil if s
// names no embedded file.
func (s Sample) Bytes() []byte {
	data, err := files.ReadFile(s.File)
	if err != nil {
		return nil
	}
	return data
}

// Open returns a reader of the sample's embedded CSV file. It reads nothing
// if s names no embedded file.
func (s Sample) Open() io.Reader {
	return bytes.NewReader(s.Bytes())
}
