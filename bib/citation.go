package bib

// Provenance says where a harvested thing came from: the document (as named
// by the user), the 1-based source lines, and for notes the numbering
// sequence and printed number.
type Provenance struct {
	Doc     string `json:"doc"`
	Line    int    `json:"line"`
	EndLine int    `json:"end_line,omitempty"`
	Seq     string `json:"seq,omitempty"`
	Note    int    `json:"note,omitempty"`
}

// Citation forms, as the parse contract names them.
const (
	FormFull      = "full"
	FormShort     = "short"
	FormIbid      = "ibid"
	FormOpCit     = "opcit"
	FormAbbrev    = "abbrev"
	FormAlias     = "alias"
	FormArchival  = "archival"
	FormInterview = "interview"
	FormInText    = "intext"
)

// Citation is one place where a document cites a work.
type Citation struct {
	Provenance
	Form    string `json:"form"`
	Work    string `json:"work"`
	Locator string `json:"locator,omitempty"`
}

// Work is a deduplicated work: its best-known description and every place it
// was harvested from.
type Work struct {
	ID      string       `json:"id"`
	Item    Item         `json:"item"`
	Sources []Provenance `json:"sources,omitempty"`
}

// Finding is one consistency problem found in a document, with the codes the
// parse contract names (missing-note, duplicate-note, marker-without-note,
// note-without-marker, unresolved-ibid, ambiguous-short-form,
// not-in-bibliography, never-cited).
type Finding struct {
	Provenance
	Code    string `json:"code"`
	Message string `json:"message"`
}
