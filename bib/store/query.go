package store

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/ibid-project/ibid/bib"
)

// Works returns the works that pass f, sorted by first creator's family
// name, year, title and id. A Doc that is not stored is ErrNotFound.
func (s *Store) Works(f Filter) ([]bib.Work, error) {
	var out []bib.Work
	err := s.view(func(t *txn) error {
		keep := func(w *workRecord) bool {
			if f.Type != "" && w.Item.Type != f.Type {
				return false
			}
			if f.CitedOnly {
				from := ""
				if f.Doc != "" {
					from = docOrigin(f.Doc)
				}
				return w.citedBy(from)
			}
			return true
		}
		if f.Doc == "" {
			return t.bucket(bucketWorks).ForEach(func(k, v []byte) error {
				var w workRecord
				if err := json.Unmarshal(v, &w); err != nil {
					return fmt.Errorf("decode work %s: %w", k, err)
				}
				if keep(&w) {
					out = append(out, w.work())
				}
				return nil
			})
		}
		var rec docRecord
		found, err := t.getJSON(bucketDocs, f.Doc, &rec)
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("document %q: %w", f.Doc, ErrNotFound)
		}
		seen := map[string]bool{}
		for _, id := range sortedValues(rec.Keys) {
			if seen[id] {
				continue
			}
			seen[id] = true
			w, err := t.work(id)
			if err != nil {
				return err
			}
			if w != nil && keep(w) {
				out = append(out, w.work())
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list works: %w", err)
	}
	sortWorks(out)
	return out, nil
}

// sortWorks orders works as a bibliography does: by first creator's family
// name, year, title, then id.
func sortWorks(ws []bib.Work) {
	type key struct{ family, title string }
	keys := make(map[string]key, len(ws))
	for _, w := range ws {
		keys[w.ID] = key{bib.Fold(w.Item.FirstFamily()), bib.Fold(w.Item.Title)}
	}
	sort.SliceStable(ws, func(i, j int) bool {
		a, b := keys[ws[i].ID], keys[ws[j].ID]
		if a.family != b.family {
			return a.family < b.family
		}
		if ya, yb := ws[i].Item.YearOf(), ws[j].Item.YearOf(); ya != yb {
			return ya < yb
		}
		if a.title != b.title {
			return a.title < b.title
		}
		return ws[i].ID < ws[j].ID
	})
}

// Work returns one work and every citation of it, sorted by document and
// line. An id merged away by the user leads to the work it was merged
// into; an unknown id is ErrNotFound.
func (s *Store) Work(id string) (bib.Work, []bib.Citation, error) {
	var work bib.Work
	var cites []bib.Citation
	err := s.view(func(t *txn) error {
		w, err := t.resolve(id)
		if err != nil {
			return err
		}
		work = w.work()
		docs := map[string]bool{}
		for _, v := range w.Variants {
			for _, o := range v.Origins {
				if strings.HasPrefix(o.From, "doc:") {
					docs[strings.TrimPrefix(o.From, "doc:")] = true
				}
			}
		}
		for _, doc := range sortedKeys(docs) {
			all, err := t.citations(doc)
			if err != nil {
				return err
			}
			for _, c := range all {
				if c.Work == w.ID {
					cites = append(cites, c)
				}
			}
		}
		return nil
	})
	if err != nil {
		return bib.Work{}, nil, fmt.Errorf("work %s: %w", id, err)
	}
	return work, cites, nil
}

// resolve returns the work with that id, following the user's merges.
func (t *txn) resolve(id string) (*workRecord, error) {
	for range 100 {
		w, err := t.work(id)
		if err != nil || w != nil {
			return w, err
		}
		next := t.bucket(bucketMerges).Get([]byte(rulePrefixMoved + id))
		if next == nil {
			break
		}
		id = string(next)
	}
	return nil, ErrNotFound
}

// citations returns a document's citations with Work resolved to work ids,
// sorted by line.
func (t *txn) citations(doc string) ([]bib.Citation, error) {
	var rec docRecord
	found, err := t.getJSON(bucketDocs, doc, &rec)
	if err != nil || !found {
		return nil, err
	}
	var cites []bib.Citation
	if _, err := t.getJSON(bucketCitations, doc, &cites); err != nil {
		return nil, err
	}
	for i := range cites {
		cites[i].Work = rec.Keys[cites[i].Work]
	}
	sort.SliceStable(cites, func(i, j int) bool { return cites[i].Line < cites[j].Line })
	return cites, nil
}

// Citations returns the citations of one document, or of all documents
// when doc is "", sorted by document and line; Work is the store's work id.
func (s *Store) Citations(doc string) ([]bib.Citation, error) {
	var out []bib.Citation
	err := s.view(func(t *txn) error {
		docs, err := t.docNames(doc)
		if err != nil {
			return err
		}
		for _, d := range docs {
			cites, err := t.citations(d)
			if err != nil {
				return err
			}
			out = append(out, cites...)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("citations: %w", err)
	}
	return out, nil
}

// Findings returns the findings of one document, or of all documents when
// doc is "", sorted by document and line.
func (s *Store) Findings(doc string) ([]bib.Finding, error) {
	var out []bib.Finding
	err := s.view(func(t *txn) error {
		docs, err := t.docNames(doc)
		if err != nil {
			return err
		}
		for _, d := range docs {
			var rec docRecord
			if _, err := t.getJSON(bucketDocs, d, &rec); err != nil {
				return err
			}
			fs := append([]bib.Finding(nil), rec.Findings...)
			sort.SliceStable(fs, func(i, j int) bool { return fs[i].Line < fs[j].Line })
			out = append(out, fs...)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("findings: %w", err)
	}
	return out, nil
}

// docNames returns the names of all stored documents in order, or just doc
// (ErrNotFound when it is not stored).
func (t *txn) docNames(doc string) ([]string, error) {
	if doc != "" {
		if t.bucket(bucketDocs).Get([]byte(doc)) == nil {
			return nil, fmt.Errorf("document %q: %w", doc, ErrNotFound)
		}
		return []string{doc}, nil
	}
	var names []string
	err := t.bucket(bucketDocs).ForEach(func(k, _ []byte) error {
		names = append(names, string(k))
		return nil
	})
	return names, err
}

// Search returns the works whose creators' names and titles contain every
// word of q (folded: case and accents do not matter), sorted as Works.
func (s *Store) Search(q string) ([]bib.Work, error) {
	want := bib.Words(q)
	if len(want) == 0 {
		return nil, nil
	}
	var out []bib.Work
	err := s.view(func(t *txn) error {
		return t.bucket(bucketWorks).ForEach(func(k, v []byte) error {
			var w workRecord
			if err := json.Unmarshal(v, &w); err != nil {
				return fmt.Errorf("decode work %s: %w", k, err)
			}
			if hasAllWords(searchWords(&w.Item), want) {
				out = append(out, w.work())
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	sortWorks(out)
	return out, nil
}

// searchWords returns the folded words of an item's creators and titles.
func searchWords(it *bib.Item) map[string]bool {
	words := map[string]bool{}
	add := func(s string) {
		for _, w := range bib.Words(s) {
			words[w] = true
		}
	}
	for _, names := range [][]bib.Name{it.Author, it.Editor, it.Translator} {
		for _, n := range names {
			add(n.Family)
			add(n.Given)
			add(n.NonDroppingParticle)
			add(n.Literal)
		}
	}
	add(it.Title)
	add(it.TitleShort)
	add(it.OriginalTitle)
	return words
}

func hasAllWords(have map[string]bool, want []string) bool {
	for _, w := range want {
		if !have[w] {
			return false
		}
	}
	return true
}

// Docs returns every harvested document, sorted by name.
func (s *Store) Docs() ([]Document, error) {
	var out []Document
	err := s.view(func(t *txn) error {
		return t.bucket(bucketDocs).ForEach(func(k, v []byte) error {
			var rec docRecord
			if err := json.Unmarshal(v, &rec); err != nil {
				return fmt.Errorf("decode document %s: %w", k, err)
			}
			works := map[string]bool{}
			for _, id := range rec.Keys {
				works[id] = true
			}
			out = append(out, Document{Name: rec.Name, Hash: rec.Hash, Title: rec.Title, Harvested: rec.Harvested,
				Notes: rec.Notes, Entries: rec.Entries, Works: len(works), Citations: rec.Citations,
				Findings: len(rec.Findings), Sequences: rec.Sequences})
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	return out, nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
