package export

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// protectTitle writes a title for BibTeX with its case protected where
// BibTeX styles would lower-case it. A title in another language than
// English is braced whole, as pandoc does (BibTeX knows no language). In an
// English title, words with a capital after their first letter (USSR,
// McCarthy, Soviet-German) are braced; when the title is sentence-cased,
// so is every capitalised word after the first, since those are proper
// nouns.
func protectTitle(title string, english, ascii bool) string {
	s := cleanText(title)
	if s == "" {
		return ""
	}
	matched := matchedBraces(s)
	var b strings.Builder
	b.Grow(len(s) + 16)
	if !english {
		b.WriteByte('{')
		writeTeX(&b, s, 0, len(s), matched, ascii)
		b.WriteByte('}')
		return b.String()
	}
	sentence := sentenceCased(s)
	first := true
	for start := 0; start < len(s); {
		end := strings.IndexByte(s[start:], ' ')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		word := s[start:end]
		if innerCapital(word) || sentence && !first && capitalised(word) {
			// Brace the word from its first to its last letter or digit,
			// leaving punctuation around it outside: "({USSR}),".
			from, to := wordCore(word)
			writeTeX(&b, s, start, start+from, matched, ascii)
			b.WriteByte('{')
			writeTeX(&b, s, start+from, start+to, matched, ascii)
			b.WriteByte('}')
			writeTeX(&b, s, start+to, end, matched, ascii)
		} else {
			writeTeX(&b, s, start, end, matched, ascii)
		}
		if hasLetter(word) {
			first = false
		}
		if end < len(s) {
			b.WriteByte(' ')
		}
		start = end + 1
	}
	return b.String()
}

// sentenceCased reports whether a title is written in sentence case: after
// its first word, more of its longer words begin in lower case than in
// upper case.
func sentenceCased(s string) bool {
	lower, upper := 0, 0
	for i, w := range strings.Fields(s) {
		if i == 0 {
			continue
		}
		letters := 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters < 4 {
			continue
		}
		if capitalised(w) {
			upper++
		} else if r := firstLetter(w); unicode.IsLower(r) {
			lower++
		}
	}
	return lower > upper
}

// innerCapital reports whether a word has an upper-case letter after its
// first letter.
func innerCapital(w string) bool {
	seen := false
	for _, r := range w {
		if !unicode.IsLetter(r) {
			continue
		}
		if seen && unicode.IsUpper(r) {
			return true
		}
		seen = true
	}
	return false
}

// capitalised reports whether a word's first letter is upper case.
func capitalised(w string) bool { return unicode.IsUpper(firstLetter(w)) }

func firstLetter(w string) rune {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return r
		}
	}
	return utf8.RuneError
}

func hasLetter(w string) bool { return firstLetter(w) != utf8.RuneError }

// wordCore returns the byte span of w from its first to its last letter or
// digit.
func wordCore(w string) (from, to int) {
	from = strings.IndexFunc(w, isAlnum)
	to = strings.LastIndexFunc(w, isAlnum)
	_, size := utf8.DecodeRuneInString(w[to:])
	return from, to + size
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
