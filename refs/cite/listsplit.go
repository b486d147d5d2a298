package cite

import (
	"strings"
	"unicode"
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
func splitAtPinpoints(note string, sp Span) []Span {
	var out []Span
	start := sp.Start
	t := note[sp.Start:sp.End]
	for _, k := range commasOutsideQuotes(t) {
		at := sp.Start + k
		if at <= start {
			continue
		}
		if !endsWithLabelledPinpoint(note[start:at]) {
			continue
		}
		next := at + 2
		rest := note[next:sp.End]
		joined := false
		for _, c := range listConjunctions {
			if strings.HasPrefix(rest, c) {
				rest, joined = rest[len(c):], true
				break
			}
		}
		if !opensCitation(rest) || !joined && !hasLabelledPinpoint(rest) {
			continue
		}
		out = append(out, Span{start, at})
		start = next
	}
	return append(out, Span{start, sp.End})
}

// commasOutsideQuotes returns the offsets of ", " in t that stand outside
// quotations and brackets, in one pass.
func commasOutsideQuotes(t string) []int {
	var out []int
	depth, straight := 0, false
	for i, r := range t {
		switch r {
		case '(', '[', '“', '«':
			depth++
		case ')', ']', '”', '»':
			if depth > 0 {
				depth--
			}
		case '"':
			straight = !straight
		case ',':
			if depth == 0 && !straight && i+1 < len(t) && t[i+1] == ' ' {
				out = append(out, i)
			}
		}
	}
	return out
}

// endsWithLabelledPinpoint reports whether s ends with a pinpoint that
// opens with a label ("p. 218", "pp. 19, 31-34") after some other text.
func endsWithLabelledPinpoint(s string) bool {
	s = strings.TrimRight(s, " .")
	for j := len(s) - 1; j > 0 && len(s)-j <= 40; j-- {
		if s[j-1] != ' ' && s[j-1] != ',' {
			continue
		}
		cand := s[j:]
		if isPinpoint(cand, false) && labelledPinpoint(cand) {
			return strings.TrimRight(s[:j], " ,") != ""
		}
	}
	return false
}

// hasLabelledPinpoint reports whether s holds a labelled pinpoint
// anywhere.
func hasLabelledPinpoint(s string) bool {
	for _, part := range strings.Split(s, ", ") {
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
	w = lower(strings.TrimRight(w, ".,:"))
	return !volumeWords[w] && !locatorLabels[w]
}
