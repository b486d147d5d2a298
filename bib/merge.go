package bib

import (
	"strings"
	"unicode"
)

// MergeItem merges src into dst keeping the most complete value of every
// field: a value where dst has none; for the same words, the spelling with
// accents and proper case; the full title over an abbreviated one; given
// names over initials; the longer list of creators when it extends the
// shorter; the date with more precision. Where the two disagree otherwise,
// dst wins: callers put the best-attested description first.
func MergeItem(dst *Item, src *Item) {
	if dst == nil || src == nil {
		return
	}
	dst.Type = betterType(dst.Type, src.Type)
	shortTitle := shorterTitle(dst.Title, src.Title)

	dst.Author = mergeNames(dst.Author, src.Author)
	dst.Editor = mergeNames(dst.Editor, src.Editor)
	dst.Translator = mergeNames(dst.Translator, src.Translator)
	dst.Recipient = mergeNames(dst.Recipient, src.Recipient)
	dst.Interviewer = mergeNames(dst.Interviewer, src.Interviewer)
	dst.ContainerAuthor = mergeNames(dst.ContainerAuthor, src.ContainerAuthor)

	for _, f := range [][2]*string{
		{&dst.Title, &src.Title}, {&dst.ContainerTitle, &src.ContainerTitle},
		{&dst.CollectionTitle, &src.CollectionTitle}, {&dst.OriginalTitle, &src.OriginalTitle},
		{&dst.Publisher, &src.Publisher}, {&dst.PublisherPlace, &src.PublisherPlace},
		{&dst.Event, &src.Event}, {&dst.EventPlace, &src.EventPlace},
		{&dst.Archive, &src.Archive}, {&dst.ArchiveLocation, &src.ArchiveLocation},
		{&dst.ArchivePlace, &src.ArchivePlace}, {&dst.Genre, &src.Genre}, {&dst.Medium, &src.Medium},
		{&dst.Page, &src.Page}, {&dst.Note, &src.Note},
	} {
		*f[0] = betterText(*f[0], *f[1])
	}
	for _, f := range [][2]*string{
		{&dst.TitleShort, &src.TitleShort}, {&dst.ContainerTitleShort, &src.ContainerTitleShort},
		{&dst.CollectionNumber, &src.CollectionNumber}, {&dst.Edition, &src.Edition},
		{&dst.Volume, &src.Volume}, {&dst.NumberOfVols, &src.NumberOfVols}, {&dst.Issue, &src.Issue},
		{&dst.Number, &src.Number}, {&dst.Section, &src.Section},
		{&dst.URL, &src.URL}, {&dst.DOI, &src.DOI}, {&dst.ISBN, &src.ISBN}, {&dst.ISSN, &src.ISSN},
		{&dst.Language, &src.Language},
	} {
		if *f[0] == "" {
			*f[0] = *f[1]
		}
	}
	dst.Issued = betterDate(dst.Issued, src.Issued)
	dst.OriginalDate = betterDate(dst.OriginalDate, src.OriginalDate)
	dst.Accessed = betterDate(dst.Accessed, src.Accessed)
	if dst.TitleShort == "" && shortTitle != "" && fold(shortTitle) != fold(dst.Title) && coversWords(dst.Title, shortTitle) {
		dst.TitleShort = shortTitle // the shortened form a document used
	}
	for k, v := range src.Custom {
		if dst.Custom == nil {
			dst.Custom = map[string]any{}
		}
		if _, ok := dst.Custom[k]; !ok {
			dst.Custom[k] = v
		}
	}
}

// shorterTitle returns the shorter of two titles when it is a shortened
// form of the longer one, else "".
func shorterTitle(a, b string) string {
	if a == "" || b == "" {
		return ""
	}
	if len(fold(a)) > len(fold(b)) {
		a, b = b, a
	}
	if titleSimilarity(a, b) >= titleLikely && coversWords(b, a) {
		return a
	}
	return ""
}

// genericTypes are the CSL types a reader falls back on when it cannot
// tell; any other type is more specific.
var genericTypes = map[string]int{"": 0, "document": 1, "article": 2}

func betterType(dst, src string) string {
	rd, genericD := genericTypes[dst]
	rs, genericS := genericTypes[src]
	switch {
	case genericD && !genericS:
		return src
	case genericD && genericS && rs > rd:
		return src
	}
	return dst
}

// betterText returns the more complete of two spellings of one text field:
// the other when one is empty; for the same folded words, the one with more
// accents, then the one in mixed case; when one is a prefix or abbreviation
// of the other, the longer. Otherwise dst.
func betterText(dst, src string) string {
	switch {
	case src == "":
		return dst
	case dst == "":
		return src
	}
	fd, fs := fold(dst), fold(src)
	if fd == fs {
		if nonASCII(src) > nonASCII(dst) {
			return src
		}
		if nonASCII(src) == nonASCII(dst) && caseQuality(src) > caseQuality(dst) {
			return src
		}
		return dst
	}
	if len(fs) > len(fd) && titleSimilarity(dst, src) >= 0.9 && coversWords(src, dst) {
		return src // dst is an abbreviation of src
	}
	return dst
}

// coversWords reports whether every word of short matches a word of long,
// in order (the abbreviation rule of titleSimilarity).
func coversWords(long, short string) bool {
	lw, sw := titleWords(long), titleWords(short)
	j := 0
	for _, w := range sw {
		for j < len(lw) && !wordsMatch(w, lw[j]) {
			j++
		}
		if j == len(lw) {
			return false
		}
		j++
	}
	return true
}

func nonASCII(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x80 && unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// caseQuality is 1 for mixed case, 0 for text all in one case (OCR'd small
// capitals, lower-cased keys).
func caseQuality(s string) int {
	if strings.ToUpper(s) != s && strings.ToLower(s) != s {
		return 1
	}
	return 0
}

// mergeNames merges two lists of creators: position by position where the
// names are one person's, and the longer list when the shorter one is its
// beginning (a list cut by "et al.").
func mergeNames(dst, src []Name) []Name {
	if len(src) == 0 {
		return dst
	}
	if len(dst) == 0 {
		return append([]Name(nil), src...)
	}
	n := min(len(dst), len(src))
	for i := 0; i < n; i++ {
		if namesMatch(dst[i], src[i]) != nameSame {
			return dst // different lists: keep dst as it is
		}
	}
	out := append([]Name(nil), dst...)
	for i := 0; i < n; i++ {
		out[i] = mergeName(out[i], src[i])
	}
	if len(src) > len(dst) {
		out = append(out, src[len(dst):]...)
	}
	return out
}

// mergeName merges two spellings of one person's name.
func mergeName(dst, src Name) Name {
	dst.Family = betterText(dst.Family, src.Family)
	dst.Literal = betterText(dst.Literal, src.Literal)
	dst.Given = betterGiven(dst.Given, src.Given)
	if dst.DroppingParticle == "" {
		dst.DroppingParticle = src.DroppingParticle
	}
	if dst.NonDroppingParticle == "" {
		dst.NonDroppingParticle = src.NonDroppingParticle
	}
	if dst.Suffix == "" {
		dst.Suffix = src.Suffix
	}
	return dst
}

// betterGiven prefers full given names to initials ("Victor" over "V."),
// more names to fewer ("Victor L." over "Victor"), then accents; it never
// trades names for fewer ones ("D.-D. Kim" stays, not "Diane-Dinh").
func betterGiven(dst, src string) string {
	if !givenCompatible(dst, src) {
		return dst
	}
	pd, ps := givenParts(dst), givenParts(src)
	if len(ps) < len(pd) {
		return dst // src would drop a name: "Diane-Dinh" for "D.-D. Kim"
	}
	if givenInfo(ps) > givenInfo(pd) {
		return src
	}
	if givenInfo(ps) == givenInfo(pd) {
		return betterText(dst, src)
	}
	return dst
}

// givenInfo measures how much of a given name is spelled out: letters, with
// each part counting at least one.
func givenInfo(parts []string) int {
	n := 0
	for _, p := range parts {
		n += len(p) + 1
	}
	return n
}

// betterDate returns the more precise of two dates of one event: the other
// when one is missing or has no year, else the one with more date parts or
// a range, when they agree on what both give. Otherwise dst.
func betterDate(dst, src *Date) *Date {
	switch {
	case src == nil:
		return dst
	case dst == nil || (dst.Year() == 0 && src.Year() != 0):
		return cloneDate(src)
	}
	if dst.Year() != src.Year() || !SameDate(dst, src) {
		return dst
	}
	if datePrecision(src) > datePrecision(dst) {
		return cloneDate(src)
	}
	return dst
}

func datePrecision(d *Date) int {
	n := 0
	for _, p := range d.DateParts {
		n += len(p)
	}
	return n
}

func cloneDate(d *Date) *Date {
	c := *d
	c.DateParts = nil
	for _, p := range d.DateParts {
		c.DateParts = append(c.DateParts, append([]int(nil), p...))
	}
	return &c
}
