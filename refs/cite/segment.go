package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ibid-project/ibid/internal/textscan"
)

// segKind says how a segment was delimited.
type segKind uint8

const (
	plain   segKind = iota
	quoted          // “…”, "…", ‘…’, «…», „…“
	italic          // *…* or _…_ (Markdown emphasis)
	paren           // (…)
	bracket         // […]
	link            // a URL or DOI
)

// seg is one field-sized piece of a reference string: the text between two
// separators, or a quoted, emphasised or parenthesised group. start and end
// bound its content (without quotes or brackets, trimmed); sep is the
// punctuation that ends it (',', '.', ';', ':', ' ' when the next segment
// simply follows, 0 at the end).
type seg struct {
	start, end int
	kind       segKind
	sep        byte
}

// segment cuts s[lo:hi] into segments, appended to out.
func segment(out []seg, s string, lo, hi int) []seg {
	i := lo
	for {
		i = skipSpace(s, i, hi)
		if i >= hi {
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		atWord := i == lo || !isWordRune(lastRune(s[lo:i]))
		if atWord {
			if c := texQuoteClose(s, i, hi); c >= 0 {
				// ``Title,'' as references taken from TeX write quotes
				var sg seg
				sg, i = quotedSeg(s, i+2, c, c+2, hi)
				out = append(out, sg)
				continue
			}
			if closeRune, ok := openQuote(r, s, i+size, hi); ok {
				if c := findCloseQuote(s, i+size, hi, r, closeRune); c >= 0 {
					var sg seg
					sg, i = quotedSeg(s, i+size, c, c+utf8.RuneLen(closeRune), hi)
					out = append(out, sg)
					continue
				}
			}
			if r == '(' || r == '[' {
				if c := matchingClose(s, i, hi); c >= 0 {
					cs, ce := trimSpan(s, i+1, c)
					next, sep := readSep(s, c+1, hi)
					k := paren
					if r == '[' {
						k = bracket
					}
					if sep == 0 && next < hi {
						sep = ' '
					}
					out = append(out, seg{cs, ce, k, sep})
					i = next
					continue
				}
			}
			if r == '*' || r == '_' {
				if c := findEmphasisClose(s, i, hi, s[i]); c >= 0 {
					open := i
					for open < c && s[open] == s[i] {
						open++
					}
					cs, ce := trimSpan(s, open, c)
					for ce > cs && strings.IndexByte(",.;:", s[ce-1]) >= 0 {
						ce--
					}
					end := c
					for end < hi && s[end] == s[i] {
						end++
					}
					next, sep := readSep(s, end, hi)
					if sep == 0 && next < hi {
						sep = ' '
					}
					out = append(out, seg{cs, ce, italic, sep})
					i = next
					continue
				}
			}
			if n := urlLen(s, i, hi); n > 0 {
				cs, ce := i, i+n
				if s[cs] == '<' {
					cs++
					if ce > cs && s[ce-1] == '>' {
						ce--
					}
				}
				next, sep := readSep(s, i+n, hi)
				if sep == 0 && next < hi {
					sep = ' '
				}
				out = append(out, seg{cs, ce, link, sep})
				i = next
				continue
			}
		}
		j, end, sep := scanPlain(s, i, lo, hi)
		cs, ce := trimSpan(s, i, end)
		cs, ce = trimStrayQuotes(s, cs, ce)
		if ce > cs {
			out = append(out, seg{cs, ce, plain, sep})
		} else if len(out) > 0 && sep != ' ' && sep != 0 {
			out[len(out)-1].sep = sep
		}
		if j <= i {
			j = i + 1
		}
		i = j
	}
	if n := len(out); n > 0 && out[n-1].sep == ' ' {
		out[n-1].sep = 0
	}
	return out
}

// quotedSeg makes the quoted segment whose content runs from start to the
// closing quote at c, which ends at after; it returns the segment and
// where to resume. Punctuation inside the closing quote ("Title,") is the
// separator unless one follows the quote.
func quotedSeg(s string, start, c, after, hi int) (seg, int) {
	cs, ce := trimSpan(s, start, c)
	sep := byte(' ')
	for ce > cs && strings.IndexByte(",.;:", s[ce-1]) >= 0 {
		sep = s[ce-1]
		ce--
	}
	next, sepAfter := readSep(s, after, hi)
	if sepAfter != 0 {
		sep = sepAfter
	}
	if sep == ' ' && next >= hi {
		sep = 0
	}
	return seg{cs, ce, quoted, sep}, next
}

// texQuoteClose returns where the two apostrophes closing a TeX
// quotation opened by two backquotes at i are, or -1.
func texQuoteClose(s string, i, hi int) int {
	if i+2 > hi || s[i] != '`' || s[i+1] != '`' {
		return -1
	}
	c := strings.Index(s[i+2:hi], "''")
	if c <= 0 {
		return -1
	}
	return i + 2 + c
}

// scanPlain reads unquoted text from i and returns where to resume, where
// the content ends and the separator found.
func scanPlain(s string, i, lo, hi int) (next, end int, sep byte) {
	j := i
	for j < hi {
		c := s[j]
		if !plainStops[c] {
			j++ // a byte the switch below passes over
			continue
		}
		switch c {
		case ',', ';':
			return j + 1, j, c
		case ':':
			if j+1 >= hi || isSpaceAt(s, j+1) {
				return j + 1, j, c
			}
		case '.', '?', '!':
			if j+1 >= hi || isSpaceAt(s, j+1) || closesQuoteAt(s, j+1) {
				if c != '.' {
					return j + 1, j + 1, '.'
				}
				if !abbreviationBefore(s, i, j, hi) && !ordinalDot(s, i, j) {
					return j + 1, j, '.'
				}
			}
		case '(', '[', '*', '_', '"', '<', '`':
			if j > i && isSpaceAt(s, j-1) && startsGroup(s, j, hi) {
				return j, j, ' '
			}
		case 'h', 'w', 'd', 'H', 'W', 'D':
			if j > i && isSpaceAt(s, j-1) && urlLen(s, j, hi) > 0 {
				return j, j, ' '
			}
		default:
			if c >= 0x80 && j > i && isSpaceAt(s, j-1) {
				r, size := utf8.DecodeRuneInString(s[j:])
				if cr, ok := openQuote(r, s, j+size, hi); ok && findCloseQuote(s, j+size, hi, r, cr) >= 0 {
					return j, j, ' '
				}
			}
		}
		j++
	}
	return hi, hi, 0
}

// plainStops marks the bytes scanPlain looks at: separators, openings of
// groups, the first letters of links, and every non-ASCII byte.
var plainStops = func() (stops [256]bool) {
	for _, c := range []byte(",;:.?!([*_\"<`hwdHWD") {
		stops[c] = true
	}
	for c := 0x80; c < 0x100; c++ {
		stops[c] = true
	}
	return stops
}()

// startsGroup reports whether the byte at j opens a group the segmenter
// reads whole (brackets, emphasis, ASCII quotes).
func startsGroup(s string, j, hi int) bool {
	switch s[j] {
	case '(', '[':
		return matchingClose(s, j, hi) >= 0
	case '*', '_':
		return findEmphasisClose(s, j, hi, s[j]) >= 0
	case '"':
		return findCloseQuote(s, j+1, hi, '"', '"') >= 0
	case '`':
		return texQuoteClose(s, j, hi) >= 0
	case '<':
		return urlLen(s, j, hi) > 0
	}
	return false
}

// readSep skips spaces and one separator after a group; it returns where
// to resume and the separator (0 when none).
func readSep(s string, i, hi int) (int, byte) {
	j := skipSpace(s, i, hi)
	if j < hi {
		switch s[j] {
		case ',', ';', ':', '.':
			return j + 1, s[j]
		}
	}
	return j, 0
}

// openQuote reports whether r opens a quotation and which rune closes it.
func openQuote(r rune, s string, next, hi int) (rune, bool) {
	switch r {
	case '“':
		return '”', true
	case '„':
		return '“', true
	case '«':
		return '»', true
	case '‘':
		return '’', true
	case '‚':
		return '‘', true
	case '"':
		return '"', true
	case '\'':
		if next < hi {
			r2, _ := utf8.DecodeRuneInString(s[next:])
			return '\'', unicode.IsLetter(r2) || unicode.IsDigit(r2)
		}
	}
	return 0, false
}

// findCloseQuote finds the closing quote of a quotation opened before i.
// Single quotes double as apostrophes, so a closing single quote must not
// be followed by a letter and, when followed by a space, should not be
// followed by a lower-case word (Squatters’ rights’).
//
// Only the runes that may close the quotation are decoded: the bytes
// between are passed one by one, as no rune they begin can close it, and
// a first byte of a closing rune (ASCII, or one that opens a rune) never
// stands within another rune.
func findCloseQuote(s string, i, hi int, open, close rune) int {
	single := close == '’' || close == '\'' || close == '‘'
	fallback := -1
	closer, alternative := firstByte(close), firstByte(close)
	switch open {
	case '“':
		alternative = '"'
	case '„':
		alternative = firstByte('”')
	}
	for j := i; j < hi; {
		if c := s[j]; c != closer && c != alternative {
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if r == close || (open == '“' && r == '"') || (open == '„' && r == '”') {
			if !single {
				if j > i {
					return j
				}
				j += size
				continue
			}
			after := j + size
			if j > i && !isWordRune(lastRune(s[i:j])) && lastRune(s[i:j]) != '.' && lastRune(s[i:j]) != '!' && lastRune(s[i:j]) != '?' && lastRune(s[i:j]) != ',' {
				j += size
				continue
			}
			if after >= hi {
				return j
			}
			r2, _ := utf8.DecodeRuneInString(s[after:])
			if !unicode.IsLetter(r2) {
				if r2 != ' ' {
					return j
				}
				k := skipSpace(s, after, hi)
				if k < hi {
					r3, _ := utf8.DecodeRuneInString(s[k:])
					if !unicode.IsLower(r3) {
						return j
					}
				}
				if fallback < 0 {
					fallback = j
				}
			}
		}
		j += size
	}
	return fallback
}

// firstByte returns the first byte of r written in UTF-8.
func firstByte(r rune) byte {
	var b [utf8.UTFMax]byte
	utf8.EncodeRune(b[:], r)
	return b[0]
}

// matchingClose finds the bracket closing the one at i.
func matchingClose(s string, i, hi int) int {
	open := s[i]
	close := byte(')')
	if open == '[' {
		close = ']'
	}
	depth := 0
	for j := i; j < hi; j++ {
		switch s[j] {
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// findEmphasisClose finds the closing run of a Markdown emphasis opened by
// the marker run at i.
func findEmphasisClose(s string, i, hi int, m byte) int {
	j := i
	for j < hi && s[j] == m {
		j++
	}
	if j >= hi || s[j] == ' ' {
		return -1
	}
	for k := j + 1; k < hi; k++ {
		if s[k] != m || s[k-1] == ' ' {
			continue
		}
		end := k
		for end < hi && s[end] == m {
			end++
		}
		if end >= hi || !isWordRune(firstRune(s[end:])) {
			return k
		}
	}
	return -1
}

// urlLen returns the length of the URL or DOI starting at i, 0 if none.
func urlLen(s string, i, hi int) int {
	rest := s[i:hi]
	start := 0
	if strings.HasPrefix(rest, "<") {
		start = 1
	}
	head := rest[start:]
	doi := textscan.HasPrefixFold(head, "doi:")
	if !(doi || textscan.HasPrefixFold(head, "http://") || textscan.HasPrefixFold(head, "https://") || textscan.HasPrefixFold(head, "www.")) {
		return 0
	}
	n := start
	if doi {
		// "doi: 10.4324/..." with a space
		k := start + 4
		for k < len(rest) && rest[k] == ' ' {
			k++
		}
		if strings.HasPrefix(rest[k:], "10.") {
			n = k
		}
	}
	for n < len(rest) && rest[n] != ' ' && rest[n] != '\t' && rest[n] != '\n' && !(start == 1 && rest[n] == '>') {
		n++
	}
	if start == 1 && n < len(rest) && rest[n] == '>' {
		return n + 1
	}
	for n > start && strings.IndexByte(".,;)", rest[n-1]) >= 0 {
		if rest[n-1] == ')' && strings.Count(rest[start:n], "(") >= strings.Count(rest[start:n], ")") {
			break
		}
		n--
	}
	return n
}

// abbreviationBefore reports whether the period at j ends an abbreviation
// or an initial rather than a sentence.
func abbreviationBefore(s string, from, j, hi int) bool {
	k := j
	for k > from {
		if c := s[k-1]; c < utf8.RuneSelf { // the rune is the byte
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
				break
			}
			k--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(s[from:k])
		if !unicode.IsLetter(r) && r != 'ᵒ' && r != 'ᵉ' {
			break
		}
		k -= size
	}
	word := s[k:j]
	if word == "" || (k > from && s[k-1] >= '0' && s[k-1] <= '9') {
		return false // "1911.", "pp. 151-152n."
	}
	if utf8.RuneCountInString(word) == 1 {
		return true
	}
	var buf [32]byte
	low := ""
	if len(word) <= len(buf) {
		low = string(appendLower(buf[:0], word)) // on the stack: only compared
	} else {
		low = lower(word)
	}
	nextUpper := false
	if n := skipSpace(s, j+1, hi); n < hi {
		nextUpper = unicode.IsUpper(firstRune(s[n:]))
	}
	switch low {
	case "jr", "sr":
		return !nextUpper
	case "ed", "éd", "eds", "edn":
		// "2nd ed. Cultural Studies" ends a sentence, "ed. Jane Doe" does not.
		prev := lower(rawWordBefore(s, from, k))
		if isOrdinal(prev) || prev == "rev" || prev == "new" || prev == "revised" || prev == "enl" {
			return false
		}
		return true
	case "al":
		return !nextUpper
	case "vols", "vol", "bde", "tomes", "t", "ff", "pp":
		prev := lastWord(s[from:k])
		return !(nextUpper && allDigits(prev))
	}
	if k > from && s[k-1] == '.' {
		return true // "Ph.D.", "U.S.A."
	}
	return abbreviations[low]
}

func isSpaceAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if c := s[i]; c < utf8.RuneSelf {
		return isASCIISpace(c) // the rune is the byte
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isSpace(r)
}

// isASCIISpace is isSpace for a rune below utf8.RuneSelf.
func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func closesQuoteAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r == '”' || r == '"' || r == '’' || r == '»' || r == '“'
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\f'
}

func skipSpace(s string, i, hi int) int {
	for i < hi {
		if c := s[i]; c < utf8.RuneSelf { // the rune is the byte
			if !isASCIISpace(c) {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isSpace(r) {
			break
		}
		i += size
	}
	return i
}

// trimSpan trims spaces from both ends of s[i:j].
func trimSpan(s string, i, j int) (int, int) {
	i = skipSpace(s, i, j)
	for j > i {
		if c := s[j-1]; c < utf8.RuneSelf { // the rune is the byte
			if !isSpace(rune(c)) {
				break
			}
			j--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(s[i:j])
		if !isSpace(r) {
			break
		}
		j -= size
	}
	return i, j
}

// trimStrayQuotes drops unbalanced quote marks at the ends of a plain
// segment (typed theses often lose one of a pair).
func trimStrayQuotes(s string, i, j int) (int, int) {
	for j > i {
		// the quotes end in '"' or in the last bytes of ” (9D), “ (9C)
		// and » (BB): no other last byte needs the rune decoded
		if c := s[j-1]; c != '"' && c != 0x9d && c != 0x9c && c != 0xbb {
			break
		}
		r, size := utf8.DecodeLastRuneInString(s[i:j])
		if r != '"' && r != '”' && r != '“' && r != '»' {
			break
		}
		j -= size
	}
	for j > i {
		// '"', or “ and „ (opening E2) or « (C2)
		if c := s[i]; c != '"' && c != 0xe2 && c != 0xc2 {
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:j])
		if r != '"' && r != '“' && r != '«' && r != '„' {
			break
		}
		i += size
	}
	return trimSpan(s, i, j)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// rawWordBefore returns the space-delimited token before k, with its
// punctuation ("2nd", "2.", "1,").
func rawWordBefore(s string, from, k int) string {
	t := strings.TrimRight(s[from:k], " ")
	j := strings.LastIndexByte(t, ' ')
	return t[j+1:]
}

// lastWord returns the last run of letters and digits in s.
func lastWord(s string) string {
	s = strings.TrimRight(s, " .,")
	k := strings.LastIndexAny(s, " (")
	return s[k+1:]
}

// ordinalDot reports whether the period at j follows a German-style
// ordinal number ("8. September 2015", "2. Aufl.", "19. Jahrhundert").
func ordinalDot(s string, from, j int) bool {
	k := j
	for k > from && s[k-1] >= '0' && s[k-1] <= '9' {
		k--
	}
	if k == j || j-k > 2 || (k > from && isWordRune(lastRune(s[from:k]))) {
		return false
	}
	n := skipSpace(s, j+1, len(s))
	e := n
	for e < len(s) && s[e] != ' ' && s[e] != '.' && s[e] != ',' {
		e++
	}
	w := s[n:e]
	return lookupLower(months, w) > 0 || equalLower(w, "aufl") || equalLower(w, "auflage") || equalLower(w, "jahrhundert") ||
		equalLower(w, "jh") || equalLower(w, "ausg") || equalLower(w, "ausgabe")
}
