package notes

import (
	"strings"

	"github.com/ibid-project/ibid/refs/text"
)

// doc is the document as the finders see it: 0-based lines, page breaks
// and the lines to leave alone.
type doc struct {
	lines     []string
	pageBreak []bool
	skip      []bool
	// headings caches isHeading by line, each line told when first
	// asked: most lines are never asked about (0 not yet told)
	headings []lineHeading
}

func newDoc(t *text.Text, skip func(line int) bool) *doc {
	d := &doc{}
	if t == nil {
		return d
	}
	d.lines = t.Lines
	d.pageBreak = make([]bool, len(t.Lines))
	copy(d.pageBreak, t.PageBreak)
	d.skip = make([]bool, len(t.Lines))
	if skip != nil {
		for i := range d.skip {
			d.skip[i] = skip(i + 1)
		}
	}
	return d
}

// blank reports whether line i (0-based) is empty or outside the document.
func (d *doc) blank(i int) bool {
	return i < 0 || i >= len(d.lines) || strings.TrimSpace(d.lines[i]) == ""
}

// paragraphStart reports whether line i opens a paragraph: it follows a blank
// line, starts the document or starts a page.
func (d *doc) paragraphStart(i int) bool {
	return i == 0 || d.blank(i-1) || d.pageBreak[i]
}

// builder collects the notes of one finder.
type builder struct {
	notes    []Note
	noteLine []bool
	parts    [][]string // text parts of each note
}

func newBuilder(d *doc) *builder {
	return &builder{noteLine: make([]bool, len(d.lines))}
}

// start opens a note at 0-based line i and returns its index.
func (b *builder) start(i int, label string, number int, text string) int {
	b.notes = append(b.notes, Note{Label: label, Number: number, Line: i + 1, EndLine: i + 1, Markers: []int{}})
	b.parts = append(b.parts, nil)
	k := len(b.notes) - 1
	b.noteLine[i] = true
	b.add(k, i, text)
	return k
}

// add appends line i (0-based) holding text to note k.
func (b *builder) add(k, i int, text string) {
	b.noteLine[i] = true
	n := &b.notes[k]
	if i+1 > n.EndLine {
		n.EndLine = i + 1
	}
	text = strings.TrimSpace(text)
	if text == "" {
		return
	}
	if len(n.Lines) == 0 || n.Lines[len(n.Lines)-1] != i+1 {
		n.Lines = append(n.Lines, i+1)
	}
	b.parts[k] = append(b.parts[k], text)
}

// mark records line i as a note line that holds no note text (a tag, a rule
// or a heading); when k ≥ 0 the note's end moves there.
func (b *builder) mark(k, i int) {
	b.noteLine[i] = true
	if k >= 0 && i+1 > b.notes[k].EndLine {
		b.notes[k].EndLine = i + 1
	}
}

// result joins the text parts and returns the notes and note lines.
func (b *builder) result() ([]Note, []bool) {
	for k := range b.notes {
		b.notes[k].Text = strings.Join(b.parts[k], " ")
		if b.notes[k].Lines == nil {
			b.notes[k].Lines = []int{}
		}
	}
	return b.notes, b.noteLine
}

// lastWithLabel returns the index of the latest note labelled label among
// the last within notes, or -1.
func (b *builder) lastWithLabel(label string, within int) int {
	for k := len(b.notes) - 1; k >= 0 && k >= len(b.notes)-within; k-- {
		if b.notes[k].Label == label {
			return k
		}
	}
	return -1
}
