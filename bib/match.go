package bib

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Verdict is what Compare decides about two descriptions: Same when they
// describe one work (merge them), Related when they are distinct
// manifestations of one work (another edition, volume or translation: keep
// both), neither when they are different works. Score is the weighted
// similarity in [0,1] behind the decision; Reason says in a few words what
// decided it.
type Verdict struct {
	Score   float64
	Same    bool
	Related bool
	Reason  string
}

// Thresholds of the title similarity (see titleSimilarity).
const (
	titleSame    = 0.85 // titles that are the same title, give or take noise
	titleLikely  = 0.75 // a shortened or lightly garbled title: needs a matching creator
	titleSimilar = 0.55 // a cognate title (a translation): at most related
)

// BlockKeys returns the blocking keys of it: candidate search looks these up
// in an index, never all pairs. Two descriptions of one work share at least
// one key whenever Compare could call them the same: the identifiers (DOI,
// ISBN), the first creator's family name (an author's works are few enough
// to compare them all, whatever the noise in title and year), the same with
// the year in two overlapping two-year buckets (years one apart always share
// one; it narrows the prolific authors), and the first two significant title
// words (for a garbled or missing name).
func BlockKeys(it *Item) []string {
	var keys []string
	add := func(k string) {
		for _, have := range keys {
			if have == k {
				return
			}
		}
		keys = append(keys, k)
	}
	if doi := normDOI(it.DOI); doi != "" {
		add("doi:" + doi)
	}
	for _, isbn := range normISBNs(it.ISBN) {
		add("isbn:" + isbn)
	}
	title := significantWords(it.Title)
	if len(title) == 0 {
		title = significantWords(it.TitleShort)
	}
	if fam := familyKey(firstCreator(it)); fam != "" {
		add("a:" + fam)
		if y := it.YearOf(); y != 0 {
			add("ay:" + fam + ":" + strconv.Itoa(floorDiv(y, 2)))
			add("ay:" + fam + ":" + strconv.Itoa(floorDiv(y+1, 2)))
		}
	}
	switch {
	case len(title) >= 2:
		add("tt:" + title[0] + " " + title[1])
	case len(title) == 1:
		add("tt:" + title[0])
	}
	if len(title) == 0 && len(keys) == 0 {
		if c := significantWords(it.ContainerTitle); len(c) > 0 {
			add("ct:" + strings.Join(c[:min(2, len(c))], " "))
		}
	}
	return keys
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// Compare decides whether a and b describe the same work. It is symmetric.
// Identifiers decide first (one DOI or ISBN: same; two different ones:
// another version). Otherwise the title (token set, abbreviated prefix and
// character bigrams, tolerant of OCR noise), the creators (family names
// within one edit, initials against given names) and the year (within one)
// must agree, and nothing may tell the two apart: another container, issue,
// date, volume or pages make a different article; another edition, volume,
// translator, language or a year further than one apart make a related work.
func Compare(a, b *Item) Verdict {
	ts := bestTitleSimilarity(a, b)
	cr := compareCreators(a, b)
	yr := compareYears(a, b)
	score := 0.5*ts + 0.3*cr.score + 0.2*yr.score
	v := Verdict{Score: round3(score)}

	// A chapter often carries its book's DOI or ISBN: an identifier shared
	// by two clearly different titles names the whole they belong to, and
	// decides nothing.
	partsOfOne := titleOf(a) != "" && titleOf(b) != "" && ts < titleSimilar
	if da, db := normDOI(a.DOI), normDOI(b.DOI); da != "" && db != "" && !(da == db && partsOfOne) {
		if da == db {
			return Verdict{Score: 1, Same: true, Reason: "same DOI"}
		}
		v.Reason = "different DOIs"
		v.Related = ts >= titleSame && cr.match
		return v
	}
	if sharedISBN(a.ISBN, b.ISBN) && !partsOfOne {
		return Verdict{Score: 1, Same: true, Reason: "same ISBN"}
	}

	if translationOf(a, b) || translationOf(b, a) {
		v.Related = cr.match || !cr.known
		v.Reason = "original and translation"
		if !v.Related {
			v.Reason = "original title matches but creators differ"
		}
		return v
	}

	if cr.conflict {
		v.Reason = "different creators: " + cr.reason
		return v
	}
	// How much title agreement is needed depends on the creators.
	need := titleSame
	switch {
	case cr.match:
		need = titleLikely
	case !cr.known && (len(creators(a)) > 0 || len(creators(b)) > 0):
		need = 0.95 // one side has no creator at all: the title must carry it
	}
	if ts < need {
		if cr.match && ts >= titleSimilar && manifestationDiffers(a, b, ts) != "" {
			v.Related = true
			v.Reason = fmt.Sprintf("similar title (%.2f) by the same creator, %s", ts, manifestationDiffers(a, b, ts))
			return v
		}
		v.Reason = fmt.Sprintf("different titles (%.2f)", ts)
		return v
	}
	if why := articleDiffers(a, b); why != "" {
		v.Reason = "different articles: " + why
		return v
	}
	if why := manifestationDiffers(a, b, ts); why != "" {
		v.Related = true
		v.Reason = why
		return v
	}
	if yr.far {
		if isArticle(a) || isArticle(b) {
			v.Reason = "same title, years " + yr.reason
			return v
		}
		v.Related = true
		v.Reason = "same title and creator, years " + yr.reason + ": another edition"
		return v
	}
	v.Same = true
	v.Reason = fmt.Sprintf("title %.2f, %s, %s", ts, cr.reason, yr.reason)
	return v
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

// bestTitleSimilarity compares the titles, falling back to the short titles
// when the full one is missing on a side, and for untitled items (letters,
// interviews) to the container and full date.
func bestTitleSimilarity(a, b *Item) float64 {
	ta, tb := titleOf(a), titleOf(b)
	if ta == "" && tb == "" {
		return untitledSimilarity(a, b)
	}
	if ta == "" || tb == "" {
		return 0
	}
	best := titleSimilarity(ta, tb)
	// A title that is the other's known short title is the same title;
	// short titles are not compared more loosely than that, or "Memoirs"
	// would stand for every title beginning with it.
	for _, pair := range [][2]string{{a.TitleShort, tb}, {ta, b.TitleShort}} {
		if pair[0] != "" && fold(pair[0]) == fold(pair[1]) {
			best = max(best, 0.9)
		}
	}
	return best
}

func titleOf(it *Item) string {
	if it.Title != "" {
		return it.Title
	}
	return it.TitleShort
}

// untitledSimilarity scores two items without titles by what identifies
// them instead: container and exact date.
func untitledSimilarity(a, b *Item) float64 {
	ca, cb := a.ContainerTitle+" "+a.Archive, b.ContainerTitle+" "+b.Archive
	score := 0.5
	if fold(ca) != "" && fold(cb) != "" {
		if titleSimilarity(ca, cb) < titleSame {
			return 0.2
		}
		score += 0.2
	}
	if a.Issued != nil && b.Issued != nil {
		if !SameDate(a.Issued, b.Issued) {
			return 0.2
		}
		score += 0.3
	}
	return score
}

// SameDate reports whether two dates may be one: every part both give
// agrees ("March 1989" and "March 10, 1989"); dates without parts compare
// by their literal text, and a missing date matches only a missing one.
func SameDate(a, b *Date) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if len(a.DateParts) == 0 || len(b.DateParts) == 0 {
		return fold(a.Literal) == fold(b.Literal)
	}
	pa, pb := a.DateParts[0], b.DateParts[0]
	for i := 0; i < len(pa) && i < len(pb); i++ {
		if pa[i] != pb[i] {
			return false
		}
	}
	return true
}

// translationOf reports whether a names b's title as its original title.
func translationOf(a, b *Item) bool {
	if a.OriginalTitle == "" || titleOf(b) == "" {
		return false
	}
	return titleSimilarity(a.OriginalTitle, titleOf(b)) >= titleSame && titleSimilarity(titleOf(a), titleOf(b)) < titleSame
}

// isArticle reports whether it is a part of a serial: an article of some
// kind, or any item with a container other than a book.
func isArticle(it *Item) bool {
	return strings.HasPrefix(it.Type, "article") || it.Type == "review" || it.Type == "review-book" || it.Type == "post-weblog"
}

// articleDiffers says why two items with the same title are different
// pieces: another container, another issue or date, pages that do not
// overlap. It returns "" when nothing tells them apart.
func articleDiffers(a, b *Item) string {
	if a.ContainerTitle != "" && b.ContainerTitle != "" && containerSimilarity(a.ContainerTitle, b.ContainerTitle) < titleLikely {
		return fmt.Sprintf("in %q and %q", a.ContainerTitle, b.ContainerTitle)
	}
	serial := isArticle(a) || isArticle(b) || (a.ContainerTitle != "" && b.ContainerTitle != "")
	if !serial {
		return ""
	}
	if differ(a.Volume, b.Volume) && !volumeMisread(a, b) && !volumeMisread(b, a) {
		return "volumes " + a.Volume + " and " + b.Volume
	}
	if differ(a.Issue, b.Issue) {
		return "issues " + a.Issue + " and " + b.Issue
	}
	if isPageRange(a.Page) && isPageRange(b.Page) && !pagesOverlap(a.Page, b.Page) {
		return "pages " + a.Page + " and " + b.Page
	}
	if a.Issued != nil && b.Issued != nil && !SameDate(a.Issued, b.Issued) && a.YearOf() == b.YearOf() {
		return "different dates"
	}
	if y1, y2 := a.YearOf(), b.YearOf(); y1 != 0 && y2 != 0 && y1 != y2 && a.ContainerTitle != "" && b.ContainerTitle != "" {
		return fmt.Sprintf("years %d and %d", y1, y2)
	}
	return ""
}

// manifestationDiffers says why two descriptions of one work are distinct
// manifestations: another edition, volume, translation or language, or two
// different ISBNs. ts is the similarity of their titles. It returns "" when
// nothing tells them apart.
func manifestationDiffers(a, b *Item, ts float64) string {
	if ea, eb := normEdition(a.Edition), normEdition(b.Edition); ea != "" && eb != "" && ea != eb {
		return "editions " + a.Edition + " and " + b.Edition
	}
	if !isArticle(a) && !isArticle(b) && differ(a.Volume, b.Volume) {
		return "volumes " + a.Volume + " and " + b.Volume
	}
	if len(a.Translator) > 0 && len(b.Translator) > 0 && !familiesMatch(familyKey(a.Translator[0]), familyKey(b.Translator[0])) {
		return "different translators"
	}
	if la, lb := langCode(a.Language), langCode(b.Language); la != "" && lb != "" && la != lb {
		return "languages " + la + " and " + lb
	}
	if (len(a.Translator) > 0) != (len(b.Translator) > 0) && ts < titleSame {
		return "a translation"
	}
	if ia, ib := normISBNs(a.ISBN), normISBNs(b.ISBN); len(ia) > 0 && len(ib) > 0 {
		return "different ISBNs"
	}
	if ya, yb := a.YearOf(), b.YearOf(); ya != 0 && yb != 0 && abs(ya-yb) > 1 && ts < titleSame {
		return fmt.Sprintf("years %d and %d", ya, yb)
	}
	return ""
}

func langCode(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i > 0 {
		s = s[:i]
	}
	return s
}

// differ reports whether two numbers-as-written are both present and differ
// once folded ("IV" and "iv" agree). When both begin with a number, only
// that number counts: "1, Digital History" (an issue with its theme) is
// issue 1.
func differ(a, b string) bool {
	fa, fb := fold(a), fold(b)
	if na, nb := leadingNumber(fa), leadingNumber(fb); na != "" && nb != "" {
		return na != nb
	}
	return fa != "" && fb != "" && fa != fb
}

// leadingNumber returns the digits s begins with, without leading zeros.
func leadingNumber(s string) string {
	end := 0
	for end < len(s) && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	n := strings.TrimLeft(s[:end], "0")
	if end > 0 && n == "" {
		return "0"
	}
	return n
}

// volumeMisread reports whether a's volume is a number b gives as its
// issue or its number of volumes: "vol. 1, no. 12" read as volume 12, "4
// vols." read as volume 4. Such a volume is no evidence of another piece.
func volumeMisread(a, b *Item) bool {
	return !differ(a.Volume, b.Issue) && b.Issue != "" || !differ(a.Volume, b.NumberOfVols) && b.NumberOfVols != ""
}

// isPageRange reports whether s is a page range ("145-174"), not a single
// page: a single page is often the page cited rather than the extent of
// the piece, so it cannot tell two pieces apart.
func isPageRange(s string) bool {
	first, last, ok := PageRange(s)
	return ok && first != last
}

// pagesOverlap reports whether two page ranges can describe one piece; it
// is true when either cannot be read.
func pagesOverlap(a, b string) bool {
	a1, a2, okA := PageRange(a)
	b1, b2, okB := PageRange(b)
	if !okA || !okB {
		return true
	}
	return a1 <= b2 && b1 <= a2
}

// PageRange reads the first and last page of a page value or locator
// holding one number or one range ("619-642", "619–42", "p. 71", "pp.
// 153-61"); ok is false for anything else.
func PageRange(s string) (first, last int, ok bool) {
	var nums []int
	for f := range strings.FieldsFuncSeq(s, func(r rune) bool { return r < '0' || r > '9' }) {
		n, err := strconv.Atoi(f)
		if err != nil || n <= 0 {
			return 0, 0, false
		}
		nums = append(nums, n)
	}
	switch len(nums) {
	case 1:
		return nums[0], nums[0], true
	case 2:
		first, last = nums[0], nums[1]
		if last < first { // 123-9 means 123-129
			last = expandAbbreviatedPage(first, last)
		}
		if last < first {
			return 0, 0, false
		}
		return first, last, true
	}
	return 0, 0, false
}

func expandAbbreviatedPage(first, last int) int {
	s, e := strconv.Itoa(first), strconv.Itoa(last)
	if len(e) >= len(s) {
		return last
	}
	n, _ := strconv.Atoi(s[:len(s)-len(e)] + e)
	return n
}

// normEdition folds an edition statement to its number when it has one
// ("2nd ed." and "second edition" → "2").
func normEdition(s string) string {
	ordinals := map[string]string{"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5",
		"sixth": "6", "seventh": "7", "eighth": "8", "ninth": "9", "tenth": "10",
		"premiere": "1", "deuxieme": "2", "seconde": "2", "troisieme": "3"}
	for _, w := range words(s) {
		if n, ok := ordinals[w]; ok {
			return n
		}
		digits := strings.TrimRight(w, "abcdefghijklmnopqrstuvwxyz")
		if digits != "" && strings.Trim(digits, "0123456789") == "" {
			return digits
		}
	}
	return fold(s)
}

// containerSimilarity compares two container titles, where journal
// abbreviations ("J. Mod. Hist.") are common.
func containerSimilarity(a, b string) float64 {
	if isAcronymOf(a, b) || isAcronymOf(b, a) {
		return 0.9
	}
	return titleSimilarity(a, b)
}

// isAcronymOf reports whether short, one word written without full stops
// ("JSOT", "MdB", "Or"), abbreviates long: its letters are, in order,
// beginnings of long's words ("Journal for the Study of the Old
// Testament", "Le Monde de la Bible", "Orientalia"), every significant
// word of long giving at least its first letter.
func isAcronymOf(short, long string) bool {
	if strings.ContainsAny(strings.TrimSpace(short), " .") {
		return false
	}
	acr, ws := fold(short), words(long)
	if len(acr) < 2 || len(acr) > 8 || len(ws) == 0 || acr == strings.Join(ws, "") {
		return false
	}
	return acronymMatch(acr, ws)
}

// acronymMatch reports whether acr is spelt by beginnings of ws in order:
// each word gives a non-empty prefix, and only stopwords may give none.
func acronymMatch(acr string, ws []string) bool {
	if len(ws) == 0 {
		return acr == ""
	}
	w := ws[0]
	if isStopword(w) && acronymMatch(acr, ws[1:]) {
		return true
	}
	for n := min(len(w), len(acr)); n >= 1; n-- {
		if w[:n] == acr[:n] && acronymMatch(acr[n:], ws[1:]) {
			return true
		}
	}
	return false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// titleSimilarity scores two titles in [0,1]: 1 when they fold to the same
// words; otherwise the best of the token-set overlap (words match when equal,
// one OCR edit apart or an abbreviation of the other), the abbreviated-title
// rule (the shorter title's significant words begin the longer's: 0.9) and
// the Dice coefficient of character bigrams (garbled or split words).
func titleSimilarity(a, b string) float64 {
	fa, fb := fold(a), fold(b)
	if fa == "" || fb == "" {
		return 0
	}
	if fa == fb {
		return 1
	}
	wa, wb := titleWords(a), titleWords(b)
	best := bigramDice(strings.ReplaceAll(fa, " ", ""), strings.ReplaceAll(fb, " ", ""))
	if len(wa) == 0 || len(wb) == 0 {
		return best
	}
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	matched := 0
	used := make([]bool, len(wb))
	prefix := true
	for i, w := range wa {
		found := -1
		for j, v := range wb {
			if !used[j] && wordsMatch(w, v) {
				found = j
				break
			}
		}
		if found < 0 {
			prefix = false
			continue
		}
		used[found] = true
		matched++
		if found != i {
			prefix = false
		}
	}
	if matched == 0 {
		return best
	}
	jaccard := float64(matched) / float64(len(wa)+len(wb)-matched)
	best = max(best, jaccard)
	if matched == len(wa) {
		switch {
		case prefix:
			best = max(best, 0.9) // abbreviated title: "Memoirs" for "Memoirs of a Revolutionary"
		case len(wa) >= 2:
			best = max(best, 0.8) // a shortened title that skips words: "Comrade Tulayev"
		}
	}
	return best
}

// titleWord is a significant word of a title; abbrev marks a word written
// with a full stop ("Hist." in "Hist. of the Rev."), which may stand for any
// longer word it begins.
type titleWord struct {
	word   string
	abbrev bool
}

// titleWords returns the significant words of a title (all its words when
// it has only function words), noting abbreviations.
func titleWords(title string) []titleWord {
	var out, all []titleWord
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		abbrev := end < len(title) && title[end] == '.'
		for _, w := range words(title[start:end]) {
			tw := titleWord{word: w, abbrev: abbrev}
			all = append(all, tw)
			if len(w) > 1 && !isStopword(w) {
				out = append(out, tw)
			}
		}
		start = -1
	}
	for i, r := range title {
		if r == '\'' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(title))
	if len(out) == 0 {
		return all
	}
	return out
}

// wordsMatch reports whether two title words are the same word: equal, an
// OCR edit apart (both of five letters or more), or one an abbreviation of
// the other.
func wordsMatch(a, b titleWord) bool {
	if a.word == b.word {
		return true
	}
	if len(a.word) >= 5 && len(b.word) >= 5 && withinOneEdit(a.word, b.word) {
		return true
	}
	if a.abbrev && len(a.word) >= 2 && strings.HasPrefix(b.word, a.word) {
		return true
	}
	return b.abbrev && len(b.word) >= 2 && strings.HasPrefix(a.word, b.word)
}

// bigramDice is the Sørensen–Dice coefficient of the character bigrams of
// two strings.
func bigramDice(a, b string) float64 {
	if len(a) < 2 || len(b) < 2 {
		if a == b {
			return 1
		}
		return 0
	}
	ga, gb := bigrams(a), bigrams(b)
	shared := 0
	for i, j := 0, 0; i < len(ga) && j < len(gb); {
		switch {
		case ga[i] == gb[j]:
			shared++
			i++
			j++
		case ga[i] < gb[j]:
			i++
		default:
			j++
		}
	}
	return 2 * float64(shared) / float64(len(ga)+len(gb))
}

// bigrams returns the byte bigrams of s, sorted.
func bigrams(s string) []uint16 {
	out := make([]uint16, 0, len(s)-1)
	for i := 0; i+1 < len(s); i++ {
		out = append(out, uint16(s[i])<<8|uint16(s[i+1]))
	}
	slices.Sort(out)
	return out
}

// withinOneEdit reports whether a and b are at most one insertion,
// deletion, substitution or adjacent transposition apart.
func withinOneEdit(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	if len(rb)-len(ra) > 1 {
		return false
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	if i == len(ra) {
		return true
	}
	if len(ra) == len(rb) {
		if string(ra[i+1:]) == string(rb[i+1:]) {
			return true // substitution
		}
		return i+1 < len(ra) && ra[i] == rb[i+1] && ra[i+1] == rb[i] && string(ra[i+2:]) == string(rb[i+2:])
	}
	return string(ra[i:]) == string(rb[i+1:]) // insertion
}

// creatorVerdict is how the creators of two items compare.
type creatorVerdict struct {
	score    float64
	known    bool // both items have creators
	match    bool // the first creators are one person
	conflict bool // the creators are different people
	reason   string
}

// creators returns the names that identify an item's work: its authors,
// else its editors.
func creators(it *Item) []Name {
	if len(it.Author) > 0 {
		return it.Author
	}
	return it.Editor
}

func firstCreator(it *Item) Name {
	if cs := creators(it); len(cs) > 0 {
		return cs[0]
	}
	return Name{}
}

func compareCreators(a, b *Item) creatorVerdict {
	ca, cb := creators(a), creators(b)
	if len(ca) == 0 || len(cb) == 0 {
		return creatorVerdict{score: 0.5, reason: "creator unknown"}
	}
	v := creatorVerdict{known: true}
	first := namesMatch(ca[0], cb[0])
	switch {
	case first == nameSame:
		v.score, v.match, v.reason = 1, true, "same creator"
	case first == nameConflictingGiven:
		v.conflict, v.reason = true, fmt.Sprintf("%s and %s", displayName(ca[0]), displayName(cb[0]))
		return v
	case anyNameMatches(ca, cb) || crossRoleMatch(a, b):
		v.score, v.match, v.reason = 0.7, true, "creators in another order or role"
	default:
		v.conflict, v.reason = true, fmt.Sprintf("%s and %s", displayName(ca[0]), displayName(cb[0]))
	}
	return v
}

func displayName(n Name) string {
	if n.Literal != "" {
		return n.Literal
	}
	return strings.TrimSpace(n.Given + " " + n.NonDroppingParticle + " " + n.Family)
}

func anyNameMatches(a, b []Name) bool {
	for _, x := range a {
		for _, y := range b {
			if namesMatch(x, y) == nameSame {
				return true
			}
		}
	}
	return false
}

// crossRoleMatch reports whether the first creator of one item is an editor
// or author of the other (an anthology cited by its editor in one place and
// by its author in another).
func crossRoleMatch(a, b *Item) bool {
	fa, fb := firstCreator(a), firstCreator(b)
	for _, n := range append(append([]Name{}, b.Author...), b.Editor...) {
		if namesMatch(fa, n) == nameSame {
			return true
		}
	}
	for _, n := range append(append([]Name{}, a.Author...), a.Editor...) {
		if namesMatch(fb, n) == nameSame {
			return true
		}
	}
	return false
}

type nameMatch int

const (
	nameDifferent nameMatch = iota
	nameSame
	nameConflictingGiven // same family, incompatible given names: another person
)

// namesMatch compares two names: family names fold-equal or one OCR edit
// apart (five letters or more), given names compatible (an initial stands
// for any name it begins). Institutions compare by their folded words.
func namesMatch(a, b Name) nameMatch {
	fa, fb := familyKey(a), familyKey(b)
	if fa == "" || fb == "" {
		return nameDifferent
	}
	if !familiesMatch(fa, fb) {
		if a.Family == "" && b.Family == "" && titleSimilarity(a.Literal, b.Literal) >= titleSame {
			return nameSame
		}
		if fullNamesMatch(a, b) {
			return nameSame
		}
		return nameDifferent
	}
	if !givenCompatible(a.Given, b.Given) {
		return nameConflictingGiven
	}
	return nameSame
}

// fullNamesMatch reports whether two names with given names are one
// person's name split differently between given and family name ("Kim
// Luu, Diane-Dinh" and "Luu, D.-D. Kim"): the same last word, and the
// same number of words all compatible, initials standing for names.
func fullNamesMatch(a, b Name) bool {
	if a.Given == "" || b.Given == "" || a.Family == "" || b.Family == "" {
		return false
	}
	wa := append(givenParts(a.Given), words(a.Family)...)
	wb := append(givenParts(b.Given), words(b.Family)...)
	if len(wa) != len(wb) || len(wa) < 3 || wa[len(wa)-1] != wb[len(wb)-1] {
		return false
	}
	for i := range wa {
		x, y := wa[i], wb[i]
		if x != y && !(len(x) == 1 && strings.HasPrefix(y, x)) && !(len(y) == 1 && strings.HasPrefix(x, y)) {
			return false
		}
	}
	return true
}

func familiesMatch(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	return a == b || (len(a) >= 5 && len(b) >= 5 && withinOneEdit(a, b))
}

// particles are the lower-case prefixes of family names that sorting and
// matching ignore (de Gaulle, van Gogh, von Stein, dos Santos).
var particles = map[string]bool{"de": true, "d": true, "du": true, "des": true, "la": true, "le": true,
	"van": true, "von": true, "der": true, "den": true, "ter": true, "ten": true, "di": true, "da": true,
	"del": true, "della": true, "dos": true, "das": true, "y": true, "al": true, "el": true, "zu": true}

// familyKey is the folded family name without particles ("van der Berg" →
// "berg"), or the folded literal of an institution.
func familyKey(n Name) string {
	fam := n.Family
	if fam == "" {
		fam = n.Literal
	}
	words := words(fam)
	for len(words) > 1 && particles[words[0]] {
		words = words[1:]
	}
	return strings.Join(words, "")
}

// givenCompatible reports whether two given names can be one person's:
// "V." and "Victor", "J.-P." and "Jean-Paul", "Victor" and "Victor L.".
func givenCompatible(a, b string) bool {
	ia, ib := givenParts(a), givenParts(b)
	for i := 0; i < len(ia) && i < len(ib); i++ {
		x, y := ia[i], ib[i]
		switch {
		case x == y:
		case len(x) == 1 && strings.HasPrefix(y, x), len(y) == 1 && strings.HasPrefix(x, y):
		case len(x) >= 5 && len(y) >= 5 && withinOneEdit(x, y):
		default:
			return false
		}
	}
	return true
}

// givenParts splits a given name into folded parts; a run of capitals such
// as "VL" or "J.P." is a run of initials.
func givenParts(s string) []string {
	var out []string
	for raw := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == ' ' || r == '.' || r == '-' || r == ',' }) {
		if n := len([]rune(raw)); n > 1 && n <= 3 && raw == strings.ToUpper(raw) && raw != strings.ToLower(raw) {
			for _, r := range raw {
				out = append(out, fold(string(r)))
			}
			continue
		}
		out = append(out, words(raw)...)
	}
	return out
}

// yearVerdict is how the years of two items compare.
type yearVerdict struct {
	score  float64
	far    bool // more than one year apart
	reason string
}

func compareYears(a, b *Item) yearVerdict {
	ya, yb := a.YearOf(), b.YearOf()
	switch {
	case ya == 0 || yb == 0:
		return yearVerdict{score: 0.5, reason: "year unknown"}
	case ya == yb:
		return yearVerdict{score: 1, reason: "same year"}
	case abs(ya-yb) == 1:
		return yearVerdict{score: 0.8, reason: "years one apart"}
	case originalYear(a) == yb || originalYear(b) == ya:
		return yearVerdict{score: 0.8, reason: "a reprint dated by its original"}
	}
	return yearVerdict{far: true, reason: fmt.Sprintf("%d and %d", ya, yb)}
}

// originalYear is the year of it's original date, or -1 when it has none.
func originalYear(it *Item) int {
	if y := it.OriginalDate.Year(); y != 0 {
		return y
	}
	return -1
}

// normDOI returns the DOI in lower case without resolver prefix, or "".
func normDOI(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, p := range []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"} {
		s = strings.TrimPrefix(s, p)
	}
	if !strings.HasPrefix(s, "10.") {
		return ""
	}
	return s
}

// normISBNs returns the ISBN-13 forms of the ISBNs written in s.
func normISBNs(s string) []string {
	var out []string
	for f := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == ' ' || r == ',' || r == ';' }) {
		digits := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' || r == 'X' || r == 'x' {
				return r
			}
			return -1
		}, f)
		switch len(digits) {
		case 13:
			out = append(out, digits)
		case 10:
			out = append(out, isbn10to13(digits))
		}
	}
	return out
}

func isbn10to13(d string) string {
	body := "978" + d[:9]
	sum := 0
	for i, r := range body {
		n := int(r - '0')
		if i%2 == 1 {
			n *= 3
		}
		sum += n
	}
	return body + strconv.Itoa((10-sum%10)%10)
}

func sharedISBN(a, b string) bool {
	for _, x := range normISBNs(a) {
		for _, y := range normISBNs(b) {
			if x == y {
				return true
			}
		}
	}
	return false
}

// asciiFolded holds, for each precomposed Latin letter (U+0080–U+024F),
// what ASCII gives for it, so that matching can fold without running the
// Unicode normaliser on every comparison; ok is false for what is no
// letter.
var asciiFolded = func() (t [0x250 - 0x80]struct {
	letters string
	ok      bool
}) {
	// one transformer for all the letters: a chain per letter made
	// starting the program cost milliseconds
	strip := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	for r := rune(0x80); r < 0x250; r++ {
		if unicode.IsLetter(r) {
			t[r-0x80].letters, t[r-0x80].ok = strings.ToLower(asciiWith(strip, string(r))), true
		}
	}
	return t
}()

// asciiWordByte classes the bytes of a word that fold copies as they are
// (ASCII lower-case letters and digits) and the ones it lowers (ASCII
// upper case); every other byte is 0.
var asciiWordByte = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = asciiAsIs
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = asciiAsIs
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = asciiUpper
	}
	return t
}()

const (
	asciiAsIs  = 1
	asciiUpper = 2
)

// fold is Fold, fast for text whose letters are ASCII or precomposed Latin;
// anything else (combining marks, other scripts) goes through foldSlow.
// A run of ASCII letters and digits is copied a stretch at a time, each
// upper-case letter lowered on its own: most of a title's letters are
// already lower case.
func fold(s string) string {
	if isFolded(s) {
		return s // no copy: many words and names come folded already
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	wordLen := 0
	for i := 0; i < len(s); {
		c := s[i]
		if asciiWordByte[c] != 0 {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
				wordLen = 0
			}
			space = false
			start, asIs := i, i // the run, and its stretch not yet written
		run:
			for ; i < len(s); i++ {
				switch asciiWordByte[s[i]] {
				case asciiAsIs:
				case asciiUpper:
					b.WriteString(s[asIs:i])
					b.WriteByte(s[i] + 'a' - 'A')
					asIs = i + 1
				default:
					break run
				}
			}
			b.WriteString(s[asIs:i])
			wordLen += i - start
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		var letters string
		switch {
		case r == '\'' || r == '’' || r == '‘':
			if wordLen == 1 && !space {
				space = true // as Fold: l'Anarchie, d'Ignace
			}
			continue
		case r < 0x80 || !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r):
			space = true
			continue
		default:
			if r >= 0x250 || !asciiFolded[r-0x80].ok {
				return foldSlow(s)
			}
			letters = asciiFolded[r-0x80].letters
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
			wordLen = 0
		}
		space = false
		b.WriteString(letters)
		wordLen += len(letters)
	}
	return b.String()
}

// isFolded reports whether s is its own fold: ASCII lower-case letters
// and digits in words one space apart, no space before or after.
func isFolded(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; asciiWordByte[c] != asciiAsIs && (c != ' ' || s[i-1] == ' ') {
			return false
		}
	}
	return true
}

// words is Words on the fast fold.
func words(s string) []string { return strings.Fields(fold(s)) }

// significantWords is SignificantWords on the fast fold.
func significantWords(title string) []string {
	var out []string
	for _, w := range words(title) {
		if len(w) > 1 && !isStopword(w) {
			out = append(out, w)
		}
	}
	return out
}
