package cite

import (
	"strings"

	"github.com/ibid-project/ibid/bib"
)

// newspaperWords and magazineWords mark periodical containers.
var (
	newspaperWords = setOf(`times post herald tribune gazette journal-constitution daily news newspaper
		chronicle guardian observer telegraph monde figaro libération humanité zeitung tageblatt
		tagesspiegel pravda izvestia país nación jarīda jarida`)
	magazineWords = setOf(`magazine weekly monthly review newsweek time nation harper's atlantic
		spectator economist listener esprit`)
	// journalWords name a journal: a segment holding one after a title is
	// the journal the article appeared in
	journalWords = setOf(`journal journals bulletin transactions quarterly annals revue zeitschrift
		rivista revista tijdschrift acta`)
)

// decideType sets the CSL type from what was found.
func (p *parser) decideType() {
	it := p.it
	switch {
	case p.genre == "thesis":
		it.Type = "thesis"
	case p.genre == "report":
		it.Type = "report"
	case p.genre == "interview" || len(it.Interviewer) > 0:
		it.Type = "interview"
	case p.genre == "letter" || len(it.Recipient) > 0:
		it.Type = "personal_communication"
	case p.genre == "newspaper":
		it.Type = "article-newspaper"
	case p.genre == "blog":
		it.Type = "post-weblog"
	case p.genre == "archive" && it.ContainerTitle == "" && it.Publisher == "":
		it.Type = "manuscript"
	case it.ContainerTitle != "":
		it.Type = p.containedType()
	case p.titleQuoted && it.URL != "" && it.Publisher == "":
		it.Type = "webpage"
	case p.titleQuoted && it.Publisher == "":
		it.Type = "article"
	case it.URL != "" && it.Publisher == "" && it.Issued == nil:
		it.Type = "webpage"
	default:
		it.Type = "book"
	}
	if !bib.Types[it.Type] {
		it.Type = "document"
	}
}

// containedType types a work printed inside a container.
func (p *parser) containedType() string {
	it := p.it
	if p.sawIn && (len(it.Editor) > 0 || it.Publisher != "" || it.PublisherPlace != "") {
		return "chapter"
	}
	if it.Volume == "" && it.Issue == "" {
		// the container is lowered only here: most have a volume or issue
		if lc := lower(it.ContainerTitle); opensProceedings(lc) || conferenceName(lc) {
			return "paper-conference"
		}
	}
	if it.Volume != "" || it.Issue != "" || (it.Page != "" && !p.sawIn) {
		return "article-journal"
	}
	day := it.Issued != nil && len(it.Issued.DateParts) > 0 && len(it.Issued.DateParts[0]) == 3
	month := it.Issued != nil && len(it.Issued.DateParts) > 0 && len(it.Issued.DateParts[0]) == 2
	kind := ""
	eachWord(it.ContainerTitle, func(w string) bool {
		if (day || month) && lookupLower(newspaperWords, w) {
			kind = "article-newspaper"
		} else if lookupLower(magazineWords, w) {
			kind = "article-magazine"
		} else if lookupLower(journalWords, w) {
			kind = "article-journal" // "Data Engineering Bulletin, September 1996"
		}
		return kind == ""
	})
	if kind != "" {
		return kind
	}
	switch {
	case day:
		return "article-newspaper"
	case month:
		return "article-magazine"
	case p.sawIn:
		return "chapter"
	}
	return "article-journal"
}

// collectRest gathers the segments no field took into Rest.
//
// The parts are counted and measured first, so that the rest is written in
// one allocation, and a lone plain part (the usual rest) in none.
func (p *parser) collectRest() {
	parts, size, only := 0, 0, -1
	for i, sg := range p.segs {
		if p.used[i] {
			continue
		}
		parts++
		size += sg.end - sg.start
		if sg.kind == paren || sg.kind == bracket {
			size += 2
		}
		only = i
	}
	switch {
	case parts == 0:
		return
	case parts == 1 && p.segs[only].kind != paren && p.segs[only].kind != bracket:
		p.ref.Rest = p.text(only)
		return
	}
	var b strings.Builder
	b.Grow(size + len(", ")*(parts-1))
	written := 0
	for i, sg := range p.segs {
		if p.used[i] {
			continue
		}
		if written > 0 {
			b.WriteString(", ")
		}
		written++
		switch sg.kind {
		case paren:
			b.WriteByte('(')
			b.WriteString(p.s[sg.start:sg.end])
			b.WriteByte(')')
		case bracket:
			b.WriteByte('[')
			b.WriteString(p.s[sg.start:sg.end])
			b.WriteByte(']')
		default:
			b.WriteString(p.s[sg.start:sg.end])
		}
	}
	p.ref.Rest = b.String()
}

// conferenceName reports whether lc, a lower-cased container title, names
// a meeting whose papers it prints: "Third International Conference on
// Logic Programming", "IEEE Symposium on 3D User Interfaces".
func conferenceName(lc string) bool {
	for _, w := range []string{"conference", "symposium", "workshop", "colloquium", "congress", "kongress", "colloque", "congrès", "tagung"} {
		if strings.Contains(lc, w) {
			return true
		}
	}
	return false
}
