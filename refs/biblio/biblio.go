package biblio

import "github.com/ibid-project/ibid/refs/text"

// Heading is a structural heading inside a bibliography ("I. Works by
// Victor Serge", "A. Theses", "Newspapers").
type Heading struct {
	Line  int    // 1-based source line
	Level int    // 1 for the outermost kind of heading, 2 for the next ...
	Label string // the printed label without punctuation: "I", "A", "1", "a", "" ...
	Title string // the heading text without its label
}

// Entry is one reference of a bibliography.
type Entry struct {
	Line, EndLine int // 1-based, first and last source line of the entry
	// Lines lists every source line holding text of this entry (wrapped
	// and page-split lines joined).
	Lines []int
	// Section holds the headings above the entry as printed, outermost
	// first.
	Section []string
	// Group is the header that owns the entry: a periodical's name above
	// its articles, or a numbered item above its "- " sub-items; "" if none.
	Group string
	// Lead is a lead-in line inside a group ("Excerpts ... printed in the
	// following:") that the entry falls under; "" if none.
	Lead string
	// Label is the entry's own printed number, letter or dash ("12", "b",
	// "-"); "" if none.
	Label string
	// Raw is the entry text, label removed, lines joined with one space.
	// Ditto marks ("———.") stay in Raw; Author says whom they stand for.
	Raw string
	// Author is the inherited author for a same-author continuation
	// ("———.", "- ", or an author-less line after an author's entry); ""
	// when the entry names its own author or has none.
	Author string
}

// Bibliography is one bibliography section of a document.
type Bibliography struct {
	Heading  string // the heading text found ("BIBLIOGRAPHY", "Works Cited" ...)
	Line     int    // line of that heading
	EndLine  int    // last line that belongs to the bibliography
	Headings []Heading
	Entries  []Entry
}

// Find locates the bibliography sections of t (usually one; some documents
// have one per chapter) and parses their structure. skip may be nil; it
// reports lines that belong to notes, which are read as if blank.
func Find(t *text.Text, skip func(line int) bool) []Bibliography {
	if t == nil || len(t.Lines) == 0 {
		return nil
	}
	d := newDoc(t, skip)
	var out []Bibliography
	from := 0
	for _, c := range d.candidates() {
		if c < from {
			continue // a weaker title inside a bibliography already found
		}
		b, ok := d.parse(c)
		if !ok {
			continue
		}
		out = append(out, b)
		from = b.EndLine // 1-based end = 0-based index of the next line
	}
	return out
}

// Contains reports whether a 1-based line lies inside any of bs.
func Contains(bs []Bibliography, line int) bool {
	for _, b := range bs {
		if line >= b.Line && line <= b.EndLine {
			return true
		}
	}
	return false
}
