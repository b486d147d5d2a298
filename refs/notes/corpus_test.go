package notes

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ibid-project/ibid/internal/corpus"

	"github.com/ibid-project/ibid/refs/text"
)

// sharedDir locates ../shared relative to the repository root (the
// directory holding go.mod), or skips the test.
func sharedDir(t testing.TB) string { return corpus.Shared(t) }

// readDoc decodes a corpus document or skips the test when it is absent.
func readDoc(t testing.TB, path string) *text.Text {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		if os.IsNotExist(err) {
			t.Skipf("corpus document absent: %s", path)
		}
		t.Fatalf("read %s: %v", path, err)
	}
	doc, err := text.Decode(filepath.Base(path), data)
	if err != nil {
		t.Fatalf("decode %s: %v", path, err)
	}
	return doc
}
