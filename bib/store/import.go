package store

import (
	"fmt"
	"strconv"
	"time"

	"github.com/ibid-project/ibid/bib"
)

// Import stores items from a bibliography file (CSL-JSON, BibTeX) in one
// write transaction, deduplicated against the store. Importing the same
// source again replaces what it brought before. Imported works stay in the
// store even when no document cites them.
func (s *Store) Import(source string, items []bib.Item) (ImportResult, error) {
	if source == "" {
		return ImportResult{}, fmt.Errorf("import: the source needs a name: %w", ErrInvalidInput)
	}
	res := ImportResult{Source: source, Items: len(items)}
	err := s.update(func(t *txn) error {
		res = ImportResult{Source: source, Items: len(items)}
		from := importOrigin(source)
		var old importRecord
		found, err := t.getJSON(bucketImports, source, &old)
		if err != nil {
			return err
		}
		if found {
			if err := t.removeOrigin(from, old.Keys); err != nil {
				return err
			}
		}
		rec := importRecord{Source: source, Imported: time.Now().UTC(), Keys: map[string]string{}}
		for i, item := range items {
			key := item.ID
			if key == "" || rec.Keys[key] != "" {
				key = "#" + strconv.Itoa(i+1)
			}
			o := &origin{From: from, Key: key, Sources: []bib.Provenance{{Doc: source, Line: i + 1}}}
			a, err := t.add(item, o)
			if err != nil {
				return err
			}
			rec.Keys[key] = a.id
			if a.isNew {
				res.NewWorks++
			} else {
				res.MergedWorks++
			}
		}
		return t.putJSON(bucketImports, source, rec)
	})
	if err != nil {
		return ImportResult{Source: source, Items: len(items)}, fmt.Errorf("import %s: %w", source, err)
	}
	return res, nil
}
