package cite

import (
	"bytes"
	"strings"
)

// Back-reference forms as Piece.Back and IsBackRef name them.
const (
	BackIbid   = "ibid"
	BackOpCit  = "opcit"
	BackLocCit = "loccit"
)

// backForms maps written back-references (lower-cased, without spaces)
// to their form.
var backForms = map[string]string{
	"ibid": BackIbid, "ibid.": BackIbid, "ib.": BackIbid, "ib": BackIbid, "ibd.": BackIbid,
	"id.": BackIbid, "idem": BackIbid, "idem.": BackIbid, "ebd.": BackIbid, "ebd": BackIbid,
	"ebenda": BackIbid, "ebenda.": BackIbid, "ibídem": BackIbid, "ibidem": BackIbid, "ibidem.": BackIbid,
	"ibídem.": BackIbid, "ibíd.": BackIbid, "ibid.,": BackIbid, "eadem": BackIbid, "ead.": BackIbid,
	"op.cit.": BackOpCit, "op.cit": BackOpCit, "opcit": BackOpCit, "opcit.": BackOpCit,
	"o.c.": BackOpCit, "o.c": BackOpCit, "a.a.o.": BackOpCit, "a.a.o": BackOpCit, "op.cit.,": BackOpCit,
	"ob.cit.": BackOpCit, "ob.cit": BackOpCit, "obra.cit.": BackOpCit, "art.cit.": BackOpCit,
	"loc.cit.": BackLocCit, "loc.cit": BackLocCit, "l.c.": BackLocCit,
}

// longestBackForm is the length of the longest of backForms.
var longestBackForm = func() int {
	n := 0
	for k := range backForms {
		n = max(n, len(k))
	}
	return n
}()

// backFormOpeners holds the first bytes of the written back-references.
var backFormOpeners = func() (set [256]bool) {
	for k := range backForms {
		set[k[0]] = true
	}
	return set
}()

// mayOpenBackForm is a quick test before the phrase of words t is built
// and looked up: its first letter past spaces and Markdown emphasis must
// open a back-reference; a letter outside ASCII may lower-case to one.
func mayOpenBackForm(t string) bool {
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c == ' ' || c == '*' || c == '_':
			continue
		case c >= 0x80:
			return true
		case 'A' <= c && c <= 'Z':
			return backFormOpeners[c+'a'-'A']
		default:
			return backFormOpeners[c]
		}
	}
	return false
}

// IsBackRef reports whether s is, or ends with, a back-reference to an
// earlier citation: "Ibid.", "Ibid., p. 72", "Serge, Ibid.", "Greeman,
// op. cit., p. 234", "loc. cit.". form is BackIbid, BackOpCit or
// BackLocCit.
func IsBackRef(s string) (form string, ok bool) {
	form, _, _ = findBackRef(s)
	return form, form != ""
}

// findBackRef finds the back-reference in a citation and the byte range
// of its words: the first one, two or three words that spell one and are
// followed by nothing, punctuation, a pinpoint or a bracket (so "Ibidem
// Press" is a publisher, not a back-reference).
func findBackRef(s string) (form string, start, end int) {
	var buf [32]Span // most citations have fewer words: no allocation
	words := appendWordSpans(buf[:0], s)
	for k := range words {
		if w := s[words[k].Start:words[k].End]; !mayOpenBackForm(w) && strings.Trim(w, "*_") != "" {
			// the word's first letter opens no back-reference, whatever
			// words follow it
			continue
		}
		for take := 3; take >= 1; take-- {
			if k+take > len(words) {
				continue
			}
			a, b := words[k], words[k+take-1]
			if !mayOpenBackForm(s[a.Start:b.End]) {
				continue
			}
			f, ok := lookupBackForm(s[a.Start:b.End])
			if !ok || !backRefEnds(s, b.End) {
				continue
			}
			return f, a.Start, b.End
		}
	}
	return "", 0, 0
}

// lookupBackForm returns the back-reference form words spell, read
// lower-cased without spaces, Markdown emphasis or trailing punctuation,
// with or without a final period. Short ASCII words are read in a stack
// buffer, without allocating.
func lookupBackForm(words string) (string, bool) {
	var buf [48]byte
	key := buf[:0]
	kept := 0 // bytes of key no trimming removes
	for i := 0; i < len(words); i++ {
		c := words[i]
		if c >= 0x80 || len(key) == len(buf)-1 { // room for the period
			return lookupBackFormSlow(words)
		}
		if c == ' ' {
			continue
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		switch c {
		case '*', '_', ',', ';', ':', '.': // trimming may remove these
		default:
			if kept++; kept > longestBackForm {
				return "", false // longer than any back-reference, however trimmed
			}
		}
		key = append(key, c)
	}
	key = bytes.Trim(key, "*_") // Markdown emphasis: "*ibid.*"
	key = bytes.TrimRight(key, ",;:")
	if f, ok := backForms[string(key)]; ok {
		return f, true
	}
	if f, ok := backForms[string(append(key, '.'))]; ok {
		return f, true
	}
	f, ok := backForms[string(bytes.TrimRight(key, "."))]
	return f, ok
}

// lookupBackFormSlow is lookupBackForm for words of any length and script.
func lookupBackFormSlow(words string) (string, bool) {
	phrase := lower(strings.ReplaceAll(words, " ", ""))
	phrase = strings.Trim(phrase, "*_")
	phrase = strings.TrimRight(phrase, ",;:")
	f, ok := backForms[phrase]
	if !ok {
		f, ok = backForms[phrase+"."]
	}
	if !ok {
		f, ok = backForms[strings.TrimRight(phrase, ".")]
	}
	return f, ok
}

// backRefEnds reports whether what follows a back-reference at i lets it
// stand as one.
func backRefEnds(s string, i int) bool {
	rest := strings.TrimLeft(s[i:], " .,;:")
	if rest == "" || rest[0] == '(' || rest[0] == '[' {
		return true
	}
	if i < len(s) && (s[i] == ',' || s[i] == '.' || s[i] == ';') {
		return true
	}
	w, _, _ := strings.Cut(rest, " ")
	return isPinpoint(w, true) || isPinpoint(rest, false) || startsLower(rest)
}

// pinpointAfter returns the pinpoint written right after position i
// ("Ibid., p. 72, with …" → "p. 72").
func pinpointAfter(s string, i int) string {
	rest := strings.TrimLeft(s[i:], " .,;:*_")
	if whole := strings.TrimRight(strings.TrimSpace(rest), ".;"); isPinpoint(whole, true) {
		return whole // "p. 47, 59", "p, 155"
	} else if vol, pages, ok := strings.Cut(whole, ", "); ok && isVolumeDesignation(vol) && isPinpoint(pages, true) {
		return whole // "Vol. 2, p. 12"
	}
	part, _, _ := strings.Cut(rest, ", ")
	part = strings.TrimRight(strings.TrimSpace(part), ".;")
	if k := strings.IndexAny(part, "(["); k > 0 {
		part = strings.TrimSpace(part[:k])
	}
	if isPinpoint(part, true) {
		return part
	}
	// "Ibid. p. 220 ." and "ibid., pp. 152-3."
	if loc, _ := Locator(rest); loc != "" && strings.HasPrefix(rest, loc) {
		return loc
	}
	return ""
}

// appendWordSpans appends to out the spans of the words of t, separated
// by spaces and commas.
func appendWordSpans(out []Span, t string) []Span {
	start := -1
	for i := 0; i <= len(t); i++ {
		if i == len(t) || t[i] == ' ' || t[i] == ',' {
			if start >= 0 {
				out = append(out, Span{start, i})
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	return out
}

// isVolumeDesignation reports whether t names a volume: "Vol. 2", "vol.
// II", "Bd. 3", "t. IV".
func isVolumeDesignation(t string) bool {
	w, num, ok := strings.Cut(strings.TrimSpace(t), " ")
	if !ok || !volumeWords[strings.TrimRight(lower(w), ".")] {
		return false
	}
	num = strings.TrimRight(num, ".")
	return allDigits(num) || isRoman(lower(num))
}
