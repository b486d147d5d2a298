package biblio

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ibid-project/ibid/refs/text"
)

// sharedDir returns ../shared relative to the module root, or skips the
// test when it is absent.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("go.mod not found above the package")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, "corpus")); err != nil {
		t.Skipf("shared corpus absent (%s): %v", shared, err)
	}
	return shared
}

// readDoc decodes a corpus document.
func readDoc(t testing.TB, path string) *text.Text {
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
