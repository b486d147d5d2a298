package refs

import (
	"os"
	"path/filepath"

	"github.com/ibid-project/ibid/internal/corpus"
	"github.com/ibid-project/ibid/refs/biblio"
	"github.com/ibid-project/ibid/refs/notes"
	"github.com/ibid-project/ibid/refs/text"
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

// BenchmarkReadStructure measures the reader alone on the thesis: decoding,
// the bibliography's structure and the notes with their markers, without
// reference parsing and resolution.
func BenchmarkReadStructure(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(corpus.Shared(b), "corpus", "thesis-serge-1991.txt"))
	if err != nil {
		b.Skip("thesis not found:", err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		t, err := text.Decode("thesis.txt", data)
		if err != nil {
			b.Fatal(err)
		}
		bibs := biblio.Find(t, nil)
		notes.Find(t, func(line int) bool { return biblio.Contains(bibs, line) })
	}
}
