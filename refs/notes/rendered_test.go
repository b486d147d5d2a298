package notes

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ibid-project/ibid/refs/text"
)

// renderedKey is the part of a rendered-dev answer key this package checks.
type renderedKey struct {
	BibliographyHeading string `json:"bibliography_heading"`
	Counts              struct {
		Notes int `json:"notes"`
	} `json:"counts"`
	Notes []struct {
		N    int    `json:"n"`
		Text string `json:"text"`
	} `json:"notes"`
}

// plainSkip skips a pandoc plain document's bibliography: from its heading
// to the first "[1] " paragraph after it that is not the heading's first
// paragraph (numbered bibliographies start with "[1]" themselves), else to
// the end.
func plainSkip(doc *text.Text, heading string) func(int) bool {
	start, end := 0, len(doc.Lines)+1
	for i, l := range doc.Lines {
		if strings.TrimSpace(l) == heading {
			start = i + 1
		}
	}
	if start == 0 {
		return nil
	}
	first := true
	for i := start; i < len(doc.Lines); i++ {
		l := doc.Lines[i]
		if l == "" || doc.Lines[i-1] != "" {
			continue
		}
		if strings.HasPrefix(l, "[1] ") && !first {
			end = i + 1
			break
		}
		first = false
	}
	return func(line int) bool { return line >= start && line < end }
}

func TestRenderedDev(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "corpus", "rendered-dev")
	for i := 1; i <= 10; i++ {
		name := fmt.Sprintf("dev-%02d", i)
		var key renderedKey
		data, err := os.ReadFile(filepath.Join(dir, name+".key.json"))
		if err != nil {
			t.Skipf("rendered-dev key absent: %v", err)
		}
		if err := json.Unmarshal(data, &key); err != nil {
			t.Fatalf("read %s key: %v", name, err)
		}
		for _, variant := range []string{"plain.txt", "ocr.txt", "markdown.md"} {
			t.Run(name+"."+variant, func(t *testing.T) {
				doc := readDoc(t, filepath.Join(dir, name+"."+variant))
				var skip func(int) bool
				if variant == "plain.txt" {
					skip = plainSkip(doc, key.BibliographyHeading)
				}
				res := Find(doc, skip)
				checkRendered(t, res, key)
			})
		}
	}
}

// checkRendered asserts the key's count of notes, numbered 1..N in order in
// one sequence, each with a marker and with the key's text (spacing aside).
func checkRendered(t *testing.T, res Result, key renderedKey) {
	t.Helper()
	if want := key.Counts.Notes; len(res.Notes) != want {
		t.Errorf("found %d notes (form %q), key says %d", len(res.Notes), res.Form, want)
	}
	bad := 0
	for k, n := range res.Notes {
		if n.Number != k+1 && bad < 5 {
			t.Errorf("note %d at line %d is numbered %d", k+1, n.Line, n.Number)
			bad++
		}
		if len(n.Markers) == 0 && bad < 5 {
			t.Errorf("note %d at line %d has no marker", n.Number, n.Line)
			bad++
		}
		if k < len(key.Notes) && strings.Join(strings.Fields(n.Text), " ") != strings.Join(strings.Fields(key.Notes[k].Text), " ") && bad < 5 {
			t.Errorf("note %d at line %d reads\n%q\nkey says\n%q", n.Number, n.Line, n.Text, key.Notes[k].Text)
			bad++
		}
		if n.Seq != res.Notes[0].Seq && bad < 5 {
			t.Errorf("note %d at line %d is in sequence %q, not %q", n.Number, n.Line, n.Seq, res.Notes[0].Seq)
			bad++
		}
	}
	for _, f := range res.Findings {
		if f.Code == MarkerWithoutNote && bad < 5 {
			t.Errorf("finding: %s line %d: %s", f.Code, f.Line, f.Message)
			bad++
		}
	}
}
