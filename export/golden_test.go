package export

import (
	"bytes"
	"math/rand"
	"os"
	"path/filepath"
	"testing"

	"github.com/ibid-project/ibid/bib"
)

// goldenRenders are the outputs kept as golden files, by file name.
var goldenRenders = map[string]func(testing.TB, []bib.Work) []byte{
	"works.bib": func(t testing.TB, w []bib.Work) []byte {
		b, _ := writeBoth(t, w, Options{})
		return b
	},
	"works.ascii.bib": func(t testing.TB, w []bib.Work) []byte {
		b, _ := writeBoth(t, w, Options{ASCII: true})
		return b
	},
	"works.csl.json": func(t testing.TB, w []bib.Work) []byte {
		_, c := writeBoth(t, w, Options{})
		return c
	},
}

// TestGolden writes the synthetic library in every format and compares it
// with the golden files; -update rewrites them. A second run, and a run
// over the works shuffled, must give the same bytes.
func TestGolden(t *testing.T) {
	works := loadWorks(t)
	for name, render := range goldenRenders {
		t.Run(name, func(t *testing.T) {
			got := render(t, works)
			path := filepath.Join("testdata", name)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the golden file; run go test -update and review the diff", name)
			}
			if again := render(t, works); !bytes.Equal(got, again) {
				t.Errorf("%s: a second run gave different bytes", name)
			}
			shuffled := append([]bib.Work(nil), works...)
			rand.New(rand.NewSource(1)).Shuffle(len(shuffled), func(i, j int) {
				shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
			})
			if other := render(t, shuffled); !bytes.Equal(got, other) {
				t.Errorf("%s: the works in another order gave different bytes", name)
			}
		})
	}
}
