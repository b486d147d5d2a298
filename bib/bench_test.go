package bib

import "testing"

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
