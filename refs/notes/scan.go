package notes

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ibid-project/ibid/internal/textscan"
)

// maxDigits bounds the note numbers read, so no input overflows an int.
const maxDigits = 4

// superDigit returns the value of a superscript digit, or -1.
func superDigit(r rune) int {
	switch {
	case r == '⁰':
		return 0
	case r == '¹':
		return 1
	case r == '²':
		return 2
	case r == '³':
		return 3
	case r >= '⁴' && r <= '⁹':
		return int(r-'⁴') + 4
	}
	return -1
}

// leadingSuperscript reads the superscript digits that start s: their
// value and byte length; size is 0 when s does not start with one.
func leadingSuperscript(s string) (n, size int) {
	digits := 0
	for size < len(s) {
		r, w := utf8.DecodeRuneInString(s[size:])
		v := superDigit(r)
		if v < 0 {
			break
		}
		if digits < maxDigits {
			n = n*10 + v
		}
		digits++
		size += w
	}
	return n, size
}

// leadingDigits reads the ASCII digits that start s (at most maxDigits of
// them): their value and byte length.
func leadingDigits(s string) (n, size int) {
	for size < len(s) && size < maxDigits && s[size] >= '0' && s[size] <= '9' {
		n = n*10 + int(s[size]-'0')
		size++
	}
	if size < len(s) && s[size] >= '0' && s[size] <= '9' {
		return 0, 0 // too long to be a note number
	}
	return n, size
}

// leadingSpaces is the byte length of the spaces and tabs that start s.
func leadingSpaces(s string) int {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// isPageNumber reports whether a trimmed line is a page number: digits or
// roman numerals, bare or dashed ("- 12 -"), or "Page 12".
func isPageNumber(s string) bool {
	s = strings.Trim(s, "-–— ")
	if textscan.HasPrefixFold(s, "page ") || textscan.HasPrefixFold(s, "p. ") {
		s = strings.TrimSpace(s[strings.IndexByte(s, ' '):])
	}
	if s == "" || len(s) > 8 {
		return false
	}
	if n, size := leadingDigits(s); size == len(s) && n > 0 {
		return true
	}
	for _, r := range s { // strings.ToLower(s) holds only i, v and x
		if l := unicode.ToLower(r); l != 'i' && l != 'v' && l != 'x' {
			return false
		}
	}
	return true
}

// isSeparator reports whether a trimmed line is a footnote separator rule:
// five or more of one rule character.
func isSeparator(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	if !strings.ContainsRune("_-—–─=━", first) || utf8.RuneCountInString(s) < 5 {
		return false
	}
	for _, r := range s {
		if r != first {
			return false
		}
	}
	return true
}

// continuedOut reports whether a trimmed line is the tag that ends the first
// part of a page-split note: "(continued...)", "(cont.)", "cont'd".
func continuedOut(s string) bool {
	if len(s) > 40 {
		return false
	}
	return isContinuedWord(s)
}

// cutContinuedOut removes a continuation tag that ends a note line ("...
// and the (continued)") and reports whether there was one.
func cutContinuedOut(s string) (string, bool) {
	if !strings.HasSuffix(s, ")") && !strings.HasSuffix(s, "]") {
		return s, false
	}
	open := strings.LastIndexAny(s, "([")
	if open <= 0 || !isContinuedWord(s[open:]) {
		return s, false
	}
	return strings.TrimSpace(s[:open]), true
}

// isContinuedWord reports whether s, stripped of brackets, dots and quotes,
// says "continued".
func isContinuedWord(s string) bool {
	s = strings.ToLower(strings.Trim(s, "()[]{}.…\"'”’“ "))
	s = strings.TrimRight(s, ".…")
	switch s {
	case "continued", "cont", "cont'd", "cont’d", "contd", "continued on next page",
		"continued from previous page", "continued from the previous page", "continues":
		return true
	}
	return false
}

// continuedIn splits the tag that opens the rest of a page-split note
// ("(...continued)", "(continued)", "cont'd:") off the start of s; ok is
// false when s does not start with one.
func continuedIn(s string) (rest string, ok bool) {
	if strings.HasPrefix(s, "(") || strings.HasPrefix(s, "[") {
		end := strings.IndexAny(s, ")]")
		if end > 0 && end < 40 && isContinuedWord(s[1:end]) {
			return strings.TrimSpace(strings.TrimLeft(s[end+1:], ")]\"'”")), true
		}
		return s, false
	}
	for _, w := range []string{"cont'd", "cont’d", "contd", "continued"} {
		if len(s) < len(w) || !strings.EqualFold(s[:len(w)], w) {
			continue
		}
		after := s[len(w):]
		if after == "" || strings.ContainsRune(".…:)", rune(after[0])) {
			return strings.TrimSpace(strings.TrimLeft(after, ".…:)")), true
		}
	}
	return s, false
}

// itoa is strconv.Itoa, short.
func itoa(n int) string { return strconv.Itoa(n) }
