package cite

import (
	"strings"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/internal/textscan"
)

// takeTail reads the segments after the title: container, editors,
// edition, volume and issue, publication block, dates, pages, locator.
func (p *parser) takeTail(i int) {
	for i = p.next(i); i < len(p.segs) && !p.done; i = p.next(i + 1) {
		i = p.tailSeg(i)
	}
}

// pageRange is isPageRange(t), asked only when t opens as a range of
// pages does: with a digit, or with a letter and a digit ("S12–S19").
// Most segments open otherwise, and isPageRange looks for four dashes.
func pageRange(t string) bool {
	if t == "" {
		return false
	}
	switch c := t[0]; {
	case '0' <= c && c <= '9', c >= 0x80, c == ' ' || '\t' <= c && c <= '\r':
		// a number, or what isPageRange must read (a space or a byte outside
		// ASCII, which TrimSpace may trim)
	case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		if len(t) < 2 || t[1] < '0' || t[1] > '9' {
			return false
		}
	default:
		return false
	}
	return isPageRange(t)
}

// tailSeg classifies segment i and returns the last segment it consumed
// (or i when it left it for Rest).
func (p *parser) tailSeg(i int) int {
	sg := p.segs[i]
	t := p.text(i)
	sp := Span{sg.start, sg.end}
	switch sg.kind {
	case paren, bracket:
		return p.tailParen(i)
	case quoted:
		if p.it.Title == "" {
			p.set("title", &p.it.Title, t, sp)
			p.titleQuoted = true
			p.used[i] = true
		} else if p.it.ContainerTitle == "" && p.kind == Entry {
			p.set("container-title", &p.it.ContainerTitle, t, sp)
			p.used[i] = true
		}
		return i
	case italic:
		if p.it.Title == "" {
			p.set("title", &p.it.Title, t, sp)
			p.titleItalic = true
			p.used[i] = true
		} else if p.it.ContainerTitle == "" {
			p.set("container-title", &p.it.ContainerTitle, t, sp)
			p.used[i] = true
		} else if p.it.CollectionTitle == "" {
			p.set("collection-title", &p.it.CollectionTitle, t, sp)
			p.used[i] = true
		}
		return i
	case link:
		return i
	}
	lt := p.lowText(i)
	if p.isBackRefSeg(i) {
		return i
	}
	// a date, possibly across "Nov. 20, 1943"
	if d, ok := p.ownSegDate(i); ok {
		if p.kind == Entry && p.it.Issued != nil && p.it.Volume != "" && p.it.ContainerTitle != "" && p.it.Page == "" && isPageRange(t) {
			return p.takePages(i) // "Proc. IRE 40, 1098-1101": the journal is dated, so pages
		}
		if d.Literal != "" && p.it.Issued != nil {
			p.used[i] = true
			return i
		}
		if p.kind == Note && p.pinpointHere(i, t) && !p.yearLike(t) {
			return p.takeLocator(i)
		}
		if !p.setDate("issued", &p.it.Issued, d, sp) && p.kind == Note && !p.secondYear(i, t) && p.pinpointHere(i, t) {
			return p.takeLocator(i)
		}
		p.reprintDate(d, sp)
		p.used[i] = true
		return i
	}
	if d := p.dateWithNext(i); d != nil {
		p.setDate("issued", &p.it.Issued, d, p.span(i, i+1))
		p.use(i, i+1)
		return i + 1
	}
	if v, ok := isISBN(t); ok {
		p.set("ISBN", &p.it.ISBN, v, sp)
		p.used[i] = true
		return i
	}
	if vol, pages, ok := volumeThenPages(lt); ok && p.kind == Entry && p.it.ContainerTitle != "" && p.it.Volume == "" && p.it.Page == "" {
		// "Biological Cybernetics, 50 363-396, 1984": volume and pages
		k := strings.LastIndex(lt, pages)
		p.set("volume", &p.it.Volume, t[:len(vol)], Span{sg.start, sg.start + len(vol)})
		p.set("page", &p.it.Page, openRange(pageValue(t[k:])), Span{sg.start + k, sg.end})
		p.used[i] = true
		return i
	}
	if vi := volumeIssueOf(t, lt); vi.any() && !(p.kind == Note && (vi.pages != "" || p.pinpointSeg(i, false))) {
		// in a note, "5:387–390" is the place cited in volume 5
		p.takeVolumeIssue(i, vi, sp)
		return i
	}
	if ed := editionOf(t, lt); ed != "" {
		p.set("edition", &p.it.Edition, ed, sp)
		p.used[i] = true
		return i
	}
	for _, lead := range []string{"originally published as ", "first published as ", "published as ", "also published as ", "translation of "} {
		if strings.HasPrefix(lt, lead) {
			p.set("original-title", &p.it.OriginalTitle, t[len(lead):], Span{sg.start + len(lead), sg.end})
			p.used[i] = true
			return i
		}
	}
	for _, lead := range []string{"letter to ", "letters to ", "lettre à ", "carta a ", "brief an ", "telegram to ", "cable to "} {
		if strings.HasPrefix(lt, lead) {
			if nl, ok := parseNames(t[len(lead):], natural); ok {
				p.genre = "letter"
				p.setNames("recipient", &p.it.Recipient, nl.names, Span{sg.start + len(lead), sg.end})
				p.used[i] = true
				return i
			}
		}
	}
	if role := roleLeaderAt(lt); role != "" {
		return p.takeRoleNames(i, role)
	}
	if strings.HasPrefix(lt, "by ") || strings.HasPrefix(lt, "par ") || strings.HasPrefix(lt, "von ") {
		k := strings.IndexByte(t, ' ') + 1
		if nl, ok := parseNames(t[k:], natural); ok {
			if len(p.it.Author) == 0 {
				p.setNames("author", &p.it.Author, nl.names, Span{sg.start + k, sg.end})
			} else {
				p.setNames("container-author", &p.it.ContainerAuthor, nl.names, Span{sg.start + k, sg.end})
			}
			p.used[i] = true
			return i
		}
	}
	if strings.HasPrefix(lt, "interview") || strings.Contains(lt, "interview by") || strings.HasPrefix(lt, "entretien") || strings.HasPrefix(lt, "interviewed") {
		return p.takeInterview(i)
	}
	if g, num, ok := reportGenre(t, lt); ok && p.it.Title != "" {
		// "Technical Report CRPC-TR91121, Dept of Computer Science, Rice
		// University": a report, its number and the institution issuing it
		p.genre = "report"
		p.set("genre", &p.it.Genre, g, sp)
		if num != "" {
			p.set("number", &p.it.Number, num, Span{sg.end - len(num), sg.end})
		}
		p.used[i] = true
		return p.takeInstitution(i, false)
	}
	if g := thesisGenreOf(t, lt); g != "" {
		p.genre = "thesis"
		p.set("genre", &p.it.Genre, g, sp)
		p.used[i] = true
		return p.takeInstitution(i, true)
	}
	if isArchivePart(t) {
		p.genre = orDefault(p.genre, "archive")
		p.appendField("archive_location", &p.it.ArchiveLocation, t, sp)
		p.used[i] = true
		return i
	}
	if i <= p.parenEnd && pageRange(t) && p.it.Volume == "" {
		// APA "(2nd ed., 1–2)": volumes
		p.set("volume", &p.it.Volume, t, sp)
		p.used[i] = true
		return i
	}
	if p.kind == Note && pageRange(t) && p.afterColon(i) && p.it.ContainerTitle != "" && p.it.Page == "" {
		// "Journal 278 (August 1996): 37–58": the article's pages
		return p.takePages(i)
	}
	if p.kind == Note && p.it.Volume == "" && p.pinpointSeg(i, true) && !p.pinpointSeg(i, false) && i+1 < len(p.segs) && p.segs[i+1].kind == plain && p.pinpointSeg(i+1, false) {
		p.set("volume", &p.it.Volume, t, sp) // "Sochineniia, XI, p. 287"
		p.used[i] = true
		return i
	}
	if p.kind == Note && p.pinpointSeg(i, true) && p.parenLocatorFollows(i) {
		return p.takePages(i) // "pp. 58–89 (p. 68)"
	}
	if p.kind == Note && (p.it.Title != "" || len(p.it.Author) > 0) && p.pinpointHere(i, t) {
		return p.takeLocator(i)
	}
	if p.kind == Entry && p.it.ContainerTitle != "" && p.it.Page == "" && p.afterColon(i) && (sg.sep == 0 || sg.sep == '.') && isArticleNumber(t) {
		return p.takePages(i) // "Big Data & Society 10, no. 1 (2023): 20539517231158994."
	}
	if p.pinpointSeg(i, false) || pageRange(t) || (sg.sep == 0 || sg.sep == '.') && p.pinpointSeg(i, true) && p.afterColon(i) {
		if p.kind == Entry || p.parenLocatorFollows(i) {
			return p.takePages(i)
		}
	}
	if p.it.ContainerTitle != "" && p.it.Volume == "" && allDigits(t) && len(t) <= 4 && !p.yearLike(t) && !p.sawIn && p.volumeSlot(i) {
		// "Complex Systems, 1, 495-502": the journal's volume
		p.set("volume", &p.it.Volume, t, sp)
		p.used[i] = true
		return i
	}
	if p.kind == Entry && p.sawIn && p.it.ContainerTitle != "" && p.it.Page == "" && p.pinpointSeg(i, true) && !p.yearLike(t) && !p.seriesNumber(i, t) {
		// "In Book, edited by X, 265–92. Place: Publisher, Year."
		return p.takePages(i)
	}
	if hasInPrefix(t) {
		return p.takeIn(i)
	}
	if (t == "in" || t == "In") && sg.sep == ':' {
		p.sawIn = true // German "in: Sammelband"
		p.used[i] = true
		return i
	}
	// names followed by a role: "A. J. Malherbe, Ed.", "(A. Smith, Ed.)"
	if end, role := p.roleAfter(i, i); role != "" && end > i {
		if nl, ok := parseNames(t, natural); ok {
			p.assignRole(role, nl.names, sp)
			p.use(i, end)
			return end
		}
	}
	if last, ok := p.namesRoleEnd(i); ok && last > i {
		nl, _ := parseNames(p.s[sg.start:p.segs[last].end], natural)
		p.assignRole(roleWord(p.text(last+1)), nl.names, p.span(i, last))
		p.use(i, last+1)
		return last + 1
	}
	if end, ok := p.takePlace(i); ok {
		return end
	}
	if d, at := trailingDate(t); at > 0 {
		head := strings.TrimRight(t[:at], " ,")
		if isPlace(head) {
			p.set("publisher-place", &p.it.PublisherPlace, head, Span{sg.start, sg.start + len(head)})
			p.setDate("issued", &p.it.Issued, d, Span{sg.start + at, sg.end})
			p.used[i] = true
			return i
		}
	}
	if isArchiveName(t) && (p.isArchive() || p.archiveContext(i)) && !p.endsWithVolume(i) && !p.journalFollows(i) {
		// "Carleton Germanic Papers 24 (1996): 197–214" is a journal
		p.genre = orDefault(p.genre, "archive")
		p.appendField("archive", &p.it.Archive, t, sp)
		p.used[i] = true
		return i
	}
	if p.kind == Note && startsLower(t) && (p.it.Title != "" || p.it.ContainerTitle != "") && isProse(t) {
		p.done = true
		return i
	}
	if p.it.Title == "" && p.genre == "interview" && p.it.ContainerTitle == "" && isCapitalised(t) {
		return p.takeContainer(i) // "interview by X, MacNeil/Lehrer NewsHour"
	}
	if p.it.Title == "" && !isPageCount(t) {
		return p.takePlainTitle(i, p.titleEnd(i))
	}
	// the container of a quoted title or of "in"; proceedings contain
	if p.it.ContainerTitle == "" && p.it.Publisher == "" && (p.titleQuoted || p.sawIn || p.journalFollows(i) || opensProceedings(lt) || p.kind == Entry && (compactPages(t) || p.journalNamed(i))) && !p.clearlyPublisher(i) {
		return p.takeContainer(i)
	}
	if p.publisherHere(i) {
		return p.takePublisher(i)
	}
	if p.subtitleSentence(i) {
		// APA "The authentic heart. An eightfold path to midlife love. New
		// York: Wiley.": the sentence after the title is its subtitle
		title := p.ref.Spans["title"]
		p.it.Title = cleanValue(p.s[title.Start:sg.end])
		p.ref.Spans["title"] = Span{title.Start, sg.end}
		p.used[i] = true
		return i
	}
	if p.it.Publisher == "" && p.it.Issued == nil && p.it.CollectionTitle == "" && isCapitalised(t) && !p.titleQuoted && (seriesCue(t) || p.seriesSentence(i)) && p.publisherAhead(i) {
		return p.takeSeries(i, sg.start) // "Title. Loeb Classical Library. Cambridge: Harvard University Press"
	}
	return i
}

// publisherAhead reports whether a place or a publisher follows segment i
// before any pages: what comes between a book's title and its publisher
// is its series; what comes before pages, a journal.
func (p *parser) publisherAhead(i int) bool {
	return p.imprintAhead(i, false, func(j int) bool { return p.segs[j].kind == plain && isPageRange(p.text(j)) })
}

// volumeSlot reports whether a bare number at segment i sits where a
// journal's volume does: right after the journal, before an issue, pages
// or a date.
func (p *parser) volumeSlot(i int) bool {
	if i == 0 || !p.used[i-1] && p.segs[i-1].kind != paren {
		return false
	}
	n := i + 1
	if n >= len(p.segs) {
		return p.kind == Entry
	}
	nt := p.text(n)
	switch p.segs[n].kind {
	case paren:
		return true
	case plain:
		if isPageRange(nt) || p.pinpointSeg(n, false) || volumeIssueOf(nt, p.lowText(n)).any() {
			return true
		}
		if p.isDateSeg(n) {
			return true
		}
		return allDigits(nt) && p.kind == Entry
	}
	return false
}

// seriesNumber reports whether segment i is a bare number right before a
// parenthesised publication block ("Semeia Studies, 85 (SBL Press,
// 2016)"): the number of a volume in a series, no page.
func (p *parser) seriesNumber(i int, t string) bool {
	n := i + 1
	return allDigits(t) && n < len(p.segs) && p.segs[n].kind == paren && p.segs[i].sep == ' '
}

// takePages reads the item's pages at segment i and any further ranges
// ("23–33, 36–37, 72–74").
func (p *parser) takePages(i int) int {
	end := i
	for end+1 < len(p.segs) && p.segs[end].sep == ',' && p.segs[end+1].kind == plain && isPageRange(p.text(end+1)) && !isYearRange(p.text(end+1)) {
		end++
	}
	v := openRange(pageValue(p.text(i)))
	for k := i + 1; k <= end; k++ {
		v += ", " + p.text(k)
	}
	p.set("page", &p.it.Page, v, p.span(i, end))
	p.use(i, end)
	return end
}

// secondYear reports whether segment i is a bare year right after the
// date of issue: a reprint or edition year ("1942, 1944"), no pinpoint.
func (p *parser) secondYear(i int, t string) bool {
	if !p.yearLike(t) || i == 0 || p.it.Issued == nil {
		return false
	}
	sp, ok := p.ref.Spans["issued"]
	return ok && sp.End == p.segs[i-1].end
}

// yearLike reports whether t is a bare four-digit year.
func (p *parser) yearLike(t string) bool {
	return len(t) == 4 && allDigits(t) && yearIn(t) > 0
}

// pinpointHere reports whether segment i is a note's pinpoint: a
// pinpoint-shaped segment that ends the citation or precedes commentary,
// a link, or a parenthesised pinpoint.
func (p *parser) pinpointHere(i int, t string) bool {
	if p.kind != Note || !p.pinpointSeg(i, true) {
		return false
	}
	if p.pinpointSeg(i, false) {
		return true
	}
	if p.yearLike(t) && p.it.Issued == nil {
		return false
	}
	n := p.next(i + 1)
	if n >= len(p.segs) {
		return true
	}
	nt := p.text(n)
	if p.segs[n].kind == paren {
		isDate := p.isDateSeg(n)
		return !isDate || !allDigits(t) // "Tarbiz, 62 (1993)": a volume and its year
	}
	if p.segs[n].kind == link {
		return true
	}
	if p.pinpointSeg(n, false) {
		return false // "XI, p. 287": a volume before the pages
	}
	if startsLower(nt) || p.segs[i].sep == '.' {
		return true
	}
	return p.it.Issued != nil || p.it.Publisher != ""
}

// takeLocator takes segment i as the note's pinpoint; what follows is
// commentary, except links and a second pinpoint ("71, n. 3").
func (p *parser) takeLocator(i int) int {
	sg := p.segs[i]
	p.ref.Locator = strings.TrimRight(p.text(i), ".")
	p.ref.Spans["locator"] = Span{sg.start, sg.end}
	p.used[i] = true
	if n := i + 1; n < len(p.segs) && p.segs[n].kind == plain && sg.sep == ',' {
		nt := p.text(n)
		if isPinpoint(nt, false) && (strings.HasPrefix(lower(nt), "n") || isPinpoint(p.text(i), false)) {
			p.ref.Locator += ", " + strings.TrimRight(nt, ".")
			p.ref.Spans["locator"] = Span{sg.start, p.segs[n].end}
			p.used[n] = true
			i = n
		}
	}
	p.done = true
	return i
}

// afterColon reports whether segment i follows a colon ("19 (2): 12-30").
func (p *parser) afterColon(i int) bool { return i > 0 && p.segs[i-1].sep == ':' }

// parenLocatorFollows reports whether a parenthesised pinpoint follows
// segment i ("pp. 58–89 (p. 68)").
func (p *parser) parenLocatorFollows(i int) bool {
	n := i + 1
	return n < len(p.segs) && p.segs[n].kind == paren && p.pinpointSeg(n, false)
}

// tailParen reads a parenthesised group: a date, a role, a pinpoint, an
// issue number, or a publication block read segment by segment.
func (p *parser) tailParen(i int) int {
	sg := p.segs[i]
	t := p.text(i)
	sp := Span{sg.start, sg.end}
	lt := p.lowText(i)
	if t == "" {
		p.used[i] = true
		return i
	}
	if d, ok := p.ownSegDate(i); ok {
		if !p.setDate("issued", &p.it.Issued, d, sp) && p.it.OriginalDate == nil {
			p.setDate("original-date", &p.it.OriginalDate, d, sp)
		}
		p.used[i] = true
		return i
	}
	if roleWord(t) != "" {
		p.used[i] = true
		return i
	}
	if p.pinpointSeg(i, false) {
		if p.kind == Note {
			return p.takeLocator(i)
		}
		p.set("page", &p.it.Page, pageValue(t), sp)
		p.used[i] = true
		return i
	}
	if allDigits(t) && p.it.Volume != "" && p.it.Issue == "" {
		p.set("issue", &p.it.Issue, t, sp)
		p.used[i] = true
		return i
	}
	switch lt {
	case "blog":
		p.genre = "blog"
		p.used[i] = true
		return i
	case "online", "en ligne", "print", "microfilm":
		p.used[i] = true
		return i
	}
	if thesisGenreOf(t, lt) != "" && !strings.Contains(t, ",") {
		p.genre = "thesis"
		p.set("genre", &p.it.Genre, t, sp)
		p.used[i] = true
		return i
	}
	if isAliasParen(lt) || (p.kind == Note && startsLower(t) && !strings.Contains(t, ":") && yearIn(t) == 0) {
		return i
	}
	if sg.kind == bracket && !strings.ContainsAny(t, ",:") {
		return i
	}
	// a publication block: read its parts in place of the group
	var innerBuf [8]seg // on the stack: the group's segments are copied below
	inner := joinCommaPublishers(p.s, segment(innerBuf[:0], p.s, sg.start, sg.end))
	if len(inner) == 0 {
		return i
	}
	p.parenEnd = i + len(inner) - 1
	inner[len(inner)-1].sep = sg.sep
	if inner[len(inner)-1].sep == ' ' || inner[len(inner)-1].sep == 0 {
		inner[len(inner)-1].sep = ','
	}
	segs := make([]seg, 0, len(p.segs)+len(inner))
	segs = append(segs, p.segs[:i]...)
	segs = append(segs, inner...)
	segs = append(segs, p.segs[i+1:]...)
	used := make([]bool, len(segs))
	copy(used, p.used[:i])
	copy(used[i+len(inner):], p.used[i+1:])
	p.segs, p.used = segs, used
	p.stopCache = p.stopCache[:0] // stale: isStop makes it anew
	return i - 1
}

// isAliasParen reports whether a group declares an alias ("hereafter X").
func isAliasParen(lt string) bool {
	for _, w := range []string{"hereafter", "hereinafter", "henceforth", "ci-après", "désormais", "im folgenden", "en adelante", "cited as"} {
		if strings.Contains(lt, w) {
			return true
		}
	}
	return false
}

// takeVolumeIssue stores volume, issue or number of volumes.
func (p *parser) takeVolumeIssue(i int, vi volIssue, sp Span) {
	if vi.vols != "" {
		p.set("number-of-volumes", &p.it.NumberOfVols, vi.vols, sp)
	}
	if vi.volume != "" {
		p.set("volume", &p.it.Volume, vi.volume, sp)
	}
	if vi.issue != "" {
		if p.it.CollectionTitle != "" && p.it.ContainerTitle == "" && p.it.CollectionNumber == "" {
			p.set("collection-number", &p.it.CollectionNumber, vi.issue, sp)
		} else {
			p.set("issue", &p.it.Issue, vi.issue, sp)
		}
	}
	if vi.pages != "" && p.it.Page == "" {
		p.set("page", &p.it.Page, vi.pages, sp)
	}
	p.used[i] = true
}

// opensProceedings reports whether lt, lower-cased, opens the name of a
// conference's proceedings, which hold the papers read there: "Proceedings
// of the 21st VLDB Conference", "Proc. of the ACM SIGMETRICS Conf.".
func opensProceedings(lt string) bool {
	for _, w := range []string{"proceedings of ", "proc. of ", "proc. ", "actes du ", "actes de ", "akten des "} {
		if strings.HasPrefix(lt, w) {
			return true
		}
	}
	return false
}

// seriesCue reports whether t, standing between a book's title and its
// imprint, names a series: a series word ("Loeb Classical Library") or a
// number in it ("Cultural Studies 36"). "With a new afterword" and
// "Revised and expanded" describe the edition instead.
func seriesCue(t string) bool { return hasDigit(t) || hasSeriesWord(t) }

// subtitleSentence reports whether segment i, in an author-date entry
// (the year precedes the title), is a sentence right after an unquoted
// title, before the imprint, that names no series: APA prints a subtitle
// so.
func (p *parser) subtitleSentence(i int) bool {
	if p.kind != Entry || p.it.Issued == nil || p.it.Title == "" || p.titleQuoted || p.titleItalic || p.it.Publisher != "" || p.it.ContainerTitle != "" {
		return false
	}
	title, issued := p.ref.Spans["title"], p.ref.Spans["issued"]
	if issued.Start > title.Start || i == 0 || p.segs[i-1].end != title.End || p.segs[i-1].sep != '.' || p.segs[i].sep != '.' {
		return false
	}
	t := p.text(i)
	return isCapitalised(t) && !seriesCue(t) && p.publisherAhead(i)
}

// seriesSentence reports whether segment i is a sentence of its own
// between the title and the imprint that does not describe the edition:
// Chicago's "Title. Reframing Media, Technology, and Culture. Gainesville:
// University of Florida Press", not "Title. Revised and expanded. …".
func (p *parser) seriesSentence(i int) bool {
	if i == 0 || p.segs[i-1].sep != '.' {
		return false
	}
	j := i // the sentence's last segment: "Reframing Media, Technology, and Culture."
	for j < len(p.segs) && p.segs[j].kind == plain && (p.segs[j].sep == ',' || p.segs[j].sep == ':') && j < i+6 {
		j++
	}
	if j >= len(p.segs) || p.segs[j].kind != plain || p.segs[j].sep != '.' {
		return false
	}
	for w := range strings.FieldsSeq(p.lowSpan(p.segs[i].start, p.segs[j].end)) {
		if editionWords[strings.Trim(w, ",.:;")] {
			return false
		}
	}
	return true
}

// editionWords describe an edition or what it adds, not a series.
var editionWords = map[string]bool{"revised": true, "expanded": true, "enlarged": true, "reprint": true, "reprinted": true,
	"illustrated": true, "with": true, "edition": true, "ed": true, "afterword": true, "introduction": true, "foreword": true,
	"preface": true, "translated": true, "abridged": true, "unabridged": true, "facsimile": true, "vols": true, "updated": true}

// reprintDate makes d, read after the publisher, the date of issue when
// the date read before is an earlier year printed before the publisher:
// "Nature. 1836; Beacon, 1985." is the 1985 edition of a work of 1836,
// whose first year becomes the original date. The first year must follow
// the title directly: "Paris, 1932, reprinted by Maspero in 1978" dates
// the book 1932.
func (p *parser) reprintDate(d *bib.Date, sp Span) {
	old := p.it.Issued
	if p.kind != Entry || old == nil || old == d || p.it.OriginalDate != nil || p.it.Publisher == "" {
		return
	}
	if p.ref.Spans["issued"].Start > p.ref.Spans["publisher"].Start || d.Year() <= old.Year() || len(d.DateParts) != 1 || len(old.DateParts) != 1 {
		return
	}
	// the first year stands right after the title, before any imprint
	title, first := p.ref.Spans["title"], p.ref.Spans["issued"]
	if p.it.Title == "" || title.End > first.Start || strings.Trim(p.s[title.End:first.Start], " .,;:”\"’") != "" {
		return
	}
	p.it.OriginalDate, p.it.Issued = old, d
	p.ref.Spans["original-date"], p.ref.Spans["issued"] = p.ref.Spans["issued"], sp
}

// takeInstitution reads the institution that issued a report or a thesis
// from the segment after i: its parts run over commas ("Department of
// Computer Science, University of Waterloo") up to its city, a date or
// pages. A thesis's institution ends with its sentence, and its parts
// after the first must name a university or its units. It returns the
// last segment used.
func (p *parser) takeInstitution(i int, thesis bool) int {
	end := i
	for n := p.next(i + 1); n < len(p.segs) && p.segs[n].kind == plain && !p.isDateSeg(n) && !isPageRange(p.text(n)); n = p.next(n + 1) {
		if p.isPlaceSeg(n) && (end > i || thesis) {
			break // the institution's city: left for the place
		}
		if thesis && end > i && !academicUnit(p.lowText(n)) {
			break
		}
		end = n
		if thesis && p.segs[n].sep != ',' {
			break
		}
	}
	if end > i {
		p.set("publisher", &p.it.Publisher, p.textOf(i+1, end), p.span(i+1, end))
		p.use(i+1, end)
	}
	return end
}

// academicUnitWords name the bodies of a university.
var academicUnitWords = []string{"universit", "univ.", "college", "school", "department", "dept", "facult", "institut", "division", "laborator", "academy", "académie", "école", "hochschule", "fakultät", "seminar"}

// academicUnit reports whether lt names a university or one of its units.
func academicUnit(lt string) bool {
	for _, w := range academicUnitWords {
		if strings.Contains(lt, w) {
			return true
		}
	}
	return false
}

// takeRoleNames reads "edited by X", "trans. X" in segment i and any list
// continuing over following segments.
func (p *parser) takeRoleNames(i int, role string) int {
	sg := p.segs[i]
	lt := p.lowText(i)
	k := 0
	for _, rl := range roleLeaders {
		if strings.HasPrefix(lt, rl.phrase+" ") || strings.HasPrefix(lt, rl.phrase+"\u00a0") {
			k = len(rl.phrase) + 1
			break
		}
	}
	end := i
	for end+1 < len(p.segs) && p.segs[end].sep == ',' && p.segs[end+1].kind == plain {
		nt := p.lowText(end + 1)
		if strings.HasPrefix(nt, "and ") || strings.HasPrefix(nt, "& ") || nt == "et al." || nt == "et al" || isInitials(p.text(end+1)) {
			end++
			continue
		}
		if last := p.namesClosedByAnd(end + 1); last > end {
			end = last // "edited by Graham Burchell, Colin Gordon, and Peter Miller"
			continue
		}
		break
	}
	names := strings.TrimSpace(p.s[sg.start+k : p.segs[end].end])
	nl, ok := parseNames(names, natural)
	if !ok {
		p.used[i] = true
		return i
	}
	p.assignRole(role, nl.names, Span{sg.start + k, p.segs[end].end})
	p.use(i, end)
	return end
}

// namesClosedByAnd returns the last segment of a run from k of personal
// names separated by commas whose last opens with "and" or "&" ("Colin
// Gordon, and Peter Miller"), or -1: only that closing conjunction tells
// such a list from the title or publisher after a name.
func (p *parser) namesClosedByAnd(k int) int {
	for j := k; j < len(p.segs) && j < k+12 && p.segs[j].kind == plain; j++ {
		t := p.text(j)
		lt := p.lowText(j)
		closing := strings.HasPrefix(lt, "and ") || strings.HasPrefix(lt, "& ")
		if closing {
			t = strings.TrimSpace(t[strings.IndexByte(t, ' '):])
		}
		if !isNameLike(t) || p.isPlaceSeg(j) || p.publisherWordSeg(j) {
			return -1
		}
		if closing {
			return j
		}
		if p.segs[j].sep != ',' {
			return -1
		}
	}
	return -1
}

// assignRole stores names under a role.
func (p *parser) assignRole(role string, names []bib.Name, sp Span) {
	switch role {
	case "editor":
		p.setNames("editor", &p.it.Editor, names, sp)
	case "translator":
		p.setNames("translator", &p.it.Translator, names, sp)
	case "editor+translator":
		p.setNames("editor", &p.it.Editor, names, sp)
		p.setNames("translator", &p.it.Translator, names, sp)
	}
}

// takeInterview reads "interview by X" / "Interview".
func (p *parser) takeInterview(i int) int {
	sg := p.segs[i]
	t := p.text(i)
	lt := p.lowText(i)
	p.genre = "interview"
	p.used[i] = true
	if k := strings.Index(lt, " by "); k >= 0 {
		if nl, ok := parseNames(t[k+4:], natural); ok {
			p.setNames("interviewer", &p.it.Interviewer, nl.names, Span{sg.start + k + 4, sg.end})
		}
	}
	if k := strings.Index(lt, " with "); k >= 0 && len(p.it.Author) == 0 {
		if nl, ok := parseNames(t[k+6:], natural); ok {
			p.setNames("author", &p.it.Author, nl.names, Span{sg.start + k + 6, sg.end})
		}
	}
	return i
}

// takeIn reads "in Container" (or "In Editors (Eds.), Container").
func (p *parser) takeIn(i int) int {
	sg := p.segs[i]
	t := p.text(i)
	k := strings.IndexByte(t, ' ') + 1
	body := t[k:]
	start := sg.start + k
	if p.sawIn && p.it.ContainerTitle != "" {
		// a second "in": the series
		p.set("collection-title", &p.it.CollectionTitle, body, Span{start, sg.end})
		p.used[i] = true
		return i
	}
	if !p.titleQuoted && strings.HasPrefix(t, "in ") && i > 0 && p.segs[i-1].sep == '.' && p.it.ContainerTitle == "" {
		// IEEE "Title. in Series, no. 12.": a book in a series
		return p.takeSeries(i, start)
	}
	p.sawIn = true
	// "In G. L. Byron & V. Lovelace (Eds.), Title", "In C. B. Jones, R. C. Shaw, and T. Denvir, editors, Title"
	for last := i; last < len(p.segs) && last <= i+8 && p.segs[last].kind == plain; last++ {
		end, role := p.roleAfter(i, last)
		if role == "" || end <= last {
			if p.segs[last].sep != ',' {
				break
			}
			continue
		}
		names := p.s[start:p.segs[last].end]
		if nl, ok := parseNames(names, natural); ok {
			p.assignRole(role, nl.names, Span{start, p.segs[last].end})
			p.use(i, end)
			return end
		}
		break
	}
	if textscan.HasPrefixFold(body, "idem") || textscan.HasPrefixFold(body, "id.") {
		p.used[i] = true
		return i
	}
	// "in Serge, Wullens and Rosmer, Title" is rare; a container title it is
	p.segs[i].start = start
	return p.takeContainer(i)
}

// takeContainer reads a container title starting at segment i, splitting
// a trailing volume number ("Journal of X 19").
func (p *parser) takeContainer(i int) int {
	end := p.titleEnd(i)
	if n := end + 1; n < len(p.segs) && p.segs[end].sep == ' ' && (p.seriesMarkAt(n) || p.segs[n].kind == paren && isAcronym(p.text(n))) {
		// "Orientalia (NS)": the journal's series is part of its name, and
		// so is a conference's acronym ("… Operating Systems (ASPLOS-VI)")
		end = n
	}
	text := p.textOf(i, end)
	sp := p.span(i, end)
	if p.segs[end].kind == paren {
		text += ")"
		sp.End++
	}
	issueAt := p.issueBeforeDate(end)
	if (p.titleQuoted || p.pagesAfter(end) || issueAt > 0 || p.parenIssueAt(end+1)) && !p.sawIn {
		// "“Title,” Journal 12", "Proc Natl Acad Sci U S A 106, 4894–4899":
		// the volume printed after the journal's name
		if k := strings.LastIndexByte(text, ' '); k > 0 && volumeNumber(text[k+1:]) && allDigitsOrDot(text[k+1:]) && p.it.Volume == "" &&
			(p.titleQuoted || yearIn(text[k+1:]) == 0) {
			vi := volumeIssue(text[k+1:])
			vol := text[k+1:]
			if vi.volume != "" {
				vol = vi.volume
				p.set("issue", &p.it.Issue, vi.issue, Span{sp.Start + k + 1, sp.End})
			}
			p.set("volume", &p.it.Volume, vol, Span{sp.Start + k + 1, sp.End})
			text = text[:k]
			sp.End = sp.Start + k
		}
	}
	if k := strings.LastIndexByte(text, ' '); k > 0 && p.segs[end].sep == ';' && p.segs[end].kind == plain && p.it.Issued == nil {
		// Vancouver "J Clin Oncol 2012; 30: 1750-4": the year closes the
		// journal's name, the volume and pages follow the semicolon
		if d, ok := parseDate(text[k+1:]); ok && yearIn(text[k+1:]) > 0 {
			p.setDate("issued", &p.it.Issued, d, Span{sp.Start + k + 1, sp.End})
			text = text[:k]
			sp.End = sp.Start + k
		}
	}
	if p.kind == Entry && !p.sawIn && p.it.Volume == "" && p.segs[end].kind == plain {
		if k, vi, ok := compactVolume(text); ok {
			// "Information Systems 20(2)", "Computational Linguistics 12(3)
			// 175-204", "Communications of the ACM 38 39-41"
			p.takeVolumeIssue(end, vi, Span{sp.Start + k + 1, sp.End})
			text = text[:k]
			sp.End = sp.Start + k
		}
	}
	p.set("container-title", &p.it.ContainerTitle, text, sp)
	p.use(i, end)
	if n := end + 1; issueAt == 0 && p.it.Volume != "" && p.it.Issue == "" && p.parenIssueAt(n) {
		issueAt = n // "Indian Phytopathology 4 (1): 1-4"
	}
	if issueAt > 0 && p.it.Volume != "" && p.it.Issue == "" {
		p.set("issue", &p.it.Issue, p.text(issueAt), p.span(issueAt, issueAt))
		p.used[issueAt] = true
		return issueAt
	}
	return end
}

// compactVolume reads the volume, issue and pages that science styles
// print after a journal's name without punctuation: "20(2)", "12(3)
// 175-204", "38 39-41", "XIV:4". It returns where they begin in text (at
// a space) and what they say.
func compactVolume(text string) (int, volIssue, bool) {
	k := strings.LastIndexByte(text, ' ')
	if k <= 0 || !hasDigit(text[k+1:]) {
		// each reading below needs a digit in the last word ("20(2)",
		// "XIV:4", "39-41"): a journal's name ends in none, and is not
		// lowered
		return 0, volIssue{}, false
	}
	last := lower(text[k+1:])
	if a, b, ok := strings.Cut(last, "("); ok && allDigits(a) && len(a) <= 4 && strings.HasSuffix(b, ")") {
		return k, volIssue{volume: a, issue: strings.TrimSuffix(b, ")")}, true // "20(2)"
	}
	if a, b, ok := strings.Cut(last, ":"); ok && isRoman(a) && allDigits(b) && len(b) <= 3 {
		return k, volIssue{volume: text[k+1 : k+1+len(a)], issue: b}, true // "XIV:4"
	}
	if !isPageRange(last) {
		return 0, volIssue{}, false
	}
	j := strings.LastIndexByte(text[:k], ' ')
	if j <= 0 {
		return 0, volIssue{}, false
	}
	both := lower(text[j+1:])
	if vi := volumeIssuePages(both); vi.volume != "" {
		return j, vi, true // "12(3) 175-204"
	}
	if vol, pages, ok := volumeThenPages(both); ok && yearIn(vol) == 0 {
		return j, volIssue{volume: vol, pages: pages}, true // "38 39-41"
	}
	return 0, volIssue{}, false
}

// journalNamed reports whether segment i, after an entry's title, names a
// journal by a journal's word ("IEEE Data Engineering Bulletin, September
// 1996", "Journal of Intelligent Information Systems, 1995") and is
// followed by its date or nothing, not by an imprint.
func (p *parser) journalNamed(i int) bool {
	if p.it.Title == "" || p.publisherWordSeg(i) || !isCapitalised(p.text(i)) {
		return false
	}
	named := false
	for w := range strings.FieldsSeq(p.lowText(i)) {
		if journalWords[strings.Trim(w, ",.:;")] {
			named = true
			break
		}
	}
	if !named {
		return false
	}
	n := i + 1
	return n >= len(p.segs) || p.segs[n].kind == link || p.isDateSeg(n) || p.dateWithNext(n) != nil
}

// compactPages reports whether t ends with a journal's compact volume and
// the article's pages ("Computational Linguistics 12(3) 175-204").
func compactPages(t string) bool {
	_, vi, ok := compactVolume(t)
	return ok && vi.pages != ""
}

// issueBeforeDate returns the segment after end when it is a bare issue
// number followed by the year in brackets, as ACM writes a journal's
// volume and issue before the article's pages ("Operations Research 36,
// 3 (1988), 454-469"), else 0.
func (p *parser) issueBeforeDate(end int) int {
	n := end + 1
	if n+1 >= len(p.segs) || p.segs[n].kind != plain || p.segs[n+1].kind != paren || !p.endsWithVolume(end) {
		return 0
	}
	if t := p.text(n); !allDigits(t) || len(t) > 3 || !p.isDateSeg(n+1) || !p.pagesAfter(n+1) {
		return 0 // "Fortsch. Phys. 55, 644 (2007)": a page, when no pages follow the year
	}
	return n
}

// isAcronym reports whether t is a short name in capitals, perhaps with
// a year or a number: "ASPLOS-VI", "IJCAI-91", "UIST 94", "CHI'91".
func isAcronym(t string) bool {
	words := strings.Fields(t)
	if len(words) == 0 || len(words) > 2 || len(t) > 16 {
		return false
	}
	upper := 0
	for _, r := range t {
		switch {
		case r >= 'A' && r <= 'Z':
			upper++
		case r >= '0' && r <= '9', r == '-', r == ' ', r == '\'', r == '’', r == '/', r == '&':
		default:
			return false
		}
	}
	return upper >= 2
}

// reportGenres open the description of a report, longest first.
var reportGenres = []string{"technical report", "tech. report", "tech. rep.", "tech. rpt.", "tech report", "research report",
	"internal report", "working paper", "discussion paper", "technical memorandum", "technical note", "report"}

// reportGenresByFirst are reportGenres by first byte, in their order.
var reportGenresByFirst = byFirstByte(reportGenres)

// reportGenre reads "Technical Report TR93-3" as the genre "Technical
// Report" and the number "TR93-3"; a bare "Report" needs a number.
func reportGenre(t, lt string) (genre, number string, ok bool) {
	if lt == "" {
		return "", "", false
	}
	for _, g := range reportGenresByFirst[lt[0]] {
		if !strings.HasPrefix(lt, g) || len(lt) > len(g) && lt[len(g)] != ' ' && lt[len(g)] != ',' {
			continue
		}
		number = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(t[len(g):]), "No."))
		if g == "report" && (number == "" || strings.ContainsRune(number, ' ')) {
			return "", "", false // "Report of the Commission …" is a title
		}
		if strings.ContainsRune(number, ' ') && (textscan.FieldCount(number) > 4 || !strings.ContainsAny(lower(lastWord(number)), "0123456789")) {
			return "", "", false // "Research Report on coastal silt"; "TR 95-50", "TU Wien rr-02-92" are numbers
		}
		if number != "" && strings.IndexFunc(number, func(r rune) bool { return r >= '0' && r <= '9' }) < 0 {
			return "", "", false
		}
		return t[:len(g)], number, true
	}
	return "", "", false
}

// pagesAfter reports whether the segment after end is a range of pages,
// perhaps after the year in brackets ("J. Approx. Theory 72 (1993),
// 2-23").
func (p *parser) pagesAfter(end int) bool {
	n := end + 1
	if n < len(p.segs) && p.segs[n].kind == paren && p.isDateSeg(n) {
		n++
	}
	return n < len(p.segs) && p.segs[n].kind == plain && isPageRange(p.text(n))
}

// seriesMarks name a journal's series in brackets after its name.
var seriesMarks = setOfLines(`ns
n.s
n. s
nf
n.f
n. f
os
o.s
new series
old series
neue folge
nouvelle série
nuova serie
nueva serie`)

// seriesMarkAt reports whether segment n is a bracketed series of a
// journal: "(NS)", "(n.s.)", "(N.F.)", "(new series)", "(3rd ser.)".
func (p *parser) seriesMarkAt(n int) bool {
	if p.segs[n].kind != paren {
		return false
	}
	t := strings.TrimRight(p.lowText(n), ".")
	if seriesMarks[t] {
		return true
	}
	var buf [2]string
	w := appendFields(buf[:0], t)
	return len(w) == 2 && isOrdinal(w[0]) && (w[1] == "ser" || w[1] == "series" || w[1] == "série" || w[1] == "serie")
}

func allDigitsOrDot(t string) bool {
	return allDigits(strings.ReplaceAll(t, ".", ""))
}

// takeSeries reads a series title with an optional number ("Loeb
// Classical Library", "Cultural studies 36").
func (p *parser) takeSeries(i, start int) int {
	end := p.titleEnd(i)
	text := p.s[start:p.segs[end].end]
	sp := Span{start, p.segs[end].end}
	if k := strings.LastIndexByte(text, ' '); k > 0 && allDigitsOrDot(text[k+1:]) && !strings.HasSuffix(text, ".") {
		p.set("collection-number", &p.it.CollectionNumber, text[k+1:], Span{sp.Start + k + 1, sp.End})
		text = text[:k]
		sp.End = sp.Start + k
	}
	p.set("collection-title", &p.it.CollectionTitle, text, sp)
	p.use(i, end)
	return end
}

// publisherHere reports whether segment i is the publisher: it has a
// publisher's word, or it precedes the date or the place.
func (p *parser) publisherHere(i int) bool {
	if p.it.Publisher != "" || (p.it.Title == "" && p.it.ContainerTitle == "") {
		return false
	}
	t := p.text(i)
	if !isCapitalised(t) && !strings.HasPrefix(t, "de ") && !strings.HasPrefix(t, "al-") {
		return false
	}
	if p.segs[i].sep == '.' && p.colonPairAfter(i) {
		return false // "Series 4. Paris: Droz": the publisher comes after the place
	}
	if p.publisherWordSeg(i) {
		return true
	}
	return p.publisherContext(i)
}

// colonPairAfter reports whether a "Place: Publisher" pair follows
// segment i.
func (p *parser) colonPairAfter(i int) bool {
	for k := i + 1; k < len(p.segs) && k <= i+3; k++ {
		if p.segs[k].kind == plain && p.segs[k].sep == ':' {
			return true
		}
	}
	return false
}

// takePublisher reads the publisher at segment i, with a year written
// after it in the same segment, and a co-publisher after ";".
func (p *parser) takePublisher(i int) int {
	sg := p.segs[i]
	t := p.text(i)
	sp := Span{sg.start, sg.end}
	if d, at := trailingDate(t); at > 0 {
		head := strings.TrimRight(t[:at], " ,")
		p.setDate("issued", &p.it.Issued, d, Span{sg.start + at, sg.end})
		t = head
		sp.End = sp.Start + len(head)
	}
	end := i
	if sg.sep == ';' && i+1 < len(p.segs) && p.segs[i+1].kind == plain && isCapitalised(p.text(i+1)) {
		if !p.isDateSeg(i + 1) {
			end = i + 1
			t2 := p.text(end)
			if d, at := trailingDate(t2); at > 0 {
				p.setDate("issued", &p.it.Issued, d, Span{p.segs[end].start + at, p.segs[end].end})
				t2 = strings.TrimRight(t2[:at], " ,")
			}
			t = t + "; " + t2
			sp.End = p.segs[end].start + len(t2)
		}
	}
	p.set("publisher", &p.it.Publisher, t, sp)
	p.use(i, end)
	return end
}

// isArchive reports whether the item is already known to be archival.
func (p *parser) isArchive() bool {
	return p.genre == "archive" || p.it.Archive != "" || p.it.ArchiveLocation != ""
}

// archiveContext reports whether a box/folder designation is near
// segment i.
func (p *parser) archiveContext(i int) bool {
	for k := max(0, i-2); k < len(p.segs) && k <= i+3; k++ {
		if k != i && p.segs[k].kind == plain && (isArchivePart(p.text(k)) || strings.Contains(p.lowText(k), "papers")) {
			return true
		}
	}
	lt := p.lowText(i)
	return strings.Contains(lt, "papers") || strings.Contains(lt, "collection") || strings.Contains(lt, "archive")
}

// appendField appends a value to a comma-joined field.
func (p *parser) appendField(field string, dst *string, v string, sp Span) {
	v = cleanValue(v)
	if *dst == "" {
		p.set(field, dst, v, sp)
		return
	}
	*dst += ", " + v
	old := p.ref.Spans[field]
	p.ref.Spans[field] = Span{old.Start, sp.End}
}

func orDefault(v, d string) string {
	if v != "" {
		return v
	}
	return d
}
