// Package textscan holds the small byte-level text tests the readers share:
// counting words and comparing a prefix case-insensitively, without
// building strings.
package textscan

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// asciiSpace holds the ASCII characters unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// FieldCount is len(strings.Fields(s)), without building the fields.
func FieldCount(s string) int { return FieldCountUpTo(s, math.MaxInt) }

// FieldCountUpTo is FieldCount(s) for a caller that only tells counts up
// to limit apart: it stops at the field after the limit and returns
// limit+1 for any count above it, so that a long text costs no more than
// its first few words.
func FieldCountUpTo(s string, limit int) int {
	n, inField := 0, false
	for i := 0; i < len(s); {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if space {
			inField = false
		} else if !inField {
			if n == limit {
				return limit + 1
			}
			inField = true
			n++
		}
	}
	return n
}

// HasPrefixFold is strings.HasPrefix(strings.ToLower(s), prefix) for an
// ASCII lower-case prefix, without lowering s: only ASCII letters lower to
// ASCII letters (but for "İ" and the Kelvin sign, which no prefix of ours
// holds), so the first len(prefix) bytes of s decide.
func HasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// IsASCII reports whether s is ASCII only.
func IsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// ContainsFold is strings.Contains(strings.ToLower(s), sub) for an ASCII s
// and a lower-case ASCII sub, without lowering s. It compares bytes (a
// byte of another script never equals one of sub), jumping by IndexByte
// to where sub's first letter is, in either case.
func ContainsFold(s, sub string) bool {
	if sub == "" {
		return true
	}
	lower, upper := sub[0], sub[0]
	if 'a' <= lower && lower <= 'z' {
		upper = lower - ('a' - 'A')
	}
	nextLower, nextUpper := -1, -1 // where each was found last, at or after i
	for i := 0; i+len(sub) <= len(s); i++ {
		if nextLower < i {
			nextLower = indexFrom(s, i, lower)
		}
		if nextUpper < i {
			nextUpper = indexFrom(s, i, upper)
		}
		if i = min(nextLower, nextUpper); i+len(sub) > len(s) {
			return false
		}
		if HasPrefixFold(s[i:], sub) {
			return true
		}
	}
	return false
}

// indexFrom returns the offset of the first c in s at or after i, or
// len(s) when there is none.
func indexFrom(s string, i int, c byte) int {
	if k := strings.IndexByte(s[i:], c); k >= 0 {
		return i + k
	}
	return len(s)
}

// lowerByte lower-cases an ASCII capital.
func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
