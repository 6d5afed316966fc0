package data

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/unicode"
)

// encode returns s in the encoding e.
func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A daily record as the Korea Meteorological Administration's portal
// exports it, and a monthly one as the Japan Meteorological Agency does.
const (
	kmaText = "지점,지점명,일시,평균기온(°C),최저기온(°C)\n108,서울,2012-01-01,-1.7,-5.6\n108,서울,2012-01-02,-2.5,-6.8\n108,서울,2012-01-03,,-9.0\n"
	jmaText = "年月,平均気温(℃),品質情報\n2012/1,4.8,8\n2012/2,5.4,8\n2012/3,8.8,8\n"
)

func TestReadKoreanCP949(t *testing.T) {
	in := encode(t, korean.EUCKR, kmaText)
	res, err := ReadCSV(bytes.NewReader(in), ReadOptions{File: "kma.csv", XColumn: "일시", YColumn: "평균기온(°C)"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Encoding != CP949 {
		t.Errorf("Encoding = %q, want %q", res.Encoding, CP949)
	}
	if want := []string{"지점", "지점명", "일시", "평균기온(°C)", "최저기온(°C)"}; !reflect.DeepEqual(res.Columns, want) {
		t.Errorf("Columns = %q, want %q", res.Columns, want)
	}
	d := res.Data
	if d.XName != "일시" || d.XAxis.Kind != Date || !reflect.DeepEqual(d.Y, []float64{-1.7, -2.5}) || res.Missing != 1 {
		t.Errorf("read %q %v %v, missing %d", d.XName, d.XAxis.Kind, d.Y, res.Missing)
	}
}

func TestReadJapaneseShiftJIS(t *testing.T) {
	in := encode(t, japanese.ShiftJIS, jmaText)
	res, err := ReadCSV(bytes.NewReader(in), ReadOptions{YColumn: "平均気温(℃)"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Encoding != ShiftJIS || res.Data.XName != "年月" || res.Data.XAxis.Kind != YearMonth {
		t.Errorf("encoding %q, x %q of kind %v", res.Encoding, res.Data.XName, res.Data.XAxis.Kind)
	}
}

func TestDetectLegacyEncodings(t *testing.T) {
	korean949 := []string{"일시,평균기온(°C)", "서울 지점, 東京", "강수량(mm)", "가나다라마바사"}
	japaneseSJIS := []string{"年月日,平均気温(℃)", "東京", "ひらがな,カタカナ", "日付,最高気温"}
	for _, s := range korean949 {
		if got := detectEncoding(encode(t, korean.EUCKR, s+"\n"), true); got != CP949 {
			t.Errorf("%q in CP949 detected as %s", s, got)
		}
	}
	for _, s := range japaneseSJIS {
		if got := detectEncoding(encode(t, japanese.ShiftJIS, s+"\n"), true); got != ShiftJIS {
			t.Errorf("%q in Shift_JIS detected as %s", s, got)
		}
	}
	for _, s := range []string{"plain ascii\n", "평균기온 in UTF-8\n", ""} {
		if got := detectEncoding([]byte(s), true); got != UTF8 {
			t.Errorf("%q detected as %s", s, got)
		}
	}
}

func TestDetectCutCharacter(t *testing.T) {
	// The head of a long UTF-8 file may end inside a character.
	head := []byte("a,b\n평균,1\n기온")
	if got := detectEncoding(head[:len(head)-1], false); got != UTF8 {
		t.Errorf("cut UTF-8 detected as %s", got)
	}
}

func TestReadUTF16WithBOM(t *testing.T) {
	text := "날짜\t기온\r\n2012-01-01\t1.5\r\n2012-01-02\t\r\n2012-01-03\t2.5\r\n"
	for _, tc := range []struct {
		name string
		enc  encoding.Encoding
	}{
		{UTF16LE, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)},
		{UTF16BE, unicode.UTF16(unicode.BigEndian, unicode.UseBOM)},
	} {
		in := encode(t, tc.enc, text)
		res, err := ReadCSV(bytes.NewReader(in), ReadOptions{File: "excel.txt"})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if res.Encoding != tc.name || res.Delimiter != '\t' || res.Data.XName != "날짜" ||
			!reflect.DeepEqual(res.Data.X, []float64{0, 2}) || res.Missing != 1 || res.MissingLines[0] != 3 {
			t.Errorf("%s: encoding %q, delimiter %q, x %q %v, missing %d", tc.name, res.Encoding, res.Delimiter, res.Data.XName, res.Data.X, res.Missing)
		}
		bad := encode(t, tc.enc, "a\tb\n1\t2\n3\tx\n")
		if _, err := ReadCSV(bytes.NewReader(bad), ReadOptions{File: "excel.txt"}); err == nil || err.Error() != `excel.txt:3:2: "x" is not a number` {
			t.Errorf("%s: error %v", tc.name, err)
		}
	}
}

func TestReadUTF16WithoutBOM(t *testing.T) {
	in := encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "x\ty\n1\t2\n3\t4\n")
	res, err := ReadCSV(bytes.NewReader(in), ReadOptions{})
	if err != nil || res.Encoding != UTF16LE || !reflect.DeepEqual(res.Data.Y, []float64{2, 4}) {
		t.Errorf("got %+v, %v", res, err)
	}
}

func TestExplicitEncoding(t *testing.T) {
	in := encode(t, korean.EUCKR, "일시,기온\n1,2\n")
	res, err := ReadCSV(bytes.NewReader(in), ReadOptions{Encoding: "EUC-KR"})
	if err != nil || res.Encoding != CP949 || res.Columns[0] != "일시" {
		t.Fatalf("got %+v, %v", res, err)
	}
	// A wrong encoding gives readable garbage, never a panic.
	for _, name := range Encodings() {
		res, err := ReadCSV(bytes.NewReader(in), ReadOptions{Encoding: name})
		if err == nil && res.Encoding != name {
			t.Errorf("%s: read as %s", name, res.Encoding)
		}
	}
	_, err = ReadCSV(strings.NewReader("a,b\n1,2\n"), ReadOptions{File: "f.csv", Encoding: "latin-9"})
	if err == nil || !strings.Contains(err.Error(), `f.csv: unknown encoding "latin-9"`) {
		t.Errorf("unknown encoding: %v", err)
	}
	for _, name := range Encodings() {
		if EncodingLabel(name) == name || canonicalEncoding(strings.ToUpper(name)) != name {
			t.Errorf("%s: label %q", name, EncodingLabel(name))
		}
	}
}

func TestLineEnds(t *testing.T) {
	tests := []struct {
		name, in string
		y        []float64
		bad      string
	}{
		{"CR only", "x,y\r1,2\r3,4\r", []float64{2, 4}, "x,y\r1,2\r\r3,oops\r"},
		{"mixed", "x,y\r\n1,2\n3,4\r5,6\r\n", []float64{2, 4, 6}, "x,y\r\n1,2\n\r3,oops\n"},
	}
	for _, tt := range tests {
		res, err := ReadCSV(strings.NewReader(tt.in), ReadOptions{})
		if err != nil || !reflect.DeepEqual(res.Data.Y, tt.y) {
			t.Errorf("%s: %v, %v", tt.name, res, err)
		}
		_, err = ReadCSV(strings.NewReader(tt.bad), ReadOptions{File: "f.csv"})
		if err == nil || err.Error() != `f.csv:4:2: "oops" is not a number` {
			t.Errorf("%s: error %v, want one on line 4", tt.name, err)
		}
	}
}

func TestLineEndsAcrossReads(t *testing.T) {
	in := "a\r\nb\rc\r\r\nd\n"
	got, err := io.ReadAll(&lineEnds{r: iotest.OneByteReader(strings.NewReader(in))})
	if err != nil {
		t.Fatal(err)
	}
	if want := "a\nb\nc\n\nd\n"; string(got) != want {
		// CR LF pairs read a byte at a time become one line feed.
		t.Errorf("got %q, want %q", got, want)
	}
	got, _ = io.ReadAll(&lineEnds{r: strings.NewReader(in)})
	if want := "a\r\nb\nc\n\r\nd\n"; string(got) != want {
		t.Errorf("in one read: got %q, want %q", got, want)
	}
}

func TestLongLegacyFileStreams(t *testing.T) {
	var b strings.Builder
	b.WriteString("일시,기온\n")
	for b.Len() < 3*sniffSize {
		b.WriteString("2012-01-01,1\n")
	}
	b.WriteString("2012-01-02,오류\n")
	in := encode(t, korean.EUCKR, b.String())
	_, err := ReadCSV(bytes.NewReader(in), ReadOptions{File: "long.csv"})
	var ce *CellError
	if !errors.As(err, &ce) || ce.Text != "오류" {
		t.Errorf("error %v, want the Korean cell decoded", err)
	}
}
