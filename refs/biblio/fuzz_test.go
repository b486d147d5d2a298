package biblio

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ibid-project/ibid/refs/text"
)

// FuzzFind feeds arbitrary documents to Find: it must not panic, and every
// bibliography must hold its entries inside [Line, EndLine], in line
// order, never on a heading line.
func FuzzFind(f *testing.F) {
	for _, tt := range findTests {
		f.Add(tt.doc)
	}
	for _, path := range fixtures(f) {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add("BIBLIOGRAPHY\n\n1. \n- \n[1]\n———.\n\fI. \n  - a. x")
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := text.Decode("fuzz", []byte(s))
		if err != nil {
			return
		}
		bs := Find(doc, nil)
		for _, b := range bs {
			if b.Line < 1 || b.EndLine < b.Line || b.EndLine > len(doc.Lines) {
				t.Fatalf("bibliography lines %d-%d in a %d-line document", b.Line, b.EndLine, len(doc.Lines))
			}
			checkEntryInvariants(t, b, false)
		}
		for i := 1; i < len(bs); i++ {
			if bs[i].Line <= bs[i-1].EndLine {
				t.Fatalf("bibliographies overlap: %d-%d and %d-%d", bs[i-1].Line, bs[i-1].EndLine, bs[i].Line, bs[i].EndLine)
			}
		}
	})
}

func FuzzCollapseSpaces(f *testing.F) {
	for _, s := range []string{"", " a  b\\t c ", "Serge, Victor. Memoirs", "é  \xff x", "a\u00a0 b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapseSpaces(s), collapseSpacesByRune(s); got != want {
			t.Fatalf("collapseSpaces(%q) = %q, want %q", s, got, want)
		}
	})
}

// sortKeyByFold is sortKey as it was before it read ASCII text directly:
// FuzzSortKey holds the two to one key.
func sortKeyByFold(s string) string {
	if len(s) > 120 {
		cut := 120
		for cut < len(s) && !utf8.RuneStart(s[cut]) {
			cut++
		}
		s = s[:cut]
	}
	var b strings.Builder
	for _, r := range strings.ToLower(fold(s)) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
		if b.Len() >= 40 {
			break
		}
	}
	return b.String()
}

func FuzzSortKey(f *testing.F) {
	for _, s := range []string{"", "Serge, Victor. Mémoires d'un révolutionnaire", "SERGE, Victor. Memoirs of a Revolutionary, 1901-1941. London: Oxford University Press, 1963.", "Ærø", "İstanbul"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := sortKey(s), sortKeyByFold(s); got != want {
			t.Fatalf("sortKey(%q) = %q, want %q", s, got, want)
		}
	})
}
