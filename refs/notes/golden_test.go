package notes

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ibid-project/ibid/refs/text"
)

var update = flag.Bool("update", false, "rewrite golden files")

// golden is what a golden file records of a Result: NoteLine as ranges.
type golden struct {
	Form      string    `json:"form"`
	Notes     []Note    `json:"notes"`
	Findings  []Finding `json:"findings"`
	NoteLines []string  `json:"note_lines"`
}

func toGolden(r Result) golden {
	return golden{Form: r.Form, Notes: r.Notes, Findings: r.Findings, NoteLines: lineRanges(r.NoteLine)}
}

// lineRanges writes the true entries of flags as 1-based ranges "3-5".
func lineRanges(flags []bool) []string {
	out := []string{}
	for i := 0; i < len(flags); i++ {
		if !flags[i] {
			continue
		}
		j := i
		for j+1 < len(flags) && flags[j+1] {
			j++
		}
		if i == j {
			out = append(out, fmt.Sprint(i+1))
		} else {
			out = append(out, fmt.Sprintf("%d-%d", i+1, j+1))
		}
		i = j
	}
	return out
}

func decodeFile(t *testing.T, path string) *text.Text {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	doc, err := text.Decode(filepath.Base(path), data)
	if err != nil {
		t.Fatalf("decode %s: %v", path, err)
	}
	return doc
}

func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range inputs {
		if strings.HasSuffix(in, ".golden.json") || strings.Contains(in, string(filepath.Separator)+"fuzz") {
			continue
		}
		t.Run(filepath.Base(in), func(t *testing.T) {
			doc := decodeFile(t, in)
			got, err := json.MarshalIndent(toGolden(Find(doc, nil)), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := strings.TrimSuffix(in, filepath.Ext(in)) + ".golden.json"
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("read golden file (run with -update to create it): %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Find(%s) differs from %s; run go test -update and review the diff:\n%s", in, path, got)
			}
			again, _ := json.MarshalIndent(toGolden(Find(doc, nil)), "", "  ")
			if !bytes.Equal(append(again, '\n'), got) {
				t.Errorf("a second Find of %s gives a different result", in)
			}
		})
	}
}

// TestBodyHasNoNotes removes every note line a fixture's Result marks and
// checks that what is left holds no notes: NoteLine covers the notes.
func TestBodyHasNoNotes(t *testing.T) {
	inputs, _ := filepath.Glob("testdata/*.*")
	for _, in := range inputs {
		if strings.HasSuffix(in, ".golden.json") {
			continue
		}
		doc := decodeFile(t, in)
		res := Find(doc, nil)
		body := &text.Text{Name: doc.Name}
		for i, l := range doc.Lines {
			if !res.NoteLine[i] {
				body.Lines = append(body.Lines, l)
				body.PageBreak = append(body.PageBreak, doc.PageBreak[i])
			}
		}
		if left := Find(body, nil); len(left.Notes) != 0 {
			t.Errorf("%s: with its note lines removed, %d notes remain, first at line %d: %q", in, len(left.Notes), left.Notes[0].Line, left.Notes[0].Text)
		}
		if !reflect.DeepEqual(res, Find(doc, nil)) {
			t.Errorf("%s: Find is not deterministic", in)
		}
	}
}
