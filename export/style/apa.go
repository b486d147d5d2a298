package style

import (
	"strings"
	"unicode"

	"github.com/ibid-project/ibid/bib"
)

// apa renders APA (7th edition) reference-list entries: Author, A. A.
// (Year). Title in sentence case. Source. DOI.
type apa struct{}

// apaName writes "Family, G. G." with the given names reduced to initials.
func apaName(n bib.Name) string {
	if n.Literal != "" || n.Family == "" {
		return formatName(n, givenFirst)
	}
	family := n.Family
	if n.NonDroppingParticle != "" {
		family = attachParticle(n.NonDroppingParticle, family)
	}
	s := family
	if in := initials(n.Given); in != "" {
		s += ", " + in
	}
	if n.Suffix != "" {
		s += ", " + n.Suffix
	}
	return s
}

// initials turns "Victor Lvovich" into "V. L." and "Jean-Paul" into "J.-P.".
func initials(given string) string {
	var out []string
	for _, word := range strings.Fields(normaliseInitials(given)) {
		var parts []string
		for _, piece := range strings.Split(word, "-") {
			for _, c := range piece {
				if unicode.IsLetter(c) {
					parts = append(parts, string(unicode.ToUpper(c))+".")
					break
				}
			}
		}
		if len(parts) > 0 {
			out = append(out, strings.Join(parts, "-"))
		}
	}
	return strings.Join(out, " ")
}

// apaNames lists up to 20 names with "&"; longer lists give the first 19,
// an ellipsis and the last.
func apaNames(names []bib.Name) string {
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = apaName(n)
	}
	switch {
	case len(parts) == 0:
		return ""
	case len(parts) == 1:
		return parts[0]
	case len(parts) == 2:
		return parts[0] + ", & " + parts[1]
	case len(parts) > 20:
		return strings.Join(parts[:19], ", ") + ", . . . " + parts[len(parts)-1]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + ", & " + parts[len(parts)-1]
}

func (apa) entry(it *bib.Item) Rich {
	var lead Rich
	switch {
	case len(it.Author) > 0:
		lead = plain(apaNames(it.Author))
	case len(it.Editor) > 0 && !isBookPart(it.Type):
		lead = plain(apaNames(it.Editor) + " (" + plural(len(it.Editor), "Ed.", "Eds.") + ")")
	}
	date := "(n.d.)"
	if d := formatDate(it.Issued, yearOnly); d != "" {
		date = "(" + d + ")"
		if isPeriodicalPart(it.Type) && it.Type != "article-journal" || wholeDated(it.Type) {
			if md := formatDate(it.Issued, monthDayOnly); md != "" {
				date = "(" + formatDate(&bib.Date{DateParts: it.Issued.DateParts[:1]}, yearOnly) + ", " + md + ")"
			}
		}
	}
	title := parseMarkup(it.Title)
	if !isPeriodicalPart(it.Type) && !isBookPart(it.Type) {
		title = italicize(title)
	}
	if ed := edition(it.Edition); ed != "" {
		title = cat(title, plain(" ("+ed+")"))
	}
	if lead == nil {
		lead, title = title, nil
	}
	var source Rich
	switch {
	case isBookPart(it.Type):
		in := plain("In ")
		if len(it.Editor) > 0 {
			in = plain("In " + apaEditors(it.Editor) + ", ")
		}
		source = cat(in, italicize(parseMarkup(it.ContainerTitle)), wrap(" (pp. ", plain(fullRange(it.Page)), ")"))
		source = join(". ", source, plain(it.Publisher))
	case isPeriodicalPart(it.Type):
		vol := italic(it.Volume)
		source = join(", ", italicize(parseMarkup(it.ContainerTitle)), cat(vol, wrap("(", plain(it.Issue), ")")), plain(fullRange(it.Page)))
	default:
		source = plain(it.Publisher)
	}
	body := join(". ", lead, plain(date), title, source)
	body = cat(body, plain("."))
	if l := link(it); l != "" {
		body = cat(body, plain(" "+l))
	}
	return body
}

func italic(s string) Rich { return ital(s) }

func apaEditors(names []bib.Name) string {
	parts := make([]string, len(names))
	for i, n := range names {
		if n.Literal != "" || n.Family == "" {
			parts[i] = formatName(n, givenFirst)
			continue
		}
		parts[i] = joinWords(initials(n.Given), formatName(bib.Name{Family: n.Family, NonDroppingParticle: n.NonDroppingParticle}, givenFirst))
	}
	list := strings.Join(parts, ", ")
	if len(parts) == 2 {
		list = parts[0] + " & " + parts[1]
	} else if len(parts) > 2 {
		list = strings.Join(parts[:len(parts)-1], ", ") + ", & " + parts[len(parts)-1]
	}
	return list + " (" + plural(len(names), "Ed.", "Eds.") + ")"
}

func (apa) sortKey(it *bib.Item) string {
	lead := apaNames(it.Author)
	if lead == "" {
		lead = apaNames(it.Editor)
	}
	if lead == "" {
		lead = stripMarkup(it.Title)
	}
	return sortText(lead) + "\x00" + yearKey(it) + "\x00" + sortText(stripMarkup(it.Title))
}

// fullRange writes a page range in full with an en dash (APA does not
// shorten the second number).
func fullRange(p string) string {
	return strings.ReplaceAll(strings.ReplaceAll(strings.TrimSpace(p), "--", "–"), "-", "–")
}
