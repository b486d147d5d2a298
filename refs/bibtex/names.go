package bibtex

import (
	"strings"
	"unicode"

	"github.com/ibid-project/ibid/bib"
)

// Names splits a BibTeX name list (TeX as written) into CSL names, by
// BibTeX's rules: names are separated by "and" outside braces; a name is
// "First von Last", "von Last, First" or "von Last, Jr, First"; the von part
// is the run of words that start in lower case; a name wholly in braces
// ("{World Health Organization}") is an institution, kept as a literal; "and
// others" is dropped.
func Names(raw string) []bib.Name {
	var names []bib.Name
	for _, part := range splitNames(raw) {
		if strings.EqualFold(part, "others") {
			continue
		}
		if n, ok := splitName(part); ok {
			names = append(names, n)
		}
	}
	return names
}

// splitNames cuts raw at the word "and" outside braces.
func splitNames(raw string) []string {
	words := topWords(raw, false)
	var parts []string
	var cur []string
	for _, w := range words {
		if strings.EqualFold(w, "and") {
			if len(cur) > 0 {
				parts = append(parts, strings.Join(cur, " "))
			}
			cur = nil
			continue
		}
		cur = append(cur, w)
	}
	if len(cur) > 0 {
		parts = append(parts, strings.Join(cur, " "))
	}
	return parts
}

// topWords splits s at white space outside braces; with commas set, each
// comma outside braces is a word of its own.
func topWords(s string, commas bool) []string {
	var words []string
	depth, start := 0, -1
	flush := func(end int) {
		if start >= 0 {
			words = append(words, s[start:end])
			start = -1
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '{':
			depth++
		case c == '}':
			if depth > 0 {
				depth--
			}
		case depth == 0 && isSpace(c):
			flush(i)
			continue
		case depth == 0 && commas && c == ',':
			flush(i)
			words = append(words, ",")
			continue
		}
		if start < 0 {
			start = i
		}
	}
	flush(len(s))
	return words
}

// splitName splits one name; ok is false when nothing is left of it.
func splitName(raw string) (bib.Name, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return bib.Name{}, false
	}
	if isOneGroup(raw) && !strings.HasPrefix(raw, `{\`) {
		return bib.Name{Literal: TeXToUnicode(raw)}, true
	}
	var parts [][]string // comma-separated parts, each a list of words
	cur := []string{}
	for _, w := range topWords(raw, true) {
		if w == "," {
			parts = append(parts, cur)
			cur = []string{}
			continue
		}
		cur = append(cur, w)
	}
	parts = append(parts, cur)

	var first, von, last, jr []string
	switch {
	case len(parts) == 1:
		words := parts[0]
		// First: the words before the first lower-case word, keeping at
		// least one word for Last.
		i := 0
		for i < len(words)-1 && !isLowerWord(words[i]) {
			i++
		}
		first = words[:i]
		von, last = splitVon(words[i:])
	case len(parts) == 2:
		von, last = splitVon(parts[0])
		first = parts[1]
	default:
		von, last = splitVon(parts[0])
		jr = parts[1]
		for _, p := range parts[2:] {
			first = append(first, p...)
		}
	}
	n := bib.Name{
		Given:               joinTeX(first),
		NonDroppingParticle: joinTeX(von),
		Family:              joinTeX(last),
		Suffix:              joinTeX(jr),
	}
	if n.Family == "" {
		n.Family, n.Given = n.Given, ""
	}
	if n.Family == "" && n.NonDroppingParticle == "" {
		return bib.Name{}, false
	}
	return n, true
}

// splitVon splits "von Last" words: the von part runs to the last lower-case
// word, always leaving at least one word for Last.
func splitVon(words []string) (von, last []string) {
	end := 0
	for i := 0; i < len(words)-1; i++ {
		if isLowerWord(words[i]) {
			end = i + 1
		}
	}
	return words[:end], words[end:]
}

// isLowerWord reports whether a name word starts in lower case, as BibTeX
// decides: the first letter outside braces, or inside a brace group that
// starts with a control sequence ({\'e}tienne). A word wholly protected by
// braces is never lower case.
func isLowerWord(w string) bool {
	depth := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '{':
			if depth == 0 && (i+1 >= len(w) || w[i+1] != '\\') {
				return false
			}
			depth++
		case c == '}':
			depth--
		case c == '\\':
			// a special character: decide by the letter it makes
			for _, r := range TeXToUnicode(w[i:]) {
				if unicode.IsLetter(r) {
					return unicode.IsLower(r)
				}
			}
			return false
		default:
			r := rune(c)
			if c >= 0x80 {
				r = []rune(w[i:])[0]
			}
			if unicode.IsLetter(r) {
				return unicode.IsLower(r)
			}
		}
	}
	return false
}

// isOneGroup reports whether s is a single {...} group.
func isOneGroup(s string) bool {
	if !strings.HasPrefix(s, "{") || !strings.HasSuffix(s, "}") {
		return false
	}
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 && i != len(s)-1 {
				return false
			}
		}
	}
	return true
}

func joinTeX(words []string) string { return TeXToUnicode(strings.Join(words, " ")) }
