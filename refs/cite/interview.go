package cite

import (
	"strings"
	"unicode"

	"github.com/ibid-project/ibid/internal/textscan"
)

// Oral history is cited in prose as often as in form: "According to his
// son Vlady, interviewed in Mexico City, Jan. 1986" or "… her cousin Irina
// Gogua. Interview, March 10, 1989, Moscow." The interviewee is the name
// just before the word; the piece runs from that name to the end of the
// sentence, which Parse reads as an interview.

// interviewedMarkers follow the interviewee's name after a comma.
var interviewedMarkers = []string{", interviewed", ", entrevistado", ", interviewé", ", befragt"}

// proseInterview finds an interview cited in a sentence of prose: a name
// followed by ", interviewed …".
func proseInterview(note string, sp Span) (Piece, bool) {
	t := note[sp.Start:sp.End]
	if !hasMarkerOpening(t) {
		return Piece{}, false
	}
	lt := lower(t)
	for _, m := range interviewedMarkers {
		k := strings.Index(lt, m)
		if k <= 0 {
			continue
		}
		if start := nameRunBefore(t, k); start >= 0 {
			return Piece{Text: strings.TrimSpace(t[start:]), Start: sp.Start + start, End: sp.End}, true
		}
	}
	return Piece{}, false
}

// hasMarkerOpening reports whether t holds, in any case, the ASCII opening
// of one of the interviewedMarkers (", interv", ", entrev", ", befragt"),
// looked for at every comma in one pass.
func hasMarkerOpening(t string) bool {
	for from := 0; ; {
		k := strings.Index(t[from:], ", ")
		if k < 0 {
			return false
		}
		rest := t[from+k+2:]
		if textscan.HasPrefixFold(rest, "interv") || textscan.HasPrefixFold(rest, "entrev") || textscan.HasPrefixFold(rest, "befragt") {
			return true
		}
		from += k + 1
	}
}

// interviewAfterName finds a sentence that opens with the genre word
// ("Interview, March 10, 1989, Moscow") and takes the interviewee from the
// name closing the sentence before it.
func interviewAfterName(note string, prev, sp Span) (Piece, bool) {
	t := note[sp.Start:sp.End]
	w, rest, ok := strings.Cut(t, ",")
	if !ok || strings.TrimSpace(rest) == "" {
		return Piece{}, false
	}
	if !isInterviewWord(strings.TrimSpace(w)) {
		return Piece{}, false
	}
	before := note[prev.Start:prev.End]
	if start := nameRunBefore(before, len(strings.TrimRight(before, ". "))); start >= 0 {
		return Piece{Text: note[prev.Start+start : sp.End], Start: prev.Start + start, End: sp.End}, true
	}
	// "Vlady recalled that … Taped interview, Mexico City, May 1987": the
	// sentence's subject is the person interviewed
	if name := leadingName(before); name != "" {
		return Piece{Text: "Interview with " + name + ", " + strings.TrimSpace(rest), Start: sp.Start, End: sp.End}, true
	}
	return Piece{}, false
}

// isInterviewWord reports whether w, in any case, is a genre word an
// interview's sentence opens with ("Interview", "Taped interview"). It is
// asked of the text before every sentence's first comma, which lower-cased
// whole cost an allocation a sentence.
func isInterviewWord(w string) bool {
	return equalLower(w, "interview") || equalLower(w, "taped interview") || equalLower(w, "telephone interview") ||
		equalLower(w, "entretien") || equalLower(w, "entrevista")
}

// leadingName returns the name that opens a sentence as its subject: one
// to three capitalised words followed by a lower-case verb ("Vlady
// recalled that …"), "" when the sentence opens otherwise.
func leadingName(t string) string {
	words := strings.Fields(t)
	n := 0
	for n < len(words) && n < 3 && isCapitalised(words[n]) && !strings.ContainsAny(words[n], ",.;:") {
		n++
	}
	if n == 0 || n >= len(words) || !startsLower(words[n]) || titleStarters[lower(words[0])] || sentenceWord(words[0]) || opensProse(words[0]) {
		return ""
	}
	name := strings.Join(words[:n], " ")
	if !isNameLike(name) {
		return ""
	}
	return name
}

// nameRunBefore returns where the run of one to four capitalised words
// ending at end of t starts ("… his son Vlady" → offset of "Vlady"), or
// -1 when no name ends there. A possessive ("Serge's son") or a
// sentence opener is no part of the name.
func nameRunBefore(t string, end int) int {
	words := strings.Fields(t[:end])
	if len(words) == 0 {
		return -1
	}
	n := 0
	for k := len(words) - 1; k >= 0 && n < 4; k-- {
		w := words[k]
		if !isCapitalised(w) || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || strings.ContainsFunc(w, unicode.IsDigit) || opensProse(w) || sentenceWord(w) {
			break
		}
		n++
	}
	if n == 0 {
		return -1
	}
	name := strings.Join(words[len(words)-n:], " ")
	if !isNameLike(name) {
		return -1
	}
	return strings.LastIndex(t[:end], words[len(words)-n])
}

// sentenceWords are capitalised function words that open sentences
// ("According", "The") rather than names.
var sentenceWords = setOf(`according the a an in as by see to for with`)

// sentenceWord reports whether w is one of sentenceWords.
func sentenceWord(w string) bool { return sentenceWords[lower(strings.Trim(w, ",.;:"))] }
