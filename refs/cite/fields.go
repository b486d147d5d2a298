package cite

import (
	"strings"
	"unicode"

	"github.com/ibid-project/ibid/internal/textscan"
)

// isEdition returns the edition named by t ("2nd ed." → "2", "rev. ed." →
// "rev.", "2ᵉ éd." → "2", "3. Aufl." → "3"), "" when t is not an edition.
func isEdition(t string) string { return editionOf(t, lower(t)) }

// editionOf is isEdition(t) given lt, lower(t).
func editionOf(t, lt string) string {
	lt = strings.TrimSpace(lt) // lower(strings.TrimSpace(t)): lower keeps spaces and lengths
	if lt == "" {
		return ""
	}
	var head string
	found := false
	for _, suf := range editionSuffixesByLast[lt[len(lt)-1]] { // the others cannot end lt
		if strings.HasSuffix(lt, suf) {
			head = strings.TrimSpace(lt[:len(lt)-len(suf)])
			found = true
			break
		}
	}
	if !found {
		return ""
	}
	w, n := firstField(head)
	if n == 0 || n > 3 {
		return ""
	}
	if n == 1 && allDigits(w) && len(w) <= 2 && w != "0" {
		return w // "3 edition", "2 ed."
	}
	if isOrdinal(w) {
		n := strings.TrimRightFunc(w, func(r rune) bool { return !unicode.IsDigit(r) })
		if n != "" {
			return n
		}
		return ordinalNumber(strings.TrimRight(w, "."))
	}
	switch strings.TrimRight(w, ".") {
	case "rev", "revised", "new", "enl", "enlarged", "expanded", "nouvelle", "nouv", "neue", "updated", "abridged", "reprint", "paperback", "2nd", "critical", "english", "french", "american", "british", "first":
		return strings.TrimSpace(t[:len(head)])
	}
	return ""
}

// editionSuffixes end a statement of edition.
var editionSuffixes = []string{" edition", " ed.", " ed", " edn.", " edn", " éd.", " éd", " édition",
	" aufl.", " aufl", " auflage", " ed. rev.", " edición", " ed. revisada"}

// editionSuffixesByLast are editionSuffixes by last byte, in their order.
var editionSuffixesByLast = func() (by [256][]string) {
	for _, suf := range editionSuffixes {
		by[suf[len(suf)-1]] = append(by[suf[len(suf)-1]], suf)
	}
	return by
}()

// ordinalNumber turns a written ordinal into its number ("second" → "2").
func ordinalNumber(w string) string {
	for n, names := range []string{"first premiere première erste primera", "second seconde deuxième zweite segunda",
		"third troisième dritte tercera", "fourth quatrième vierte cuarta", "fifth cinquième fünfte quinta",
		"sixth sixième sechste sexta", "seventh septième siebte", "eighth huitième achte", "ninth neuvième neunte", "tenth dixième zehnte"} {
		for x := range strings.FieldsSeq(names) {
			if w == x {
				return string(rune('1' + n))
			}
		}
	}
	if w == "tenth" {
		return "10"
	}
	return w
}

// volIssue is what a volume/issue segment says.
type volIssue struct {
	volume, issue, vols string
	// pages of a compound "16(2):45-67" or "16(2) 45-67"
	pages string
}

func (v volIssue) any() bool { return v.volume != "" || v.issue != "" || v.vols != "" }

// volumeLabels and issueLabels introduce a volume or an issue.
var (
	volumeLabels = []string{"vol.", "vols.", "vol", "volume", "volumes", "bd.", "band", "t.", "tome", "tomo", "jg.", "jahrgang", "année", "anno"}
	issueLabels  = []string{"no.", "nos.", "no", "nᵒ", "nᵒˢ", "n°", "nº", "nr.", "nr", "number", "issue", "núm.", "num.", "heft", "h.", "fasc.", "cahier", "cahiers", "n.", "iss."}

	// the labels by their first byte, in their order: a label can open
	// lt only if it shares lt's first byte
	volumeLabelsByFirst = byFirstByte(volumeLabels)
	issueLabelsByFirst  = byFirstByte(issueLabels)
)

// byFirstByte lists words by their first byte, keeping their order.
func byFirstByte(words []string) (by [256][]string) {
	for _, w := range words {
		by[w[0]] = append(by[w[0]], w)
	}
	return by
}

// volumeIssue reads "Vol. 5", "vol. 16, no. 2" parts, "No. 33 [15]",
// "nᵒ 2", "3 vols.", "19.2" (MHRA volume.issue) and "16(2)".
func volumeIssue(t string) volIssue { return volumeIssueOf(t, lower(t)) }

// volumeIssueOf is volumeIssue(t) given lt, lower(t).
func volumeIssueOf(t, lt string) volIssue {
	var v volIssue
	lt = strings.TrimSpace(lt) // lower(strings.TrimSpace(t)): lower keeps spaces and lengths
	// "3 vols."
	if lt != "" && '0' <= lt[0] && lt[0] <= '9' { // lt is trimmed: its first field opens it
		if w0, w1, ok := twoFields(lt); ok && allDigits(w0) && (w1 == "vols." || w1 == "vols" || w1 == "vol." || w1 == "volumes" || w1 == "bde." || w1 == "tomes") {
			v.vols = w0
			return v
		}
	}
	if num, ok := afterLabel(t, lt, &volumeLabelsByFirst); ok {
		v.volume = num
		return v
	}
	if num, ok := afterLabel(t, lt, &issueLabelsByFirst); ok {
		v.issue = num
		return v
	}
	if lt == "" || lt[0] < '0' || lt[0] > '9' {
		return v // every reading below opens with the volume's digits
	}
	// "19.2" (MHRA) and "16(2)"
	if a, b, ok := strings.Cut(lt, "."); ok && allDigits(a) && allDigits(b) && len(a) <= 4 && len(b) <= 3 {
		v.volume, v.issue = a, b
		return v
	}
	if a, b, ok := strings.Cut(lt, "("); ok && allDigits(strings.TrimSpace(a)) && strings.HasSuffix(b, ")") {
		v.volume, v.issue = strings.TrimSpace(a), strings.TrimSuffix(b, ")")
		return v
	}
	return volumeIssuePages(lt)
}

// volumeIssuePages reads the compact volume, issue and pages of science
// styles: "3(1):59-70", "106:4894-4899", "3(1) 59-70", "20(2) 215"; a
// volume without an issue needs a range of pages.
func volumeIssuePages(lt string) volIssue {
	vi, pages, ok := strings.Cut(lt, ":")
	if !ok {
		k := strings.LastIndexByte(lt, ' ')
		if k < 0 || !strings.HasSuffix(lt[:k], ")") {
			return volIssue{} // "3 59-70" is too loose: a volume and pages need ":" or "(issue)"
		}
		vi, pages = lt[:k], lt[k+1:]
	}
	vi, pages = strings.TrimSpace(vi), strings.TrimSpace(pages)
	if !isPageRange(pages) && !(allDigits(pages) && len(pages) <= 5) {
		return volIssue{}
	}
	var v volIssue
	switch a, b, paren := strings.Cut(vi, "("); {
	case paren && allDigits(a) && len(a) <= 4 && strings.HasSuffix(b, ")") && volumeNumber(strings.TrimSuffix(b, ")")):
		v.volume, v.issue = a, strings.TrimSuffix(b, ")")
	case !paren && allDigits(vi) && len(vi) <= 4 && isPageRange(pages):
		v.volume = vi // "106:4894-4899"; "2:01" is a duration
	default:
		return volIssue{}
	}
	v.pages = pages
	return v
}

// volumeThenPages reads a journal's bare volume followed by the article's
// pages, separated by a space only: "50 363-396", "1 pp. 35-50". The
// parser reads it only in an entry right after a journal's name; on its
// own "3 59-70" is too loose for volumeIssue.
func volumeThenPages(lt string) (volume, pages string, ok bool) {
	vol, rest, found := strings.Cut(strings.TrimSpace(lt), " ")
	if !found || !allDigits(vol) || len(vol) > 4 {
		return "", "", false
	}
	rest = strings.TrimSpace(rest)
	if r, ok := strings.CutPrefix(rest, "pp. "); ok {
		rest = strings.TrimSpace(r)
	}
	if !isPageRange(rest) || isYearRange(rest) {
		return "", "", false
	}
	return vol, rest, true
}

// afterLabel returns the number after one of the labels opening lt,
// given by their first byte.
func afterLabel(t, lt string, byFirst *[256][]string) (string, bool) {
	if lt == "" {
		return "", false
	}
	for _, l := range byFirst[lt[0]] {
		if !strings.HasPrefix(lt, l) {
			continue
		}
		rest := strings.TrimSpace(t[len(l):])
		if rest == "" || (!strings.HasSuffix(l, ".") && !strings.HasPrefix(t[len(l):], " ") && !strings.HasPrefix(t[len(l):], "\u00a0") && !unicode.IsDigit(firstRune(rest))) {
			continue
		}
		rest = strings.TrimRight(rest, ".")
		if volumeNumber(rest) {
			return rest, true
		}
	}
	return "", false
}

// volumeNumber reports whether t is a volume or issue number: digits,
// roman numerals, ranges, "43 & 44", "33 [15]", "Supplement_1", "7.2".
func volumeNumber(t string) bool {
	if t == "" || len(t) > 24 {
		return false
	}
	var buf [12]string // t has 24 bytes at most: its fields fit, on the stack
	f := volumeFields(buf[:0], t)
	if len(f) == 0 {
		return false
	}
	for _, w := range f {
		if w == "and" {
			continue
		}
		if allDigits(w) || isRomanFold(w) {
			continue
		}
		if len(f) == 1 && len(w) < 20 && strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			continue // "Supplement_1", "3a"
		}
		return false
	}
	return true
}

// volumeFields appends to dst the fields of t between the separators of
// volume numbers, as strings.FieldsFunc splits them (rune by rune).
func volumeFields(dst []string, t string) []string {
	start := -1
	for i, r := range t {
		switch r {
		case ' ', '-', '–', '&', '/', '[', ']', ',', '.':
			if start >= 0 {
				dst = append(dst, t[start:i])
				start = -1
			}
		default:
			if start < 0 {
				start = i
			}
		}
	}
	if start >= 0 {
		dst = append(dst, t[start:])
	}
	return dst
}

// thesisGenre returns the genre when t describes a thesis ("PhD
// dissertation", "Ph.D. thesis", "thèse de doctorat"), "" otherwise.
func thesisGenre(t string) string { return thesisGenreOf(t, lower(t)) }

// thesisGenreOf is thesisGenre(t) given lt, lower(t).
func thesisGenreOf(t, lt string) string {
	// strings.Contains(lt, w) for any of the words, read in one pass
	for i := 0; i < len(lt); i++ {
		if !thesisWordFirst[lt[i]] {
			continue
		}
		for _, w := range thesisWordsByFirst[lt[i]] {
			if i+1 < len(lt) && lt[i+1] == w[1] && strings.HasPrefix(lt[i:], w) {
				if textscan.FieldCount(lt) > 6 {
					return "" // a genre is six words at most
				}
				return strings.TrimSpace(t)
			}
		}
	}
	return ""
}

// thesisWordsByFirst are the words that name a thesis, by first byte.
var thesisWordsByFirst = byFirstByte([]string{"dissertation", "thesis", "thèse", "these de", "diss.", "tesis", "tesi di", "doktorarbeit", "habilitationsschrift", "mémoire de"})

// thesisWordFirst marks the bytes that open a word of thesisWordsByFirst.
var thesisWordFirst = func() (first [256]bool) {
	for c, words := range thesisWordsByFirst {
		first[c] = len(words) > 0
	}
	return first
}()

// archiveMarks are words of archival descriptions.
var archiveMarks = []string{"box ", "folder ", "file ", "dossier ", "fonds ", "carton ", "reel ", "microfilm", "fond ", "opis", "delo ", "f. ", "op. ", "d. ", "ms. ", "mss. ", "series "}

var archiveMarksByFirst = byFirstByte(archiveMarks)

// isArchivePart reports whether t is a box/folder/file designation.
// The marks are ASCII, so t is compared without lower-casing it; lower
// keeps every digit where it is.
func isArchivePart(t string) bool {
	if t == "" {
		return false
	}
	c := t[0] // a mark opens t only if it shares t's first byte lowered
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	for _, m := range archiveMarksByFirst[c] {
		if textscan.HasPrefixFold(t, m) && strings.IndexFunc(t, unicode.IsDigit) > 0 {
			return true
		}
	}
	return false
}

// archiveNameWords mark the name of an archive or collection.
var archiveNameWords = setOf(`archive archives archiv archivo archivio papers collection collections
	library bibliothèque bibliotheque biblioteca bibliothek institution institute institut museum
	musée musee records manuscripts hoover houghton sterling bodleian`)

// isArchiveName reports whether t names an archive, a library or a
// collection of papers.
func isArchiveName(t string) bool {
	return anyWordIn(t, archiveNameWords, archiveNameGate)
}

var archiveNameGate = gateOf(archiveNameWords)
