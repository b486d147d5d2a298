package store

import (
	"fmt"
	"time"

	"github.com/ibid-project/ibid/bib"
)

// Harvest stores one document in one write transaction: whole or not at
// all. A document already stored under the same name and hash is
// Unchanged and nothing is written. Under the same name with another hash,
// the document replaces its earlier version: its citations and findings are
// replaced, works still cited by other documents or imported stay, and
// works described by nothing else any more are removed.
func (s *Store) Harvest(in DocInput) (HarvestResult, error) {
	if in.Name == "" || in.Hash == "" {
		return HarvestResult{}, fmt.Errorf("harvest: a document needs a name and a hash: %w", ErrInvalidInput)
	}
	res := HarvestResult{Doc: in.Name}
	var old docRecord
	err := s.view(func(t *txn) error {
		found, err := t.getJSON(bucketDocs, in.Name, &old)
		res.Replaced = found
		return err
	})
	if err != nil {
		return res, fmt.Errorf("harvest %s: %w", in.Name, err)
	}
	if res.Replaced && old.Hash == in.Hash {
		return HarvestResult{Doc: in.Name, Unchanged: true, Citations: old.Citations, Findings: len(old.Findings)}, nil
	}
	err = s.update(func(t *txn) error {
		res = HarvestResult{Doc: in.Name} // a retried transaction starts over
		var old docRecord
		found, err := t.getJSON(bucketDocs, in.Name, &old)
		if err != nil {
			return err
		}
		if found {
			res.Replaced = true
			if err := t.removeOrigin(docOrigin(in.Name), old.Keys); err != nil {
				return err
			}
		}
		return t.storeDoc(in, &res)
	})
	if err != nil {
		return HarvestResult{Doc: in.Name}, fmt.Errorf("harvest %s: %w", in.Name, err)
	}
	return res, nil
}

// storeDoc files the document's works, then writes its citations and
// record.
func (t *txn) storeDoc(in DocInput, res *HarvestResult) error {
	cited := map[string]bool{}
	for _, c := range in.Citations {
		cited[c.Work] = true
	}
	rec := docRecord{Name: in.Name, Hash: in.Hash, Title: in.Title, Harvested: time.Now().UTC(),
		Notes: in.Notes, Entries: in.Entries, Sequences: in.Sequences, Citations: len(in.Citations),
		Findings: in.Findings, Keys: map[string]string{}}
	from := docOrigin(in.Name)
	for _, wi := range in.Works {
		o := &origin{From: from, Key: wi.Key, Sources: wi.Sources, InBibliography: wi.InBibliography, Cited: cited[wi.Key]}
		a, err := t.add(wi.Item, o)
		if err != nil {
			return err
		}
		rec.Keys[wi.Key] = a.id
		if a.isNew {
			res.NewWorks++
		} else {
			res.MergedWorks++
		}
	}
	citations := in.Citations
	if citations == nil {
		citations = []bib.Citation{}
	}
	if err := t.putJSON(bucketCitations, in.Name, citations); err != nil {
		return err
	}
	res.Citations = len(in.Citations)
	res.Findings = len(in.Findings)
	return t.putJSON(bucketDocs, in.Name, rec)
}

// Forget removes a document: its record, citations and findings, and the
// works nothing else describes.
func (s *Store) Forget(doc string) error {
	err := s.update(func(t *txn) error {
		var rec docRecord
		found, err := t.getJSON(bucketDocs, doc, &rec)
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("document %q: %w", doc, ErrNotFound)
		}
		if err := t.removeOrigin(docOrigin(doc), rec.Keys); err != nil {
			return err
		}
		if err := t.bucket(bucketDocs).Delete([]byte(doc)); err != nil {
			return err
		}
		return t.bucket(bucketCitations).Delete([]byte(doc))
	})
	if err != nil {
		return fmt.Errorf("forget %s: %w", doc, err)
	}
	return nil
}
