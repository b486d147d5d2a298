// Package bib is ibid's model of the bibliographic world: works described as
// CSL-JSON items, the names and dates inside them, the citations that point
// at them and where each came from. It imports nothing else of ibid's:
// readers (package refs) produce these values, the store keeps them and the
// exporters write them out.
package bib

// Item is one work as a CSL-JSON item. Field names and JSON keys follow the
// CSL-JSON schema (csl-data.json) so that an Item marshals to valid CSL-JSON
// as it is; only the fields ibid fills are declared. Numbers that CSL allows
// as "string or number" (volume, issue, page...) are kept as strings, as
// written.
type Item struct {
	ID   string `json:"id,omitempty"`
	Type string `json:"type"`

	Author          []Name `json:"author,omitempty"`
	Editor          []Name `json:"editor,omitempty"`
	Translator      []Name `json:"translator,omitempty"`
	Recipient       []Name `json:"recipient,omitempty"`
	Interviewer     []Name `json:"interviewer,omitempty"`
	ContainerAuthor []Name `json:"container-author,omitempty"`

	Title               string `json:"title,omitempty"`
	TitleShort          string `json:"title-short,omitempty"`
	ContainerTitle      string `json:"container-title,omitempty"`
	ContainerTitleShort string `json:"container-title-short,omitempty"`
	CollectionTitle     string `json:"collection-title,omitempty"`
	CollectionNumber    string `json:"collection-number,omitempty"`
	OriginalTitle       string `json:"original-title,omitempty"`

	Publisher      string `json:"publisher,omitempty"`
	PublisherPlace string `json:"publisher-place,omitempty"`
	Edition        string `json:"edition,omitempty"`
	Volume         string `json:"volume,omitempty"`
	NumberOfVols   string `json:"number-of-volumes,omitempty"`
	Issue          string `json:"issue,omitempty"`
	Number         string `json:"number,omitempty"`
	Page           string `json:"page,omitempty"`
	Section        string `json:"section,omitempty"`
	Genre          string `json:"genre,omitempty"`
	Medium         string `json:"medium,omitempty"`
	Event          string `json:"event-title,omitempty"`
	EventPlace     string `json:"event-place,omitempty"`

	Archive         string `json:"archive,omitempty"`
	ArchiveLocation string `json:"archive_location,omitempty"`
	ArchivePlace    string `json:"archive-place,omitempty"`

	Issued       *Date `json:"issued,omitempty"`
	OriginalDate *Date `json:"original-date,omitempty"`
	Accessed     *Date `json:"accessed,omitempty"`

	URL      string `json:"URL,omitempty"`
	DOI      string `json:"DOI,omitempty"`
	ISBN     string `json:"ISBN,omitempty"`
	ISSN     string `json:"ISSN,omitempty"`
	Language string `json:"language,omitempty"`
	Note     string `json:"note,omitempty"`

	// Custom holds what CSL-JSON has no field for (provenance, ibid's own
	// bookkeeping); the schema accepts any object under "custom".
	Custom map[string]any `json:"custom,omitempty"`
}

// Name is a CSL name: a person split into its parts, or an institution as a
// literal.
type Name struct {
	Family              string `json:"family,omitempty"`
	Given               string `json:"given,omitempty"`
	DroppingParticle    string `json:"dropping-particle,omitempty"`
	NonDroppingParticle string `json:"non-dropping-particle,omitempty"`
	Suffix              string `json:"suffix,omitempty"`
	Literal             string `json:"literal,omitempty"`
}

// Date is a CSL date. DateParts holds one [year, month, day] prefix, or two
// for a range; Literal is used only when nothing could be parsed.
type Date struct {
	DateParts [][]int `json:"date-parts,omitempty"`
	Season    int     `json:"season,omitempty"`
	Circa     bool    `json:"circa,omitempty"`
	Literal   string  `json:"literal,omitempty"`
}

// Year returns the first year of d, or 0 when d has none.
func (d *Date) Year() int {
	if d == nil || len(d.DateParts) == 0 || len(d.DateParts[0]) == 0 {
		return 0
	}
	return d.DateParts[0][0]
}

// YearOf returns the year the item was issued, or 0.
func (it *Item) YearOf() int { return it.Issued.Year() }

// FirstFamily returns the family name (or literal) of the first author, else
// of the first editor, else "".
func (it *Item) FirstFamily() string {
	for _, names := range [][]Name{it.Author, it.Editor, it.Translator} {
		if len(names) > 0 {
			if names[0].Family != "" {
				return names[0].Family
			}
			return names[0].Literal
		}
	}
	return ""
}

// Types is the set of CSL item types the CSL-JSON schema (v1.0) allows and
// Zotero imports.
var Types = map[string]bool{
	"article": true, "article-journal": true, "article-magazine": true, "article-newspaper": true,
	"bill": true, "book": true, "broadcast": true, "chapter": true, "classic": true, "collection": true,
	"dataset": true, "document": true, "entry": true, "entry-dictionary": true, "entry-encyclopedia": true,
	"event": true, "figure": true, "graphic": true, "hearing": true, "interview": true, "legal_case": true,
	"legislation": true, "manuscript": true, "map": true, "motion_picture": true, "musical_score": true,
	"pamphlet": true, "paper-conference": true, "patent": true, "performance": true, "periodical": true,
	"personal_communication": true, "post": true, "post-weblog": true, "regulation": true, "report": true,
	"review": true, "review-book": true, "software": true, "song": true, "speech": true, "standard": true,
	"thesis": true, "treaty": true, "webpage": true,
}
