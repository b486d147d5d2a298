package refs

import (
	"slices"
	"testing"
)

// TestSpotListedWorks: a note that names a listed work by its author and
// whole title in running prose cites it; a title inside a longer one and
// a title far from its author's name cite nothing.
func TestSpotListedWorks(t *testing.T) {
	src := `Chapter One

A.¹ B.² C.³ D.⁴ E.⁵

¹This is quite unlike Koestler's approach in Darkness at Noon, where the accused confesses.

²Their stories are well documented in Elsa Poretsky, Our Own People, Ann Arbor, 1969, and in Walter Krivitsky, Stalin's Secret Service, New York, 1939.

³Serge thought himself the first to use the word, as early as the years of War Communism.

⁴On this see Serge, Les Anarchistes et la Revolution Russe, a pamphlet he disowned.

⁵The argument is older: it runs through Darkness at Noon by Koestler.

Bibliography

Koestler, Arthur. Darkness at Noon. London: Penguin, 1964.

Krivitsky, Walter. Stalin's Secret Service. New York: Harper, 1939.

Poretsky, Elisabeth. Our Own People. Ann Arbor: University of Michigan Press, 1969.

Serge, Victor. "War Communism." Politics 2, no. 3 (March 1945).

Serge, Victor. La Revolution Russe. Paris: Librairie du Travail, 1930.
`
	doc, err := Parse("t.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Notes) != 5 || len(doc.Entries) != 5 {
		t.Fatalf("notes %d, entries %d, want 5 and 5", len(doc.Notes), len(doc.Entries))
	}
	entry := func(i int) int { return doc.Entries[i].Line }
	want := map[int][]int{
		1: {entry(0)},
		2: {entry(2), entry(1)},
		3: {},
		4: {},
		5: {entry(0)}, // the title, then "by" and the author
	}
	for n, w := range want {
		if got := bibLines(doc.Notes[n-1].Citations); !slices.Equal(got, w) {
			t.Errorf("note %d cites entries at %v, want %v", n, got, w)
		}
	}
}

func TestCasedWords(t *testing.T) {
	words, lower := casedWords("Koestler's approach in l'Anarchie, Vérité")
	want := []string{"koestler", "approach", "in", "l", "anarchie", "verite"}
	wantLower := []bool{false, true, true, true, true, false}
	if len(words) != len(want) {
		t.Fatalf("casedWords = %v, want %v", words, want)
	}
	for i := range want {
		if words[i] != want[i] || lower[i] != wantLower[i] {
			t.Errorf("word %d = %q lower %v, want %q %v", i, words[i], lower[i], want[i], wantLower[i])
		}
	}
}

// FuzzCasedWords checks the one-fold casedWords against its definition,
// casedWordsByToken.
func FuzzCasedWords(f *testing.F) {
	for _, s := range []string{"Koestler's approach in l'Anarchie, Vérité", "Ḥawādith dākhiliyya ʿAbduh", "Straße Æsop", "James 's", "O'Brien's d'Ignace", "a\u0301b x\u0903y", "½ ² 3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w1, l1 := casedWords(s)
		w2, l2 := casedWordsByToken(s)
		if !slices.Equal(w1, w2) || !slices.Equal(l1, l2) {
			t.Fatalf("casedWords(%q) = %q %v, by token %q %v", s, w1, l1, w2, l2)
		}
	})
}
