package csljson

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden parses every testdata/*.json that is not itself a golden file
// and compares the items, re-encoded, with the .golden.json beside it.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, path := range files {
		if strings.HasSuffix(path, ".golden.json") {
			continue
		}
		n++
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			items, err := Parse(path, bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(items); err != nil {
				t.Fatal(err)
			}
			got := buf.Bytes()
			golden := strings.TrimSuffix(path, ".json") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("items differ from %s (run go test -update after checking):\n%s", golden, got)
			}
			// The output is strict CSL-JSON: reading it again changes nothing.
			again, err := Parse(golden, bytes.NewReader(got))
			if err != nil {
				t.Fatal(err)
			}
			var buf2 bytes.Buffer
			enc2 := json.NewEncoder(&buf2)
			enc2.SetEscapeHTML(false)
			enc2.SetIndent("", "  ")
			if err := enc2.Encode(again); err != nil || !bytes.Equal(buf2.Bytes(), got) {
				t.Errorf("re-reading the output changes it: %v\n%s", err, buf2.Bytes())
			}
		})
	}
	if n == 0 {
		t.Fatal("no testdata inputs")
	}
}
