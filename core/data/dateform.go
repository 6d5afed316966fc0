package data

import "strings"

// dateForm is how a column writes its dates, without the values: the
// order and separators of the parts, the padding, and the time of day.
// Its layout is the Go time layout (see package time) that writes dates
// in that form, and that XAxis.Layout holds.
type dateForm struct {
	order  order // orderYMD, orderYM, orderDMY, orderMDY or orderMonth
	sep    byte
	spaced bool
	final  bool
	padded bool
	month  string // the layout of month names: "Jan", "January", "1월" or "1月"

	clock     bool
	tsep      byte
	seconds   bool
	frac      int
	zone      zoneForm
	zoneSpace bool
}

// formOf returns the form in which d is written. An orderAB date takes
// the order given.
func formOf(d dateText, ab order) dateForm {
	f := dateForm{
		order: d.order, sep: d.sep, spaced: d.spaced, final: d.final, padded: d.padded,
		clock: d.clock, tsep: d.tsep, seconds: d.seconds, frac: d.frac,
		zone: d.zone, zoneSpace: d.zoneSpace,
	}
	switch d.order {
	case orderAB:
		f.order = ab
	case orderMonth:
		f.month = monthLayout(d)
	}
	return f
}

// layout returns the Go time layout of f.
func (f dateForm) layout() string {
	if f.order == orderMonth {
		return f.month
	}
	var b strings.Builder
	sep := string(f.sep)
	if f.spaced {
		sep += " "
	}
	month, day := "1", "2"
	if f.padded {
		month, day = "01", "02"
	}
	switch f.order {
	case orderYMD:
		b.WriteString("2006" + sep + month + sep + day)
	case orderYM:
		b.WriteString("2006" + sep + month)
	case orderDMY:
		b.WriteString(day + sep + month + sep + "2006")
	case orderMDY:
		b.WriteString(month + sep + day + sep + "2006")
	}
	if f.final {
		b.WriteByte('.')
	}
	if !f.clock {
		return b.String()
	}
	b.WriteByte(f.tsep)
	b.WriteString("15:04")
	if f.seconds {
		b.WriteString(":05")
		if f.frac > 0 {
			b.WriteString("." + strings.Repeat("0", f.frac))
		}
	}
	if f.zoneSpace {
		b.WriteByte(' ')
	}
	b.WriteString(zoneLayouts[f.zone])
	return b.String()
}

// zoneLayouts are the Go layouts of the zone forms.
var zoneLayouts = [...]string{zoneNone: "", zoneZ: "Z07:00", zoneColon: "-07:00", zoneNoColon: "-0700", zoneHour: "-07"}

// dateForms returns every form of a date without a time of day.
func dateForms() []dateForm {
	var forms []dateForm
	for _, o := range []order{orderYMD, orderYM, orderDMY, orderMDY} {
		for _, sep := range []byte{'-', '/', '.'} {
			for _, padded := range []bool{false, true} {
				forms = append(forms, dateForm{order: o, sep: sep, padded: padded})
				if sep == '.' && (o == orderYMD || o == orderYM) {
					forms = append(forms,
						dateForm{order: o, sep: sep, padded: padded, final: true},
						dateForm{order: o, sep: sep, padded: padded, spaced: true},
						dateForm{order: o, sep: sep, padded: padded, spaced: true, final: true})
				}
			}
		}
	}
	for _, m := range []string{"Jan", "January", "1월", "1月"} {
		forms = append(forms, dateForm{order: orderMonth, month: m})
	}
	return forms
}

// parseLayout returns the form whose layout is s.
func parseLayout(s string) (dateForm, bool) {
	var best dateForm
	found := false
	for _, f := range dateForms() {
		l := f.layout()
		if strings.HasPrefix(s, l) && (!found || len(l) > len(best.layout())) {
			best, found = f, true
		}
	}
	if !found {
		return best, false
	}
	rest := s[len(best.layout()):]
	if rest == "" {
		return best, true
	}
	if best.order == orderYM || best.order == orderMonth {
		return best, false
	}
	f := best
	f.clock, f.tsep = true, rest[0]
	if f.tsep != 'T' && f.tsep != ' ' {
		return best, false
	}
	rest, ok := strings.CutPrefix(rest[1:], "15:04")
	if !ok {
		return best, false
	}
	if rest, f.seconds = strings.CutPrefix(rest, ":05"); f.seconds {
		if r, ok := strings.CutPrefix(rest, "."); ok {
			f.frac = len(r) - len(strings.TrimLeft(r, "0"))
			rest = r[f.frac:]
			if f.frac == 0 || f.frac > 9 {
				return best, false
			}
		}
	}
	rest, f.zoneSpace = strings.CutPrefix(rest, " ")
	for z := zoneZ; int(z) < len(zoneLayouts); z++ {
		if rest == zoneLayouts[z] {
			f.zone, rest = z, ""
		}
	}
	if rest != "" || (f.zoneSpace && f.zone == zoneNone) {
		return best, false
	}
	return f, true
}
