package bib

import (
	"slices"
	"strings"
	"testing"
	"unicode"
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
	for _, s := range []string{"Mémoires d'un révolutionnaire, 1901–1941", "Ærø Łódź straße", "e\u0301", "Ткачёв", "¹⁴Serge", "O’Brien", "ʿAlī", "serge memoirs 1951", "a  b", " a", "a ", "l'a"} {
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

func FuzzAppendWords(f *testing.F) {
	for _, s := range []string{"", " ", "Mémoires d'un révolutionnaire", "serge", "a b  c", "ʿAlī"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		base := []string{"x"}
		got, want := AppendWords(base[:1:1], s), append(base[:1:1], Words(s)...)
		if !slices.Equal(got, want) {
			t.Fatalf("AppendWords(%q) = %q, want %q", s, got, want)
		}
		if got := AppendWords(nil, s); (got == nil) != (len(Words(s)) == 0) {
			t.Fatalf("AppendWords(nil, %q) = %#v", s, got)
		}
	})
}

// foldByRune is fold as it was written before it copied ASCII stretches
// whole: one rune at a time. FuzzFoldByRune holds the two to one output.
func foldByRune(s string) string {
	var b strings.Builder
	space := false
	wordLen := 0
	for _, r := range s {
		var letters string
		switch {
		case r < 0x80 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z'):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
				wordLen = 0
			}
			space = false
			c := byte(r)
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			wordLen++
			continue
		case r == '\'' || r == '’' || r == '‘':
			if wordLen == 1 && !space {
				space = true
			}
			continue
		case r < 0x80 || !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r):
			space = true
			continue
		default:
			if r >= 0x250 || !asciiFolded[r-0x80].ok {
				return foldSlow(s)
			}
			letters = asciiFolded[r-0x80].letters
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
			wordLen = 0
		}
		space = false
		b.WriteString(letters)
		wordLen += len(letters)
	}
	return b.String()
}

func FuzzFoldByRune(f *testing.F) {
	for _, s := range []string{"", "Mémoires d'un révolutionnaire, 1901–1941", "Ærø Łódź straße", "e\u0301", "Ткачёв", "¹⁴Serge",
		"O’Brien", "ʿAlī", "l'Anarchie d’Ignace", "A'B a' b", "\xff\xfeab", "McDONALD's iPhone 3G", "©ªµº"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := fold(s), foldByRune(s); got != want {
			t.Fatalf("fold(%q) = %q, by rune %q", s, got, want)
		}
	})
}

// BenchmarkFold measures folding a title.
func BenchmarkFold(b *testing.B) {
	for b.Loop() {
		fold("SERGE, Victor. Mémoires d'un révolutionnaire, 1901-1941. Paris: Éditions du Seuil, 1951.")
	}
}
