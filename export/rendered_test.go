package export

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ibid-project/ibid/bib"
)

var exportDir = flag.String("export-dir", "", "also write the rendered-dev exports here (for scripts/judge.sh)")

// TestRenderedDevRecords exports the real CSL-JSON records behind
// ../shared/corpus/rendered-dev: every file must re-parse with nickng to
// as many entries as works, with unique keys, and validate against the CSL
// schema with ids equal to the keys.
func TestRenderedDevRecords(t *testing.T) {
	shared := sharedDir(t)
	files, err := filepath.Glob(filepath.Join(shared, "corpus", "rendered-dev", "*.csl.json"))
	if err != nil || len(files) == 0 {
		t.Skipf("no rendered-dev records: %v", err)
	}
	schema := cslSchema(t)
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".csl.json")
		t.Run(name, func(t *testing.T) {
			works := readRecords(t, path)
			keys := Keys(works)
			for _, opt := range []Options{{}, {ASCII: true}} {
				var b bytes.Buffer
				if err := WriteBibTeX(&b, works, keys, opt); err != nil {
					t.Fatal(err)
				}
				bt, err := parseNickng(b.Bytes())
				if err != nil {
					t.Fatalf("nickng: %v", err)
				}
				if len(bt.Entries) != len(works) {
					t.Errorf("nickng read %d entries, want %d", len(bt.Entries), len(works))
				}
				for _, v := range fieldValues(b.String()) {
					if !bracesBalance(v) {
						t.Errorf("unbalanced braces in %q", v)
					}
				}
				saveExport(t, name, opt, ".bib", b.Bytes())
			}
			var c bytes.Buffer
			if err := WriteCSLJSON(&c, works, keys); err != nil {
				t.Fatal(err)
			}
			validateCSL(t, schema, c.Bytes())
			checkCSLStructure(t, c.Bytes())
			saveExport(t, name, Options{}, ".json", c.Bytes())
		})
	}
}

func saveExport(t *testing.T, name string, opt Options, ext string, data []byte) {
	if *exportDir == "" {
		return
	}
	if opt.ASCII {
		ext = ".ascii" + ext
	}
	if err := os.WriteFile(filepath.Join(*exportDir, name+ext), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// readRecords reads CSL-JSON records as works, leniently: numbers where
// bib.Item keeps strings, and strings in date-parts, are converted.
func readRecords(t *testing.T, path string) []bib.Work {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var raw []map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	works := make([]bib.Work, 0, len(raw))
	for i, rec := range raw {
		for k, v := range rec {
			switch x := v.(type) {
			case float64:
				rec[k] = strconv.FormatFloat(x, 'f', -1, 64)
			case map[string]any:
				if parts, ok := x["date-parts"].([]any); ok {
					x["date-parts"] = intParts(parts)
				}
			}
		}
		fixed, _ := json.Marshal(rec)
		var it bib.Item
		if err := json.Unmarshal(fixed, &it); err != nil {
			t.Fatalf("%s record %d: %v", path, i, err)
		}
		works = append(works, bib.Work{ID: fmt.Sprint(rec["id"]), Item: it,
			Sources: []bib.Provenance{{Doc: filepath.Base(path), Line: i + 1}}})
	}
	return works
}

func intParts(parts []any) [][]int {
	var out [][]int
	for _, p := range parts {
		list, _ := p.([]any)
		var nums []int
		for _, n := range list {
			switch x := n.(type) {
			case float64:
				nums = append(nums, int(x))
			case string:
				v, _ := strconv.Atoi(x)
				nums = append(nums, v)
			}
		}
		out = append(out, nums)
	}
	return out
}
