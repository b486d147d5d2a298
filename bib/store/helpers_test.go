package store

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/ibid-project/ibid/bib"
)

// mustOpen opens a fresh store in a temporary directory and closes it when
// the test ends.
func mustOpen(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lib", "library.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s, path
}

func book(family, given, title string, year int) bib.Item {
	it := bib.Item{Type: "book", Title: title, Author: []bib.Name{{Family: family, Given: given}}}
	if year != 0 {
		it.Issued = &bib.Date{DateParts: [][]int{{year}}}
	}
	return it
}

// docOf builds a document citing each item once in a note, keyed w1, w2...
func docOf(name, hash string, items ...bib.Item) DocInput {
	in := DocInput{Name: name, Hash: hash, Title: "Synthetic " + name, Notes: len(items)}
	for i, it := range items {
		key := fmt.Sprintf("w%d", i+1)
		p := bib.Provenance{Doc: name, Line: 10 * (i + 1), Seq: "1", Note: i + 1}
		in.Works = append(in.Works, WorkInput{Key: key, Item: it, Sources: []bib.Provenance{p}})
		in.Citations = append(in.Citations, bib.Citation{Provenance: p, Form: bib.FormFull, Work: key, Locator: "12"})
	}
	return in
}

func mustHarvest(t testing.TB, s *Store, in DocInput) HarvestResult {
	t.Helper()
	res, err := s.Harvest(in)
	if err != nil {
		t.Fatalf("Harvest(%s): %v", in.Name, err)
	}
	return res
}

func workIDs(ws []bib.Work) []string {
	var ids []string
	for _, w := range ws {
		ids = append(ids, w.ID)
	}
	return ids
}
