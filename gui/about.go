package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// onAbout shows the app's name, version and what it does.
func (w *MainWindow) onAbout() {
	meta := w.app.Metadata()
	name := meta.Name
	if name == "" {
		name = AppName
	}
	icon := canvas.NewImageFromResource(Icon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(96, 96))
	title := widget.NewLabel(name)
	title.TextStyle.Bold = true
	title.SizeName = theme.SizeNameSubHeadingText
	version := widget.NewLabel(lang.L("Version {{.Version}}", map[string]any{"Version": meta.Version}))
	about := widget.NewLabel(lang.L("Fits curves to x-y data by gradient descent and least squares, and shows the training live."))
	about.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(nil, nil, icon, nil, container.NewVBox(title, version, about))
	d := dialog.NewCustom(lang.L("About Tempfit"), lang.L("Close"), content, w.win)
	d.Resize(fyne.NewSize(520, 220))
	d.Show()
}
