package store

import (
	"slices"
	"sort"
	"time"

	"github.com/ibid-project/ibid/bib"
)

// SeqInfo is one numbering sequence of notes in a document (a chapter's
// notes, the endnotes).
type SeqInfo struct {
	ID    string `json:"id"`
	Title string `json:"title,omitempty"`
	Notes int    `json:"notes"`
}

// DocInput is one harvested document, as the store takes it.
type DocInput struct {
	Name      string // the document's name as the user gave it: its unique key
	Hash      string // sha256 hex of the content
	Title     string
	Notes     int
	Entries   int
	Sequences []SeqInfo
	Works     []WorkInput    // the works the document cites or lists, with local keys
	Citations []bib.Citation // Citation.Work is a WorkInput.Key
	Findings  []bib.Finding
}

// WorkInput is one work of a document under the document's local key.
type WorkInput struct {
	Key            string
	Item           bib.Item
	Sources        []bib.Provenance
	InBibliography bool
}

// HarvestResult says what Harvest did with a document.
type HarvestResult struct {
	Doc         string
	Unchanged   bool // same name and hash as stored: nothing written
	Replaced    bool // an earlier version of the document was replaced
	NewWorks    int  // works the store did not have
	MergedWorks int  // works merged into ones the store had
	Citations   int
	Findings    int
}

// ImportResult says what Import did with a batch of items.
type ImportResult struct {
	Source      string
	Items       int
	NewWorks    int
	MergedWorks int
}

// Filter selects works: those of one document, those cited (not only
// listed in a bibliography or imported), those of one CSL type.
type Filter struct {
	Doc       string
	CitedOnly bool
	Type      string
}

// Document is what the store knows of one harvested document.
type Document struct {
	Name      string
	Hash      string
	Title     string
	Harvested time.Time
	Notes     int
	Entries   int
	Works     int
	Citations int
	Findings  int
	Sequences []SeqInfo
}

// docRecord is the value of the docs bucket.
type docRecord struct {
	Name      string            `json:"name"`
	Hash      string            `json:"hash"`
	Title     string            `json:"title,omitempty"`
	Harvested time.Time         `json:"harvested"`
	Notes     int               `json:"notes"`
	Entries   int               `json:"entries"`
	Sequences []SeqInfo         `json:"sequences,omitempty"`
	Citations int               `json:"citations"`
	Findings  []bib.Finding     `json:"findings,omitempty"`
	Keys      map[string]string `json:"keys"` // local work key → work id
}

// importRecord is the value of the imports bucket.
type importRecord struct {
	Source   string            `json:"source"`
	Imported time.Time         `json:"imported"`
	Keys     map[string]string `json:"keys"` // item key → work id
}

// workRecord is the value of the works bucket.
type workRecord struct {
	ID       string     `json:"id"`
	Item     bib.Item   `json:"item"`
	Variants []*variant `json:"variants"`
	Indexed  []string   `json:"indexed"` // the blocking keys under which the index lists it

	former []string // identities of variants removed in this transaction (not stored)
	loaded bool     // read from the bucket (not created in this transaction)
}

// headRecord is the value of the heads bucket: what candidate search needs
// of a work.
type headRecord struct {
	Item       bib.Item `json:"item"`
	Identities []string `json:"identities"`
}

// variant is one distinct description of a work, with everything that
// described it so.
type variant struct {
	Identity string    `json:"identity"` // bib.WorkID of Item: what merge rules name
	Group    string    `json:"group"`    // the work it first joined: Unmerge splits by it
	Item     bib.Item  `json:"item"`
	Origins  []*origin `json:"origins"`
}

// origin is one document or import that described a work, under its local
// key.
type origin struct {
	From           string           `json:"from"` // "doc:NAME" or "import:SOURCE"
	Key            string           `json:"key"`
	Sources        []bib.Provenance `json:"sources,omitempty"`
	InBibliography bool             `json:"in_bibliography,omitempty"`
	Cited          bool             `json:"cited,omitempty"`
}

func docOrigin(name string) string      { return "doc:" + name }
func importOrigin(source string) string { return "import:" + source }

// identities returns the distinct identities of w's variants.
func (w *workRecord) identities() []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range w.Variants {
		if !seen[v.Identity] {
			seen[v.Identity] = true
			out = append(out, v.Identity)
		}
	}
	return out
}

// originCount is how many descriptions a variant stands for.
func (v *variant) originCount() int { return len(v.Origins) }

// recompute rebuilds the merged item from the variants, the most attested
// first so that it wins disagreements.
func (w *workRecord) recompute() {
	if len(w.Variants) == 0 {
		return
	}
	order := w.mergeOrder()
	item := cloneItem(&order[0].Item)
	for _, v := range order[1:] {
		src := cloneItem(&v.Item)
		bib.MergeItem(&item, &src)
	}
	item.ID = w.ID
	w.Item = item
}

// mergeOrder returns the variants in the order recompute merges them: the
// most attested first, then in the order they came.
func (w *workRecord) mergeOrder() []*variant {
	order := slices.Clone(w.Variants)
	sort.SliceStable(order, func(i, j int) bool { return order[i].originCount() > order[j].originCount() })
	return order
}

// work returns the bib.Work view of w: the merged item and all provenance
// sorted by document and line.
func (w *workRecord) work() bib.Work {
	out := bib.Work{ID: w.ID, Item: w.Item}
	for _, v := range w.Variants {
		for _, o := range v.Origins {
			out.Sources = append(out.Sources, o.Sources...)
		}
	}
	sortProvenance(out.Sources)
	return out
}

// citedBy reports whether an origin (any when from is "") cites w.
func (w *workRecord) citedBy(from string) bool {
	for _, v := range w.Variants {
		for _, o := range v.Origins {
			if o.Cited && (from == "" || o.From == from) {
				return true
			}
		}
	}
	return false
}

func sortProvenance(ps []bib.Provenance) {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Doc != ps[j].Doc {
			return ps[i].Doc < ps[j].Doc
		}
		if ps[i].Line != ps[j].Line {
			return ps[i].Line < ps[j].Line
		}
		return ps[i].Note < ps[j].Note
	})
}

// cloneItem deep-copies an item so that merging never shares slices or maps
// with a stored variant.
func cloneItem(it *bib.Item) bib.Item {
	c := *it
	for _, names := range []*[]bib.Name{&c.Author, &c.Editor, &c.Translator, &c.Recipient, &c.Interviewer, &c.ContainerAuthor} {
		if *names != nil {
			*names = append([]bib.Name(nil), (*names)...)
		}
	}
	for _, d := range []**bib.Date{&c.Issued, &c.OriginalDate, &c.Accessed} {
		if *d != nil {
			dc := **d
			dc.DateParts = nil
			for _, p := range (*d).DateParts {
				dc.DateParts = append(dc.DateParts, append([]int(nil), p...))
			}
			*d = &dc
		}
	}
	if it.Custom != nil {
		c.Custom = make(map[string]any, len(it.Custom))
		for k, v := range it.Custom {
			c.Custom[k] = v
		}
	}
	return c
}
