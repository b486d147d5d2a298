package biblio

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ibid-project/ibid/internal/corpus"

	"github.com/ibid-project/ibid/refs/text"
)

// sharedDir returns ../shared relative to the module root, or skips the
// test when it is absent.
func sharedDir(t testing.TB) string { return corpus.Shared(t) }

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
