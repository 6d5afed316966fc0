package data

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The longest text that messages quote whole, and the part of a longer
// one they quote, in characters.
const (
	maxQuoted  = 40
	quotedHead = 30
)

// shorten returns s when it has at most maxQuoted characters, and else
// its first quotedHead characters followed by "…", with the number of
// characters of s.
func shorten(s string) (short string, length int) {
	if len(s) <= maxQuoted {
		return s, 0
	}
	n := utf8.RuneCountInString(s)
	if n <= maxQuoted {
		return s, 0
	}
	end := 0
	for range quotedHead {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	return s[:end] + "…", n
}

// quote returns s quoted for a message, shortened as shorten does, with
// the number of characters of a long s: "abc", or "abcd…" (1048576
// characters).
func quote(s string) string {
	short, n := shorten(s)
	q := strconv.Quote(short)
	if n > 0 {
		q += " (" + strconv.Itoa(n) + " characters)"
	}
	return q
}

// maxListed is the number of names a message lists.
const maxListed = 10

// quoteList returns names quoted and separated by commas, at most
// maxListed of them, followed by how many more there are.
func quoteList(names []string) string {
	q := make([]string, 0, min(len(names), maxListed))
	for _, n := range names[:min(len(names), maxListed)] {
		q = append(q, quote(n))
	}
	s := strings.Join(q, ", ")
	if more := len(names) - maxListed; more > 0 {
		s += " and " + strconv.Itoa(more) + " more"
	}
	return s
}
