package refs

import "testing"

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
