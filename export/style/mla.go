package style

import "github.com/ibid-project/ibid/bib"

// mla renders MLA (9th edition) works-cited entries: Author. Title.
// Container, Other contributors, Version, Number, Publisher, Date, Location.
type mla struct{}

var mlaNames = nameList{firstOrder: familyFirst, restOrder: givenFirst, and: "and",
	etAlMin: 3, etAlFirst: 1, etAl: ", et al.", serialCommaPair: true}

func (mla) entry(it *bib.Item) Rich {
	english := isEnglish(it.Language)
	var lead Rich
	switch {
	case len(it.Author) > 0:
		lead = plain(mlaNames.format(it.Author))
	case len(it.Editor) > 0 && !isBookPart(it.Type):
		lead = plain(mlaNames.format(it.Editor) + ", " + plural(len(it.Editor), "editor", "editors"))
	}
	t := titleCaseIf(parseMarkup(it.Title), english)
	var title Rich
	if titleIsQuoted(it.Type) {
		title = quoted(t)
	} else {
		title = italicize(t)
	}
	if lead == nil {
		lead, title = title, nil
	}
	var facts []Rich
	facts = append(facts, italicize(titleCaseIf(parseMarkup(it.ContainerTitle), english)))
	if len(it.Editor) > 0 && (len(it.Author) > 0 || isBookPart(it.Type)) {
		facts = append(facts, plain("edited by "+chicagoRunningNames.format(it.Editor)))
	}
	if len(it.Translator) > 0 {
		facts = append(facts, plain("translated by "+chicagoRunningNames.format(it.Translator)))
	}
	facts = append(facts, plain(edition(it.Edition)))
	if it.Volume != "" {
		facts = append(facts, plain("vol. "+it.Volume))
	}
	if it.Issue != "" {
		facts = append(facts, plain("no. "+it.Issue))
	}
	if !isPeriodicalPart(it.Type) {
		facts = append(facts, plain(it.Publisher))
	}
	if isPeriodicalPart(it.Type) || wholeDated(it.Type) {
		facts = append(facts, plain(formatDate(it.Issued, dayMonthYear)))
	} else {
		facts = append(facts, plain(formatDate(it.Issued, yearOnly)))
	}
	if it.Page != "" {
		facts = append(facts, plain(pagesLabel(it.Page)+pageRange(it.Page)))
	}
	l := link(it)
	if l != "" {
		l = trimScheme(l)
	}
	facts = append(facts, plain(l))
	body := join(", ", facts...)
	if len(body) > 0 {
		body[0].Text = sentenceCapitalise(body[0].Text)
	}
	return cat(join(". ", lead, title, body), plain("."))
}

func pagesLabel(p string) string {
	for _, c := range p {
		if c == '-' || c == '–' || c == ',' {
			return "pp. "
		}
	}
	return "p. "
}

func trimScheme(u string) string {
	for _, s := range []string{"https://", "http://"} {
		if len(u) > len(s) && u[:len(s)] == s {
			return u[len(s):]
		}
	}
	return u
}

func (mla) sortKey(it *bib.Item) string {
	lead := mlaNames.format(it.Author)
	if lead == "" {
		lead = mlaNames.format(it.Editor)
	}
	if lead == "" {
		lead = stripMarkup(it.Title)
	}
	return sortText(lead) + "\x00" + sortText(stripMarkup(it.Title)) + "\x00" + yearKey(it)
}
