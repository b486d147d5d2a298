// Package report writes cross-reference and consistency reports over what
// ibid harvested from documents: for every work, the notes that cite it;
// for every note, the works it cites; the consistency findings grouped by
// kind, with the lines to fix; and (in HTML) citation density per chapter
// and the most-cited works. Every format is deterministic: the same Input
// always gives the same bytes.
package report

import (
	"sort"
	"strings"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/export/style"
)

// SeqInfo describes one numbering sequence of notes in a document (a
// chapter, when note numbers restart per chapter).
type SeqInfo struct {
	ID, Title string
	Notes     int
}

// DocSummary describes one document the report covers.
type DocSummary struct {
	Name, Title    string
	Notes, Entries int
	Sequences      []SeqInfo
}

// Input is everything a report is made from. Citation.Work refers to
// Work.ID; citations of unknown works are reported under their id.
type Input struct {
	Docs      []DocSummary
	Works     []bib.Work
	Citations []bib.Citation
	Findings  []bib.Finding
}

// FindingCodes lists the finding codes in the order reports show them;
// codes not listed follow, alphabetically.
var FindingCodes = []string{
	"missing-note", "duplicate-note", "marker-without-note", "note-without-marker",
	"unresolved-ibid", "ambiguous-short-form", "not-in-bibliography", "never-cited",
}

// topWorks is how many works the most-cited list shows.
const topWorks = 20

// view is the report computed from an Input, in the order every format
// writes it.
type view struct {
	Summary   summary
	Docs      []docView
	Works     []workView
	Notes     []noteView
	Findings  []findingGroup
	MostCited []workView
}

type summary struct {
	Documents, Notes, Works, Citations, Findings int
}

type docView struct {
	DocSummary
	Anchor    string
	Sequences []seqView
	Citations int
}

type seqView struct {
	SeqInfo
	Citations int
	// Density is citations per note (0 when the sequence has no notes).
	Density float64
}

// workView is one work with every citation of it, in document order.
type workView struct {
	ID, Anchor string
	Label      string     // Author, Short Title (Year)
	Entry      style.Rich // the full Chicago bibliography entry
	Cites      []citeRef
}

// citeRef is one citation seen from the work's side.
type citeRef struct {
	Doc, Seq string
	Note     int
	Line     int
	Locator  string
	Form     string
}

// noteView is one note (or, for in-text citations, one line) with the
// works it cites.
type noteView struct {
	Doc, Seq string
	Note     int
	Line     int
	Anchor   string
	Cites    []noteCite
}

type noteCite struct {
	WorkID, WorkAnchor, Label string
	Locator, Form             string
}

type findingGroup struct {
	Code   string
	Anchor string
	Items  []bib.Finding
}

// build computes the view. It never fails: missing works, unknown
// documents and empty inputs all give a report.
func build(in Input) view {
	docOrder := map[string]int{}
	for i, d := range in.Docs {
		if _, ok := docOrder[d.Name]; !ok {
			docOrder[d.Name] = i
		}
	}
	docRank := func(name string) int {
		if i, ok := docOrder[name]; ok {
			return i
		}
		return len(in.Docs) // unknown documents last
	}

	cites := append([]bib.Citation(nil), in.Citations...)
	sort.SliceStable(cites, func(i, j int) bool {
		a, b := cites[i], cites[j]
		if ra, rb := docRank(a.Doc), docRank(b.Doc); ra != rb {
			return ra < rb
		}
		if a.Doc != b.Doc {
			return a.Doc < b.Doc
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Seq != b.Seq {
			return a.Seq < b.Seq
		}
		return a.Note < b.Note // within a note: input (reading) order
	})

	works := sortedWorks(in.Works)
	byID := map[string]*workView{}
	var v view
	v.Works = make([]workView, len(works))
	for i, w := range works {
		entry, _ := style.Format(&w.Item, style.ChicagoNotes)
		v.Works[i] = workView{ID: w.ID, Anchor: "work-" + anchorize(w.ID), Label: label(&w.Item, w.ID), Entry: entry}
	}
	for i := range v.Works {
		if _, dup := byID[v.Works[i].ID]; !dup {
			byID[v.Works[i].ID] = &v.Works[i]
		}
	}
	// Citations of works the input does not describe still get an entry.
	for _, c := range cites {
		if _, ok := byID[c.Work]; !ok {
			v.Works = append(v.Works, workView{ID: c.Work, Anchor: "work-" + anchorize(c.Work), Label: c.Work})
			byID[c.Work] = nil
		}
	}
	anchors := map[string]bool{}
	for i := range v.Works {
		byID[v.Works[i].ID] = &v.Works[i]
		v.Works[i].Anchor = uniqueAnchor(anchors, v.Works[i].Anchor)
	}

	noteIndex := map[string]int{}
	for _, c := range cites {
		w := byID[c.Work]
		w.Cites = append(w.Cites, citeRef{Doc: c.Doc, Seq: c.Seq, Note: c.Note, Line: c.Line, Locator: c.Locator, Form: c.Form})
		key := noteKey(c.Provenance)
		i, ok := noteIndex[key]
		if !ok {
			i = len(v.Notes)
			noteIndex[key] = i
			v.Notes = append(v.Notes, noteView{Doc: c.Doc, Seq: c.Seq, Note: c.Note, Line: c.Line,
				Anchor: uniqueAnchor(anchors, "note-"+anchorize(key))})
		}
		v.Notes[i].Cites = append(v.Notes[i].Cites, noteCite{WorkID: w.ID, WorkAnchor: w.Anchor, Label: w.Label,
			Locator: c.Locator, Form: c.Form})
	}

	v.Docs = docViews(in.Docs, cites)
	v.Findings = groupFindings(in.Findings, docRank)
	v.MostCited = mostCited(v.Works)

	v.Summary = summary{Documents: len(in.Docs), Works: len(v.Works), Citations: len(cites), Findings: len(in.Findings)}
	for _, d := range in.Docs {
		v.Summary.Notes += d.Notes
	}
	return v
}

// noteKey identifies a note: document, sequence and number; a citation
// outside any note (in-text) is identified by its line.
func noteKey(p bib.Provenance) string {
	if p.Note > 0 {
		return p.Doc + "/" + p.Seq + "/" + itoa(p.Note)
	}
	return p.Doc + "/line-" + itoa(p.Line)
}

// sortedWorks orders works by first author's family name, then title, then
// year and id, all compared in folded form.
func sortedWorks(in []bib.Work) []bib.Work {
	works := append([]bib.Work(nil), in...)
	sort.SliceStable(works, func(i, j int) bool {
		a, b := &works[i].Item, &works[j].Item
		if ka, kb := bib.Fold(a.FirstFamily()), bib.Fold(b.FirstFamily()); ka != kb {
			if ka == "" || kb == "" {
				return kb == "" // works without an author go last
			}
			return ka < kb
		}
		if ka, kb := bib.Fold(a.Title), bib.Fold(b.Title); ka != kb {
			return ka < kb
		}
		if a.YearOf() != b.YearOf() {
			return a.YearOf() < b.YearOf()
		}
		return works[i].ID < works[j].ID
	})
	return works
}

// label is the short name of a work in indexes: "Family, Short title
// (Year)", falling back to whatever the item has, then to the id.
func label(it *bib.Item, id string) string {
	title := it.TitleShort
	if title == "" {
		title = it.Title
	}
	title = strings.Join(strings.Fields(title), " ")
	if r := []rune(title); len(r) > 80 {
		title = strings.TrimSpace(string(r[:79])) + "…"
	}
	parts := []string{}
	if f := it.FirstFamily(); f != "" {
		parts = append(parts, f)
	}
	if title != "" {
		parts = append(parts, title)
	}
	s := strings.Join(parts, ", ")
	if y := it.YearOf(); y != 0 {
		s = strings.TrimSpace(s + " (" + itoa(y) + ")")
	}
	if s == "" {
		return id
	}
	return s
}

func docViews(docs []DocSummary, cites []bib.Citation) []docView {
	type seqKey struct{ doc, seq string }
	count := map[seqKey]int{}
	perDoc := map[string]int{}
	for _, c := range cites {
		count[seqKey{c.Doc, c.Seq}]++
		perDoc[c.Doc]++
	}
	out := make([]docView, len(docs))
	for i, d := range docs {
		dv := docView{DocSummary: d, Anchor: "doc-" + anchorize(d.Name), Citations: perDoc[d.Name]}
		for _, s := range d.Sequences {
			sv := seqView{SeqInfo: s, Citations: count[seqKey{d.Name, s.ID}]}
			if s.Notes > 0 {
				sv.Density = float64(sv.Citations) / float64(s.Notes)
			}
			dv.Sequences = append(dv.Sequences, sv)
		}
		out[i] = dv
	}
	return out
}

func groupFindings(findings []bib.Finding, docRank func(string) int) []findingGroup {
	rank := map[string]int{}
	for i, c := range FindingCodes {
		rank[c] = i
	}
	groups := map[string][]bib.Finding{}
	var codes []string
	for _, f := range findings {
		if _, ok := groups[f.Code]; !ok {
			codes = append(codes, f.Code)
		}
		groups[f.Code] = append(groups[f.Code], f)
	}
	sort.Slice(codes, func(i, j int) bool {
		ri, oki := rank[codes[i]]
		rj, okj := rank[codes[j]]
		switch {
		case oki && okj:
			return ri < rj
		case oki != okj:
			return oki
		}
		return codes[i] < codes[j]
	})
	out := make([]findingGroup, len(codes))
	for i, code := range codes {
		items := groups[code]
		sort.SliceStable(items, func(i, j int) bool {
			a, b := items[i], items[j]
			if ra, rb := docRank(a.Doc), docRank(b.Doc); ra != rb {
				return ra < rb
			}
			if a.Doc != b.Doc {
				return a.Doc < b.Doc
			}
			if a.Line != b.Line {
				return a.Line < b.Line
			}
			return a.Message < b.Message
		})
		out[i] = findingGroup{Code: code, Anchor: "finding-" + anchorize(code), Items: items}
	}
	return out
}

// mostCited returns up to topWorks works with the most citations, ties in
// index order.
func mostCited(works []workView) []workView {
	var out []workView
	for _, w := range works {
		if len(w.Cites) > 0 {
			out = append(out, w)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Cites) > len(out[j].Cites) })
	if len(out) > topWorks {
		out = out[:topWorks]
	}
	return out
}

// anchorize makes s safe as an HTML id and URL fragment: letters, digits
// and hyphens, anything else as "-" or its hex code.
func anchorize(s string) string {
	var b strings.Builder
	for _, r := range bib.ASCII(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		case r == ' ' || r == '/' || r == '.' || r == ':' || r == '+':
			b.WriteByte('-')
		default:
			b.WriteString("x" + strings.ToLower(strconvHex(r)))
		}
	}
	return b.String()
}

// uniqueAnchor returns a, or a with a numeric suffix when a is taken (two
// ids that differ only in punctuation).
func uniqueAnchor(taken map[string]bool, a string) string {
	candidate := a
	for n := 2; taken[candidate]; n++ {
		candidate = a + "-" + itoa(n)
	}
	taken[candidate] = true
	return candidate
}
