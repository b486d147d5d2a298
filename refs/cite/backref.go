package cite

import "strings"

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

// IsBackRef reports whether s is, or ends with, a back-reference to an
// earlier citation: "Ibid.", "Ibid., p. 72", "Serge, Ibid.", "Greeman,
// op. cit., p. 234", "loc. cit.". form is BackIbid, BackOpCit or
// BackLocCit.
func IsBackRef(s string) (form string, ok bool) {
	form, _, _ = findBackRef(s)
	return form, form != ""
}

// findBackRef finds the back-reference in a citation and the byte range
// of its words.
func findBackRef(s string) (form string, start, end int) {
	t := s
	if loc, rest := Locator(t); loc != "" {
		t = rest
	}
	t = strings.TrimRight(t, " .,;:")
	// the back-reference is the last one or two words: "Ibid", "op. cit"
	words := wordSpans(t)
	if len(words) == 0 {
		return "", 0, 0
	}
	for take := 1; take <= 3 && take <= len(words); take++ {
		a := words[len(words)-take]
		b := words[len(words)-1]
		phrase := lower(strings.ReplaceAll(t[a.Start:b.End], " ", ""))
		phrase = strings.TrimRight(phrase, ",")
		if f, ok := backForms[phrase]; ok {
			return f, a.Start, b.End
		}
		if f, ok := backForms[phrase+"."]; ok {
			return f, a.Start, b.End
		}
	}
	return "", 0, 0
}

// wordSpans returns the spans of the space-separated words of t.
func wordSpans(t string) []Span {
	var out []Span
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
