package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// newTextTable returns a table of the text rows returns, header first,
// with the header and the rows bold reports in bold, and the columns as
// wide as widths.
func newTextTable(rows func() [][]string, bold func(row int) bool, widths ...float32) *widget.Table {
	t := widget.NewTable(
		func() (int, int) {
			r := rows()
			if len(r) == 0 {
				return 0, 0
			}
			return len(r), len(r[0])
		},
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.TextStyle.Bold = id.Row == 0 || bold != nil && bold(id.Row)
			l.SetText(rows()[id.Row][id.Col])
		})
	for c, w := range widths {
		t.SetColumnWidth(c, w)
	}
	return t
}
