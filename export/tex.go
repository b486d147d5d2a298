package export

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// texSpecial is how a character TeX treats specially is written as text.
// An @ gets an italic correction (\/, which prints nothing) before it:
// several BibTeX parsers take an @ in a value for the start of an entry
// unless a control sequence precedes it.
var texSpecial = map[rune]string{
	'&': `\&`, '%': `\%`, '$': `\$`, '#': `\#`, '_': `\_`, '@': `\/@`,
	'~': `\textasciitilde{}`, '^': `\textasciicircum{}`, '\\': `\textbackslash{}`,
}

// Unmatched braces cannot be written \{ and \}: bibtex and biber count every
// brace, escaped or not, so they are spelled out instead.
const (
	lonelyOpen  = `\textbraceleft{}`
	lonelyClose = `\textbraceright{}`
)

// texAccent maps a combining mark to the TeX accent command that puts it on
// a letter.
var texAccent = map[rune]string{
	'\u0300': "`", '\u0301': "'", '\u0302': "^", '\u0303': "~", '\u0304': "=",
	'\u0306': "u", '\u0307': ".", '\u0308': `"`, '\u030A': "r", '\u030B': "H",
	'\u030C': "v", '\u0323': "d", '\u0327': "c", '\u0328': "k", '\u0331': "b",
}

// texLetter spells letters that have no decomposition, and a few that TeX
// has a letter for, as the braced groups BibTeX treats as one character.
var texLetter = map[rune]string{
	'ß': `{\ss}`, 'ø': `{\o}`, 'Ø': `{\O}`, 'æ': `{\ae}`, 'Æ': `{\AE}`,
	'œ': `{\oe}`, 'Œ': `{\OE}`, 'å': `{\aa}`, 'Å': `{\AA}`, 'ł': `{\l}`,
	'Ł': `{\L}`, 'ı': `{\i}`,
}

// texPunct spells typographic punctuation in ASCII TeX.
var texPunct = map[rune]string{
	'\u2018': "`", '\u2019': "'", '\u201C': "``", '\u201D': "''",
	'\u2013': "--", '\u2014': "---", '\u2026': `\ldots{}`, '\u00A0': "~",
	'¡': "!`", '¿': "?`",
}

// texLowQuotes are quotation marks pdflatex's default font encoding (OT1)
// cannot set even from UTF-8 input ("Command \quotedblbase unavailable"):
// they are written as the ASCII that sets them, in UTF-8 output too.
var texLowQuotes = map[rune]string{'\u201E': ",,", '\u201A': ","}

// escapeTeX writes s as the text of a BibTeX field value: TeX specials
// escaped, braces balanced, control characters dropped, runs of white space
// made one space. With ascii, accented Latin letters become TeX accents.
func escapeTeX(s string, ascii bool) string {
	s = cleanText(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	writeTeX(&b, s, 0, len(s), matchedBraces(s), ascii)
	return b.String()
}

// writeTeX writes s[from:to] escaped; matched holds the offsets of the
// braces of s that pair up, which may be written \{ and \}.
func writeTeX(b *strings.Builder, s string, from, to int, matched map[int]bool, ascii bool) {
	for i, r := range s[from:to] {
		switch {
		case r == '{' && matched[from+i]:
			b.WriteString(`\{`)
		case r == '}' && matched[from+i]:
			b.WriteString(`\}`)
		case r == '{':
			b.WriteString(lonelyOpen)
		case r == '}':
			b.WriteString(lonelyClose)
		case r < 0x80 && texSpecial[r] != "":
			b.WriteString(texSpecial[r])
		case texLowQuotes[r] != "":
			b.WriteString(texLowQuotes[r])
		case ascii && r >= 0x80:
			b.WriteString(texASCII(r))
		default:
			b.WriteRune(r)
		}
	}
}

// cleanText drops control characters, invalid UTF-8 and byte-order marks,
// and folds every run of white space into one space.
func cleanText(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c >= 0x80 {
			clean = false
			break
		}
	}
	if clean && !strings.Contains(s, "  ") {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r) || r == '\uFEFF':
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// matchedBraces returns the byte offsets of braces in s that pair up.
func matchedBraces(s string) map[int]bool {
	if !strings.ContainsAny(s, "{}") {
		return nil
	}
	matched := map[int]bool{}
	var open []int
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			open = append(open, i)
		case '}':
			if len(open) > 0 {
				matched[open[len(open)-1]] = true
				matched[i] = true
				open = open[:len(open)-1]
			}
		}
	}
	return matched
}

// texASCII spells one non-ASCII character in ASCII TeX when TeX has a way
// to, else returns it unchanged (Greek, Cyrillic, Hebrew... stay UTF-8).
func texASCII(r rune) string {
	if s, ok := texLetter[r]; ok {
		return s
	}
	if s, ok := texPunct[r]; ok {
		return s
	}
	d := norm.NFD.String(string(r))
	base, size := utf8.DecodeRuneInString(d)
	marks := d[size:]
	if base >= 0x80 || marks == "" {
		return string(r)
	}
	inner := string(base)
	var cmds []string
	for _, m := range marks {
		cmd, ok := texAccent[m]
		if !ok {
			return string(r)
		}
		cmds = append(cmds, cmd)
	}
	// The mark nearest the letter comes first in NFD; it is applied first.
	for i, cmd := range cmds {
		last := i == len(cmds)-1
		letterCmd := cmd[0] >= 'a' && cmd[0] <= 'z' || cmd[0] >= 'A' && cmd[0] <= 'Z'
		switch {
		case last && len(cmds) == 1 && letterCmd:
			inner = `\` + cmd + " " + inner
		case last && len(cmds) == 1:
			inner = `\` + cmd + inner
		default:
			inner = `\` + cmd + "{" + inner + "}"
		}
	}
	return "{" + inner + "}"
}
