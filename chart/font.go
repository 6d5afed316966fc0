package chart

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
)

// defaultFont is the font used until UseFont is called. It is one of the
// Liberation fonts that gonum.org/v1/plot registers in font.DefaultCache.
var defaultFont = font.Font{Typeface: "Liberation", Variant: "Sans"}

// fonts is the package's current font. Plots take a copy of it when they
// are made, so changing it does not affect existing plots.
var fonts = struct {
	sync.RWMutex
	handler text.Handler
	font    font.Font
}{
	handler: text.Plain{Fonts: font.DefaultCache},
	font:    defaultFont,
}

// currentFont returns the text handler and font descriptor that new plots
// use.
func currentFont() (text.Handler, font.Font) {
	fonts.RLock()
	defer fonts.RUnlock()
	return fonts.handler, fonts.font
}

// UseFont makes the plots made after it draw all their text with the
// TrueType or OpenType font ttf. For a font collection (.ttc), the first
// font is used. Plots made before keep their font. It is safe to call
// concurrently with making and rendering plots.
func UseFont(ttf []byte) error {
	f, err := parseFont(ttf)
	if err != nil {
		return err
	}
	useFont(f)
	return nil
}

// UseDefaultFont makes the plots made after it use the default font,
// Liberation Sans, again.
func UseDefaultFont() {
	fonts.Lock()
	defer fonts.Unlock()
	fonts.handler = text.Plain{Fonts: font.DefaultCache}
	fonts.font = defaultFont
}

// useFont makes f the package's current font.
func useFont(f *opentype.Font) {
	fnt := font.Font{Typeface: font.Typeface(typefaceName(f))}
	cache := font.NewCache(font.Collection{{Font: fnt, Face: f}})

	fonts.Lock()
	defer fonts.Unlock()
	fonts.handler = text.Plain{Fonts: cache}
	fonts.font = fnt
}

// parseFont parses a font or the first font of a font collection, and
// checks that it can measure text.
func parseFont(data []byte) (*opentype.Font, error) {
	if len(data) == 0 {
		return nil, errors.New("chart: empty font data")
	}
	coll, err := opentype.ParseCollection(data)
	if err != nil {
		return nil, fmt.Errorf("chart: parsing font: %w", err)
	}
	if coll.NumFonts() == 0 {
		return nil, errors.New("chart: font collection holds no font")
	}
	f, err := coll.Font(0)
	if err != nil {
		return nil, fmt.Errorf("chart: parsing font: %w", err)
	}
	var buf sfnt.Buffer
	if _, err := f.GlyphIndex(&buf, '0'); err != nil {
		return nil, fmt.Errorf("chart: unusable font: %w", err)
	}
	if f.UnitsPerEm() == 0 {
		return nil, errors.New("chart: unusable font: zero units per em")
	}
	return f, nil
}

// typefaceName returns a name for the typeface of f made of letters and
// digits only, such as "NanumGothic", since backends use it in font
// names.
func typefaceName(f *opentype.Font) string {
	var buf sfnt.Buffer
	name, err := f.Name(&buf, sfnt.NameIDFamily)
	if err != nil {
		name = ""
	}
	name = strings.Map(func(r rune) rune {
		if r <= unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return r
		}
		return -1
	}, name)
	if name == "" {
		name = "Custom"
	}
	return name
}

// hasHangul reports whether f has glyphs for Hangul syllables.
func hasHangul(f *opentype.Font) bool {
	var buf sfnt.Buffer
	for _, r := range "기온한" {
		i, err := f.GlyphIndex(&buf, r)
		if err != nil || i == 0 {
			return false
		}
	}
	return true
}

// systemFonts returns the paths at which LoadSystemFont looks for a font
// with Hangul, in order of preference. TrueType fonts come first, since
// they work best with every output format.
func systemFonts() []string {
	paths := []string{
		// Linux: Nanum, Noto CJK, Un and Baekmuk fonts as packaged by
		// Debian, Ubuntu, Fedora and Arch.
		"/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
		"/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf",
		"/usr/share/fonts/nanum/NanumGothic.ttf",
		"/usr/share/fonts/naver-nanum/NanumGothic.ttf",
		"/usr/share/fonts/nanum-fonts/NanumGothic.ttf",
		"/usr/share/fonts/TTF/NanumGothic.ttf",
		"/usr/share/fonts/truetype/unfonts-core/UnDotum.ttf",
		"/usr/share/fonts/truetype/baekmuk/dotum.ttf",
		"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
		"/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
		"/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
		"/usr/share/fonts/opentype/noto/NotoSansCJKkr-Regular.otf",
		"/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc",

		// macOS.
		"/System/Library/Fonts/Supplemental/AppleGothic.ttf",
		"/Library/Fonts/AppleGothic.ttf",
		"/Library/Fonts/NanumGothic.ttf",
		"/System/Library/Fonts/AppleSDGothicNeo.ttc",
	}
	if home, err := os.UserHomeDir(); err == nil {
		paths = append(paths,
			filepath.Join(home, ".local", "share", "fonts", "NanumGothic.ttf"),
			filepath.Join(home, ".fonts", "NanumGothic.ttf"),
			filepath.Join(home, "Library", "Fonts", "NanumGothic.ttf"),
		)
	}

	// Windows.
	windir := os.Getenv("WINDIR")
	if windir == "" {
		windir = `C:\Windows`
	}
	paths = append(paths,
		filepath.Join(windir, "Fonts", "malgun.ttf"),
		filepath.Join(windir, "Fonts", "gulim.ttc"),
	)
	if local := os.Getenv("LOCALAPPDATA"); local != "" {
		paths = append(paths, filepath.Join(local, "Microsoft", "Windows", "Fonts", "malgun.ttf"))
	}
	return paths
}

// LoadSystemFont looks for a system font that has Hangul, such as Nanum
// Gothic, Noto Sans CJK, Apple SD Gothic Neo or Malgun Gothic, and makes
// it the package's font with UseFont. It returns the path of the font,
// or an error if none was found.
func LoadSystemFont() (path string, err error) {
	for _, path := range systemFonts() {
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		f, err := parseFont(data)
		if err != nil || !hasHangul(f) {
			continue
		}
		useFont(f)
		return path, nil
	}
	return "", errors.New("chart: no system font with Hangul found")
}
