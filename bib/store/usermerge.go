package store

import (
	"bytes"
	"fmt"
	"sort"

	"github.com/ibid-project/ibid/bib"
)

// Merge records the user's decision that two works are one: other's
// descriptions join keep, other's id leads to keep from now on, and later
// harvests and imports file other's descriptions under keep.
func (s *Store) Merge(keep, other string) (bib.Work, error) {
	var out bib.Work
	err := s.update(func(t *txn) error {
		k, err := t.resolve(keep)
		if err != nil {
			return fmt.Errorf("work %s: %w", keep, err)
		}
		o, err := t.resolve(other)
		if err != nil {
			return fmt.Errorf("work %s: %w", other, err)
		}
		if k.ID == o.ID {
			out = k.work()
			return nil
		}
		merges := t.bucket(bucketMerges)
		for _, a := range k.identities() {
			for _, b := range o.identities() {
				if err := deleteApart(merges, a, b); err != nil {
					return err
				}
			}
		}
		for _, v := range o.Variants {
			if err := merges.Put([]byte(rulePrefixAlias+v.Identity), []byte(k.ID+"\x00"+v.Group)); err != nil {
				return fmt.Errorf("record merge: %w", err)
			}
			if err := t.repoint(v.Origins, k.ID); err != nil {
				return err
			}
		}
		if err := t.retargetAliases(o.ID, k.ID); err != nil {
			return err
		}
		if err := merges.Put([]byte(rulePrefixMoved+o.ID), []byte(k.ID)); err != nil {
			return fmt.Errorf("record merge: %w", err)
		}
		k.Variants = append(k.Variants, o.Variants...)
		o.Variants = nil
		t.remove(o)
		if err := t.touch(k); err != nil {
			return err
		}
		out = k.work()
		return nil
	})
	if err != nil {
		return bib.Work{}, fmt.Errorf("merge %s into %s: %w", other, keep, err)
	}
	return out, nil
}

// Unmerge undoes a merge: the work splits into the works it was merged
// from (the groups of its descriptions), or, when it was never merged by
// the user, into one work per distinct description. The parts are recorded
// as kept apart, so later harvests do not merge them back. It returns the
// resulting works, the one keeping id first.
func (s *Store) Unmerge(id string) ([]bib.Work, error) {
	var out []bib.Work
	err := s.update(func(t *txn) error {
		w, err := t.resolve(id)
		if err != nil {
			return fmt.Errorf("work %s: %w", id, err)
		}
		parts := splitVariants(w)
		if len(parts) < 2 {
			return fmt.Errorf("work %s has a single description: %w", w.ID, ErrNothingToUnmerge)
		}
		merges := t.bucket(bucketMerges)
		for i, p := range parts {
			for _, q := range parts[i+1:] {
				for _, a := range identitiesOf(p.variants) {
					for _, b := range identitiesOf(q.variants) {
						if err := putApart(merges, a, b); err != nil {
							return err
						}
					}
				}
			}
		}
		w.Variants = parts[0].variants
		if err := t.touch(w); err != nil {
			return err
		}
		out = append(out, w.work())
		for _, p := range parts[1:] {
			nw := &workRecord{}
			if p.group != "" && p.group != w.ID && !t.exists(p.group) && !t.deleted[p.group] {
				nw.ID = p.group
			} else {
				nw.ID = t.newID(&p.variants[0].Item)
			}
			for _, v := range p.variants {
				v.Group = nw.ID
				if err := merges.Delete([]byte(rulePrefixAlias + v.Identity)); err != nil {
					return err
				}
				if err := t.repoint(v.Origins, nw.ID); err != nil {
					return err
				}
			}
			if err := merges.Delete([]byte(rulePrefixMoved + nw.ID)); err != nil {
				return err
			}
			nw.Variants = p.variants
			if err := t.touch(nw); err != nil {
				return err
			}
			out = append(out, nw.work())
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("unmerge %s: %w", id, err)
	}
	return out, nil
}

// part is one side of an unmerge.
type part struct {
	group    string // the group id, "" when split by description
	variants []*variant
}

// splitVariants partitions a work's descriptions by the group they were
// filed under; a work of one group is split by identity instead. The part
// holding the work's own group comes first.
func splitVariants(w *workRecord) []part {
	by := func(key func(*variant) string) []part {
		index := map[string]int{}
		var parts []part
		for _, v := range w.Variants {
			k := key(v)
			i, ok := index[k]
			if !ok {
				i = len(parts)
				index[k] = i
				parts = append(parts, part{group: k})
			}
			parts[i].variants = append(parts[i].variants, v)
		}
		sort.SliceStable(parts, func(i, j int) bool { return parts[i].group == w.ID && parts[j].group != w.ID })
		return parts
	}
	if parts := by(func(v *variant) string { return v.Group }); len(parts) > 1 {
		return parts
	}
	parts := by(func(v *variant) string { return v.Identity })
	for i := range parts {
		parts[i].group = ""
	}
	return parts
}

func identitiesOf(vs []*variant) []string {
	var out []string
	for _, v := range vs {
		if !contains(out, v.Identity) {
			out = append(out, v.Identity)
		}
	}
	return out
}

type putDeleter interface {
	Put(key, value []byte) error
	Delete(key []byte) error
}

func putApart(merges putDeleter, a, b string) error {
	if a == b {
		return nil // one description cannot be kept apart from itself
	}
	for _, k := range []string{rulePrefixApart + a + "\x00" + b, rulePrefixApart + b + "\x00" + a} {
		if err := merges.Put([]byte(k), []byte{}); err != nil {
			return fmt.Errorf("record unmerge: %w", err)
		}
	}
	return nil
}

func deleteApart(merges putDeleter, a, b string) error {
	for _, k := range []string{rulePrefixApart + a + "\x00" + b, rulePrefixApart + b + "\x00" + a} {
		if err := merges.Delete([]byte(k)); err != nil {
			return fmt.Errorf("record merge: %w", err)
		}
	}
	return nil
}

// repoint makes the documents and imports of these origins map their local
// keys to work id.
func (t *txn) repoint(origins []*origin, id string) error {
	for _, o := range origins {
		keys, save, err := t.originKeys(o.From)
		if err != nil {
			return err
		}
		if keys == nil {
			continue
		}
		keys[o.Key] = id
		if err := save(); err != nil {
			return err
		}
	}
	return nil
}

// retargetAliases points the merge rules that named from at to.
func (t *txn) retargetAliases(from, to string) error {
	merges := t.bucket(bucketMerges)
	c := merges.Cursor()
	prefix := []byte(rulePrefixAlias)
	type rule struct{ key, value []byte }
	var changes []rule
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		work, group, _ := bytes.Cut(v, []byte{0})
		if string(work) == from {
			changes = append(changes, rule{append([]byte(nil), k...), []byte(to + "\x00" + string(group))})
		}
	}
	for _, r := range changes {
		if err := merges.Put(r.key, r.value); err != nil {
			return fmt.Errorf("record merge: %w", err)
		}
	}
	return nil
}
