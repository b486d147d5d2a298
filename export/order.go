package export

import (
	"slices"
	"strings"

	"github.com/ibid-project/ibid/bib"
)

// keyed is a work with the key it is written under.
type keyed struct {
	work *bib.Work
	key  string
}

// orderWorks pairs each work with its key and sorts them by key, so that
// output does not depend on the order of works. A key missing from keys (or
// nil keys) is made by Keys; a key with characters BibTeX or biber reject
// is cleaned; two works given the same key are told apart with a suffix.
func orderWorks(works []bib.Work, keys map[string]string) []keyed {
	var generated map[string]string
	out := make([]keyed, len(works))
	for i := range works {
		w := &works[i]
		key := cleanKey(keys[w.ID])
		if key == "" {
			if generated == nil {
				generated = Keys(works)
			}
			key = generated[w.ID]
		}
		out[i] = keyed{work: w, key: key}
	}
	slices.SortFunc(out, compareKeyed)
	dedupeKeys(out)
	return out
}

// dedupeKeys gives every repeat of a key (in sorted order) the next free
// suffix, then restores the order by key.
func dedupeKeys(out []keyed) {
	clash := false
	for i := 1; i < len(out); i++ {
		if out[i].key == out[i-1].key {
			clash = true
			break
		}
	}
	if !clash {
		return
	}
	used := make(map[string]bool, len(out))
	bases := make(map[string]bool, len(out))
	for _, k := range out {
		bases[k.key] = true
	}
	next := 0
	for i := range out {
		switch {
		case used[out[i].key]:
			out[i].key, next = nextFree(out[i].key, next, used, bases)
		default:
			next = 0
		}
		used[out[i].key] = true
	}
	slices.SortFunc(out, compareKeyed)
}

// compareKeyed orders by key, then by work ID, then by title, so that the
// order depends on the works only.
func compareKeyed(a, b keyed) int {
	if c := strings.Compare(a.key, b.key); c != 0 {
		return c
	}
	if c := strings.Compare(a.work.ID, b.work.ID); c != 0 {
		return c
	}
	return strings.Compare(a.work.Item.Title, b.work.Item.Title)
}

// reservedKeys are words BibTeX parsers take for commands wherever they
// appear, so no key may be one of them.
var reservedKeys = map[string]bool{"comment": true, "string": true, "preamble": true}

// safeKey prefixes a key that is a reserved word.
func safeKey(key string) string {
	if reservedKeys[strings.ToLower(key)] {
		return "anon" + key
	}
	return key
}

// cleanKey keeps the characters every BibTeX reader accepts in a key:
// ASCII letters, digits and _ : -; a reserved word is prefixed.
func cleanKey(key string) string {
	return safeKey(keepKeyBytes(key))
}

func keepKeyBytes(key string) string {
	for i := 0; i < len(key); i++ {
		if !keyByte(key[i]) {
			b := make([]byte, 0, len(key))
			for j := 0; j < len(key); j++ {
				if keyByte(key[j]) {
					b = append(b, key[j])
				}
			}
			return string(b)
		}
	}
	return key
}

func keyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == ':' || c == '-'
}
