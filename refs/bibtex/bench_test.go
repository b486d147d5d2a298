package bibtex

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkParse reads a 2,000-entry file and converts it to items.
func BenchmarkParse(b *testing.B) {
	var src strings.Builder
	src.WriteString("@string{pub = {Presses Universitaires}}\n")
	for i := range 2000 {
		fmt.Fprintf(&src, "@book{key%d,\n  author = {M{\\\"u}ller, Hans and van der Berg, Jan},\n"+
			"  title = {Title {USSR} number %d --- a study of {\\'e}t{\\'e}},\n  publisher = pub,\n"+
			"  year = %d, month = mar, pages = {%d--%d},\n}\n\n", i, i, 1900+i%100, i, i+10)
	}
	data := src.String()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		entries, err := Parse("bench.bib", strings.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if items := Items(entries); len(items) != 2000 {
			b.Fatalf("%d items", len(items))
		}
	}
}
