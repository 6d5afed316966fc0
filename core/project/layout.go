package project

// layout returns compact JSON, as json.Marshal writes it, laid out for
// people: an object or list that holds other objects or lists is spread over
// lines with one member per line, and any other is written on one line. The
// tokens themselves (strings and numbers) are copied unchanged.
func layout(compact []byte) []byte {
	n, _ := parseNode(compact, 0)
	out := make([]byte, 0, len(compact)+len(compact)/4+64)
	out = n.write(out, "")
	return append(out, '\n')
}

// node is a JSON value in compact JSON: a scalar token, an object or a list.
type node struct {
	raw   []byte   // a scalar's token
	open  byte     // '{' or '[' for a container, 0 for a scalar
	keys  [][]byte // an object's keys, quoted
	elems []*node  // a container's members
}

// parseNode parses the value starting at b[i] in valid compact JSON and
// returns it and the index just past it.
func parseNode(b []byte, i int) (*node, int) {
	switch c := b[i]; c {
	case '{', '[':
		n := &node{open: c}
		i++
		if b[i] == '}' || b[i] == ']' {
			return n, i + 1
		}
		for {
			if c == '{' {
				end := skipString(b, i)
				n.keys = append(n.keys, b[i:end])
				i = end + 1 // past ':'
			}
			var e *node
			e, i = parseNode(b, i)
			n.elems = append(n.elems, e)
			if b[i] != ',' {
				return n, i + 1 // past '}' or ']'
			}
			i++
		}
	case '"':
		end := skipString(b, i)
		return &node{raw: b[i:end]}, end
	default:
		j := i
		for j < len(b) && b[j] != ',' && b[j] != '}' && b[j] != ']' {
			j++
		}
		return &node{raw: b[i:j]}, j
	}
}

// skipString returns the index just past the string starting at b[i].
func skipString(b []byte, i int) int {
	for i++; b[i] != '"'; i++ {
		if b[i] == '\\' {
			i++
		}
	}
	return i + 1
}

// nested reports whether the container n holds a container.
func (n *node) nested() bool {
	for _, e := range n.elems {
		if e.open != 0 {
			return true
		}
	}
	return false
}

// write appends n to out, with indent as the current line's indentation.
func (n *node) write(out []byte, indent string) []byte {
	if n.open == 0 {
		return append(out, n.raw...)
	}
	end := byte('}')
	if n.open == '[' {
		end = ']'
	}
	out = append(out, n.open)
	spread := n.nested()
	inner := indent + "  "
	for i, e := range n.elems {
		if i > 0 {
			out = append(out, ',')
			if !spread {
				out = append(out, ' ')
			}
		}
		if spread {
			out = append(out, '\n')
			out = append(out, inner...)
		}
		if n.open == '{' {
			out = append(out, n.keys[i]...)
			out = append(out, ':', ' ')
		}
		out = e.write(out, inner)
	}
	if spread {
		out = append(out, '\n')
		out = append(out, indent...)
	}
	return append(out, end)
}
