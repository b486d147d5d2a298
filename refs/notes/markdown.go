package notes

import "strings"

// findMarkdown reads pandoc Markdown footnote definitions: "[^label]: text"
// with continuation lines indented (or lazily unindented until a blank
// line), and further paragraphs indented. Numeric labels keep their value;
// when any label is not a number, notes are numbered in definition order.
// The note text is given as plain text (see markdownPlain).
func findMarkdown(d *doc) ([]Note, []bool) {
	b := newBuilder(d)
	cur := -1
	for i := 0; i < len(d.lines); i++ {
		if d.skip[i] {
			cur = -1
			continue
		}
		line := d.lines[i]
		if strings.TrimSpace(line) == "" {
			continue
		}
		if label, rest, ok := markdownDefinition(line); ok {
			cur = b.start(i, label, 0, rest)
			continue
		}
		if cur >= 0 && (!d.paragraphStart(i) || leadingSpaces(line) >= 4 || strings.HasPrefix(line, "\t")) {
			b.add(cur, i, strings.TrimSpace(line))
			continue
		}
		cur = -1
	}
	numeric := true
	for _, n := range b.notes {
		if labelNumber(n.Label) == 0 || len(n.Label) == 1 && n.Label[0] >= 'A' {
			numeric = false
		}
	}
	for k := range b.notes {
		if numeric {
			b.notes[k].Number = labelNumber(b.notes[k].Label)
		} else {
			b.notes[k].Number = k + 1
		}
	}
	notes, noteLine := b.result()
	for k := range notes {
		notes[k].Text = markdownPlain(notes[k].Text)
	}
	return notes, noteLine
}

// markdownDefinition recognises "[^label]: text" at the start of a line.
func markdownDefinition(line string) (label, rest string, ok bool) {
	if !strings.HasPrefix(line, "[^") {
		return "", "", false
	}
	end := strings.Index(line, "]:")
	if end < 3 {
		return "", "", false
	}
	label = line[2:end]
	if strings.ContainsAny(label, " \t[]") {
		return "", "", false
	}
	return label, strings.TrimSpace(line[end+2:]), true
}
