package cite

import (
	"strings"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/internal/textscan"
)

// takeTitle reads the title after the names (and an author-date year). It
// returns the next segment.
func (p *parser) takeTitle(i int) int {
	i = p.next(i)
	for i < len(p.segs) && (p.segs[i].kind == paren || p.segs[i].kind == bracket) {
		// APA "(1995)." or "(Ed.)." between names and title
		t := p.text(i)
		if d, ok := p.ownSegDate(i); ok {
			p.setDate("issued", &p.it.Issued, d, Span{p.segs[i].start, p.segs[i].end})
			p.used[i] = true
			i = p.next(i + 1)
			continue
		}
		if roleWord(t) != "" {
			p.used[i] = true
			i = p.next(i + 1)
			continue
		}
		return i
	}
	if i >= len(p.segs) {
		return i
	}
	sg := p.segs[i]
	switch sg.kind {
	case quoted:
		p.set("title", &p.it.Title, p.text(i), Span{sg.start, sg.end})
		p.titleQuoted = true
		p.used[i] = true
		return i + 1
	case italic:
		p.set("title", &p.it.Title, p.text(i), Span{sg.start, sg.end})
		p.titleItalic = true
		p.used[i] = true
		return i + 1
	case plain:
		t := p.text(i)
		if p.genre == "letter" && routeLike(t) {
			p.used[i] = true // "Uccles to Paris": where the letter went, no title
			return p.takeTitle(i + 1)
		}
		if p.genre == "letter" && p.dateWithNext(i) != nil {
			return i // "13, July 1936": the letter's date, no title
		}
		inTitle := hasInPrefix(t) && p.titleOpensWithIn(i)
		if p.isBackRefSeg(i) || hasInPrefix(t) && !inTitle || (p.kind == Note && p.pinpointSeg(i, true)) || strings.Contains(p.lowText(i), "interview by") || isPageCount(t) {
			return i
		}
		if !inTitle && p.isStop(i) {
			return i
		}
		end := p.titleEnd(i)
		if p.numberedSeriesAt(i, end) || p.namedSeriesAt(i, end) {
			// "Title, Stuttgarter Bibelstudien 12 (Scholars Press, 1977)"
			p.set("title", &p.it.Title, p.textOf(i, end-1), p.span(i, end-1))
			p.use(i, end-1)
			p.takeSeries(end, p.segs[end].start)
			return end + 1
		}
		if p.journalAfterComma(i, end) {
			// "Title, J. Symbolic Logic, 27, 259-316 (1962)"
			p.takePlainTitle(i, end-1)
			return p.takeContainer(end) + 1
		}
		end = p.takePlainTitle(i, end)
		return end + 1
	}
	return i
}

// takePlainTitle stores segments i..end as the title, with a bracketed
// span of years right after it ("Assyrian Rulers (1114–859 BC)."), and
// returns the last segment used.
func (p *parser) takePlainTitle(i, end int) int {
	sp := p.span(i, end)
	if n := end + 1; n < len(p.segs) && p.segs[end].sep == ' ' && p.segs[n].kind == paren && p.segs[n].sep == '.' && spanOfYears(p.text(n)) {
		end = n
		sp.End = p.segs[n].end + 1
	}
	p.set("title", &p.it.Title, p.s[sp.Start:sp.End], sp)
	p.use(i, end)
	return end
}

// eraMarks are the words written after years of an era.
var eraMarks = setOfLines(`bc
b.c.
bce
b.c.e.
ad
a.d.
ce
c.e.
v. chr.
n. chr.
av. j.-c.
ap. j.-c.`)

// spanOfYears reports whether t is a range of years, perhaps of an era,
// that a title names in brackets: "1114–859 BC", "704–669 b.c.",
// "1800–1900" (not volumes: "1–2").
func spanOfYears(t string) bool {
	lt := strings.TrimSpace(lower(t))
	era := false
	for m := range eraMarks {
		if strings.HasSuffix(lt, " "+m) {
			lt = strings.TrimSpace(lt[:len(lt)-len(m)])
			era = true
			break
		}
	}
	for _, d := range []string{"–", "-", "—"} {
		if a, b, ok := strings.Cut(lt, d); ok {
			a, b = strings.TrimSpace(a), strings.TrimSpace(b)
			if !allDigits(a) || !allDigits(b) || len(a) > 4 || len(b) > 4 {
				return false
			}
			// without an era only years of our era count: "(1–2)" numbers volumes
			return a != "" && b != "" && (era || yearIn(a) > 0 && yearIn(b) > 0)
		}
	}
	return false
}

// titleEnd returns the last segment of a title (or container title) that
// begins at segment i: titles run over commas and colons until a segment
// that is clearly another field, and end with a sentence.
func (p *parser) titleEnd(i int) int {
	j := i
	for {
		sg := p.segs[j]
		if sg.sep == '.' || sg.sep == 0 || sg.sep == ';' {
			return j
		}
		k := j + 1
		if k >= len(p.segs) || p.used[k] {
			return j
		}
		nk := p.segs[k]
		if nk.kind == paren && sg.sep == ' ' && nk.sep == ' ' && k+1 < len(p.segs) && p.segs[k+1].kind == plain && startsLower(p.text(k+1)) && isAcronym(p.text(k)) {
			// "interpersonal process recall (IPR) in person-centred
			// supervision": an acronym in brackets inside the title
			j = k + 1
			continue
		}
		switch nk.kind {
		case paren, bracket, link, italic:
			return j
		case quoted:
			if sg.sep != ' ' {
				return j
			}
			j = k
			continue
		}
		if p.isStop(k) && !p.dateInTitle(k) {
			return j
		}
		j = k
	}
}

// journalAfterComma reports whether the last comma part of an entry's
// unquoted title run i..end is the journal the article appeared in, as
// science styles write it without quotes or italics: "Title, J. Symbolic
// Logic, 27, 259-316 (1962)", "Title, SIAM J. of Comput 18, 625-638". A
// journal's volume and the article's pages follow it; a book's volume is
// not followed by pages.
func (p *parser) journalAfterComma(i, end int) bool {
	if p.kind != Entry || end <= i || p.segs[end-1].sep != ',' {
		return false
	}
	t := p.text(end)
	if !isCapitalised(t) || textscan.FieldCount(t) > 10 || p.isPlaceSeg(end) || p.publisherWordSeg(end) {
		return false
	}
	if p.endsWithVolume(end) {
		return p.pagesAfter(end) // "SIAM J. of Comput 18, 625-638"
	}
	if _, vi, ok := compactVolume(t); ok && vi.issue != "" {
		return p.pagesAfter(end) || end+1 < len(p.segs) && p.segs[end+1].kind == plain && p.pinpointSeg(end+1, false) // "Information Systems 20(2), pp. 155-183"
	}
	if strings.ContainsAny(t, "0123456789") {
		return false
	}
	n := end + 1
	if n >= len(p.segs) || p.segs[n].kind != plain {
		return false
	}
	nt, lnt := p.text(n), p.lowText(n)
	if _, _, ok := volumeThenPages(lnt); ok {
		return true // "Biological Cybernetics, 50 363-396"
	}
	vi := volumeIssueOf(nt, lnt)
	if vi.pages != "" {
		return true // "J. Virol., 85(4):1403-14"
	}
	if vi.volume == "" && !(allDigits(nt) && len(nt) <= 4 && !p.yearLike(nt)) {
		return false
	}
	// pages within the next segments, past an issue and a date
	for k := n + 1; k < len(p.segs) && k <= n+3; k++ {
		kt := p.text(k)
		switch {
		case p.segs[k].kind == plain && (isPageRange(kt) || p.pinpointSeg(k, false)):
			return true
		case p.isDateSeg(k) || volumeIssueOf(kt, p.lowText(k)).issue != "":
			continue
		}
		return false
	}
	return false
}

// numberedSeriesAt reports whether the last comma part of a note's title
// run i..end is a numbered series written before the publication block.
func (p *parser) numberedSeriesAt(i, end int) bool {
	if p.kind != Note || end <= i || p.segs[end-1].sep != ',' || end+1 >= len(p.segs) || p.segs[end+1].kind != paren {
		return false
	}
	t := p.text(end)
	k := strings.LastIndexByte(t, ' ')
	if k <= 0 || !isCapitalised(t) {
		return false
	}
	num := t[k+1:]
	return allDigits(strings.ReplaceAll(num, ".", "")) && !p.yearLike(num)
}

// seriesWords name the kinds of series books are published in.
var seriesWords = setOf(`series studies studia library bibliotheca monographs monographica texts classics
	debates reihe collection supplements handbooks companions essays lectures readers guides
	cultures`)

var seriesGate = gateOf(seriesWords)

// namedSeriesAt reports whether the last comma part of a note's title run
// i..end is a series written before the publication block, named with a
// series word ("The Golden Ass, Loeb Classical Library (Heinemann, 1922)").
func (p *parser) namedSeriesAt(i, end int) bool {
	if p.kind != Note || end <= i || p.segs[end-1].sep != ',' || end+1 >= len(p.segs) || p.segs[end+1].kind != paren {
		return false
	}
	t := p.text(end)
	return isCapitalised(t) && !hasDigit(t) && yearIn(p.text(end+1)) != 0 && hasSeriesWord(t)
}

// hasSeriesWord reports whether one of t's words names a kind of series
// ("Library", "Studies").
func hasSeriesWord(t string) bool {
	for w := range strings.FieldsSeq(t) {
		if lookupGated(seriesWords, seriesGate, strings.Trim(w, ",.:;")) {
			return true
		}
	}
	return false
}

// dateInTitle reports whether the date in plain segment k is part of a
// title ("Zionism, 1911-1914", "Central America, 1985–2000: Networks"):
// a subtitle follows it, or the reference gives its own date later.
func (p *parser) dateInTitle(k int) bool {
	d, ok := p.segDate(k) // only read
	if !ok || d.Literal != "" || len(d.DateParts[0]) > 1 {
		return false
	}
	if p.segs[k].sep == ':' {
		return true
	}
	for n := k + 1; n < len(p.segs); n++ {
		if p.segs[n].kind != link && yearIn(p.text(n)) > 0 {
			return true
		}
	}
	return false
}

// titleOpensWithIn reports whether segment i, where an entry's title is
// due, is a title opening with "In" ("Krivitsky, Walter. In Stalin's
// Secret Service. New York: Harper, 1939.") rather than the container of
// an untitled part: capital "In", a capitalised word after it, no
// editor's role in it or right after it, and a publication block to
// follow.
func (p *parser) titleOpensWithIn(i int) bool {
	t := p.text(i)
	if p.kind != Entry || !strings.HasPrefix(t, "In ") || !isCapitalised(strings.TrimSpace(t[3:])) {
		return false
	}
	if end, role := p.roleAfter(i, i); role != "" || end > i || roleLeaderAt(p.lowText(i)) != "" {
		return false
	}
	for w := range strings.FieldsSeq(p.lowText(i)) {
		if roleWord(w) != "" {
			return false
		}
	}
	// the book's editors or the part's pages before the imprint make it
	// the container: "In The Harbour Companion, edited by M. Hale, 1-20",
	// "In Wrobel, S. (Ed.), Proceedings …"
	return p.imprintAhead(i, true, func(j int) bool {
		t := p.text(j)
		return roleLeaderAt(p.lowText(j)) != "" || roleWord(t) != "" || isPageRange(t) || j == i+1 && isInitials(t)
	})
}

// hasInPrefix reports whether t starts with "in " / "In " (a container).
func hasInPrefix(t string) bool {
	return len(t) > 3 && (strings.HasPrefix(t, "in: ") || strings.HasPrefix(t, "In: ") || strings.HasPrefix(t, "in ") || strings.HasPrefix(t, "In ") || strings.HasPrefix(t, "dans ") || strings.HasPrefix(t, "Dans ") || strings.HasPrefix(t, "en ") || strings.HasPrefix(t, "En "))
}

// isStop reports whether plain segment k is clearly a field other than a
// title: a date, pinpoint, role, edition, volume, place, publisher,
// container, thesis or archive marker.
func (p *parser) isStop(k int) bool {
	if len(p.stopCache) != len(p.segs) {
		if cap(p.bufs.stop) < len(p.segs) {
			p.bufs.stop = make([]int8, len(p.segs))
		}
		p.stopCache = p.bufs.stop[:len(p.segs)]
		clear(p.stopCache)
	}
	if v := p.stopCache[k]; v != 0 {
		return v > 0
	}
	stop := p.computeStop(k)
	p.stopCache[k] = -1
	if stop {
		p.stopCache[k] = 1
	}
	return stop
}

// computeStop is isStop without the cache.
func (p *parser) computeStop(k int) bool {
	sg := p.segs[k]
	if sg.kind != plain {
		return sg.kind != quoted
	}
	t := p.text(k)
	lt := p.lowText(k)
	if allDigits(t) && len(t) <= 5 {
		return true // a volume or a page, never a title on its own
	}
	if p.isDateSeg(k) {
		return true
	}
	if p.dateWithNext(k) != nil {
		return true
	}
	// isPinpoint(t, false) || isPinpoint(t, true) && …, asked bare first:
	// what is no pinpoint bare is none labelled either
	if p.pinpointSeg(k, true) && (sg.sep == '.' || sg.sep == 0 || p.kind == Note || p.pinpointSeg(k, false)) {
		return true
	}
	if hasInPrefix(t) || strings.HasPrefix(lt, "by ") || strings.HasPrefix(lt, "par ") || strings.HasPrefix(lt, "von ") {
		return true
	}
	if lt == "in" && sg.sep == ':' {
		return true // "Title, in: H. Gallaire and J. Minker (eds.), Book"
	}
	if roleWord(t) != "" || roleLeaderAt(lt) != "" {
		return true
	}
	if editionOf(t, lt) != "" || volumeIssueOf(t, lt).any() || thesisGenreOf(t, lt) != "" || isArchivePart(t) {
		return true
	}
	if _, _, ok := volumeThenPages(lt); ok && p.kind == Entry {
		return true // "Journal, 50 363-396": a volume and pages
	}
	if p.isPlaceSeg(k) || p.cityAndRegionAt(k) {
		return true
	}
	if _, at := trailingDate(t); at > 0 && isPlace(strings.TrimRight(t[:at], " ,")) {
		return true
	}
	if p.namesThenRole(k) {
		return true // "A. J. Malherbe, Ed."
	}
	if p.publisherWordSeg(k) && p.publisherContext(k) && (k == 0 || p.segs[k-1].sep != ':') {
		return true
	}
	if strings.HasPrefix(lt, "interview") || strings.Contains(lt, "interview by") || strings.HasPrefix(lt, "letter to") || strings.HasPrefix(lt, "reprinted") || strings.HasPrefix(lt, "reissued") {
		return true
	}
	if k > 0 && (opensProceedings(lt) || strings.HasPrefix(lt, "to appear") || strings.HasSuffix(lt, " proceedings")) {
		return true // "Title, Proceedings of the …", "Title, to appear in …", "Title, INTERACT 90 Proceedings"
	}
	if _, _, ok := reportGenre(t, lt); ok && k > 0 {
		return true // "Title, Tech Report #296, MIT"
	}
	return false
}

// cityAndRegionAt reports whether segment k is a city followed by its
// region ("Cambridge, Mass.: MIT Press", "Portland, OR, April 1991",
// "Seattle, WA."): a publisher or a date follows the pair, or it ends the
// sentence.
func (p *parser) cityAndRegionAt(k int) bool {
	sg := p.segs[k]
	n := k + 1
	if sg.sep != ',' || n >= len(p.segs) || p.segs[n].kind != plain || !isCapitalised(p.text(k)) || !isRegion(p.text(n)) {
		return false // (the cheap test first)
	}
	t := p.text(k)
	if p.segs[n].sep == ':' {
		return true // "Cambridge, Mass.: MIT Press"
	}
	if textscan.FieldCount(t) > 3 {
		return false
	}
	// without the publisher after it, only a state's abbreviation after a
	// name of capitalised words marks a city ("Portland, OR"; not "The
	// New Leader, NY" or "Rumbo, Mexico")
	if len(strings.TrimRight(p.text(n), ".")) > 5 || textscan.HasPrefixFold(t, "the ") {
		return false
	}
	for w := range strings.FieldsSeq(t) {
		if !isCapitalised(w) {
			return false
		}
	}
	return p.segs[n].sep == '.' || p.segs[n].sep == 0 || n+1 < len(p.segs) && p.isDateSeg(n+1)
}

// namesThenRole reports whether segments from k are names followed by a
// role word ("R. A. Kraft and G. W. E. Nickelsburg, Eds.").
func (p *parser) namesThenRole(k int) bool {
	_, ok := p.namesRoleEnd(k)
	return ok
}

// namesRoleEnd returns the last name segment of names starting at k that
// a role word follows.
func (p *parser) namesRoleEnd(k int) (int, bool) {
	for last := k; last < len(p.segs) && last < k+16 && p.segs[last].kind == plain; last++ {
		if n := last + 1; last > k && p.segs[last].sep == ' ' && n < len(p.segs) && p.segs[n].kind == paren && roleWord(p.text(n)) != "" {
			// "Andreas D. Baxevanis, B. F. Francis Ouellette (Hrsg.): Title":
			// the role names every part, each a name of its own
			for j := k; j <= last; j++ {
				if nl, ok := parseNames(p.text(j), natural); !ok || len(nl.names) != 1 {
					return 0, false
				}
			}
			return last, true
		}
		if p.segs[last].sep != ',' {
			return 0, false
		}
		if n := last + 1; n < len(p.segs) && p.segs[n].kind == plain && roleWord(p.text(n)) != "" {
			_, ok := parseNames(p.s[p.segs[k].start:p.segs[last].end], natural)
			return last, ok
		}
	}
	return 0, false
}

// publisherContext reports whether segment k sits where a publisher does:
// before a place or a date, or at the end.
func (p *parser) publisherContext(k int) bool {
	sg := p.segs[k]
	if sg.sep == 0 {
		return true
	}
	if _, at := trailingDate(p.text(k)); at > 0 {
		return true
	}
	n := k + 1
	if n >= len(p.segs) || p.segs[n].kind == link {
		return true
	}
	if sg.sep == ';' && p.segs[n].kind == plain && (p.publisherWordSeg(n) || p.publisherContext(n)) {
		return true // "Heinemann; Putnam’s Sons, 1922"
	}
	nt := p.text(n)
	if p.isDateSeg(n) {
		return true
	}
	if sg.sep == '.' {
		return false // what follows belongs to the next sentence
	}
	if p.isPlaceSeg(n) {
		return true
	}
	if _, at := trailingDate(nt); at > 0 && isPlace(strings.TrimRight(nt[:at], " ,")) {
		return true
	}
	return false
}

// roleLeaderAt returns the role of a role phrase that opens lt ("edited
// by", "trans.", "hrsg. von"), "" if none.
func roleLeaderAt(lt string) string {
	if lt == "" {
		return ""
	}
	for _, k := range roleLeadersByFirst[lt[0]] {
		rl := roleLeaders[k]
		if n := len(rl.phrase); len(lt) > n && lt[:n] == rl.phrase && (lt[n] == ' ' || strings.HasPrefix(lt[n:], "\u00a0")) {
			return rl.role
		}
	}
	return ""
}

// roleLeadersByFirst lists, by first byte, the indexes of the role
// phrases in roleLeaders' order: a phrase can open lt only if it shares
// lt's first byte.
var roleLeadersByFirst = func() (by [256][]int) {
	for k, rl := range roleLeaders {
		by[rl.phrase[0]] = append(by[rl.phrase[0]], k)
	}
	return by
}()

// dateWithNext reads segment k and the next one together as a date
// ("Nov. 20" + "1943"), nil if they are not one.
func (p *parser) dateWithNext(k int) *bib.Date {
	if k+1 >= len(p.segs) || p.segs[k].sep != ',' || p.segs[k+1].kind != plain {
		return nil
	}
	nt := p.text(k + 1)
	if t := p.text(k); len(t) <= 2 && allDigits(t) {
		// "13, July 1936": a day, then its month and year
		if d, ok := parseDate(p.joinedText(k, " ")); ok && len(d.DateParts) == 1 && len(d.DateParts[0]) == 3 {
			return d
		}
		return nil
	}
	if len(nt) != 4 || !allDigits(nt) {
		return nil
	}
	if d, ok := parseDate(p.joinedText(k, ", ")); ok && len(d.DateParts) > 0 && len(d.DateParts[0]) > 1 {
		return d
	}
	return nil
}

// joinedText returns segments k and k+1 joined by sep: a slice of the
// string parsed when sep is what stands between them there (as in "Nov.
// 20, 1943"), which saves building the string.
func (p *parser) joinedText(k int, sep string) string {
	a, b := p.segs[k], p.segs[k+1]
	if b.start-a.end == len(sep) && p.s[a.end:b.start] == sep {
		return p.s[a.start:b.end]
	}
	return p.s[a.start:a.end] + sep + p.s[b.start:b.end]
}

// isPageCount reports whether t counts a document's pages ("8 pp.",
// "12 pages"): an extent, never a title.
func isPageCount(t string) bool {
	num, unit, ok := strings.Cut(strings.TrimSpace(t), " ")
	if !ok || num == "" || strings.Trim(num, "0123456789") != "" {
		return false
	}
	switch lower(strings.TrimSuffix(unit, ".")) {
	case "pp", "pages", "ff", "leaves":
		return true
	}
	return false
}
