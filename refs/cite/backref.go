package cite

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/ibid-project/ibid/internal/textscan"
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
//
// The words are read one after the other without being gathered first:
// most citations hold no back-reference, and a word that cannot open one
// (mayOpenBackForm, mayStartBackForm) needs no look at the words after it.
func findBackRef(s string) (form string, start, end int) {
	for i := 0; ; {
		ws, we := nextBackWord(s, i)
		if ws == len(s) {
			return "", 0, 0
		}
		i = we
		if c := s[ws]; c < utf8.RuneSelf && c != '*' && c != '_' && !backFormOpeners[foldByte(c)] {
			continue // mayOpenBackForm, told inline for most words
		}
		if w := s[ws:we]; !mayOpenBackForm(w) && !onlyEmphasis(w) || !mayStartBackForm(w) {
			// the word opens no back-reference, whatever words follow it
			continue
		}
		var words [3]Span // the word and the two after it, as there are
		words[0] = Span{ws, we}
		n := 1
		for j := we; n < len(words); n++ {
			a, b := nextBackWord(s, j)
			if a == len(s) {
				break
			}
			words[n] = Span{a, b}
			j = b
		}
		for take := n; take >= 1; take-- {
			a, b := words[0], words[take-1]
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
}

// onlyEmphasis reports whether w is Markdown emphasis marks alone.
func onlyEmphasis(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] != '*' && w[i] != '_' {
			return false
		}
	}
	return true
}

// nextBackWord returns the span of the first word of s at or after i, the
// words being separated by spaces and commas; start is len(s) when no word
// is left.
func nextBackWord(s string, i int) (start, end int) {
	for i < len(s) && backWordSep[s[i]] {
		i++
	}
	start = i
	for i < len(s) && !backWordSep[s[i]] {
		i++
	}
	return start, i
}

// backWordSep holds the bytes that separate words for nextBackWord.
var backWordSep = [256]bool{' ': true, ',': true}

// backFormPrefixes holds every leading part of the written
// back-references ("o", "op", "op.", "op.c", …).
var backFormPrefixes = func() map[string]bool {
	set := map[string]bool{}
	for k := range backForms {
		for n := 1; n <= len(k); n++ {
			set[k[:n]] = true
		}
	}
	return set
}()

// backFormPairs holds the first two letters of the written
// back-references: bit b%64 of backFormPairs[a][b/64] is set for "ab".
var backFormPairs = func() (set [utf8.RuneSelf][2]uint64) {
	for k := range backForms {
		if a, b := k[0], k[1]; a < utf8.RuneSelf && b < utf8.RuneSelf {
			set[a][b/64] |= 1 << (b % 64)
		}
	}
	return set
}()

// isClosingMark reports the marks mayStartBackForm cuts off a word's end.
func isClosingMark(c byte) bool {
	switch c {
	case '*', '_', ',', ';', ':', '.':
		return true
	}
	return false
}

// mayStartBackForm is a quick test of a phrase's first word before the
// phrase is looked up: lower-cased, without its leading Markdown emphasis
// and its closing punctuation ("*Op.", "ibid.;"), an ASCII word must be a
// leading part of a written back-reference. Whatever words follow, the
// phrase lookupBackForm reads opens with these letters, as neither its
// trimming nor its dropped or added final period reaches into them. A
// word outside ASCII, or one of punctuation only, is not told by this test.
func mayStartBackForm(w string) bool {
	for w != "" && (w[0] == '*' || w[0] == '_') {
		w = w[1:]
	}
	for w != "" && isClosingMark(w[len(w)-1]) {
		w = w[:len(w)-1]
	}
	if w == "" || !textscan.IsASCII(w) {
		return true
	}
	if len(w) > longestBackForm {
		return false // longer than any back-reference
	}
	if len(w) >= 2 {
		// most words are told by their first two letters alone
		a, b := foldByte(w[0]), foldByte(w[1])
		if backFormPairs[a][b/64]&(1<<(b%64)) == 0 {
			return false
		}
	}
	var buf [32]byte // on the stack: only looked up
	return backFormPrefixes[string(lowerASCII(buf[:0], w))]
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
