package refs

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/refs/text"
)

// group is one bracketed or parenthesised stretch of text.
type group struct {
	open       byte // '(' or '['
	start, end int  // byte offsets of the delimiters (end exclusive)
	inner      string
}

// groups returns the top-level (…) and […] groups of s.
func groups(s string) []group {
	var out []group
	depth, start := 0, 0
	var open byte
	nextParen, nextBracket := -1, -1 // the next "(" and "[" (see nextByte)
	for i := 0; i < len(s); i++ {
		if depth == 0 {
			// outside a group only an opening matters: jump to the next
			nextParen = nextByte(s, i, '(', nextParen)
			nextBracket = nextByte(s, i, '[', nextBracket)
			if i = min(nextParen, nextBracket); i == len(s) {
				return out
			}
		}
		c := s[i]
		switch {
		case depth == 0 && (c == '(' || c == '['):
			depth, start, open = 1, i, c
		case depth > 0 && c == open:
			depth++
		case depth > 0 && c == closer(open):
			depth--
			if depth == 0 {
				out = append(out, group{open: open, start: start, end: i + 1, inner: s[start+1 : i]})
			}
		}
	}
	return out
}

// markdownPlain undoes Markdown's escapes and emphasis in body text, so
// that "\\[1, p. 19\\]" and "(*Title* 12)" read as printed.
var markdownPlain = strings.NewReplacer(`\[`, "[", `\]`, "]", `\(`, "(", `\)`, ")", `\*`, "*", `\_`, "_", "*", "")

// mergeAdjacent joins numeric groups printed side by side ("[1], [6],
// [8]", "[1]–[3]") into one citation group, as a style prints one.
func mergeAdjacent(s string, gs []group) []group {
	var out []group
	for _, g := range gs {
		if n := len(out); n > 0 && g.open == '[' && out[n-1].open == '[' {
			between := strings.TrimSpace(s[out[n-1].end:g.start])
			if between == "," || between == "" || between == "–" || between == "-" || between == "and" {
				out[n-1].end = g.end
				out[n-1].inner = s[out[n-1].start+1 : g.end-1]
				continue
			}
		}
		out = append(out, g)
	}
	return out
}

// nextByte returns the offset of the first c in s at or after i, or
// len(s) when there is none; at is what it returned for an earlier i (-1
// at first), kept while it still lies ahead.
func nextByte(s string, i int, c byte, at int) int {
	if at >= i {
		return at
	}
	if k := strings.IndexByte(s[i:], c); k >= 0 {
		return i + k
	}
	return len(s)
}

// atoi is strconv.Atoi reporting success, without the error value Atoi
// allocates for the words that are no numbers (most of them).
func atoi(s string) (int, bool) {
	digits := s
	if digits != "" && (digits[0] == '+' || digits[0] == '-') {
		digits = digits[1:]
	}
	if digits == "" || strings.Trim(digits, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

func closer(open byte) byte {
	if open == '(' {
		return ')'
	}
	return ']'
}

// findInText scans the body (lines that are neither notes nor bibliography)
// for citation groups and resolves them against the bibliography; in
// documents whose notes hold parenthetical citations (MLA, APA), those are
// resolved too.
func findInText(t *text.Text, doc *Document, r *resolver, noteLine []bool, inBib func(int) bool) {
	if !r.hasBib {
		return
	}
	labels := numericLabels(doc)
	noteStyle := notesCite(doc)
	// Join runs of body lines into paragraphs so that groups may span
	// lines. A paragraph is only joined when a line of it opens a group:
	// most paragraphs of prose hold none.
	var para strings.Builder
	var starts []int // byte offset in para where each line starts
	var lines []int
	var pending []string // the paragraph's lines, trimmed (their numbers are in lines)
	opens := false       // whether a pending line holds "(" or "["
	flush := func() {
		if !opens {
			pending, lines = pending[:0], lines[:0]
			return
		}
		size := len(pending)
		for _, l := range pending {
			size += len(l)
		}
		para.Grow(size)
		for _, l := range pending {
			if para.Len() > 0 {
				para.WriteByte(' ')
			}
			starts = append(starts, para.Len())
			if strings.ContainsAny(l, `\*`) { // what markdownPlain replaces
				l = markdownPlain.Replace(l)
			}
			para.WriteString(l)
		}
		s := para.String()
		for _, g := range mergeAdjacent(s, groups(s)) {
			cs := r.resolveGroup(g, labels, noteStyle)
			if len(cs) == 0 {
				continue
			}
			first, last := lineAt(starts, lines, g.start), lineAt(starts, lines, g.end-1)
			for _, c := range cs {
				if w := r.workOf(c.Item); w != nil {
					r.markCited(w, first)
				}
			}
			doc.InText = append(doc.InText, InText{Kind: KindInText, Doc: doc.Name, Line: first, EndLine: last,
				Text: strings.Join(strings.Fields(s[g.start:g.end]), " "), Citations: cs})
		}
		para.Reset()
		starts, lines, pending, opens = starts[:0], lines[:0], pending[:0], false
	}
	for i, l := range t.Lines {
		ln := i + 1
		body := !(i < len(noteLine) && noteLine[i]) && !inBib(ln)
		if !body || strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		lines = append(lines, ln)
		l = strings.TrimSpace(l)
		pending = append(pending, l)
		// markdownPlain's unescaping keeps every bracket, adds none
		opens = opens || strings.ContainsAny(l, "([")
	}
	flush()

	// Parenthetical citations inside notes (author-date and MLA documents).
	if noteStyle {
		return
	}
	for i := range doc.Notes {
		n := &doc.Notes[i]
		if len(n.Citations) > 0 {
			continue
		}
		for _, g := range groups(n.Text) {
			for _, c := range r.resolveGroup(g, labels, false) {
				c.Form = bib.FormShort
				if w := r.workOf(c.Item); w != nil {
					r.cite(w, NoteRef{Seq: n.Seq, Number: n.Number}, n.Line)
				}
				n.Citations = append(n.Citations, c)
			}
		}
	}
}

func lineAt(starts, lines []int, off int) int {
	ln := 0
	for i, s := range starts {
		if s > off {
			break
		}
		ln = lines[i]
	}
	return ln
}

// notesCite reports whether the document cites in its notes (a note
// style): then body parentheses are commentary unless they hold a year or
// page.
func notesCite(doc *Document) bool {
	with := 0
	for i := range doc.Notes {
		if len(doc.Notes[i].Citations) > 0 {
			with++
		}
	}
	return with > 0 && with*2 >= len(doc.Notes)
}

// numericLabels maps the printed numbers of a numbered reference list
// ("[12]", "12.") to entries, when the list is numbered.
func numericLabels(doc *Document) map[int]int {
	labels := map[int]int{}
	for i, e := range doc.Entries {
		l := strings.Trim(e.Label, "[]().")
		if n, ok := atoi(l); ok {
			labels[n] = i
		}
	}
	if len(labels) < len(doc.Entries)/2 || len(labels) == 0 {
		return nil
	}
	return labels
}

// resolveGroup resolves a group's citations, or returns nil when the group
// is not a citation.
func (r *resolver) resolveGroup(g group, labels map[int]int, strict bool) []Citation {
	if g.open == '[' {
		if labels == nil {
			return nil
		}
		return r.numericGroup(g.inner, labels)
	}
	var out []Citation
	for _, part := range strings.Split(g.inner, ";") {
		c, ok := r.authorDatePart(part, strict)
		if !ok {
			if len(out) == 0 {
				return nil // "(see below; 1921)" is commentary, not citations
			}
			continue
		}
		out = append(out, c)
	}
	return out
}

// numericGroup resolves "[3]", "[3, p. 12]", "[5, Sec. 7]" and merged
// runs of them ("1], [6], [8, p. 2" after mergeAdjacent).
func (r *resolver) numericGroup(inner string, labels map[int]int) []Citation {
	var out []Citation
	for part := range strings.FieldsFuncSeq(inner, func(c rune) bool { return c == '[' || c == ']' }) {
		part = strings.TrimSpace(part)
		if part == "," || part == "" || part == "–" || part == "-" || part == "and" {
			continue
		}
		num, rest := leadingInt(part)
		if num == 0 {
			return nil
		}
		idx, ok := labels[num]
		if !ok {
			return nil
		}
		c := Citation{Form: bib.FormInText, Text: "[" + part + "]"}
		setLocator(&c, strings.TrimLeft(rest, " ,"))
		out = append(out, *r.bind(&c, r.works[idx]))
	}
	return out
}

func leadingInt(s string) (int, string) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i > 4 {
		return 0, s
	}
	n, _ := strconv.Atoi(s[:i])
	return n, s[i:]
}

// authorDatePart resolves one citation of an author-date or author-page
// group: "Serge 1951, 71", "Kirmizialtin & Wrisley, 2022, p. 19",
// "Vázques de Parga et al., ch. 8", "“Defining Energy Access” 16–17",
// "see Dahn and Liefeld 519".
func (r *resolver) authorDatePart(part string, strict bool) (Citation, bool) {
	part = strings.TrimSpace(part)
	c := Citation{Form: bib.FormInText, Text: part}
	// Leading commentary ("see", "for the text, see", "cf.") ends where
	// the name or quoted title starts.
	start := -1
	if lowerCaseAuthorYear(part) {
		start = 0 // "hooks, 1990": an author who writes her name in lower case
	}
	for i, ch := range part {
		if start >= 0 {
			break
		}
		if unicode.IsUpper(ch) || ch == '“' || ch == '"' || ch == '‘' {
			start = i
			break
		}
	}
	if start < 0 {
		return c, false
	}
	if pre := strings.TrimSpace(strings.Trim(part[:start], " ,")); pre != "" {
		if utf8.RuneCountInString(pre) > 40 {
			return c, false
		}
		c.Prefix = strings.ToLower(pre)
	}
	body := part[start:]
	var title string
	if q := quoted(body); q != "" {
		title = q
		body = strings.Replace(body, q, "", 1)
	}
	// Split the name from year and locator at the first digit-led word.
	words := strings.Fields(body)
	var nameWords []string
	year, suffix := 0, ""
	k := 0
	for ; k < len(words); k++ {
		w := strings.Trim(words[k], ",.:")
		if i := strings.IndexAny(w, "–-"); i == 4 && year == 0 {
			w = w[:i] // a range of years ("1964–1976") is dated by its first
		}
		if y, ok := atoi(strings.TrimRight(w, "abcdef")); ok && y >= 1400 && y <= 2100 && len(w) >= 4 && year == 0 && !locatorWord(words, k) {
			year = y
			suffix = strings.TrimLeft(w, "0123456789") // "2016b"
			continue
		}
		if w != "" && (w[0] >= '0' && w[0] <= '9' || isLocatorLabel(w)) {
			break
		}
		if year != 0 {
			break
		}
		nameWords = append(nameWords, words[k])
	}
	loc := strings.TrimSpace(strings.Trim(strings.Join(words[k:], " "), ", "))
	name := strings.Trim(strings.Join(nameWords, " "), " ,")
	// "Stern, Title 12": a short title after the author; "Le Carré, with
	// further references": commentary after the author, lower case.
	if title == "" {
		if i := strings.Index(name, ","); i > 0 {
			rest := strings.TrimSpace(name[i+1:])
			if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsLower(r) {
				title = rest
			}
			name = name[:i]
		}
	}
	if strict && year == 0 && loc == "" {
		return c, false
	}
	q := query{year: year, authorOnly: true}
	for _, w := range bib.Words(name) {
		if w == "et" || w == "al" || w == "and" || bib.IsStopword(w) || len(w) < 2 {
			continue
		}
		q.families = append(q.families, w)
	}
	q.title = bib.SignificantWords(title)
	if len(q.families) == 0 && len(q.title) == 0 {
		return c, false
	}
	w := r.bestEntry(q, suffix)
	if w == nil {
		return c, false
	}
	setLocator(&c, loc)
	return *r.bind(&c, w), true
}

// lowerCaseAuthorYear reports a group part that opens with one lower-case
// name and a year ("hooks, 1990", "hooks 1990, 23"), not with a signal
// ("see 1990", "cf. 1921").
func lowerCaseAuthorYear(part string) bool {
	first, rest, ok := strings.Cut(part, " ")
	name := strings.TrimRight(first, ",")
	if !ok || len(name) < 2 || !isLowerWord(name) || signalWords[name] {
		return false
	}
	year, _, _ := strings.Cut(strings.TrimSpace(rest), ",")
	y, ok := atoi(strings.TrimRight(year, "abcdef"))
	return ok && y >= 1400 && y <= 2100
}

// signalWords open a citation group's commentary, never a name.
var signalWords = map[string]bool{"see": true, "cf": true, "cf.": true, "also": true, "in": true, "and": true,
	"e.g.": true, "eg": true, "i.e.": true, "ibid": true, "ibid.": true, "but": true, "with": true, "from": true}

// isLowerWord reports whether w is letters, all lower case.
func isLowerWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return w != ""
}

func locatorWord(words []string, k int) bool {
	return k > 0 && isLocatorLabel(strings.Trim(words[k-1], ",."))
}

func isLocatorLabel(w string) bool {
	switch strings.ToLower(strings.TrimRight(w, ".")) {
	case "p", "pp", "ch", "chap", "sec", "n", "nn", "fig", "vol", "para", "s", "line", "l", "col", "art", "bk", "pt", "no":
		return true
	}
	return false
}

// quoted returns the text of the first quoted title in s, quotes included.
func quoted(s string) string {
	for _, pair := range [][2]string{{"“", "”"}, {"\"", "\""}, {"‘", "’"}} {
		i := strings.Index(s, pair[0])
		if i < 0 {
			continue
		}
		j := strings.Index(s[i+len(pair[0]):], pair[1])
		if j < 0 {
			continue
		}
		return s[i : i+len(pair[0])+j+len(pair[1])]
	}
	return ""
}

// bestEntry resolves an author-date query among bibliography entries: the
// author's only work, or the one whose year or title fits. Among works of
// one year, the one the cited name opens wins (an edited volume over the
// chapters its editor's name also heads), and a year's letter ("2016b")
// picks by the order of the reference list, which lists a, b, c in turn.
func (r *resolver) bestEntry(q query, suffix string) *work {
	top := tied(r.lx.match(q), func(c *candidate) bool { return c.w.entry >= 0 })
	if len(top) > 1 && q.year != 0 {
		top = keep(top, func(c *candidate) bool { return c.year == q.year })
	}
	if len(top) > 1 && len(q.families) > 0 {
		if first := keep(top, func(c *candidate) bool { return containsWord(c.first, q.families[0]) }); len(first) > 0 {
			top = first
		}
	}
	if len(top) > 1 && len(suffix) == 1 {
		sort.Slice(top, func(i, j int) bool { return top[i].w.entry < top[j].w.entry })
		if k := int(suffix[0] - 'a'); k < len(top) {
			return top[k].w
		}
	}
	if len(top) != 1 {
		return nil
	}
	return top[0].w
}

// keep returns the candidates ok accepts.
func keep(cs []*candidate, ok func(*candidate) bool) []*candidate {
	var out []*candidate
	for _, c := range cs {
		if ok(c) {
			out = append(out, c)
		}
	}
	return out
}

// workOf returns the work a citation's item belongs to, or nil.
func (r *resolver) workOf(it *bib.Item) *work { return r.byItem[it] }

func (r *resolver) markCited(w *work, line int) {
	if !w.cited {
		w.cited, w.firstLine = true, line
	}
}
