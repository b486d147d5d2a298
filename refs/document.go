// Package refs reads a document's references: it finds the notes and their
// markers (refs/notes), the bibliography and its structure (refs/biblio),
// parses every reference string into CSL fields (refs/cite) and resolves
// each citation — full, short, "Ibid.", "op. cit.", alias, abbreviation,
// in-text — to the work it names. The records it produces are the ones
// "ibid parse" prints (../shared/docs/contract.md).
package refs

import (
	"github.com/ibid-project/ibid/bib"
)

// Record kinds in the parse contract.
const (
	KindNote    = "note"
	KindEntry   = "entry"
	KindInText  = "intext"
	KindProblem = "problem"
)

// Document is one parsed document.
type Document struct {
	Name     string    `json:"doc"`
	Encoding string    `json:"encoding"`
	Title    string    `json:"title,omitempty"`
	Lines    int       `json:"lines"`
	Notes    []Note    `json:"notes"`
	Entries  []Entry   `json:"entries"`
	InText   []InText  `json:"intext"`
	Problems []Problem `json:"problems"`
	// Sequences lists the note numbering sequences in document order.
	Sequences []Sequence `json:"sequences"`
	// Works holds every resolved work by id, its item merged from the
	// bibliography entry and the fullest citation.
	Works map[string]*bib.Item `json:"-"`
}

// Sequence is one run of note numbers (numbering restarts per chapter).
type Sequence struct {
	ID    string `json:"id"`
	Title string `json:"title,omitempty"`
	Notes int    `json:"notes"`
}

// Note is one footnote or endnote, page-split parts joined.
type Note struct {
	Kind      string     `json:"kind"`
	Doc       string     `json:"doc"`
	Seq       string     `json:"seq"`
	Number    int        `json:"number"`
	Line      int        `json:"line"`
	EndLine   int        `json:"end_line"`
	Lines     []int      `json:"lines,omitempty"`
	Markers   []int      `json:"markers"`
	Continued bool       `json:"continued"`
	Text      string     `json:"text"`
	Citations []Citation `json:"citations"`
}

// NoteRef names a note by sequence and number.
type NoteRef struct {
	Seq    string `json:"seq"`
	Number int    `json:"number"`
}

// Citation is one cited work inside a note or an in-text citation group.
type Citation struct {
	Form    string    `json:"form"`
	Work    string    `json:"work"`
	Locator *string   `json:"locator"`
	BibLine *int      `json:"bib_line"`
	IbidOf  *NoteRef  `json:"ibid_of"`
	Item    *bib.Item `json:"item"`
	// Text is the citation as written in the note.
	Text string `json:"text"`
	// Prefix is a signal such as "see", "cf.", "quoted in", "" when none.
	Prefix string `json:"prefix,omitempty"`
}

// Entry is one bibliography entry.
type Entry struct {
	Kind    string    `json:"kind"`
	Doc     string    `json:"doc"`
	Line    int       `json:"line"`
	EndLine int       `json:"end_line"`
	Section []string  `json:"section"`
	Group   *string   `json:"group"`
	Label   string    `json:"label,omitempty"`
	Raw     string    `json:"raw"`
	Work    string    `json:"work"`
	Item    *bib.Item `json:"item"`
}

// InText is one citation group in the body text: "(Serge 1951, 71)",
// "[3, p. 12]".
type InText struct {
	Kind      string     `json:"kind"`
	Doc       string     `json:"doc"`
	Line      int        `json:"line"`
	EndLine   int        `json:"end_line"`
	Text      string     `json:"text"`
	Citations []Citation `json:"citations"`
}

// Problem is one consistency finding.
type Problem struct {
	Kind    string `json:"kind"`
	Doc     string `json:"doc"`
	Line    int    `json:"line"`
	Code    string `json:"code"`
	Seq     string `json:"seq,omitempty"`
	Number  int    `json:"number,omitempty"`
	Message string `json:"message"`
}

// Finding codes.
const (
	CodeMissingNote       = "missing-note"
	CodeDuplicateNote     = "duplicate-note"
	CodeMarkerWithoutNote = "marker-without-note"
	CodeNoteWithoutMarker = "note-without-marker"
	CodeUnresolvedIbid    = "unresolved-ibid"
	CodeAmbiguousShort    = "ambiguous-short-form"
	CodeNotInBibliography = "not-in-bibliography"
	CodeNeverCited        = "never-cited"
)

// CitationCount is the number of citations in notes and in-text groups.
func (d *Document) CitationCount() int {
	n := 0
	for i := range d.Notes {
		n += len(d.Notes[i].Citations)
	}
	for i := range d.InText {
		n += len(d.InText[i].Citations)
	}
	return n
}
