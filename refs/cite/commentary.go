package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ibid-project/ibid/internal/textscan"
)

// leadingCommentary returns how many bytes of commentary open t before
// the citation it holds: a sentence of prose before a colon ("Serge also
// wrote an article on it: “Title,” Journal, pp. 2-4"), a word or two
// before a quoted title ("Titled “Title,” Journal"), or a possessive
// clause ("Serge's biography of Lenin, Lenine, 1917"). It returns 0 when
// t opens with the citation.
func leadingCommentary(t string) int {
	if n := commentaryBeforeColon(t); n > 0 {
		return n
	}
	if n := wordsBeforeQuote(t); n > 0 {
		return n
	}
	if n := lowerCaseClause(t); n > 0 {
		return n
	}
	return possessiveClause(t)
}

// lowerCaseClause finds a clause of prose that opens t in lower case and
// ends at a comma before a citation or an archive's name ("various letters
// detailing payments, Macdonald Papers, Yale Library").
func lowerCaseClause(t string) int {
	if !startsLower(t) || startsWithParticle(t) {
		return 0
	}
	var buf [16]int
	for _, k := range appendCommasOutsideQuotes(buf[:0], t) {
		rest := t[k+2:]
		if !opensCitation(rest) || !isProse(withoutQuoted(t[:k])) {
			continue
		}
		if namesArchive(rest) || looksLikeCitation(rest) {
			return k + 2
		}
	}
	return 0
}

// namesArchive reports whether t names a collection of papers.
func namesArchive(t string) bool {
	var buf [32]byte // a word lower-cased
	for w := range strings.FieldsSeq(t) {
		if len(w) <= len(buf) && textscan.IsASCII(w) {
			w = string(lowerASCII(buf[:0], w)) // on the stack: only compared
		} else {
			w = lower(w)
		}
		switch strings.Trim(w, ".,;:") {
		case "papers", "archive", "archives", "archiv", "fonds", "nachlass", "nachlaß", "collection", "manuscripts", "mss":
			return true
		}
	}
	return false
}

// commentaryBeforeColon finds a prose sentence ending in a colon with a
// citation after it.
func commentaryBeforeColon(t string) int {
	k := indexOutsideQuotes(t, ": ")
	if k < 0 {
		return 0
	}
	before, after := t[:k], strings.TrimSpace(t[k+2:])
	if textscan.FieldCount(before) < 6 || strings.ContainsAny(before, ",()\"“”«»") || commentaryScore(before) < 0.2 {
		return 0
	}
	if !opensCitation(after) || !looksLikeCitation(after) {
		return 0
	}
	return len(t) - len(after)
}

// wordsBeforeQuote finds up to three words written straight before a
// quoted title with no punctuation between: a citation puts a comma or a
// period after its author, so such words are commentary.
//
// t is read byte by byte up to the first quotation mark or the first of
// the punctuation the words may not hold: past that, whatever quotation
// follows has it in the words before. The marks outside ASCII are found
// at their first bytes, which no character holds past its own first byte.
func wordsBeforeQuote(t string) int {
	for i := 0; i < len(t); i++ {
		for i < len(t) && !beforeQuoteStops[t[i]] {
			i++ // a byte that is neither a quotation mark's first nor punctuation
		}
		if i == len(t) {
			break
		}
		switch c := t[i]; {
		case c == '"' || c == 0xC2 && strings.HasPrefix(t[i:], "«") || c == 0xE2 && (strings.HasPrefix(t[i:], "“") || strings.HasPrefix(t[i:], "„")):
			// a quotation mark
		case notBeforeQuote[c]:
			return 0
		default:
			continue
		}
		if i == 0 {
			return 0
		}
		before := strings.TrimSpace(t[:i])
		words := textscan.FieldCount(before)
		if words == 0 || words > 3 || strings.ContainsAny(before, ",.;:()[]*_") {
			return 0
		}
		if _, ok := parseNames(before, natural); ok && words > 1 {
			return 0 // a name without its comma
		}
		if isSignalLike(before) {
			return 0
		}
		return i
	}
	return 0
}

// notBeforeQuote holds the punctuation wordsBeforeQuote refuses in the
// words before a quotation.
var notBeforeQuote = func() (set [256]bool) {
	for _, c := range []byte(",.;:()[]*_") {
		set[c] = true
	}
	return set
}()

// beforeQuoteStops holds the bytes wordsBeforeQuote stops at: the
// punctuation of notBeforeQuote and the first bytes of the quotation
// marks.
var beforeQuoteStops = func() (set [256]bool) {
	set = notBeforeQuote
	for _, q := range []string{"\"", "«", "“", "„"} {
		set[q[0]] = true
	}
	return set
}()

// isSignalLike reports words that Split already reads as a signal.
func isSignalLike(s string) bool {
	_, n := signalPrefix(s + " x")
	return n > 0
}

// possessiveClause finds an opening "Name's noun of X," clause that is
// followed by a capitalised title.
func possessiveClause(t string) int {
	first, rest, ok := strings.Cut(t, ", ")
	if !ok || !opensCitation(rest) {
		return 0
	}
	var w [2]string // the first two words: no more are read
	n := 0
	for f := range strings.FieldsSeq(first) {
		w[n] = f
		if n++; n == len(w) {
			break
		}
	}
	if n < 2 || !(strings.HasSuffix(w[0], "'s") || strings.HasSuffix(w[0], "’s")) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(w[1])
	if !unicode.IsLower(r) {
		return 0
	}
	return len(first) + 2
}
