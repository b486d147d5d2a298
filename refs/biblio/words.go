package biblio

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/internal/textscan"
)

// fold transliterates s to ASCII (accents removed), keeping case.
func fold(s string) string { return bib.ASCII(s) }

// hasYear reports a plausible publication year (1450-2099) standing as a
// number of its own, or "n.d.".
func hasYear(s string) bool {
	if strings.Contains(s, "n.d.") || strings.Contains(s, "s.d.") || strings.Contains(s, "o.J.") {
		return true
	}
	for i := 0; i+4 <= len(s); i++ {
		if !isDigitByte(s[i]) || (i > 0 && isDigitByte(s[i-1])) {
			continue
		}
		if i+4 < len(s) && isDigitByte(s[i+4]) {
			continue
		}
		if !allDigits(s[i : i+4]) {
			continue
		}
		y := int(s[i]-'0')*1000 + int(s[i+1]-'0')*100 + int(s[i+2]-'0')*10 + int(s[i+3]-'0')
		if y >= 1450 && y <= 2099 {
			return true
		}
	}
	return false
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

func hasDigit(s string) bool { return strings.IndexFunc(s, unicode.IsDigit) >= 0 }

// quoteRunes open or close a quoted title.
const quoteRunes = "\"“”„«»‘’'‹›"

// startsWithQuote reports text opening with a quotation mark.
func startsWithQuote(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(quoteRunes, r) && r != '\''
}

// hasQuote reports a double quotation mark or guillemet anywhere in s.
func hasQuote(s string) bool { return strings.ContainsAny(s, "\"“”„«»") }

// words splits s at spaces.
func words(s string) []string { return strings.Fields(s) }

// lowerRatio is the share of the words of s that start with a lower-case
// letter, among the words that start with a letter.
func lowerRatio(s string) float64 {
	var lower, all int
	for w := range strings.FieldsSeq(s) {
		w = strings.TrimLeft(w, quoteRunes+"([")
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		all++
		if unicode.IsLower(r) {
			lower++
		}
	}
	if all == 0 {
		return 0
	}
	return float64(lower) / float64(all)
}

// sentences counts sentence ends inside s: a period, question or
// exclamation mark followed by a space and a capital, after a word of
// three or more letters (so initials and abbreviations do not count).
func sentences(s string) int {
	n := 0
	f := words(s)
	for i := 0; i+1 < len(f); i++ {
		w := f[i]
		if !strings.HasSuffix(w, ".") && !strings.HasSuffix(w, "?") && !strings.HasSuffix(w, "!") {
			continue
		}
		letters := 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		r, _ := utf8.DecodeRuneInString(f[i+1])
		if letters >= 3 && unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

// firstUpper reports text whose first letter is upper case, after an
// elided article ("l'Anarchie", "d'Annunzio").
func firstUpper(s string) bool {
	for _, p := range []string{"l'", "d'", "l’", "d’"} {
		s = strings.TrimPrefix(s, p)
	}
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r)
		}
	}
	return false
}

// sortKey is the letters and digits of s, folded to lower-case ASCII, as
// an alphabetical list orders it.
func sortKey(s string) string {
	if len(s) > 120 {
		cut := 120
		for cut < len(s) && !utf8.RuneStart(s[cut]) {
			cut++
		}
		s = s[:cut] // enough for a 40-character key
	}
	var b strings.Builder
	b.Grow(40) // the longest key, in one allocation
	if textscan.IsASCII(s) {
		// fold keeps ASCII as it is: its letters and digits, lowered
		for i := 0; i < len(s) && b.Len() < 40; i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
				b.WriteByte(c)
			}
		}
		return b.String()
	}
	for _, r := range strings.ToLower(fold(s)) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
		if b.Len() >= 40 {
			break
		}
	}
	return b.String()
}
