package data

import (
	"math"
	"strconv"
	"strings"
)

// decimalMark is the character that separates the fraction of the numbers
// of an input.
type decimalMark uint8

const (
	markUnknown decimalMark = iota // not told yet
	markPoint
	markComma
)

func (m decimalMark) String() string {
	if m == markComma {
		return "a decimal comma"
	}
	return "a decimal point"
}

// numbers reads the numbers of the chosen columns of one input and learns
// its decimal mark from them. In input where a decimal comma is allowed,
// the first number that reads only one way tells the mark of all: "5,5"
// and "1.234,5" a comma, "1.5" and "1,234.5" a point. Until then a number
// such as "1.234" or "1,234", which reads either way, is read with a
// point and noted, and read again once the mark is told; finish refuses
// an input that never tells. A number that reads only with the other mark
// than the one told is refused.
type numbers struct {
	allowComma bool // a decimal comma may be read
	mark       decimalMark
	told       string  // the cell that told the mark
	toldAt     cellPos // and where it is

	unclear   []unclearCell // the values read with a point before the mark was told
	first     string        // the text of the first of them
	firstAt   cellPos
	firstRead [2]float64 // its readings with a point and with a comma
}

// unclearCell is a value read with a decimal point before the mark was
// told: its index in x or y shifted left by two, with unclearY set when it
// is in y and unclearGrouped when its text, such as "1,234", has a comma
// (and so read 1234). A text that reads either way has one separator
// followed by three digits, so the value with a comma follows from the
// value with a point, and a cell takes 8 bytes however many there are.
type unclearCell int

const (
	unclearY       unclearCell = 2
	unclearGrouped unclearCell = 1
)

// commaValue returns the value of an unclear cell with a decimal comma,
// from v, its value with a point: "1,234" read 1234 reads 1234/1000, and
// "1.234" read 1.234 reads 1234. Both are exact: the quotient of two
// integers is rounded once, as strconv rounds "1.234", and v·1000 is
// within a millionth of an integer.
func (u unclearCell) commaValue(v float64) float64 {
	if u&unclearGrouped != 0 {
		return v / 1000
	}
	return math.Round(v * 1000)
}

// newNumbers returns a reader of numbers with a decimal point only, or,
// when allowComma is true, with either mark.
func newNumbers(allowComma bool) *numbers {
	n := &numbers{allowComma: allowComma}
	if !allowComma {
		n.mark = markPoint
	}
	return n
}

// number is a cell read by numbers.parse.
type number struct {
	v       float64
	comma   float64     // the value with a decimal comma, when unclear
	unclear bool        // the cell reads either way and the mark is not told
	tells   decimalMark // the mark the cell tells, when it is not told yet
}

// parse reads s, trimmed and not missing.
func (n *numbers) parse(s string) (number, error) {
	if n.mark != markComma {
		// Most numbers are plain decimals that strconv reads at once.
		v, err := strconv.ParseFloat(s, 64)
		if err == nil && isFinite(v) && !hexadecimal(s) {
			if n.mark == markPoint || strings.IndexByte(s, '.') < 0 {
				return number{v: v}, nil
			}
		}
	}
	sh := shapeOf(s)
	if sh.special {
		if _, kind := special(s); kind == notFinite {
			return number{}, &CellError{Text: s, Err: ErrNotFinite}
		}
		return number{}, &CellError{Text: s, Err: ErrNotNumber}
	}
	if !sh.ok {
		return number{}, &CellError{Text: s, Err: ErrNotNumber}
	}
	if sh.plain() || (n.mark == markPoint && sh.commas == 0) {
		return n.read(s, sh, markPoint)
	}
	if n.mark != markUnknown {
		return n.read(s, sh, n.mark)
	}
	p, pointOK, pointInf := readAs(s, sh, '.', ',')
	c, commaOK, commaInf := readAs(s, sh, ',', '.')
	switch {
	case pointInf || commaInf:
		return number{}, &CellError{Text: s, Err: ErrNotFinite}
	case pointOK && commaOK:
		return number{v: p, comma: c, unclear: true}, nil
	case pointOK:
		return number{v: p, tells: markPoint}, nil
	case commaOK:
		return number{v: c, tells: markComma}, nil
	}
	return number{}, &CellError{Text: s, Err: ErrNotNumber, GroupHint: true}
}

// hexadecimal reports whether s, which strconv.ParseFloat reads, is a
// hexadecimal number, which is not a number here.
func hexadecimal(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	return len(s) > 1 && s[0] == '0' && s[1]|0x20 == 'x'
}

// read reads s, of shape sh, with the decimal mark m, which the input
// has or the text does not need.
func (n *numbers) read(s string, sh shape, m decimalMark) (number, error) {
	dec, group := byte('.'), byte(',')
	if m == markComma {
		dec, group = ',', '.'
	}
	v, ok, inf := readAs(s, sh, dec, group)
	switch {
	case inf:
		return number{}, &CellError{Text: s, Err: ErrNotFinite}
	case ok:
		return number{v: v}, nil
	}
	// s does not read with the input's mark: say why.
	other := markComma
	if m == markComma {
		other = markPoint
	}
	odec, ogroup := group, dec
	if _, otherOK, _ := readAs(s, sh, odec, ogroup); otherOK {
		if !n.allowComma {
			return number{}, &CellError{Text: s, Err: ErrNotNumber, CommaHint: true}
		}
		return number{}, &CellError{Text: s, Err: ErrMixedDecimals, DecimalComma: other == markComma,
			Other: n.told, OtherLine: n.toldAt.line}
	}
	return number{}, &CellError{Text: s, Err: ErrNotNumber, GroupHint: sh.points+sh.commas > 1}
}

// tell records that the cell s at pos told the decimal mark m, and reads
// again the values read before with a point if m is a comma. x and y are
// the values read so far.
func (n *numbers) tell(m decimalMark, s string, pos cellPos, x, y []float64) {
	if n.mark != markUnknown {
		return
	}
	n.mark, n.told, n.toldAt = m, s, pos
	if m == markComma {
		for _, u := range n.unclear {
			values := x
			if u&unclearY != 0 {
				values = y
			}
			i := int(u >> 2)
			values[i] = u.commaValue(values[i])
		}
	}
	n.unclear = nil
}

// settle records that the value of the cell s at pos, read as num, is
// value index of x (or y, when inY), and sets it to its value with a
// decimal comma when the mark told is a comma.
func (n *numbers) settle(num number, s string, pos cellPos, inY bool, index int, values []float64) {
	if !num.unclear {
		return
	}
	switch n.mark {
	case markComma:
		values[index] = num.comma
		return
	case markPoint:
		return
	}
	if n.first == "" {
		n.first, n.firstAt = s, pos
		n.firstRead = [2]float64{num.v, num.comma}
	}
	u := unclearCell(index) << 2
	if inY {
		u |= unclearY
	}
	if strings.IndexByte(s, ',') >= 0 {
		u |= unclearGrouped
	}
	n.unclear = append(n.unclear, u)
}

// finish refuses an input whose numbers read either way when none told
// the decimal mark.
func (n *numbers) finish() (*CellError, cellPos) {
	if n.mark != markUnknown || len(n.unclear) == 0 {
		return nil, cellPos{}
	}
	return &CellError{Text: n.first, Err: ErrAmbiguousNumber, Readings: []string{
		strconv.FormatFloat(n.firstRead[0], 'g', -1, 64), strconv.FormatFloat(n.firstRead[1], 'g', -1, 64),
	}}, n.firstAt
}
