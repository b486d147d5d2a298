package bibtex

import (
	"strings"

	"github.com/ibid-project/ibid/bib"
)

// cslTypes maps BibTeX and biblatex entry types to CSL types, the reverse of
// pandoc's writer. Types not listed become "document".
var cslTypes = map[string]string{
	"article": "article-journal", "book": "book", "mvbook": "book", "booklet": "pamphlet",
	"inbook": "chapter", "incollection": "chapter", "bookinbook": "chapter", "suppbook": "chapter",
	"collection": "book", "mvcollection": "book", "proceedings": "book", "mvproceedings": "book",
	"inproceedings": "paper-conference", "conference": "paper-conference",
	"phdthesis": "thesis", "mastersthesis": "thesis", "thesis": "thesis",
	"techreport": "report", "report": "report", "unpublished": "manuscript",
	"manual": "report", "online": "webpage", "www": "webpage", "electronic": "webpage",
	"letter": "personal_communication", "misc": "document", "patent": "patent",
	"periodical": "periodical", "reference": "book", "inreference": "entry-encyclopedia",
	"dataset": "dataset", "software": "software", "standard": "standard", "video": "motion_picture",
	"movie": "motion_picture", "music": "song", "audio": "song", "image": "graphic",
	"artwork": "graphic", "legislation": "legislation", "jurisdiction": "legal_case",
	"review": "review", "suppperiodical": "article-journal", "suppcollection": "chapter",
}

// thesisGenres is the genre an entry type implies when no type field says.
var thesisGenres = map[string]string{"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis"}

// Items converts entries to CSL items: the entry key becomes the id, types
// are mapped as pandoc reads them, names are split by BibTeX's rules, dates
// come from date or year/month/day, and pages keep their en dash.
func Items(entries []Entry) []bib.Item {
	items := make([]bib.Item, 0, len(entries))
	for _, e := range entries {
		items = append(items, item(e))
	}
	return items
}

func item(e Entry) bib.Item {
	typ := strings.ToLower(e.Type)
	it := bib.Item{ID: e.Key, Type: cslTypes[typ]}
	if it.Type == "" {
		it.Type = "document"
	}
	f := func(name string) string { return e.field(name) }
	first := func(names ...string) string {
		for _, n := range names {
			if v := f(n); v != "" {
				return v
			}
		}
		return ""
	}

	it.Author = Names(e.rawField("author"))
	it.Editor = Names(e.rawField("editor"))
	it.Translator = Names(e.rawField("translator"))
	it.ContainerAuthor = Names(e.rawField("bookauthor"))
	it.Recipient = Names(e.rawField("recipient"))

	it.Title = f("title")
	it.TitleShort = f("shorttitle")
	it.OriginalTitle = f("origtitle")
	switch it.Type {
	case "chapter", "paper-conference", "entry-encyclopedia":
		it.ContainerTitle = first("booktitle", "maintitle")
		if it.ContainerTitle == "" && typ == "inbook" {
			// BibTeX's @inbook names the book in title and the part in chapter.
			it.Type = "book"
		}
	default:
		it.ContainerTitle = first("journal", "journaltitle")
	}
	it.ContainerTitleShort = first("shortjournal", "journalabbrev")
	it.CollectionTitle = f("series")
	it.Event = first("eventtitle", "event")
	it.EventPlace = f("venue")

	it.Publisher = first("publisher", "school", "institution", "organization")
	if it.Publisher == "" && typ == "misc" {
		it.Publisher = f("howpublished")
	}
	it.PublisherPlace = first("address", "location")
	it.Edition = f("edition")
	it.Volume = f("volume")
	it.NumberOfVols = f("volumes")
	it.Issue = f("issue")
	if number := f("number"); number != "" {
		switch {
		case it.Type == "article-journal" && it.Issue == "":
			it.Issue = number
		case it.CollectionTitle != "" && it.Type != "report":
			it.CollectionNumber = number
		default:
			it.Number = number
		}
	}
	it.Page = pages(f("pages"))
	it.Genre = first("type")
	if it.Genre == "" {
		it.Genre = thesisGenres[typ]
	}
	it.Archive = f("archive")
	it.Language = first("langid", "language")
	it.Note = f("note")

	it.Issued = issued(f("date"), f("year"), f("month"), f("day"))
	it.OriginalDate = issued(f("origdate"), f("origyear"), "", "")
	it.Accessed = issued(f("urldate"), "", "", "")

	it.URL = f("url")
	it.DOI = f("doi")
	it.ISBN = f("isbn")
	it.ISSN = f("issn")
	return it
}

// field returns the clean value of a field.
func (e Entry) field(name string) string { return strings.TrimSpace(e.Fields[name]) }

// rawField returns the TeX of a field, falling back to its clean value for
// entries not made by Parse.
func (e Entry) rawField(name string) string {
	if raw, ok := e.raw[name]; ok {
		return raw
	}
	return e.Fields[name]
}

// pages writes page ranges with an en dash, whatever dashes the file used.
func pages(s string) string {
	s = strings.ReplaceAll(s, "—", "–")
	for strings.Contains(s, "––") {
		s = strings.ReplaceAll(s, "––", "–")
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(s, " – ", "–")), " ")
}
