// Package harvest turns a parsed document (package refs) into what the
// library (package bib/store) keeps of it. It is the one place where the
// reader's records become the store's input, shared by the command line and
// the evaluation tools.
package harvest

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/bib/store"
	"github.com/ibid-project/ibid/refs"
)

// Input turns a parsed document into what the library keeps of it: its
// works with their provenance (the bibliography entry and the full
// citations), every citation, the findings, and the content hash that
// tells an unchanged document on a later harvest. data may be nil when
// no hash is needed.
func Input(doc *refs.Document, data []byte) store.DocInput {
	sum := sha256.Sum256(data)
	in := store.DocInput{Name: doc.Name, Hash: hex.EncodeToString(sum[:]), Title: doc.Title,
		Notes: len(doc.Notes), Entries: len(doc.Entries)}
	for _, s := range doc.Sequences {
		in.Sequences = append(in.Sequences, store.SeqInfo{ID: s.ID, Title: s.Title, Notes: s.Notes})
	}
	sources := map[string][]bib.Provenance{}
	inBib := map[string]bool{}
	for _, e := range doc.Entries {
		if e.Work == "" {
			continue
		}
		inBib[e.Work] = true
		sources[e.Work] = append(sources[e.Work], bib.Provenance{Doc: doc.Name, Line: e.Line, EndLine: e.EndLine})
	}
	addCites := func(cs []refs.Citation, p bib.Provenance) {
		for _, c := range cs {
			if c.Work == "" {
				continue
			}
			loc := ""
			if c.Locator != nil {
				loc = *c.Locator
			}
			in.Citations = append(in.Citations, bib.Citation{Provenance: p, Form: c.Form, Work: c.Work, Locator: loc})
			if len(sources[c.Work]) == 0 || c.Form == bib.FormFull {
				sources[c.Work] = append(sources[c.Work], p)
			}
		}
	}
	for _, n := range doc.Notes {
		addCites(n.Citations, bib.Provenance{Doc: doc.Name, Line: n.Line, EndLine: n.EndLine, Seq: n.Seq, Note: n.Number})
	}
	for _, g := range doc.InText {
		addCites(g.Citations, bib.Provenance{Doc: doc.Name, Line: g.Line, EndLine: g.EndLine})
	}
	for _, id := range sortedKeys(doc.Works) {
		in.Works = append(in.Works, store.WorkInput{Key: id, Item: *doc.Works[id], Sources: sources[id], InBibliography: inBib[id]})
	}
	for _, p := range doc.Problems {
		in.Findings = append(in.Findings, bib.Finding{Provenance: bib.Provenance{Doc: p.Doc, Line: p.Line, Seq: p.Seq, Note: p.Number},
			Code: p.Code, Message: p.Message})
	}
	return in
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
