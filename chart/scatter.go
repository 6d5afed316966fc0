package chart

import (
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// maxScatter is about the most glyphs the scatters of a chart draw.
// Beyond it a glyph per point only covers glyphs already drawn and slows
// every frame, so the scatters are thinned as they are drawn.
const maxScatter = 4000

// scatter draws a glyph at each point. A scatter of more points than its
// budget draws the points that spread chooses for the canvas it is drawn
// on, so that it looks the same, outliers included, at any size.
type scatter struct {
	XYs   plotter.XYs
	Glyph draw.GlyphStyle

	// budget is about the most glyphs the scatter draws.
	budget int

	// edges are the leftmost, rightmost, lowest and highest points:
	// only their glyphs can stick out of the data area.
	edges plotter.XYs
}

// newScatter returns the scatter of xys drawn with glyph.
func newScatter(xys plotter.XYs, glyph draw.GlyphStyle) scatter {
	s := scatter{XYs: xys, Glyph: glyph, budget: maxScatter}
	if len(xys) == 0 {
		return s
	}
	left, right, low, high := xys[0], xys[0], xys[0], xys[0]
	for _, xy := range xys[1:] {
		if xy.X < left.X {
			left = xy
		} else if xy.X > right.X {
			right = xy
		}
		if xy.Y < low.Y {
			low = xy
		} else if xy.Y > high.Y {
			high = xy
		}
	}
	s.edges = plotter.XYs{left, right, low, high}
	return s
}

// shareBudget shares maxScatter glyphs between scatters drawn on one
// chart in proportion to their points, giving each at least a
// twentieth.
func shareBudget(scatters ...*scatter) {
	total := 0
	for _, s := range scatters {
		total += len(s.XYs)
	}
	for _, s := range scatters {
		s.budget = max(maxScatter*len(s.XYs)/max(total, 1), maxScatter/20)
	}
}

// scatterBounds returns the ranges of the points of the scatters, with
// ok false when there are none.
func scatterBounds(scatters ...scatter) (xmin, xmax, ymin, ymax float64, ok bool) {
	var edges plotter.XYs
	for _, s := range scatters {
		edges = append(edges, s.edges...)
	}
	return bounds(edges)
}

// Plot implements the plot.Plotter interface.
func (s scatter) Plot(c draw.Canvas, p *plot.Plot) {
	xys := s.XYs
	if len(xys) > s.budget {
		xys, _ = spread(xys, c, p, s.Glyph.Radius, s.budget)
	}
	trX, trY := p.Transforms(&c)
	for _, xy := range xys {
		c.DrawGlyph(s.Glyph, vg.Point{X: trX(xy.X), Y: trY(xy.Y)})
	}
}

// GlyphBoxes implements the plot.GlyphBoxer interface, so that glyphs at
// the edges of the data area are not cut off.
func (s scatter) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	r := s.Glyph.Radius
	boxes := make([]plot.GlyphBox, len(s.edges))
	for i, xy := range s.edges {
		boxes[i] = plot.GlyphBox{
			X:         p.X.Norm(xy.X),
			Y:         p.Y.Norm(xy.Y),
			Rectangle: vg.Rectangle{Min: vg.Point{X: -r, Y: -r}, Max: vg.Point{X: r, Y: r}},
		}
	}
	return boxes
}

// maxGridSide bounds the number of columns and rows of spread's grid.
const maxGridSide = 1024

// spread chooses the points of xys to draw as glyphs of radius r on c
// when there are too many to draw them all. It lays a grid of square
// cells over c and keeps, in their order in xys, one point of each
// occupied cell and the lowest and highest point of each column of cells.
// The cells are the smallest, in steps of half the radius from the radius
// up (coarser steps on a canvas over 512 radii wide or high), that leave
// at most n cells occupied; it returns their side.
//
// So every point left out is within a cell's diagonal of a point drawn, a
// point alone in its cell, such as an outlier, is drawn, and the top and
// bottom of the cloud are drawn exactly. Points off the canvas, where no
// glyph is drawn, are left out.
func spread(xys plotter.XYs, c draw.Canvas, p *plot.Plot, r vg.Length, n int) (plotter.XYs, vg.Length) {
	w, h := c.Max.X-c.Min.X, c.Max.Y-c.Min.Y
	if !(w > 0 && h > 0) {
		return nil, 0
	}
	// The fine grid, of unit cells: each cell of the grid chosen is k×k
	// unit cells.
	unit := max(r/2, w/maxGridSide, h/maxGridSide)
	width, height := float64(w/unit), float64(h/unit)
	g := newGrid(min(int(math.Ceil(width)), maxGridSide), min(int(math.Ceil(height)), maxGridSide))

	normX, normY := normalizer(&p.X), normalizer(&p.Y)
	for i, xy := range xys {
		// The point's place on the canvas, in units from its corner.
		x, y := normX(xy.X)*width, normY(xy.Y)*height
		if !(x >= 0 && x <= width && y >= 0 && y <= height) {
			continue
		}
		g.add(i, xy.Y, min(int(x), g.cols-1), min(int(y), g.rows-1))
	}

	k := max(int(r/unit), 1)
	for ; k < max(g.cols, g.rows); k++ {
		if g.count(k) <= n {
			break
		}
	}
	return g.coarse(k).points(xys), vg.Length(k) * unit
}

// grid holds the points that spread keeps from a cols×rows grid of
// cells: in each cell, the point whose index has the lowest hash, and in
// each column, the lowest and the highest point. Indices are into the
// points given to add; -1 stands for none.
//
// The point of a cell is chosen by a hash, not as the first, because
// points sorted by x would all be kept at the left edges of their cells
// and draw in stripes. The choices are minima, so those of a coarser grid
// are the minima of the choices of its finer cells.
type grid struct {
	cols, rows int
	pick       []int32  // by cell, col*rows + row
	pickHash   []uint32 // the hash of pick
	occupied   []uint32 // the cells with a pick, as col<<16 | row
	low, high  []int32  // by column
	lowY       []float64
	highY      []float64
}

// newGrid returns an empty grid of cols×rows cells.
func newGrid(cols, rows int) *grid {
	g := &grid{
		cols: cols, rows: rows,
		pick:     make([]int32, cols*rows),
		pickHash: make([]uint32, cols*rows),
		low:      make([]int32, cols),
		high:     make([]int32, cols),
		lowY:     make([]float64, cols),
		highY:    make([]float64, cols),
	}
	for _, s := range [][]int32{g.pick, g.low, g.high} {
		for j := range s {
			s[j] = -1
		}
	}
	for j := range g.pickHash {
		g.pickHash[j] = math.MaxUint32
	}
	for j := range cols {
		g.lowY[j], g.highY[j] = math.Inf(1), math.Inf(-1)
	}
	return g
}

// add adds point i, whose y is y, in the cell at col and row.
func (g *grid) add(i int, y float64, col, row int) {
	cell, h := col*g.rows+row, hash(i)
	if g.pick[cell] < 0 {
		g.occupied = append(g.occupied, uint32(col<<16|row))
	}
	// pickHash starts at the largest hash, which one index has: the
	// check on pick keeps that index in an empty cell too.
	if h < g.pickHash[cell] || g.pick[cell] < 0 {
		g.pick[cell], g.pickHash[cell] = int32(i), h
	}
	if y < g.lowY[col] {
		g.low[col], g.lowY[col] = int32(i), y
	}
	if y > g.highY[col] {
		g.high[col], g.highY[col] = int32(i), y
	}
}

// count returns the number of occupied cells of the grid of k×k cells.
func (g *grid) count(k int) int {
	crows := (g.rows + k - 1) / k
	seen := make([]bool, (g.cols+k-1)/k*crows)
	n := 0
	for _, cell := range g.occupied {
		col, row := int(cell>>16), int(cell&0xffff)
		if c := col/k*crows + row/k; !seen[c] {
			seen[c] = true
			n++
		}
	}
	return n
}

// coarse returns the grid of k×k cells of g, with the points it keeps.
func (g *grid) coarse(k int) *grid {
	if k == 1 {
		return g
	}
	cg := newGrid((g.cols+k-1)/k, (g.rows+k-1)/k)
	for _, cell := range g.occupied {
		col, row := int(cell>>16), int(cell&0xffff)
		id := col*g.rows + row
		c, i, h := col/k*cg.rows+row/k, g.pick[id], g.pickHash[id]
		if cg.pick[c] < 0 {
			cg.occupied = append(cg.occupied, uint32(col/k<<16|row/k))
		}
		if h < cg.pickHash[c] || cg.pick[c] < 0 {
			cg.pick[c], cg.pickHash[c] = i, h
		}
	}
	for col := range g.cols {
		if c := col / k; g.lowY[col] < cg.lowY[c] {
			cg.low[c], cg.lowY[c] = g.low[col], g.lowY[col]
		}
		if c := col / k; g.highY[col] > cg.highY[c] {
			cg.high[c], cg.highY[c] = g.high[col], g.highY[col]
		}
	}
	return cg
}

// points returns the points that g keeps, in their order in xys.
func (g *grid) points(xys plotter.XYs) plotter.XYs {
	keep := make([]int32, 0, len(g.occupied)+2*g.cols)
	for _, cell := range g.occupied {
		keep = append(keep, g.pick[int(cell>>16)*g.rows+int(cell&0xffff)])
	}
	for _, s := range [][]int32{g.low, g.high} {
		for _, i := range s {
			if i >= 0 {
				keep = append(keep, i)
			}
		}
	}
	slices.Sort(keep)
	keep = slices.Compact(keep)
	out := make(plotter.XYs, len(keep))
	for j, i := range keep {
		out[j] = xys[i]
	}
	return out
}

// ringGlyph is a hollow circle with an outline Width wide, drawn inside
// the glyph's radius.
type ringGlyph struct {
	Width vg.Length
}

// DrawGlyph implements the draw.GlyphDrawer interface. It fills the ring
// between two circles, the inner one traced the other way round, which
// draws several times faster than stroking a circle.
func (g ringGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	outer, inner := sty.Radius, sty.Radius-g.Width
	var p vg.Path
	p.Move(vg.Point{X: pt.X + outer, Y: pt.Y})
	p.Arc(pt, outer, 0, 2*math.Pi)
	p.Close()
	p.Move(vg.Point{X: pt.X + inner, Y: pt.Y})
	p.Arc(pt, inner, 0, -2*math.Pi)
	p.Close()
	c.Fill(p)
}

// hash scrambles the index i: distinct indices below 2³² have distinct
// hashes in no particular order.
func hash(i int) uint32 {
	return uint32(i) * 0x9e3779b1
}

// points returns the pairs (x[i], y[i]) whose values are both usable.
func points(x, y []float64) plotter.XYs {
	n := min(len(x), len(y))
	xys := make(plotter.XYs, 0, n)
	for i := 0; i < n; i++ {
		if usable(x[i]) && usable(y[i]) {
			xys = append(xys, plotter.XY{X: x[i], Y: y[i]})
		}
	}
	return xys
}
