package gui

import (
	"encoding/json"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"log"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"tempfit/core/data"
	"tempfit/sampledata"
)

// readTranslations returns the keys and texts of one language file.
func readTranslations(t *testing.T, name string) map[string]string {
	t.Helper()
	raw, err := translations.ReadFile("translations/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

// sourceKeys returns every key the package passes to lang.L or lang.X as
// a literal, and the texts of the label maps it translates.
func sourceKeys(t *testing.T) map[string]bool {
	t.Helper()
	keys := map[string]bool{}
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); !ok || id.Name != "lang" {
				return true
			}
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, _ := strconv.Unquote(lit.Value)
				keys[s] = true
			}
			return true
		})
	}
	for _, s := range kindLabels {
		keys[s] = true
	}
	for _, s := range scalingLabels {
		keys[s] = true
	}
	for _, s := range methodLabels {
		keys[s] = true
	}
	for _, s := range methodHelp {
		keys[s] = true
	}
	for _, s := range []string{exportRows, exportGrid, chartFit, chartResiduals, chartLoss, holdNone, holdLast, holdYear, holdRandom} {
		keys[s] = true
	}
	for _, s := range intervalLabels {
		keys[s] = true
	}
	for _, a := range []data.XAxis{{}, {Kind: data.Date}, {Kind: data.DateTime}} {
		for _, p := range data.GridPresets(a) {
			keys[p.Label] = true
		}
	}
	for _, e := range data.Encodings() {
		keys[data.EncodingLabel(e)] = true
	}
	return keys
}

func TestTranslationsComplete(t *testing.T) {
	en := readTranslations(t, "en.json")
	ko := readTranslations(t, "ko.json")
	if a, b := slices.Sorted(maps.Keys(en)), slices.Sorted(maps.Keys(ko)); !slices.Equal(a, b) {
		for _, k := range a {
			if _, ok := ko[k]; !ok {
				t.Errorf("ko.json lacks %q", k)
			}
		}
		for _, k := range b {
			if _, ok := en[k]; !ok {
				t.Errorf("en.json lacks %q", k)
			}
		}
	}
	for k := range sourceKeys(t) {
		if _, ok := en[k]; !ok {
			t.Errorf("en.json lacks %q, used in the code", k)
		}
	}
	for k, v := range en {
		if strings.Count(v, "{{") != strings.Count(ko[k], "{{") {
			t.Errorf("%q: the Korean text has other placeholders: %q", k, ko[k])
		}
		if !hasHangul(ko[k]) && v == ko[k] && !isName(v) {
			t.Errorf("%q is not translated into Korean", k)
		}
	}
}

// isName reports whether s is a name kept as it is in Korean, such as an
// optimizer's.
func isName(s string) bool {
	return slices.Contains([]string{"Adam", "Adagrad", "RMSProp", "L-BFGS"}, s)
}

func hasHangul(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}

func TestKoreanWindow(t *testing.T) {
	t.Cleanup(func() {
		os.Setenv("LANGUAGE", "en")
		os.Setenv("LANG", "en_US.UTF-8")
		addTranslations()
	})
	os.Setenv("LANGUAGE", "ko")
	os.Setenv("LANG", "ko_KR.UTF-8")
	addTranslations()
	if got := lang.L("Start"); got != "시작" {
		t.Fatalf("Start in Korean is %q", got)
	}
	w := newWindow(t)
	if got := w.settings.startPause.Text; got != "시작" {
		t.Errorf("Start button reads %q", got)
	}
	if !hasHangul(w.status.step.Text) || !hasHangul(w.table.add.Text) {
		t.Errorf("status %q, add %q not in Korean", w.status.step.Text, w.table.add.Text)
	}
	// Choices compare by their translated labels.
	w.settings.speed.SetSelected(lang.L("Max"))
	if w.session.Config().Pace != 0 {
		t.Error("Max speed not applied in Korean")
	}
	w.settings.method.SetSelected(lang.L("Momentum"))
	w.Sync()
	if w.session.Trainer().Snapshot().Config.Method != "momentum" {
		t.Errorf("optimizer chosen in Korean: %v", w.session.Trainer().Snapshot().Config.Method)
	}
	typeCell(t, w, 0, colY, "x", "Return")
	contains(t, "message", w.table.message.Text, "숫자가 아닙니다")

	// Menus, sample titles and fyne's own dialogs speak Korean too.
	for _, m := range w.win.MainMenu().Items {
		for _, it := range append([]*fyne.MenuItem{{Label: m.Label}}, m.Items...) {
			if !it.IsSeparator && !hasHangul(it.Label) {
				t.Errorf("menu item %q is not in Korean", it.Label)
			}
		}
	}
	samples := menuItem(t, w, "파일", "예제 데이터").ChildMenu.Items
	for i, s := range sampledata.All() {
		if samples[i].Label != s.TitleKo {
			t.Errorf("sample %q, want %q", samples[i].Label, s.TitleKo)
		}
	}
	w.prefs.setFolder(folderData, filepath.Join(t.TempDir(), "x"))
	typeShortcut(t, w, &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault})
	tapButton(t, w, "취소")
	noDialog(t, w)

	// A bad cell in a file is described in Korean after its place.
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("month,t\n1,abc\n"), 0o644)
	if w.Open(bad) == nil {
		t.Fatal("a file without a good row opened")
	}
	contains(t, "message", dialogText(t, w), "bad.csv:2:2: “abc”은(는) 숫자가 아닙니다")
}

func TestErrorText(t *testing.T) {
	cases := map[string]string{
		"x,y\n1,abc\n":                      "t.csv:2:2: “abc” is not a number",
		"x,y\n1,Inf\n":                      "t.csv:2:2: “Inf” is not a finite number",
		"x,y\n03/04/2012,1\n05/06/2012,2\n": "t.csv:2:1: “03/04/2012” could be day/month or month/day, and no date in the column has a day above 12 to tell: write dates in ISO 8601 form, 2012-04-03 or 2012-03-04",
		"x,y\n2012-01-01,1\n2012-02-30,2\n": "t.csv:3:1: “2012-02-30” is not a valid date",
		"x,y\n2012-01-01,1\n7,2\n":          "t.csv:3:1: “7” is not a date like 2012-01-31",
		"x,y\n1,\"1,05,2\"\n":               "t.csv:2:2: “1,05,2” is not a number (separators of thousands must set off groups of three digits, and a number has one decimal mark)",
		"x\ty\n1\t2,5\n":                    "t.csv:2:2: “2,5” is not a number (a decimal comma is only read in semicolon-separated files)",
	}
	for in, want := range cases {
		_, err := data.ReadCSV(strings.NewReader(in), data.ReadOptions{File: "t.csv"})
		if got := errorText(err); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
	other := errors.New("disk full")
	if got := errorText(other); got != "disk full" {
		t.Errorf("other error: %q", got)
	}
}

func TestEnglishFallback(t *testing.T) {
	t.Cleanup(func() {
		os.Setenv("LANGUAGE", "en")
		os.Setenv("LANG", "en_US.UTF-8")
		addTranslations()
		log.SetOutput(os.Stderr)
	})
	var logged strings.Builder
	log.SetOutput(&logged)
	for _, loc := range []string{"fr_FR", "ja_JP", "it_IT", "pt_BR", "zh_CN"} {
		os.Setenv("LANGUAGE", "")
		os.Setenv("LANG", loc+".UTF-8")
		addTranslations()
		if got := lang.L("Start"); got != "Start" {
			t.Errorf("%s: Start is %q", loc, got)
		}
		if got := lang.L("Step {{.Step}} / {{.Total}}", map[string]any{"Step": 1, "Total": 2}); got != "Step 1 / 2" {
			t.Errorf("%s: %q", loc, got)
		}
	}
	os.Setenv("LANG", "fr_FR.UTF-8")
	addTranslations()
	if got := lang.L("Yes"); got != "Oui" {
		t.Errorf("fyne's own texts lost their French: Yes is %q", got)
	}
	if strings.Contains(logged.String(), "Translation failure") {
		t.Errorf("translation errors logged:\n%s", logged.String())
	}
}
