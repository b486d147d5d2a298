package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// listConjunctions may join the last citation of a list to the one before.
var listConjunctions = []string{"and ", "et ", "und ", "y "}

// volumeWords open a part of the same citation, never a new one.
var volumeWords = setOf(`vol vols volume volumes no nos nr tome tomes bd t`)

// splitAtPinpoints cuts a list of citations that each end with a labelled
// pinpoint: "Gold, pp. 302-305, Serge, Memoirs, p. 364, and Fry, pp.
// 170-178" holds three. A unit ends at its pinpoint; a following ", X" or
// ", and X" that opens with a capital starts another citation when it too
// has a labelled pinpoint or is joined by a conjunction.
//
// The spans are appended to out.
func splitAtPinpoints(out []Span, note string, sp Span) []Span {
	start := sp.Start
	t := note[sp.Start:sp.End]
	var buf [16]int
	inAt := -2 // where " in " first stands from start on, not yet looked for
	for _, k := range appendCommasOutsideQuotes(buf[:0], t) {
		at := sp.Start + k
		if at <= start {
			continue
		}
		// what follows the comma is told first: most commas open no
		// citation, and then the text before needs no weighing
		next := at + 2
		rest := note[next:sp.End]
		joined := false
		for _, c := range listConjunctions {
			if strings.HasPrefix(rest, c) {
				rest, joined = rest[len(c):], true
				break
			}
		}
		if !opensCitation(rest) {
			continue
		}
		left := note[start:at]
		if inAt == -2 {
			inAt = strings.Index(note[start:sp.End], " in ")
		}
		dated := endsWithArticleDate(left, inAt)
		if !endsWithLabelledPinpoint(left) && !endsWithLocatorLike(left) && !dated {
			continue
		}
		if !joined && !hasLabelledPinpoint(rest) || dated && (joined || !titleAfterDate(rest)) {
			continue
		}
		end := at
		if k := bareLabelAt(left); k >= 0 {
			end = start + k // "Life and Death, pp." : the label without its number goes
		}
		out = append(out, Span{start, end})
		start = next
		inAt = -2
	}
	return append(out, Span{start, sp.End})
}

// endsWithLocatorLike reports whether s ends as a citation's pinpoint
// does without a page number: a bracketed pinpoint ("Portrait, (chapter
// XXI)") or a label whose number the author left out ("Life and Death,
// pp.").
func endsWithLocatorLike(s string) bool {
	s = strings.TrimRight(s, " ")
	if strings.HasSuffix(s, ")") {
		if k := strings.LastIndexByte(s, '('); k > 0 && strings.TrimRight(s[:k], " ,") != "" {
			in := s[k+1 : len(s)-1]
			return isPinpoint(in, false) && labelledPinpoint(in)
		}
		return false
	}
	return bareLabelAt(s) >= 0
}

// bareLabelAt returns where a page label without its number ends s
// (", pp."), or -1.
func bareLabelAt(s string) int {
	s = strings.TrimRight(s, " ")
	k := strings.LastIndexAny(s, " ,")
	if k <= 0 || !strings.HasSuffix(strings.TrimRight(s[:k+1], " "), ",") || strings.TrimRight(s[:k], " ,") == "" || !strings.HasSuffix(s, ".") {
		return -1 // "6 pp." counts pages
	}
	switch lower(strings.TrimSuffix(s[k+1:], ".")) {
	case "p", "pp", "pps":
		return len(strings.TrimRight(s[:k], " ,"))
	}
	return -1
}

// titleAfterDate reports whether what follows an article's date opens
// another citation rather than the article's place: a quotation, or a
// title that is no place or name ("Seize fusilés, p. 19", not "Santiago
// de Chile, p. 6").
func titleAfterDate(rest string) bool {
	if r := firstRune(rest); r == '"' || r == '“' || r == '«' {
		return true
	}
	head, _, _ := strings.Cut(rest, ", ")
	return !isPlace(head) && !isNameLike(head)
}

// endsWithArticleDate reports whether s is an article's citation that
// ends with its date: a quoted title, "in" a periodical, then the issue's
// date ("“The Third Trial,” in La Revolution Proletarienne, March 1938").
// inAt is the offset of the first " in " in s, or in a longer text s
// opens, -1 if none: a list of citations is weighed at each of its commas
// without looking for " in " from its start again.
func endsWithArticleDate(s string, inAt int) bool {
	if inAt < 0 {
		return false // told before s is searched
	}
	k := strings.LastIndex(s, ", ")
	if k < 0 || inAt+len(" in ") > k || withoutQuotedLen(s) == len(s) {
		return false
	}
	d, ok := parseDate(s[k+2:])
	return ok && d != nil && len(d.DateParts) > 0 && len(d.DateParts[0]) >= 2
}

// appendCommasOutsideQuotes appends to out the offsets of ", " in t that
// stand outside quotations and brackets, found in one pass.
//
// t is read byte by byte: the marks outside ASCII are told by their first
// byte and the bytes after it, and a first byte of a character is never
// read as part of another, so the bytes read are those a loop over the
// characters would.
func appendCommasOutsideQuotes(out []int, t string) []int {
	depth, straight := 0, false
	for i := 0; i < len(t); i++ {
		if !commaScanBytes[t[i]] {
			continue // most bytes: told by one look-up
		}
		switch t[i] {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case '"':
			straight = !straight
		case ',':
			if depth == 0 && !straight && i+1 < len(t) && t[i+1] == ' ' {
				out = append(out, i)
			}
		case 0xE2, 0xC2: // the first byte of “ ” and of « »
			switch {
			case strings.HasPrefix(t[i:], "“"), strings.HasPrefix(t[i:], "«"):
				depth++
			case strings.HasPrefix(t[i:], "”"), strings.HasPrefix(t[i:], "»"):
				if depth > 0 {
					depth--
				}
			}
		}
	}
	return out
}

// commaScanBytes are the bytes appendCommasOutsideQuotes acts on.
var commaScanBytes = func() (set [256]bool) {
	for _, c := range []byte{'(', '[', ')', ']', '"', ',', 0xE2, 0xC2} {
		set[c] = true
	}
	return set
}()

// endsWithLabelledPinpoint reports whether s ends with a pinpoint that
// opens with a label ("p. 218", "pp. 19, 31-34") after some other text.
func endsWithLabelledPinpoint(s string) bool {
	s = strings.TrimRight(s, " .")
	if !mayEndPinpoint(s) {
		return false
	}
	for j := len(s) - 1; j > 0 && len(s)-j <= 40; j-- {
		if s[j-1] != ' ' && s[j-1] != ',' {
			continue
		}
		cand := s[j:]
		if labelledPinpoint(cand) && !opensWithOtherWord(cand) && isPinpoint(cand, false) {
			return strings.TrimRight(s[:j], " ,") != ""
		}
	}
	return false
}

// mayEndPinpoint is a quick test before the pinpoints ending s are
// looked for: every one ends with the last field pinpointNumbers reads, and
// that ends with a digit or with one of the letters that end a page
// number's suffix ("12v", "45ff"), a roman numeral or a word it lets pass
// ("and", "et", "passim", "note"). The separators, spaces and full stops
// after it are passed over; a byte outside ASCII there leaves s untold.
func mayEndPinpoint(s string) bool {
	for i := len(s) - 1; i >= 0; i-- {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return true // perhaps a separator such as '–': not told
		case c == '.' || c == ',' || c == '-' || c == '&' || c == '/' || c == ' ' || '\t' <= c && c <= '\r':
			continue
		}
		return pinpointEndBytes[foldByte(c)]
	}
	return false // nothing but separators: no number
}

// pinpointEndBytes are the ASCII characters that may end the last field
// pinpointNumbers accepts, lower-cased as isPinpoint reads them.
var pinpointEndBytes = func() (set [256]bool) {
	for _, c := range []byte("0123456789" + "rvfabn" + "ivxlc" + "dtymne") {
		set[c] = true
	}
	return set
}()

// opensWithOtherWord reports that isPinpoint(t, false) is false, told
// cheaply: t opens with a word of ASCII letters, followed by an ASCII
// character or nothing, that is neither a locator label nor the first
// word of "passim" or "et passim" ("Paris, 1937", "and 5").
func opensWithOtherWord(t string) bool {
	n := 0
	for n < len(t) && ('a' <= t[n] && t[n] <= 'z' || 'A' <= t[n] && t[n] <= 'Z') {
		n++
	}
	var buf [16]byte
	if n == 0 || n > len(buf) || n < len(t) && t[n] >= utf8.RuneSelf {
		return false // not told cheaply
	}
	if n > longestOtherWordOK || !otherWordOKOpeners[foldByte(t[0])] {
		return true // neither a label, "passim" nor "et", told without a look-up
	}
	w := lowerASCII(buf[:0], t[:n])
	return !locatorLabels[string(w)] && string(w) != "passim" && string(w) != "et"
}

// otherWordOKOpeners holds the first letters of the words
// opensWithOtherWord lets pass (the locator labels, "passim" and "et"), and
// longestOtherWordOK the length of the longest.
var otherWordOKOpeners, longestOtherWordOK = func() (set [256]bool, longest int) {
	for _, w := range append([]string{"passim", "et"}, setWords(locatorLabels)...) {
		set[w[0]] = true
		longest = max(longest, len(w))
	}
	return set, longest
}()

// setWords returns the words of a set.
func setWords(set map[string]bool) []string {
	var out []string
	for w := range set {
		out = append(out, w)
	}
	return out
}

// volumeWordsAndLabels holds the volumeWords and the locatorLabels, which
// opensCitation refuses alike, and volumeOrLabelOpeners their first bytes
// (a letter outside ASCII lower-cases to a word's first byte only from a
// byte outside ASCII, which is looked up).
var volumeWordsAndLabels, volumeOrLabelOpeners = func() (set map[string]bool, openers [256]bool) {
	set = map[string]bool{}
	for _, words := range []map[string]bool{volumeWords, locatorLabels} {
		for w, ok := range words {
			set[w] = set[w] || ok
		}
	}
	for w := range set {
		openers[w[0]] = true
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		openers[c] = true
	}
	return set, openers
}()

// hasLabelledPinpoint reports whether s holds a labelled pinpoint
// anywhere.
func hasLabelledPinpoint(s string) bool {
	for part := range strings.SplitSeq(s, ", ") {
		if endsWithLabelledPinpoint("x " + part) {
			return true
		}
	}
	return false
}

// opensCitation reports whether s opens as a citation does: with a
// capitalised word that is no volume or pinpoint label, or a quotation.
func opensCitation(s string) bool {
	if s == "" {
		return false
	}
	r := firstRune(s)
	if r == '"' || r == '“' || r == '«' {
		return true
	}
	if !unicode.IsUpper(r) {
		return false
	}
	w, _, _ := strings.Cut(s, " ")
	w = strings.TrimRight(w, ".,:")
	if w != "" && !volumeOrLabelOpeners[foldByte(w[0])] {
		return true // no volume word or label opens with this letter
	}
	return !lookupLower(volumeWordsAndLabels, w)
}
