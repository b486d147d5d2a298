package refs

import (
	"cmp"
	"encoding/binary"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ibid-project/ibid/bib"
)

// candidate is a work a citation may name: a bibliography entry or a work
// first cited in full in a note.
type candidate struct {
	w *work
	// families are the folded family names of every creator; first holds
	// the first creator's, whose order tells apart two works of the same
	// pair of authors.
	families []string
	first    []string
	// title holds the significant words of the title (and short title).
	title []string
	// familiesLike and titleLike tell most words no word of families or
	// title is like (sameWord) without reading those words.
	familiesLike, titleLike likeMask
	// vocab holds, sorted and without repeats, every significant word of
	// the raw text the work was read from (translations and reprints named
	// in an entry count as evidence). Sorted, the words a prefix opens
	// follow it, so an abbreviation ("revol") is found by one binary
	// search.
	vocab []string
	// openings has a bit set for the first two bytes of every word of
	// vocab (see opening), and openings3 for the first three bytes of
	// every word of three or more: a word whose bit is clear neither is
	// one of them nor opens one, and needs no search.
	openings, openings3 [4]uint64
	// initialisms are title abbreviations: "From Lenin to Stalin" → "flts".
	initialisms []string
	// knownAs holds the titles alsoKnownAs was given: given one again, it
	// would add nothing.
	knownAs []string
	year    int
	idx     int  // position in lexicon.cands
	entry   bool // a bibliography entry (the document's own lexicon)
	// text is the folded title and raw text between spaces, for phrase
	// evidence (phraseText): joined when first needed, as most
	// candidates never meet a query with a phrase. foldedTitle and
	// foldedRaw are what it is joined from, folded when the work was
	// indexed (fillEmpty may give it a title later).
	text                   string
	textDone               bool
	foldedTitle, foldedRaw string
}

// phraseText returns the candidate's text: " "+bib.Fold(title+" "+raw)+" ",
// joined from the two folded already, as folding leaves the words of
// texts joined by a space apart.
func (c *candidate) phraseText() string {
	if !c.textDone {
		var b strings.Builder
		b.Grow(len(c.foldedTitle) + len(c.foldedRaw) + 3)
		b.WriteByte(' ')
		b.WriteString(c.foldedTitle)
		if c.foldedTitle != "" && c.foldedRaw != "" {
			b.WriteByte(' ')
		}
		b.WriteString(c.foldedRaw)
		b.WriteByte(' ')
		c.text, c.textDone = b.String(), true
	}
	return c.text
}

// opening is the bit of openings for the first two bytes of a word of
// two bytes or more.
func opening(w string) (word int, bit uint64) {
	h := (uint(w[0])*31 + uint(w[1])) & 255
	return int(h / 64), 1 << (h % 64)
}

// opening3 is the bit of openings3 for the first three bytes of a word of
// three bytes or more.
func opening3(w string) (word int, bit uint64) {
	h := ((uint(w[0])*31+uint(w[1]))*31 + uint(w[2])) & 255
	return int(h / 64), 1 << (h % 64)
}

// mayOpen reports whether w may be a word of vocab or open one (which
// has its first three bytes): false when no word of vocab has its first
// two bytes, or its first three.
func (c *candidate) mayOpen(w string) bool {
	if len(w) < 2 {
		return true // not filtered
	}
	if k, bit := opening(w); c.openings[k]&bit == 0 {
		return false
	}
	if len(w) < 3 {
		return true
	}
	k, bit := opening3(w)
	return c.openings3[k]&bit != 0
}

// hasWord reports whether w is a significant word of the candidate's text.
func (c *candidate) hasWord(w string) bool {
	if !c.mayOpen(w) {
		return false
	}
	_, found := slices.BinarySearch(c.vocab, w)
	return found
}

// knows reports whether w is a word of the candidate's text or a 4- to
// 7-letter proper prefix of one.
func (c *candidate) knows(w string) bool {
	if !c.mayOpen(w) {
		return false
	}
	i, found := slices.BinarySearch(c.vocab, w)
	if found {
		return true
	}
	// the words w opens, if any, start at i
	return len(w) >= 4 && len(w) <= 7 && i < len(c.vocab) && strings.HasPrefix(c.vocab[i], w)
}

// addVocab adds word to the candidate's vocabulary, reporting whether it
// is new.
func (c *candidate) addVocab(word string) bool {
	i, found := slices.BinarySearch(c.vocab, word)
	if found {
		return false
	}
	c.vocab = slices.Insert(c.vocab, i, word)
	c.noteOpening(word)
	return true
}

// noteOpening sets the bit of openings for a word of vocab.
func (c *candidate) noteOpening(word string) {
	if len(word) >= 2 {
		k, bit := opening(word)
		c.openings[k] |= bit
	}
	if len(word) >= 3 {
		k, bit := opening3(word)
		c.openings3[k] |= bit
	}
}

// likeMask records the first and last two letters of a list's words, so
// that most words no word of the list is like (sameWord) are told so
// without reading the list: those words' letters are scattered in memory.
type likeMask struct {
	heads  uint64 // the first two letters of every word of two or more
	tails  uint64 // the last two letters of every word of five or more
	single uint64 // the words of one letter
}

// letterBit is a byte's bit in a likeMask (bytes share bits: a mask only
// ever says no for sure).
func letterBit(b byte) uint64 { return 1 << (b & 63) }

// pairBit is the bit of two letters.
func pairBit(a, b byte) uint64 { return 1 << ((uint(a)*31 + uint(b)) & 63) }

// add records a word of the list.
func (m *likeMask) add(x string) {
	switch {
	case x == "":
		// like no word but "" itself, which mayLike never rules out
	case len(x) == 1:
		m.single |= letterBit(x[0])
	default:
		m.heads |= pairBit(x[0], x[1])
		if n := len(x); n >= 5 {
			m.tails |= pairBit(x[n-2], x[n-1])
		}
	}
}

// mayLikeAll reports whether every word of words passes mayLike.
func (m *likeMask) mayLikeAll(words []string) bool {
	for _, w := range words {
		if !m.mayLike(w) {
			return false
		}
	}
	return true
}

// addAll records every word of a list.
func (m *likeMask) addAll(list []string) {
	for _, x := range list {
		m.add(x)
	}
}

// mayLike reports whether the list may hold a word x with sameWord(w, x):
// false only when none does. A word of one letter is only like itself.
// Equal words, and a word and the abbreviation it opens, share their
// first two letters. Words one slip apart are both of five letters or
// more; the slip is past their first two letters, or before their last
// two.
func (m *likeMask) mayLike(w string) bool {
	switch n := len(w); {
	case n == 0:
		return true
	case n == 1:
		return m.single&letterBit(w[0]) != 0
	case m.heads&pairBit(w[0], w[1]) != 0:
		return true
	default:
		return n >= 5 && m.tails&pairBit(w[n-2], w[n-1]) != 0
	}
}

// lexicon indexes candidates by word so that a citation is scored against
// the few works that share a word with it, never against all of them.
type lexicon struct {
	cands    []*candidate
	byWord   postingIndex // folded word or initialism → candidate indexes
	byPrefix postingIndex // 4-letter prefix of a word → candidate indexes
	// memo holds match results by query while the lexicon is unchanged:
	// short forms repeat ("Memoirs, p. 71" a hundred times).
	memo map[string][]scored
	// scratch space of candidates, reused from one query to the next
	postings []posting
	ids      []int
	block    []int    // room for new posting lists (newPosting)
	taken    []uint32 // per candidate: the query stamp that took it
	stamp    uint32
	key      []byte   // the query's memo key (query.appendKey)
	words    []string // the query's words (query.words)
	fits     []scored // the candidates that fit, before they are kept
}

func newLexicon() *lexicon {
	return &lexicon{byWord: newPostingIndex(0), byPrefix: newPostingIndex(0), memo: map[string][]scored{}}
}

// postingIndex maps a key to its posting list (candidate indexes, in
// the order added). The map holds the list's place in lists, so that a
// list is added to with one look-up of its key, and no store.
type postingIndex struct {
	at    map[string]int
	lists [][]int
}

func newPostingIndex(n int) postingIndex {
	return postingIndex{at: make(map[string]int, n), lists: make([][]int, 0, n)}
}

// get returns the posting list of k, nil when there is none.
func (p *postingIndex) get(k string) []int {
	if i, ok := p.at[k]; ok {
		return p.lists[i]
	}
	return nil
}

// start gives k, which has no list, the list l.
func (p *postingIndex) start(k string, l []int) {
	p.at[k] = len(p.lists)
	p.lists = append(p.lists, l)
}

// reserve makes room in an empty lexicon's indexes for the words of n
// candidates: a bibliography entry brings about five words and three
// prefixes the entries before it lack.
func (lx *lexicon) reserve(n int) {
	if len(lx.cands) == 0 && n > 0 {
		lx.byWord = newPostingIndex(5 * n)
		lx.byPrefix = newPostingIndex(3 * n)
	}
}

// changed forgets memoized matches after the lexicon grows.
func (lx *lexicon) changed() {
	if len(lx.memo) > 0 {
		lx.memo = map[string][]scored{}
	}
}

// appendKey appends the memo key of a query to b: equal queries, equal keys.
// Every field but the last says where it ends: a list its length, a
// word its length in bytes.
func (q query) appendKey(b []byte) []byte {
	for _, list := range [][]string{q.families, q.title} {
		b = binary.AppendUvarint(b, uint64(len(list)))
		for _, w := range list {
			b = binary.AppendUvarint(b, uint64(len(w)))
			b = append(b, w...)
		}
	}
	b = binary.AppendVarint(b, int64(q.year))
	b = append(b, boolByte(q.loose), boolByte(q.authorOnly))
	b = append(b, q.phrase...)
	return b
}

func boolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}

func (lx *lexicon) add(w *work, raw string) *candidate {
	folded := bib.Fold(raw)
	return lx.addWords(w, folded, bib.Significant(bib.FoldedWords(folded)))
}

// addWords is add given bib.Fold(raw) and bib.SignificantWords(raw),
// which it sorts in place.
func (lx *lexicon) addWords(w *work, foldedRaw string, rawWords []string) *candidate {
	lx.changed()
	foldedTitle := bib.Fold(w.item.Title) // folded once for the title's words, initialisms and phrase text
	titleWords := bib.FoldedWords(foldedTitle)
	c := &candidate{w: w, year: w.item.YearOf(), entry: w.entry >= 0, foldedTitle: foldedTitle, foldedRaw: foldedRaw}
	for _, names := range [][]bib.Name{w.item.Author, w.item.Editor, w.item.Translator, w.item.Recipient} {
		for _, n := range names {
			fam := n.Family
			if fam == "" {
				fam = n.Literal
			}
			known := len(c.families)
			c.families = bib.AppendWords(c.families, fam)
			if known == 0 {
				// capped, so that later names are not appended into it
				c.first = c.families[:len(c.families):len(c.families)]
			}
		}
	}
	// the initials before the title's words are filtered in place
	c.initialisms = initialismsOf(w.item.Title, titleWords)
	titleSig := bib.Significant(titleWords)
	if w.item.TitleShort == "" {
		c.title = titleSig // the words of the title alone
	} else {
		c.title = bib.SignificantWords(w.item.Title + " " + w.item.TitleShort)
	}
	// The vocabulary is the raw text's words, sorted, and the few words
	// of the title and container it lacks (most are printed in it).
	slices.Sort(rawWords)
	c.vocab = slices.Compact(rawWords)
	for _, words := range [...][]string{titleSig, bib.SignificantWords(w.item.ContainerTitle)} {
		for _, word := range words {
			if i, found := slices.BinarySearch(c.vocab, word); !found {
				c.vocab = slices.Insert(c.vocab, i, word)
			}
		}
	}
	for _, word := range c.vocab {
		c.noteOpening(word)
	}
	c.familiesLike.addAll(c.families)
	c.titleLike.addAll(c.title)
	idx := len(lx.cands)
	c.idx = idx
	lx.cands = append(lx.cands, c)
	// idx is the newest candidate: a posting list already holds it when
	// its last index is idx.
	post := func(m *postingIndex, k string) {
		i, ok := m.at[k]
		if !ok {
			m.start(k, append(lx.newPosting(), idx))
			return
		}
		if l := m.lists[i]; l[len(l)-1] != idx {
			m.lists[i] = append(l, idx)
		}
	}
	index := func(word string) {
		post(&lx.byWord, word)
		if len(word) >= prefixLen {
			post(&lx.byPrefix, word[:prefixLen])
		}
	}
	for _, f := range c.families {
		index(f)
	}
	for _, word := range c.vocab {
		index(word)
	}
	for _, in := range c.initialisms {
		index(in)
	}
	return c
}

// newPosting returns an empty posting list with room for a few
// candidates, cut from a block shared by many lists: most words are
// known to one work or two.
func (lx *lexicon) newPosting() []int {
	const room = 4
	if len(lx.block) < room {
		lx.block = make([]int, 256*room)
	}
	l := lx.block[:0:room] // an append past room moves the list out
	lx.block = lx.block[room:]
	return l
}

// posting is the candidates a query word finds: those holding the word
// and those holding a word with its 4-letter prefix.
type posting struct{ word, prefix []int }

func (p posting) len() int { return len(p.word) + len(p.prefix) }

// commonWord is the number of works past which a word (an author's name
// in a bibliography of his works) no longer narrows the search.
const commonWord = 48

// candidates returns the candidates that share a word (or an
// abbreviation's prefix) with words: the postings of the rare words only,
// unless every word is common.
// The slice it returns is reused by the next call.
func (lx *lexicon) candidates(words []string) []int {
	lists := lx.postings[:0]
	rarest := -1
	for _, w := range words {
		p := posting{word: lx.byWord.get(w)}
		if len(w) >= prefixLen {
			p.prefix = lx.byPrefix.get(w[:prefixLen])
		}
		if p.len() == 0 {
			continue
		}
		lists = append(lists, p)
		if rarest < 0 || p.len() < lists[rarest].len() {
			rarest = len(lists) - 1
		}
	}
	lx.postings = lists
	if len(lx.taken) < len(lx.cands) {
		lx.taken = make([]uint32, len(lx.cands)+len(lx.cands)/2)
		lx.stamp = 0
	}
	if lx.stamp++; lx.stamp == 0 { // wrapped around: forget every stamp
		clear(lx.taken)
		lx.stamp = 1
	}
	out := lx.ids[:0]
	take := func(ids []int) {
		for _, i := range ids {
			if lx.taken[i] != lx.stamp {
				lx.taken[i] = lx.stamp
				out = append(out, i)
			}
		}
	}
	for _, l := range lists {
		if l.len() <= commonWord {
			take(l.word)
			take(l.prefix)
		}
	}
	if len(out) == 0 && rarest >= 0 {
		take(lists[rarest].word)
		take(lists[rarest].prefix)
	}
	lx.ids = out
	return out
}

// prefixLen is the length of the prefix under which abbreviations find
// their word ("Revol." finds "revolution").
const prefixLen = 4

// initialisms returns the acronyms a title may be abbreviated to: the
// initials of all its words and of its significant words, for the whole
// title and for its main title before a colon ("From Geneva to Moscow:
// Labour Internationalism" → "fgtmli", "fgmli", "fgtm", "fgm").
func initialisms(title string) []string { return initialismsOf(title, bib.Words(title)) }

// initialismsOf is initialisms given bib.Words(title).
func initialismsOf(title string, titleWords []string) []string {
	var kept initialList
	forms := [2]string{title}
	nforms := 1
	if i := strings.IndexAny(title, ":.;"); i > 0 {
		forms[1], nforms = title[:i], 2
	}
	for k, f := range forms[:nforms] {
		words := titleWords
		if k > 0 {
			words = bib.Words(f)
		}
		if len(words) < 2 {
			continue
		}
		var allBuf, sigBuf, capsBuf [64]byte // on the stack: only copied out when kept
		all, sig, caps := allBuf[:0], sigBuf[:0], capsBuf[:0]
		for _, w := range words {
			if w[0] >= '0' && w[0] <= '9' {
				continue
			}
			all = append(all, w[0])
			if !bib.IsStopword(w) {
				sig = append(sig, w[0])
			}
		}
		// initials of the capitalised words, as the title is printed
		for w := range strings.FieldsSeq(f) {
			r, _ := utf8.DecodeRuneInString(w)
			switch {
			case 'A' <= r && r <= 'Z':
				caps = append(caps, byte(r)+'a'-'A') // as ASCII then ToLower give it
			case unicode.IsUpper(r):
				caps = append(caps, strings.ToLower(bib.ASCII(string(r)))...)
			}
		}
		kept.add(all)
		kept.add(sig)
		kept.add(caps)
	}
	return kept.strings()
}

// initialList gathers a title's distinct initialisms of two letters or
// more, one after another in one buffer, so that they are copied out
// in one string.
type initialList struct {
	buf  [128]byte
	b    []byte // buf, or more when the initialisms overflow it
	ends [6]int // where each initialism ends in b (two forms, three each)
	n    int
}

func (l *initialList) add(x []byte) {
	if len(x) < 2 {
		return
	}
	if l.b == nil {
		l.b = l.buf[:0]
	}
	for i, start := 0, 0; i < l.n; start, i = l.ends[i], i+1 {
		if string(l.b[start:l.ends[i]]) == string(x) {
			return
		}
	}
	l.b = append(l.b, x...)
	l.ends[l.n] = len(l.b)
	l.n++
}

// strings returns the initialisms in the order added, nil when none.
func (l *initialList) strings() []string {
	if l.n == 0 {
		return nil
	}
	all := string(l.b)
	out := make([]string, l.n)
	for i, start := 0, 0; i < l.n; start, i = l.ends[i], i+1 {
		out[i] = all[start:l.ends[i]]
	}
	return out
}

// alsoKnownAs records another title a work is cited under (a translation,
// a reprint): its words and initialisms then find the work too.
func (lx *lexicon) alsoKnownAs(c *candidate, title string) {
	c.knownAs = append(c.knownAs, title)
	for _, w := range bib.SignificantWords(title) {
		if c.addVocab(w) {
			lx.indexWord(c, w)
		}
	}
	for _, in := range initialisms(title) {
		if !containsString(c.initialisms, in) {
			c.initialisms = append(c.initialisms, in)
			lx.indexLate(&lx.byWord, in, c.idx)
		}
	}
}

// alsoBy adds creators learnt after the candidate was indexed: a full
// citation in a note names the author its bibliography entry lost.
func (lx *lexicon) alsoBy(c *candidate, names []bib.Name) {
	for _, n := range names {
		fam := n.Family
		if fam == "" {
			fam = n.Literal
		}
		words := bib.Words(fam)
		if len(c.families) == 0 {
			c.first = words
		}
		for _, w := range words {
			if !containsString(c.families, w) {
				c.families = append(c.families, w)
				c.familiesLike.add(w)
				lx.indexWord(c, w)
			}
		}
	}
}

// indexWord indexes an existing candidate under a word and its prefix.
func (lx *lexicon) indexWord(c *candidate, w string) {
	lx.indexLate(&lx.byWord, w, c.idx)
	if len(w) >= prefixLen {
		lx.indexLate(&lx.byPrefix, w[:prefixLen], c.idx)
	}
}

// indexLate adds candidate idx to the posting list of k unless it is
// there already, and forgets memoized matches.
func (lx *lexicon) indexLate(m *postingIndex, k string, idx int) {
	lx.changed()
	i, ok := m.at[k]
	if !ok {
		m.start(k, []int{idx})
		return
	}
	if !slices.Contains(m.lists[i], idx) {
		m.lists[i] = append(m.lists[i], idx)
	}
}

// query is what a citation says about the work it names.
type query struct {
	families []string // folded family names given
	title    []string // significant title words given
	year     int
	// loose means the author/title split is unsure (a short form): every
	// word may match an author or a title word.
	loose bool
	// authorOnly allows a query with no title words to fit any work of the
	// author ("Greeman, op. cit.", "(Furet)").
	authorOnly bool
	// phrase is the folded title as cited; found verbatim in a work's
	// text it is strong evidence ("from lenin to stalin").
	phrase string

	// set by match for fit: every word (families then title), and the
	// phrase between spaces when it has two words or more
	words        []string
	spacedPhrase string
	yearWord     string // the year written out, when given
	titleLike    likeMask
}

// scored is a candidate with its fit to a query.
type scored struct {
	c     *candidate
	score float64
}

// match returns the candidates that fit q, best first. Candidates in
// prefer (works already cited in the document) win ties.
func (lx *lexicon) match(q query) []scored {
	// The key, the words and the fits are built in scratch space: only
	// the result kept in the memo is allocated.
	lx.key = q.appendKey(lx.key[:0])
	if ms, ok := lx.memo[string(lx.key)]; ok {
		return ms
	}
	lx.words = append(append(lx.words[:0], q.families...), q.title...)
	q.words = lx.words
	if strings.Contains(q.phrase, " ") {
		q.spacedPhrase = " " + q.phrase + " "
	}
	if q.year != 0 {
		q.yearWord = itoa(q.year)
	}
	q.titleLike.addAll(q.title)
	ids := lx.candidates(q.words)
	fits := lx.fits[:0]
	for _, i := range ids {
		c := lx.cands[i]
		if s := fit(q, c); s > 0 {
			fits = append(fits, scored{c, s})
		}
	}
	lx.fits = fits
	var out []scored
	if len(fits) > 0 {
		out = slices.Clone(fits)
	}
	if !slices.IsSortedFunc(out, byScore) { // an author's works all fit alike
		slices.SortStableFunc(out, byScore)
	}
	lx.memo[string(lx.key)] = out
	return out
}

// fit scores how well candidate c answers query q, 0 when it cannot be the
// work. Every word the citation gives must be found in the work (allowing
// abbreviation and one OCR slip); a family name given must be a creator's.
func fit(q query, c *candidate) float64 {
	if q.loose {
		return fitLoose(q, c)
	}
	if len(q.families) > 0 && len(c.families) > 0 {
		// Names split oddly by a parser ("Arriaga Arango, Eduard") still
		// agree on most family words; none agreeing rules the work out.
		found := 0
		for _, f := range q.families {
			if c.familiesLike.mayLike(f) && containsWord(c.families, f) {
				found++
			}
		}
		if found == 0 || 2*found < len(q.families) {
			return 0
		}
	}
	if len(q.title) == 0 {
		if !q.authorOnly || len(q.families) == 0 || len(c.families) == 0 {
			return 0
		}
		return 0.5 // author only: fits any work of the author
	}
	n := len(q.title)
	inTitle, inAlt, missing, allowed := 0, 0, 0, allowedMisses(n)
	for _, w := range q.title {
		switch {
		case c.titleLike.mayLike(w) && containsWord(c.title, w):
			inTitle++
		case c.knows(w):
			inAlt++
		default:
			if missing++; missing > allowed {
				if q.titleLike.mayLikeAll(c.title) && withinCitation(c.title, q.title) {
					// the citation gives the whole title the entry has,
					// and more ("…: Central Committee Minutes of the
					// Russian Social-Democratic Labour Party, 1917-1918")
					return 1.5 + phraseBonus(q, c)
				}
				return 0 // the work lacks too many of the cited words
			}
		}
	}
	covered := float64(inTitle) + 0.8*float64(inAlt)
	score := 1 + covered/float64(n)
	if len(c.title) > 0 {
		// prefer the work whose title the citation gives most completely
		score += 0.3 * float64(inTitle) / float64(len(c.title))
	}
	if leadsTitle(q.title, c.title) {
		score += 0.15 // a short title is the title's first words
	}
	if len(q.families) > 0 && len(c.families) > 0 {
		score += 0.5
		if containsWord(c.first, q.families[0]) {
			score += 0.1 // the citation names the work's first author first
		}
	}
	score += phraseBonus(q, c)
	if q.year != 0 && c.year != 0 {
		switch {
		case q.year == c.year:
			score += 0.2
		case c.hasWord(q.yearWord):
			score += 0.1 // the year of an edition the entry lists
		case abs(q.year-c.year) > 1:
			score -= 0.3
		}
	}
	return score
}

// withinCitation reports whether every word of a work's title (three at
// least) is among the cited words, which are not many more.
func withinCitation(title, cited []string) bool {
	if len(title) < 3 || len(cited) <= len(title) || len(cited) > 3*len(title) {
		return false // a sentence of prose holds many titles' words
	}
	for _, w := range title {
		if !containsWord(cited, w) {
			return false
		}
	}
	return true
}

// leadsTitle reports whether the cited words are the first words of the
// work's title, in order, as a shortened title is made ("Seize fusilles"
// of "Seize fusilles: Ou va la Revolution Russe?", not of a title that
// holds the phrase further on).
func leadsTitle(cited, title []string) bool {
	if len(cited) == 0 || len(cited) > len(title) {
		return false
	}
	for i, w := range cited {
		if !sameWord(w, title[i]) {
			return false
		}
	}
	return true
}

// fitLoose scores a short form whose words may be author or title words.
func fitLoose(q query, c *candidate) float64 {
	words := q.words
	if len(words) == 0 {
		return 0
	}
	author, title, alt, initial := 0, 0, 0, 0
	missing, allowed := 0, allowedMisses(len(words))
	for _, w := range words {
		switch {
		case c.familiesLike.mayLike(w) && containsWord(c.families, w):
			author++
		case c.titleLike.mayLike(w) && containsWord(c.title, w):
			title++
		case containsString(c.initialisms, w):
			initial++
		case c.knows(w):
			alt++
		default:
			if missing++; missing > allowed {
				return 0 // the work lacks too many of the cited words
			}
		}
	}
	if title+alt+initial == 0 {
		return 0
	}
	score := 1 + (float64(author+title+initial)+0.8*float64(alt))/float64(len(words))
	if len(c.title) > 0 {
		score += 0.3 * float64(title) / float64(len(c.title))
	}
	if author > 0 {
		score += 0.5
	}
	return score + phraseBonus(q, c)
}

// phraseBonus rewards a work whose text holds the cited title verbatim,
// and a bibliography entry over a work known only from a note.
func phraseBonus(q query, c *candidate) float64 {
	b := 0.0
	if c.entry {
		b += 0.04
	}
	if q.spacedPhrase != "" && strings.Contains(c.phraseText(), q.spacedPhrase) {
		b += 0.6
	}
	return b
}

// byScore orders matches best first (scores are never NaN).
func byScore(a, b scored) int { return cmp.Compare(b.score, a.score) }

// tieMargin is how close two scores are when two works fit a citation
// equally well.
const tieMargin = 0.02

// tied returns the candidates that keep accepts whose scores lie within
// tieMargin of the best of them, best first.
func tied(ms []scored, keep func(*candidate) bool) []*candidate {
	var out []*candidate
	best := 0.0
	for _, m := range ms {
		if keep != nil && !keep(m.c) {
			continue
		}
		if len(out) == 0 {
			best = m.score
		} else if best-m.score > tieMargin {
			break
		}
		out = append(out, m.c)
	}
	return out
}

// allowedMisses is how many words of a citation may be absent from the work
// (OCR damage, a subtitle word the entry lacks).
func allowedMisses(n int) int {
	switch {
	case n >= 6:
		return 2
	case n >= 4:
		return 1
	}
	return 0
}

func containsString(list []string, w string) bool {
	for _, x := range list {
		if x == w {
			return true
		}
	}
	return false
}

// containsWord reports whether list holds w, an abbreviation of one of its
// words, or a word one OCR slip away.
func containsWord(list []string, w string) bool {
	for _, x := range list {
		if sameWord(w, x) {
			return true
		}
	}
	return false
}

// sameWord compares two folded words: equal, w an abbreviation of x
// ("revol" of "revolution"), or one edit apart in words of five letters or
// more.
func sameWord(w, x string) bool {
	if len(w) > 0 && len(x) > 0 && w[0] != x[0] {
		// neither equal nor a prefix; one edit apart only when both are
		// long enough and the edit is at the first letter: the second
		// letters agree, or one word's first is the other's second
		if len(w) < 5 || len(x) < 5 || w[1] != x[1] && w[1] != x[0] && w[0] != x[1] {
			return false
		}
	}
	if w == x {
		return true
	}
	if len(w) >= 4 && len(x) > len(w) && strings.HasPrefix(x, w) {
		return true
	}
	if len(w) >= 5 && len(x) >= 5 && abs(len(w)-len(x)) <= 1 {
		return editDistanceAtMost1(w, x)
	}
	return false
}

// editDistanceAtMost1 reports whether a and b differ by at most one
// insertion, deletion or substitution.
func editDistanceAtMost1(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if i == len(a) {
		return len(b)-len(a) <= 1
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
