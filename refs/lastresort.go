package refs

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/internal/textscan"
)

// lastResort finds the listed work a citation names when no lookup by its
// author and title did, by the readings a bibliographer makes before
// calling a work missing from the bibliography, in this order:
//
//   - an author given by initials ("VS, “Marxism in Our Time,” …") is the
//     one person of the bibliography with those initials;
//   - a part of a listed book ("“My Break with Trotsky,” Carnets, p. 44")
//     is a work of its own, a chapter of that book, which the bibliography
//     holds through the book; a place in the book ("Carnets, entry for
//     Nov. 15, 1946") cites the book;
//   - a letter between the bibliography's author and a correspondent whose
//     letters it lists as a collection ("Serge to Sedov, 18 Oct. 1936"
//     under "Unpublished Correspondence: Leon Lyovich Sedov, 1936-1938")
//     is a work of its own, held through that collection;
//   - an interview or conversation "with" a person the bibliography lists
//     among its interviews ("Private conversation with Vlady in Coyoacan,
//     August 20, 1990") is that listed interview;
//   - a periodical issue given to the day ("Bohemia, La Habana, 7
//     September 1941, vol. 33, no. 36") cites the one article the
//     bibliography lists from that issue;
//   - prose that names a listed work by its author and whole title
//     ("The affair is also treated in Herbert R. Lottman, The Left Bank:
//     Writers, Artists, …") cites it (spotListedWorks; the first of
//     several);
//   - a citation that copies out an entry nearly word for word cites it
//     (quotedEntry).
//
// It returns the work and the item as now read (its author filled in),
// or nil.
func (r *resolver) lastResort(it bib.Item, body string) (*work, bib.Item) {
	if alt, ok := r.authorByInitials(it); ok {
		// the whole title as listed: initials are a weak author
		if w, amb := r.best(titleQuery(&alt)); w != nil && !amb && sameWords(w.cand.title, titleWords(alt.Title)) {
			return w, alt
		}
		it = alt
	}
	if book, whole := r.partOfListedBook(&it); book != nil {
		if whole {
			return book, it
		}
		return r.partOf(book, it, body), it
	}
	if book, part := r.frontMatterOf(&it); book != nil {
		it.Title = part
		return r.partOf(book, it, body), it
	}
	if coll := r.letterInCollection(&it); coll != nil {
		it.Author, it.Recipient = r.expandedParty(it.Author), r.expandedParty(it.Recipient)
		if w := r.samePerson(&it); w != nil && it.Title == "" {
			return w, it // cited before with the names in full ("Trotsky to Serge")
		}
		if it.Archive == "" {
			it.Archive = coll.item.Archive
		}
		w := r.newWork(it, body)
		w.partOf = coll
		return w, it
	}
	if w := r.listedInterviewWith(&it, body); w != nil {
		return w, w.item
	}
	if w := r.articleOfIssue(&it, body); w != nil {
		return w, it
	}
	if spots := r.spotListedWorks(body); len(spots) > 0 {
		return spots[0].w, spots[0].w.item
	}
	if w := r.quotedEntry(body); w != nil {
		return w, w.item
	}
	return nil, it
}

// quoteWords is the fewest words an entry needs for a citation to be
// recognised as quoting it, and quoteShare the share of them it must hold.
const (
	quoteWords = 4
	quoteShare = 0.9
)

// quotedEntry finds the entry a citation copies out nearly word for word,
// in whatever order, with other text around it ("6. 24 May 1988, from
// Defense Intelligence Agency, reporting investigation …" for the entry
// "24 May 1988, from Defense Intelligence Agency, reporting investigation
// in Mexico City of 26 March 1946"): nine in ten of the entry's words,
// numbers included, at least quoteWords of them. The entry holding the
// largest share wins; a tie names none.
func (r *resolver) quotedEntry(body string) *work {
	if !hasYearLike(body) {
		return nil // an entry copied out carries its date
	}
	if r.cited == nil {
		r.cited = map[string]bool{}
	} else {
		clear(r.cited)
	}
	in := r.cited // the cited words, which the entries' are looked up in
	cited := distinctWordsSet(bib.Words(body), in)
	if len(cited) < quoteWords {
		return nil
	}
	idx := r.listedIndex()
	var found *work
	best, tie := 0.0, false
	for _, i := range r.lx.candidates(cited) {
		// told from the number of its words alone, most candidates are
		// no quoted entry (quotable; past it, works first cited in notes)
		if i >= len(idx.quotable) || idx.quotable[i] == 0 || float64(len(cited))/float64(idx.quotable[i]) < quoteShare {
			continue // it holds at most as many words as are cited: too few
		}
		w := r.lx.cands[i].w
		words := r.rawWords[w.entry]
		held, missAllowed := 0, int(float64(len(words))*(1-quoteShare))
		for _, x := range words {
			if in[x] {
				held++
			} else if missAllowed--; missAllowed < 0 {
				break // too many of the entry's words are missing
			}
		}
		share := float64(held) / float64(len(words))
		switch {
		case share < quoteShare || share < best:
		case share == best && w != found:
			tie = true
		case share > best:
			found, best, tie = w, share, false
		}
	}
	if tie {
		return nil
	}
	return found
}

// hasYearLike reports whether s holds four digits in a row (a year).
func hasYearLike(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run == 4 {
				return true
			}
			continue
		}
		run = 0
	}
	return false
}

// distinctWordsSet is distinctWords told apart by a set, which it fills
// with the words kept (it must be empty): a long citation's words are
// many, and distinctWords compares each with all those before.
func distinctWordsSet(words []string, seen map[string]bool) []string {
	out := words[:0]
	for _, w := range words {
		if (len(w) > 1 || isDigits(w)) && !bib.IsStopword(w) && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// distinctWords filters folded words, in place, to the distinct
// significant words and numbers, in order.
func distinctWords(words []string) []string {
	out := words[:0]
	for _, w := range words {
		if (len(w) > 1 || isDigits(w)) && !bib.IsStopword(w) && !containsString(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// authorByInitials replaces an author written as initials ("VS", "LDT")
// by the one creator of the bibliography whose given and family names
// have those initials.
func (r *resolver) authorByInitials(it bib.Item) (bib.Item, bool) {
	if len(it.Author) != 1 || it.Author[0].Given != "" || it.Title == "" {
		return it, false
	}
	n := r.creatorOfInitials(it.Author[0].Family)
	if n == nil {
		return it, false
	}
	it.Author = []bib.Name{*n}
	return it, true
}

// creatorOfInitials returns the one bibliography creator whose initials
// are s ("VS"), or nil.
func (r *resolver) creatorOfInitials(s string) *bib.Name {
	if !isInitialism(s) || len(s) > 4 {
		return nil
	}
	if r.initials == nil {
		r.initials = r.creatorsByInitials()
	}
	return r.initials[s]
}

// withInitialsExpanded replaces, in folded name words written before a
// back-reference ("ldt", of "LDT, Ibid."), initials by the family name of
// the creator they stand for.
func (r *resolver) withInitialsExpanded(words []string) []string {
	var out []string
	for i, w := range words {
		n := r.creatorOfInitials(strings.ToUpper(w))
		if n == nil {
			continue
		}
		if out == nil {
			out = append([]string{}, words[:i]...)
		}
		out = bib.AppendWords(out, n.Family)
	}
	if out == nil {
		return words
	}
	return out
}

// creatorsByInitials maps the initials of every bibliography creator with a
// given name ("Victor Serge" → "VS") to that creator; initials two people
// share map to nil.
func (r *resolver) creatorsByInitials() map[string]*bib.Name {
	out := map[string]*bib.Name{}
	for _, w := range r.works {
		if w.entry < 0 {
			continue
		}
		for i := range w.item.Author {
			n := &w.item.Author[i]
			key := nameInitials(n)
			if key == "" {
				continue
			}
			if prev, ok := out[key]; ok && (prev == nil || bib.Fold(prev.Family) != bib.Fold(n.Family)) {
				out[key] = nil
				continue
			}
			out[key] = n
		}
	}
	return out
}

// nameInitials returns the upper-case initials of a personal name, given
// names first ("Leon Davidovich" "Trotsky" → "LDT"), or "" when the name
// has no given part.
func nameInitials(n *bib.Name) string {
	if n.Given == "" || n.Family == "" {
		return ""
	}
	var buf [16]byte // on the stack: a name has a few initials
	b := buf[:0]
	sep := func(r rune) bool { return r == ' ' || r == '.' || r == '-' }
	for _, name := range [2]string{n.Given, n.Family} { // as the parts of Given+" "+Family
		for part := range strings.FieldsFuncSeq(name, sep) {
			r, _ := utf8.DecodeRuneInString(part)
			switch {
			case !unicode.IsUpper(r):
				// a particle ("de", "von") gives no initial
			case r < utf8.RuneSelf:
				b = append(b, byte(r)) // an ASCII capital folds and upper-cases to itself
			default:
				b = append(b, strings.ToUpper(bib.Fold(string(r)))...)
			}
		}
	}
	return string(b)
}

// partOfListedBook finds the listed book a part of it is cited in: the
// container of an article that names a book the bibliography lists by the
// same author ("“Ideological Discussions,” 13 Sept. 1944, Carnets"), or a
// title that opens with such a book and goes on with a description of the
// part ("Carnets, entry for Nov. 15, 1946").
// whole is true for the second form: the citation names the book itself.
func (r *resolver) partOfListedBook(it *bib.Item) (book *work, whole bool) {
	families := familiesOf(it)
	if len(families) == 0 {
		return nil, false
	}
	type reading struct {
		title string
		whole bool
	}
	var readings []reading
	if it.ContainerTitle != "" && it.Title != "" {
		readings = append(readings, reading{it.ContainerTitle, false})
		if i := strings.LastIndex(it.ContainerTitle, ", "); i > 0 && !opensUpper(it.ContainerTitle) {
			readings = append(readings, reading{it.ContainerTitle[i+2:], false}) // "entry for 25 November 1944, Carnets"
		}
	}
	if head, rest, ok := strings.Cut(it.Title, ", "); ok && it.ContainerTitle == "" && !opensUpper(rest) && textscan.FieldCountUpTo(rest, partWords) <= partWords {
		readings = append(readings, reading{head, true})
	}
	for _, rd := range readings {
		words := titleWords(rd.title)
		if len(words) == 0 {
			continue
		}
		w, amb := r.best(query{families: families, title: words, phrase: bib.Fold(rd.title)})
		if w == nil || amb || w.entry < 0 || w.item.ContainerTitle != "" || !sameWords(w.cand.title, words) {
			continue
		}
		return w, rd.whole
	}
	return nil, false
}

// frontMatter names the parts another hand adds to a book.
var frontMatter = map[string]bool{"introduction": true, "preface": true, "foreword": true, "afterword": true,
	"postface": true, "epilogue": true, "prologue": true, "avant-propos": true, "einleitung": true, "vorwort": true,
	"nachwort": true, "prefacio": true, "introducción": true, "introduccion": true}

// frontMatterOf finds the listed book whose introduction, preface or
// afterword a citation names ("Marcel Mermoz, Introduction, Vers l'autre
// Flamme, …", "Introduction to Kronstadt"): the title opens with the part's
// name, the book's whole title follows. The book may be another author's.
// It returns the book and the part's name.
func (r *resolver) frontMatterOf(it *bib.Item) (*work, string) {
	head, rest, ok := strings.Cut(it.Title, ", ")
	if !ok {
		var to string
		if head, to, ok = strings.Cut(it.Title, " to "); !ok {
			return nil, ""
		}
		rest = to
	}
	if !frontMatter[strings.ToLower(strings.TrimSpace(head))] {
		return nil, ""
	}
	title, _, _ := strings.Cut(rest, ", ")
	words := titleWords(title)
	if len(words) == 0 {
		return nil, ""
	}
	w, amb := r.best(query{title: words, phrase: bib.Fold(title)})
	if w == nil || amb || w.entry < 0 || w.item.ContainerTitle != "" || !sameWords(w.cand.title, words) {
		return nil, ""
	}
	return w, strings.TrimSpace(head)
}

// partOf returns the work for a part of a listed book, made the first time
// the part is cited: a chapter under the book's title, published as the
// book was.
func (r *resolver) partOf(book *work, it bib.Item, body string) *work {
	for _, w := range r.works {
		if w.partOf == book && bib.Fold(w.item.Title) == bib.Fold(it.Title) {
			return w
		}
	}
	it.Type = "chapter"
	it.ContainerTitle = book.item.Title
	if it.Publisher == "" {
		it.Publisher, it.PublisherPlace = book.item.Publisher, book.item.PublisherPlace
	}
	w := r.newWork(it, body)
	w.partOf = book
	return w
}

// partWords is the most words a description of a part after a book's
// title takes ("entry for Nov. 15, 1946").
const partWords = 12

// opensUpper reports whether s opens with an upper-case letter.
func opensUpper(s string) bool { return unicode.IsUpper(firstRune(strings.TrimSpace(s))) }

// sameWords reports whether two lists of folded words are the same words
// (allowing sameWord's abbreviations and one-letter slips), in any order.
func sameWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, w := range a {
		if !likeAny(w, b) {
			return false
		}
	}
	return true
}

// likeAny reports whether w is one of words as sameWord reads them, either
// way round.
func likeAny(w string, words []string) bool {
	return slices.ContainsFunc(words, func(x string) bool { return sameWord(w, x) || sameWord(x, w) })
}

// articleOfIssue finds the one listed article of the periodical issue a
// citation gives to the day: the entry's container is printed in the
// citation, its date agrees to the day, and its volume and issue, where
// both give them, are the same.
func (r *resolver) articleOfIssue(it *bib.Item, body string) *work {
	if it.Issued == nil || len(it.Issued.DateParts) == 0 || len(it.Issued.DateParts[0]) < 3 {
		return nil
	}
	var cited []string // the body's words, read when a date agrees
	var found *work
	idx := r.listedIndex()
	for k, w := range idx.dayDated {
		if !bib.SameDate(w.item.Issued, it.Issued) {
			continue
		}
		if differ(it.Volume, w.item.Volume) || differ(it.Issue, w.item.Issue) {
			continue
		}
		if cited == nil {
			cited = bib.SignificantWords(body)
		}
		container := idx.dayDatedContainer[k]
		if len(container) == 0 || !allIn(container, cited) {
			continue
		}
		if found != nil && found != w {
			return nil
		}
		found = w
	}
	return found
}

// differ reports two values that are both given and not the same.
func differ(a, b string) bool {
	return a != "" && b != "" && bib.Fold(a) != bib.Fold(b)
}

// allIn reports whether every word of want is among words.
func allIn(want, words []string) bool {
	for _, w := range want {
		if !containsString(words, w) {
			return false
		}
	}
	return true
}

// letterInCollection finds the listed collection of correspondence a
// letter belongs to: an entry under a heading or group of correspondence
// whose title names one party of the letter while the other is the
// entry's author, or whose authors are both parties (published
// correspondence), or, for a collection with no author, whose title names
// either party exactly; dated (where both are) within the collection's
// years. A correspondent named exactly wins over one named with a slip
// (Sedov, not Sedova).
func (r *resolver) letterInCollection(it *bib.Item) *work {
	if it.Type != "personal_communication" || len(it.Author) == 0 || len(it.Recipient) == 0 {
		return nil
	}
	from, to := familyWords(r.expandedParty(it.Author)), familyWords(r.expandedParty(it.Recipient))
	var found *work
	best, tiedBest := 0, false
	for _, coll := range r.listedIndex().collections {
		w, people, creators := coll.w, coll.people, coll.creators
		fit := 0
		if len(creators) == 0 {
			// a collection listed by correspondent alone: either party,
			// named exactly
			if q := max(partyIn(from, people), partyIn(to, people)); q == 2 {
				fit = q
			}
		}
		if partyIn(to, creators) > 0 {
			fit = max(fit, partyIn(from, people), partyIn(from, creators))
		}
		if partyIn(from, creators) > 0 {
			fit = max(fit, partyIn(to, people), partyIn(to, creators))
		}
		if fit == 0 || fit < best || !withinYears(it.YearOf(), coll.years) {
			continue
		}
		if fit == best && found != w {
			tiedBest = true
			continue
		}
		found, best, tiedBest = w, fit, false
	}
	if tiedBest {
		return nil
	}
	return found
}

// expandedParty returns a letter's party with a name written as initials
// ("LDT") replaced by the bibliography creator it stands for.
func (r *resolver) expandedParty(names []bib.Name) []bib.Name {
	if len(names) != 1 || names[0].Given != "" {
		return names
	}
	if n := r.creatorOfInitials(names[0].Family); n != nil {
		return []bib.Name{*n}
	}
	return names
}

// collectionYears is when a collection's letters were written: the span of
// years its title gives ("La Lutte contre le stalinisme, 1936-1939"), else
// its date, else the span its group's heading gives ("Correspondence held
// at the Serge Archive, 1941-1947").
func collectionYears(e *Entry) *bib.Date {
	if d := yearSpan(e.Item.Title); d != nil {
		return d
	}
	if e.Item.Issued != nil || e.Group == nil {
		return e.Item.Issued
	}
	return yearSpan(*e.Group)
}

// yearSpan returns the first and last four-digit years written in s, or
// nil when s has fewer than two.
func yearSpan(s string) *bib.Date {
	var years []int
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r < '0' || r > '9' }) {
		if y, err := strconv.Atoi(f); err == nil && len(f) == 4 && y >= 1400 {
			years = append(years, y)
		}
	}
	if len(years) < 2 {
		return nil
	}
	return &bib.Date{DateParts: [][]int{{years[0]}, {years[len(years)-1]}}}
}

// correspondenceWords are the words that head lists of letters, in the
// languages of the date parser.
var correspondenceWords = map[string]bool{"correspondence": true, "correspondance": true, "correspondencia": true,
	"corrispondenza": true, "letters": true, "lettres": true, "briefe": true, "briefwechsel": true, "cartas": true,
	"carteggio": true, "lettere": true, "epistolario": true}

// collectionTitleWords is the most significant words the title of a
// collection of letters takes: the correspondent's name, perhaps after
// "Correspondence with".
const collectionTitleWords = 6

// isCorrespondence reports whether an entry is a collection of letters:
// listed under a heading or group of correspondence, with a short title.
// headings remembers what each heading was found to be.
func isCorrespondence(e *Entry, headings map[string]bool) bool {
	of := func(h string) bool {
		letters, ok := headings[h]
		if !ok {
			for _, w := range bib.Words(h) {
				letters = letters || correspondenceWords[w]
			}
			headings[h] = letters
		}
		return letters
	}
	under := e.Group != nil && of(*e.Group)
	for _, h := range e.Section {
		under = under || of(h)
	}
	return under && len(bib.SignificantWords(e.Item.Title)) <= collectionTitleWords
}

// familyWords returns the folded words of each name's family name.
func familyWords(names []bib.Name) [][]string {
	out := make([][]string, 0, len(names))
	for _, n := range names {
		if fam := bib.Words(n.Family); len(fam) > 0 {
			out = append(out, fam)
		}
	}
	return out
}

// partyIn tells how one of the names (their family words) is among words:
// 2 when its whole family name is, 1 when only with sameWord's
// abbreviations and one-letter slips (Kostiuk, Kostyuk), 0 when not.
func partyIn(names [][]string, words []string) int {
	best := 0
	for _, fam := range names {
		q := 2
		for _, f := range fam {
			if containsString(words, f) {
				continue
			}
			q = 1
			if !likeAny(f, words) {
				q = 0
				break
			}
		}
		best = max(best, q)
	}
	return best
}

// withinYears reports whether year falls in a collection's span of years
// ("1936-1938"); a single year is when the letters were published, so any
// year up to it fits. An unknown year fits.
func withinYears(year int, d *bib.Date) bool {
	if year == 0 || d == nil || len(d.DateParts) == 0 || len(d.DateParts[0]) == 0 {
		return true
	}
	first := d.DateParts[0][0]
	last := d.DateParts[len(d.DateParts)-1]
	if len(d.DateParts) == 1 || len(last) == 0 {
		return year <= first
	}
	return first <= year && year <= last[0]
}

// interviewMarkers introduce the person an interview or conversation was
// held with.
var interviewMarkers = []string{"interview with ", "interviews with ", "conversation with ", "conversations with ",
	"entretien avec ", "entrevista con ", "gespräch mit "}

// listedInterviewWith finds the listed interview of the person a citation
// says it was held "with": the capitalised words after the marker name
// the person by family or given name, and one listed interview only has
// that person. The entry must list the citation's date (its year, and
// its month where given: "Vlady Kibalchich, Jan. 1986, May 1987, Aug.
// 1990" lists "August 20, 1990", not "June 1989"), and an interview
// "conducted by" someone else is another interview.
func (r *resolver) listedInterviewWith(it *bib.Item, body string) *work {
	if textscan.IsASCII(body) && !slices.ContainsFunc(interviewMarkers, func(m string) bool { return textscan.ContainsFold(body, m) }) {
		return nil // no marker: not worth lowering the text
	}
	lower := strings.ToLower(body)
	for _, m := range interviewMarkers {
		i := strings.Index(lower, m)
		if i < 0 {
			continue
		}
		names := leadingCapitalised(body[i+len(m):])
		if len(names) == 0 {
			continue
		}
		var found *work
		for _, w := range r.works {
			if w.entry < 0 || w.item.Type != "interview" || len(w.item.Author) != 1 {
				continue
			}
			a := w.item.Author[0]
			if !containsString(names, bib.Fold(a.Family)) && !containsString(names, bib.Fold(a.Given)) {
				continue
			}
			raw := r.doc.Entries[w.entry].Raw
			if !listsDate(raw, it.Issued) || strings.Contains(lower, "conducted by") && !namesAny(lower, w.item.Interviewer) {
				continue
			}
			if found != nil && found != w {
				return nil
			}
			found = w
		}
		if found != nil {
			return found
		}
	}
	return nil
}

// leadingCapitalised returns the folded capitalised words s opens with
// ("Vlady Kibalchich in Coyoacan" → vlady, kibalchich), at most three.
func leadingCapitalised(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		word := strings.TrimRight(f, ",.;:)")
		if !opensUpper(word) || len(out) == 3 {
			break
		}
		out = append(out, bib.Fold(word))
		if word != f {
			break // punctuation ends the name
		}
	}
	return out
}

// monthAbbrevs are the English months as entries abbreviate them.
var monthAbbrevs = [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// listsDate reports whether an entry's text lists a date: its year as a
// word and, when the date has a month, that month's abbreviation. A
// missing date is listed.
func listsDate(raw string, d *bib.Date) bool {
	if d == nil || len(d.DateParts) == 0 || len(d.DateParts[0]) == 0 {
		return true
	}
	words := bib.Words(raw)
	if !containsString(words, strconv.Itoa(d.DateParts[0][0])) {
		return false
	}
	if len(d.DateParts[0]) < 2 || d.DateParts[0][1] < 1 || d.DateParts[0][1] > 12 {
		return true
	}
	month := monthAbbrevs[d.DateParts[0][1]-1]
	for _, w := range words {
		if strings.HasPrefix(w, month) {
			return true
		}
	}
	return false
}

// namesAny reports whether a lower-cased text names one of the people by
// family name.
func namesAny(lower string, people []bib.Name) bool {
	for _, p := range people {
		if p.Family != "" && strings.Contains(lower, strings.ToLower(p.Family)) {
			return true
		}
	}
	return false
}

// listed is what the last readings need to know of the bibliography's
// works, gathered once per document.
type listed struct {
	// spotTitle holds, by entry index, the title words spotListedWorks
	// looks for (nil: the entry is not spotted).
	spotTitle [][]string
	// byTitleStart holds the spotted works by their title's first two
	// words (titleStart): a passage's words are looked up pair by pair,
	// and a title's first word alone ("the") would find many.
	byTitleStart map[[2]string][]*work
	// oneWordTitles is set when a spotted title has a single word
	// (its significant words came from a short title): those are held
	// under {word, ""}.
	oneWordTitles bool
	// titleOpenings has the bit (titleOpening) of every spotted title's
	// first word: a passage's word without its bit opens no title, told
	// without hashing a key of byTitleStart.
	titleOpenings [4]uint64
	// collections are the entries that are collections of letters.
	collections []collection
	// dayDated are the articles whose entry dates them to the day, and
	// dayDatedContainer the significant words of their container (set
	// already, fillEmpty leaves it).
	dayDated          []*work
	dayDatedContainer [][]string
	// isCollection holds, by entry index, whether the entry is a
	// collection of letters.
	isCollection []bool
	// quotable holds, by candidate index, the number of distinctWords of an
	// entry quotedEntry may find (quoteWords or more, not a collection:
	// its entry is a person's name, and letters find it), else 0.
	quotable []int
}

// collection is a listed collection of letters: its correspondents (the
// words of its title), its creators' family words and its years.
type collection struct {
	w                *work
	people, creators []string
	years            *bib.Date
}

// listedIndex returns the document's listed index, gathering it from the
// bibliography's works the first time.
func (r *resolver) listedIndex() *listed {
	if r.listed != nil {
		return r.listed
	}
	l := &listed{spotTitle: make([][]string, len(r.doc.Entries)), byTitleStart: map[[2]string][]*work{},
		isCollection: make([]bool, len(r.doc.Entries))}
	headings := map[string]bool{} // heading → is of correspondence
	for _, w := range r.works {
		if w.entry < 0 {
			continue
		}
		e := &r.doc.Entries[w.entry]
		letters := isCorrespondence(e, headings)
		if title := spotTitle(w, letters); title != nil {
			l.spotTitle[w.entry] = title
			k := titleStart(title)
			l.byTitleStart[k] = append(l.byTitleStart[k], w)
			l.oneWordTitles = l.oneWordTitles || len(title) == 1
			word, bit := titleOpening(title[0])
			l.titleOpenings[word] |= bit
		}
		l.isCollection[w.entry] = letters
		if letters {
			l.collections = append(l.collections, collection{w: w, people: bib.SignificantWords(w.item.Title),
				creators: familiesOf(&w.item), years: collectionYears(e)})
		}
		if d := w.item.Issued; w.item.ContainerTitle != "" && d != nil && len(d.DateParts) > 0 && len(d.DateParts[0]) >= 3 {
			l.dayDated = append(l.dayDated, w)
			l.dayDatedContainer = append(l.dayDatedContainer, bib.SignificantWords(w.item.ContainerTitle))
		}
	}
	l.quotable = make([]int, len(r.lx.cands))
	for _, w := range r.works {
		if w.entry >= 0 && len(r.rawWords[w.entry]) >= quoteWords && !l.isCollection[w.entry] {
			l.quotable[w.cand.idx] = len(r.rawWords[w.entry])
		}
	}
	r.listed = l
	return l
}

// translationIntros open the naming of a translation inside an entry.
var translationIntros = []string{"english translation by ", "translated by ", "translation by ", "english translation, ",
	"translated as ", "english translation: ", "translation: "}

// translationTitles returns the titles of translations an entry names
// ("… English translation by Richard Greeman, Midnight in the Century,
// Writers & Readers, 1982" → "Midnight in the Century"): the capitalised
// segment of two words or more after the translator's name.
func translationTitles(raw string) []string {
	if !textscan.ContainsFold(raw, "transl") {
		return nil // every intro says "translation" or "translated"; most entries do not
	}
	var out []string
	low := strings.ToLower(raw)
	if len(low) != len(raw) {
		return nil // offsets in low must be offsets in raw
	}
	for _, intro := range translationIntros {
		for from := 0; ; {
			k := strings.Index(low[from:], intro)
			if k < 0 {
				break
			}
			rest := raw[from+k+len(intro):]
			from += k + len(intro)
			if strings.HasSuffix(intro, "by ") {
				_, after, ok := strings.Cut(rest, ", ")
				if !ok {
					continue
				}
				rest = after // past the translator's name
			}
			title, _, _ := strings.Cut(rest, ", ")
			title = strings.TrimRight(title, ". ")
			if textscan.FieldCount(title) >= 2 && opensUpper(title) && !containsString(out, title) {
				out = append(out, title)
			}
		}
	}
	return out
}
