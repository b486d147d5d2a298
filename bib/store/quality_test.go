package store

import (
	"strconv"
	"testing"

	"github.com/ibid-project/ibid/bib"
)

// TestDedupQuality harvests synthetic documents citing a pool of works in
// noisy forms and measures how the store's works map to the true ones:
// pairwise precision (citations put in one work that belong to one true
// work) and recall (citations of one true work that end up in one work).
// Citations that fit several pool works by construction (an author's
// "Memoirs" without a year when the pool has two titles beginning so) are
// left out of the measure and counted.
func TestDedupQuality(t *testing.T) {
	const docs, pool = 400, 300
	s, _ := mustOpen(t)
	truth := map[string]int{} // "doc\x00key" → pool number, -1 when ambiguous
	ambiguous := 0
	for d := 0; d < docs; d++ {
		in, picks := syntheticDoc(d, pool)
		for i, w := range in.Works {
			truth[in.Name+"\x00"+w.Key] = picks[i]
			if fitsSeveral(&w.Item, pool) {
				truth[in.Name+"\x00"+w.Key] = -1
				ambiguous++
			}
		}
		mustHarvest(t, s, in)
	}
	cites, err := s.Citations("")
	if err != nil {
		t.Fatal(err)
	}
	// Citations are keyed w1, w2... in document order, as docOf builds them.
	var stored, real []string
	for _, c := range cites {
		p := truth[c.Doc+"\x00w"+strconv.Itoa(c.Note)]
		if p < 0 {
			continue
		}
		stored = append(stored, c.Work)
		real = append(real, strconv.Itoa(p))
	}
	precision, recall := pairwise(stored, real)
	works, _ := s.Works(Filter{})
	t.Logf("%d citations (%d ambiguous by construction, left out) of %d pool works → %d stored works; pairwise precision %.4f, recall %.4f",
		len(cites), ambiguous, pool, len(works), precision, recall)
	if precision < 0.99 || recall < 0.95 {
		t.Errorf("dedup quality: precision %.4f (want ≥ 0.99), recall %.4f (want ≥ 0.95)", precision, recall)
	}
}

// fitsSeveral reports whether a citation matches more than one pool work
// (by the same author: the generator never garbles the family name).
func fitsSeveral(it *bib.Item, pool int) bool {
	n := 0
	for _, w := range poolByFamily(pool)[bib.Fold(it.FirstFamily())] {
		if bib.Compare(it, &w).Same {
			n++
		}
	}
	return n > 1
}

var poolIndex = map[int]map[string][]bib.Item{}

// poolByFamily returns the pool's works by folded family name.
func poolByFamily(pool int) map[string][]bib.Item {
	if m, ok := poolIndex[pool]; ok {
		return m
	}
	m := map[string][]bib.Item{}
	for p := 0; p < pool; p++ {
		w := poolWork(p, pool)
		m[bib.Fold(w.FirstFamily())] = append(m[bib.Fold(w.FirstFamily())], w)
	}
	poolIndex[pool] = m
	return m
}

// pairwise returns the pairwise precision and recall of a clustering
// against the truth, counted over pairs of items (by cluster sizes).
func pairwise(got, want []string) (precision, recall float64) {
	pairs := func(labels ...[]string) int {
		counts := map[string]int{}
		for i := range labels[0] {
			k := ""
			for _, l := range labels {
				k += l[i] + "\x00"
			}
			counts[k]++
		}
		n := 0
		for _, c := range counts {
			n += c * (c - 1) / 2
		}
		return n
	}
	both, g, w := pairs(got, want), pairs(got), pairs(want)
	if g == 0 || w == 0 {
		return 1, 1
	}
	return float64(both) / float64(g), float64(both) / float64(w)
}
