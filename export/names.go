package export

import (
	"strings"

	"github.com/ibid-project/ibid/bib"
)

// bibNames writes a name list as BibTeX does: "Family, Given and Family,
// Given". Empty names are skipped.
func bibNames(names []bib.Name, ascii bool) string {
	var parts []string
	for _, n := range names {
		if s := bibName(n, ascii); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " and ")
}

// bibName writes one name as "von Family, Jr, Given": the non-dropping
// particle before the family name (BibTeX's von part), the dropping
// particle after the given names. Institutions and single names are braced
// whole so that BibTeX does not split them; a part holding a comma or the
// word "and" is braced too.
func bibName(n bib.Name, ascii bool) string {
	family := joinWords(n.NonDroppingParticle, n.Family)
	given := joinWords(n.Given, n.DroppingParticle)
	switch {
	case n.Literal != "" && strings.TrimSpace(n.Family) == "":
		return braced(escapeTeX(n.Literal, ascii))
	case family == "" && given == "":
		return ""
	case strings.TrimSpace(n.Family) == "":
		return braced(escapeTeX(given, ascii))
	}
	s := namePart(family, ascii)
	if suffix := cleanText(n.Suffix); suffix != "" {
		s += ", " + namePart(suffix, ascii)
	}
	if given != "" {
		s += ", " + namePart(given, ascii)
	} else if n.Suffix != "" {
		s += ", "
	}
	return s
}

// namePart escapes one part of a name, braced when BibTeX would split it.
func namePart(s string, ascii bool) string {
	e := escapeTeX(s, ascii)
	if strings.Contains(s, ",") || hasAnd(s) {
		return braced(e)
	}
	return e
}

// hasAnd reports whether s holds the word "and", which separates names.
func hasAnd(s string) bool {
	for _, w := range strings.Fields(s) {
		if strings.EqualFold(w, "and") {
			return true
		}
	}
	return false
}

func braced(s string) string {
	if s == "" {
		return ""
	}
	return "{" + s + "}"
}

// joinWords joins the non-empty, cleaned strings with spaces.
func joinWords(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = cleanText(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
}

// plainNames writes names for reading ("Leon Sedov and Natalia Sedova"),
// as a description of a letter's recipients or an interview's interviewers.
func plainNames(names []bib.Name) string {
	var parts []string
	for _, n := range names {
		s := n.Literal
		if s == "" {
			s = joinWords(n.Given, n.DroppingParticle, n.NonDroppingParticle, n.Family, n.Suffix)
		}
		if s = cleanText(s); s != "" {
			parts = append(parts, s)
		}
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}
