package csljson

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ibid-project/ibid/internal/corpus"
)

// sharedDir returns ../shared next to the repository root, or skips.
func sharedDir(t testing.TB) string { return corpus.Shared(t) }

// TestRenderedDevRecords parses every CSL-JSON record file of the
// rendered-dev corpus and checks each item against the record as decoded
// plainly.
func TestRenderedDevRecords(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(sharedDir(t), "corpus", "rendered-dev", "*.csl.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Skip("no rendered-dev records")
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var records []map[string]any
			if err := json.Unmarshal(data, &records); err != nil {
				t.Fatal(err)
			}
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			items, err := Parse(filepath.Base(path), f)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if len(items) != len(records) {
				t.Fatalf("got %d items, want %d", len(items), len(records))
			}
			for i, rec := range records {
				it := items[i]
				if it.ID != rec["id"] || it.Type != rec["type"] || it.Title != strings.TrimSpace(rec["title"].(string)) {
					t.Errorf("item %d: got id %q type %q title %q, want %v %v %v",
						i, it.ID, it.Type, it.Title, rec["id"], rec["type"], rec["title"])
				}
				if s, ok := rec["container-title"].(string); ok && it.ContainerTitle != s {
					t.Errorf("item %s: container-title %q, want %q", it.ID, it.ContainerTitle, s)
				}
				if authors, ok := rec["author"].([]any); ok && len(it.Author) != len(authors) {
					t.Errorf("item %s: %d authors, want %d", it.ID, len(it.Author), len(authors))
				}
				if issued, ok := rec["issued"].(map[string]any); ok {
					parts, _ := issued["date-parts"].([]any)
					if len(parts) > 0 {
						first, _ := parts[0].([]any)
						if year := number(first[0]); it.YearOf() != year {
							t.Errorf("item %s: year %d, want %v", it.ID, it.YearOf(), year)
						}
					}
				}
			}
		})
	}
}

// number reads a JSON number or numeric string as decoded into any.
func number(v any) int {
	switch v := v.(type) {
	case float64:
		return int(v)
	case string:
		return atoi(v)
	}
	return 0
}

// jsonNumber is how custom numbers decode.
func jsonNumber(s string) json.Number { return json.Number(s) }
