package export

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/ibid-project/ibid/bib"
)

// TestBibTeXRoundTrip re-reads the BibTeX of the synthetic library with
// nickng/bibtex: every entry comes back under its key, with its title and
// first author's family name recoverable from the TeX.
func TestBibTeXRoundTrip(t *testing.T) {
	works := loadWorks(t)
	keys := Keys(works)
	for _, opt := range []Options{{}, {ASCII: true}} {
		out, _ := writeBoth(t, works, opt)
		bt, err := parseNickng(out)
		if err != nil {
			t.Fatalf("nickng/bibtex (ascii %v): %v", opt.ASCII, err)
		}
		if len(bt.Entries) != len(works) {
			t.Fatalf("nickng read %d entries, want %d", len(bt.Entries), len(works))
		}
		byKey := map[string]map[string]string{}
		for _, e := range bt.Entries {
			fields := map[string]string{}
			for name, v := range e.Fields {
				fields[name] = v.String()
			}
			byKey[e.CiteName] = fields
		}
		for _, w := range works {
			fields, ok := byKey[keys[w.ID]]
			if !ok {
				t.Errorf("work %s: no entry under key %q", w.ID, keys[w.ID])
				continue
			}
			if want := plainWords(w.Item.Title); want != "" {
				if got := plainWords(untex(fields["title"])); got != want {
					t.Errorf("%s title: read back %q, want %q", keys[w.ID], got, want)
				}
			}
			if len(w.Item.Author) > 0 && w.Item.Author[0].Family != "" {
				want := plainWords(w.Item.Author[0].Family)
				if got := plainWords(untex(fields["author"])); !strings.Contains(got, want) {
					t.Errorf("%s author: read back %q, want it to hold %q", keys[w.ID], got, want)
				}
			}
		}
	}
}

// untex undoes the writer's TeX for comparison: accents, escapes, braces.
func untex(s string) string {
	r := strings.NewReplacer(`\textbackslash{}`, `\`, `\textasciitilde{}`, "~", `\textasciicircum{}`, "^",
		`\textbraceleft{}`, "{", `\textbraceright{}`, "}", `\/@`, "@",
		`\&`, "&", `\%`, "%", `\$`, "$", `\#`, "#", `\_`, "_", `\{`, "{", `\}`, "}",
		"``", "“", "''", "”", "---", "—", "--", "–")
	s = r.Replace(s)
	s = untexAccents(s)
	return strings.NewReplacer("{", "", "}", "").Replace(s)
}

// untexAccents turns {\'e}-style groups back into letters.
func untexAccents(s string) string {
	for r := rune(0xC0); r < 0x250; r++ {
		if t := texASCII(r); t != string(r) {
			s = strings.ReplaceAll(s, t, string(r))
		}
	}
	return s
}

// plainWords is s with control characters removed and white space made
// single, as the writer cleans it, minus the braces and escapes hostile
// strings need.
func plainWords(s string) string {
	s = strings.NewReplacer("{", "", "}", "").Replace(cleanText(s))
	return strings.Join(strings.Fields(s), " ")
}

// TestCSLJSONRoundTrip reads the CSL-JSON back into items: each equals
// the work's item apart from id, custom and what the export documents it
// adds (a detected language, the Chicago listing fallbacks, dropped empty
// names and unusable dates).
func TestCSLJSONRoundTrip(t *testing.T) {
	works := loadWorks(t)
	keys := Keys(works)
	_, out := writeBoth(t, works, Options{})
	var items []bib.Item
	if err := json.Unmarshal(out, &items); err != nil {
		t.Fatal(err)
	}
	if len(items) != len(works) {
		t.Fatalf("read %d items, want %d", len(items), len(works))
	}
	byID := map[string]bib.Item{}
	for _, it := range items {
		byID[it.ID] = it
	}
	compared := 0
	for _, w := range works {
		got, ok := byID[keys[w.ID]]
		if !ok {
			t.Errorf("work %s: no item with id %q", w.ID, keys[w.ID])
			continue
		}
		ibid, _ := got.Custom["ibid"].(map[string]any)
		if ibid["work"] != w.ID {
			t.Errorf("%s: custom.ibid.work = %v, want %s", got.ID, ibid["work"], w.ID)
		}
		if len(w.Sources) > 0 && ibid["sources"] == nil {
			t.Errorf("%s: provenance lost", got.ID)
		}
		want := w.Item
		if want.Language == "" {
			want.Language = detectLanguage(want.Title)
		}
		if !bib.Types[want.Type] || got.Type != want.Type {
			continue // retyped: checked in TestMakeListed
		}
		got.ID, got.Custom, want.ID, want.Custom = "", nil, "", nil
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s differs after the round trip:\n got %+v\nwant %+v", keys[w.ID], got, want)
		}
		compared++
	}
	if compared < len(works)-5 {
		t.Errorf("only %d of %d items compared", compared, len(works))
	}
}
