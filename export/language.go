package export

import (
	"strings"
	"unicode"
)

// languageMarkers are function words that mark a title's language. A word
// marking one language only weighs 2; one shared by two (la, de...) weighs
// 1 for each.
var languageMarkers = map[string]map[string]int{
	"en": weights(2, "the of and with from into"),
	"fr": merge(weights(2, "le les du et l' d' une aux dans sur pour avec qu' c'est est sont"),
		weights(1, "la de des un au en par")),
	"es": merge(weights(2, "los las y del el una para con sobre entre"),
		weights(1, "la de un por en")),
	"de": weights(2, "der die das und über uber ein eine einer dem den im zur zum für fur mit vom auf aus"),
}

func weights(w int, words string) map[string]int {
	m := map[string]int{}
	for _, word := range strings.Fields(words) {
		m[word] = w
	}
	return m
}

func merge(a, b map[string]int) map[string]int {
	for k, v := range b {
		a[k] = v
	}
	return a
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
	score := map[string]int{}
	for _, w := range words {
		for lang, markers := range languageMarkers {
			score[lang] += markers[w]
		}
	}
	best, bestScore, second := "", 0, 0
	for _, lang := range []string{"de", "es", "fr"} {
		switch s := score[lang]; {
		case s > bestScore:
			best, bestScore, second = lang, s, bestScore
		case s > second:
			second = s
		}
	}
	if bestScore >= 3 && bestScore > second && score["en"] == 0 {
		return best
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
