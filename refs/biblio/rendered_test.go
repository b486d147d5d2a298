package biblio

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// renderedKey is the part of a rendered-dev answer key this package checks.
type renderedKey struct {
	BibliographyHeading string `json:"bibliography_heading"`
	Counts              struct {
		BibliographyEntries int `json:"bibliography_entries"`
	} `json:"counts"`
	Bibliography []struct {
		Text string `json:"text"`
	} `json:"bibliography"`
}

// TestRenderedDev checks every rendered-dev document in every layout: one
// bibliography under the key's heading, exactly the key's number of
// entries, each entry's text equal to the key's (whitespace normalised,
// "[n] " label restored for numeric styles), and an inherited author on
// exactly the ditto ("———") entries.
func TestRenderedDev(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "corpus", "rendered-dev")
	keys, err := filepath.Glob(filepath.Join(dir, "*.key.json"))
	if err != nil || len(keys) == 0 {
		t.Skipf("no rendered-dev keys in %s", dir)
	}
	total, matched := 0, 0
	for _, kp := range keys {
		data, err := os.ReadFile(kp)
		if err != nil {
			t.Fatal(err)
		}
		var key renderedKey
		if err := json.Unmarshal(data, &key); err != nil {
			t.Fatalf("%s: %v", kp, err)
		}
		name := strings.TrimSuffix(filepath.Base(kp), ".key.json")
		for _, variant := range []string{"plain.txt", "ocr.txt", "markdown.md"} {
			t.Run(name+"/"+variant, func(t *testing.T) {
				doc := readDoc(t, filepath.Join(dir, name+"."+variant))
				bs := Find(doc, nil)
				if len(bs) != 1 {
					t.Fatalf("found %d bibliographies, want 1", len(bs))
				}
				b := bs[0]
				checkEntryInvariants(t, b, true)
				if b.Heading != key.BibliographyHeading {
					t.Errorf("heading %q, want %q", b.Heading, key.BibliographyHeading)
				}
				if got, want := len(b.Entries), key.Counts.BibliographyEntries; got != want {
					t.Errorf("%d entries, want %d", got, want)
				}
				errs := 0
				for i := 0; i < len(b.Entries) && i < len(key.Bibliography) && errs < 5; i++ {
					total++
					e := b.Entries[i]
					got := e.Raw
					if e.Label != "" && e.Label != "-" {
						got = "[" + e.Label + "] " + got
					}
					want := key.Bibliography[i].Text
					if normSpace(got) != normSpace(want) {
						t.Errorf("entry %d (line %d):\n got %q\nwant %q", i+1, e.Line, normSpace(got), normSpace(want))
						errs++
						continue
					}
					matched++
					if ditto := isDitto(e.Raw); ditto != (e.Author != "") {
						t.Errorf("entry %d (line %d) %.40q: author %q", i+1, e.Line, e.Raw, e.Author)
					}
				}
			})
		}
	}
	t.Logf("rendered-dev: %d/%d entry texts match the keys", matched, total)
}

func normSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
