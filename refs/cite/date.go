package cite

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/internal/textscan"
)

// months maps month names and abbreviations of English, French, Spanish,
// German, Italian and Portuguese (lower case, without the period) to their
// number.
var months = map[string]int{}

// seasons maps season names to CSL season numbers (1 spring … 4 winter).
var seasons = map[string]int{}

// monthGate and seasonGate turn away most words that are neither, made
// once months and seasons are filled.
var monthGate, seasonGate *wordGate

func init() {
	for m, names := range []string{
		`january jan janvier janv janv enero ene januar jän jänner gennaio genn gen janeiro`,
		`february feb febr février fevrier févr fevr fév fev febrero februar febbraio fevereiro`,
		`march mar mars marzo märz maerz marz março marco`,
		`april apr avril avr abril abr aprile`,
		`may mai mayo maggio mag maio`,
		`june jun juin junio juni giugno giu junho`,
		`july jul juillet juil julio juli luglio lug julho`,
		`august aug août aout agosto ago`,
		`september sep sept septembre septiembre setiembre sept settembre set setembro`,
		`october oct octobre octubre oktober okt ottobre ott outubro out`,
		`november nov novembre noviembre novemb novembro`,
		`december dec décembre decembre déc dec diciembre dic dezember dez dicembre dezembro`,
	} {
		for n := range strings.FieldsSeq(names) {
			months[n] = m + 1
		}
	}
	for s, names := range []string{
		`spring printemps frühling fruhling frühjahr primavera`,
		`summer été ete sommer verano estate verão`,
		`autumn fall automne herbst otoño otono autunno outono`,
		`winter hiver invierno inverno`,
	} {
		for n := range strings.FieldsSeq(names) {
			seasons[n] = s + 1
		}
	}
	monthGate, seasonGate = gateOf(months), gateOf(seasons)
	words := setOf(dateSwitchWords)
	for w := range months {
		words[w] = true
	}
	for w := range seasons {
		words[w] = true
	}
	dateWordGate = gateOf(words)
}

// dateSwitchWords are the words tokeniseDate's switch compares a word
// with, besides the months and the seasons.
const dateSwitchWords = `de of the del le im en to à bis al au c ca circa n d s o j nd sd sf f`

// dateWordGate turns away, before it is lowered, a word that is no month,
// season or word of dateSwitchWords: most segments asked about are no
// date, and their first word tells it.
var dateWordGate *wordGate

// dateTok is one token of a written date.
type dateTok struct {
	kind byte // 'y' year, 'n' small number, 'm' month, 's' season, '-' range, 'x' no date
	v    int
}

// tokeniseDate appends to toks the tokens of a written date; ok is false
// when a word is not part of any date.
func tokeniseDate(toks []dateTok, t string) ([]dateTok, bool) {
	var buf [32]byte // a word lower-cased
	i := 0
	for i < len(t) {
		c := t[i]
		switch {
		case c == ' ' || c == ',' || c == '.' || c == '(' || c == ')' || c == '[' || c == ']' || c == '?':
			i++
			continue
		case c == '-' || c == '/':
			toks = append(toks, dateTok{kind: '-'})
			i++
			continue
		case c >= utf8.RuneSelf && (strings.HasPrefix(t[i:], "–") || strings.HasPrefix(t[i:], "—") || strings.HasPrefix(t[i:], "‑")):
			toks = append(toks, dateTok{kind: '-'})
			i += 3
			continue
		case c >= utf8.RuneSelf && (strings.HasPrefix(t[i:], "\u00a0") || strings.HasPrefix(t[i:], "\u202f")):
			i += len(string(firstRune(t[i:])))
			continue
		case c >= '0' && c <= '9':
			j := i
			for j < len(t) && t[j] >= '0' && t[j] <= '9' {
				j++
			}
			n, _ := strconv.Atoi(t[i:min(j, i+6)])
			// ordinal suffixes: 1st, 2nd, 1er, 20th
			k := j
			for k < len(t) && k < j+3 && t[k] >= 'a' && t[k] <= 'z' {
				k++
			}
			suffix := t[j:k]
			switch {
			case j-i == 4 && n >= 1000 && n <= 2100:
				if len(suffix) > 1 {
					return nil, false
				}
				toks = append(toks, dateTok{'y', n}) // "2011a" keeps the year
			case j-i <= 2 && (suffix == "" || suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th" || suffix == "er" || suffix == "o"):
				toks = append(toks, dateTok{'n', n})
			default:
				return nil, false
			}
			i = k
			continue
		}
		j := i
		for j < len(t) && !endsDateWord(t[j]) && !(t[j] >= utf8.RuneSelf && (strings.HasPrefix(t[j:], "–") || strings.HasPrefix(t[j:], "\u00a0"))) {
			j++ // (the dash and the no-break space open with bytes outside ASCII)
		}
		if j == i {
			j = i + 1
		}
		w := t[i:j]
		if !dateWordGate.mayHold(w) {
			return nil, false // the switch below would fall to its default
		}
		if len(w) <= len(buf) && textscan.IsASCII(w) {
			w = string(lowerASCII(buf[:0], w)) // on the stack: w is only compared
		} else {
			w = lower(w)
		}
		month, season := 0, 0 // each map asked once, and only past its gate
		if monthGate.mayHold(w) {
			month = months[w]
		}
		if month == 0 && seasonGate.mayHold(w) {
			season = seasons[w]
		}
		switch {
		case month > 0:
			toks = append(toks, dateTok{'m', month})
		case season > 0:
			toks = append(toks, dateTok{'s', season})
		case w == "de" || w == "of" || w == "the" || w == "del" || w == "le" || w == "im" || w == "en":
		case w == "to" || w == "à" || w == "bis" || w == "al" || w == "au":
			toks = append(toks, dateTok{kind: '-'})
		case w == "c" || w == "ca" || w == "circa":
		case w == "n" || w == "d" || w == "s" || w == "o" || w == "j" || w == "nd" || w == "sd" || w == "sf" || w == "f":
			toks = append(toks, dateTok{kind: 'x'})
		default:
			return nil, false
		}
		i = j
	}
	return toks, len(toks) > 0
}

// endsDateWord reports whether byte c ends a word of a date: one of
// " ,.-/()[]" (a byte read as a rune is never the dashes "–—").
func endsDateWord(c byte) bool {
	switch c {
	case ' ', ',', '.', '-', '/', '(', ')', '[', ']':
		return true
	}
	return false
}

// parseDate reads a whole segment as a date: "1921", "15 mai 1927",
// "Nov. 20, 1943", "Spring 1965", "Sept-Oct. 1941", "1922-27", "n.d.",
// "Noviembre de 1980", "März 1921", "(2011a)". ok is false when t is not
// only a date.
func parseDate(t string) (*bib.Date, bool) {
	if d, ok := numericDate(t); ok {
		return d, true
	}
	var buf [8]dateTok // on the stack: the tokens never leave parseDate
	toks, ok := tokeniseDate(buf[:0], t)
	if !ok {
		return nil, false
	}
	noDate := true
	for _, k := range toks {
		if k.kind != 'x' {
			noDate = false
		}
	}
	if noDate {
		return &bib.Date{Literal: "n.d."}, len(toks) <= 3
	}
	// the sides of a range: the runs of toks between '-' tokens
	var sides [2][]dateTok // an array, not appended to: toks stay on the stack
	n, start := 0, 0
	for j, k := range toks {
		if k.kind == 'x' {
			return nil, false
		}
		if k.kind == '-' {
			if n == 1 {
				return nil, false // a third side
			}
			sides[0] = toks[start:j]
			n, start = 1, j+1
		}
	}
	cur := toks[start:]
	sides[n] = cur
	n++
	if n == 2 && len(cur) == 0 {
		n = 1 // "1984–": a range still open
	}
	groups := sides[:n]
	parts := make([][3]int, 0, 2) // year, month, day of each side
	season := 0
	for _, g := range groups {
		y, m, d, s, ok := dateGroup(g)
		if !ok {
			return nil, false
		}
		if s > 0 && season == 0 {
			season = s
		}
		parts = append(parts, [3]int{y, m, d})
	}
	// fill a range's missing parts: "Sept-Oct. 1941", "12-15 May 1936", "1922-27"
	if len(parts) == 2 {
		a, b := &parts[0], &parts[1]
		if a[0] == 0 {
			a[0] = b[0]
			if a[1] == 0 && a[2] > 0 {
				a[1] = b[1]
			}
		}
		if b[0] == 0 && b[1] == 0 && b[2] > 0 && a[0] > 0 && a[2] == 0 && a[1] == 0 {
			// "1922-27": a two-digit year after a full one
			b[0], b[2] = a[0]/100*100+b[2], 0
			if b[0] < a[0] {
				b[0] += 100
			}
		}
		if b[0] == 0 {
			b[0] = a[0]
			if b[1] == 0 {
				b[1] = a[1]
			}
		}
	}
	for _, p := range parts {
		if p[0] == 0 {
			return nil, false
		}
	}
	// the date and its parts in one allocation; each slice is capped as if
	// made on its own
	b := new(dateBlock)
	out := b.parts[:0:len(parts)]
	used := 0
	for _, p := range parts {
		n := 3
		switch {
		case p[1] == 0:
			n = 1
		case p[2] == 0:
			n = 2
		}
		copy(b.ints[used:], p[:n])
		out = append(out, b.ints[used:used+n:used+n])
		used += n
	}
	if len(out) == 2 && equalInts(out[0], out[1]) {
		out = out[:1]
	}
	b.date = bib.Date{DateParts: out, Season: season}
	return &b.date, true
}

// dateBlock holds a parsed date with the storage of its parts.
type dateBlock struct {
	date  bib.Date
	parts [2][]int
	ints  [6]int
}

// numericDate reads a day-month-year date written in numbers, as
// European letters are dated: "4.4.45", "14/2/1946".
func numericDate(t string) (*bib.Date, bool) {
	t = strings.TrimSpace(t)
	if t == "" || t[0] < '0' || t[0] > '9' {
		return nil, false // the day's digits open it
	}
	var parts []string
	for _, sep := range []string{".", "/"} {
		if strings.Count(t, sep) == 2 { // split only a date's three parts
			parts = strings.Split(t, sep)
			break
		}
	}
	if parts == nil {
		return nil, false
	}
	var n [3]int
	for k, p := range parts {
		if !allDigits(p) || len(p) > 4 || (k < 2 && len(p) > 2) {
			return nil, false
		}
		n[k], _ = strconv.Atoi(p)
	}
	day, month, year := n[0], n[1], n[2]
	switch len(parts[2]) {
	case 2:
		year += 1900
	case 4:
	default:
		return nil, false
	}
	if day < 1 || day > 31 || month < 1 || month > 12 || year < 1400 || year > 2100 {
		return nil, false
	}
	return &bib.Date{DateParts: [][]int{{year, month, day}}}, true
}

// dateGroup reads one side of a date range.
func dateGroup(g []dateTok) (y, m, d, s int, ok bool) {
	for _, k := range g {
		switch k.kind {
		case 'y':
			if y != 0 {
				return 0, 0, 0, 0, false
			}
			y = k.v
		case 'm':
			if m != 0 {
				return 0, 0, 0, 0, false
			}
			m = k.v
		case 's':
			s = k.v
		case 'n':
			if d != 0 || k.v < 1 || k.v > 31 {
				return 0, 0, 0, 0, false
			}
			d = k.v
		}
	}
	if y == 0 && m == 0 && d == 0 && s == 0 {
		return 0, 0, 0, 0, false
	}
	if d > 0 && m == 0 && y > 0 {
		return 0, 0, 0, 0, false // "1937 12" is not a date
	}
	return y, m, d, s, true
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// trailingDate finds the longest date phrase that ends t ("Paris 1924",
// "Mexico City, Marzo 1984"); at is where it begins, -1 when none.
func trailingDate(t string) (d *bib.Date, at int) {
	for len(t) > 0 && (t[len(t)-1] == ' ' || t[len(t)-1] == '.' || t[len(t)-1] == ',') {
		t = t[:len(t)-1] // strings.TrimRight(t, " .,") without its cutset built
	}
	at = -1
	first := 0
	for words, k := 0, len(t)-1; k > 0; k-- {
		if t[k] == ' ' {
			words++
			if words == 5 {
				first = k
				break
			}
		}
	}
	if !hasDigit(t[first:]) {
		return nil, -1
	}
	for i := first; i < len(t); i++ {
		if i > 0 && t[i-1] != ' ' && t[i-1] != ',' && t[i-1] != '(' {
			continue
		}
		if dd, ok := parseDate(t[i:]); ok && dd.Literal == "" {
			return dd, i
		}
	}
	return nil, -1
}

// yearIn returns the first plausible year (1400–2100) written as a
// separate number in t, or 0.
func yearIn(t string) int {
	for i := 0; i+4 <= len(t); i++ {
		if i > 0 && t[i-1] >= '0' && t[i-1] <= '9' {
			continue
		}
		if !allDigits(t[i:i+4]) || (i+4 < len(t) && t[i+4] >= '0' && t[i+4] <= '9') {
			continue
		}
		n, _ := strconv.Atoi(t[i : i+4])
		if n >= 1400 && n <= 2100 {
			return n
		}
	}
	return 0
}
