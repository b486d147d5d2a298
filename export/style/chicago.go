package style

import (
	"slices"
	"strings"

	"github.com/ibid-project/ibid/bib"
)

// chicago renders Chicago (CMOS 18) bibliography entries, notes-bibliography
// or author-date. The two differ only in where the date goes: after the
// author in author-date, at the end of the publication facts otherwise.
type chicago struct{ authorDate bool }

// Chicago lists up to six names; seven or more become the first three and
// "et al.".
var chicagoBibNames = nameList{firstOrder: familyFirst, restOrder: givenFirst, and: "and",
	etAlMin: 7, etAlFirst: 3, etAl: ", et al.", serialCommaPair: true}

var chicagoRunningNames = nameList{firstOrder: givenFirst, restOrder: givenFirst, and: "and",
	etAlMin: 7, etAlFirst: 3, etAl: ", et al."}

// Item kinds as Chicago treats them.
func isPeriodicalPart(t string) bool {
	switch t {
	case "article-journal", "article-magazine", "article-newspaper", "article", "review", "review-book",
		"post-weblog", "paper-conference":
		return true
	}
	return false
}

func isBookPart(t string) bool {
	switch t {
	case "chapter", "entry", "entry-dictionary", "entry-encyclopedia":
		return true
	}
	return false
}

// titleIsQuoted says whether a title is set in quotes (parts, unpublished
// and short pieces) rather than italics (books and other whole works).
func titleIsQuoted(t string) bool {
	if isPeriodicalPart(t) || isBookPart(t) {
		return t != "review" && t != "review-book"
	}
	switch t {
	case "thesis", "manuscript", "speech", "webpage", "post", "document", "interview",
		"personal_communication", "broadcast", "song", "patent":
		return true
	}
	return false
}

func (c chicago) entry(it *bib.Item) Rich {
	english := isEnglish(it.Language)
	title := c.title(it, english)
	lead, usedContainer := c.lead(it)
	if lead == nil {
		lead, title = title, nil
	}
	blocks := []Rich{lead}
	if c.authorDate {
		blocks = append(blocks, plain(c.year(it)))
	}
	blocks = append(blocks, title)
	blocks = append(blocks, c.descriptions(it)...)
	blocks = append(blocks, c.source(it, english, usedContainer))
	blocks = append(blocks, c.publication(it))
	if it.OriginalTitle != "" {
		blocks = append(blocks, cat(plain("Originally published as "), italicize(titleCaseIf(parseMarkup(it.OriginalTitle), true))))
	}
	blocks = append(blocks, plain(link(it)))
	return cat(join(". ", blocks...), plain("."))
}

// lead is the first block: the authors, else the editors (with "ed."), else
// for an unsigned periodical piece or web page its container. usedContainer
// reports the last case, so the source block leaves the container out.
func (c chicago) lead(it *bib.Item) (r Rich, usedContainer bool) {
	if len(it.Author) > 0 {
		return plain(chicagoBibNames.format(it.Author)), false
	}
	if len(it.Editor) > 0 && !isBookPart(it.Type) {
		return plain(chicagoBibNames.format(it.Editor) + ", " + plural(len(it.Editor), "ed.", "eds.")), false
	}
	if len(it.Translator) > 0 && !isBookPart(it.Type) && len(it.Editor) == 0 {
		return plain(chicagoBibNames.format(it.Translator) + ", trans."), false
	}
	if it.ContainerTitle != "" {
		switch it.Type {
		case "article-magazine", "article-newspaper":
			return cat(italicize(parseMarkup(it.ContainerTitle)), wrap(" (", plain(place(it)), ")")), true
		case "webpage", "post":
			return parseMarkup(it.ContainerTitle), true
		}
	}
	return nil, false
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// year is the author-date date block: "1985", "(1836) 1985" for a reprint,
// "n.d." without a date.
func (c chicago) year(it *bib.Item) string {
	y := formatDate(it.Issued, yearOnly)
	if y == "" {
		return "n.d."
	}
	if orig := formatDate(it.OriginalDate, yearOnly); orig != "" && !isBookPart(it.Type) && !isPeriodicalPart(it.Type) {
		return "(" + orig + ") " + y
	}
	return y
}

func titleCaseIf(r Rich, english bool) Rich {
	if english {
		return titleCase(r)
	}
	return r
}

func (c chicago) title(it *bib.Item, english bool) Rich {
	t := titleCaseIf(parseMarkup(it.Title), english)
	if len(t) == 0 {
		return nil
	}
	switch {
	case it.Type == "review" || it.Type == "review-book":
		return cat(plain("Review of "), italicize(t))
	case titleIsQuoted(it.Type):
		return quoted(t)
	}
	return italicize(t)
}

// descriptions are the blocks between title and source for a whole work:
// editors and translators (when there are authors), edition, volumes,
// series.
func (c chicago) descriptions(it *bib.Item) []Rich {
	if isBookPart(it.Type) || isPeriodicalPart(it.Type) {
		return nil
	}
	var out []Rich
	editors := len(it.Author) > 0 && len(it.Editor) > 0
	translators := len(it.Translator) > 0 && (len(it.Author) > 0 || len(it.Editor) > 0)
	switch {
	case editors && translators && slices.Equal(it.Editor, it.Translator):
		out = append(out, plain("Edited and translated by "+chicagoRunningNames.format(it.Editor)))
	default:
		if editors {
			out = append(out, plain("Edited by "+chicagoRunningNames.format(it.Editor)))
		}
		if translators {
			out = append(out, plain("Translated by "+chicagoRunningNames.format(it.Translator)))
		}
	}
	out = append(out, plain(edition(it.Edition)))
	if it.Volume != "" {
		out = append(out, plain("Vol. "+it.Volume))
	} else if it.NumberOfVols != "" {
		out = append(out, plain(it.NumberOfVols+" vols"))
	}
	if it.Type == "report" || it.Type == "thesis" {
		out = append(out, plain(it.Number))
	}
	out = append(out, series(it))
	return out
}

// series is the collection title with its number: "Studies in History 12",
// or "Cambridge Ancient History, 1.2" when the number is not a plain
// integer.
func series(it *bib.Item) Rich {
	title := titleCaseIf(parseMarkup(it.CollectionTitle), isEnglish(it.Language))
	number := strings.TrimSpace(it.CollectionNumber)
	if number == "" || len(title) == 0 {
		return title
	}
	if _, ok := atoi(number); ok {
		return cat(title, plain(" "+number))
	}
	return cat(title, plain(", "+number))
}

// source is the container: "In Book, edited by …" for a part of a book,
// "Journal 12, no. 3 (1990): 45–67" for an article.
func (c chicago) source(it *bib.Item, english bool, usedContainer bool) Rich {
	container := italicize(titleCaseIf(parseMarkup(it.ContainerTitle), english))
	switch {
	case isBookPart(it.Type):
		var parts []Rich
		parts = append(parts, wrap("In ", container, ""))
		volume := plain("")
		if it.Volume != "" {
			volume = plain("vol. " + it.Volume)
		}
		if !c.authorDate {
			parts = append(parts, volume)
		}
		parts = append(parts, plain(edition(it.Edition)))
		if len(it.Editor) > 0 {
			parts = append(parts, plain("edited by "+chicagoRunningNames.format(it.Editor)))
		}
		if len(it.Translator) > 0 {
			parts = append(parts, plain("translated by "+chicagoRunningNames.format(it.Translator)))
		}
		if c.authorDate {
			parts = append(parts, volume) // author-date puts the volume last
		}
		return join(". ", join(", ", parts...), series(it))
	case it.Type == "article-journal" || it.Type == "article":
		return c.journal(it, container)
	case isPeriodicalPart(it.Type):
		var parts []Rich
		if !usedContainer {
			parts = append(parts, cat(container, wrap(" (", plain(eventOrPlace(it)), ")")))
		}
		parts = append(parts, plain(stripMarkup(it.CollectionTitle)))
		parts = append(parts, plain(c.periodicalDate(it)))
		if it.Type != "paper-conference" {
			parts = append(parts, plain(it.Number))
		}
		parts = append(parts, plain(pageOrSection(it)))
		return join(", ", parts...)
	case it.Type == "thesis":
		return nil
	}
	if !usedContainer && it.ContainerTitle != "" && !isWeb(it.Type) {
		return container
	}
	return nil
}

// journal writes "Journal 12, no. 3 (1990): 45–67" (notes) or "Journal 12
// (3): 45–67" (author-date); without a volume "Journal, no. 3 (1990)", and
// with neither volume nor issue "Journal, 1990, 45–67".
func (c chicago) journal(it *bib.Item, container Rich) Rich {
	head := cat(container, wrap(" (", plain(it.PublisherPlace), ")"))
	date := journalDate(it.Issued)
	pages := pageRange(it.Page)
	if c.authorDate {
		month := ""
		if date != formatDate(it.Issued, yearOnly) {
			month = formatDate(it.Issued, monthDayOnly)
		}
		var r Rich
		switch {
		case it.Volume != "" && it.Issue != "":
			r = join(" ", head, plain(it.Volume+" ("+it.Issue+")"))
		case it.Volume != "":
			r = join(" ", head, plain(it.Volume), wrap("(", plain(month), ")"))
		case it.Issue != "":
			r = join(" ", join(", ", head, plain("no. "+it.Issue)), wrap("(", plain(month), ")"))
		default:
			return join(", ", head, plain(pages))
		}
		return join(": ", r, plain(pages))
	}
	switch {
	case it.Volume != "":
		r := join(" ", head, plain(it.Volume))
		if it.Issue != "" {
			r = join(", ", r, plain("no. "+it.Issue))
		}
		r = join(" ", r, wrap("(", plain(date), ")"))
		return join(": ", r, plain(pages))
	case it.Issue != "":
		r := join(", ", head, plain("no. "+it.Issue))
		r = join(" ", r, wrap("(", plain(date), ")"))
		return join(": ", r, plain(pages))
	}
	return join(", ", head, plain(date), plain(pages))
}

// journalDate is the year of an issue, with its month or season when the
// date gives one but no day.
func journalDate(d *bib.Date) string {
	if d != nil && len(d.DateParts) > 0 && len(d.DateParts[0]) == 2 {
		return formatDate(d, fullDate)
	}
	if d != nil && d.Season > 0 && len(d.DateParts) > 0 && len(d.DateParts[0]) == 1 {
		return formatDate(d, fullDate)
	}
	return formatDate(d, yearOnly)
}

func (c chicago) periodicalDate(it *bib.Item) string {
	if c.authorDate {
		return formatDate(it.Issued, monthDayOnly)
	}
	return formatDate(it.Issued, fullDate)
}

func pageOrSection(it *bib.Item) string {
	if it.Section != "" {
		return it.Section
	}
	if it.Type == "paper-conference" || it.Type == "review" || it.Type == "review-book" {
		return pageRange(it.Page)
	}
	return ""
}

// publication is "Publisher, Year" (notes) or "Publisher" (author-date);
// for a thesis the genre and university, for a web page its site and date.
// The place is given only when there is no publisher (CMOS 18 drops it).
func (c chicago) publication(it *bib.Item) Rich {
	if isPeriodicalPart(it.Type) {
		return nil
	}
	var parts []string
	if it.Type == "thesis" {
		parts = append(parts, it.Genre)
	}
	if isWeb(it.Type) {
		if lead, usedContainer := c.lead(it); lead != nil && !usedContainer {
			parts = append(parts, stripMarkup(it.ContainerTitle))
		}
	}
	publisher := strings.TrimSpace(parseMarkup(it.Publisher).Text())
	if publisher == "" {
		publisher = place(it)
	}
	parts = append(parts, sentenceCapitalise(publisher))
	date := ""
	switch {
	case c.authorDate && (wholeDated(it.Type) || isDatedEntry(it.Type)):
		date = formatDate(it.Issued, monthDayOnly)
	case c.authorDate:
	case wholeDated(it.Type) || isDatedEntry(it.Type):
		date = formatDate(it.Issued, fullDate)
	default:
		date = formatDate(it.Issued, yearOnly)
		if date == "" && !isWeb(it.Type) {
			date = "n.d."
		}
	}
	parts = append(parts, date)
	out := plain(joinNonEmpty(", ", parts...))
	if orig := formatDate(it.OriginalDate, yearOnly); orig != "" && !c.authorDate && !isBookPart(it.Type) && len(out) > 0 {
		out = cat(plain(orig+"; "), out)
	}
	return out
}

// isDatedEntry types carry their full date although they are parts of books
// (an online encyclopedia entry is dated to the day).
func isDatedEntry(t string) bool {
	return t == "entry-encyclopedia" || t == "entry-dictionary" || t == "entry"
}

// wholeDated types carry their full date (day and month) in the entry.
func wholeDated(t string) bool {
	switch t {
	case "webpage", "post", "document", "speech", "interview", "personal_communication", "manuscript", "broadcast":
		return true
	}
	return false
}

func isWeb(t string) bool { return t == "webpage" || t == "post" || t == "post-weblog" }

func joinNonEmpty(delim string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, delim)
}

func place(it *bib.Item) string {
	if it.PublisherPlace != "" {
		return it.PublisherPlace
	}
	return it.EventPlace
}

func eventOrPlace(it *bib.Item) string {
	if it.EventPlace != "" {
		return it.EventPlace
	}
	return it.PublisherPlace
}

// edition writes "2nd ed." for a numeric edition, the text otherwise.
func edition(e string) string {
	e = strings.TrimSpace(e)
	if e == "" {
		return ""
	}
	if n, ok := atoi(e); ok {
		return ordinal(n) + " ed."
	}
	return e
}

func atoi(s string) (int, bool) {
	n := 0
	if s == "" || len(s) > 6 {
		return 0, false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return itoa(n) + suffix
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

// link is the DOI as a URL, else the URL.
func link(it *bib.Item) string {
	if doi := strings.TrimSpace(it.DOI); doi != "" {
		lower := strings.ToLower(doi)
		if strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "http://") {
			return doi
		}
		return "https://doi.org/" + strings.TrimPrefix(doi, "doi:")
	}
	return strings.TrimSpace(it.URL)
}

func (c chicago) sortKey(it *bib.Item) string {
	lead, _ := c.lead(it)
	key := sortText(lead.Text())
	if key == "" {
		key = sortText(stripMarkup(it.Title))
	}
	return key + "\x00" + sortText(yearKey(it)) + "\x00" + sortText(stripMarkup(it.Title))
}

func yearKey(it *bib.Item) string {
	y := it.YearOf()
	if y == 0 {
		return "9999"
	}
	return strings.Repeat("0", 4-min(4, len(itoa(abs(y))))) + itoa(abs(y))
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
