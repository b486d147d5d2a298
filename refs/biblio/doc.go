// Package biblio finds a document's bibliography and reads its structure:
// the headings inside it, its entries (numbered, lettered, dashed or plain
// hanging-indent paragraphs, wrapped and page-split lines joined), the
// group headers that own entries (a periodical above its articles, a
// collection above its letters) and the author a same-author continuation
// ("———.", "- ", an author-less title under an author's entry) inherits.
//
// Rules, as a bibliographer reads a printed list:
//
//   - The section starts at a heading line that is exactly a bibliography
//     title (English, French, German or Spanish, any case, optionally
//     numbered or a Markdown heading); table-of-contents lines (dot leaders,
//     a tab, or a gap and a page number) are not sections. It ends at a
//     Notes, Index or Appendix heading, a chapter heading, a Markdown
//     heading of its level, a block of "[1] ..." note paragraphs after
//     unnumbered (or renumbered) entries, Markdown footnote definitions, or
//     the document's end. A candidate followed by fewer than two entries is
//     not a bibliography (unless it runs to the end and has one). Weak
//     titles ("Sources", "Literatur") inside a bibliography are subheadings.
//   - A labelled line (roman numeral, capital letter, number, lower-case
//     letter) is a heading when its text is short and title-like: one line,
//     at most 16 words, no digits, no quotation marks, not ending in a
//     period, comma, semicolon or colon. Otherwise it is a numbered entry
//     (a capital "R." that is no heading is an initial). A lone I, V or X
//     continues whichever sequence it fits ("I." after "H." is a letter).
//     Heading levels follow the order in which label kinds first appear.
//   - An unlabelled one-line title (at most eight words, no digits, commas
//     or quotation marks) followed by an entry is a plain heading
//     ("Newspapers"). A short name, optionally with years but with no day,
//     month, volume or page, followed by two quoted article titles is a
//     group header (a periodical); once a section has one, its other
//     header-shaped lines followed by an entry are group headers too. A
//     "(description)" right under a group header is skipped; a line ending
//     in ":" is a lead-in (inside a group) or a group header.
//   - A numbered entry followed by "- " items owns them as sub-items; the
//     sub-list runs until the next labelled item or heading.
//   - Prose is not an entry: an unlabelled paragraph that does not start
//     with an author's name, of eight or more words, mostly lower-case, that
//     either has no year, quotation mark or parenthesis, or has two or more
//     sentences and 25 or more words.
//   - Entries are joined from lines as the layout shows: in hanging-indent
//     text an indented line continues the entry above; in filled text
//     (lines of at most 100 characters broken where the next word would not
//     fit) the lines of a blank-separated paragraph are one entry unless a
//     line opens with an inverted author name after a finished entry; in
//     typed text (one paragraph per line, as OCR'd theses are) a line
//     continues the one above when it starts in lower case, the line above
//     ends with a comma, an open parenthesis, a hyphen or a function word,
//     or the pair is a short manual wrap; and a numbered entry cut off
//     without final punctuation (or after a comma, before a fragment of at
//     most four words) continues after a blank line (a page break).
//     Page-number lines, rules and form feeds are skipped.
//   - Same-author continuations: "———", "---" and "___" ditto marks always
//     inherit the author of the entry above (or its first element when it
//     names no person); a "- " item that does not start with a name
//     inherits too; an unlabelled line without a name under a numbered
//     author entry inherits; and in a list that is mostly in alphabetical
//     order (60% or more of its entries in order), an unlabelled line that
//     breaks that order inherits the author of the entry above. Group
//     members and numbered entries never inherit. The inherited author is
//     the name list without a role such as "ed.".
package biblio

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ibid-project/ibid/refs/text"
)

// line is one source line as the parser sees it.
type line struct {
	text   string // trimmed; Markdown reduced to plain text in Markdown documents
	indent int    // leading spaces (a tab counts 4)
	blank  bool   // empty, a page number, a rule, or a skipped (note) line
}

// doc is a document prepared for parsing.
type doc struct {
	lines     []line
	pageBreak []bool
	markdown  bool // the document uses Markdown headings
}

func newDoc(t *text.Text, skip func(int) bool) *doc {
	d := &doc{lines: make([]line, len(t.Lines)), pageBreak: t.PageBreak}
	for i, raw := range t.Lines {
		if markdownLevel(raw) > 0 && isBibTitle(raw) {
			d.markdown = true
		}
		ind, s := indentOf(raw)
		l := line{text: s, indent: ind}
		l.blank = s == "" || isRule(s) || (skip != nil && skip(i+1))
		d.lines[i] = l
	}
	for i := range d.lines {
		if !d.lines[i].blank && isPageNumber(d.lines[i].text) && d.alone(i) {
			d.lines[i].blank = true
		}
	}
	if d.markdown {
		for i := range d.lines {
			if !d.lines[i].blank {
				d.lines[i].text = strings.TrimSpace(markdownPlain(d.lines[i].text))
				d.lines[i].blank = d.lines[i].text == ""
			}
		}
	}
	return d
}

// indentOf returns the width of the leading white space of s and s
// trimmed on both sides.
func indentOf(s string) (int, string) {
	n := 0
	for i, r := range s {
		switch r {
		case ' ', '\u00a0':
			n++
		case '\t':
			n += 4
		default:
			return n, strings.TrimRightFunc(s[i:], unicode.IsSpace)
		}
	}
	return n, ""
}

// alone reports a line set apart as page furniture is: centred (deeply
// indented), or with no text line directly above and below it.
func (d *doc) alone(i int) bool {
	if d.lines[i].indent >= 8 {
		return true
	}
	above := i == 0 || d.lines[i-1].text == "" || d.pageBreak[i]
	below := i+1 >= len(d.lines) || d.lines[i+1].text == "" || d.pageBreak[i+1]
	return above && below
}

// isPageNumber reports a line that is only a page number: "12", "- 12 -",
// "[12]", "(12)", "Page 12", "xiv".
func isPageNumber(s string) bool {
	if len(s) > 12 {
		return false
	}
	switch {
	case len(s) >= 4 && strings.HasPrefix(s, "- ") && strings.HasSuffix(s, " -"):
		s = strings.TrimSpace(s[2 : len(s)-2])
	case strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]"), strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")"):
		s = s[1 : len(s)-1]
	}
	if low := strings.ToLower(s); strings.HasPrefix(low, "page ") {
		s = strings.TrimSpace(s[5:])
	}
	if s == "" || len(s) > 5 {
		return false
	}
	if allDigits(s) {
		return true
	}
	return strings.Trim(s, "ivxlc") == "" && s != "i" && s != "c" && s != "l"
}

// isRule reports a line of only rule characters (a footnote separator);
// ditto marks are shorter and followed by text.
func isRule(s string) bool {
	if r, _ := utf8.DecodeRuneInString(s); !strings.ContainsRune("-_—–=*·", r) || utf8.RuneCountInString(s) < 5 {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("-_—–=*·", r) && r != ' ' {
			return false
		}
	}
	return true
}

// runes is the length of s in characters.
func runes(s string) int { return utf8.RuneCountInString(s) }
