package refs

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

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

// initialismsOne is initialisms as first written, one string each.
func initialismsOne(title string) []string {
	var out []string
	add := func(b []byte) {
		if len(b) >= 2 && !slices.ContainsFunc(out, func(x string) bool { return x == string(b) }) {
			out = append(out, string(b))
		}
	}
	forms := []string{title}
	if i := strings.IndexAny(title, ":.;"); i > 0 {
		forms = append(forms, title[:i])
	}
	for _, f := range forms {
		words := bib.Words(f)
		if len(words) < 2 {
			continue
		}
		var all, sig, caps []byte
		for _, w := range words {
			if w[0] >= '0' && w[0] <= '9' {
				continue
			}
			all = append(all, w[0])
			if !bib.IsStopword(w) {
				sig = append(sig, w[0])
			}
		}
		for w := range strings.FieldsSeq(f) {
			r, _ := utf8.DecodeRuneInString(w)
			switch {
			case 'A' <= r && r <= 'Z':
				caps = append(caps, byte(r)+'a'-'A')
			case unicode.IsUpper(r):
				caps = append(caps, strings.ToLower(bib.ASCII(string(r)))...)
			}
		}
		add(all)
		add(sig)
		add(caps)
	}
	return out
}

func FuzzInitialisms(f *testing.F) {
	for _, s := range []string{"From Geneva to Moscow: Labour Internationalism", "From Lenin to Stalin", "A", "Él Ü: x y", "1917. The Year One"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := initialisms(s), initialismsOne(s)
		if !slices.Equal(got, want) || (got == nil) != (want == nil) {
			t.Fatalf("initialisms(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzMayOpen checks that the openings never rule out a word of the
// vocabulary or an abbreviation that opens one (knows, hasWord).
func FuzzMayOpen(f *testing.F) {
	f.Add("revolution", "revol")
	f.Add("serge", "serge")
	f.Add("ab", "ab")
	f.Fuzz(func(t *testing.T, x, w string) {
		c := &candidate{vocab: []string{x}}
		c.noteOpening(x)
		known := w == x || len(w) >= 4 && len(w) <= 7 && len(x) > len(w) && strings.HasPrefix(x, w)
		if known && !c.mayOpen(w) {
			t.Fatalf("the openings of %q rule out %q", x, w)
		}
	})
}

// startsWithNameWhole is startsWithName folding the whole entry.
func startsWithNameWhole(raw, name string) bool {
	words := bib.Words(name)
	if len(words) == 0 {
		return false
	}
	family := words[len(words)-1]
	n := 0
	for w := range strings.FieldsSeq(bib.Fold(raw)) {
		if w == family {
			return true
		}
		if n++; n == 3 {
			break
		}
	}
	return false
}

func FuzzStartsWithName(f *testing.F) {
	f.Add("Serge, Victor. Memoirs", "Victor Serge")
	f.Add("  l'Anarchie  de Serge", "Serge")
	f.Add("É. Ü  x y serge", "serge")
	f.Fuzz(func(t *testing.T, raw, name string) {
		if got, want := startsWithName(raw, name), startsWithNameWhole(raw, name); got != want {
			t.Fatalf("startsWithName(%q, %q) = %v, want %v", raw, name, got, want)
		}
	})
}

func FuzzCrossReference(f *testing.F) {
	for _, s := range []string{"See chapter 1 infra, p. 73", "supra, n. 12", "Chap. V, Section I, fn 215 above", "in'fra", "CH. 3", "Serge, Memoirs, p. 71", "Which much, x ABOVE", "a b Part 2", "x, Section IV", "Below12 infra1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := crossReference(s), crossReferenceWords(s); got != want {
			t.Fatalf("crossReference(%q) = %v, want %v", s, got, want)
		}
	})
}

// FuzzASCIIAlnumBound holds byAlias's pre-filter sound: a text's ASCII
// letters and digits are never more than the bytes of its fold.
func FuzzASCIIAlnumBound(f *testing.F) {
	f.Add("Serge, Victor. Mémoires d'un révolutionnaire, p. 12")
	f.Add("e\u0301 Ⱥ K ß O’Brien l'a")
	f.Fuzz(func(t *testing.T, s string) {
		folded := bib.Fold(s)
		if n := asciiAlnumUpTo(s, len(s)+1); n > len(folded) {
			t.Fatalf("asciiAlnumUpTo(%q) = %d > len(Fold) = %d (%q)", s, n, len(folded), folded)
		}
		if n := asciiAlnumUpTo(s, 3); n > 3 {
			t.Fatalf("asciiAlnumUpTo(%q, 3) = %d", s, n)
		}
	})
}

// FuzzPhraseText holds phraseText, joined from the folded title and raw
// text, to the fold of the two joined.
func FuzzPhraseText(f *testing.F) {
	f.Add("Mémoires d'un révolutionnaire", "Serge, V. Mémoires d'un révolutionnaire. Paris, 1951.")
	f.Add("", "")
	f.Add("l'", "'a e\u0301 ß")
	f.Add("x\u0301", "\u0301y")
	f.Add("\u1100", "\u1161 \u0903x")
	f.Fuzz(func(t *testing.T, title, raw string) {
		c := &candidate{foldedTitle: bib.Fold(title), foldedRaw: bib.Fold(raw)}
		if got, want := c.phraseText(), " "+bib.Fold(title+" "+raw)+" "; got != want {
			t.Fatalf("phraseText(%q, %q) = %q, want %q", title, raw, got, want)
		}
	})
}
