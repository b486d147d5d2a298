// Package notes finds the footnotes and endnotes of a document: every note's
// number, its numbering sequence, the lines it occupies (page-split parts
// joined) and the in-text markers that point to it. It reads four forms:
// page-foot notes of OCR'd or typed theses, endnote sections and blocks,
// pandoc Markdown footnotes, and transcribed books' [Footnote N: ...] blocks.
package notes

import (
	"github.com/ibid-project/ibid/refs/text"
)

// Note is one footnote/endnote, page-split parts joined.
type Note struct {
	// Seq is the id of the note's numbering sequence ("ch2", a slug of the
	// heading above the sequence, or "seq3"); stable and unique in a result.
	Seq string `json:"seq"`
	// SeqTitle is the heading the sequence is named after ("" if none).
	SeqTitle string `json:"seq_title,omitempty"`
	// Number is the printed note number (for letter or word labels, the
	// position of the label: A=1, B=2, or the definition order).
	Number int `json:"number"`
	// Label is the note's label as printed: "14", "A", "note-a".
	Label string `json:"label"`
	// Line is the 1-based line where the note starts.
	Line int `json:"line"`
	// EndLine is the last line of the note, continuation parts included.
	EndLine int `json:"end_line"`
	// Lines lists every 1-based line holding text of the note, in order.
	Lines []int `json:"lines"`
	// Markers lists the 1-based lines of in-text markers pointing to the note.
	Markers []int `json:"markers"`
	// Continued is true when the note was split across a page and joined.
	Continued bool `json:"continued,omitempty"`
	// Text is the note text, marker removed, lines joined with single spaces.
	Text string `json:"text"`
}

// Finding codes.
const (
	MissingNote       = "missing-note"        // a number skipped in a sequence
	DuplicateNote     = "duplicate-note"      // a number twice in one sequence
	MarkerWithoutNote = "marker-without-note" // a marker no note answers
	NoteWithoutMarker = "note-without-marker" // a note no marker points to
)

// Finding is a numbering or marker anomaly at a line.
type Finding struct {
	Code    string `json:"code"`
	Line    int    `json:"line"` // 1-based
	Seq     string `json:"seq"`
	Number  int    `json:"number"`
	Message string `json:"message"`
}

// Note forms, as reported in Result.Form.
const (
	FormPagefoot    = "pagefoot"
	FormEndnotes    = "endnotes"
	FormMarkdown    = "markdown"
	FormTranscribed = "transcribed"
)

// Result is what Find reports about a document.
type Result struct {
	Notes    []Note    `json:"notes"`    // in document order
	Findings []Finding `json:"findings"` // sorted by line
	// Form is the dominant note form found, or "" when there are no notes.
	Form string `json:"form"`
	// NoteLine[i] is true when line i+1 belongs to a note, a continuation
	// tag, a note separator rule or a notes heading.
	NoteLine []bool `json:"-"`
}

// form is one way of writing notes: how to find them and their markers.
type form struct {
	name    string
	find    func(d *doc) ([]Note, []bool)
	markers func(line string, emit func(col int, label string))
}

// forms in order of preference when two find as many notes.
var forms = []form{
	{FormMarkdown, findMarkdown, markdownMarkers},
	{FormTranscribed, findTranscribed, transcribedMarkers},
	{FormPagefoot, findPagefoot, superscriptMarkers},
	{FormEndnotes, findEndnotes, endnoteMarkers},
}

// Find reads t. skip(line) reports 1-based lines that belong to another
// structure (the bibliography): they hold no notes and no markers. skip may
// be nil.
func Find(t *text.Text, skip func(line int) bool) Result {
	d := newDoc(t, skip)
	res := Result{Notes: []Note{}, Findings: []Finding{}, NoteLine: make([]bool, len(d.lines))}
	var best form
	for _, f := range forms {
		notes, noteLine := f.find(d)
		if len(notes) > len(res.Notes) {
			res.Notes, res.NoteLine, best = notes, noteLine, f
		}
	}
	if len(res.Notes) == 0 {
		return res
	}
	res.Form = best.name
	seqs := assignSequences(d, res.Notes)
	markers := scanMarkers(d, res.NoteLine, best.markers)
	unmatched := matchMarkers(res.Notes, seqs, markers)
	if runs := markerRuns(markers); gathered(res.Notes, seqs, runs) {
		unmatched = matchRuns(res.Notes, seqs, runs)
	}
	res.Findings = findings(res.Notes, seqs, unmatched)
	return res
}
