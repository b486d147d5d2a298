package style

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// skipWords are the words title case leaves in lower case (unless first or
// after a colon): articles, conjunctions and prepositions, as citeproc-js
// lists them.
var skipWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`about above across afore after against al along alongside amid amidst
	among amongst anenst apropos apud around as aside astride at athwart atop barring before behind below
	beneath beside besides between beyond but by circa despite down during et except for forenenst from
	given in inside into lest like modulo near next notwithstanding of off on onto out over per plus pro
	qua sans since than through thru throughout thruout till to toward towards under underneath until unto
	up upon versus vs. v. vs v via vis-à-vis with within without or yet so and nor a an the de d' von van
	c ca`) {
		skipWords[w] = true
	}
}

// isEnglish reports whether a CSL language tag names English; an empty tag
// counts as English, as citeproc-js assumes.
func isEnglish(lang string) bool {
	lang = strings.ToLower(strings.TrimSpace(lang))
	return lang == "" || lang == "en" || strings.HasPrefix(lang, "en-") || strings.HasPrefix(lang, "en_")
}

// titleCase capitalises the first letter of every all-lower-case word of r
// except the skip words; the first word and a word after a colon, question
// mark, exclamation mark or period are always capitalised. Words already
// holding a capital (iPhone, McGill, USSR) are left alone, and so is text
// in nocase spans.
func titleCase(r Rich) Rich {
	out := make(Rich, len(r))
	first, afterPunct := true, false
	for i, s := range r {
		var b strings.Builder
		word := strings.Builder{}
		flush := func(sep rune) {
			w := word.String()
			word.Reset()
			if w == "" {
				return
			}
			lower := strings.ToLower(w)
			capitalise := first || afterPunct
			if !capitalise && utf8.RuneCountInString(w) > 1 && !skipWords[lower] {
				capitalise = true
			}
			if !capitalise && sep == '-' && utf8.RuneCountInString(w) > 1 {
				capitalise = true
			}
			if capitalise && w == lower {
				w = upperFirst(w)
			}
			b.WriteString(w)
			first, afterPunct = false, false
		}
		for _, c := range s.Text {
			if c == ' ' || c == '-' || c == '/' || c == '\u00a0' {
				flush(c)
				b.WriteRune(c)
				continue
			}
			if c == ':' || c == '?' || c == '!' || c == '.' {
				flush(c)
				b.WriteRune(c)
				afterPunct = c != '.' || afterPunct
				continue
			}
			word.WriteRune(c)
		}
		flush(0)
		out[i] = Span{Text: b.String(), Italic: s.Italic}
	}
	return out
}

// upperFirst upper-cases the first letter of w, skipping leading
// punctuation such as an opening quote or parenthesis.
func upperFirst(w string) string {
	for i, c := range w {
		if unicode.IsLetter(c) {
			return w[:i] + string(unicode.ToUpper(c)) + w[i+utf8.RuneLen(c):]
		}
		if unicode.IsDigit(c) {
			return w
		}
	}
	return w
}

// sentenceCapitalise upper-cases the first letter of s.
func sentenceCapitalise(s string) string { return upperFirst(s) }
