package cite

import (
	"strings"

	"github.com/ibid-project/ibid/internal/textscan"
)

// takePlace reads a place of publication at segment i: "City",
// "City, ST", "City; City", each optionally followed by ": Publisher". It
// returns the last segment consumed.
func (p *parser) takePlace(i int) (int, bool) {
	t := p.text(i)
	end := i
	place := t
	known := p.isPlaceSeg(i)
	// "Chicago, Ill." / "Missoula, MT" / "Westport, Conn."
	if n := i + 1; n < len(p.segs) && p.segs[i].sep == ',' && p.segs[n].kind == plain && isRegion(p.text(n)) && isCapitalised(t) && textscan.FieldCount(t) <= 3 {
		end = n
		place = p.s[p.segs[i].start:p.segs[n].end]
		known = true
	}
	// "Cambridge; Malden", "Leipzig; Berlin"
	for known && p.segs[end].sep == ';' && end+1 < len(p.segs) && p.segs[end+1].kind == plain && (p.isPlaceSeg(end+1) || p.segs[end+1].sep == ':' && textscan.FieldCount(p.text(end+1)) <= 3) {
		end++
		place += "; " + p.text(end)
	}
	colon := p.segs[end].sep == ':' && end+1 < len(p.segs) && p.segs[end+1].kind == plain
	if !known && !(colon && p.unknownPlaceOK(i, t)) {
		return i, false
	}
	if known && !colon && p.it.Publisher == "" && p.it.PublisherPlace == "" && p.placeFollows(end+1) {
		return i, false // "Abingdon, New York": a publisher named after a town
	}
	sp := Span{p.segs[i].start, p.segs[end].end}
	if p.isArchive() && p.it.ArchivePlace == "" && !colon {
		p.set("archive-place", &p.it.ArchivePlace, place, sp)
	} else {
		p.set("publisher-place", &p.it.PublisherPlace, place, sp)
	}
	p.use(i, end)
	if colon {
		return p.takePublisher(end + 1), true
	}
	return end, true
}

// unknownPlaceOK reports whether an unknown word before a colon is a
// place: a short capitalised name after the title, where no container is
// awaited, followed by what reads as a publisher.
func (p *parser) unknownPlaceOK(i int, t string) bool {
	if n := textscan.FieldCount(t); n == 0 || n > 3 || !isCapitalised(t) || p.publisherWordSeg(i) || p.it.PublisherPlace != "" || p.it.Title == "" {
		return false
	}
	if p.it.ContainerTitle == "" && (p.titleQuoted || p.sawIn) {
		return false
	}
	n := i + 1
	nt := p.text(n)
	if p.publisherWordSeg(n) {
		return true
	}
	if _, at := trailingDate(nt); at > 0 {
		return true
	}
	return p.publisherContext(n)
}

// placeFollows reports whether segment n is a known place.
func (p *parser) placeFollows(n int) bool {
	return n < len(p.segs) && p.segs[n].kind == plain && p.isPlaceSeg(n)
}

var regionGate = gateOf(regions)

// isRegion reports whether t is a state, province or country written
// after a city ("MA", "Ill.", "England").
func isRegion(t string) bool {
	t = strings.TrimRight(strings.TrimSpace(t), ".")
	if t == "" || !isCapitalised(t) {
		return false // "in:" is no Indiana
	}
	if lookupGated(regions, regionGate, t) || len(t) <= longestRegionName && regionNameGate.mayHold(t) && lookupLower(regionNames, t) {
		return true
	}
	// "D. C.": initials spaced out
	return len(t) <= 8 && strings.Contains(t, ". ") && lookupGated(regions, regionGate, strings.ReplaceAll(t, ". ", "."))
}

var longestRegionName = longestKey(regionNames)

var regionNameGate = gateOf(regionNames)

// isProse reports whether lower-case text reads as commentary.
func isProse(t string) bool {
	return !strings.ContainsAny(t, "0123456789") && textscan.FieldCount(t) >= 2 && commentaryScore(t) >= 0.3
}

// journalFollows reports whether segment i is followed by a volume,
// issue or pages, as a journal's name is.
func (p *parser) journalFollows(i int) bool {
	if p.segs[i].kind != plain || p.titleItalic && p.it.ContainerTitle == "" && false {
		return false
	}
	n := i + 1
	if n < len(p.segs) && p.segs[i].sep == ' ' && p.seriesMarkAt(n) {
		n++ // "Orientalia (NS), 22"
	}
	if n >= len(p.segs) {
		return false
	}
	nt := p.text(n)
	if p.endsWithVolume(i) && (p.pagesAfter(i) || p.parenIssueAt(n)) {
		// "Victorian Studies 42 (1999): 358-60", "Indian Phytopathology 4
		// (1): 1-4": a journal's volume, then the year or the issue
		return true
	}
	switch p.segs[n].kind {
	case paren:
		return false
	case plain:
		lnt := p.lowText(n)
		if volumeIssueOf(nt, lnt).any() && !strings.Contains(lnt, "vols") {
			return true
		}
		if allDigits(nt) && len(nt) <= 4 && yearIn(nt) == 0 {
			return true
		}
		if _, _, ok := volumeThenPages(lnt); ok && p.kind == Entry {
			return true // "Biological Cybernetics, 50 363-396"
		}
		if p.kind == Entry && p.titleFound() && isPageRange(nt) && (!isYearRange(nt) || p.endsWithVolume(i)) && (n+1 >= len(p.segs) || p.segs[n+1].kind == link) {
			// APA "Journal for the Study of X, 99–106."; "Proceedings of
			// the IRE 40, 1098-1101" (pages that could be years)
			return true
		}
	}
	return false
}

// endsWithVolume reports whether plain segment i ends with a bare number
// that no year could be, as a journal's name followed by its volume does
// ("Proceedings of the IRE 40").
func (p *parser) endsWithVolume(i int) bool {
	t := p.text(i)
	k := strings.LastIndexByte(t, ' ')
	return k > 0 && allDigits(t[k+1:]) && len(t)-k-1 <= 4 && !p.yearLike(t[k+1:])
}

// parenIssueAt reports whether segment n is an issue number in brackets
// followed by pages: "(1): 1-4".
func (p *parser) parenIssueAt(n int) bool {
	if n >= len(p.segs) || p.segs[n].kind != paren {
		return false
	}
	t := p.text(n)
	return allDigits(t) && len(t) <= 3 && p.pagesAfter(n)
}

// clearlyPublisher reports whether segment i names a publisher rather than
// a container.
func (p *parser) clearlyPublisher(i int) bool {
	t := p.text(i)
	if p.isPlaceSeg(i) {
		return true
	}
	if p.journalFollows(i) || p.cityAndDayAfter(i) {
		return false
	}
	return p.publisherWordSeg(i) && p.publisherContext(i) && !textscan.HasPrefixFold(t, "in ")
}

// cityAndDayAfter reports whether a bracketed city and a date to the day
// follow segment i: "Chicago Tribune (Chicago), June 19, 2015" is a
// newspaper's issue (or a conference's day), and no publisher dates a
// book so.
func (p *parser) cityAndDayAfter(i int) bool {
	n := i + 2
	if n >= len(p.segs) || p.segs[i+1].kind != paren || !placeLike(p.text(i+1)) || p.segs[n].kind != plain {
		return false
	}
	d, ok := p.segDate(n) // only read
	if !ok || len(d.DateParts) == 0 || len(d.DateParts[0]) < 3 {
		d = p.dateWithNext(n)
	}
	return d != nil && len(d.DateParts) > 0 && len(d.DateParts[0]) == 3
}

// titleFound reports whether the item's title was read.
func (p *parser) titleFound() bool { return p.it.Title != "" }
