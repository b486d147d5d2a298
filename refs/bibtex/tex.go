package bibtex

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// TeXToUnicode turns the TeX of a BibTeX value into plain Unicode text:
// accents ({\'e}, \'{e}, \"o, \c{c}, \v{s} ...) become composed letters,
// special letters (\ss, \o, \l, \aa, \ae, \oe ...) their Unicode forms,
// escapes (\& \% \_ \$ \#) their characters, -- and --- en and em dashes, ~ a
// space, font commands (\emph{x}, {\it x}) their text, $...$ loses its
// dollars, and case-protecting braces disappear. Runs of white space become
// one space.
func TeXToUnicode(s string) string {
	if !strings.ContainsAny(s, "\\{}~$-`'\n\r\t") {
		return strings.TrimSpace(s)
	}
	c := &texConverter{src: []rune(s)}
	return strings.Join(strings.Fields(norm.NFC.String(c.text(false))), " ")
}

// verbatimFields hold URLs, identifiers and ISO dates, where -- and ~ mean
// themselves.
var verbatimFields = map[string]bool{
	"url": true, "doi": true, "eprint": true, "file": true, "urlraw": true,
	"date": true, "urldate": true, "origdate": true, "eventdate": true,
}

// verbatimText cleans a URL-like value: \url{} unwrapped, escapes undone,
// braces dropped, nothing else touched.
func verbatimText(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, `\url{`) && strings.HasSuffix(s, "}") {
		s = s[len(`\url{`) : len(s)-1]
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s) && strings.IndexByte("&%$#_{}~", s[i+1]) >= 0:
			b.WriteByte(s[i+1])
			i++
			if s[i] == '~' && strings.HasPrefix(s[i+1:], "{}") {
				i += 2
			}
		case c == '{' || c == '}':
		default:
			b.WriteByte(c)
		}
	}
	return strings.TrimSpace(b.String())
}

// texConverter walks TeX text rune by rune.
type texConverter struct {
	src  []rune
	i    int
	math bool
}

func (c *texConverter) more() bool { return c.i < len(c.src) }

func (c *texConverter) at(off int) rune {
	if c.i+off < len(c.src) {
		return c.src[c.i+off]
	}
	return 0
}

// text converts until the end, or until the } that closes the current group
// when inGroup is set (the } is consumed).
func (c *texConverter) text(inGroup bool) string {
	var b strings.Builder
	for c.more() {
		r := c.src[c.i]
		switch {
		case r == '{':
			c.i++
			b.WriteString(c.text(true))
		case r == '}':
			c.i++
			if inGroup {
				return b.String()
			}
		case r == '\\':
			b.WriteString(c.command())
		case r == '$':
			c.i++
			c.math = !c.math
		case r == '~':
			c.i++
			b.WriteByte(' ')
		case r == '-':
			n := 1
			for n < 3 && c.at(n) == '-' {
				n++
			}
			c.i += n
			b.WriteString([]string{"", "-", "–", "—"}[n])
		case r == '`':
			if c.at(1) == '`' {
				c.i += 2
				b.WriteString("“")
			} else {
				c.i++
				b.WriteString("‘")
			}
		case r == '\'' && c.at(1) == '\'':
			c.i += 2
			b.WriteString("”")
		case c.math && (r == '^' || r == '_'):
			c.i++
		default:
			c.i++
			b.WriteRune(r)
		}
	}
	return b.String()
}

// argument reads one macro argument: a group, a control sequence or a single
// character.
func (c *texConverter) argument() string {
	for c.more() && unicode.IsSpace(c.src[c.i]) {
		c.i++
	}
	if !c.more() {
		return ""
	}
	switch r := c.src[c.i]; r {
	case '{':
		c.i++
		return c.text(true)
	case '\\':
		return c.command()
	case '}':
		return ""
	default:
		c.i++
		return string(r)
	}
}

// command converts the control sequence at c.i (a backslash).
func (c *texConverter) command() string {
	c.i++
	if !c.more() {
		return ""
	}
	r := c.src[c.i]
	if !isASCIILetter(r) {
		c.i++
		if mark, ok := accentMarks[r]; ok {
			return accent(c.argument(), mark, r)
		}
		if s, ok := controlSymbols[r]; ok {
			return s
		}
		return string(r)
	}
	start := c.i
	for c.more() && isASCIILetter(c.src[c.i]) {
		c.i++
	}
	name := string(c.src[start:c.i])
	for c.more() && (c.src[c.i] == ' ' || c.src[c.i] == '\t') {
		c.i++ // TeX swallows the spaces after a control word
	}
	if mark, ok := letterAccents[name]; ok {
		return accent(c.argument(), mark, 0)
	}
	if s, ok := texSymbols[name]; ok {
		return s
	}
	switch {
	case fontSwitches[name]:
		return ""
	case name == "href":
		c.argument()
		return c.argument()
	case name == "noopsort" || name == "sortnoop" || name == "SortNoop":
		c.argument()
		return ""
	case c.more() && c.src[c.i] == '{':
		return c.argument() // \emph{x}, \textbf{x}, unknown \foo{x}: keep the text
	}
	return ""
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// accent puts a combining mark on the first letter of arg; an empty argument
// gives the accent character itself where it has one (\~{} is a tilde).
func accent(arg string, mark rune, symbol rune) string {
	if arg == "" {
		if symbol == '~' || symbol == '^' {
			return string(symbol)
		}
		return ""
	}
	rs := []rune(arg)
	switch rs[0] {
	case 'ı':
		rs[0] = 'i'
	case 'ȷ':
		rs[0] = 'j'
	}
	return string(rs[0]) + string(mark) + string(rs[1:])
}

// accentMarks are the one-character accent commands: \'e, \"o ...
var accentMarks = map[rune]rune{
	'`': '\u0300', '\'': '\u0301', '^': '\u0302', '~': '\u0303', '=': '\u0304',
	'.': '\u0307', '"': '\u0308',
}

// letterAccents are the accent commands spelled with letters: \c{c}, \v{s} ...
var letterAccents = map[string]rune{
	"u": '\u0306', "r": '\u030A', "H": '\u030B', "v": '\u030C', "d": '\u0323',
	"c": '\u0327', "k": '\u0328', "b": '\u0331', "t": '\u0361',
}

// controlSymbols are backslash + one non-letter that are not accents.
var controlSymbols = map[rune]string{
	'&': "&", '%': "%", '$': "$", '#': "#", '_': "_", '{': "{", '}': "}",
	' ': " ", ',': " ", ';': " ", ':': " ", '!': "", '-': "", '/': "", '@': "",
	'\\': " ", '\n': " ",
}

// texSymbols are control words that stand for a character or word.
var texSymbols = map[string]string{
	"ss": "ß", "SS": "SS", "o": "ø", "O": "Ø", "l": "ł", "L": "Ł", "aa": "å", "AA": "Å",
	"ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð",
	"th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ", "dj": "đ", "DJ": "Đ", "ij": "ij", "IJ": "IJ",
	"textendash": "–", "textemdash": "—", "textquoteleft": "‘", "textquoteright": "’",
	"textquotedblleft": "“", "textquotedblright": "”", "guillemotleft": "«",
	"guillemotright": "»", "guillemetleft": "«", "guillemetright": "»",
	"textellipsis": "…", "dots": "…", "ldots": "…", "S": "§", "P": "¶", "textsection": "§",
	"textparagraph": "¶", "dag": "†", "ddag": "‡", "copyright": "©", "textcopyright": "©",
	"pounds": "£", "textsterling": "£", "euro": "€", "texteuro": "€", "textdegree": "°",
	"textasciitilde": "~", "textasciicircum": "^", "textbackslash": "\\", "textbar": "|",
	"textless": "<", "textgreater": ">", "textunderscore": "_", "textbullet": "•",
	"textperiodcentered": "·", "textregistered": "®", "texttrademark": "™",
	"textexclamdown": "¡", "textquestiondown": "¿", "textordfeminine": "ª",
	"textordmasculine": "º", "LaTeX": "LaTeX", "TeX": "TeX", "BibTeX": "BibTeX",
	"quad": " ", "qquad": " ", "space": " ", "nobreakspace": " ", "slash": "/",
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "zeta": "ζ",
	"eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ",
	"nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ",
	"upsilon": "υ", "phi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ",
	"Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
	"Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "times": "×", "pm": "±", "cdot": "·",
	"leq": "≤", "geq": "≥", "neq": "≠", "infty": "∞", "to": "→", "rightarrow": "→",
}

// fontSwitches change the font of what follows ({\it x}); they add no text.
var fontSwitches = map[string]bool{
	"em": true, "it": true, "bf": true, "sc": true, "rm": true, "sl": true, "sf": true,
	"tt": true, "itshape": true, "bfseries": true, "scshape": true, "upshape": true,
	"slshape": true, "normalfont": true, "mdseries": true, "small": true, "footnotesize": true,
	"large": true, "Large": true, "relax": true, "protect": true, "unskip": true,
	"null": true, "nobreak": true, "allowbreak": true, "break": true, "newblock": true,
}
