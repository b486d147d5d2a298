package export

import (
	"strings"
	"unicode"

	"github.com/ibid-project/ibid/bib"
)

// bibtexType maps a CSL type to a BibTeX entry type as pandoc does.
func bibtexType(it *bib.Item) string {
	switch it.Type {
	case "article-journal", "article-magazine", "article-newspaper":
		return "article"
	case "article":
		if strings.TrimSpace(it.ContainerTitle) != "" {
			return "article"
		}
	case "book":
		return "book"
	case "chapter":
		if len(it.Editor) > 0 {
			return "incollection"
		}
		return "inbook"
	case "paper-conference":
		return "inproceedings"
	case "thesis":
		if mastersGenre(it.Genre) {
			return "mastersthesis"
		}
		return "phdthesis"
	case "manuscript", "speech":
		return "unpublished"
	case "pamphlet":
		return "booklet"
	case "report":
		return "techreport"
	}
	return "misc"
}

// mastersGenre reports whether a thesis genre names a master's degree
// ("MA thesis", "M.Phil. dissertation", "Master's thesis", "mathesis").
func mastersGenre(genre string) bool {
	g := strings.ToLower(strings.ReplaceAll(genre, ".", ""))
	if strings.Contains(g, "master") || strings.Contains(g, "mathesis") || strings.Contains(g, "maîtrise") {
		return true
	}
	for _, w := range strings.FieldsFunc(g, func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch w {
		case "ma", "mphil", "msc", "mlitt", "mres", "ms", "mst", "mba":
			return true
		}
	}
	return false
}

// description says in words what a letter or interview is, for the works
// whose CSL fields (recipient, interviewer) BibTeX has no place for:
// "Letter to Leon Sedov", "Interview by Jane Roe".
func description(it *bib.Item) string {
	genre := cleanText(it.Genre)
	switch {
	case len(it.Recipient) > 0:
		if genre == "" {
			genre = "Letter"
		}
		return genre + " to " + plainNames(it.Recipient)
	case len(it.Interviewer) > 0:
		if genre == "" {
			genre = "Interview"
		}
		return genre + " by " + plainNames(it.Interviewer)
	case genre != "":
		return genre
	case it.Type == "interview":
		return "Interview"
	case it.Type == "personal_communication":
		return "Personal communication"
	}
	return ""
}

// archiveText says where an archival item is kept: location within the
// archive, the archive, its place ("Box 3, Boris Nicolaevsky Collection,
// Hoover Institution").
func archiveText(it *bib.Item) string {
	return joinList(it.ArchiveLocation, it.Archive, it.ArchivePlace)
}

// joinList joins the non-empty, cleaned strings with commas, leaving out a
// string equal to the one before it.
func joinList(parts ...string) string {
	var out []string
	for _, p := range parts {
		p = strings.TrimRight(cleanText(p), ",;")
		if p == "" || len(out) > 0 && strings.EqualFold(out[len(out)-1], p) {
			continue
		}
		out = append(out, p)
	}
	return strings.Join(out, ", ")
}
