package export

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/ibid-project/ibid/bib"
)

// FuzzWriteBibTeX writes a work with arbitrary strings in its title,
// author and publisher: the output must re-parse with nickng/bibtex to
// exactly one entry, every value's braces must balance, and the CSL-JSON
// of the same work must be one valid item.
func FuzzWriteBibTeX(f *testing.F) {
	for _, s := range []string{
		"The Making of the USSR", "L'An I de la révolution russe", `\input{/etc/passwd}`,
		"}", "{", "%", "@comment{x}", "a\x00b\x1b", "Русская революция", "המהפכה הרוסית",
		"Smith and Sons, Ltd.", "$x^2$ & #1 _a_ ~", "{\\'e}", "\xff\xfe", "@", "\\",
	} {
		f.Add(s, s, s, false)
		f.Add(s, "Serge", "", true)
	}
	f.Fuzz(func(t *testing.T, title, family, publisher string, ascii bool) {
		works := []bib.Work{{ID: "w", Item: bib.Item{
			Type: "book", Title: title, Publisher: publisher,
			Author: []bib.Name{{Family: family, Given: title}, {Literal: publisher}},
			Issued: &bib.Date{Literal: title},
		}}}
		var out bytes.Buffer
		if err := WriteBibTeX(&out, works, nil, Options{ASCII: ascii}); err != nil {
			t.Fatal(err)
		}
		bt, err := parseNickng(out.Bytes())
		if err != nil {
			t.Fatalf("nickng/bibtex: %v\n%s", err, out.String())
		}
		if len(bt.Entries) != 1 {
			t.Fatalf("nickng read %d entries, want 1\n%s", len(bt.Entries), out.String())
		}
		for _, v := range fieldValues(out.String()) {
			if !bracesBalance(v) {
				t.Fatalf("unbalanced braces in %q", v)
			}
		}
		var csl bytes.Buffer
		if err := WriteCSLJSON(&csl, works, nil); err != nil {
			t.Fatal(err)
		}
		var items []bib.Item
		if err := json.Unmarshal(csl.Bytes(), &items); err != nil || len(items) != 1 {
			t.Fatalf("CSL-JSON: %d items, %v", len(items), err)
		}
	})
}
