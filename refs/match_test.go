package refs

import (
	"strings"
	"testing"

	"github.com/ibid-project/ibid/bib"
)

// TestLikeMaskSound checks that likeMask never rules out a word sameWord
// accepts, over every pair of short words on a small alphabet.
func TestLikeMaskSound(t *testing.T) {
	var words []string
	var gen func(prefix string)
	gen = func(prefix string) {
		if len(prefix) > 0 {
			words = append(words, prefix)
		}
		if len(prefix) == 6 {
			return
		}
		for _, c := range "ab1" {
			gen(prefix + string(c))
		}
	}
	gen("")
	for _, x := range words {
		var m likeMask
		m.add(x)
		for _, w := range words {
			if sameWord(w, x) && !m.mayLike(w) {
				t.Fatalf("mask of %q rules out %q, which sameWord accepts", x, w)
			}
		}
	}
}

func FuzzLikeMask(f *testing.F) {
	f.Add("revol", "revolution")
	f.Add("trotsky", "rtotsky")
	f.Add("serge", "xserge")
	f.Fuzz(func(t *testing.T, w, x string) {
		var m likeMask
		m.add(x)
		if sameWord(w, x) && !m.mayLike(w) {
			t.Fatalf("mask of %q rules out %q, which sameWord accepts", x, w)
		}
	})
}

// beforeBackRefByToken is beforeBackRef reading every text token by token.
func beforeBackRefByToken(text string) string {
	var words []string
	var starts []int
	start := -1
	for i := 0; i <= len(text); i++ {
		if i < len(text) && text[i] != ' ' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			for _, w := range bib.Words(text[start:i]) {
				words, starts = append(words, w), append(starts, start)
			}
			start = -1
		}
	}
	if k := backRefAt(words); k >= 0 {
		return strings.Trim(text[:starts[k]], " ,.;:")
	}
	return strings.Trim(text, " ,.;:")
}

func FuzzBeforeBackRef(f *testing.F) {
	for _, s := range []string{"Serge, Ibid., p. 5", "Greeman, op.cit., 219", "a.a.O. S. 3", "Ткачёв, o. c.", "l'ibid", "x\u00a0ibid"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := beforeBackRef(s), beforeBackRefByToken(s); got != want {
			t.Fatalf("beforeBackRef(%q) = %q, want %q", s, got, want)
		}
	})
}

func FuzzFoldedWordCount(f *testing.F) {
	for _, s := range []string{"l'Anarchie", "Serge's", "a'b'c", "'a", "x''y", "op.cit.,", "a.a.O.", "d'", "é'x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := foldedWordCount(s), len(bib.Words(s)); got != want {
			t.Fatalf("foldedWordCount(%q) = %d, want %d", s, got, want)
		}
	})
}
