package refs

import (
	"os"
	"path/filepath"

	"github.com/ibid-project/ibid/internal/corpus"
	"testing"
)

// BenchmarkParseThesis parses and resolves the whole thesis (reading,
// notes, bibliography, reference parsing, resolution) on one goroutine:
//
//	go test -run '^$' -bench ParseThesis -cpu 1 ./refs/
func BenchmarkParseThesis(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(corpus.Shared(b), "corpus", "thesis-serge-1991.txt"))
	if err != nil {
		b.Skip("thesis not found:", err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Parse("thesis.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}
