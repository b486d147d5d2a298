package harvest

import (
	"os"
	"testing"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/refs"
)

func TestInputOfSample(t *testing.T) {
	data, err := os.ReadFile("../../testdata/sample-thesis.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := refs.Parse("sample.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	in := Input(doc, data)
	if len(in.Hash) != 64 {
		t.Errorf("hash %q is not a sha256 hex digest", in.Hash)
	}
	if in.Notes != len(doc.Notes) || in.Entries != len(doc.Entries) || len(in.Sequences) != len(doc.Sequences) {
		t.Errorf("counts %d/%d/%d, want %d/%d/%d", in.Notes, in.Entries, len(in.Sequences), len(doc.Notes), len(doc.Entries), len(doc.Sequences))
	}
	if got, want := len(in.Citations), doc.CitationCount(); got != want {
		t.Errorf("citations = %d, want %d (every resolved citation)", got, want)
	}
	keys := map[string]bool{}
	for _, w := range in.Works {
		keys[w.Key] = true
		if w.InBibliography && len(w.Sources) == 0 {
			t.Errorf("work %s is in the bibliography but has no provenance", w.Key)
		}
	}
	for _, c := range in.Citations {
		if !keys[c.Work] {
			t.Errorf("citation at line %d names work %q that the input does not carry", c.Line, c.Work)
		}
		if c.Seq != "" && c.Note == 0 {
			t.Errorf("note citation at line %d has no note number", c.Line)
		}
	}
	if len(in.Findings) != len(doc.Problems) {
		t.Errorf("findings = %d, want %d", len(in.Findings), len(doc.Problems))
	}
	// Forms survive: the sample cites by ibid, alias and op. cit.
	forms := map[string]bool{}
	for _, c := range in.Citations {
		forms[c.Form] = true
	}
	for _, f := range []string{bib.FormFull, bib.FormIbid, bib.FormAlias, bib.FormOpCit} {
		if !forms[f] {
			t.Errorf("no %s citation reached the store input", f)
		}
	}
}
