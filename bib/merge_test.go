package bib

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestMergeItem(t *testing.T) {
	tests := []struct {
		name     string
		dst, src *Item
		check    func(t *testing.T, got *Item)
	}{
		{"full given name over initial", person("Serge", "V.", "Memoirs", 0), person("Serge", "Victor", "Memoirs", 0),
			func(t *testing.T, got *Item) { wantString(t, "given", got.Author[0].Given, "Victor") }},
		{"initial does not replace given name", person("Serge", "Victor", "Memoirs", 0), person("Serge", "V.", "Memoirs", 0),
			func(t *testing.T, got *Item) { wantString(t, "given", got.Author[0].Given, "Victor") }},
		{"accents over unaccented", person("Gerin", "Elise", "Les ecrivains de la revolution", 0), person("Gérin", "Élise", "Les Écrivains de la Révolution", 0),
			func(t *testing.T, got *Item) {
				wantString(t, "family", got.Author[0].Family, "Gérin")
				wantString(t, "given", got.Author[0].Given, "Élise")
				wantString(t, "title", got.Title, "Les Écrivains de la Révolution")
			}},
		{"full title over abbreviated, abbreviation kept as short title", person("Serge", "V.", "Memoirs", 0), person("Serge", "Victor", "Memoirs of a Revolutionary", 1963),
			func(t *testing.T, got *Item) {
				wantString(t, "title", got.Title, "Memoirs of a Revolutionary")
				wantString(t, "title-short", got.TitleShort, "Memoirs")
			}},
		{"abbreviated words expand", person("Carr", "E. H.", "Hist. of Soviet Russia", 0), person("Carr", "E. H.", "A History of Soviet Russia", 0),
			func(t *testing.T, got *Item) { wantString(t, "title", got.Title, "A History of Soviet Russia") }},
		{"different title kept", person("Serge", "Victor", "Memoirs of a Revolutionary", 0), person("Serge", "Victor", "Conquered City", 0),
			func(t *testing.T, got *Item) { wantString(t, "title", got.Title, "Memoirs of a Revolutionary") }},
		{"mixed case over capitals", person("SERGE", "VICTOR", "MEMOIRS", 0), person("Serge", "Victor", "Memoirs", 0),
			func(t *testing.T, got *Item) {
				wantString(t, "family", got.Author[0].Family, "Serge")
				wantString(t, "title", got.Title, "Memoirs")
			}},
		{"more date precision", with(person("Serge", "", "Letter", 1921), func(it *Item) {}), with(person("Serge", "", "Letter", 0), func(it *Item) {
			it.Issued = &Date{DateParts: [][]int{{1921, 3, 4}}}
		}), func(t *testing.T, got *Item) {
			if !reflect.DeepEqual(got.Issued.DateParts, [][]int{{1921, 3, 4}}) {
				t.Errorf("issued = %v, want 1921-03-04", got.Issued.DateParts)
			}
		}},
		{"conflicting year kept", person("Serge", "", "Memoirs", 1963), person("Serge", "", "Memoirs", 1964),
			func(t *testing.T, got *Item) {
				if got.YearOf() != 1963 {
					t.Errorf("year = %d, want 1963", got.YearOf())
				}
			}},
		{"author list completed after et al.", &Item{Author: []Name{{Family: "Haupt", Given: "G."}}},
			&Item{Author: []Name{{Family: "Haupt", Given: "Georges"}, {Family: "Marie", Given: "Jean-Jacques"}}},
			func(t *testing.T, got *Item) {
				if len(got.Author) != 2 || got.Author[0].Given != "Georges" || got.Author[1].Family != "Marie" {
					t.Errorf("authors = %+v", got.Author)
				}
			}},
		{"another author list kept", &Item{Author: []Name{{Family: "Haupt"}}}, &Item{Author: []Name{{Family: "Marie"}, {Family: "Haupt"}}},
			func(t *testing.T, got *Item) {
				if len(got.Author) != 1 || got.Author[0].Family != "Haupt" {
					t.Errorf("authors = %+v", got.Author)
				}
			}},
		{"empty fields filled, set ones kept", &Item{Type: "document", Publisher: "Oxford University Press", Volume: "2"},
			&Item{Type: "book", Publisher: "OUP", PublisherPlace: "London", Volume: "3", ISBN: "0192810664"},
			func(t *testing.T, got *Item) {
				wantString(t, "type", got.Type, "book")
				wantString(t, "publisher", got.Publisher, "Oxford University Press")
				wantString(t, "place", got.PublisherPlace, "London")
				wantString(t, "volume", got.Volume, "2")
				wantString(t, "ISBN", got.ISBN, "0192810664")
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dst := with(tc.dst, func(*Item) {})
			srcBefore, _ := json.Marshal(tc.src)
			MergeItem(dst, tc.src)
			tc.check(t, dst)
			if after, _ := json.Marshal(tc.src); !bytes.Equal(srcBefore, after) {
				t.Errorf("MergeItem changed src: %s → %s", srcBefore, after)
			}
		})
	}
}

func wantString(t *testing.T, field, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %q, want %q", field, got, want)
	}
}

// TestMergeGolden merges groups of variant descriptions of one work, as
// several documents and an import would give them, and compares the
// results with testdata/merge.golden.json.
func TestMergeGolden(t *testing.T) {
	var groups [][]Item
	data, err := os.ReadFile(filepath.Join("testdata", "variants.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &groups); err != nil {
		t.Fatalf("decode variants: %v", err)
	}
	var merged []Item
	for _, g := range groups {
		out := g[0]
		for i := range g[1:] {
			MergeItem(&out, &g[i+1])
		}
		merged = append(merged, out)
	}
	got, err := json.MarshalIndent(merged, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("testdata", "merge.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("merged items differ from %s (rerun with -update after checking):\n%s", golden, got)
	}
	// Merging is idempotent: merging the result with every variant again
	// changes nothing.
	for i, g := range groups {
		again := merged[i]
		for j := range g {
			MergeItem(&again, &g[j])
		}
		if !reflect.DeepEqual(again, merged[i]) {
			t.Errorf("group %d: merging again changed the item", i)
		}
	}
}
