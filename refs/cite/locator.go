package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ibid-project/ibid/internal/textscan"
)

// locatorLabels are the words that introduce a pinpoint, lower-cased and
// without their period.
var locatorLabels = setOf(`p pp pps pg pgs page pages s seite seiten ch chap chapter chapters sec secs
	section sections § §§ n nn note notes fol fols folio folios f ff col cols column columns para paras
	par paragraph l ll line lines pt part bk book art fig figs plate pl sig leaf vv v verse verses
	t tome app appendix`)

// Locator peels a trailing pinpoint off a citation: "Memoirs, p. 71" →
// ("p. 71", "Memoirs"); "Year One, 169" → ("169", "Year One"). It returns
// ("", s) when s does not end with one.
func Locator(s string) (loc string, rest string) {
	t := strings.TrimRight(s, " .;\u00a0")
	if !mayEndPinpoint(strings.TrimSuffix(t, ")")) {
		// every pinpoint tried below ends t, but for the closing bracket
		// after one in brackets
		return "", s
	}
	last := lastLocatorSeps(t)
	for n, sep := range locatorSeps {
		k := last[n]
		if k < 0 {
			continue
		}
		cand := strings.TrimSpace(t[k+len(sep):])
		if sep == " (" {
			if !strings.HasSuffix(cand, ")") {
				continue
			}
			cand = strings.TrimSuffix(cand, ")")
		}
		if isPinpoint(cand, true) {
			head := strings.TrimRight(t[:k], " ,:")
			if j := strings.LastIndexAny(head, " ,"); j >= 0 && lookupLower(ocrCommaLabels, head[j+1:]) && isPinpoint(head[j+1:]+", "+cand, false) {
				// "ibid., p, 155": the label stands before an OCR comma
				return head[j+1:] + ", " + cand, strings.TrimRight(head[:j], " ,:")
			}
			return cand, head
		}
	}
	// "Memoirs p. 71" without a comma
	if k := strings.LastIndex(t, " "); k > 0 {
		for j := k - 1; j > 0; j-- {
			if t[j] == ' ' {
				cand := t[j+1:]
				if isPinpoint(cand, false) && labelledPinpoint(cand) {
					return cand, strings.TrimRight(t[:j], " ,:")
				}
				break
			}
		}
	}
	return "", s
}

// locatorSeps are what may stand before a trailing pinpoint, in the order
// Locator tries them.
var locatorSeps = [...]string{", ", ": ", " : ", " ("}

// lastLocatorSeps returns strings.LastIndex(t, sep) for each of the
// locatorSeps, found in one backward pass that stops once all are found.
func lastLocatorSeps(t string) [len(locatorSeps)]int {
	last := [len(locatorSeps)]int{-1, -1, -1, -1}
	missing := len(locatorSeps)
	for i := len(t) - 2; i >= 0 && missing > 0; i-- {
		switch t[i] {
		case ',':
			if t[i+1] == ' ' && last[0] < 0 {
				last[0] = i
				missing--
			}
		case ':':
			if t[i+1] == ' ' && last[1] < 0 {
				last[1] = i
				missing--
			}
		case ' ':
			if t[i+1] == ':' && i+2 < len(t) && t[i+2] == ' ' && last[2] < 0 {
				last[2] = i
				missing--
			}
			if t[i+1] == '(' && last[3] < 0 {
				last[3] = i
				missing--
			}
		}
	}
	return last
}

// labelledPinpoint reports whether a pinpoint starts with a label word.
func labelledPinpoint(t string) bool {
	return t != "" && !unicode.IsDigit(firstRune(t))
}

// isPinpoint reports whether t is a pinpoint: an optionally labelled page,
// range or list ("p. 71", "pp. 172-3", "S. 112–114", "ch. 8", "n. 24",
// "71", "22-24", "237, n. 3", "xii", "45f.", "passim"). bare allows
// unlabelled numbers.
func isPinpoint(t string, bare bool) bool {
	t = strings.TrimSpace(strings.TrimRight(t, "."))
	if t == "" || len(t) > 40 || !mayEndPinpoint(t) {
		return false
	}
	low := t // most pinpoints are lower case already ("p. 218")
	if hasASCIIUpper(t) {
		var buf [40]byte
		low = string(lowerASCII(buf[:0], t)) // kept on the stack up to 32 bytes
	}
	if low == "passim" || low == "et passim" {
		return true
	}
	label := false
	for {
		w, rest := splitLabel(low)
		if w == "" {
			break
		}
		label = true
		low = rest
	}
	if !label && !bare {
		return false
	}
	if low == "" {
		return false
	}
	return pinpointNumbers(low, label)
}

// ocrCommaLabels are the page labels whose period OCR may read as a comma.
var ocrCommaLabels = setOf(`p pp pps`)

// splitLabel removes one leading locator label ("p.", "pp ", "S.", "§").
func splitLabel(t string) (label, rest string) {
	i := 0
	for i < len(t) {
		r, size := utf8.DecodeRuneInString(t[i:])
		if !unicode.IsLetter(r) && r != '§' {
			break
		}
		i += size
	}
	if i == 0 {
		return "", t
	}
	w := t[:i]
	if !locatorLabels[w] {
		return "", t
	}
	rest = t[i:]
	switch {
	case strings.HasPrefix(rest, ". "):
		rest = rest[2:]
	case strings.HasPrefix(rest, "."), strings.HasPrefix(rest, " "):
		rest = rest[1:]
	case strings.HasPrefix(rest, "\u00a0"):
		rest = rest[2:]
	case rest != "" && unicode.IsDigit(firstRune(rest)):
	case ocrCommaLabels[w] && strings.HasPrefix(rest, ", ") && len(rest) > 2 && unicode.IsDigit(firstRune(rest[2:])):
		rest = rest[2:] // "p, 155": OCR read the label's period as a comma
	default:
		return "", t
	}
	return w, strings.TrimSpace(rest)
}

// pinpointNumbers reports whether t is numbers (arabic or lower-case roman,
// with a folio side or f./ff.) joined by ranges, commas and "and".
func pinpointNumbers(t string, labelled bool) bool {
	nums := 0
	for t != "" {
		var f string
		f, t = nextPinpointField(t)
		if f == "" {
			continue
		}
		f = strings.TrimRight(f, ".")
		switch {
		case f == "and" || f == "et" || f == "und" || f == "y" || f == "f" || f == "ff" || f == "passim" || f == "n" || f == "nn" || f == "note":
			continue
		case isArabicPage(f):
			nums++
		case strings.Count(f, ":") == 1 && isArabicPage(f[:strings.IndexByte(f, ':')]) && isArabicPage(f[strings.IndexByte(f, ':')+1:]):
			nums++ // "5:213" volume and page
		case isRoman(f) && (labelled || len(f) <= 6):
			nums++
		case labelled && isArticleNumber(f):
			nums++ // "p. 20539517231158994": an article number in the page slot
		default:
			return false
		}
	}
	return nums > 0
}

// nextPinpointField splits t at its first separator of pinpoint numbers
// (comma, space, hyphen, dashes, ampersand, slash, no-break space): the
// field before it (possibly empty) and the rest after it.
func nextPinpointField(t string) (field, rest string) {
	for i, r := range t {
		switch r {
		case ',', ' ', '-', '–', '—', '‑', '&', '/', '\u00a0':
			return t[:i], t[i+utf8.RuneLen(r):]
		}
	}
	return t, ""
}

// isArabicPage reports whether f is a page number such as "71", "3r",
// "12v", "45f", "112a".
func isArabicPage(f string) bool {
	i := 0
	for i < len(f) && f[i] >= '0' && f[i] <= '9' {
		i++
	}
	if i == 0 || i > 5 {
		return false
	}
	switch f[i:] {
	case "", "r", "v", "f", "ff", "a", "b", "n", "nn":
		return true
	}
	return false
}

// isRoman reports whether f is a lower-case roman numeral.
func isRoman(f string) bool {
	if f == "" {
		return false
	}
	for _, r := range f {
		if !strings.ContainsRune("ivxlc", r) {
			return false
		}
	}
	return true
}

// isRomanFold is isRoman(lower(f)) without lowering f: only the ASCII
// capitals of the numeral's letters lower to them.
func isRomanFold(f string) bool {
	if f == "" {
		return false
	}
	for i := 0; i < len(f); i++ {
		switch foldByte(f[i]) {
		case 'i', 'v', 'x', 'l', 'c':
		default:
			return false
		}
	}
	return true
}

// isPageRange reports whether t is a bare page range ("347–57", "19-20").
func isPageRange(t string) bool {
	t = strings.TrimRight(t, ".")
	for _, d := range []string{"-", "–", "—", "‑"} {
		if a, b, ok := strings.Cut(t, d); ok {
			a, b = strings.TrimSpace(a), strings.TrimSpace(b)
			return isArabicPage(a) && isArabicPage(b) || prefixedPages(a, b)
		}
	}
	return false
}

// prefixedPages reports whether a and b are the ends of a range of pages
// numbered with a letter before the number, the same on both sides
// ("i135–i141" in a supplement, "S12–S19", "A3–A7").
func prefixedPages(a, b string) bool {
	if len(a) < 2 || len(b) < 2 || a[0] != b[0] {
		return false
	}
	c := a[0]
	if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
		return false
	}
	return isArabicPage(a[1:]) && allDigits(a[1:]) && isArabicPage(b[1:]) && allDigits(b[1:])
}

// openRange writes a range whose shortened end repeats its start
// ("107–07") as the open range it stands for ("107-"): citation
// processors print a range given without its end that way, and no one
// shortens a one-page range. Other text ("124–124") is returned as is.
func openRange(t string) string {
	for _, d := range []string{"-", "–", "—", "‑"} {
		a, b, ok := strings.Cut(t, d)
		if !ok {
			continue
		}
		if a == "" || b == "" || len(b) >= len(a) || !allDigits(a) || !allDigits(b) {
			return t
		}
		if a[len(a)-len(b):] == b {
			return a + "-"
		}
		return t
	}
	return t
}

// isArticleNumber reports whether t is an electronic article number that
// journals print where pages go ("20539517231158994"): six to twenty
// digits, longer than any page number.
func isArticleNumber(t string) bool {
	return len(t) >= 6 && len(t) <= 20 && allDigits(t)
}

// isYearRange reports whether t is a range of two years ("1975–1985").
func isYearRange(t string) bool {
	d, ok := parseDate(t)
	return ok && len(d.DateParts) == 2
}

// isISBN reports whether t is an ISBN, with or without its label.
func isISBN(t string) (string, bool) {
	v := strings.TrimSpace(t)
	if textscan.HasPrefixFold(v, "isbn") {
		v = strings.TrimLeft(v[4:], " :-")
	}
	digits := 0
	for _, r := range v {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '-' || r == ' ' || r == 'X' || r == 'x':
		default:
			return "", false
		}
	}
	return v, digits == 10 || digits == 13
}

// pageValue strips a page label: "pp. 19-20" → "19-20".
func pageValue(t string) string {
	low := lower(t)
	for {
		w, rest := splitLabel(low)
		if w == "" {
			break
		}
		t = t[len(t)-len(rest):]
		low = rest
	}
	return strings.TrimRight(strings.TrimSpace(t), ".")
}
