package refs

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ibid-project/ibid/bib"
)

// spotTitleWords is the fewest significant words a listed title needs to
// be recognised inside prose: one-word titles ("Stalin", "Memoirs") are
// too common in running text.
const spotTitleWords = 2

// spotReach is the most words between an author's family name and the
// title it introduces: "Lottman, The Left Bank" (none), "Koestler's
// approach in Darkness at Noon" (three), "Jean Malaquais … his novel World
// Without Visa" (too far: the title alone is no evidence).
const spotReach = 4

// placeholderTitles stand where a work has no title; they name nothing.
var placeholderTitles = map[string]bool{"no title": true, "untitled": true, "sans titre": true,
	"ohne titel": true, "sin titulo": true, "senza titolo": true}

// placeholderWords is the most words of a placeholder title.
var placeholderWords = func() int {
	most := 0
	for t := range placeholderTitles {
		most = max(most, len(strings.Fields(t)))
	}
	return most
}()

// spot is a listed work named in a passage, with the span of words (of the
// passage's folded words) its author and title take.
type spot struct {
	w          *work
	from, to   int // words [from, to)
	titleWords int
}

// spotListedWorks finds the bibliography entries a passage of prose names
// by their first author's family name followed, within spotReach words, by
// their whole title, or by the title followed by "by" and the name
// ("Kronstadt by Lenin and Trotsky"): "See David Lane, Politics and Society in the USSR, p.
// 59", "Koestler's approach in Darkness at Noon", "documented in Elsa
// Poretsky, Our Own People, …, Walter Krivitsky, In Stalin's Secret
// Service". Titles of fewer than spotTitleWords significant words,
// placeholders and collections of letters (whose titles are persons'
// names) are not looked for. Overlapping finds keep the longer title; two
// works found at one place with titles of one length name neither. The
// finds are in the passage's order.
func (r *resolver) spotListedWorks(text string) []spot {
	words, lower := casedWords(text)
	if len(words) < spotTitleWords+1 {
		return nil
	}
	idx := r.listedIndex()
	var finds []spot
	for t := range words {
		if k, bit := titleOpening(words[t]); idx.titleOpenings[k]&bit == 0 {
			continue // no spotted title opens with this word
		}
		for _, w := range idx.byTitleStart[titleStart(words[t:])] {
			finds = spotAt(finds, idx, w, words, lower, t)
		}
		if idx.oneWordTitles && t+1 < len(words) {
			for _, w := range idx.byTitleStart[[2]string{words[t], ""}] {
				finds = spotAt(finds, idx, w, words, lower, t)
			}
		}
	}
	return keepLongest(finds)
}

// titleOpening is the bit of listed.titleOpenings for a word: its first
// two bytes (or one) hashed to one of 256 bits.
func titleOpening(w string) (word int, bit uint64) {
	var h uint
	switch len(w) {
	case 0:
	case 1:
		h = uint(w[0])
	default:
		h = uint(w[0])*31 + uint(w[1])
	}
	h &= 255
	return int(h / 64), 1 << (h % 64)
}

// titleStart is the key of byTitleStart for a title, or for the words of
// a passage from some word on: the first two words ({word, ""} when there
// is one).
func titleStart(words []string) [2]string {
	var k [2]string
	copy(k[:], words)
	return k
}

// spotAt appends to finds the listed work w when its title is written at
// word t of a passage with its author before or after it.
func spotAt(finds []spot, idx *listed, w *work, words []string, lower []bool, t int) []spot {
	title := idx.spotTitle[w.entry]
	if t+len(title) > len(words) || !slices.Equal(words[t:t+len(title)], title) {
		return finds
	}
	if f, ok := authorBefore(w.cand.first, words, lower, t); ok {
		finds = append(finds, spot{w: w, from: f, to: t + len(title), titleWords: len(title)})
	} else if e, ok := authorAfter(w.cand.first, words, t+len(title)); ok {
		finds = append(finds, spot{w: w, from: t, to: e, titleWords: len(title)})
	}
	return finds
}

// spotTitle returns the words of a listed work's title as spotListedWorks
// looks for them, or nil when the work is not to be spotted (letters: a
// collection of letters).
func spotTitle(w *work, letters bool) []string {
	if letters || len(w.cand.title) < spotTitleWords {
		return nil
	}
	title, _ := casedWords(w.item.Title)
	if len(title) <= placeholderWords && placeholderTitles[strings.Join(title, " ")] {
		return nil
	}
	return title
}

// authorBefore finds, within spotReach words before the title at word t,
// one of the family words, the words between written in lower case
// ("Koestler's approach in Darkness at Noon"; not "Serge, Les Anarchistes
// et la Revolution russe", where the title is part of a longer one).
func authorBefore(family, words []string, lower []bool, t int) (int, bool) {
	for f := t - 1; f >= 0 && f >= t-1-spotReach; f-- {
		if containsString(family, words[f]) {
			return f, true
		}
		if !lower[f] {
			return 0, false
		}
	}
	return 0, false
}

// byWords introduce the author after a title ("Kronstadt by Lenin and
// Trotsky", "Terres défrichées par Cholokhov").
var byWords = map[string]bool{"by": true, "par": true, "von": true, "di": true}

// authorAfter finds, right after the title ending before word e, "by"
// and one of the family words within the next three words; it returns
// the end of the span.
func authorAfter(family, words []string, e int) (int, bool) {
	if e >= len(words) || !byWords[words[e]] {
		return 0, false
	}
	for f := e + 1; f < len(words) && f <= e+3; f++ {
		if containsString(family, words[f]) {
			return f + 1, true
		}
	}
	return 0, false
}

// keepLongest drops finds that overlap a find with a longer title, and
// both of two overlapping finds of other works with titles of one length.
func keepLongest(finds []spot) []spot {
	var out []spot
	for i, a := range finds {
		keep := true
		for j, b := range finds {
			if i == j || b.w == a.w || a.to <= b.from || b.to <= a.from {
				continue
			}
			if b.titleWords >= a.titleWords {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, a)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].from < out[j].from })
	return out
}

// casedWords returns the folded words of text, as bib.Words does but
// without possessive endings, and whether each was written in lower case.
// It folds the text once and walks its tokens alongside; a text whose
// tokens do not line up with its folded words (some rare Unicode) is
// read token by token instead (casedWordsByToken).
func casedWords(text string) (words []string, lower []bool) {
	words = bib.Words(text)
	lower = make([]bool, 0, len(words))
	k := 0
	for i := 0; i < len(text); {
		// the tokens of strings.FieldsFunc(text, notWordRune), ASCII read
		// a byte at a time without a call
		if c := text[i]; c < utf8.RuneSelf {
			if !asciiWordRune[c] {
				i++
				continue
			}
		} else if size := wordRuneSize(text, i); size < 0 {
			i -= size
			continue
		}
		start := i
		alnum := true // ASCII letters and digits only: one folded word
		for i < len(text) {
			if c := text[i]; c < utf8.RuneSelf {
				if !asciiWordRune[c] {
					break
				}
				alnum = alnum && c != '\''
				i++
				continue
			}
			size := wordRuneSize(text, i)
			if size < 0 {
				break
			}
			alnum = false
			i += size
		}
		tok := text[start:i]
		n := 1
		if !alnum {
			n = foldedWordCount(tok)
		}
		if k+n > len(words) {
			return casedWordsByToken(text)
		}
		first, _ := utf8.DecodeRuneInString(tok)
		for j := 0; j < n; j++ {
			lower = append(lower, !unicode.IsUpper(first))
		}
		if n > 0 && (strings.HasSuffix(tok, "'s") || strings.HasSuffix(tok, "’s")) {
			w := words[k+n-1]
			if len(w) < 2 || w[len(w)-1] != 's' {
				return casedWordsByToken(text)
			}
			words[k+n-1] = w[:len(w)-1] // "Koestler's approach": the name
		}
		k += n
	}
	if k != len(words) {
		return casedWordsByToken(text)
	}
	return words, lower
}

// asciiWordRune holds the ASCII bytes of casedWords' tokens: letters,
// digits and the apostrophe (as notWordRune).
var asciiWordRune = func() (t [utf8.RuneSelf]bool) {
	for c := range byte(utf8.RuneSelf) {
		t[c] = !notWordRune(rune(c))
	}
	return t
}()

// wordRuneSize returns the size of the rune at text[i], negated when it
// separates tokens (notWordRune).
func wordRuneSize(text string, i int) int {
	if c := text[i]; c < utf8.RuneSelf {
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '\'' {
			return 1
		}
		return -1
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	if notWordRune(r) {
		return -size
	}
	return size
}

// notWordRune separates the tokens of casedWords: what bib.Fold reads as a
// separator (apostrophes and combining marks belong to words).
func notWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		c := byte(r) // ASCII: letters, digits and the apostrophe are word runes
		return !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '\'')
	}
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) && r != '\'' && r != '’' && r != '‘'
}

// casedWordsByToken is casedWords by its definition: each token folded on
// its own, a possessive ending cut first.
func casedWordsByToken(text string) (words []string, lower []bool) {
	tokens := strings.FieldsFunc(text, notWordRune)
	words, lower = make([]string, 0, len(tokens)), make([]bool, 0, len(tokens))
	for _, tok := range tokens {
		for _, poss := range []string{"'s", "’s"} {
			tok = strings.TrimSuffix(tok, poss)
		}
		first, _ := utf8.DecodeRuneInString(tok)
		for _, w := range bib.Words(tok) {
			words = append(words, w)
			lower = append(lower, !unicode.IsUpper(first))
		}
	}
	return words, lower
}

// spotted cites the listed works a passage no citation covered names in
// its prose, each as a short form.
func (r *resolver) spotted(text string) ([]Citation, []*work) {
	var cs []Citation
	var ws []*work
	for _, s := range r.spotListedWorks(text) {
		c := &Citation{Form: bib.FormShort, Text: strings.TrimSpace(text)}
		if prev := r.lastCiteOf(s.w); prev != nil {
			c.IbidOf = prev
		}
		cs = append(cs, *r.bind(c, s.w))
		ws = append(ws, s.w)
	}
	return cs, ws
}
