package biblio

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// labelKind is how an item is marked at the start of its line.
type labelKind int

const (
	kindNone    labelKind = iota
	kindRoman             // "IV."
	kindUpper             // "B."
	kindDigit             // "12." "12)"
	kindLower             // "b." "b)"
	kindBracket           // "[12]"
	kindDash              // "- ", "• "
	kindPlain             // an unlabelled heading (for heading levels only)
)

// label is the printed mark of an item.
type label struct {
	kind labelKind
	text string // "IV", "B", "12", "b", "12" (bracket), "-"
	// ambiguous is set for a single letter that reads both as a capital
	// letter and as a roman numeral ("I.", "V.", "C.").
	ambiguous bool
}

// parseLabel splits the label from the start of s. A dash followed by a
// letter or number label ("- a. Title") yields the inner label. Ditto
// marks ("———.", "----") are not labels: they stay in the text.
func parseLabel(s string) (label, string) {
	if isDitto(s) {
		return label{}, s
	}
	for _, d := range []string{"- ", "– ", "— ", "• ", "· ", "* ", "+ "} {
		if strings.HasPrefix(s, d) {
			rest := strings.TrimSpace(s[len(d):])
			if in, r := parseLabel(rest); in.kind == kindLower || in.kind == kindDigit {
				return in, r
			}
			return label{kind: kindDash, text: "-"}, rest
		}
	}
	if strings.HasPrefix(s, "[") {
		end := strings.IndexByte(s, ']')
		if end > 1 && end <= 5 && allDigits(s[1:end]) && end+2 < len(s) && s[end+1] == ' ' {
			return label{kind: kindBracket, text: s[1:end]}, strings.TrimSpace(s[end+1:])
		}
		return label{}, s
	}
	tok, rest, ok := labelToken(s)
	if !ok {
		return label{}, s
	}
	switch {
	case allDigits(tok) && len(tok) <= 3:
		return label{kind: kindDigit, text: tok}, rest
	case isRoman(tok):
		if startsWithInitial(rest) {
			return label{}, s // "V. I. Lenin": initials, not a numeral
		}
		return label{kind: kindRoman, text: tok, ambiguous: len(tok) == 1}, rest
	case len(tok) == 1 && tok[0] >= 'A' && tok[0] <= 'Z':
		if startsWithInitial(rest) {
			return label{}, s
		}
		return label{kind: kindUpper, text: tok}, rest
	case len(tok) == 1 && tok[0] >= 'a' && tok[0] <= 'z':
		return label{kind: kindLower, text: tok}, rest
	}
	return label{}, s
}

// labelToken reads "TOK. rest" or "TOK) rest" where TOK is short and
// alphanumeric.
func labelToken(s string) (tok, rest string, ok bool) {
	i := 0
	for i < len(s) && i < 6 && (s[i] >= '0' && s[i] <= '9' || s[i] >= 'A' && s[i] <= 'Z' || s[i] >= 'a' && s[i] <= 'z') {
		i++
	}
	if i == 0 || i+1 >= len(s) || (s[i] != '.' && s[i] != ')') || s[i+1] != ' ' {
		return "", "", false
	}
	rest = strings.TrimSpace(s[i+2:])
	if rest == "" {
		return "", "", false
	}
	return s[:i], rest, true
}

// isDitto reports a line opening with a same-author mark: two or more
// dashes or underscores, then punctuation or a space.
func isDitto(s string) bool {
	n := 0
	for _, r := range s {
		if r == '—' || r == '-' || r == '–' || r == '_' {
			n++
			continue
		}
		return n >= 2 && (r == '.' || r == ',' || r == ' ' || r == ':' || r == ';')
	}
	return false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isRoman reports an upper-case roman numeral up to 39 (XXXIX).
func isRoman(s string) bool { return romanValue(s) > 0 }

// romanValue is the value of a roman numeral of I, V, X (1..39), 0 if s
// is not one.
func romanValue(s string) int {
	vals := map[byte]int{'I': 1, 'V': 5, 'X': 10}
	total, prev := 0, 0
	for i := len(s) - 1; i >= 0; i-- {
		v, ok := vals[s[i]]
		if !ok {
			return 0
		}
		if v < prev {
			total -= v
		} else {
			total += v
			prev = v
		}
	}
	if total <= 0 || total > 39 || toRoman(total) != s {
		return 0
	}
	return total
}

func toRoman(n int) string {
	var b strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}

// startsWithInitial reports text opening with a name initial ("J. Smith",
// "J.-P. Sartre").
func startsWithInitial(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return false
	}
	return strings.HasPrefix(s[n:], ".") || strings.HasPrefix(s[n:], "-") && len(s) > n+2
}
