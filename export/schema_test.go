package export

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/ibid-project/ibid/internal/corpus"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/ibid-project/ibid/bib"
)

// TestCSLJSONSchema validates the synthetic library's CSL-JSON against the
// official schema in ../shared/csl.
func TestCSLJSONSchema(t *testing.T) {
	schema := cslSchema(t)
	for _, works := range [][]bib.Work{loadWorks(t), awkwardWorks()} {
		_, out := writeBoth(t, works, Options{})
		validateCSL(t, schema, out)
	}
}

// awkwardWorks are items built to break the schema: unknown type, empty
// names, zero, negative, overlong and too many date parts, a custom value
// in ibid's place.
func awkwardWorks() []bib.Work {
	return []bib.Work{
		{ID: "a", Item: bib.Item{Type: "no-such-type", Author: []bib.Name{{}, {Family: "X"}}, Editor: []bib.Name{{}}}},
		{ID: "b", Item: bib.Item{Type: "book", Issued: &bib.Date{DateParts: [][]int{{0}}, Literal: ""}}},
		{ID: "c", Item: bib.Item{Type: "book", Issued: &bib.Date{DateParts: [][]int{{1990, 0, 3}, {1991}, {1992}}}}},
		{ID: "d", Item: bib.Item{Type: "book", Issued: &bib.Date{DateParts: [][]int{{-5}}, Literal: "some day"}}},
		{ID: "e", Item: bib.Item{Type: "book", Issued: &bib.Date{DateParts: [][]int{{1990, 1, 2, 3}}}, Custom: map[string]any{"ibid": "old"}}},
	}
}

func cslSchema(t testing.TB) *jsonschema.Schema { return corpus.CSLSchema(t) }

func validateCSL(t testing.TB, schema *jsonschema.Schema, out []byte) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Errorf("output does not validate against csl-data.json: %v", err)
	}
}

// cslNameKeys, cslDateKeys are the keys the schema allows in a name and a
// date object (the subset ibid writes).
var (
	cslNameKeys = map[string]bool{"family": true, "given": true, "dropping-particle": true,
		"non-dropping-particle": true, "suffix": true, "literal": true}
	cslDateKeys = map[string]bool{"date-parts": true, "season": true, "circa": true, "literal": true}
	cslNameVars = []string{"author", "editor", "translator", "recipient", "interviewer", "container-author"}
	cslDateVars = []string{"issued", "original-date", "accessed"}
)

// checkCSLStructure is a built-in check of the schema's main rules that
// runs without ../shared: an array of objects with a string id and a known
// type, names as objects, dates as integer date-parts or a literal, no
// empty strings.
func checkCSLStructure(t testing.TB, out []byte) {
	t.Helper()
	var items []map[string]any
	if err := json.Unmarshal(out, &items); err != nil {
		t.Fatalf("not an array of objects: %v", err)
	}
	for i, it := range items {
		if id, ok := it["id"].(string); !ok || id == "" {
			t.Errorf("item %d: id %v is not a non-empty string", i, it["id"])
		}
		if typ, _ := it["type"].(string); !bib.Types[typ] {
			t.Errorf("item %d: type %v is not a CSL type", i, it["type"])
		}
		for k, v := range it {
			if s, ok := v.(string); ok && s == "" {
				t.Errorf("item %d: empty %s", i, k)
			}
		}
		for _, nv := range cslNameVars {
			names, present := it[nv]
			if !present {
				continue
			}
			list, ok := names.([]any)
			if !ok || len(list) == 0 {
				t.Errorf("item %d: %s is not a non-empty list", i, nv)
				continue
			}
			for _, n := range list {
				obj, ok := n.(map[string]any)
				if !ok || len(obj) == 0 {
					t.Errorf("item %d: %s holds %v, not a name object", i, nv, n)
				}
				for k := range obj {
					if !cslNameKeys[k] {
						t.Errorf("item %d: %s name has key %q", i, nv, k)
					}
				}
			}
		}
		for _, dv := range cslDateVars {
			d, present := it[dv]
			if !present {
				continue
			}
			checkCSLDate(t, i, dv, d)
		}
	}
}

func checkCSLDate(t testing.TB, i int, name string, d any) {
	obj, ok := d.(map[string]any)
	if !ok {
		t.Errorf("item %d: %s is %v, not a date object", i, name, d)
		return
	}
	for k := range obj {
		if !cslDateKeys[k] {
			t.Errorf("item %d: %s has key %q", i, name, k)
		}
	}
	parts, hasParts := obj["date-parts"].([]any)
	if !hasParts {
		if lit, _ := obj["literal"].(string); lit == "" {
			t.Errorf("item %d: %s has neither date-parts nor literal", i, name)
		}
		return
	}
	if len(parts) < 1 || len(parts) > 2 {
		t.Errorf("item %d: %s has %d date-parts", i, name, len(parts))
	}
	for _, p := range parts {
		nums, ok := p.([]any)
		if !ok || len(nums) < 1 || len(nums) > 3 {
			t.Errorf("item %d: %s date-part %v", i, name, p)
			continue
		}
		for _, n := range nums {
			if f, ok := n.(float64); !ok || f != float64(int(f)) || f <= 0 {
				t.Errorf("item %d: %s date-part %v is not a positive integer", i, name, n)
			}
		}
	}
}

// TestCSLStructure runs the built-in structural check over the synthetic
// library and over items built to break it.
func TestCSLStructure(t *testing.T) {
	_, out := writeBoth(t, loadWorks(t), Options{})
	checkCSLStructure(t, out)
	_, out = writeBoth(t, awkwardWorks(), Options{})
	checkCSLStructure(t, out)
}

func TestMakeListed(t *testing.T) {
	cited := []bib.Provenance{{Doc: "b.txt", Line: 3}, {Doc: "a.txt", Line: 9}, {Doc: "b.txt", Line: 7}}
	for _, tc := range []struct {
		item          bib.Item
		sources       []bib.Provenance
		typ, referred string
	}{
		{bib.Item{Type: "personal_communication"}, cited, "personal_communication", "Cited in a.txt, b.txt"},
		{bib.Item{Type: "personal_communication", Archive: "Hoover Institution"}, cited, "personal_communication", ""},
		{bib.Item{Type: "interview"}, nil, "interview", "Unpublished"},
		{bib.Item{Type: "speech", Publisher: "X"}, nil, "speech", ""},
		{bib.Item{Type: "entry-encyclopedia", ContainerTitle: "Britannica"}, nil, "chapter", ""},
		{bib.Item{Type: "entry-encyclopedia", Author: []bib.Name{{Family: "A"}}}, nil, "entry-encyclopedia", ""},
		{bib.Item{Type: "entry"}, cited, "document", "Cited in a.txt, b.txt"},
		{bib.Item{Type: "classic"}, nil, "book", ""},
		{bib.Item{Type: "classic", Translator: []bib.Name{{Family: "T"}}}, nil, "classic", ""},
		{bib.Item{Type: "post"}, nil, "post-weblog", ""},
		{bib.Item{Type: "book"}, nil, "book", ""},
	} {
		rec := cslRecord{Item: tc.item}
		makeListed(&rec, tc.sources)
		if rec.Type != tc.typ || rec.References != tc.referred {
			t.Errorf("%s: got type %q references %q, want %q %q", tc.item.Type, rec.Type, rec.References, tc.typ, tc.referred)
		}
	}
}
