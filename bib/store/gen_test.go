package store

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/ibid-project/ibid/bib"
)

// A synthetic library for benchmarks and the dedup quality test: a pool of
// distinct works, and noisy citations of them as documents give them.

var (
	syllables  = strings.Fields("ser ge bar ton mil kov ich ler mann dor vel an ri sto pher gun nar bel lo zin ov ska ta mar")
	givenNames = strings.Fields("Victor Leon Rosa Natalia Boris Élise Jean-Paul Margarethe Otto Pierre Anna Karl Émile Sofia")
	titleWords = strings.Fields(`revolution memoirs history workers struggle party state letters diary city conquered
		years russia france germany socialism anarchism strike union congress exile prison journey portrait essays
		documents question problem origins crisis empire republic people movement labour peasants soviets council
		commune century war peace theory practice literature culture art science reason freedom power society
		economy capital market industry railway factory village land reform bread justice law order church faith`)
)

// poolWork is work number i of a pool of n: its author (n/5 distinct
// families, so a library of more works has more authors), a title of three
// to six words, a year.
func poolWork(i, n int) bib.Item {
	r := rand.New(rand.NewPCG(uint64(i), 42))
	families := max(n/5, 10)
	fr := rand.New(rand.NewPCG(uint64(i%families), 7))
	family := pseudoWord(i%families, 2)
	family = strings.ToUpper(family[:1]) + family[1:]
	if fr.IntN(6) == 0 {
		family = strings.Replace(family, "e", "é", 1)
	}
	var words []string
	for k := 0; k < 3+r.IntN(4); k++ {
		if r.IntN(2) == 0 {
			words = append(words, titleWords[r.IntN(len(titleWords))])
		} else {
			words = append(words, pseudoWord(r.IntN(20000), 3))
		}
	}
	words[0] = strings.ToUpper(words[0][:1]) + words[0][1:]
	title := strings.Join(words[:2], " of the ") + " " + strings.Join(words[2:], " ")
	it := bib.Item{Type: "book", Title: title, Author: []bib.Name{{Family: family, Given: givenNames[fr.IntN(len(givenNames))]}},
		Issued: &bib.Date{DateParts: [][]int{{1850 + r.IntN(170)}}}, Publisher: "Synthetic Press"}
	if r.IntN(5) == 0 {
		it.Type = "article-journal"
		it.ContainerTitle = "Journal of " + titleWords[r.IntN(len(titleWords))]
		it.Volume = fmt.Sprint(1 + r.IntN(60))
		it.Page = fmt.Sprintf("%d-%d", 10+r.IntN(200), 220+r.IntN(100))
		it.Publisher = ""
	}
	return it
}

// pseudoWord spells n in syllables, at least min of them: distinct numbers
// give distinct words, as a real library has distinct names.
func pseudoWord(n, min int) string {
	var b strings.Builder
	for k := 0; k < min || n > 0; k++ {
		b.WriteString(syllables[n%len(syllables)])
		n /= len(syllables)
	}
	return b.String()
}

// noisy returns a citation of it as a document might give it: initials for
// the given name, no accents, an abbreviated title, a missing year, a year
// off by one, one OCR substitution.
func noisy(it bib.Item, r *rand.Rand) bib.Item {
	out := it
	out.Author = append([]bib.Name(nil), it.Author...)
	if r.IntN(3) == 0 {
		out.Author[0].Given = string([]rune(out.Author[0].Given)[:1]) + "."
	}
	if r.IntN(4) == 0 {
		out.Author[0].Family = bib.ASCII(out.Author[0].Family)
	}
	switch r.IntN(6) {
	case 0:
		out.Title = strings.Join(strings.Fields(out.Title)[:1], " ")
		out.Issued = nil
	case 1:
		out.Title = strings.Join(strings.Fields(out.Title)[:3], " ")
	case 2:
		out.Title = ocrSubstitute(out.Title, r)
	}
	switch r.IntN(8) {
	case 0:
		out.Issued = nil
	case 1:
		if out.Issued != nil && out.Type == "book" {
			out.Issued = &bib.Date{DateParts: [][]int{{it.YearOf() + 1}}}
		}
	}
	if r.IntN(2) == 0 {
		out.Publisher = ""
	}
	return out
}

// ocrSubstitute misreads one letter of the longest word (i→l, e→c, n→u...).
func ocrSubstitute(title string, r *rand.Rand) string {
	swaps := map[byte]byte{'i': 'l', 'e': 'c', 'n': 'u', 'o': 'e', 'a': 'o', 'r': 'n', 't': 'f', 's': 'a'}
	words := strings.Fields(title)
	longest := 0
	for i, w := range words {
		if len(w) > len(words[longest]) {
			longest = i
		}
	}
	w := []byte(words[longest])
	if len(w) < 6 {
		return title
	}
	for k := 0; k < 10; k++ {
		i := 1 + r.IntN(len(w)-1)
		if sub, ok := swaps[w[i]]; ok {
			w[i] = sub
			break
		}
	}
	words[longest] = string(w)
	return strings.Join(words, " ")
}

// syntheticDoc is document d of a run: about five works drawn from a pool of
// poolSize, each cited in a noisy form. It returns the pool numbers too.
func syntheticDoc(d, poolSize int) (DocInput, []int) {
	r := rand.New(rand.NewPCG(uint64(d), 99))
	n := 3 + r.IntN(5)
	var items []bib.Item
	var picks []int
	for k := 0; k < n; k++ {
		p := r.IntN(poolSize)
		picks = append(picks, p)
		items = append(items, noisy(poolWork(p, poolSize), r))
	}
	return docOf(fmt.Sprintf("doc-%05d.txt", d), fmt.Sprintf("%x", d*2654435761), items...), picks
}
