package export

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/ibid-project/ibid/bib"
)

// Keys assigns each work a BibTeX key in Better BibTeX's default shape:
// the first creator's family name lower-cased ASCII, up to three
// significant title words TitleCased ASCII, and the year (e.g.
// greemanVictorSergeMaking1968). Function words are skipped and only ASCII
// letters and digits are used. Keys are unique: clashes get a, b, c...
// suffixes, assigned after sorting so that the same works give the same keys
// whatever their order. Works sharing an ID share a key.
func Keys(works []bib.Work) map[string]string {
	type candidate struct {
		id, base string
	}
	seen := make(map[string]bool, len(works))
	cands := make([]candidate, 0, len(works))
	for i := range works {
		w := &works[i]
		if seen[w.ID] {
			continue
		}
		seen[w.ID] = true
		cands = append(cands, candidate{id: w.ID, base: baseKey(&w.Item)})
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].base != cands[j].base {
			return cands[i].base < cands[j].base
		}
		return cands[i].id < cands[j].id
	})
	bases := make(map[string]bool, len(cands))
	for _, c := range cands {
		bases[c.base] = true
	}
	keys := make(map[string]string, len(cands))
	used := make(map[string]bool, len(cands))
	next := 0 // the suffix to try next within a run of equal bases
	for i, c := range cands {
		key := c.base
		if i > 0 && cands[i-1].base == c.base || used[key] {
			key, next = nextFree(c.base, next, used, bases)
		} else {
			next = 0
		}
		used[key] = true
		keys[c.id] = key
	}
	return keys
}

// nextFree returns base plus the first suffix from the n-th on (a, b, ...
// z, aa, ab ...) that is neither used nor another work's unsuffixed key,
// and the index of the suffix after it.
func nextFree(base string, n int, used, bases map[string]bool) (string, int) {
	for ; ; n++ {
		key := base + suffix(n)
		if !used[key] && !bases[key] {
			return key, n + 1
		}
	}
}

// suffix spells n as a, b, ... z, aa, ab, ... like spreadsheet columns.
func suffix(n int) string {
	s := ""
	for n >= 0 {
		s = string(rune('a'+n%26)) + s
		n = n/26 - 1
	}
	return s
}

// baseKey is a work's key before clashes are resolved; never empty.
func baseKey(it *bib.Item) string {
	var b strings.Builder
	b.WriteString(strings.ToLower(keyWord(creatorForKey(it))))
	named := b.Len() > 0
	n := 0
	for _, w := range keyTitleWords(it.Title) {
		if n == 3 {
			break
		}
		b.WriteString(w)
		n++
	}
	key := b.String()
	if !named && n == 0 {
		// Neither creator nor title gave a letter: keys do not start
		// with a digit, and do not stay empty.
		key = "anon"
	}
	if y := it.YearOf(); y > 0 {
		key += strconv.Itoa(y)
	}
	return safeKey(key)
}

// creatorForKey is the first author's (else editor's, translator's,
// interviewer's) family name with its non-dropping particle, or literal.
func creatorForKey(it *bib.Item) string {
	for _, names := range [][]bib.Name{it.Author, it.Editor, it.Translator, it.Interviewer, it.ContainerAuthor} {
		for _, n := range names {
			switch {
			case n.Family != "" && n.NonDroppingParticle != "":
				return n.NonDroppingParticle + n.Family
			case n.Family != "":
				return n.Family
			case n.Literal != "":
				return n.Literal
			}
		}
	}
	return ""
}

// keyWord keeps only the ASCII letters and digits of s, transliterated.
func keyWord(s string) string {
	s = bib.ASCII(transliterate(s))
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// keyTitleWords returns the title's significant words as key parts: ASCII,
// first letter upper-cased, function words and single letters left out.
// Cyrillic and Greek are transliterated; other scripts give no words.
// Apostrophes split words, so elided articles (l', d') fall away.
func keyTitleWords(title string) []string {
	var out []string
	fields := strings.FieldsFunc(bib.ASCII(transliterate(title)), func(r rune) bool {
		return !(r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)))
	})
	for _, f := range fields {
		if len(f) < 2 || bib.IsStopword(strings.ToLower(f)) {
			continue
		}
		out = append(out, strings.ToUpper(f[:1])+f[1:])
	}
	return out
}
