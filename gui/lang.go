package gui

import (
	"embed"
	"encoding/json"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"golang.org/x/text/language"

	"tempfit/chart"
)

//go:embed translations/*.json
var translations embed.FS

var (
	langOnce sync.Once
	fontOnce sync.Once
)

// loadTranslations registers the English and Korean texts once. fyne picks
// the system language and falls back to English.
func loadTranslations() {
	langOnce.Do(addTranslations)
}

// fyneLanguages are the languages fyne v2.8 translates its own texts into,
// with Korean, which Tempfit adds.
var fyneLanguages = []string{"en", "ko", "cs", "de", "el", "es", "fr", "ja", "pl", "pt", "pt-BR", "ru", "sv", "ta", "uk", "zh-Hans"}

// addTranslations registers the texts and chooses the language again from
// the environment. When the system language is one that fyne translates
// but Tempfit does not, fyne chooses it, so the English texts are
// registered under it too: fyne's own texts stay translated and Tempfit's
// fall back to English without an error for each.
func addTranslations() {
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		fyne.LogError("Loading translations", err)
	}
	tags := make([]language.Tag, len(fyneLanguages))
	for i, l := range fyneLanguages {
		tags[i] = language.MustParse(l)
	}
	sys, err := language.Parse(lang.SystemLocale().String())
	if err != nil {
		return
	}
	_, i, conf := language.NewMatcher(tags).Match(sys)
	if conf == language.No || i < 2 {
		return
	}
	en, err := englishOwnTexts()
	if err != nil {
		return
	}
	if err := lang.AddTranslationsForLocale(en, fyne.Locale(fyneLanguages[i])); err != nil {
		fyne.LogError("Loading translations", err)
	}
}

// fyneTexts are texts of fyne's own that Tempfit translates into Korean,
// for fyne's dialogs and menus; fyne translates them into its languages.
var fyneTexts = []string{"Cancel", "Confirm", "Copy", "Create Folder", "Cut", "Enter filename", "Error",
	"Favourites", "File", "Folder", "New Folder", "No", "OK", "Open", "Paste", "Quit", "Redo", "Save",
	"Select all", "Show Hidden Files", "Undo", "Yes"}

// englishOwnTexts returns the English texts without fyne's own, so that
// registering them for another language leaves fyne's translations be.
func englishOwnTexts() ([]byte, error) {
	raw, err := translations.ReadFile("translations/en.json")
	if err != nil {
		return nil, err
	}
	var texts map[string]string
	if err := json.Unmarshal(raw, &texts); err != nil {
		return nil, err
	}
	for _, k := range fyneTexts {
		delete(texts, k)
	}
	return json.Marshal(texts)
}

// loadChartFont makes the charts draw with a system font that has Hangul,
// once. Without one the charts keep their Latin font.
func loadChartFont() {
	fontOnce.Do(func() { _, _ = chart.LoadSystemFont() })
}
