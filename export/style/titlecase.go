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

// titleCase capitalises the all-lower-case words of r as citeproc-js
// does for English titles: words are split at spaces and at the marks
// - – — / . , ; ? ! : ( ) [ ] and quotes; every word of two or more letters
// that is not a skip word is capitalised; the first word, a word after
// : ? or !, and a skip word that ends the title are capitalised too. Words
// already holding a capital (iPhone, McGill, USSR) are left alone, and so is
// the letter after an apostrophe (d’une, Jesus’).
func titleCase(r Rich) Rich {
	var runes []rune
	lengths := make([]int, len(r))
	for i, s := range r {
		rs := []rune(s.Text)
		lengths[i] = len(rs)
		runes = append(runes, rs...)
	}
	titleCaseRunes(runes)
	out := make(Rich, len(r))
	at := 0
	for i, s := range r {
		out[i] = Span{Text: string(runes[at : at+lengths[i]]), Italic: s.Italic}
		at += lengths[i]
	}
	return out
}

func isWordBreak(c rune) bool {
	switch c {
	case ' ', '\u00a0', '-', '–', '—', '/', '.', ',', ';', '?', '!', ':', '(', ')', '[', ']',
		'"', '\'', '“', '”', '‘', '’':
		return true
	}
	return false
}

func titleCaseRunes(text []rune) {
	first, afterPunct := true, false
	lastStart, lastEnd := -1, -1
	i := 0
	for i < len(text) {
		if isWordBreak(text[i]) {
			if c := text[i]; c == ':' || c == '?' || c == '!' {
				afterPunct = true
			}
			i++
			continue
		}
		start := i
		for i < len(text) && !isWordBreak(text[i]) {
			i++
		}
		word := text[start:i]
		lower := strings.ToLower(string(word))
		afterApostrophe := start > 1 && (text[start-1] == '’' || text[start-1] == '\'') && unicode.IsLetter(text[start-2])
		capitalise := first || afterPunct
		if len(word) > 1 && !skipWords[lower] {
			capitalise = true
		}
		if capitalise && !afterApostrophe && string(word) == lower {
			capitaliseRunes(word)
		}
		first, afterPunct = false, false
		lastStart, lastEnd = start, i
	}
	if lastStart >= 0 && lastEnd-lastStart > 1 {
		word := text[lastStart:lastEnd]
		if lower := strings.ToLower(string(word)); skipWords[lower] && string(word) == lower {
			capitaliseRunes(word)
		}
	}
}

// capitaliseRunes upper-cases the first letter of word in place.
func capitaliseRunes(word []rune) {
	for j, c := range word {
		if unicode.IsLetter(c) {
			word[j] = unicode.ToUpper(c)
			return
		}
		if unicode.IsDigit(c) {
			return
		}
	}
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
