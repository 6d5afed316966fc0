package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"tempfit/core/race"
)

// StartRace races the preset on the document's points and shows the Race
// tab. The race runs at the window's speed.
func (w *MainWindow) StartRace(p race.Preset) error {
	if err := w.race.beginPreset(p); err != nil {
		return err
	}
	w.selectTab(w.race.content)
	w.publishView()
	return nil
}

// selectTab shows the tab whose content is c.
func (w *MainWindow) selectTab(c fyne.CanvasObject) {
	for _, item := range w.tabs.Items {
		if item.Content == c {
			w.tabs.Select(item)
			return
		}
	}
}

// shownTab returns the tab shown, for the bridge to draw only its charts.
func (w *MainWindow) shownTab() shownTab {
	var item *container.TabItem
	if w.tabs != nil {
		item = w.tabs.Selected()
	}
	switch {
	case item == nil || item.Content == w.charts.content:
		return tabFit
	case item.Content == w.race.content:
		return tabRace
	case item.Content == w.land.content:
		return tabLandscape
	}
	return tabOther
}
