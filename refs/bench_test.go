package refs

import (
	"os"
	"testing"
)

// BenchmarkParseThesis parses and resolves the whole thesis (reading,
// notes, bibliography, reference parsing, resolution) on one goroutine:
//
//	go test -run '^$' -bench ParseThesis -cpu 1 ./refs/
func BenchmarkParseThesis(b *testing.B) {
	data, err := os.ReadFile("../../shared/corpus/thesis-serge-1991.txt")
	if err != nil {
		b.Skip("corpus not found beside the repository:", err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Parse("thesis.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}
