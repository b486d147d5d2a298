package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"

	"github.com/ibid-project/ibid/bib"
)

// txn is one transaction with a cache of the works it touched. Works are
// written back, and their index entries updated, by flush.
type txn struct {
	tx      *bolt.Tx
	works   map[string]*workRecord
	heads   map[string]*headRecord
	dirty   map[string]bool
	deleted map[string]bool
}

func newTxn(tx *bolt.Tx) *txn {
	return &txn{tx: tx, works: map[string]*workRecord{}, heads: map[string]*headRecord{}, dirty: map[string]bool{}, deleted: map[string]bool{}}
}

func (t *txn) bucket(name []byte) *bolt.Bucket { return t.tx.Bucket(name) }

// getJSON decodes the value under key into v; false when there is none.
func (t *txn) getJSON(bucket []byte, key string, v any) (bool, error) {
	data := t.bucket(bucket).Get([]byte(key))
	if data == nil {
		return false, nil
	}
	if err := json.Unmarshal(data, v); err != nil {
		return false, fmt.Errorf("decode %s %q: %w", bucket, key, err)
	}
	return true, nil
}

func (t *txn) putJSON(bucket []byte, key string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s %q: %w", bucket, key, err)
	}
	if err := t.bucket(bucket).Put([]byte(key), data); err != nil {
		return fmt.Errorf("write %s %q: %w", bucket, key, err)
	}
	return nil
}

// work returns the work with that id (nil when there is none), from the
// cache or the bucket.
func (t *txn) work(id string) (*workRecord, error) {
	if t.deleted[id] {
		return nil, nil
	}
	if w, ok := t.works[id]; ok {
		return w, nil
	}
	w := &workRecord{}
	ok, err := t.getJSON(bucketWorks, id, w)
	if err != nil || !ok {
		return nil, err
	}
	w.loaded = true
	t.works[id] = w
	return w, nil
}

// head returns what candidate search compares of a work: from the full
// record when this transaction loaded it, else from the heads bucket.
func (t *txn) head(id string) (*headRecord, []string, error) {
	if t.deleted[id] {
		return nil, nil, nil
	}
	if w, ok := t.works[id]; ok {
		return &headRecord{Item: w.Item, Identities: w.identities()}, w.former, nil
	}
	if h, ok := t.heads[id]; ok {
		return h, nil, nil
	}
	h := &headRecord{}
	ok, err := t.getJSON(bucketHeads, id, h)
	if err != nil || !ok {
		return nil, nil, err
	}
	t.heads[id] = h
	return h, nil, nil
}

// exists reports whether id names a stored or new work.
func (t *txn) exists(id string) bool {
	if t.deleted[id] {
		return false
	}
	if _, ok := t.works[id]; ok {
		return true
	}
	return t.bucket(bucketWorks).Get([]byte(id)) != nil
}

// newID returns bib.WorkID of item, suffixed "-2", "-3"... past the ids
// already taken (and those deleted in this transaction, whose index entries
// are still to be removed).
func (t *txn) newID(item *bib.Item) string {
	base := bib.WorkID(item)
	id := base
	for n := 2; t.exists(id) || t.deleted[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	return id
}

// touch marks w changed: its merged item and index entries are recomputed
// now (later lookups in this transaction must see them) and it is written
// by flush.
func (t *txn) touch(w *workRecord) error {
	delete(t.deleted, w.ID)
	t.works[w.ID] = w
	t.dirty[w.ID] = true
	if len(w.Variants) == 0 {
		return nil // kept searchable under its old keys until flush
	}
	w.recompute()
	return t.reindex(w)
}

// reindex makes the index list w under the blocking keys of its merged
// item and of every variant.
func (t *txn) reindex(w *workRecord) error {
	want := map[string]bool{}
	for _, k := range bib.BlockKeys(&w.Item) {
		want[k] = true
	}
	for _, v := range w.Variants {
		for _, k := range bib.BlockKeys(&v.Item) {
			want[k] = true
		}
	}
	index := t.bucket(bucketIndex)
	have := map[string]bool{}
	for _, k := range w.Indexed {
		if !want[k] {
			if err := index.Delete(indexKey(k, w.ID)); err != nil {
				return fmt.Errorf("unindex %s: %w", w.ID, err)
			}
			continue
		}
		have[k] = true
	}
	w.Indexed = w.Indexed[:0]
	for k := range want {
		if !have[k] {
			if err := index.Put(indexKey(k, w.ID), nil); err != nil {
				return fmt.Errorf("index %s: %w", w.ID, err)
			}
		}
		w.Indexed = append(w.Indexed, k)
	}
	sort.Strings(w.Indexed)
	return nil
}

func indexKey(block, id string) []byte { return []byte(block + "\x00" + id) }

// lookup returns the ids of the works indexed under a blocking key.
func (t *txn) lookup(block string) []string {
	prefix := []byte(block + "\x00")
	var ids []string
	c := t.bucket(bucketIndex).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		ids = append(ids, string(k[len(prefix):]))
	}
	return ids
}

// remove deletes w (at flush).
func (t *txn) remove(w *workRecord) {
	t.works[w.ID] = w
	t.deleted[w.ID] = true
	delete(t.dirty, w.ID)
}

// flush writes the changed works, deletes the removed ones and those left
// without any description, with their index entries.
func (t *txn) flush() error {
	ids := make([]string, 0, len(t.dirty))
	for id := range t.dirty {
		if len(t.works[id].Variants) == 0 {
			t.deleted[id] = true
			continue
		}
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		w := t.works[id]
		if err := t.putJSON(bucketWorks, id, w); err != nil {
			return err
		}
		if err := t.putJSON(bucketHeads, id, headRecord{Item: w.Item, Identities: w.identities()}); err != nil {
			return err
		}
	}
	for id := range t.deleted {
		w := t.works[id]
		if w == nil {
			continue
		}
		for _, k := range w.Indexed {
			if err := t.bucket(bucketIndex).Delete(indexKey(k, id)); err != nil {
				return fmt.Errorf("unindex %s: %w", id, err)
			}
		}
		if err := t.bucket(bucketWorks).Delete([]byte(id)); err != nil {
			return fmt.Errorf("delete work %s: %w", id, err)
		}
		if err := t.bucket(bucketHeads).Delete([]byte(id)); err != nil {
			return fmt.Errorf("delete work %s: %w", id, err)
		}
	}
	t.dirty = map[string]bool{}
	return nil
}

// originKeys returns the local key → work id map of a document or import
// origin, and a function that stores it back.
func (t *txn) originKeys(from string) (map[string]string, func() error, error) {
	switch {
	case len(from) > 4 && from[:4] == "doc:":
		rec := &docRecord{}
		ok, err := t.getJSON(bucketDocs, from[4:], rec)
		if err != nil || !ok {
			return nil, nil, err
		}
		return rec.Keys, func() error { return t.putJSON(bucketDocs, rec.Name, rec) }, nil
	case len(from) > 7 && from[:7] == "import:":
		rec := &importRecord{}
		ok, err := t.getJSON(bucketImports, from[7:], rec)
		if err != nil || !ok {
			return nil, nil, err
		}
		return rec.Keys, func() error { return t.putJSON(bucketImports, rec.Source, rec) }, nil
	}
	return nil, nil, nil
}
