package data

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/unicode"
)

// The names of the text encodings ReadCSV reads.
const (
	UTF8     = "utf-8"
	UTF16LE  = "utf-16le"
	UTF16BE  = "utf-16be"
	CP949    = "cp949"     // Korean: Windows code page 949, a superset of EUC-KR
	ShiftJIS = "shift_jis" // Japanese: Shift_JIS as Windows writes it (code page 932)
)

// Encodings returns the names of the text encodings that ReadCSV reads,
// in the order a menu shows them.
func Encodings() []string { return []string{UTF8, UTF16LE, UTF16BE, CP949, ShiftJIS} }

// EncodingLabel returns a short English label of an encoding for menus,
// such as "Korean (CP949, EUC-KR)", or name itself if it names none.
func EncodingLabel(name string) string {
	switch canonicalEncoding(name) {
	case UTF8:
		return "UTF-8"
	case UTF16LE:
		return "UTF-16 little-endian"
	case UTF16BE:
		return "UTF-16 big-endian"
	case CP949:
		return "Korean (CP949, EUC-KR)"
	case ShiftJIS:
		return "Japanese (Shift_JIS)"
	}
	return name
}

// encodingAliases maps other common names, lower-cased, to the names of
// Encodings.
var encodingAliases = map[string]string{
	"utf8": UTF8, "utf-16": UTF16LE, "utf16le": UTF16LE, "utf16be": UTF16BE,
	"euc-kr": CP949, "euckr": CP949, "uhc": CP949, "windows-949": CP949, "ks_c_5601-1987": CP949,
	"shift-jis": ShiftJIS, "sjis": ShiftJIS, "cp932": ShiftJIS, "windows-31j": ShiftJIS, "ms932": ShiftJIS,
}

// canonicalEncoding returns the name in Encodings that name or one of its
// aliases stands for, ignoring case, or "" if none.
func canonicalEncoding(name string) string {
	n := strings.ToLower(strings.TrimSpace(name))
	for _, e := range Encodings() {
		if n == e {
			return e
		}
	}
	return encodingAliases[n]
}

// decoder returns the x/text encoding of a canonical name; nil for UTF-8,
// which needs no decoding.
func decoder(name string) encoding.Encoding {
	switch name {
	case UTF16LE:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case UTF16BE:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	case CP949:
		return korean.EUCKR
	case ShiftJIS:
		return japanese.ShiftJIS
	}
	return nil
}

// byte order marks
var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// chooseEncoding returns the canonical name of the encoding to read head,
// the start of the input, in: the one asked for, or else the one detected,
// and the length of the byte order mark to skip. complete is false when
// head is only the start of the input.
func chooseEncoding(asked string, head []byte, complete bool) (name string, bom int, err error) {
	if asked != "" {
		name = canonicalEncoding(asked)
		if name == "" {
			return "", 0, fmt.Errorf("unknown encoding %q; Tempfit reads %s", asked, strings.Join(Encodings(), ", "))
		}
	} else {
		name = detectEncoding(head, complete)
	}
	for _, b := range []struct {
		name string
		bom  []byte
	}{{UTF8, bomUTF8}, {UTF16LE, bomUTF16LE}, {UTF16BE, bomUTF16BE}} {
		if name == b.name && bytes.HasPrefix(head, b.bom) {
			return name, len(b.bom), nil
		}
	}
	return name, 0, nil
}

// detectEncoding names the encoding of head, the start of the input:
//
//   - a byte order mark says UTF-8, UTF-16 LE or UTF-16 BE;
//   - without one, text whose every other byte is zero is UTF-16;
//   - valid UTF-8 (which includes plain ASCII) is UTF-8;
//   - otherwise it is CP949 or Shift_JIS, whichever decodes head without
//     an invalid byte and scores higher by legacyScore; CP949 on a tie.
func detectEncoding(head []byte, complete bool) string {
	switch {
	case bytes.HasPrefix(head, bomUTF8):
		return UTF8
	case bytes.HasPrefix(head, bomUTF16LE):
		return UTF16LE
	case bytes.HasPrefix(head, bomUTF16BE):
		return UTF16BE
	}
	if e := utf16WithoutBOM(head); e != "" {
		return e
	}
	if !complete {
		// Judge whole lines only: a character may be cut at the end.
		if i := bytes.LastIndexAny(head, "\r\n"); i >= 0 {
			head = head[:i+1]
		}
	}
	if utf8.Valid(head) {
		return UTF8
	}
	best, bestScore := UTF8, 0
	for _, name := range []string{CP949, ShiftJIS} {
		text, err := decoder(name).NewDecoder().Bytes(head)
		if err != nil || bytes.ContainsRune(text, utf8.RuneError) {
			continue
		}
		if s := legacyScore(name, head); best == UTF8 || s > bestScore {
			best, bestScore = name, s
		}
	}
	return best
}

// utf16WithoutBOM returns UTF16LE or UTF16BE when at least 90% of the
// first characters of head have a zero high (or low) byte and a non-zero
// other byte, as ASCII text written in UTF-16 does, and "" otherwise.
func utf16WithoutBOM(head []byte) string {
	n := min(len(head), 1024) &^ 1
	if n < 8 {
		return ""
	}
	le, be := 0, 0
	for i := 0; i < n; i += 2 {
		switch {
		case head[i] != 0 && head[i+1] == 0:
			le++
		case head[i] == 0 && head[i+1] != 0:
			be++
		}
	}
	switch pairs := n / 2; {
	case le*10 >= pairs*9:
		return UTF16LE
	case be*10 >= pairs*9:
		return UTF16BE
	}
	return ""
}

// legacyScore rates how much b looks like everyday text in the legacy
// encoding: +1 for each character of the common core of its language
// (the 2,350 Hangul syllables of KS X 1001 for CP949; hiragana, katakana
// and the level-1 kanji of JIS X 0208 for Shift_JIS), -1 for each
// character rarely seen in real text (the Hangul syllables CP949 adds to
// EUC-KR; half-width katakana), and 0 for others, such as symbols and
// hanja. Korean text read as Shift_JIS comes out as half-width katakana,
// and Japanese read as CP949 as the rare added syllables.
func legacyScore(name string, b []byte) int {
	score := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c < 0x80 {
			continue
		}
		if name == ShiftJIS && c >= 0xA1 && c <= 0xDF {
			score--
			continue
		}
		if i+1 >= len(b) {
			break
		}
		t := b[i+1]
		i++
		code := int(c)<<8 | int(t)
		if name == CP949 {
			switch {
			case c >= 0xB0 && c <= 0xC8 && t >= 0xA1:
				score++
			case t < 0xA1 || c < 0xA1:
				score--
			}
			continue
		}
		switch {
		case c == 0x82 && t >= 0x9F && t <= 0xF1, // hiragana
			c == 0x83 && t >= 0x40 && t <= 0x96, // katakana
			code >= 0x889F && code <= 0x9872:    // level-1 kanji
			score++
		}
	}
	return score
}
