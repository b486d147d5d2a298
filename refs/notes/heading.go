package notes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/internal/textscan"
)

// maxHeadingWords and maxHeadingBytes bound what can pass for a heading.
const (
	maxHeadingWords = 16
	maxHeadingBytes = 140
)

// isHeading reports whether line i stands alone as a heading: a short line
// between blank lines (or page edges) that starts with a capital or a
// section number and does not end a sentence, or that opens with a chapter
// word ("CHAPTER TWO", "Part 3") or a section number ("1.2 Title").
func (d *doc) isHeading(i int) bool {
	if i < 0 || i >= len(d.lines) {
		return false
	}
	if d.headings == nil {
		d.headings = make([]lineHeading, len(d.lines))
	}
	if d.headings[i] == headingUntold {
		d.headings[i] = headingNo
		if d.headingAt(i) {
			d.headings[i] = headingYes
		}
	}
	return d.headings[i] == headingYes
}

// lineHeading is what isHeading has told of a line.
type lineHeading uint8

const (
	headingUntold lineHeading = iota
	headingNo
	headingYes
)

func (d *doc) headingAt(i int) bool {
	if len(d.lines[i]) > 2*maxHeadingBytes || d.skip[i] {
		return false
	}
	// a line standing alone, told from its neighbours before its text is
	// trimmed: most lines are inside a paragraph
	if !d.paragraphStart(i) || !(d.blank(i+1) || (i+1 < len(d.pageBreak) && d.pageBreak[i+1])) {
		return false
	}
	s := headingText(d.lines[i])
	if s == "" || len(s) > maxHeadingBytes {
		return false
	}
	if strings.HasPrefix(d.lines[i], "#") {
		return true // a Markdown heading
	}
	if isPageNumber(s) || isSeparator(s) {
		return false
	}
	if _, ok := chapterNumber(s); ok || sectionNumbered(s) {
		return true
	}
	if textscan.FieldCountUpTo(s, maxHeadingWords) > maxHeadingWords {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	end := strings.TrimRight(s, "\"'”’»)]")
	last, _ := utf8.DecodeLastRuneInString(end)
	return !strings.ContainsRune(".,;:!", last) || strings.HasSuffix(end, "...")
}

// headingText is a line trimmed of spaces, of Markdown "#" marks and of
// trailing note markers ("¹", "[^3]", "[3]", "^3").
func headingText(s string) string {
	s = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(s), "#"))
	for {
		t := strings.TrimRight(s, "⁰¹²³⁴⁵⁶⁷⁸⁹ ")
		if strings.HasSuffix(t, "]") {
			if open := strings.LastIndexByte(t, '['); open > 0 && !strings.ContainsAny(t[open+1:len(t)-1], " ") {
				t = t[:open]
			}
		}
		// "^3" ends the line with its digits: only then is a caret looked for
		if endsWithDigit(t) {
			if caret := strings.LastIndexByte(t, '^'); caret > 0 {
				if _, size := leadingDigits(t[caret+1:]); size > 0 && caret+1+size == len(t) {
					t = t[:caret]
				}
			}
		}
		t = strings.TrimSpace(t)
		if t == s {
			return s
		}
		s = t
	}
}

// endsWithDigit reports whether s ends with an ASCII digit.
func endsWithDigit(s string) bool {
	return s != "" && s[len(s)-1] >= '0' && s[len(s)-1] <= '9'
}

// sectionNumbered reports headings numbered like "1.2 Title", "1.2. Title",
// "3. Title" or "IV. Title" (a number, then a capital).
func sectionNumbered(s string) bool {
	return headingLevel(s) > 0
}

// headingLevel is the depth of a numbered heading's number: 1 for "3 ",
// "3. " or "IV. ", 2 for "3.1 ", and so on; 0 when s is not numbered.
func headingLevel(s string) int {
	i, level := 0, 1
	if n := len(s) - len(strings.TrimLeft(s, "IVX")); n > 0 && n < len(s) && s[n] == '.' {
		i = n + 1
	} else {
		for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
			if s[i] == '.' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
				level++
			}
			i++
		}
		if i == 0 || i > 8 || s[0] == '.' {
			return 0
		}
	}
	if i >= len(s) || s[i] != ' ' {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s[i:], " "))
	if unicode.IsUpper(r) || r == '"' || r == '“' || r == '\'' {
		return level
	}
	return 0
}

// chapterWords map heading words that number a division to the prefix of
// its sequence id.
var chapterWords = map[string]string{
	"chapter": "ch", "chapitre": "ch", "kapitel": "ch", "capitolo": "ch", "capítulo": "ch",
	"part": "part", "partie": "part", "teil": "part", "book": "book", "livre": "book",
	"section": "sec", "appendix": "app", "annexe": "app",
}

// numberWords are spelled-out division numbers (English, French, German).
var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"un": 1, "premier": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7,
	"huit": 8, "neuf": 9, "dix": 10, "eins": 1, "erstes": 1, "zwei": 2, "drei": 3, "vier": 4,
	"fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
}

// chapterNumber reads a heading that starts with a division word and a
// number ("CHAPTER TWO: ...", "Chapter 4: Section II", "Part III") and
// returns its short id ("ch2", "ch4-sec2", "part3").
func chapterNumber(s string) (string, bool) {
	first := s
	if end := strings.IndexAny(s, " \t:.,"); end >= 0 {
		first = s[:end]
	}
	if len(first) > len("capítulo") || chapterWords[strings.ToLower(first)] == "" {
		return "", false
	}
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return unicode.IsSpace(r) || r == ':' || r == '.' || r == ',' || r == '-' || r == '—' || r == '–'
	})
	id := ""
	for i := 0; i+1 < len(words) && i < 6; i++ {
		prefix, ok := chapterWords[words[i]]
		if !ok {
			if i == 0 {
				return "", false
			}
			continue
		}
		n := divisionNumber(words[i+1])
		if n == 0 {
			if i == 0 {
				return "", false
			}
			continue
		}
		if id != "" {
			id += "-"
		}
		id += prefix + itoa(n)
		i++
	}
	return id, id != ""
}

// divisionNumber reads "2", "two", "ii" as a number, or returns 0.
func divisionNumber(w string) int {
	if n, size := leadingDigits(w); size > 0 && size == len(w) {
		return n
	}
	if n, ok := numberWords[w]; ok {
		return n
	}
	return romanValue(w)
}

// romanValue reads a lower-case roman numeral up to 39, or returns 0.
func romanValue(w string) int {
	values := map[byte]int{'i': 1, 'v': 5, 'x': 10}
	n := 0
	for i := 0; i < len(w); i++ {
		v, ok := values[w[i]]
		if !ok {
			return 0
		}
		if i+1 < len(w) && values[w[i+1]] > v {
			n -= v
		} else {
			n += v
		}
	}
	if n <= 0 || n > 39 {
		return 0
	}
	return n
}

// slug makes a readable id of a heading: ASCII, lower case, at most six
// words joined by hyphens.
func slug(s string) string {
	words := strings.Fields(bib.Fold(s))
	if len(words) > 6 {
		words = words[:6]
	}
	return strings.Join(words, "-")
}
