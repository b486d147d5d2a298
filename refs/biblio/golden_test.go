package biblio

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ibid-project/ibid/refs/text"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fixtures are the synthetic documents under testdata.
func fixtures(t testing.TB) []string {
	t.Helper()
	var out []string
	for _, pat := range []string{"*.txt", "*.md"} {
		m, err := filepath.Glob(filepath.Join("testdata", pat))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m...)
	}
	if len(out) == 0 {
		t.Fatal("no fixtures in testdata")
	}
	return out
}

// findFile runs Find over a fixture.
func findFile(t testing.TB, path string) []Bibliography {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	doc, err := text.Decode(filepath.Base(path), data)
	if err != nil {
		t.Fatalf("decode %s: %v", path, err)
	}
	return Find(doc, nil)
}

// render is the golden form of a document's bibliographies.
func render(t testing.TB, path string) []byte {
	t.Helper()
	out, err := json.MarshalIndent(findFile(t, path), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(out, '\n')
}

// TestGolden compares Find over every fixture with its golden JSON; run
// with -update to rewrite the golden files. A second run must give the
// same output.
func TestGolden(t *testing.T) {
	for _, path := range fixtures(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			got := render(t, path)
			for _, b := range findFile(t, path) {
				checkEntryInvariants(t, b, true)
			}
			if again := render(t, path); !bytes.Equal(got, again) {
				t.Fatal("Find is not deterministic")
			}
			golden := strings.TrimSuffix(path, filepath.Ext(path)) + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (run with -update): %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s; got:\n%s", path, golden, got)
			}
		})
	}
}
