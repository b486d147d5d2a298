package csljson

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/ibid-project/ibid/bib"
)

// FuzzParse checks that no input panics, that errors are *Error values with
// a line inside the file, and that every item has a CSL type.
func FuzzParse(f *testing.F) {
	for _, tt := range leniencyTests {
		f.Add(tt.src)
	}
	for _, tt := range errorTests {
		f.Add(tt.src)
	}
	if data, err := os.ReadFile("testdata/lenient.json"); err == nil {
		f.Add(string(data))
	}
	f.Fuzz(func(t *testing.T, src string) {
		items, err := Parse("fuzz.json", strings.NewReader(src))
		if err != nil {
			var perr *Error
			if !errors.As(err, &perr) || perr.File != "fuzz.json" {
				t.Fatalf("error %v (%T) is not an *Error for fuzz.json", err, err)
			}
			if lines := strings.Count(src, "\n") + 1; perr.Line < 1 || perr.Line > lines {
				t.Fatalf("error %v: line outside the %d-line input", err, lines)
			}
			return
		}
		for _, it := range items {
			if !bib.Types[it.Type] {
				t.Fatalf("item %q has type %q, not a CSL type", it.ID, it.Type)
			}
			for _, d := range []*bib.Date{it.Issued, it.Accessed, it.OriginalDate} {
				if d != nil && len(d.DateParts) == 0 && d.Literal == "" {
					t.Fatalf("item %q has an empty date %+v", it.ID, d)
				}
			}
		}
	})
}
