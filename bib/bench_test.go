package bib

import (
	"slices"
	"strings"
	"testing"
)

// BenchmarkCompare measures one comparison of two noisy descriptions of a
// work, the inner step of every dedup lookup.
func BenchmarkCompare(b *testing.B) {
	a := person("Sérge", "Victor", "Memoirs of a Revolutionary, 1901-1941", 1963)
	c := person("Serge", "V.", "Memoirs of a Revolutlonary", 1964)
	b.ReportAllocs()
	for b.Loop() {
		Compare(a, c)
	}
}

// BenchmarkBlockKeys measures computing the blocking keys of one item.
func BenchmarkBlockKeys(b *testing.B) {
	a := person("Sérge", "Victor", "Memoirs of a Revolutionary, 1901-1941", 1963)
	b.ReportAllocs()
	for b.Loop() {
		BlockKeys(a)
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Mémoires d'un révolutionnaire, 1901–1941", "Ærø Łódź straße", "e\u0301", "Ткачёв", "¹⁴Serge", "O’Brien", "ʿAlī"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := fold(s), foldSlow(s); got != want {
			t.Fatalf("fold(%q) = %q, foldSlow = %q", s, got, want)
		}
	})
}

func FuzzWords(f *testing.F) {
	for _, s := range []string{"", " ", "Mémoires d'un révolutionnaire, 1901–1941", "  l'Anarchie -- O’Brien ", "e\u0301 x", "Ткачёв\u00a0Serge", "ʿAlī"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := Words(s), strings.Fields(Fold(s))
		if !slices.Equal(got, want) || (got == nil) != (want == nil) || cap(got) != cap(want) {
			t.Fatalf("Words(%q) = %q, want %q", s, got, want)
		}
	})
}
