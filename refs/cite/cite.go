// Package cite reads reference strings — footnote citations and
// bibliography entries alike — into CSL-JSON items, and splits a footnote
// into the citations it holds. It knows the conventions of the common
// citation styles (Chicago notes and bibliography, MLA, APA, MHRA, IEEE,
// their French, German and Spanish variants) and of typewritten theses, by
// general rules rather than by style: names before titles, quoted titles
// of parts inside containers, publication blocks, dates, pinpoints.
package cite

import "github.com/ibid-project/ibid/bib"

// Kind says in which context a reference string was written.
type Kind int

const (
	// Entry is a bibliography entry: it has no locator and a trailing page
	// range belongs to the item.
	Entry Kind = iota
	// Note is a citation inside a footnote: a final page number after a
	// full reference is the pinpoint (locator).
	Note
)

// Span is a half-open range of byte offsets into a parsed string.
type Span struct{ Start, End int }

// Ref is one parsed reference string.
type Ref struct {
	// Item holds the CSL fields found; Type is always set.
	Item bib.Item
	// Spans maps a CSL field name ("author", "title", "issued", ...) to
	// where its value came from in the parsed string.
	Spans map[string]Span
	// Locator is the pinpoint as written in a citation ("p. 71", "71",
	// "ch. 8"), "" if none.
	Locator string
	// Rest is the commentary around the citation that is part of no field.
	Rest string
}

// Parse parses one reference string written in the given context. It
// never panics; unparseable input yields an item with only a type and
// perhaps a title.
func Parse(s string, kind Kind) Ref {
	p := getParser(s, kind)
	p.run()
	ref := p.ref
	putParser(p)
	return ref
}
