package biblio

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ibid-project/ibid/internal/textscan"
)

// unit is a logical line of a bibliography: an entry, heading or
// paragraph with its wrapped and page-split lines joined.
type unit struct {
	lines []int // 0-based source lines
	parts []string
	label label
	text  string // label removed, parts joined
	first string // the first source line as printed (label included)
	// labelledStart is set when the unit begins with a label.
	indent int
}

// layout is how a bibliography region sets its entries.
type layout struct {
	hanging bool // entries hang: continuation lines are indented
	wrapped bool // lines are filled to a width (at most 100 characters)
}

// measure decides the layout of lines [from, to).
func (d *doc) measure(from, to int) layout {
	var n, indented, long int
	var lens []int
	for i := from; i < to; i++ {
		l := d.lines[i]
		if l.blank {
			continue
		}
		n++
		if l.indent >= 2 && l.indent <= 12 {
			indented++
		}
		if w := runes(l.text) + l.indent; w > 100 {
			long++
		} else {
			lens = append(lens, w)
		}
	}
	if n == 0 {
		return layout{}
	}
	width := 0 // the fill width: the 90th percentile of line lengths
	if len(lens) > 0 {
		sort.Ints(lens)
		width = lens[len(lens)*9/10]
	}
	// Filled text: a line followed by another line of the same paragraph
	// was broken because the next word did not fit.
	var pairs, filled int
	for i := from; i+1 < to; i++ {
		a, b := d.lines[i], d.lines[i+1]
		if a.blank || b.blank || runes(a.text) > 100 {
			continue
		}
		if lab, _ := parseLabel(b.text); lab.kind != kindNone {
			continue
		}
		pairs++
		if runes(a.text)+a.indent+1+runes(firstWord(b.text)) > width-2 {
			filled++
		}
	}
	return layout{
		hanging: indented >= 2 && indented*100 >= n*15,
		wrapped: long*100 <= n*5 && filled*10 >= pairs*8,
	}
}

func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i > 0 {
		return s[:i]
	}
	return s
}

// units joins the lines [from, to) into units. It stops early at a block
// of "[1] ..." note paragraphs that follows the entries; the returned
// index is where the bibliography's text ends.
func (d *doc) units(from, to int) ([]unit, int) {
	lay := d.measure(from, to)
	var us []unit
	var cur *unit
	prev := -1 // previous text line
	bracketed := false
	for i := from; i < to; i++ {
		l := d.lines[i]
		if l.blank {
			continue
		}
		lab, rest := parseLabel(l.text)
		if lab.kind == kindBracket && lab.text == "1" && len(us) > 0 && (!bracketed || hasBracketOne(us)) &&
			!(cur != nil && headerLike(cur.parts)) {
			if cur != nil {
				us = append(us, *cur)
			}
			joinUnits(us)
			return us, i // notes after the bibliography
		}
		if cur != nil && d.continues(lay, cur, prev, i, lab) {
			cur.lines = append(cur.lines, i)
			cur.parts = append(cur.parts, l.text)
			prev = i
			continue
		}
		if cur != nil {
			us = append(us, *cur)
		}
		if lab.kind == kindBracket {
			bracketed = true
		}
		cur = &unit{lines: []int{i}, parts: []string{rest}, label: lab, first: l.text, indent: l.indent}
		prev = i
	}
	if cur != nil {
		us = append(us, *cur)
	}
	joinUnits(us)
	return us, to
}

func joinUnits(us []unit) {
	for k := range us {
		us[k].text = joinParts(us[k].parts)
	}
}

func hasBracketOne(us []unit) bool {
	for _, u := range us {
		if u.label.kind == kindBracket && u.label.text == "1" {
			return true
		}
	}
	return false
}

// continues reports whether line i continues the unit cur, whose last line
// is prev.
func (d *doc) continues(lay layout, cur *unit, prev, i int, lab label) bool {
	l := d.lines[i]
	gap := i - prev - 1 // blank, page-number and skipped lines between
	if d.isHeadingLine(i) {
		return false
	}
	if lay.hanging {
		return l.indent >= 2 && l.indent > cur.indent && (lab.kind == kindNone || gap == 0 && lab.kind != kindDash)
	}
	if isDitto(l.text) {
		return false
	}
	last := d.lines[prev].text
	if gap == 0 && lay.wrapped {
		// Inside a filled paragraph only a label of the paragraph's own
		// kind (a tight list) or a bullet starts a new item: "J. Malherbe"
		// at the start of a line is a wrapped name.
		if lab.kind == kindNone {
			return !startsNewEntry(cur, last, l.text)
		}
		return lab.kind != cur.label.kind && lab.kind != kindDash && lab.kind != kindBracket
	}
	if lab.kind != kindNone {
		return false
	}
	if gap == 0 {
		// A short block of similar lines may be one hand-wrapped entry, but
		// not when a line closes a dated reference and the next opens with
		// its own "Surname," (one entry per line, no blank lines between).
		return continuesLine(last, l.text) || d.manualWrap(prev, i) && !startsNewEntry(cur, last, l.text)
	}
	// After a blank (a page break in typed text): a numbered entry cut off
	// mid-phrase continues.
	if lay.wrapped || cur.label.kind == kindNone || cur.label.kind == kindDash || labelledHeading(cur.parts) {
		return false
	}
	return unfinished(last) || startsLower(l.text) ||
		strings.HasSuffix(last, ",") && textscan.FieldCount(l.text) <= 4 // "…, Harbour Press," / "Boston, 1933."
}

// headerLike reports a one-line unit that could head what follows: short,
// no year.
func headerLike(parts []string) bool {
	return len(parts) == 1 && textscan.FieldCount(parts[0]) <= 8 && !hasYear(parts[0])
}

// isHeadingLine reports a Markdown heading, which never continues an entry.
func (d *doc) isHeadingLine(i int) bool { return d.markdown && markdownLevel(d.lines[i].text) > 0 }

// continuesLine reports the typed-text signs that next continues last: a
// lower-case start, or last ending with a comma, an open parenthesis, a
// hyphen, a connecting word.
func continuesLine(last, next string) bool {
	if startsLower(next) {
		return true
	}
	if strings.Count(last, "(") > strings.Count(last, ")") {
		return true
	}
	return strings.HasSuffix(last, ",") || strings.HasSuffix(last, "-") || strings.HasSuffix(last, "&") ||
		endsWithConnector(last)
}

// manualWrap reports a short block of lines typed with hard line breaks:
// lines prev and i lie in a block of at most five lines whose lines, but
// the last, are 35 to 80 characters long and at least as long as the last.
func (d *doc) manualWrap(prev, i int) bool {
	start := prev
	for start > 0 && !d.lines[start-1].blank {
		start--
	}
	end := i
	for end+1 < len(d.lines) && !d.lines[end+1].blank {
		end++
	}
	if end-start+1 > 5 {
		return false
	}
	lastLen := runes(d.lines[end].text)
	for k := start; k < end; k++ {
		n := runes(d.lines[k].text)
		if n < 35 || n > 80 || n < lastLen {
			return false
		}
	}
	return true
}

// connectors are words that do not end a typed line of a reference.
var connectors = map[string]bool{
	"a": true, "an": true, "and": true, "the": true, "of": true, "in": true, "on": true, "to": true,
	"for": true, "with": true, "by": true, "de": true, "la": true, "le": true, "les": true, "los": true,
	"las": true, "del": true, "des": true, "du": true, "et": true, "y": true, "un": true, "une": true,
	"en": true, "und": true, "der": true, "die": true, "das": true, "von": true, "zu": true,
}

func endsWithConnector(s string) bool {
	f := strings.Fields(s)
	return len(f) > 1 && connectors[strings.ToLower(f[len(f)-1])]
}

// unfinished reports text cut off mid-phrase: it ends in a word or a
// comma-less number, not in closing punctuation, and not in an address.
func unfinished(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	if !unicode.IsLetter(r) {
		return false
	}
	f := strings.Fields(s)
	lastWord := f[len(f)-1]
	return !strings.Contains(lastWord, "/") && !strings.Contains(lastWord, "@")
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// joinParts joins the lines of a unit with one space; a line that ends
// in a hyphen after a letter or digit ("Wermer-" "Colan", "1923-" "27")
// is joined without one.
func joinParts(parts []string) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 && !brokenAtHyphen(parts[i-1]) {
			b.WriteByte(' ')
		}
		b.WriteString(p)
	}
	return collapseSpaces(b.String())
}

func brokenAtHyphen(s string) bool {
	if !strings.HasSuffix(s, "-") || strings.HasSuffix(s, "--") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(s, "-"))
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// collapseSpaces turns every run of spaces and tabs into one space and
// trims the ends; non-breaking spaces are kept, as printed.
func collapseSpaces(s string) string {
	if !utf8.ValidString(s) {
		return collapseSpacesByRune(s)
	}
	// In valid UTF-8 no byte of a longer rune is a space or a tab: the
	// bytes are copied as they are, and a text already collapsed is kept.
	if !strings.Contains(s, "  ") && strings.IndexByte(s, '\t') < 0 && strings.TrimLeft(s, " ") == s && strings.TrimRight(s, " ") == s {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == ' ' || c == '\t' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteByte(s[i])
	}
	return b.String()
}

// collapseSpacesByRune is collapseSpaces read rune by rune: an invalid
// byte becomes U+FFFD.
func collapseSpacesByRune(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// startsNewEntry reports a line of filled text that begins a new entry
// although no blank line separates it: the entry so far has a year and
// ends with a period, and the line opens with an author name and a comma,
// inverted ("Doe, Jane.") or two words in direct order ("Pedro Gil, June
// 3, 1990"; not "Cambridge University Press, 1983").
func startsNewEntry(cur *unit, last, next string) bool {
	if !strings.HasSuffix(last, ".") || !hasYear(strings.Join(cur.parts, " ")) {
		return false
	}
	author, sur, ok := ownAuthor(next)
	direct := len(strings.Fields(author)) == 2 && strings.HasPrefix(next, author+",")
	return ok && (strings.HasPrefix(next, sur+",") || direct)
}
