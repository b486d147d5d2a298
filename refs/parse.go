package refs

import (
	"slices"
	"sort"
	"strings"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/internal/textscan"
	"github.com/ibid-project/ibid/refs/biblio"
	"github.com/ibid-project/ibid/refs/cite"
	"github.com/ibid-project/ibid/refs/notes"
	"github.com/ibid-project/ibid/refs/text"
)

// Parse reads a document and returns its notes, bibliography entries,
// in-text citations and findings, every citation resolved. Input that is
// not text fails with a *text.Error naming the document and position.
func Parse(name string, data []byte) (*Document, error) {
	t, err := text.Decode(name, data)
	if err != nil {
		return nil, err
	}
	return Read(t), nil
}

// Read parses an already decoded document.
func Read(t *text.Text) *Document {
	doc := &Document{Name: t.Name, Encoding: t.Encoding, Lines: len(t.Lines), Title: guessTitle(t)}
	bibs := biblio.Find(t, nil)
	inBib := func(line int) bool { return biblio.Contains(bibs, line) }
	nr := notes.Find(t, inBib)

	doc.Notes = make([]Note, 0, len(nr.Notes))
	seqIndex := map[string]int{}
	for _, n := range nr.Notes {
		markers := n.Markers
		if markers == nil {
			markers = []int{}
		}
		doc.Notes = append(doc.Notes, Note{Kind: KindNote, Doc: t.Name, Seq: n.Seq, Number: n.Number,
			Line: n.Line, EndLine: n.EndLine, Lines: n.Lines, Markers: markers, Continued: n.Continued,
			Text: n.Text, Citations: []Citation{}})
		i, ok := seqIndex[n.Seq]
		if !ok {
			i = len(doc.Sequences)
			seqIndex[n.Seq] = i
			doc.Sequences = append(doc.Sequences, Sequence{ID: n.Seq, Title: n.SeqTitle})
		}
		doc.Sequences[i].Notes++
	}
	for _, f := range nr.Findings {
		doc.Problems = append(doc.Problems, Problem{Kind: KindProblem, Doc: t.Name, Line: f.Line, Code: f.Code,
			Seq: f.Seq, Number: f.Number, Message: f.Message})
	}
	var authors sectionAuthors
	for _, b := range bibs {
		for _, e := range b.Entries {
			doc.Entries = append(doc.Entries, entryRecord(t.Name, e, &authors))
		}
	}

	r := newResolver(doc)
	r.addEntries()
	for i := range doc.Notes {
		r.resolveNote(&doc.Notes[i])
	}
	findInText(t, doc, r, nr.NoteLine, inBib)
	r.finish()
	sort.SliceStable(doc.Problems, func(i, j int) bool { return doc.Problems[i].Line < doc.Problems[j].Line })
	if doc.Notes == nil {
		doc.Notes = []Note{}
	}
	if doc.Entries == nil {
		doc.Entries = []Entry{}
	}
	if doc.InText == nil {
		doc.InText = []InText{}
	}
	if doc.Problems == nil {
		doc.Problems = []Problem{}
	}
	if doc.Sequences == nil {
		doc.Sequences = []Sequence{}
	}
	return doc
}

// entryRecord parses one bibliography entry into its record: the group
// header becomes the container of the articles under it, an inherited
// author ("- " lines) becomes the entry's author.
func entryRecord(doc string, e biblio.Entry, authors *sectionAuthors) Entry {
	raw := e.Raw
	author := e.Author
	if author == "" {
		author = authors.of(e.Section)
		if author != "" && startsWithName(raw, author) {
			author = ""
		}
	}
	if author != "" {
		raw = strings.TrimRight(author, " .,") + ". " + strings.TrimLeft(raw, " -–—.,")
	} else if interviewSection(e.Section) && !strings.Contains(strings.ToLower(raw), "interview") {
		// under "Interviews", "Irina Gogua, March 10, 1989, Moscow" names
		// the person interviewed
		raw = "Interview with " + raw
	}
	it := cite.Parse(raw, cite.Entry).Item
	it.Page = bib.NormalizePage(it.Page)
	var group *string
	if e.Group != "" {
		g := e.Group
		group = &g
		if it.ContainerTitle == "" && looksPeriodical(g) {
			it.ContainerTitle = periodicalName(g)
			if it.Type == "book" || it.Type == "document" || it.Type == "" {
				it.Type = "article-journal"
			}
		}
	}
	section := e.Section
	if section == nil {
		section = []string{}
	}
	return Entry{Kind: KindEntry, Doc: doc, Line: e.Line, EndLine: e.EndLine, Section: section, Group: group,
		Label: e.Label, Raw: e.Raw, Item: &it}
}

// sectionAuthors keeps sectionAuthor of the section asked last: a
// bibliography's entries come section by section.
type sectionAuthors struct {
	section []string
	author  string
	known   bool
}

// of returns sectionAuthor(section).
func (c *sectionAuthors) of(section []string) string {
	if !c.known || !slices.Equal(c.section, section) {
		c.section, c.author, c.known = section, sectionAuthor(section), true
	}
	return c.author
}

// sectionAuthor returns the author a bibliography section names for all
// its entries: "Works by Victor Serge", "Writings of X", "Œuvres de X",
// "Schriften von X", "Obras de X".
func sectionAuthor(section []string) string {
	for i := len(section) - 1; i >= 0; i-- {
		h := section[i]
		lower := strings.ToLower(h)
		for _, marker := range []string{"works by ", "writings by ", "writings of ", "works of ", "publications by ",
			"œuvres de ", "oeuvres de ", "ouvrages de ", "schriften von ", "werke von ", "obras de ", "escritos de "} {
			if j := strings.Index(lower, marker); j >= 0 {
				name := strings.TrimSpace(h[j+len(marker):])
				if k := strings.IndexAny(name, ",;:(("); k > 0 {
					name = name[:k]
				}
				if n := textscan.FieldCount(name); n >= 1 && n <= 4 {
					return name
				}
			}
		}
	}
	return ""
}

// interviewSection reports whether the innermost heading of a section
// lists interviews ("II. Interviews", "Entretiens", "Oral history").
func interviewSection(section []string) bool {
	if len(section) == 0 {
		return false
	}
	h := strings.ToLower(section[len(section)-1])
	for _, w := range []string{"interview", "entretiens", "entrevistas", "oral histor", "gespräche"} {
		if strings.Contains(h, w) {
			return true
		}
	}
	return false
}

// startsWithName reports whether an entry already begins with the author's
// family name (the last word of name).
func startsWithName(raw, name string) bool {
	folded := bib.Fold(name)
	if folded == "" {
		return false
	}
	family := folded[strings.LastIndexByte(folded, ' ')+1:] // the name's last word
	// The first three folded words of the entry: the folded words of a
	// text are those of its space-separated tokens in turn, so the
	// tokens are folded from the first until three words are read.
	n := 0
	for tok := range strings.SplitSeq(raw, " ") {
		for w := range strings.FieldsSeq(bib.Fold(tok)) {
			if w == family {
				return true
			}
			if n++; n == 3 {
				return false
			}
		}
	}
	return false
}

// looksPeriodical reports whether a group header names a periodical: a
// title with a run of years ("Clarte, 1922-27") or a periodical word.
func looksPeriodical(g string) bool {
	for _, w := range bib.Words(g) {
		if len(w) == 4 && isDigits(w) {
			return true
		}
		switch w {
		case "journal", "review", "revue", "revista", "zeitschrift", "quarterly", "monthly", "weekly",
			"times", "gazette", "bulletin", "magazine", "cahiers", "press", "news", "herald", "tribune":
			return true
		}
	}
	return false
}

// periodicalName strips the years and trailing punctuation from a group
// header: "Clarte, 1922-27" → "Clarte".
func periodicalName(g string) string {
	cut := len(g)
	for i, r := range g {
		if r >= '0' && r <= '9' {
			cut = i
			break
		}
	}
	name := strings.TrimRight(g[:cut], " ,.;:(–-")
	if name == "" {
		return strings.TrimSpace(g)
	}
	return name
}

// guessTitle takes as the document's title the first of its first few
// non-empty lines that reads like one: three to twenty words, no URL, no
// closing period. It returns "" when none does (a cover page of notices).
func guessTitle(t *text.Text) string {
	seen := 0
	for _, l := range t.Lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if seen++; seen > 4 {
			break
		}
		n := textscan.FieldCountUpTo(l, 20)
		if n >= 3 && n <= 20 && !strings.Contains(l, "://") && !strings.HasSuffix(l, ".") {
			return l
		}
	}
	return ""
}
