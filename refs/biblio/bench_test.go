package biblio

import (
	"path/filepath"
	"testing"
)

// BenchmarkFindThesis times Find over the whole 7,779-line thesis (goal: a
// few milliseconds).
func BenchmarkFindThesis(b *testing.B) {
	doc := readDoc(b, filepath.Join(sharedDir(b), "corpus", "thesis-serge-1991.txt"))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if bs := Find(doc, nil); len(bs) != 1 {
			b.Fatalf("found %d bibliographies", len(bs))
		}
	}
}
