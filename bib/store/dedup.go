package store

import (
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/ibid-project/ibid/bib"
)

// maxBlock bounds how many works one blocking key may contribute as
// candidates, so that a very common key cannot make a lookup scan the
// library.
const maxBlock = 500

// added says where add put a description.
type added struct {
	id    string
	isNew bool // the work had no description before (created, or emptied by a replacement)
}

// add files one description under the work it describes: the work a user
// merge names for its identity, else the best same work among the
// candidates of its blocking keys, else a new work.
func (t *txn) add(item bib.Item, o *origin) (added, error) {
	identity := bib.WorkID(&item)
	w, group, err := t.findSame(&item, identity)
	if err != nil {
		return added{}, err
	}
	res := added{}
	if w == nil {
		w = &workRecord{ID: t.newID(&item)}
		res.isNew = true
	} else if len(w.Variants) == 0 {
		res.isNew = true
	}
	if group == "" {
		group = w.ID
	}
	res.id = w.ID
	if !attach(w, item, identity, group, o) {
		t.works[w.ID] = w
		t.dirty[w.ID] = true // the merged description is unchanged
		return res, nil
	}
	return res, t.touch(w)
}

// attach adds o to the variant of w with the same description and group,
// or to a new variant. It reports whether the merged description may
// change: a new variant, or one that now comes earlier in the merge order.
func attach(w *workRecord, item bib.Item, identity, group string, o *origin) bool {
	for _, v := range w.Variants {
		if v.Group == group && v.Identity == identity && reflect.DeepEqual(v.Item, item) {
			before := w.mergeOrder()
			v.Origins = append(v.Origins, o)
			return !slices.Equal(before, w.mergeOrder())
		}
	}
	w.Variants = append(w.Variants, &variant{Identity: identity, Group: group, Item: item, Origins: []*origin{o}})
	return true
}

// findSame returns the work item belongs to and the variant group to file
// it under ("" for the work's own), or nil for a new work.
func (t *txn) findSame(item *bib.Item, identity string) (*workRecord, string, error) {
	if target, group, ok := t.alias(identity); ok {
		w, err := t.work(target)
		if err != nil {
			return nil, "", err
		}
		if w != nil {
			return w, group, nil
		}
	}
	ids, err := t.candidates(item)
	if err != nil {
		return nil, "", err
	}
	best := ""
	bestScore, bestExact := -1.0, false
	for _, id := range ids {
		h, former, err := t.head(id)
		if err != nil {
			return nil, "", err
		}
		if h == nil {
			continue
		}
		known := slices.Concat(h.Identities, former)
		if t.keptApart(identity, known) {
			continue
		}
		v := bib.Compare(item, &h.Item)
		if !v.Same {
			continue
		}
		exact := contains(known, identity)
		// A work that already holds this very description wins; then the
		// highest score.
		if best == "" || (exact && !bestExact) || (exact == bestExact && v.Score > bestScore) {
			best, bestScore, bestExact = id, v.Score, exact
		}
	}
	if best == "" {
		return nil, "", nil
	}
	w, err := t.work(best)
	return w, "", err
}

// candidates returns the ids of the works sharing a blocking key with item,
// in a stable order.
func (t *txn) candidates(item *bib.Item) ([]string, error) {
	seen := map[string]bool{}
	var ids []string
	for _, key := range bib.BlockKeys(item) {
		block := t.lookup(key)
		if len(block) > maxBlock {
			block = block[:maxBlock]
		}
		for _, id := range block {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	sort.Strings(ids)
	return ids, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Merge rules in the merges bucket.
const (
	rulePrefixAlias = "alias\x00"
	rulePrefixApart = "apart\x00"
	rulePrefixMoved = "moved\x00"
)

// alias returns the work and group a user merge assigned to an identity.
func (t *txn) alias(identity string) (work, group string, ok bool) {
	v := t.bucket(bucketMerges).Get([]byte(rulePrefixAlias + identity))
	if v == nil {
		return "", "", false
	}
	work, group, _ = strings.Cut(string(v), "\x00")
	return work, group, true
}

// keptApart reports whether the user split identity from any of others.
func (t *txn) keptApart(identity string, others []string) bool {
	merges := t.bucket(bucketMerges)
	for _, o := range others {
		if o != identity && merges.Get([]byte(rulePrefixApart+identity+"\x00"+o)) != nil {
			return true
		}
	}
	return false
}

// removeOrigin takes every description from one document or import out of
// the works it points at. Works left without descriptions stay searchable
// (under their old keys and identities) until flush deletes them, so that
// re-adding a replaced document finds its works again under the same ids.
func (t *txn) removeOrigin(from string, ids map[string]string) error {
	seen := map[string]bool{}
	for _, id := range sortedValues(ids) {
		if seen[id] {
			continue
		}
		seen[id] = true
		w, err := t.work(id)
		if err != nil {
			return err
		}
		if w == nil {
			continue
		}
		var kept []*variant
		for _, v := range w.Variants {
			var origins []*origin
			for _, o := range v.Origins {
				if o.From != from {
					origins = append(origins, o)
				}
			}
			v.Origins = origins
			if len(origins) > 0 {
				kept = append(kept, v)
			} else {
				w.former = append(w.former, v.Identity)
			}
		}
		w.Variants = kept
		if err := t.touch(w); err != nil {
			return err
		}
	}
	return nil
}

func sortedValues(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}
