package notes

import "testing"

// BenchmarkFindThesis times Find over the whole OCR'd thesis (7,779 lines).
func BenchmarkFindThesis(b *testing.B) {
	doc := thesis(b)
	skip := thesisSkip(doc)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Find(doc, skip)
	}
}
