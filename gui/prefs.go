package gui

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"tempfit/core/fit"
	"tempfit/core/optim"
	"tempfit/core/train"
)

// maxRecent is the number of files File > Open Recent lists.
const maxRecent = 8

// Preference keys.
const (
	prefKind         = "settings.model"
	prefDegree       = "settings.degree"
	prefHarmonics    = "settings.harmonics"
	prefTrend        = "settings.trend"
	prefPeriod       = "settings.period"
	prefScaling      = "settings.scaling"
	prefOptimizer    = "settings.optimizer"
	prefLearningRate = "settings.learningRate"
	prefSteps        = "settings.steps"
	prefSpeed        = "settings.speed"
	prefWidth        = "window.width"
	prefHeight       = "window.height"
	prefRecent       = "recent"
	prefColumns      = "columns:"      // + the absolute path of a data file
	prefFolder       = "folder."       // + folderData, folderProject or folderExport
	prefChart        = "export.chart." // + width or height
)

// The folders the file dialogs remember, one for each kind of file.
const (
	folderData    = "data"
	folderProject = "project"
	folderExport  = "export"
)

// prefs reads and writes the window's settings in the app's preferences,
// so that they outlive the window.
type prefs struct {
	p fyne.Preferences
}

// loadConfig returns cfg with the model and optimizer settings last saved,
// where they are valid.
func (s prefs) loadConfig(cfg train.Config) train.Config {
	p := s.p
	if p.String(prefKind) == "" {
		return cfg
	}
	m := fit.Model{
		Kind:      fit.Kind(p.String(prefKind)),
		Degree:    p.IntWithFallback(prefDegree, cfg.Model.Degree),
		Harmonics: p.IntWithFallback(prefHarmonics, cfg.Model.Harmonics),
		Trend:     p.IntWithFallback(prefTrend, cfg.Model.Trend),
		Period:    p.FloatWithFallback(prefPeriod, cfg.Model.Period),
		Scaling:   fit.Scaling(p.StringWithFallback(prefScaling, string(cfg.Model.Scaling))),
	}
	if m.Validate() == nil {
		cfg.Model = m
	}
	if k := optim.Kind(p.String(prefOptimizer)); slices.Contains(optim.Kinds(), k) {
		cfg.Method = k
		cfg.LearningRate = optim.DefaultLearningRate(k)
	}
	if lr := p.Float(prefLearningRate); lr > 0 {
		cfg.LearningRate = lr
	}
	if n := p.Int(prefSteps); n > 0 {
		cfg.Steps = n
	}
	return cfg
}

// savedSpeed returns the speed last chosen: animated, and whether one was
// saved.
func (s prefs) savedSpeed() (animated, ok bool) {
	switch s.p.String(prefSpeed) {
	case "animated":
		return true, true
	case "max":
		return false, true
	}
	return false, false
}

// saveConfig remembers the model and optimizer settings of cfg.
func (s prefs) saveConfig(cfg train.Config) {
	p := s.p
	m := cfg.Model
	p.SetString(prefKind, string(m.Kind))
	p.SetInt(prefDegree, m.Degree)
	p.SetInt(prefHarmonics, m.Harmonics)
	p.SetInt(prefTrend, m.Trend)
	p.SetFloat(prefPeriod, m.Period)
	p.SetString(prefScaling, string(m.Scaling))
	p.SetString(prefOptimizer, string(cfg.Method))
	p.SetFloat(prefLearningRate, cfg.LearningRate)
	p.SetInt(prefSteps, cfg.Steps)
	speed := "max"
	if cfg.Pace > 0 {
		speed = "animated"
	}
	p.SetString(prefSpeed, speed)
}

// windowSize returns the size the window had when it was last closed, or
// def.
func (s prefs) windowSize(def fyne.Size) fyne.Size {
	w, h := s.p.Float(prefWidth), s.p.Float(prefHeight)
	if w < 400 || h < 300 {
		return def
	}
	return fyne.NewSize(float32(w), float32(h))
}

// setWindowSize remembers the window's size.
func (s prefs) setWindowSize(size fyne.Size) {
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	s.p.SetFloat(prefWidth, float64(size.Width))
	s.p.SetFloat(prefHeight, float64(size.Height))
}

// folder returns the folder last used for a kind of file, or nil when
// there is none or it no longer exists.
func (s prefs) folder(kind string) fyne.ListableURI {
	dir := s.p.String(prefFolder + kind)
	if dir == "" {
		return nil
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil
	}
	l, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		return nil
	}
	return l
}

// setFolder remembers the folder of a file chosen for a kind of file.
func (s prefs) setFolder(kind, file string) {
	s.p.SetString(prefFolder+kind, filepath.Dir(file))
}

// recent returns the recent files, most recent first.
func (s prefs) recent() []string {
	return s.p.StringList(prefRecent)
}

// addRecent puts path first in the recent files.
func (s prefs) addRecent(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	list := slices.DeleteFunc(s.recent(), func(p string) bool { return p == path })
	list = append([]string{path}, list...)
	if len(list) > maxRecent {
		list = list[:maxRecent]
	}
	s.p.SetStringList(prefRecent, list)
}

// removeRecent takes path out of the recent files.
func (s prefs) removeRecent(path string) {
	list := slices.DeleteFunc(s.recent(), func(p string) bool { return p == path })
	s.p.SetStringList(prefRecent, list)
}

// columns returns the x and y columns (1-based) last chosen for the data
// file at path, or 0, 0.
func (s prefs) columns(path string) (x, y int) {
	v := s.p.String(prefColumns + absPath(path))
	xs, ys, ok := strings.Cut(v, ",")
	if !ok {
		return 0, 0
	}
	x, _ = strconv.Atoi(xs)
	y, _ = strconv.Atoi(ys)
	return x, y
}

// setColumns remembers the x and y columns (1-based) chosen for the data
// file at path.
func (s prefs) setColumns(path string, x, y int) {
	s.p.SetString(prefColumns+absPath(path), strconv.Itoa(x)+","+strconv.Itoa(y))
}

// chartSize returns the size in pixels a chart was last exported at.
func (s prefs) chartSize() (w, h int) {
	return s.p.IntWithFallback(prefChart+"width", 1280), s.p.IntWithFallback(prefChart+"height", 800)
}

// setChartSize remembers the size a chart was exported at.
func (s prefs) setChartSize(w, h int) {
	s.p.SetInt(prefChart+"width", w)
	s.p.SetInt(prefChart+"height", h)
}

// absPath returns path made absolute, or path itself if that fails.
func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}
