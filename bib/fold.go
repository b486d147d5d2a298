package bib

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// foldSpecial maps letters that have no Unicode decomposition to their usual
// ASCII spelling (ß→ss, ø→o, ł→l ...), as bibliographers transliterate them.
var foldSpecial = map[rune]string{
	'ß': "ss", 'ø': "o", 'Ø': "O", 'ł': "l", 'Ł': "L", 'æ': "ae", 'Æ': "AE",
	'œ': "oe", 'Œ': "OE", 'đ': "d", 'Đ': "D", 'þ': "th", 'Þ': "Th", 'ı': "i",
	'ð': "d", 'Ð': "D", 'ʿ': "", 'ʾ': "", '’': "'", '‘': "'",
}

// ASCII transliterates s: accents removed (é→e), special letters spelled out
// (ß→ss), case kept. Characters with no ASCII form are kept as they are.
func ASCII(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	return asciiWith(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s)
}

// asciiWith is ASCII of a text with a byte of 0x80 or more, given the
// transformer that strips the marks (transform.String resets it, so one
// can serve many calls in turn).
func asciiWith(t transform.Transformer, s string) string {
	s = strings.ToValidUTF8(s, " ") // an invalid byte separates, as in fold
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	var b strings.Builder
	for _, r := range out {
		if rep, ok := foldSpecial[r]; ok {
			b.WriteString(rep)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Fold is the key form of s for comparison: ASCII, lower case, every run of
// non-alphanumerics collapsed to one space, trimmed; an apostrophe after a
// one-letter word separates words, any other is dropped.
func Fold(s string) string { return fold(s) }

// foldSlow is Fold by its definition: the Unicode normaliser, then the
// letters lowered. fold gives the same faster for most text.
func foldSlow(s string) string {
	s = ASCII(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	wordLen := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
				wordLen = 0
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
			wordLen++
			continue
		}
		if r == '\'' {
			// An elided article or preposition stands apart (l'Anarchie,
			// d'Ignace, O'Brien); any other apostrophe keeps the word whole
			// (Serge's, don't).
			if wordLen == 1 && !space {
				space = true
			}
			continue
		}
		space = true
	}
	return b.String()
}

// Words returns the folded words of s: strings.Fields(Fold(s)), split
// faster, as Fold leaves its words between single spaces.
func Words(s string) []string { return splitFolded(fold(s)) }

// AppendWords appends the folded words of s to dst and returns the
// extended slice: Words(s) without a slice of its own, for a caller
// that gathers the words of many strings.
func AppendWords(dst []string, s string) []string {
	f := fold(s)
	for f != "" {
		k := strings.IndexByte(f, ' ')
		if k < 0 {
			return append(dst, f)
		}
		dst, f = append(dst, f[:k]), f[k+1:]
	}
	return dst
}

// FoldedWords returns the words of a string Fold returned: Words(s) is
// FoldedWords(Fold(s)), for a caller that needs both.
func FoldedWords(f string) []string { return splitFolded(f) }

// splitFolded splits a folded string at its spaces: its words are letters
// and digits, one space between two, none before or after.
func splitFolded(f string) []string {
	n := 0
	if f != "" {
		n = strings.Count(f, " ") + 1
	}
	out := make([]string, n) // as strings.Fields: never nil, cap the words
	for i := 0; i < n-1; i++ {
		k := strings.IndexByte(f, ' ')
		out[i], f = f[:k], f[k+1:]
	}
	if n > 0 {
		out[n-1] = f
	}
	return out
}

// stopwords are function words of English, French, German, Spanish and
// Italian titles that carry no identity for matching.
var stopwords = map[string]bool{}

// stopwordMax is the length of the longest stopword: a longer word (most
// words of a title) is told apart without a map lookup.
var stopwordMax int

func init() {
	for _, w := range strings.Fields(`a an the of and or in on at to for from by with into as is are
		le la les l un une des du de d et en au aux dans sur pour par avec
		der die das den dem des ein eine einer und im am zum zur von mit fur uber
		el los las lo y del al una unos con para por
		il gli i di e della delle dei per`) {
		stopwords[w] = true
		stopwordMax = max(stopwordMax, len(w))
	}
}

// isStopword is IsStopword.
func isStopword(w string) bool { return len(w) <= stopwordMax && stopwords[w] }

// IsStopword reports whether the folded word w is a function word.
func IsStopword(w string) bool { return isStopword(w) }

// SignificantWords returns the folded words of a title without function
// words (and without single letters), in order.
func SignificantWords(title string) []string { return Significant(Words(title)) }

// Significant filters folded words, in place, to those SignificantWords
// keeps; nil when none remain.
func Significant(words []string) []string {
	out := words[:0]
	for _, w := range words {
		if len(w) < 2 || isStopword(w) {
			continue
		}
		out = append(out, w)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
