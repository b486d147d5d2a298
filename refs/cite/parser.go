package cite

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/internal/textscan"
)

// parser holds the state of one Parse call.
type parser struct {
	s    string
	low  string // lower(s): lower keeps every rune's length, so offsets in s hold in low
	kind Kind
	segs []seg
	used []bool
	ref  Ref
	it   *bib.Item

	titleQuoted bool // the title was quoted: a part of a container
	titleItalic bool
	sawIn       bool // "in Container" was read
	genre       string
	unsigned    bool // the entry opens with its periodical or site: no names follow
	parenEnd    int  // last segment read from inside a parenthesised group
	stopCache   []int8
	memos       []segMemo // what is known of each segment
	done        bool      // in a note, the citation ended (locator read): the rest is commentary

	bufs parserBufs // scratch kept from one parse to the next
}

// parserBufs are the backing arrays of a parser's segments, their used
// flags and the stop cache, reused by the next parse of a pooled parser.
type parserBufs struct {
	segs  []seg
	used  []bool
	stop  []int8
	memos []segMemo
}

// segMemo holds what the parser learnt of the segment s[start:end]: its
// date (parseDate), whether it is a place (isPlace) and whether it holds
// a publisher's word (hasPublisherWord), once known.
type segMemo struct {
	start, end          int
	date                *bib.Date
	dateOK, dateKnown   bool
	isPlace, placeKnown bool
	publisherWord       bool
	publisherKnown      bool
	pinpoint            [2]int8 // isPinpoint with bare false, true: 0 unknown, 1 yes, -1 no
}

// memo returns segment i's memo, emptied when the segment is not the one
// it was kept for (segments are split and replaced as the parse goes).
func (p *parser) memo(i int) *segMemo {
	if len(p.memos) != len(p.segs) {
		if cap(p.bufs.memos) < len(p.segs) {
			p.bufs.memos = make([]segMemo, len(p.segs))
		}
		p.memos = p.bufs.memos[:len(p.segs)]
		clear(p.memos)
	}
	m, sg := &p.memos[i], p.segs[i]
	if m.start != sg.start || m.end != sg.end {
		*m = segMemo{start: sg.start, end: sg.end}
	}
	return m
}

// segDate is parseDate(p.text(i)), parsed once per segment. The date is
// shared by every caller: it may be read, never stored in the item (a
// field gets a Date of its own from ownSegDate).
func (p *parser) segDate(i int) (*bib.Date, bool) {
	m := p.memo(i)
	if !m.dateKnown {
		m.date, m.dateOK = parseDate(p.text(i))
		m.dateKnown = true
	}
	return m.date, m.dateOK
}

// ownSegDate is segDate(i) for a caller that may store the date in the
// item: the memo forgets it, so that no other field gets the same Date.
func (p *parser) ownSegDate(i int) (*bib.Date, bool) {
	d, ok := p.segDate(i)
	if ok {
		m := p.memo(i)
		m.date, m.dateOK, m.dateKnown = nil, false, false
	}
	return d, ok
}

// isDateSeg reports whether segment i reads as a date.
func (p *parser) isDateSeg(i int) bool {
	_, ok := p.segDate(i)
	return ok
}

// parsers pools parsers so that each parse need not allocate a parser and
// its slices anew.
var parsers = sync.Pool{New: func() any { return new(parser) }}

// getParser returns a parser for s from the pool.
func getParser(s string, kind Kind) *parser {
	p := parsers.Get().(*parser)
	bufs := p.bufs
	*p = parser{s: s, low: lower(s), kind: kind, parenEnd: -1, bufs: bufs}
	p.ref.Spans = map[string]Span{}
	p.it = &p.ref.Item
	return p
}

// putParser returns p to the pool, keeping its largest slices. The rest
// of the parser is left as it is: getParser resets it whole, and zeroing
// the large struct here as well (under the GC's write barriers) cost more
// than the memory it would free early, which a pooled parser holds only
// until its next parse or the pool's next clean-up.
func putParser(p *parser) {
	if cap(p.segs) > cap(p.bufs.segs) {
		p.bufs.segs = p.segs
	}
	if cap(p.used) > cap(p.bufs.used) {
		p.bufs.used = p.used
	}
	if cap(p.stopCache) > cap(p.bufs.stop) {
		p.bufs.stop = p.stopCache
	}
	clear(p.bufs.memos[:cap(p.bufs.memos)]) // no dates kept alive by the pool
	p.bufs = parserBufs{p.bufs.segs[:0], p.bufs.used[:0], p.bufs.stop[:0], p.bufs.memos[:0]}
	parsers.Put(p)
}

// usedFlags returns n cleared flags, on the pooled array when it is large
// enough.
func (p *parser) usedFlags(n int) []bool {
	if cap(p.bufs.used) < n {
		p.bufs.used = make([]bool, n)
	}
	u := p.bufs.used[:n]
	clear(u)
	return u
}

func (p *parser) run() {
	lo, hi := trimSpan(p.s, 0, len(p.s))
	if p.kind == Entry {
		lo = skipLabel(p.s, lo, hi)
	}
	if p.kind == Note {
		hi = p.takeSpacedPinpoint(lo, hi)
	}
	p.segs = splitGluedPages(p.s, joinInnerQuotes(p.s, joinCommaPublishers(p.s, segment(p.bufs.segs[:0], p.s, lo, hi))))
	p.used = p.usedFlags(len(p.segs))
	p.takeLinks()
	i := p.takeSpecialStart()
	i = p.takeAuthors(i)
	i = p.takeTitle(i)
	p.takeTail(i)
	p.decideType()
	p.collectRest()
}

// text returns the content of segment i.
func (p *parser) text(i int) string { return p.s[p.segs[i].start:p.segs[i].end] }

// lowText is lower(p.text(i)).
func (p *parser) lowText(i int) string { return p.lowSpan(p.segs[i].start, p.segs[i].end) }

// lowSpan is lower(p.s[a:b]), cut from p.low when a and b fall between
// runes (lower reads s[a:b] rune by rune as it reads s there), else
// lowered anew.
func (p *parser) lowSpan(a, b int) string {
	if (a == len(p.s) || utf8.RuneStart(p.s[a])) && (b == len(p.s) || utf8.RuneStart(p.s[b])) {
		return p.low[a:b]
	}
	return lower(p.s[a:b])
}

// isPlaceSeg is isPlace(p.text(i)).
func (p *parser) isPlaceSeg(i int) bool {
	m := p.memo(i)
	if !m.placeKnown {
		m.isPlace, m.placeKnown = isPlaceOf(p.lowText(i)), true
	}
	return m.isPlace
}

// publisherWordSeg is hasPublisherWord(p.text(i)).
func (p *parser) publisherWordSeg(i int) bool {
	m := p.memo(i)
	if !m.publisherKnown {
		m.publisherWord, m.publisherKnown = anyLowerWordIn(p.lowText(i), publisherWords, publisherGate), true // hasPublisherWord(p.text(i))
	}
	return m.publisherWord
}

// pinpointSeg is isPinpoint(p.text(i), bare).
func (p *parser) pinpointSeg(i int, bare bool) bool {
	m, k := p.memo(i), 0
	if bare {
		k = 1
	}
	if m.pinpoint[k] == 0 {
		// bare only lets an unlabelled number pass: a pinpoint is one
		// bare too, and what is none bare is none at all
		if opensNoPinpoint(p.lowText(i)) {
			m.pinpoint[0], m.pinpoint[1] = -1, -1
		} else if isPinpoint(p.text(i), bare) {
			m.pinpoint[k], m.pinpoint[1] = 1, 1
		} else {
			m.pinpoint[k] = -1
			if bare {
				m.pinpoint[0] = -1
			}
		}
	}
	return m.pinpoint[k] > 0
}

// opensNoPinpoint reports cheaply that isPinpoint(t, bare) is false for
// either bare, given lt, lower(t): lt opens with a word of ASCII letters
// that is no locator label, no word pinpointNumbers passes over and no
// roman numeral. isPinpoint would find no label, and pinpointNumbers
// would turn away the first field, which that word opens and no letter
// goes on. Most segments asked about open so ("Memoirs", "The …").
func opensNoPinpoint(lt string) bool {
	k := 0
	for k < len(lt) && 'a' <= lt[k] && lt[k] <= 'z' {
		k++
	}
	if k == 0 || k < len(lt) && lt[k] >= utf8.RuneSelf {
		return false // a letter outside ASCII may go on the word
	}
	w := lt[:k]
	return !(locatorLabelGate.mayHold(w) && locatorLabels[w]) && !pinpointFillers[w] && !isRoman(w)
}

var locatorLabelGate = gateOf(locatorLabels)

// pinpointFillers are the words pinpointNumbers passes over between the
// numbers of a pinpoint ("and", "ff", "passim", "n"), and the "et" of "et
// passim".
var pinpointFillers = setOf(`and et und y f ff passim n nn note`)

// span returns the span from segment i to segment j inclusive.
func (p *parser) span(i, j int) Span { return Span{p.segs[i].start, p.segs[j].end} }

// textOf returns the raw text from segment i to segment j inclusive.
func (p *parser) textOf(i, j int) string { return p.s[p.segs[i].start:p.segs[j].end] }

// next returns the first unused segment at or after i, or len(segs).
func (p *parser) next(i int) int {
	for i < len(p.segs) && p.used[i] {
		i++
	}
	return i
}

func (p *parser) use(i, j int) {
	for k := i; k <= j && k < len(p.used); k++ {
		p.used[k] = true
	}
}

// set stores a string field with its span.
func (p *parser) set(field string, dst *string, v string, sp Span) {
	v = cleanValue(v)
	if v == "" || *dst != "" {
		return
	}
	*dst = v
	p.ref.Spans[field] = sp
}

// setNames stores names with their span.
func (p *parser) setNames(field string, dst *[]bib.Name, names []bib.Name, sp Span) {
	if len(names) == 0 || len(*dst) > 0 {
		return
	}
	*dst = names
	p.ref.Spans[field] = sp
}

// setDate stores a date with its span.
func (p *parser) setDate(field string, dst **bib.Date, d *bib.Date, sp Span) bool {
	if d == nil || *dst != nil {
		return false
	}
	*dst = d
	p.ref.Spans[field] = sp
	return true
}

// cleanValue strips Markdown emphasis, quotes and stray punctuation from a
// field value.
func cleanValue(v string) string {
	v = strings.TrimSpace(v)
	if strings.IndexByte(v, '*') >= 0 || strings.IndexByte(v, '_') >= 0 {
		v = stripEmphasis(v)
	}
	for len(v) > 0 && strings.IndexByte(" ,;:", v[len(v)-1]) >= 0 {
		v = v[:len(v)-1] // strings.TrimRight(v, " ,;:") without its cutset built
	}
	v = strings.TrimSpace(v)
	return v
}

// stripEmphasis removes Markdown emphasis markers around words.
func stripEmphasis(v string) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c == '*' || (c == '_' && (i == 0 || !isWordRune(lastRune(v[:i])) || i+1 == len(v) || !isWordRune(firstRune(v[i+1:])))) {
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// skipLabel skips a numeric label at the start of a bibliography entry:
// "[12] ", "12. ", "12) ", "- ".
func skipLabel(s string, lo, hi int) int {
	i := lo
	if i < hi && s[i] == '[' {
		j := i + 1
		for j < hi && j < i+6 && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j > i+1 && j < hi && s[j] == ']' {
			return skipSpace(s, j+1, hi)
		}
		return lo
	}
	j := i
	for j < hi && j < i+4 && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j > i && j+1 < hi && (s[j] == '.' || s[j] == ')') && s[j+1] == ' ' {
		return skipSpace(s, j+1, hi)
	}
	if i+1 < hi && (s[i] == '-' || s[i] == '*') && s[i+1] == ' ' {
		return skipSpace(s, i+1, hi)
	}
	if strings.HasPrefix(s[i:hi], "• ") {
		return skipSpace(s, i+len("• "), hi)
	}
	return lo
}

// takeLinks reads URLs, DOIs and access dates wherever they are.
func (p *parser) takeLinks() {
	for i, sg := range p.segs {
		t := p.text(i)
		switch sg.kind {
		case link:
			low := p.lowText(i)
			sp := Span{sg.start, sg.end}
			switch {
			case strings.HasPrefix(low, "doi:"):
				p.set("DOI", &p.it.DOI, strings.TrimSpace(t[4:]), sp)
			case strings.HasPrefix(low, "doi.org/10.") || strings.HasPrefix(low, "dx.doi.org/10."):
				p.set("DOI", &p.it.DOI, t[strings.Index(low, "10."):], sp)
			case strings.Contains(low, "doi.org/10."):
				p.set("DOI", &p.it.DOI, t[strings.Index(low, "doi.org/")+len("doi.org/"):], sp)
			default:
				p.set("URL", &p.it.URL, t, sp)
			}
			p.used[i] = true
		case plain, bracket, paren:
			// every word below is shorter than the head lowered, cut
			// from the segment lowered: lower keeps every rune's length
			low := head(p.lowText(i), 24)
			whole := len(low) == len(t)
			if whole && (low == "online" || low == "available" || low == "en ligne" || low == "retrieved from" || low == "available at" || low == "available from" || low == "online]. available") {
				p.used[i] = true
				continue
			}
			if low == "" {
				continue
			}
			for _, kw := range accessedWordsByFirst[low[0]] {
				if strings.HasPrefix(low, kw) {
					p.takeAccessed(i, len(kw))
					break
				}
			}
		}
	}
}

// accessedWordsByFirst are the words that introduce an access date, by
// first byte.
var accessedWordsByFirst = byFirstByte([]string{"accessed", "consulted", "consulté le", "consulté", "zugriff am", "abgerufen am", "retrieved", "last accessed", "viewed", "consultado el"})

// takeAccessed reads "Accessed: Nov. 17, 2020" starting in segment i.
func (p *parser) takeAccessed(i, kwLen int) {
	sg := p.segs[i]
	start := sg.start + kwLen
	p.used[i] = true
	body := strings.TrimLeft(p.s[start:sg.end], " :")
	if d, ok := parseDate(body); ok {
		p.setDate("accessed", &p.it.Accessed, d, Span{start, sg.end})
		if j := i + 1; j < len(p.segs) && p.segs[j].kind == plain && allDigits(p.text(j)) && len(p.text(j)) == 4 {
			if d2, ok := parseDate(body + ", " + p.text(j)); ok {
				p.it.Accessed = d2
				p.used[j] = true
			}
		}
		return
	}
	for j := i + 1; j < len(p.segs) && j <= i+3; j++ {
		if d, ok := parseDate(strings.TrimLeft(p.s[start:p.segs[j].end], " :")); ok {
			p.setDate("accessed", &p.it.Accessed, d, Span{start, p.segs[j].end})
			p.use(i, j)
			return
		}
	}
}

// takeSpecialStart reads openings that fix the type before any name:
// "Letter from X to Y", "X to Y, date", "Interview with X".
func (p *parser) takeSpecialStart() int {
	i := p.next(0)
	if i >= len(p.segs) || p.segs[i].kind != plain {
		return i
	}
	if p.kind == Entry {
		if next := p.takePeriodicalFirst(i); next > i {
			return next
		}
		if p.takeSiteFirst(i) {
			return i + 1
		}
	}
	t := p.text(i)
	low := p.lowText(i)
	sg := p.segs[i]
	if k := strings.Index(low, "interview"); k > 0 && textscan.FieldCount(low[:k]) <= 2 && !strings.Contains(low[:k], ",") {
		// "Taped interview with Vlady", "Telephone interviews with X"
		low = low[k:]
		t = t[k:]
		sg.start += k
	}
	for _, lead := range []string{"interviews with ", "interview with ", "interview of ", "entretien avec ", "entrevista con ", "gespräch mit ", "conversation with "} {
		if strings.HasPrefix(low, lead) {
			who, end := t[len(lead):], sg.end
			// "Interview with Mary-Jayne Gold conducted by John Eden"
			if k := strings.Index(lower(who), " "+conductedBy); k > 0 {
				from := k + 1 + len(conductedBy)
				if nl, ok := interviewerNames(who[from:]); ok {
					p.setNames("interviewer", &p.it.Interviewer, nl.names, Span{sg.start + len(lead) + from, sg.end})
					who, end = who[:k], sg.start+len(lead)+k
				}
			}
			if nl, ok := parseNames(who, natural); ok {
				p.setNames("author", &p.it.Author, nl.names, Span{sg.start + len(lead), end})
				p.genre = "interview"
				p.used[i] = true
				return p.takeConductedBy(i + 1)
			}
		}
	}
	for _, lead := range []string{"letter from ", "letters from ", "lettre de ", "carta de ", "brief von ", "letter of ", "telegram from ", "cable from ", "memorandum from "} {
		if strings.HasPrefix(low, lead) {
			p.genre = "letter"
			if p.takeLetterNames(i, len(lead)) {
				return i + 1
			}
		}
	}
	for _, lead := range []string{"letter to ", "letters to ", "lettre à ", "carta a ", "brief an ", "telegram to "} {
		if strings.HasPrefix(low, lead) {
			p.genre = "letter"
			if nl, ok := parseNames(t[len(lead):], natural); ok {
				p.setNames("recipient", &p.it.Recipient, nl.names, Span{sg.start + len(lead), sg.end})
				p.used[i] = true
				return i + 1
			}
		}
	}
	// "Serge to Sedov, 12 May 1936"
	if k := strings.Index(t, " to "); k > 0 && p.letterDateFollows(i) {
		if p.takeLetterNames(i, 0) {
			p.genre = "letter"
			return i + 1
		}
	}
	return i
}

// takeConductedBy reads a bracketed interviewer after the person
// interviewed: "Anita Russakova (conducted by Les Smith)".
func (p *parser) takeConductedBy(i int) int {
	if i >= len(p.segs) || p.segs[i].kind != paren {
		return i
	}
	t := p.text(i)
	rest, ok := strings.CutPrefix(p.lowText(i), conductedBy)
	if !ok {
		return i
	}
	start := p.segs[i].start + len(t) - len(rest)
	nl, ok := interviewerNames(p.s[start:p.segs[i].end])
	if !ok {
		return i
	}
	p.setNames("interviewer", &p.it.Interviewer, nl.names, Span{start, p.segs[i].end})
	p.used[i] = true
	return i + 1
}

// conductedBy introduces the interviewer after the person interviewed.
const conductedBy = "conducted by "

// interviewerNames reads the names after "conducted by", where
// capitalised words are a person even when they look like a title's
// ("Les Smith").
func interviewerNames(who string) (nameList, bool) {
	if nl, ok := parseNames(who, natural); ok {
		return nl, true
	}
	if corporateLike(who) && len(strings.Fields(who)) <= 3 {
		return nameList{names: []bib.Name{naturalName(who)}}, true
	}
	return nameList{}, false
}

// takePeriodicalFirst reads an unsigned newspaper article listed under
// its newspaper, with the city in brackets: "al-Muqtabas (Damascus).
// Dīwān al-Ruṣāfī. October 16, 1909." The newspaper's name may carry a
// subtitle after a colon ("al-Muqtabas: Jarīda yawmiyya (Dimashq)"). The
// bracket must name a place, and what stands before it must not read as a
// person's name unless the place is a known city or the entry dates an
// issue to the day ("Victor Serge (Kibalchich)" is a name). The
// segment after the place is the article's title, even a bare number. It
// returns the segment after the place, or i when the shape is not there.
func (p *parser) takePeriodicalFirst(i int) int {
	j := i
	if j+1 < len(p.segs) && p.segs[j].kind == plain && p.segs[j].sep == ':' && p.segs[j+1].kind == plain {
		j++ // "Name: Subtitle (City)."
	}
	if j+2 >= len(p.segs) || p.segs[j].kind != plain || p.segs[j].sep != ' ' || p.segs[j+1].kind != paren || p.segs[j+1].sep != '.' {
		return i
	}
	if k := p.segs[j+2].kind; k != plain && k != quoted && k != italic {
		return i
	}
	name, place := p.textOf(i, j), p.text(j+1)
	known := isPlace(place)
	if !known && (!placeLike(place) || isNameLike(name) && !p.issueDatedAfter(j+2)) {
		return i
	}
	p.set("container-title", &p.it.ContainerTitle, name, p.span(i, j))
	p.set("publisher-place", &p.it.PublisherPlace, place, p.span(j+1, j+1))
	p.use(i, j+1)
	p.genre = "newspaper"
	t := j + 2
	if p.segs[t].kind == plain && p.segs[t].sep == '.' && allDigits(p.text(t)) {
		// "(Dimashq). 7043. 722. July 6, 1911.": a number standing as the title
		p.set("title", &p.it.Title, p.text(t), p.span(t, t))
		p.used[t] = true
		return t + 1
	}
	return t
}

// takeSiteFirst reads a web page or an unsigned article listed under the
// site or periodical that stands in for its missing author: "IEA.
// “Defining Energy Access.” October 13, 2020.", "al-Muqtabas. Akhbār wa
// afkār. February 1, 1911." The name must be no person's (one word, or
// led by a lower-case word or an article, or a body's name), and the
// title must be followed at once by a date: one giving the month after a
// quoted title (a page of a site), the day after an unquoted one (a
// newspaper's issue; a book or a report is dated by month at most).
func (p *parser) takeSiteFirst(i int) bool {
	if i+2 >= len(p.segs) || p.segs[i].sep != '.' {
		return false
	}
	name := p.text(i)
	var buf [8]string
	words := appendFields(buf[:0], name)
	if len(words) == 0 || len(words) > 6 || strings.ContainsAny(name, ",;:0123456789") {
		return false
	}
	if len(words) > 1 && !startsLower(name) && !lookupGated(titleStarters, titleStarterGate, words[0]) && !isCorporate(name) {
		return false // "Victor Serge. “Letter.” May 1936." names a person
	}
	if utf8.RuneCountInString(name) < 2 {
		return false
	}
	t := i + 1
	switch p.segs[t].kind {
	case quoted:
	case plain:
		if p.isStop(t) {
			return false
		}
		t = p.titleEnd(t)
		if p.segs[t].sep != '.' {
			return false
		}
	default:
		return false
	}
	if t+1 >= len(p.segs) || p.segs[t+1].kind != plain {
		return false
	}
	d, ok := p.segDate(t + 1) // only read
	if !ok {
		d = p.dateWithNext(t + 1)
	}
	if d == nil || d.Literal != "" || len(d.DateParts) == 0 || len(d.DateParts[0]) < 2 {
		return false
	}
	if p.segs[i+1].kind != quoted && len(d.DateParts[0]) < 3 {
		return false // "Taisija. Akafist. May 2002.", "The World Bank. Report. March 2020."
	}
	p.set("container-title", &p.it.ContainerTitle, name, p.span(i, i))
	p.used[i] = true
	p.unsigned = true
	return true
}

// issueDatedAfter reports whether a segment from i on ends with a date
// to the day ("June 28, 1911", "12. June 28" + "1911"): a newspaper's
// issue, not a book's year.
func (p *parser) issueDatedAfter(i int) bool {
	for k := i; k < len(p.segs); k++ {
		if p.segs[k].kind != plain {
			continue
		}
		t := p.text(k)
		if n := k + 1; n < len(p.segs) && p.segs[n].kind == plain && p.segs[k].sep == ',' {
			t += ", " + p.text(n)
		}
		if d, at := trailingDate(t); at >= 0 && len(d.DateParts) > 0 && len(d.DateParts[0]) == 3 {
			return true
		}
	}
	return false
}

// placeLike reports whether t may be a city's name: one to three words
// of letters, capitalised or in a script without capitals.
// routeLike reports "Uccles to Paris": two places joined by "to".
func routeLike(t string) bool {
	from, to, ok := strings.Cut(t, " to ")
	return ok && placeLike(from) && placeLike(to) && textscan.FieldCount(from) <= 2 && textscan.FieldCount(to) <= 2
}

func placeLike(t string) bool {
	var buf [4]string
	words := appendFields(buf[:0], t)
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '-' && r != 'ʿ' && r != 'ʾ' && r != '\'' && r != '’' {
				return false
			}
		}
		r := firstRune(w)
		if unicode.IsLower(r) || !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// letterDateFollows reports whether a date follows segment i.
func (p *parser) letterDateFollows(i int) bool {
	if i+1 >= len(p.segs) {
		return false
	}
	t := p.text(i + 1)
	if i+2 < len(p.segs) && ((p.isPlaceSeg(i+1) || placeLike(t)) && textscan.FieldCount(t) <= 2 || routeLike(t)) {
		// "VS to LDT, Brussels, May 27, 1936": the place it was written;
		// "Serge to Sedov, Uccles to Paris, 13 July 1936": where it went
		if p.letterDateFollows(i + 1) {
			return true
		}
	}
	if p.isDateSeg(i + 1) {
		return true
	}
	if i+2 < len(p.segs) {
		if _, ok := parseDate(p.joinedText(i+1, ", ")); ok {
			return true
		}
	}
	return false
}

// takeLetterNames reads "X to Y" in segment i after skip bytes.
func (p *parser) takeLetterNames(i, skip int) bool {
	sg := p.segs[i]
	t := p.s[sg.start+skip : sg.end]
	from, to, ok := strings.Cut(t, " to ")
	if !ok {
		from, to, ok = strings.Cut(t, " à ")
	}
	if !ok {
		from, to, ok = strings.Cut(t, " an ")
	}
	if !ok {
		if nl, ok2 := parseNames(t, natural); ok2 {
			p.setNames("author", &p.it.Author, nl.names, Span{sg.start + skip, sg.end})
			p.used[i] = true
			return true
		}
		return false
	}
	a, okA := parseNames(from, natural)
	b, okB := parseNames(to, natural)
	if !okA || !okB {
		return false
	}
	start := sg.start + skip
	p.setNames("author", &p.it.Author, a.names, Span{start, start + len(from)})
	p.setNames("recipient", &p.it.Recipient, b.names, Span{start + len(from) + 4, sg.end})
	p.used[i] = true
	return true
}

// takeAuthors reads the names that open a reference, and a role word after
// them ("ed.", "(Eds.)", "dir."). It returns the next segment.
func (p *parser) takeAuthors(i int) int {
	i = p.next(i)
	if i >= len(p.segs) || p.segs[i].kind != plain || len(p.it.Author) > 0 || p.genre == "newspaper" || p.unsigned {
		return i
	}
	if form, _, _ := findBackRef(p.text(i)); form != "" {
		return i
	}
	if isDashes(p.text(i)) {
		// "———." repeats the previous entry's names
		p.used[i] = true
		if j := i + 1; j < len(p.segs) && roleWord(p.text(j)) != "" {
			p.used[j] = true
			return j + 1
		}
		p.splitLeadingRole(i + 1)
		if j := i + 1; j < len(p.segs) && roleWord(p.text(j)) != "" {
			p.used[j] = true
			return j + 1
		}
		return i + 1
	}
	if p.kind == Note && p.takePossessiveAuthor(i) {
		return i // the title follows in the same segment
	}
	style := natural
	if p.kind == Entry {
		style = firstInvert
		p.splitAuthorBlock(i)
		if n, ok := p.lowerCaseAuthor(i); ok {
			sp := Span{p.segs[i].start, p.segs[i+1].end}
			p.setNames("author", &p.it.Author, []bib.Name{n}, sp)
			p.use(i, i+1)
			return i + 2
		}
	}
	// the run of plain segments that may hold names
	last := i
	for last < len(p.segs) && p.segs[last].kind == plain && !p.used[last] {
		if last > i && !nameish(p.text(last)) {
			last--
			break
		}
		if p.segs[last].sep == '.' || p.segs[last].sep == ':' || p.segs[last].sep == 0 || p.segs[last].sep == ' ' || last-i >= 24 {
			break
		}
		last++
	}
	if last >= len(p.segs) || p.segs[last].kind != plain {
		last--
	}
	// every text read below lies within segments i..last: none names an
	// archive unless the whole run holds one of its words, asked once here
	archiveWord := last >= i && mayNameArchive(p.low[p.segs[i].start:p.segs[last].end])
	for end := last; end >= i; end-- {
		if p.segs[end].sep == ':' && end == last && end > i {
			continue
		}
		if p.kind == Note && !p.noteNameRun(i, end) {
			continue
		}
		if p.kind == Entry && !p.entryNameRun(i, end) {
			continue
		}
		roleEnd, role := p.roleAfter(i, end)
		nameEnd := end
		if role != "" && roleEnd == end && end > i {
			nameEnd = end - 1
		}
		text := p.textOf(i, nameEnd)
		text, inlineRole := stripTrailingRole(text)
		if role == "" {
			role = inlineRole
		}
		st := style
		if role != "" {
			st = firstInvert // "Karaganis, Joe, ed., Title": an inverted editor in a note
		}
		if archiveWord && namesArchive(text) || lookupGated(genreNoun, genreNounGate, text) {
			continue // "Macdonald Papers" is a collection, "Interview" a genre, not a person
		}
		nl, ok := parseNames(text, st)
		if !ok && p.authorBeforeQuotedTitle(i, end, text) {
			// "al-maktaba al-shāmila. “Title.”": whatever precedes a quoted title is its author
			nl, ok = nameList{names: []bib.Name{{Literal: text}}}, true
		}
		if !ok || !p.authorPlausible(i, nameEnd, roleEnd, nl) {
			continue
		}
		sp := Span{p.segs[i].start, p.segs[i].start + len(text)}
		switch role {
		case "editor":
			p.setNames("editor", &p.it.Editor, nl.names, sp)
		case "translator":
			p.setNames("translator", &p.it.Translator, nl.names, sp)
		case "editor+translator":
			p.setNames("editor", &p.it.Editor, nl.names, sp)
			p.setNames("translator", &p.it.Translator, nl.names, sp)
		default:
			p.setNames("author", &p.it.Author, nl.names, sp)
		}
		p.use(i, roleEnd)
		return roleEnd + 1
	}
	return i
}

// takePossessiveAuthor reads "R.V. Daniel's A Documentary History" and
// "Serge's 16 Fusilles" as a title with its author: a name in the
// possessive followed by what opens a title but never continues a
// possessive phrase (an article, a number, a quotation mark). "Lenin's
// Last Struggle" stays a title. Segment i then starts at the title.
func (p *parser) takePossessiveAuthor(i int) bool {
	t := p.text(i)
	k := strings.Index(t, "'s ")
	if j := strings.Index(t, "’s "); j > 0 && (k < 0 || j < k) {
		k = j + len("’s ") - len("'s ")
	}
	if k <= 0 {
		return false
	}
	name, title := t[:k], t[k+len("'s "):]
	if textscan.FieldCount(name) > 4 || !isNameLike(name) || !opensTitleOnly(title) {
		return false
	}
	nl, ok := parseNames(name, natural)
	if !ok || len(nl.names) != 1 {
		return false
	}
	start := p.segs[i].start
	p.setNames("author", &p.it.Author, nl.names, Span{start, start + len(name)})
	p.segs[i].start = start + len(t) - len(title)
	return true
}

// opensTitleOnly reports whether t starts with a word that can open a
// title but cannot follow a possessive: an article, a number or a quote.
func opensTitleOnly(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	if unicode.IsDigit(r) || strings.ContainsRune(`"“«„‘`, r) {
		return true
	}
	first, _, _ := strings.Cut(t, " ")
	if k := strings.IndexAny(first, "'’"); k > 0 {
		first = first[:k+1] // "L'An Un"
	}
	return isCapitalised(first) && lookupGated(articleWords, articleGate, strings.ReplaceAll(first, "’", "'"))
}

// articleWords are the articles that open titles.
var articleWords = setOf(`the a an le la les l' un une der die das ein eine el los las lo il gli`)

var articleGate = gateOf(articleWords)

// authorBeforeQuotedTitle reports whether segment i, which end closes,
// is a name no rule of names reads but whose place makes it the author:
// the lone segment before a quoted title, closed by a full stop in an
// entry ("al-maktaba al-shāmila. “ʿan al-shāmila.”"), or by a comma in a
// note, when it is short and capitalised as names are ("Al-maktaba
// al-shāmila, “ʿan al-shāmila,” 10") and opens no sentence ("The
// English translation, “…,” is").
func (p *parser) authorBeforeQuotedTitle(i, end int, text string) bool {
	if end != i || i+1 >= len(p.segs) || p.segs[i+1].kind != quoted || len(text) >= 80 {
		return false
	}
	switch p.segs[i].sep {
	case '.':
		return p.kind == Entry
	case ',':
		first, _, _ := strings.Cut(text, " ")
		capitalised := isCapitalised(text) || isCapitalised(afterParticle(first)) // "al-maktaba"
		return p.kind == Note && textscan.FieldCount(text) <= 5 && capitalised && !sentenceWord(first) &&
			!hasDigit(text)
	}
	return false
}

// archiveWordParts are pieces of the lower-cased words namesArchive
// knows ("papers", "archive", "fonds", "nachlass", …): a text whose lower
// case holds none of them names no archive.
var archiveWordParts = byFirstByte([]string{"papers", "archiv", "fonds", "nachla", "collection", "manuscripts", "mss"})

// mayNameArchive reports whether low, a lower-cased text, may hold a word
// of namesArchive: false only when namesArchive is false for every part
// of the text it was lowered from. One pass, where namesArchive splits
// and lowers each word.
func mayNameArchive(low string) bool {
	for k := range len(low) {
		for _, w := range archiveWordParts[low[k]] {
			if strings.HasPrefix(low[k:], w) {
				return true
			}
		}
	}
	return false
}

// nameish reports whether a segment can be part of a list of names: a
// name, initials, a conjunction-led name, a role word or "et al.".
func nameish(t string) bool {
	var words [8]string
	var buf [32]byte
	low := strings.TrimRight(t, ".")
	if len(low) <= len(buf) {
		low = string(appendLower(buf[:0], low)) // on the stack: only compared
	} else {
		low = "" // longer than every phrase it is compared to
	}
	switch low {
	case "et al", "and others", "others", "u. a", "u.a", "et alii", "e.a", "y otros", "et coll":
		return true
	}
	if roleWord(t) != "" || isInitials(t) || isSuffix(t) {
		return true
	}
	for _, c := range []string{"and ", "& ", "et ", "und ", "y "} {
		if len(t) > len(c) && textscan.HasPrefixFold(t, c) {
			t = t[len(c):]
			break
		}
	}
	t = strings.TrimSuffix(strings.TrimSuffix(t, " et al."), " et al")
	all := appendFields(words[:0], t)
	named := withoutTrailingParticles(all)
	if t == "et al." || t == "et al" || isNameLikeWords(named) || isFamilyLike(t) || isCorporate(t) || lowerCaseGiven(t) {
		return true
	}
	if len(named) == len(all) && oneNamePart(t) {
		// parseNames would read t as one name, neither corporate nor
		// natural (isCorporate and isNameLikeWords of all its words said
		// no above): it would say no as well
		return false
	}
	_, ok := parseNames(t, natural) // "S.L. and V. Chan-Palay"
	return ok
}

// entryNameRun reports whether segments i..end may be the names opening
// an entry: beyond the inverted first name ("Puhvel, Jaan"), a list names
// its last member after a conjunction or closes with "et al.", so
// "Puhvel, Jaan, Hittite Etymological Dictionary" ends after "Jaan".
func (p *parser) entryNameRun(i, end int) bool {
	if end <= i+1 {
		return true
	}
	if _, role := p.roleAfter(i, end); role != "" {
		return true
	}
	if closesNameList(p.lowText(end)) || isInitials(p.text(end)) {
		return true // "…, and Helmut Koester", "…, et al.", APA "Grayson, K."
	}
	if joinsNames(p.lowText(end-1)) && textscan.FieldCount(p.text(end)) <= 2 || isSuffix(p.text(end)) {
		return true // "Webber, Bonnie Lynn and Mays, Eric", "Pettingill, O. S., Jr."
	}
	if p.segs[end].sep == '.' || joinsNames(p.lowText(end)) {
		return true // a block of names closed by a period
	}
	for k := i; k < end; k++ {
		if p.segs[k].sep == ';' {
			return true // "Flajolet, Philippe; Sedgewick, Robert"
		}
	}
	if n := end + 1; n < len(p.segs) {
		if isDate := p.isDateSeg(n); isDate && (p.segs[n].kind == plain || p.segs[n].kind == paren) || p.segs[n].kind == quoted {
			return true // the names end where the date or a quoted title begins
		}
	}
	for k := i + 1; k <= end; k++ {
		if !hasInitial(p.text(k)) {
			return false
		}
	}
	return true // "S. E. Han, G. Chen, R. Li": every member has initials
}

// lowerCaseAuthor reads "hooks, bell." at segment i as a name its author
// writes in lower case: two lower-case words, inverted, before the
// bracketed date of an APA author block or ending the sentence before a
// capitalised title.
func (p *parser) lowerCaseAuthor(i int) (bib.Name, bool) {
	if i+2 >= len(p.segs) || p.segs[i].sep != ',' || p.segs[i].kind != plain || p.segs[i+1].kind != plain ||
		!lowerCaseName(p.text(i)) || !lowerCaseName(p.text(i+1)) {
		return bib.Name{}, false
	}
	// APA "hooks, bell. (1990)."; Chicago and MLA "hooks, bell. Yearning:
	// Race, Gender, and Cultural Politics."
	dated := p.segs[i+2].kind == paren && p.isDateSeg(i+2)
	titled := p.segs[i+1].sep == '.' && (p.segs[i+2].kind != plain || isCapitalised(p.text(i+2)))
	if !dated && !titled {
		return bib.Name{}, false
	}
	return bib.Name{Family: p.text(i), Given: p.text(i + 1)}, true
}

// titleThenImprint reports whether segment i reads as a title of two
// words or more (no place, publisher or date) followed later by a place,
// a publisher or a date.
func (p *parser) titleThenImprint(i int) bool {
	if textscan.FieldCount(p.text(i)) < 2 || !isCapitalised(p.text(i)) || p.isPlaceSeg(i) || p.publisherWordSeg(i) || p.isDateSeg(i) {
		return false
	}
	return p.imprintAfter(i)
}

// imprintAfter reports whether a place, a publisher or a date follows
// segment i.
func (p *parser) imprintAfter(i int) bool { return p.imprintAhead(i, true, nil) }

// imprintAhead reports whether a place or a publisher (or, withDate, a
// date) follows segment i in a plain segment, before any segment stop
// rejects.
func (p *parser) imprintAhead(i int, withDate bool, stop func(j int) bool) bool {
	for j := i + 1; j < len(p.segs); j++ {
		if stop != nil && stop(j) {
			return false
		}
		if p.segs[j].kind == plain && (p.isPlaceSeg(j) || p.publisherWordSeg(j) || withDate && p.isDateSeg(j)) {
			return true
		}
	}
	return false
}

// hasInitial reports whether a word of t is an initial ("G.", "J.-P.").
func hasInitial(t string) bool {
	for w := range strings.FieldsSeq(t) {
		if isInitials(w) {
			return true
		}
	}
	return false
}

// joinsNames reports whether the text lt, lower-cased, joins two names
// with a conjunction ("Bonnie Lynn and Mays").
func joinsNames(lt string) bool {
	for _, c := range []string{"and", "&", "und", "et"} {
		if hasSpacedWord(lt, c) {
			return true
		}
	}
	return false
}

// hasSpacedWord is strings.Contains(" "+t+" ", " "+w+" ") for a word w
// without spaces, without building the strings.
func hasSpacedWord(t, w string) bool {
	for from := 0; from < len(t); {
		k := strings.Index(t[from:], w)
		if k < 0 {
			return false
		}
		k += from
		if (k == 0 || t[k-1] == ' ') && (k+len(w) == len(t) || t[k+len(w)] == ' ') {
			return true
		}
		from = k + 1
	}
	return false
}

// closesNameList reports whether the text lt, lower-cased, is the last
// member of a list of names: led by a conjunction or an "et al." of
// several languages.
func closesNameList(lt string) bool {
	for _, c := range []string{"and ", "& ", "et ", "und ", "y "} {
		if strings.HasPrefix(lt, c) {
			return true
		}
	}
	lt = strings.TrimRight(lt, ".")
	for _, c := range []string{"et al", "others", "u. a", "u.a", "e.a", "et alii", "y otros"} {
		if lt == c || strings.HasSuffix(lt, " "+c) {
			return true
		}
	}
	return false
}

// noteNameRun reports whether segments i..end may be the names of a note
// citation written in natural order: one segment, or a list whose last
// member follows a conjunction, or a family name with initials.
func (p *parser) noteNameRun(i, end int) bool {
	if end == i {
		return true
	}
	if end == i+1 && isInitials(p.text(end)) {
		return true
	}
	if _, role := p.roleAfter(i, end); role != "" {
		return true
	}
	lastLow := p.lowText(end)
	for _, c := range []string{"and ", "& ", "et ", "und ", "y "} {
		if strings.HasPrefix(lastLow, c) {
			return true
		}
	}
	return false
}

// roleAfter reports a role word that ends the run i..end (its own segment
// "ed." or a following "(Eds.)"); it returns the last segment of the names
// and role and the role.
func (p *parser) roleAfter(i, end int) (int, string) {
	if r := roleWord(p.text(end)); r != "" {
		return end, r
	}
	if end+1 < len(p.segs) && (p.segs[end+1].kind == paren || p.segs[end+1].kind == bracket) && p.segs[end].sep == ' ' {
		if r := roleWord(p.text(end + 1)); r != "" {
			return end + 1, r
		}
	}
	if end+1 < len(p.segs) && p.segs[end+1].kind == plain && p.segs[end].sep == ',' {
		if r := roleWord(p.text(end + 1)); r != "" {
			return end + 1, r
		}
	}
	return end, ""
}

// roleWord returns the role named by a lone role abbreviation ("ed.",
// "Eds.", "Hg.", "dir.", "trans.", "editor"), "" otherwise.
func roleWord(t string) string {
	w := t
	if n := len(t); n == 0 || !plainEdge(t[0]) || !plainEdge(t[n-1]) || t[n-1] == '.' {
		// only then is there anything to trim
		w = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(t), "."))
	}
	return lookupGated(roleWords, roleWordGate, w)
}

// plainEdge reports whether byte c, at either end of a text, is neither
// part of a space (ASCII, or a rune outside ASCII that TrimSpace may cut)
// nor ASCII space.
func plainEdge(c byte) bool {
	return c < utf8.RuneSelf && c != ' ' && (c < '\t' || c > '\r')
}

var roleWordGate = gateOf(roleWords)

// stripTrailingRole removes a role written inside the names' segment
// ("Kitchen, K. A. ed.") and returns it.
func stripTrailingRole(t string) (string, string) {
	t = strings.TrimSpace(t)
	k := strings.LastIndexByte(t, ' ')
	if k < 0 {
		return t, ""
	}
	if r := roleWord(t[k+1:]); r != "" && strings.HasSuffix(t, ".") {
		return strings.TrimRight(t[:k], " ,"), r
	}
	return t, ""
}

// authorPlausible rejects name readings that leave nothing to be a title
// or that are single words without support.
func (p *parser) authorPlausible(i, nameEnd, roleEnd int, nl nameList) bool {
	after := p.next(roleEnd + 1)
	if after >= len(p.segs) {
		return false
	}
	na := p.segs[after]
	t := p.text(after)
	if na.kind == plain {
		if p.pinpointSeg(after, true) && !(p.kind == Entry && authorDateYear(t)) || p.isBackRefSeg(after) {
			// "Memoirs, p. 108": a title, not an author; "Carr, Ibid." is a name
			return p.isBackRefSeg(after)
		}
		if p.isDateSeg(after) && p.kind == Note && !p.isDateLed(after) {
			return false
		}
	}
	if p.kind == Entry && len(nl.names) > 1 && na.kind == plain && (p.isPlaceSeg(after) || nl.looseDirect && p.isDateSeg(after) && after+1 >= len(p.segs)) {
		// an entry's names are followed by its title or, author-date, its
		// year: "Lewin, Moshe, Russian Peasants and Soviet Power, London"
		// and "Sheridan, Clare, Russian Portraits, London, Jonathan Cape,
		// 1921" leave no title
		return false
	}
	words := textscan.FieldCount(p.textOf(i, nameEnd))
	if p.kind == Entry && nameEnd == i && roleEnd == nameEnd && len(nl.names) == 1 && words > 1 &&
		!strings.Contains(p.text(i), ".") && na.kind == plain && p.segs[nameEnd].sep != '.' {
		// bibliographies invert the first name; "Lettres de Lyon, Editions
		// du Rhône" is a title followed by a publisher. A name in direct
		// order stands first only when a title of its own follows it,
		// then the publication: "Anton Ciliga, The Russian Enigma, The
		// Labour Book Service, London, 1940".
		return nl.names[0].Literal == "" && p.titleThenImprint(after)
	}
	single := words == 1 && len(nl.names) == 1
	if !single {
		return true
	}
	sep := p.segs[nameEnd].sep
	if roleEnd > nameEnd {
		return true
	}
	if p.kind == Note || sep == '.' {
		return true
	}
	if na.kind == plain && (na.sep == '.' || na.sep == 0) && isCapitalised(t) {
		return true // "Philo, Questions on Genesis."
	}
	// entries: "Heraclitus, “Epistle 1,”" but not "Kronstadt, reprinted by ..."
	return na.kind == quoted || na.kind == italic
}

// isDateLed reports whether segment i, a date, is followed by more of a
// reference (an APA author-date entry's "(2011)." is a paren, so this is
// only for bare years in notes).
func (p *parser) isDateLed(i int) bool { return false }

// isBackRefSeg reports whether segment i is a back-reference word.
func (p *parser) isBackRefSeg(i int) bool {
	text := p.text(i)
	if text == "" {
		return false
	}
	// every back form opens with an ASCII letter, which lower-casing
	// neither makes from another byte nor moves
	if c := text[0]; c != ' ' && (c >= utf8.RuneSelf || !backFormOpeners[asciiLower[c]]) {
		return false
	}
	if len(text)-strings.Count(text, " ") > longestBackForm {
		return false // too long to be one even without its spaces
	}
	// the text lowered without its spaces, then with a full stop, on the
	// stack: only looked up
	var buf [32]byte
	b := buf[:0]
	if utf8.ValidString(text) {
		// lower reads rune by rune and keeps spaces: the spaces may go after
		lt := p.lowText(i)
		for k := 0; k < len(lt); k++ {
			if lt[k] != ' ' {
				b = append(b, lt[k])
			}
		}
	} else {
		// lowered after the spaces go, as they may join bytes into a rune
		b = append(b, lower(strings.ReplaceAll(text, " ", ""))...)
	}
	if _, ok := backForms[string(b)]; ok {
		return true
	}
	_, ok := backForms[string(append(b, '.'))]
	return ok
}

// startsLower reports whether t begins with a lower-case letter.
func startsLower(t string) bool {
	for _, r := range t {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
		if unicode.IsDigit(r) {
			return false
		}
	}
	return false
}

// takeSpacedPinpoint takes a labelled pinpoint that ends a note's citation
// after a bare space ("Memoirs p. 294") and returns where the rest ends.
func (p *parser) takeSpacedPinpoint(lo, hi int) int {
	t := strings.TrimRight(p.s[lo:hi], " .;")
	loc, rest := Locator(t)
	if loc == "" || !labelledPinpoint(loc) || !strings.HasSuffix(t, loc) {
		return hi
	}
	before := strings.TrimRight(t[:len(t)-len(loc)], " ")
	if before == "" || strings.HasSuffix(before, ",") || strings.HasSuffix(before, ":") || strings.HasSuffix(before, "(") || before != rest {
		return hi
	}
	start := lo + len(t) - len(loc)
	p.ref.Locator = strings.TrimRight(loc, ".")
	p.ref.Spans["locator"] = Span{start, start + len(loc)}
	return lo + len(before)
}

// authorDateYear reports whether t is the year an author-date entry puts
// after its names: "1998", "1998a".
func authorDateYear(t string) bool {
	t = strings.TrimRight(t, ".")
	if n := len(t); n == 5 && t[4] >= 'a' && t[4] <= 'z' {
		t = t[:4]
	}
	return len(t) == 4 && allDigits(t) && yearIn(t) > 0
}

// commaPublishers are publishers whose names hold a comma, by the first
// two words: "Little, Brown", "Farrar, Straus and Giroux".
var commaPublishers = map[string]string{"little": "brown", "farrar": "straus", "harcourt": "brace", "ward": "lock", "sheed": "ward"}

var longestCommaPublisher = longestKey(commaPublishers)

var commaPublisherGate = gateOf(commaPublishers)

// splitGluedPages splits a segment that runs a range of pages into the
// next element without punctuation ("pp. 62-68 Sydney, Australia") into
// the pages and the rest, as if a comma stood between.
func splitGluedPages(s string, segs []seg) []seg {
	for k := 0; k < len(segs); k++ {
		sg := segs[k]
		t := s[sg.start:sg.end]
		if sg.kind != plain || !(strings.HasPrefix(t, "pp. ") || strings.HasPrefix(t, "pp ")) {
			continue
		}
		label, rest, _ := strings.Cut(t, " ")
		pages, after, ok := strings.Cut(rest, " ")
		if !ok || !isPageRange(strings.TrimRight(pages, ",.")) || !isCapitalised(after) {
			continue
		}
		cut := sg.start + len(label) + 1 + len(pages)
		next := seg{start: cut + 1, end: sg.end, kind: plain, sep: sg.sep}
		segs[k].end, segs[k].sep = cut, ','
		segs = slices.Insert(segs, k+1, next)
	}
	return segs
}

// joinCommaPublishers joins the segments of a publisher's name that the
// comma split: "Little" + "Brown" (+ "and Company").
func joinCommaPublishers(s string, segs []seg) []seg {
	for k := 0; k+1 < len(segs); k++ {
		a, b := segs[k], segs[k+1]
		if a.kind != plain || b.kind != plain || a.sep != ',' {
			continue
		}
		if a.end-a.start > longestCommaPublisher {
			continue // lower keeps the length: no such publisher
		}
		if !commaPublisherGate.mayHold(s[a.start:a.end]) {
			continue
		}
		second, ok := lookupLowerOK(commaPublishers, s[a.start:a.end])
		if !ok || !strings.HasPrefix(lower(s[b.start:b.end]), second) {
			continue
		}
		a.end, a.sep = b.end, b.sep
		segs = append(segs[:k+1], segs[k+2:]...)
		if k+1 < len(segs) && a.sep == ',' && segs[k+1].kind == plain {
			if lt := lower(s[segs[k+1].start:segs[k+1].end]); strings.HasPrefix(lt, "and co") || strings.HasPrefix(lt, "& co") {
				a.end, a.sep = segs[k+1].end, segs[k+1].sep
				segs = append(segs[:k+1], segs[k+2:]...)
			}
		}
		segs[k] = a
	}
	return segs
}

// joinInnerQuotes puts back into one plain segment a title that quotes a
// phrase, as unquoted titles (APA's, a book's) may: "Spaced out:
// “Territoriality” in the fourth gospel" (the quotation runs on into
// lower-case words with no punctuation around it) and "“He Will Take the
// Best of Your Fields”: Royal feasts" (a quotation opening a title before
// its subtitle's colon).
func joinInnerQuotes(s string, segs []seg) []seg {
	for k := 0; k+1 < len(segs); k++ {
		q, next := segs[k], segs[k+1]
		if q.kind != quoted || next.kind != plain {
			continue
		}
		nextText := s[next.start:next.end]
		switch {
		case k > 0 && segs[k-1].kind == plain && (segs[k-1].sep == ' ' || segs[k-1].sep == ':') && q.sep == ' ' && startsLower(nextText) && !opensContainer(nextText):
			prev := segs[k-1]
			segs[k-1] = seg{prev.start, next.end, plain, next.sep}
			segs = append(segs[:k], segs[k+2:]...)
			k--
		case q.sep == ':' && (k == 0 || segs[k-1].sep == '.') && isCapitalised(nextText) && next.sep == '.':
			open := q.start
			for open > 0 {
				r, size := utf8.DecodeLastRuneInString(s[:open])
				open -= size
				if r != ' ' {
					break
				}
			}
			segs[k] = seg{open, next.end, plain, next.sep}
			segs = append(segs[:k+1], segs[k+2:]...)
		}
	}
	return segs
}

// opensContainer reports whether t opens with the word that introduces
// another field: a container before a capitalised title ("in
// International Socialism", "dans Les Humbles"; "in the fourth gospel"
// runs on a title) or the author ("by …").
func opensContainer(t string) bool {
	w, rest, _ := strings.Cut(t, " ")
	switch lower(w) {
	case "in", "dans", "en", "im", "in:":
		return isCapitalised(rest)
	case "by", "par", "von", "ed.", "edited", "trans.", "translated":
		return true // "“Title” by Bill Marshall": the author follows
	}
	return false
}

// genreNoun are words that, standing alone where names go, name the kind
// of source: "Interview, March 10, 1989, Moscow".
var genreNounGate = gateOf(genreNoun)

var genreNoun = setOf(`interview interviews letter letters telegram cable memorandum memo speech lecture
	diary conversation manuscript typescript broadcast`)
