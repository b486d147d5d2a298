package export

import (
	"strings"
	"unicode"
)

// detectable are the languages detectLanguage tells apart from English.
var detectable = [...]string{"de", "es", "fr"}

// Indexes into a marker's weights: the detectable languages, then English.
const english = len(detectable)

// languageMarkers maps a function word to how much it marks each language
// (in detectable's order, then English). A word marking one language only
// weighs 2; one shared by two (la, de...) weighs 1 for each.
var languageMarkers = map[string][english + 1]int{}

func init() {
	mark := func(lang, w int, words string) {
		for _, word := range strings.Fields(words) {
			m := languageMarkers[word]
			m[lang] = w
			languageMarkers[word] = m
		}
	}
	const de, es, fr = 0, 1, 2
	mark(english, 2, "the of and with from into")
	mark(fr, 2, "le les du et l' d' une aux dans sur pour avec qu' c'est est sont")
	mark(fr, 1, "la de des un au en par")
	mark(es, 2, "los las y del el una para con sobre entre")
	mark(es, 1, "la de un por en")
	mark(de, 2, "der die das und über uber ein eine einer dem den im zur zum für fur mit vom auf aus")
}

// languageNames maps a language code to the name biblatex (babel) uses.
var languageNames = map[string]string{
	"en": "english", "fr": "french", "es": "spanish", "de": "german",
	"it": "italian", "ru": "russian", "pt": "portuguese", "nl": "dutch",
	"he": "hebrew", "ar": "arabic", "el": "greek", "pl": "polish",
	"cs": "czech", "sv": "swedish", "da": "danish", "nb": "norsk", "no": "norsk",
	"fi": "finnish", "hu": "hungarian", "tr": "turkish", "uk": "ukrainian",
	"ca": "catalan", "la": "latin", "ro": "romanian", "sr": "serbian",
	"hr": "croatian", "bg": "bulgarian", "yi": "yiddish",
}

// isEnglish reports whether a CSL language tag or name says English, or
// says nothing.
func isEnglish(lang string) bool {
	l := strings.ToLower(strings.TrimSpace(lang))
	return l == "" || l == "en" || strings.HasPrefix(l, "en-") || strings.HasPrefix(l, "en_") || l == "english"
}

// itemLanguage returns the item's language: Item.Language when set, else
// the language its title's function words show ("fr", "es", "de"), else "".
func itemLanguage(lang, title string) string {
	if strings.TrimSpace(lang) != "" {
		return lang
	}
	return detectLanguage(title)
}

// detectLanguage guesses a title's language from its function words. It
// answers only when the evidence is clear: at least three words, a score of
// 3 or more for one language, more than any other, and no English
// function word. Short or mixed titles get "".
func detectLanguage(title string) string {
	words := titleWords(title)
	if len(words) < 3 {
		return ""
	}
	var score [english + 1]int
	for _, w := range words {
		m := languageMarkers[w]
		for i := range score {
			score[i] += m[i]
		}
	}
	best, second := 0, 0
	for i := 1; i < english; i++ {
		switch {
		case score[i] > score[best]:
			best, second = i, score[best]
		case score[i] > second:
			second = score[i]
		}
	}
	if score[best] >= 3 && score[best] > second && score[english] == 0 {
		return detectable[best]
	}
	return ""
}

// titleWords lower-cases a title and splits it into words, keeping an
// elided article's apostrophe with it (l'histoire → l', histoire).
func titleWords(title string) []string {
	title = strings.ToLower(strings.ReplaceAll(title, "’", "'"))
	var out []string
	for _, f := range strings.FieldsFunc(title, func(r rune) bool {
		return !(unicode.IsLetter(r) || r == '\'')
	}) {
		if i := strings.IndexByte(f, '\''); i > 0 && i <= 2 && i < len(f)-1 {
			out = append(out, f[:i+1], f[i+1:])
			continue
		}
		out = append(out, strings.Trim(f, "'"))
	}
	return out
}
