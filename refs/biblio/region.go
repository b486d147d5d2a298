package biblio

import "strings"

// candidates returns the 0-based indexes of lines that are bibliography
// headings, in order.
func (d *doc) candidates() []int {
	var out []int
	for i, l := range d.lines {
		if l.blank || l.indent > 20 {
			continue
		}
		if d.markdown && markdownLevel(l.text) == 0 && !d.standalone(i) {
			continue
		}
		if len(l.text) <= 3*maxTitleRunes && d.standalone(i) && isBibTitle(l.text) {
			out = append(out, i)
		}
	}
	return out
}

// standalone reports a line with no text line directly above or below it
// (a setext underline or a page edge counts as a boundary).
func (d *doc) standalone(i int) bool {
	above := i == 0 || d.lines[i-1].blank || d.pageBreak[i]
	below := i+1 >= len(d.lines) || d.lines[i+1].blank || isRule(d.lines[i+1].text) ||
		(i+1 < len(d.pageBreak) && d.pageBreak[i+1]) || markdownLevel(d.lines[i].text) > 0
	return above && below
}

// end returns the 0-based index just past the bibliography that starts
// with the heading at line h.
func (d *doc) end(h int) int {
	level := markdownLevel(d.lines[h].text)
	strong := isStrongTitle(d.lines[h].text)
	for i := h + 1; i < len(d.lines); i++ {
		l := d.lines[i]
		if l.blank {
			continue
		}
		s := l.text
		if strings.HasPrefix(s, "[^") && strings.Contains(s, "]:") {
			return i // Markdown footnote definitions
		}
		if lv := markdownLevel(s); lv > 0 && level > 0 && lv <= level {
			return i
		}
		if !d.standalone(i) {
			continue
		}
		if isEndTitle(s) || isChapterHeading(s) || (strong && isStrongTitle(s)) {
			return i
		}
	}
	return len(d.lines)
}
