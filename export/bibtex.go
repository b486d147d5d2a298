package export

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/ibid-project/ibid/bib"
)

// Options tune the BibTeX writer.
type Options struct {
	// ASCII writes accented Latin letters as TeX accents ({\'e}, {\c c},
	// {\ss}) instead of UTF-8. Scripts TeX has no ASCII spelling for
	// (Greek, Cyrillic, Hebrew...) stay UTF-8.
	ASCII bool
}

// WriteBibTeX writes works as BibTeX entries sorted by key, each under its
// key from keys (see Keys; a nil map or a missing key gets a generated
// one). Field values are escaped for TeX and case-protected; the output is
// the same bytes for the same works, whatever their order.
func WriteBibTeX(w io.Writer, works []bib.Work, keys map[string]string, opt Options) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	for i, k := range orderWorks(works, keys) {
		if i > 0 {
			bw.WriteByte('\n')
		}
		writeEntry(bw, k.key, bibtexEntry(&k.work.Item, opt))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write bibtex: %w", err)
	}
	return nil
}

// entry is one BibTeX entry before it is written: its type and fields in
// order. Values are TeX already.
type entry struct {
	typ    string
	fields []field
}

// field is one BibTeX field; a bare value (a month macro) is written
// without braces.
type field struct {
	name, value string
	bare        bool
}

func (e *entry) add(name, value string) {
	if value != "" {
		e.fields = append(e.fields, field{name: name, value: value})
	}
}

func writeEntry(bw *bufio.Writer, key string, e entry) {
	bw.WriteString("@" + e.typ + "{" + key + ",")
	for i, f := range e.fields {
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n  " + f.name + " = ")
		if f.bare {
			bw.WriteString(f.value)
		} else {
			bw.WriteString("{" + f.value + "}")
		}
	}
	bw.WriteString("\n}\n")
}

// bibtexEntry maps one item to BibTeX fields, in a fixed order.
func bibtexEntry(it *bib.Item, opt Options) entry {
	a := opt.ASCII
	tex := func(s string) string { return escapeTeX(s, a) }
	lang := itemLanguage(it.Language, it.Title)
	english := isEnglish(lang)
	title := func(s string) string { return protectTitle(s, english, a) }

	e := entry{typ: bibtexType(it)}
	e.add("author", bibNames(it.Author, a))
	e.add("editor", bibNames(it.Editor, a))
	e.add("translator", bibNames(it.Translator, a))
	if e.typ == "inbook" || e.typ == "incollection" {
		e.add("bookauthor", bibNames(it.ContainerAuthor, a))
	}
	e.add("title", title(it.Title))
	if short := cleanText(it.TitleShort); short != "" && short != cleanText(it.Title) {
		e.add("shorttitle", title(short))
	}
	note := []string{}
	howpublished := ""
	switch e.typ {
	case "article":
		e.add("journal", tex(it.ContainerTitle))
	case "inbook", "incollection":
		e.add("booktitle", title(it.ContainerTitle))
	case "inproceedings":
		e.add("booktitle", title(firstOf(it.ContainerTitle, it.Event)))
	case "misc", "unpublished":
		howpublished = joinList(it.ContainerTitle, it.Event, it.EventPlace, it.Publisher, it.PublisherPlace, archiveText(it))
		note = append(note, description(it))
	}
	if e.typ != "misc" && e.typ != "unpublished" {
		e.add("edition", tex(it.Edition))
		e.add("volume", tex(arabicVolume(it.Volume)))
		switch e.typ {
		case "article":
			e.add("number", tex(it.Issue))
		case "techreport":
			e.add("number", tex(it.Number))
		default:
			e.add("number", tex(it.CollectionNumber))
		}
		if e.typ != "techreport" {
			e.add("series", tex(it.CollectionTitle))
		}
		e.add("pages", tex(pageRange(it.Page)))
		publisher := tex(it.Publisher)
		switch e.typ {
		case "phdthesis", "mastersthesis":
			e.add("school", publisher)
		case "techreport":
			e.add("institution", publisher)
		case "booklet":
			e.add("howpublished", publisher)
		case "article":
		default:
			e.add("publisher", publisher)
		}
		if e.typ != "article" { // biblatex's @article has no location
			e.add("address", tex(it.PublisherPlace))
		}
		note = append(note, archiveText(it))
	}
	year, month, day, literal := dateFields(it.Issued)
	e.add("year", year)
	if month != "" {
		e.fields = append(e.fields, field{name: "month", value: month, bare: true})
	}
	e.add("day", day)
	e.add("origdate", origDate(it.OriginalDate))
	e.add("howpublished", tex(howpublished))
	switch e.typ {
	case "phdthesis", "mastersthesis", "techreport":
		e.add("type", tex(it.Genre))
	}
	note = append(note, literal, it.Note)
	e.add("note", tex(joinSentences(note...)))
	e.add("url", verbatim(it.URL))
	e.add("doi", verbatim(it.DOI))
	if e.typ != "article" {
		e.add("isbn", tex(it.ISBN))
	}
	e.add("issn", tex(it.ISSN))
	if !english {
		e.add("language", tex(languageName(lang)))
	}
	return e
}

// firstOf returns the first non-blank string.
func firstOf(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// joinSentences joins the non-empty, cleaned strings with ". ".
func joinSentences(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimRight(cleanText(p), ". "); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, ". ")
}

// languageName is the biblatex (babel) name of a language tag: "fr" →
// "french"; other values are kept.
func languageName(lang string) string {
	tag := strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(tag, "-_"); i > 0 {
		tag = tag[:i]
	}
	if name, ok := languageNames[tag]; ok {
		return name
	}
	return lang
}

var dashes = regexp.MustCompile(`\s*[-‐‑‒–—―]+\s*`)

// pageRange writes page ranges with BibTeX's "--".
func pageRange(p string) string { return dashes.ReplaceAllString(cleanText(p), "--") }

var months = [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

var yearInText = regexp.MustCompile(`\b(1[0-9]{3}|20[0-9]{2})\b`)

// dateFields splits a CSL date into BibTeX's year, month macro and day. A
// range keeps its first date. A date known only as text gives its year
// when it has one, and the text itself to go in a note.
func dateFields(d *bib.Date) (year, month, day, literal string) {
	if d == nil {
		return "", "", "", ""
	}
	if len(d.DateParts) == 0 || len(d.DateParts[0]) == 0 || d.DateParts[0][0] <= 0 {
		lit := cleanText(d.Literal)
		if y := yearInText.FindString(lit); y != "" && y == lit {
			return y, "", "", ""
		} else if y != "" {
			return y, "", "", lit
		}
		return "", "", "", lit
	}
	parts := d.DateParts[0]
	year = strconv.Itoa(parts[0])
	if len(parts) > 1 && parts[1] >= 1 && parts[1] <= 12 {
		month = months[parts[1]-1]
		if len(parts) > 2 && parts[2] >= 1 && parts[2] <= 31 {
			day = strconv.Itoa(parts[2])
		}
	}
	return year, month, day, ""
}

// origDate writes a reprint's original date as biblatex's origdate, an
// ISO date ("1836", "1836-05"), or "" when there is no date to write.
func origDate(d *bib.Date) string {
	if d == nil || len(d.DateParts) != 1 || len(d.DateParts[0]) == 0 || d.DateParts[0][0] <= 0 || d.DateParts[0][0] > 9999 {
		return ""
	}
	parts := d.DateParts[0]
	s := fmt.Sprintf("%04d", parts[0])
	for k := 1; k < len(parts) && k < 3 && parts[k] > 0; k++ {
		s += fmt.Sprintf("-%02d", parts[k])
	}
	return s
}

// verbatim writes a URL or DOI, which readers take verbatim: characters
// that would break the field (braces, backslash, spaces, controls) or trip
// a parser (@) are percent-encoded.
func verbatim(s string) string {
	s = strings.TrimSpace(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '{' || r == '}' || r == '\\' || r == ' ' || r == '"' || r == '@' || r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "%%%02X", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// arabicVolume writes a volume numbered in roman numerals ("IX", "v") in
// arabic figures, as biblatex's integer volume field wants; any other
// volume is kept as written.
func arabicVolume(v string) string {
	n := romanValue(strings.TrimSpace(v))
	if n <= 0 {
		return v
	}
	return strconv.Itoa(n)
}

// romanValue returns the value of a roman numeral written in its usual
// (subtractive) form, or 0 when s is none.
func romanValue(s string) int {
	if s == "" || len(s) > 12 {
		return 0
	}
	value := map[byte]int{'i': 1, 'v': 5, 'x': 10, 'l': 50, 'c': 100, 'd': 500, 'm': 1000}
	low := strings.ToLower(s)
	total := 0
	for i := 0; i < len(low); i++ {
		v, ok := value[low[i]]
		if !ok {
			return 0
		}
		if i+1 < len(low) && value[low[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	if toRoman(total) != low {
		return 0 // "IIII", "VX", "IM": not a numeral as written
	}
	return total
}

// toRoman writes n (1-3999) in lower-case roman numerals.
func toRoman(n int) string {
	if n <= 0 || n >= 4000 {
		return ""
	}
	var b strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}
