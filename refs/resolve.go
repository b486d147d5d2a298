package refs

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/internal/textscan"
	"github.com/ibid-project/ibid/refs/cite"
)

// work is one work of the document while it is being resolved.
type work struct {
	item  bib.Item
	entry int // index in Document.Entries, -1 when the bibliography lacks it
	// partOf is the listed book a part (a chapter, a diary entry) is
	// cited from; the bibliography holds the part through it.
	partOf *work
	cand   *candidate
	id     string
	cited  bool
	// tiedAt is the resolver's tieStamp when best last found the work
	// tied with the best.
	tiedAt uint64
	// firstLine and firstNote are where the work was first cited.
	firstLine int
	firstNote NoteRef
}

// listed returns the index of the bibliography entry that holds w: its
// own, or that of the book it is a part of; -1 when there is none.
func (w *work) listed() int {
	if w.entry < 0 && w.partOf != nil {
		return w.partOf.listed()
	}
	return w.entry
}

// citedRef is one citation in document order.
type citedRef struct {
	w    *work
	note NoteRef
}

// resolver walks a document's notes in order and resolves every citation.
type resolver struct {
	doc     *Document
	lx      *lexicon
	works   []*work
	aliases map[string]*work // folded alias or abbreviation → work
	// aliasLongest is the length of the longest key of aliases
	aliasLongest int
	history      []citedRef // every resolved citation, in document order
	byItem       map[*bib.Item]*work
	last         map[string]citedRef
	hasBib       bool
	// initials maps a bibliography creator's initials to the creator
	// (nil when two share them), built when first needed.
	initials map[string]*bib.Name
	listed   *listed // built when first needed
	// rawWords holds, by entry index, the distinctWords of the entry's
	// text.
	rawWords [][]string
	tieStamp uint64 // see work.tiedAt
	// scratch space of resolveNote
	found   []placedCitation
	covered [][2]int
	// scratch set of quotedEntry: the words a citation gives
	cited map[string]bool
}

func newResolver(doc *Document) *resolver {
	return &resolver{doc: doc, lx: newLexicon(), aliases: map[string]*work{}, last: map[string]citedRef{},
		byItem: map[*bib.Item]*work{}}
}

// addEntries makes every bibliography entry a work and a candidate.
func (r *resolver) addEntries() {
	n := len(r.doc.Entries)
	r.lx.reserve(n)
	r.rawWords = make([][]string, n)
	works := make([]work, n) // the entries' works, in one allocation
	if len(r.works) == 0 {
		r.works = make([]*work, 0, n+n/2) // room for the works found in notes
		r.byItem = make(map[*bib.Item]*work, n)
	}
	for i := range r.doc.Entries {
		e := &r.doc.Entries[i]
		w := &works[i]
		*w = work{item: *e.Item, entry: i}
		folded := bib.Fold(e.Raw) // folded once for both lists and the phrase text
		words := bib.FoldedWords(folded)
		r.rawWords[i] = distinctWords(slices.Clone(words))
		w.cand = r.lx.addWords(w, folded, bib.Significant(words))
		for _, t := range translationTitles(e.Raw) {
			r.lx.alsoKnownAs(w.cand, t) // "MITC" finds S'il est minuit dans le siècle
		}
		r.works = append(r.works, w)
		r.byItem[&w.item] = w
		r.hasBib = true
	}
}

// resolveNote resolves every citation in one note, in the order written.
func (r *resolver) resolveNote(n *Note) {
	ref := NoteRef{Seq: n.Seq, Number: n.Number}
	found, covered := r.found[:0], r.covered[:0] // scratch space, kept for the next note
	defer func() {
		clear(found) // let go of the citations
		r.found, r.covered = found[:0], covered[:0]
	}()
	var prev *work
	var listAuthor []bib.Name // the author a list of works opened with
	lastEnd := -1
	for _, p := range cite.Split(n.Text) {
		covered = append(covered, [2]int{p.Start, p.End})
		if alias, ok := aliasDeclaration(p.Text); ok {
			// "(Hereafter, Greeman.)" names the work cited just before
			if prev != nil {
				r.addAlias(bib.Fold(alias), prev)
			}
			continue
		}
		if lastEnd < 0 || !sameList(n.Text, lastEnd, p.Start) {
			listAuthor = nil
		}
		lastEnd = p.End
		c, w, author := r.resolvePiece(n, ref, p, listAuthor)
		listAuthor = author
		if w != nil {
			prev = w
			r.cite(w, ref, n.Line)
		}
		if c != nil {
			found = append(found, placedCitation{p.Start, *c})
		}
	}
	for _, seg := range r.uncited(n.Text, covered) {
		if c, w := r.bareShortForm(seg.text); c != nil {
			r.cite(w, ref, n.Line)
			found = append(found, placedCitation{seg.start, *c})
			continue
		}
		cs, ws := r.spotted(seg.text)
		for i := range cs {
			r.cite(ws[i], ref, n.Line)
			found = append(found, placedCitation{seg.start, cs[i]})
		}
	}
	slices.SortStableFunc(found, func(a, b placedCitation) int { return cmp.Compare(a.at, b.at) })
	n.Citations = slices.Grow(n.Citations, len(found))
	for _, f := range found {
		n.Citations = append(n.Citations, f.c)
	}
}

// placedCitation is a citation found in a note and where it starts.
type placedCitation struct {
	at int
	c  Citation
}

type segment struct {
	start int
	text  string
}

// uncited returns the "; "-separated parts of a note that no piece of the
// splitter covers.
func (r *resolver) uncited(text string, covered [][2]int) []segment {
	var out []segment
	start := 0
	for start < len(text) {
		end := strings.IndexByte(text[start:], ';')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		free := true
		for _, c := range covered {
			if c[0] < end && c[1] > start {
				free = false
				break
			}
		}
		if free {
			out = append(out, segment{start, text[start:end]})
		}
		start = end + 1
	}
	return out
}

// bareShortForm reads a short form the splitter passed over because it
// has no page ("Ausloos, The deuteronomist's history."): kept only when it
// is short, names an author and a title, and matches one bibliography
// entry.
func (r *resolver) bareShortForm(seg string) (*Citation, *work) {
	t := strings.TrimSpace(seg)
	if t == "" || textscan.FieldCountUpTo(t, 12) > 12 || !unicode.IsUpper(firstRune(t)) {
		return nil, nil
	}
	it := cite.Parse(t, cite.Note).Item
	if len(it.Author) == 0 || it.Title == "" {
		return nil, nil
	}
	q := query{families: familiesOf(&it), title: bib.SignificantWords(it.Title), phrase: bib.Fold(it.Title)}
	w, amb := r.best(q)
	if w == nil || amb || w.entry < 0 {
		return nil, nil
	}
	c := &Citation{Form: bib.FormShort, Text: strings.Trim(t, " .")}
	if prev := r.lastCiteOf(w); prev != nil {
		c.IbidOf = prev
	}
	return r.bind(c, w), w
}

func (r *resolver) cite(w *work, ref NoteRef, line int) {
	for v := w; v != nil; v = v.partOf {
		if !v.cited {
			v.cited, v.firstLine, v.firstNote = true, line, ref
		}
	}
	cr := citedRef{w: w, note: ref}
	r.history = append(r.history, cr)
	r.last[ref.Seq] = cr
}

// sameList reports whether the note's text between two pieces only
// separates the items of one list ("Serge, Memoirs, p. 5, Portrait de
// Staline"): commas and spaces, no semicolon or sentence.
func sameList(text string, from, to int) bool {
	if from > to || to > len(text) {
		return false
	}
	return strings.Trim(text[from:to], ", ") == ""
}

// resolvePiece resolves one citation of a note to its work. listAuthor is
// the author of the piece before in the same comma-separated list: a
// note that names its author once and lists several works ("Victor Serge,
// From Lenin to Stalin, p. 86, Portrait de Staline, "The Third Moscow
// Trial,"…") lends that author to the works after it that name none. It
// returns the author the next piece of the list may inherit.
func (r *resolver) resolvePiece(n *Note, ref NoteRef, p cite.Piece, listAuthor []bib.Name) (*Citation, *work, []bib.Name) {
	c, w, it := r.resolvePieceItem(n, ref, p, listAuthor)
	if it == nil || len(it.Author) == 0 {
		return c, w, nil
	}
	return c, w, it.Author
}

func (r *resolver) resolvePieceItem(n *Note, ref NoteRef, p cite.Piece, listAuthor []bib.Name) (*Citation, *work, *bib.Item) {
	if crossReference(p.Text) {
		return nil, nil, nil
	}
	c := &Citation{Text: p.Text, Prefix: p.Prefix}
	switch p.Back {
	case "ibid":
		c.Form = bib.FormIbid
		setLocator(c, p.Locator)
		prev, ok := r.previous(ref.Seq, authorWords(p.Text))
		if !ok {
			r.problem(n.Line, CodeUnresolvedIbid, n, strconv.Quote(shorten(p.Text))+" has no earlier citation in its sequence to refer to")
			return c, nil, nil
		}
		c.IbidOf = &NoteRef{Seq: prev.note.Seq, Number: prev.note.Number}
		return r.bind(c, prev.w), prev.w, nil
	case "opcit", "loccit":
		c.Form = bib.FormOpCit
		setLocator(c, p.Locator)
		before := beforeBackRef(p.Text)
		w, from, ok := r.opCit(n, ref, p.Text, before, p.Locator, authorWordsOf(before))
		if !ok {
			return c, nil, nil
		}
		if from != nil {
			c.IbidOf = from
		}
		return r.bind(c, w), w, nil
	}

	parsed := cite.Parse(p.Text, cite.Note)
	parsed.Item.Page = bib.NormalizePage(parsed.Item.Page)
	loc := parsed.Locator
	if loc == "" {
		loc = p.Locator
	}
	setLocator(c, loc)
	body := withoutLocator(p.Text, loc)

	// A declared alias or an abbreviation used on its own, or after its
	// author's name ("Serge, MITC, p. 102").
	if w, form, ok := r.byAliasAfterName(body); ok {
		c.Form = form
		if ref := r.lastCiteOf(w); ref != nil {
			c.IbidOf = ref
		}
		return r.bind(c, w), w, &w.item
	}

	// "Grallert, 28.": an author's name alone is the short form of the
	// work of that author cited last.
	if prev, ok := r.byNameAlone(ref.Seq, body, loc != ""); ok {
		c.Form = bib.FormShort
		c.IbidOf = &NoteRef{Seq: prev.note.Seq, Number: prev.note.Number}
		return r.bind(c, prev.w), prev.w, &prev.w.item
	}

	it := parsed.Item
	full := isFull(&it)
	switch {
	case it.Type == "interview":
		c.Form = bib.FormInterview
	case it.Archive != "" || it.ArchiveLocation != "":
		c.Form = bib.FormArchival
	case full:
		c.Form = bib.FormFull
	default:
		c.Form = bib.FormShort
	}

	w, ambiguous := r.lookupInList(&it, body, full, c.Locator != nil, listAuthor)
	if w == nil && !ambiguous {
		for _, alt := range proseReadings(body) {
			if found, amb := r.best(titleQuery(&alt)); found != nil && !amb && alt.Title != "" {
				w, it = found, alt
				break
			}
		}
	}
	lastResort := false
	if w == nil && (!ambiguous || full) && r.hasBib {
		if w, it = r.lastResort(it, body); w != nil {
			lastResort = true
			switch {
			case it.Type == "interview":
				c.Form = bib.FormInterview
			case c.Form == bib.FormInterview:
				c.Form = bib.FormShort // prose that named a listed work
			}
		}
	}
	if ambiguous && !full {
		r.problem(n.Line, CodeAmbiguousShort, n, strconv.Quote(shorten(body))+" fits several works equally")
		return c, nil, nil
	}
	if w == nil {
		if !plausibleWork(&it) {
			return nil, nil, nil // commentary that only looked like a citation
		}
		w = r.newWork(it, body)
		if r.hasBib {
			r.problem(n.Line, CodeNotInBibliography, n, strconv.Quote(shorten(body))+" is not in the bibliography")
		}
	} else if !lastResort {
		if full {
			hadAuthor := len(w.item.Author) > 0
			fillEmpty(&w.item, &it)
			if !hadAuthor && len(w.item.Author) > 0 && w.entry >= 0 && opensWithInvertedName(r.doc.Entries[w.entry].Raw, w.item.Author[0]) {
				r.lx.alsoBy(w.cand, w.item.Author)
			}
		}
		// a title the work is known as already teaches nothing new (a short
		// form cited a hundred times)
		if it.Title != "" && !containsString(w.cand.knownAs, it.Title) && bib.Fold(it.Title) != bib.Fold(w.item.Title) {
			r.lx.alsoKnownAs(w.cand, it.Title)
		}
	}
	if c.Form == bib.FormShort {
		if prev := r.lastCiteOf(w); prev != nil {
			c.IbidOf = prev
		}
	}
	if p.Alias != "" {
		r.addAlias(bib.Fold(p.Alias), w)
	}
	return r.bind(c, w), w, &w.item
}

// lookupInList looks a piece that names no author of its own up first
// by its title among the works of the list's author, and keeps that
// author when nothing else fits it either.
func (r *resolver) lookupInList(it *bib.Item, body string, full, pinpoint bool, listAuthor []bib.Name) (*work, bool) {
	if len(it.Author) > 0 || len(listAuthor) == 0 || it.Title == "" {
		return r.lookup(it, body, full, pinpoint)
	}
	lent := *it
	lent.Author = listAuthor
	if w, amb := r.best(titleQuery(&lent)); w != nil && !amb {
		it.Author = listAuthor
		return w, false
	}
	w, amb := r.lookup(it, body, full, pinpoint)
	if w == nil && !amb && quotedFirst(body) {
		// a new work of the list: an article whose quoted title opens
		// the piece, not a fragment the splitter cut off a longer one
		it.Author = listAuthor
	}
	return w, amb
}

// quotedFirst reports whether text opens with a quotation mark.
func quotedFirst(text string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(text))
	return strings.ContainsRune(`"“«„‘'`, r)
}

// lookup finds the work a parsed citation names: first by the author and
// title the parser found, then (short forms) by every word of the citation
// as author or title word, then (a short form naming only an author, as
// Chicago allows for an author's only work) by the author alone.
func (r *resolver) lookup(it *bib.Item, body string, full, pinpoint bool) (*work, bool) {
	if it.Title == "" && (it.Type == "interview" || it.Type == "personal_communication") && len(it.Author) > 0 {
		return r.samePerson(it), false
	}
	if it.Title != "" || full {
		if w, amb := r.best(titleQuery(it)); w != nil || amb || full {
			return w, amb
		}
	}
	if w, amb := r.best(query{title: titleWords(body), loose: true, phrase: bib.Fold(it.Title)}); w != nil || amb {
		return w, amb
	}
	if it.Title != "" {
		if len(it.Author) > 0 {
			// A title nothing matches may be parse noise when the author has
			// one work; with several, it names another one: no guess. A
			// long sentence of prose without a page cited names no work.
			if !pinpoint && textscan.FieldCountUpTo(it.Title, 20) > 20 && looksLikeProse(it.Title) {
				return nil, false
			}
			return r.onlyWorkOf(familiesOf(it))
		}
		// "MaryJayne Gold, pp. 302-305": a person's name read as a title
		// names that author's work.
		words := bib.SignificantWords(it.Title)
		if len(words) == 0 || len(words) > 3 || !looksLikeName(it.Title) {
			return nil, false
		}
		return r.best(query{families: words, authorOnly: true})
	}
	fams := familiesOf(it)
	if len(fams) == 0 {
		fams = bib.SignificantWords(body)
	}
	if len(fams) == 0 || len(fams) > 4 {
		return nil, false
	}
	return r.best(query{families: fams, authorOnly: true})
}

// opensWithInvertedName reports whether an entry's text opens with the
// name inverted ("Nove, Alec An Economic History": the comma after the
// given name lost, so the parser saw no author).
func opensWithInvertedName(raw string, n bib.Name) bool {
	if n.Family == "" {
		return false
	}
	fam, rest := bib.Fold(n.Family), bib.Fold(raw)
	return strings.HasPrefix(rest, fam) && strings.HasPrefix(strings.TrimLeft(raw[min(len(raw), len(n.Family)):], " "), ",")
}

// titleQuery asks for the work of a parsed citation's authors and title
// (its container's title when it has none).
func titleQuery(it *bib.Item) query {
	phrase := bib.Fold(it.Title) // folded once for the phrase and its words
	q := query{families: familiesOf(it), title: foldedTitleWords(phrase), year: it.YearOf(), phrase: phrase}
	if len(q.title) == 0 {
		q.title = titleWords(it.ContainerTitle)
	}
	return q
}

// samePerson finds the untitled work (an interview, a letter) a citation
// names by its person and date: a bibliography's list of interviews is by
// person, so an entry of the same kind and person is the work whatever
// the date; a work first cited in a note must also agree on the date
// ("March 1989" fits "March 10, 1989", not "April 1989").
func (r *resolver) samePerson(it *bib.Item) *work {
	var found *work
	for _, m := range r.lx.match(query{families: familiesOf(it), authorOnly: true}) {
		w := m.c.w
		if w.item.Type != it.Type || w.item.Title != "" && w.entry < 0 {
			continue
		}
		if !(w.entry >= 0 && it.Type == "interview") && !bib.SameDate(w.item.Issued, it.Issued) {
			continue
		}
		if len(it.Recipient) > 0 && len(w.item.Recipient) > 0 && !shareFamily(it.Recipient, w.item.Recipient) {
			continue // Serge to Trotsky and Serge to Sedov on one day are two letters
		}
		if found != nil && found != w {
			return nil // two such works: no guess
		}
		found = w
	}
	if found == nil && it.Type == "interview" && len(it.Author) == 1 && it.Author[0].Given == "" {
		found = r.interviewByGivenName(it.Author[0].Family)
	}
	return found
}

// interviewByGivenName finds the one listed interview whose person goes by
// the name a note gives alone: "Interview with Vlady" is the bibliography's
// "Vlady Kibalchich".
func (r *resolver) interviewByGivenName(name string) *work {
	name = bib.Fold(name)
	var found *work
	for _, w := range r.works {
		if w.entry < 0 || w.item.Type != "interview" || len(w.item.Author) != 1 || bib.Fold(w.item.Author[0].Given) != name {
			continue
		}
		if found != nil {
			return nil
		}
		found = w
	}
	return found
}

// shareFamily reports whether two lists of names share a family name.
func shareFamily(a, b []bib.Name) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Family != "" && bib.Fold(x.Family) == bib.Fold(y.Family) {
				return true
			}
		}
	}
	return false
}

// onlyWorkOf returns the author's work when the author has exactly one.
func (r *resolver) onlyWorkOf(fams []string) (*work, bool) {
	if len(fams) == 0 || len(fams) > 4 {
		return nil, false
	}
	var only *work
	for _, c := range tied(r.lx.match(query{families: fams, authorOnly: true}), nil) {
		if only != nil && only != c.w {
			return nil, false
		}
		only = c.w
	}
	return only, false
}

// titleWords are the significant words of a title a citation gives, less
// bare numbers: a year or volume is checked apart, and an abbreviated
// range ("Writings 1938-9") does not print as the work's title does.
func titleWords(title string) []string { return foldedTitleWords(bib.Fold(title)) }

// foldedTitleWords is titleWords given the title folded.
func foldedTitleWords(title string) []string {
	words := bib.Significant(bib.FoldedWords(title))
	out := words[:0] // filtered in place: the slice is ours
	for _, w := range words {
		if !isDigits(w) {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// looksLikeName reports two or three capitalised words without a
// function word: "MaryJayne Gold", "Victor Serge" (not "Year One of...").
func looksLikeName(s string) bool {
	if n := textscan.FieldCountUpTo(s, 3); n < 1 || n > 3 {
		return false
	}
	for w := range strings.FieldsSeq(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || bib.IsStopword(strings.ToLower(w)) {
			return false
		}
	}
	return true
}

// bind points the citation at w.
func (r *resolver) bind(c *Citation, w *work) *Citation {
	c.Item = &w.item
	if e := w.listed(); e >= 0 {
		line := r.doc.Entries[e].Line
		c.BibLine = &line
	}
	c.Work = "" // ids are assigned once all works are known
	return c
}

// previous is the work an "Ibid." refers to: the last work cited in the
// sequence, or the last one by the named author when the ibid names one
// ("Serge, Ibid.").
func (r *resolver) previous(seq string, author []string) (citedRef, bool) {
	if len(author) == 0 {
		cr, ok := r.last[seq]
		return cr, ok
	}
	author = r.withInitialsExpanded(author)
	for i := len(r.history) - 1; i >= 0; i-- {
		cr := r.history[i]
		if cr.note.Seq != seq {
			break
		}
		if nameScore(cr.w.cand, author) > 0 {
			return cr, true
		}
	}
	cr, ok := r.last[seq]
	return cr, ok
}

// byNameAlone returns the citation a short form that is an author's name
// alone ("Grallert, 28." once the page is cut) refers to: the last work
// cited in the sequence whose first creator bears every word of the name
// as a family name. A short form with a page cites no interview or
// letter.
func (r *resolver) byNameAlone(seq, body string, pinpoint bool) (citedRef, bool) {
	name := strings.Trim(body, " ,.;:")
	words := textscan.FieldCountUpTo(name, 3)
	if words == 0 || words > 3 || !looksLikeName(name) && words > 1 {
		return citedRef{}, false
	}
	for w := range strings.FieldsSeq(name) {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) || strings.ContainsAny(w, "0123456789") {
			return citedRef{}, false
		}
	}
	var fams []string // the name's words but its particles ("al-Ruṣāfī" → rusafi)
	for _, w := range bib.Words(name) {
		if !bib.IsStopword(w) {
			fams = append(fams, w)
		}
	}
	if len(fams) == 0 {
		return citedRef{}, false
	}
	for i := len(r.history) - 1; i >= 0; i-- {
		cr := r.history[i]
		if cr.note.Seq != seq {
			break
		}
		if t := cr.w.item.Type; pinpoint && (t == "interview" || t == "personal_communication") {
			continue
		}
		if allIn(fams, cr.w.cand.first) {
			return cr, true
		}
	}
	return citedRef{}, false
}

// opCit resolves "Greeman, op. cit.": a title given with it ("Sedgwick,
// "The Unhappy Elitist," op. cit.") decides; else the author's work cited
// most recently, else the author's only work in the bibliography.
// before is beforeBackRef(text), author its authorWordsOf.
func (r *resolver) opCit(n *Note, ref NoteRef, text, before, locator string, author []string) (*work, *NoteRef, bool) {
	if before != "" {
		// parsed with its back-reference, names before "op. cit." stay
		// names ("Serge and Natalia Sedova Trotsky, op. cit.")
		it := cite.Parse(text, cite.Note).Item
		if it.Title != "" && len(bib.SignificantWords(it.Title)) > 0 && !isInitialism(it.Title) {
			if w, amb := r.lookup(&it, before, false, true); w != nil && !amb {
				return w, r.lastCiteOf(w), true
			}
		}
	}
	if w, ok := r.aliasOfNames(before); ok {
		// "Richard Greeman, op. cit." after "(Hereafter, Greeman)"
		return w, r.lastCiteOf(w), true
	}
	if len(author) == 0 {
		cr, ok := r.last[ref.Seq]
		if !ok {
			r.problem(n.Line, CodeUnresolvedIbid, n, "op. cit. names no author and follows no citation")
			return nil, nil, false
		}
		return cr.w, &NoteRef{Seq: cr.note.Seq, Number: cr.note.Number}, true
	}
	best, bestScore := -1, 0
	for i := len(r.history) - 1; i >= 0 && bestScore < len(author); i-- {
		// the pages are read only for a work that would win; once every
		// name word is found, no earlier citation can score higher
		if s := nameScore(r.history[i].w.cand, author); s > bestScore && !pagesOutside(r.history[i].w, locator) {
			best, bestScore = i, s
		}
	}
	if best >= 0 {
		cr := r.history[best]
		return cr.w, &NoteRef{Seq: cr.note.Seq, Number: cr.note.Number}, true
	}
	var found []*work
	top := 0
	for _, w := range r.works {
		s := nameScore(w.cand, author)
		if s == 0 || s < top || pagesOutside(w, locator) {
			continue // a work that cannot join the best
		}
		switch {
		case s > top:
			found, top = []*work{w}, s
		case s == top && s > 0:
			found = append(found, w)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil, true
	case 0:
		r.problem(n.Line, CodeUnresolvedIbid, n, fmt.Sprintf("op. cit. of %s, who is cited nowhere before", strings.Join(author, " ")))
	default:
		r.problem(n.Line, CodeAmbiguousShort, n, fmt.Sprintf("op. cit. of %s fits %d works", strings.Join(author, " "), len(found)))
	}
	return nil, nil, false
}

// aliasOfNames finds the work whose declared alias is the name written
// before a back-reference, or its last word ("Richard Greeman").
func (r *resolver) aliasOfNames(names string) (*work, bool) {
	key := bib.Fold(strings.Trim(names, " ,."))
	if key == "" {
		return nil, false
	}
	if w, ok := r.aliases[key]; ok {
		return w, true
	}
	if k := strings.LastIndexByte(key, ' '); k >= 0 {
		w, ok := r.aliases[key[k+1:]]
		return w, ok
	}
	return nil, false
}

// pagesOutside reports whether a page cited lies outside the pages of
// an article or chapter the bibliography lists ("Greeman, op. cit., p.
// 219" is not his article at pp. 146-159).
func pagesOutside(w *work, locator string) bool {
	if w.entry < 0 || locator == "" {
		return false
	}
	switch w.item.Type {
	case "article-journal", "article-magazine", "article-newspaper", "chapter", "paper-conference", "entry-encyclopedia":
	default:
		return false
	}
	first, last, ok := bib.PageRange(w.item.Page)
	if !ok {
		return false
	}
	from, to, ok := bib.PageRange(locator)
	return ok && (to < first || from > last)
}

// nameScore counts how many of the name words written before a
// back-reference a work's creators (or, for the later words, its text)
// hold; 0 unless the first or last word is a creator's family name.
func nameScore(c *candidate, words []string) int {
	if c == nil || len(words) == 0 || len(c.families) == 0 {
		return 0
	}
	if !containsWord(c.families, words[0]) && !containsWord(c.families, words[len(words)-1]) {
		return 0
	}
	score := 0
	for _, w := range words {
		if containsWord(c.families, w) || c.hasWord(w) {
			score++
		}
	}
	return score
}

// beforeBackRef is the text written before a back-reference ("Serge, "
// before "Ibid.", "Greeman, " before "op. cit."), or all of text when it
// holds none. Markers are matched as whole words, as the folded words of
// each space-separated token: "op.cit.,", "Ibid.", "a.a.O.".
func beforeBackRef(text string) string {
	// The folded words of the whole text are those of its tokens, in
	// order: the marker is found among them, then the token that holds it.
	k := backRefAt(bib.Words(text))
	if k < 0 {
		return strings.Trim(text, " ,.;:")
	}
	seen := 0 // words of the tokens before
	start := -1
	for i := 0; i <= len(text); i++ {
		if i < len(text) && text[i] != ' ' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if seen += foldedWordCount(text[start:i]); seen > k {
				return strings.Trim(text[:start], " ,.;:")
			}
			start = -1
		}
	}
	return strings.Trim(text, " ,.;:") // not reached: the tokens hold every word
}

// foldedWordCount returns len(bib.Words(tok)); an ASCII token is counted
// as bib.Fold splits it, without folding it: a letter or digit after a
// separator opens a word, an apostrophe separates only after a one-letter
// word ("l'Anarchie"), and joins otherwise ("Serge's").
func foldedWordCount(tok string) int {
	if !textscan.IsASCII(tok) {
		return len(bib.Words(tok))
	}
	n, wordLen, space := 0, 0, false
	for i := 0; i < len(tok); i++ {
		switch c := tok[i]; {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
			if n == 0 || space {
				n, wordLen = n+1, 0
			}
			space = false
			wordLen++
		case c == '\'':
			if wordLen == 1 && !space {
				space = true
			}
		default:
			space = true
		}
	}
	return n
}

// backRefAt returns the index of the first folded word that opens a
// back-reference marker, or -1.
func backRefAt(words []string) int {
	at := func(k int, seq ...string) bool {
		if k+len(seq) > len(words) {
			return false
		}
		for n, w := range seq {
			if words[k+n] != w {
				return false
			}
		}
		return true
	}
	for k, w := range words {
		switch {
		case backWords[w], at(k, "op", "cit"), at(k, "loc", "cit"), at(k, "o", "c"), at(k, "a", "a", "o"):
			return k
		}
	}
	return -1
}

// backWords are the one-word back-references, folded.
var backWords = map[string]bool{
	"ibid": true, "ibidem": true, "ib": true, "id": true, "idem": true, "ebd": true, "ebenda": true,
	"opcit": true, "loccit": true, "aao": true,
}

// best returns the work that fits q best; ambiguous is true when two
// different works fit equally well and neither was cited before.
func (r *resolver) best(q query) (w *work, ambiguous bool) {
	ms := r.lx.match(q)
	if len(q.families) == 0 && !q.loose && len(q.title) <= shortTitleWords {
		ms = preferCited(ms)
	}
	// the works tied with the best (see tied): ms[:n]
	n := 0
	for i, m := range ms {
		if i > 0 && ms[0].score-m.score > tieMargin {
			break
		}
		n++
	}
	if n == 0 {
		return nil, false
	}
	if n == 1 {
		return ms[0].c.w, false
	}
	// A short form names a work cited before: prefer the one cited most
	// recently among the tied, marked so that each citation is tested at
	// once (an author's name alone ties hundreds of works).
	r.tieStamp++
	for _, m := range ms[:n] {
		m.c.w.tiedAt = r.tieStamp
	}
	for i := len(r.history) - 1; i >= 0; i-- {
		if w := r.history[i].w; w.tiedAt == r.tieStamp {
			return w, false
		}
	}
	return ms[0].c.w, true
}

// shortTitleWords is the most words a shortened title keeps (Chicago:
// "generally no more than four words").
const shortTitleWords = 4

// citedBonus is what a work already cited in the document gains against
// one that is not, for a short title given without its author: a short
// form follows the full citation it shortens, so "Year One" names the
// Year One cited in full above, not a review whose title quotes it.
const citedBonus = 0.35

// preferCited returns the matches rescored with citedBonus, best first;
// ms itself (memoized by the lexicon) is left alone.
func preferCited(ms []scored) []scored {
	any := false
	for _, m := range ms {
		if m.c.w.cited {
			any = true
			break
		}
	}
	if !any {
		return ms
	}
	out := make([]scored, len(ms))
	for i, m := range ms {
		out[i] = m
		if m.c.w.cited {
			out[i].score += citedBonus
		}
	}
	slices.SortStableFunc(out, byScore)
	return out
}

// byAlias finds a work by a declared alias ("Hereafter, Greeman") or by an
// abbreviation of a title cited before ("FLTS" for From Lenin to Stalin).
func (r *resolver) byAlias(body string) (*work, string, bool) {
	if !isInitialism(body) && asciiAlnumUpTo(body, r.aliasLongest+1) > r.aliasLongest {
		// folded, the body would be longer than every alias: most bodies
		// are whole citations, told apart here without folding them
		return nil, "", false
	}
	key := bib.Fold(body)
	if key == "" {
		return nil, "", false
	}
	if w, ok := r.aliases[key]; ok {
		if isInitialism(body) {
			return w, bib.FormAbbrev, true
		}
		return w, bib.FormAlias, true
	}
	if !isInitialism(body) {
		return nil, "", false
	}
	var found *work
	for _, cr := range r.history {
		if containsString(cr.w.cand.initialisms, key) {
			if found != nil && found != cr.w {
				return nil, "", false
			}
			found = cr.w
		}
	}
	if found == nil {
		for _, w := range r.works {
			if containsString(w.cand.initialisms, key) {
				if found != nil && found != w {
					return nil, "", false
				}
				found = w
			}
		}
	}
	if found == nil {
		return nil, "", false
	}
	return found, bib.FormAbbrev, true
}

// addAlias records a folded alias of a work.
func (r *resolver) addAlias(key string, w *work) {
	r.aliases[key] = w
	r.aliasLongest = max(r.aliasLongest, len(key))
}

// asciiAlnumUpTo counts the ASCII letters and digits of s, up to limit:
// each is a byte of bib.Fold(s), so that its count is the least length
// of the folded text.
func asciiAlnumUpTo(s string, limit int) int {
	n := 0
	for i := 0; i < len(s) && n < limit; i++ {
		if c := s[i]; 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			n++
		}
	}
	return n
}

// byAliasAfterName is byAlias of the whole body, else of an abbreviation
// after an author's name, when that author is the work's.
func (r *resolver) byAliasAfterName(body string) (*work, string, bool) {
	if w, form, ok := r.byAlias(body); ok {
		return w, form, true
	}
	name, abbrev, ok := strings.Cut(strings.TrimSpace(body), ", ")
	abbrev = strings.TrimRight(abbrev, " .,;")
	if !ok || !isInitialism(abbrev) || strings.Contains(abbrev, " ") {
		return nil, "", false
	}
	w, form, ok := r.byAlias(abbrev)
	if !ok || !allIn(bib.Words(name), w.cand.families) {
		return nil, "", false
	}
	return w, form, true
}

func (r *resolver) lastCiteOf(w *work) *NoteRef {
	for i := len(r.history) - 1; i >= 0; i-- {
		if r.history[i].w == w {
			n := r.history[i].note
			return &n
		}
	}
	return nil
}

func (r *resolver) newWork(it bib.Item, raw string) *work {
	w := &work{item: it, entry: -1}
	w.cand = r.lx.add(w, raw)
	r.works = append(r.works, w)
	r.byItem[&w.item] = w
	return w
}

func (r *resolver) problem(line int, code string, n *Note, msg string) {
	p := Problem{Kind: KindProblem, Doc: r.doc.Name, Line: line, Code: code, Message: msg}
	if n != nil {
		p.Seq, p.Number = n.Seq, n.Number
	}
	r.doc.Problems = append(r.doc.Problems, p)
}

// finish assigns work ids and reports bibliography entries no note cites.
func (r *resolver) finish() {
	used := make(map[string]int, len(r.works))
	r.doc.Works = make(map[string]*bib.Item, len(r.works))
	for _, w := range r.works {
		id := bib.WorkID(&w.item)
		used[id]++
		if used[id] > 1 {
			id += "-" + strconv.Itoa(used[id])
		}
		w.id = id
		r.doc.Works[id] = &w.item
		if w.entry >= 0 {
			r.doc.Entries[w.entry].Work = id
			r.doc.Entries[w.entry].Item = &w.item
		}
	}
	setIDs := func(cs []Citation) {
		for i := range cs {
			if w := r.workOf(cs[i].Item); w != nil {
				cs[i].Work = w.id
			}
		}
	}
	for i := range r.doc.Notes {
		setIDs(r.doc.Notes[i].Citations)
	}
	for i := range r.doc.InText {
		setIDs(r.doc.InText[i].Citations)
	}
	anyCited := false
	for _, w := range r.works {
		anyCited = anyCited || w.cited
	}
	if !anyCited {
		return // a bare reference list cites nothing: no finding per entry
	}
	for _, w := range r.works {
		if w.entry >= 0 && !w.cited {
			e := r.doc.Entries[w.entry]
			r.doc.Problems = append(r.doc.Problems, Problem{Kind: KindProblem, Doc: r.doc.Name, Line: e.Line,
				Code: CodeNeverCited, Message: strconv.Quote(shorten(e.Raw)) + " is never cited"})
		}
	}
}

// isFull reports whether a parsed citation describes a work rather than
// naming one briefly: it gives where or when it was published.
func isFull(it *bib.Item) bool {
	if it.Title == "" && it.ContainerTitle == "" && it.Issued == nil && it.Type != "personal_communication" && it.Type != "interview" {
		// "Deutscher, Vol. 2, pp. 142-145": an author and a volume name
		// one of the author's works briefly
		return it.Publisher != "" || it.PublisherPlace != "" || it.URL != "" || it.DOI != "" || it.Archive != ""
	}
	return it.Publisher != "" || it.PublisherPlace != "" || it.Issued != nil || it.ContainerTitle != "" ||
		it.Volume != "" || it.URL != "" || it.DOI != "" || it.Archive != ""
}

// plausibleWork reports whether an unmatched citation describes a work
// worth keeping: a title, and an author or publication facts.
func plausibleWork(it *bib.Item) bool {
	if looksLikeProse(it.Title) {
		return false
	}
	switch it.Type {
	case "personal_communication", "interview":
		// letters and interviews have no title: a person and a date are
		// what identify them
		return len(it.Author)+len(it.Recipient)+len(it.Interviewer) > 0 && (it.Issued != nil || it.Archive != "")
	}
	if it.Title == "" && it.ContainerTitle == "" {
		return false
	}
	if looksLikeProse(it.Title) {
		return false
	}
	return len(it.Author)+len(it.Editor) > 0 || isFull(it)
}

// looksLikeProse reports a "title" that is a sentence of commentary: long,
// and written mostly in lower-case words, as titles in title case or
// quotation marks are not.
func looksLikeProse(title string) bool {
	words := textscan.FieldCount(title)
	if words < 8 {
		return false
	}
	lower := 0
	for w := range strings.FieldsSeq(title) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && !bib.IsStopword(strings.ToLower(w)) {
			lower++
		}
	}
	return lower*4 >= words
}

func familiesOf(it *bib.Item) []string {
	var out []string
	for _, names := range [][]bib.Name{it.Author, it.Editor} {
		for _, n := range names {
			if n.Family != "" {
				out = bib.AppendWords(out, n.Family)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return out
}

// aliasDeclaration recognises a piece that only declares a short name for
// the work before it: "Hereafter, Greeman", "hereafter cited as FLTS",
// "Cited below as FGM", "henceforth Memoirs", "hereinafter X".
func aliasDeclaration(text string) (string, bool) {
	t := strings.Trim(strings.TrimSpace(text), "()[].")
	if t == "" {
		return "", false
	}
	switch c := t[0]; {
	case c >= utf8.RuneSelf, c == 'h', c == 'H', c == 'c', c == 'C':
	default:
		return "", false // every lead opens with "h" or "c"
	}
	lower := strings.ToLower(t)
	for _, lead := range []string{"hereafter cited as", "hereinafter cited as", "cited below as", "cited hereafter as",
		"henceforth cited as", "hereafter", "hereinafter", "henceforth"} {
		if strings.HasPrefix(lower, lead) {
			alias := strings.Trim(t[len(lead):], " ,:;.\"'“”")
			if alias != "" && textscan.FieldCountUpTo(alias, 6) <= 6 {
				return alias, true
			}
		}
	}
	return "", false
}

// crossReference reports a pointer inside the document itself ("See
// chapter 1 infra, p. 73", "supra, n. 12", "see above, p. 40"): it cites
// no work.
func crossReference(text string) bool {
	if textscan.IsASCII(text) && strings.IndexByte(text, '\'') < 0 && !mayCrossReference(text) {
		// ASCII without apostrophes folds to its runs of letters and
		// digits lowered: a word the test below looks for would be one
		return false
	}
	return crossReferenceWords(text)
}

// crossReferenceWords is crossReference without the pre-check: one pass
// over the folded words, the first three kept for the tests that look at
// the note's opening.
func crossReferenceWords(text string) bool {
	var first [3]string
	n, aboveAt := 0, -1
	for w := range strings.FieldsSeq(bib.Fold(text)) {
		switch w {
		case "infra", "supra":
			return true
		case "above", "below":
			if n <= 2 {
				return true
			}
			aboveAt = n
		}
		if n < len(first) {
			first[n] = w
		}
		n++
	}
	for i := 0; i <= 1 && i+1 < n; i++ {
		switch first[i] {
		case "chapter", "chap", "ch", "section", "part":
			if (isDigits(first[i+1]) || isRoman(first[i+1])) && n <= i+6 {
				return true
			}
			if aboveAt == n-1 && n <= 10 {
				return true // "Chap. V, Section I, fn 215 above"
			}
		}
	}
	return false
}

// mayCrossReference reports whether an ASCII text without apostrophes
// has a word crossReference looks for where it looks: "infra", "supra",
// "above" or "below" anywhere, a division ("chapter", "chap", "ch",
// "section", "part") first or second. Its words are its runs of ASCII
// letters and digits, as bib.Fold reads them; most notes hold none, and
// are then not folded ("which" and "much" are no chapter).
func mayCrossReference(text string) bool {
	n := 0 // words before
	for i := 0; i < len(text); {
		if !isASCIIAlnum(text[i]) {
			i++
			continue
		}
		start := i
		for i < len(text) && isASCIIAlnum(text[i]) {
			i++
		}
		w := text[start:i]
		switch len(w) {
		case 5:
			if equalFold(w, "infra") || equalFold(w, "supra") || equalFold(w, "above") || equalFold(w, "below") {
				return true
			}
		case 2, 4, 7:
			if n < 2 && (equalFold(w, "ch") || equalFold(w, "chap") || equalFold(w, "part") ||
				equalFold(w, "chapter") || equalFold(w, "section")) {
				return true
			}
		}
		n++
	}
	return false
}

// equalFold reports whether the ASCII word w is the lower-case word x,
// letter case aside.
func equalFold(w, x string) bool { return len(w) == len(x) && textscan.HasPrefixFold(w, x) }

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isRoman(w string) bool {
	return w != "" && strings.Trim(w, "ivxlc") == ""
}

// authorWords returns the folded name words written before a back-reference
// ("Serge, Ibid." → [serge]).
func authorWords(text string) []string { return authorWordsOf(beforeBackRef(text)) }

// authorWordsOf is authorWords given the text before the back-reference.
func authorWordsOf(before string) []string {
	var out []string
	for _, w := range bib.Words(before) {
		if !bib.IsStopword(w) && len(w) > 1 && !isDigits(w) {
			out = append(out, w)
		}
	}
	return out
}

func isDigits(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}

// isInitialism reports whether s is an abbreviation such as "FLTS": two to
// eight capital letters, nothing else.
func isInitialism(s string) bool {
	s = strings.Trim(strings.TrimSpace(s), ".,;:()")
	if len(s) < 2 || len(s) > 8 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

func setLocator(c *Citation, loc string) {
	if loc = strings.TrimSpace(loc); loc != "" {
		c.Locator = &loc
	}
}

// withoutLocator removes the locator and trailing punctuation from a
// citation's text.
func withoutLocator(text, loc string) string {
	t := strings.TrimSpace(text)
	if loc != "" {
		if i := strings.LastIndex(t, loc); i >= 0 {
			t = t[:i] + t[i+len(loc):]
		}
	}
	return strings.Trim(t, " ,.;:")
}

// fillEmpty copies into dst the fields src has and dst lacks.
func fillEmpty(dst, src *bib.Item) {
	str := func(d *string, s string) {
		if *d == "" {
			*d = s
		}
	}
	str(&dst.Title, src.Title)
	str(&dst.ContainerTitle, src.ContainerTitle)
	str(&dst.Publisher, src.Publisher)
	str(&dst.PublisherPlace, src.PublisherPlace)
	str(&dst.Volume, src.Volume)
	str(&dst.Issue, src.Issue)
	str(&dst.Edition, src.Edition)
	str(&dst.URL, src.URL)
	str(&dst.DOI, src.DOI)
	if len(dst.Author) == 0 {
		dst.Author = src.Author
	}
	if len(dst.Editor) == 0 {
		dst.Editor = src.Editor
	}
	if dst.Issued == nil {
		dst.Issued = src.Issued
	}
}

func shorten(s string) string {
	var b strings.Builder
	b.Grow(min(len(s), 512)) // most texts in one allocation
	n := 0                   // runes written
	for w := range strings.FieldsSeq(s) {
		if n > 70 {
			break // enough read to cut
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += utf8.RuneCountInString(w)
	}
	if n <= 70 {
		return b.String()
	}
	var cut strings.Builder
	cut.Grow(67 + len("..."))
	k := 0
	for _, r := range b.String() {
		if k == 67 {
			break
		}
		cut.WriteRune(r) // as string([]rune(…)): an invalid byte becomes U+FFFD
		k++
	}
	cut.WriteString("...")
	return cut.String()
}

func itoa(n int) string { return strconv.Itoa(n) }
