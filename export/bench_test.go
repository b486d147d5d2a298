package export

import (
	"fmt"
	"io"
	"runtime"
	"testing"
	"time"

	"github.com/ibid-project/ibid/bib"
)

// generatedWorks makes n varied works: every type of the synthetic
// library's shapes, accented and repeated names (so keys clash), a few
// provenance records each.
func generatedWorks(n int) []bib.Work {
	types := []string{"book", "article-journal", "chapter", "thesis", "personal_communication", "report", "interview", "manuscript"}
	families := []string{"Serge", "Trotsky", "Weissman", "Márquez", "Østergaard", "de Gaulle", "Карпов", "Smith"}
	words := []string{"Revolution", "Memoirs", "Soviet", "USSR", "de", "la", "Histoire", "Workers", "Councils", "Moscow", "trials", "and", "the"}
	works := make([]bib.Work, n)
	for i := range works {
		title := ""
		for j := 0; j < 3+i%5; j++ {
			if j > 0 {
				title += " "
			}
			title += words[(i*7+j*3)%len(words)]
		}
		works[i] = bib.Work{
			ID: fmt.Sprintf("w%07d", i),
			Item: bib.Item{
				Type:           types[i%len(types)],
				Title:          title,
				Author:         []bib.Name{{Family: families[i%len(families)], Given: "A. B."}},
				Editor:         []bib.Name{{Family: families[(i+3)%len(families)], Given: "C."}},
				Issued:         &bib.Date{DateParts: [][]int{{1900 + i%120, 1 + i%12, 1 + i%28}}},
				ContainerTitle: "Journal & Review", Publisher: "Press", PublisherPlace: "Paris",
				Page: fmt.Sprintf("%d-%d", i%300, i%300+20), Recipient: []bib.Name{{Family: "Sedov"}},
			},
			Sources: []bib.Provenance{{Doc: "doc.txt", Line: i + 1}, {Doc: "other.txt", Line: 2*i + 1, Seq: "ch1", Note: i % 90}},
		}
	}
	return works
}

// BenchmarkExport100k writes 100,000 generated works as BibTeX and as
// CSL-JSON, keys included.
func BenchmarkExport100k(b *testing.B) {
	works := generatedWorks(100_000)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		keys := Keys(works)
		if err := WriteBibTeX(io.Discard, works, keys, Options{}); err != nil {
			b.Fatal(err)
		}
		if err := WriteCSLJSON(io.Discard, works, keys); err != nil {
			b.Fatal(err)
		}
	}
}

// TestExportMemory100k measures the heap the export of 100,000 works adds
// on top of the works themselves (reported with -v; run it with
// -run Memory100k). It fails only if the export needs more than 1 GiB.
func TestExportMemory100k(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	works := generatedWorks(100_000)
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	peak := uint64(0)
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		var m runtime.MemStats
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak {
				peak = m.HeapAlloc
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	keys := Keys(works)
	if err := WriteBibTeX(io.Discard, works, keys, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := WriteCSLJSON(io.Discard, works, keys); err != nil {
		t.Fatal(err)
	}
	close(stop)
	<-done
	extra := int64(peak) - int64(before.HeapAlloc)
	t.Logf("works on the heap: %d MiB; peak heap during export: %d MiB (+%d MiB)",
		before.HeapAlloc>>20, peak>>20, extra>>20)
	if extra > 1<<30 {
		t.Errorf("export of 100,000 works took %d MiB above the works", extra>>20)
	}
}
