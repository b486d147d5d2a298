package cite

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/ibid-project/ibid/internal/textscan"
)

// Piece is one citation found in a footnote.
type Piece struct {
	// Text is the citation, ready for Parse(…, Note): prefix words such as
	// "See also" and alias declarations removed. An interview whose person
	// is the subject of the sentence before is written out as "Interview
	// with NAME, …", the only text not copied from the note.
	Text string
	// Start and End are the byte offsets of the citation in the note.
	Start, End int
	// Prefix is the signal before the citation, lower-cased ("see", "see
	// also", "cf.", "quoted in", "for a survey, see"), "" when none.
	Prefix string
	// Back is the back-reference form: BackIbid, BackOpCit, BackLocCit or "".
	Back string
	// Locator is the pinpoint after a back-reference ("Ibid., p. 72" →
	// "p. 72").
	Locator string
	// Alias is an abbreviation the piece declares for its work:
	// "(Hereafter, Greeman)" → "Greeman", "(FLTS)" → "FLTS".
	Alias string
}

// signals are the words that introduce a citation, longest first.
var signals = []string{
	"see, for example,", "see, e.g.,", "see inter alia", "see especially", "see for example", "see e.g.",
	"see also", "see further", "see generally", "see", "cf. also", "cf.", "cf", "compare", "contrast",
	"quoted in", "cited in", "quoted by", "cited by", "reprinted in", "reproduced in", "translated in",
	"and in part in", "and reprinted in", "and also in", "in part in", "also in",
	"voir aussi", "voir également", "voir notamment", "voir", "cité dans", "cité par", "cité in",
	"vgl. auch", "vgl. dazu", "vgl.", "vgl", "siehe auch", "siehe", "dazu", "zitiert nach", "zit. nach", "s. auch",
	"véase también", "véase", "cfr.", "citado en", "citado por",
	"ferner", "sowie", "außerdem", "auch", "also", "and", "with", "et", "und", "e.g.,", "e.g.", "for example,", "for instance,", "but see", "but cf.",
}

// midSignals split a sentence into two citations where they follow a
// comma: "Stalin, Sochineniya, 22-24, quoted in Carr, Ibid., p. 288".
var midSignals = []string{", quoted in ", ", cited in ", ", quoted by ", ", cited by ", ", reprinted in ", ", cité dans ", ", cité par ", ", zitiert nach ", ", citado en ", "; see also ", ", see also ", ", and see ",
	", reproduced in ", ", and reprinted in ", ", and in part in ", ", and also in "}

// Split finds the citations in a footnote's text. Citations are separated
// by semicolons, sentences and signal phrases ("See also", "cf.", "quoted
// in"); sentences of commentary that cite nothing yield no piece.
func Split(note string) []Piece {
	var out []Piece
	var prev Span
	// The sentences, and the parts of one, are gathered in buffers on the
	// stack, long enough for most notes; mids and parts are reused from one
	// sentence, and part, to the next.
	var chunkBuf, midBuf, partBuf [16]Span
	mids, parts := midBuf[:0], partBuf[:0]
	for k, ch := range chunks(chunkBuf[:0], note) {
		if a := aliasSentence(note[ch.Start:ch.End]); a != "" {
			if len(out) > 0 && out[len(out)-1].Alias == "" {
				out[len(out)-1].Alias = a // "… 1937. Cited below as FGM."
			}
			continue
		}
		if k > 0 && (len(out) == 0 || out[len(out)-1].End <= prev.Start) {
			if pc, ok := interviewAfterName(note, prev, ch); ok {
				out = append(out, pc)
				prev = ch
				continue
			}
		}
		prev = ch
		mids = splitMid(mids[:0], note, ch)
		for _, mid := range mids {
			parts = splitAtPinpoints(parts[:0], note, mid)
			for _, part := range parts {
				if inner := trailingParenCitations(note, part); len(inner) > 0 {
					out = append(out, inner...)
				} else if pc, ok := proseInterview(note, part); ok {
					out = append(out, pc)
				} else if pc, ok := makePiece(note, part); ok || len(parts) > 1 && listItem(pc.Text) {
					out = append(out, pc)
				} else if pc, ok := trailingCitation(note, part); ok {
					out = append(out, pc)
				}
			}
		}
	}
	return out
}

// listItem reports whether a part of a list of citations cut at their
// pinpoints is itself a citation though it gives no pinpoint: "Life and
// Death of Leon Trotsky, (with Natalia Sedova)" between two others.
func listItem(t string) bool {
	return opensCitation(t) && len(strings.Fields(t)) <= 16 && commentaryScore(withoutQuoted(t)) < 0.3
}

// sentence is a part of a note between sentence ends or semicolons;
// afterSemicolon tells that a semicolon ended the part before it.
type sentence struct {
	Span
	afterSemicolon bool
}

// chunks cuts a note into sentences and semicolon-separated parts, merging
// a lone name with the sentence that follows it and a trailing link or
// lower-case continuation with the one before. They are appended to out.
func chunks(out []Span, note string) []Span {
	var buf [16]sentence // most notes have fewer: no allocation
	raw := cutSentences(buf[:0], note)
	for k := 0; k < len(raw); k++ {
		c := raw[k]
		t := note[c.Start:c.End]
		if k+1 < len(raw) && !raw[k+1].afterSemicolon && nameOnly(t) && !opensWithNames(note[raw[k+1].Start:raw[k+1].End]) {
			raw[k+1].Start = c.Start
			continue
		}
		if len(out) > 0 && !c.afterSemicolon && (startsWithLink(t) || startsLower(t) && !startsWithSignal(t) && !startsWithParticle(t)) {
			out[len(out)-1].End = c.End
			continue
		}
		out = append(out, c.Span)
	}
	return out
}

// opensWithNames reports whether a sentence opens with its own names
// before a comma ("Serge, Wullens, Title"), so a lone name before it is
// not its author.
func opensWithNames(t string) bool {
	a, _, ok := strings.Cut(t, ", ")
	if !ok || !isCapitalised(a) || textscan.FieldCount(a) > 3 {
		return false
	}
	_, ok = parseNames(a, natural)
	return ok
}

// startsWithParticle reports whether t opens with a name particle
// ("al-Ruṣāfī", "de Gaulle"), which is no continuation.
func startsWithParticle(t string) bool {
	w, _, _ := strings.Cut(t, " ")
	var buf [32]byte
	lw := w
	if len(w) <= len(buf) && textscan.IsASCII(w) {
		lw = string(lowerASCII(buf[:0], w)) // on the stack: only looked up
	} else {
		lw = lower(w)
	}
	if particles[lw] {
		return true
	}
	if k := hyphenOrApostrophe.index(lw); k > 0 && particles[lw[:k]] {
		return true
	}
	return false
}

// cutSentences splits at semicolons and sentence ends outside quotes and
// brackets, appending the sentences to out.
func cutSentences(out []sentence, note string) []sentence {
	start := 0
	depth := 0
	quoteEnd := -1 // inside a quotation until this offset
	semi := false
	flush := func(end int, nextSemi bool) {
		s, e := trimSpan(note, start, end)
		e = trimEndPunct(note, s, e)
		if e > s {
			out = append(out, sentence{Span{s, e}, semi})
		}
		semi = nextSemi
	}
	for i := 0; i < len(note); {
		if i = nextSentenceByte(note, i); i == len(note) {
			break
		}
		r, size := utf8.DecodeRuneInString(note[i:])
		if i < quoteEnd {
			i += size
			continue
		}
		// a quotation opens at a word's start
		if closeRune, ok := openQuote(r, note, i+size, len(note)); ok && (i == 0 || !isWordRune(lastRune(note[:i]))) {
			if c := findCloseQuote(note, i+size, len(note), r, closeRune); c >= 0 {
				quoteEnd = c + utf8.RuneLen(closeRune)
				if depth == 0 && c > 0 && strings.IndexByte(".?!", note[c-1]) >= 0 && textscan.FieldCountUpTo(note[i:c], 2) > 2 {
					// 'all were shot.' Year One: the sentence ends inside the quotation
					if k := skipSpace(note, quoteEnd, len(note)); k > quoteEnd && k < len(note) && unicode.IsUpper(firstRune(note[k:])) {
						flush(quoteEnd, false)
						start = quoteEnd
					}
				}
				i += size
				continue
			}
		}
		switch {
		case r == '(' || r == '[':
			depth++
		case r == ')' || r == ']':
			if depth > 0 {
				depth--
			}
		case depth == 0 && r == ';':
			flush(i, true)
			start = i + 1
		case depth == 0 && (r == '.' || r == '?' || r == '!'):
			if end, ok := sentenceEnd(note, start, i); ok {
				flush(end, false)
				start = end
			}
		}
		i += size
	}
	flush(len(note), false)
	return out
}

// nextSentenceByte returns the offset of the first byte of note from i on
// that cutSentences acts on (sentenceBytes), len(note) if none: the bytes
// that open no quotation, bracket or sentence end are passed over in a
// loop of their own.
func nextSentenceByte(note string, i int) int {
	for i < len(note) && !sentenceBytes[note[i]] {
		i++
	}
	return i
}

// sentenceBytes are the bytes cutSentences acts on: the ASCII quotation
// marks, brackets, semicolons and sentence ends, and the first bytes of
// the other quotation marks openQuote reads (“ „ ‘ ‚ and «). Every other
// character is passed over byte by byte: its bytes past the first are
// none of these, so the characters acted on are those read rune by rune.
var sentenceBytes = func() (set [256]bool) {
	for _, c := range []byte(`"'()[];.?!`) {
		set[c] = true
	}
	for _, q := range []string{"“", "„", "‘", "‚", "«"} {
		set[q[0]] = true
	}
	return set
}()

// sentenceEnd reports whether the stop at i ends a sentence, and where
// the sentence ends (after closing quotes).
func sentenceEnd(note string, from, i int) (int, bool) {
	j := i + 1
	for j < len(note) {
		r, size := utf8.DecodeRuneInString(note[j:])
		if r != '"' && r != '”' && r != '’' && r != '\'' && r != '»' && r != ')' {
			break
		}
		j += size
	}
	k := skipSpace(note, j, len(note))
	if k == j || k >= len(note) {
		return 0, false
	}
	r, size := utf8.DecodeRuneInString(note[k:])
	if r == '(' || r == '[' {
		// "… booze. (Memoirs, p. 354)": a bracketed sentence closing the note
		c := matchingClose(note, k, len(note))
		if c < 0 || strings.Trim(note[c+1:], " .;") != "" || equalLower(wordBefore(note, from, i), "al") {
			return 0, false
		}
		r, _ = utf8.DecodeRuneInString(note[k+size:])
	}
	if !unicode.IsUpper(r) && r != '“' && r != '«' && r != '„' && r != '"' && r != '‘' {
		return 0, false
	}
	if note[i] == '.' && ordinalDot(note, from, i) {
		return 0, false
	}
	if note[i] != '.' && j == i+1 && placeOfPublication(note[k:]) {
		// "Ou va la Revolution Russe? Paris, Cahiers Spartacus, 1936": a
		// title's question mark before its imprint
		return 0, false
	}
	if note[i] == '.' && j == i+1 {
		w := wordBefore(note, from, i)
		if equalLower(w, "ibid") || equalLower(w, "cit") || equalLower(w, "id") || equalLower(w, "ebd") || equalLower(w, "passim") ||
			equalLower(w, "ff") || equalLower(w, "idem") || equalLower(w, "al") || equalLower(w, "etc") || equalLower(w, "loc") {
			return j, true
		}
		if abbreviationBefore(note, from, i, len(note)) {
			return 0, false
		}
	}
	return j, true
}

// placeOfPublication reports whether t opens with a known place of
// publication followed by a comma or colon, as an imprint does.
func placeOfPublication(t string) bool {
	k := strings.IndexAny(t, ",:")
	return k > 0 && textscan.FieldCount(t[:k]) <= 3 && isPlace(t[:k])
}

// wordBefore returns the letters just before i.
func wordBefore(s string, from, i int) string {
	k := i
	for k > from {
		r, size := utf8.DecodeLastRuneInString(s[from:k])
		if !unicode.IsLetter(r) {
			break
		}
		k -= size
	}
	return s[k:i]
}

// trimEndPunct drops a final period or comma from a sentence span.
func trimEndPunct(s string, i, j int) int {
	for j > i && (s[j-1] == '.' || s[j-1] == ',' || s[j-1] == ' ') {
		if s[j-1] == '.' && j-1 > i && abbreviationBefore(s, i, j-1, len(s)) {
			break
		}
		j--
	}
	return j
}

// nameOnly reports whether a sentence is only names (a Chicago
// bibliography-style note "Nora Schmidt. « Title »").
func nameOnly(t string) bool {
	if digitOrComma.index(t) >= 0 && !strings.Contains(t, " et al") {
		return false
	}
	return textscan.FieldCountUpTo(t, 8) <= 8 && isNames(t) // the names read last, as the most costly test
}

// isNames reports whether t reads as names in natural order.
func isNames(t string) bool {
	_, ok := parseNames(t, natural)
	return ok
}

func startsWithLink(t string) bool { return urlLen(t, 0, len(t)) > 0 }

func startsWithSignal(t string) bool {
	_, n := signalPrefix(t)
	return n > 0
}

// splitMid splits a chunk at signals that follow a comma, appending the
// parts to out.
func splitMid(out []Span, note string, ch Span) []Span {
	start := ch.Start
	for {
		cut := firstMidSignal(note[start:ch.End])
		if cut < 0 {
			break
		}
		// keep the signal words with the second part: ", quoted in X" → "quoted in X"
		sigStart := start + cut + 1
		for sigStart < ch.End && (note[sigStart] == ' ' || note[sigStart] == ';' || note[sigStart] == ',') {
			sigStart++
		}
		if cut > 0 {
			out = append(out, Span{start, start + cut})
		}
		start = sigStart
	}
	out = append(out, Span{start, ch.End})
	return out
}

// firstMidSignal returns the offset of the first of the midSignals written
// in t outside double quotes and brackets, as lower-cased, or -1. Every
// one opens with a comma or a semicolon.
//
// The commas and semicolons are found by strings.IndexByte, the next of
// each kept until passed.
func firstMidSignal(t string) int {
	comma, semi := -1, -1 // the next ones at k or after, once looked for
	for k := 0; k+2 < len(t); k++ {
		if comma < k {
			if comma = strings.IndexByte(t[k:], ','); comma < 0 {
				comma = len(t)
			} else {
				comma += k
			}
		}
		if semi < k {
			if semi = strings.IndexByte(t[k:], ';'); semi < 0 {
				semi = len(t)
			} else {
				semi += k
			}
		}
		if k = min(comma, semi); k+2 >= len(t) {
			break
		}
		if t[k+1] != ' ' {
			continue
		}
		for _, m := range midSignalsByThird[foldByte(t[k+2])] {
			if hasPrefixFolded(t[k:], m) {
				if outsideQuotes(t[:k]) {
					return k
				}
				break // whichever signal it is, k is inside quotes
			}
		}
	}
	return -1
}

// midSignalsByThird holds the midSignals by their third byte, the first
// letter after ", " or "; ".
var midSignalsByThird = func() (by [256][]string) {
	for _, m := range midSignals {
		by[m[2]] = append(by[m[2]], m)
	}
	return by
}()

// foldByte lower-cases an ASCII capital.
func foldByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// indexOutsideQuotes finds m in t outside double quotes and brackets.
func indexOutsideQuotes(t, m string) int {
	from := 0
	for {
		k := strings.Index(t[from:], m)
		if k < 0 {
			return -1
		}
		k += from
		if outsideQuotes(t[:k]) {
			return k
		}
		from = k + 1
	}
}

// outsideQuotes reports whether the text after pre stands outside double
// quotes and brackets: pre opens as many as it closes.
func outsideQuotes(pre string) bool {
	open := strings.Count(pre, "“") + strings.Count(pre, "«") + strings.Count(pre, "(")
	closed := strings.Count(pre, "”") + strings.Count(pre, "»") + strings.Count(pre, ")")
	return open == closed && strings.Count(pre, "\"")%2 == 0
}

// hasPrefixFolded is strings.HasPrefix(lower(s), prefix) for a prefix
// that ends with an ASCII byte: lower keeps byte offsets, so the prefix of
// lower(s) is lower of the prefix of s when it ends at a rune's end, and
// a prefix ending inside a rune cannot end with an ASCII byte.
//
// The ASCII bytes that open prefix are compared as textscan.HasPrefixFold
// does, in the pass that finds where they end.
func hasPrefixFolded(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if prefix[i] >= utf8.RuneSelf {
			// lower keeps the ASCII bytes before where they are
			return equalLowerAny(s[:len(prefix)], prefix)
		}
		if foldByte(s[i]) != prefix[i] {
			return false
		}
	}
	return true
}

// containsLower is strings.Contains(lower(s), sub) for an ASCII sub,
// without lower-casing s: lower keeps every byte of s ASCII or not.
// It jumps from one occurrence of a byte of sub to the next, in either
// case: the rarest in English of its letters (the v of "interview"), as
// rareLetterAt picks it.
func containsLower(s, sub string) bool {
	at := rareLetterAt(sub)
	jump := [2]byte{sub[at], sub[at]}
	if 'a' <= sub[at] && sub[at] <= 'z' {
		jump[1] -= 'a' - 'A'
	}
	for n, c := range jump {
		if n == 1 && c == jump[0] {
			break // no capital to look for
		}
		for from := 0; ; {
			k := strings.IndexByte(s[from:], c)
			if k < 0 {
				break
			}
			if start := from + k - at; start >= 0 && textscan.HasPrefixFold(s[start:], sub) {
				return true
			}
			from += k + 1
		}
	}
	return false
}

// rareLetterAt returns the offset in sub of its first letter among the
// rarer ones of English text, 0 when it has none.
func rareLetterAt(sub string) int {
	for i := 0; i < len(sub); i++ {
		switch sub[i] {
		case 'v', 'w', 'y', 'f', 'b', 'k', 'j', 'x', 'q', 'z':
			return i
		}
	}
	return 0
}

// signalPrefix finds a signal phrase opening t, possibly after a short
// introduction ("For a survey, see"); it returns the lower-cased prefix
// and its length in bytes.
//
// Every occurrence of a signal in the first signalScan bytes of t is
// weighed, and the first one starting further on (within the
// introduction's limit). Only occurrences at the start of a word can count,
// so the words' starts are tried against the signals their first letter
// may open.
//
// t is compared as lower(t) reads, without lower-casing it: lower keeps
// byte offsets, keeps ASCII bytes ASCII and others not, and keeps a
// letter a letter, and every signal opens and ends with an ASCII byte.
func signalPrefix(t string) (string, int) {
	best := 0
	limit := introLimit(t)
	weigh := func(sig string, k int) {
		end := k + len(sig)
		if end >= len(t) || !(t[end] == ' ' || t[end] == ',' || strings.HasSuffix(sig, ",") || strings.HasSuffix(sig, ".")) {
			return
		}
		if k > 0 && isWordRune(lastRune(t[:k])) {
			return
		}
		intro := strings.TrimSpace(t[:k])
		if intro != "" && (!introOK(intro) || conjunctionSignals[sig]) {
			return
		}
		if end > best {
			best = end
		}
	}
	for k, end := 0, min(len(t), signalScan, limit+1); k < end; k++ {
		if k > 0 && asciiWordByte[t[k-1]] {
			continue // not at a word's start
		}
		sigs := signalsByFirst[foldByte(t[k])]
		if len(sigs) == 0 {
			continue // no signal opens here
		}
		if k > 0 && !mayEndIntro(t[:k]) {
			continue // weigh would refuse whatever signal opens here
		}
		for _, sig := range sigs {
			if k+1 < len(t) && sig[1] < utf8.RuneSelf && foldByte(t[k+1]) != sig[1] {
				continue // told by the second letter, as hasPrefixFolded would
			}
			if hasPrefixFolded(t[k:], sig) {
				weigh(sig, k)
			}
		}
	}
	if limit >= signalScan {
		lt := lower(t)
		for _, sig := range signals {
			window := lt[:min(len(lt), limit+len(sig))]
			if len(window) <= signalScan {
				continue
			}
			if k := strings.Index(window[signalScan:], sig); k >= 0 {
				weigh(sig, signalScan+k)
			}
		}
	}
	if best == 0 {
		return "", 0
	}
	n := best
	for n < len(t) && (t[n] == ' ' || t[n] == ',' || t[n] == ':') {
		n++
	}
	return strings.TrimRight(lower(t[:best]), " ,:"), n
}

// asciiWordByte holds the ASCII letters and digits (isWordRune).
var asciiWordByte = func() (set [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		set[c] = isWordRune(rune(c))
	}
	return set
}()

// mayEndIntro reports whether the text before a signal may pass as its
// introduction in weigh: spaces only, or a text that ends with a comma,
// as introOK requires.
func mayEndIntro(pre string) bool {
	p := strings.TrimRightFunc(pre, unicode.IsSpace)
	return p == "" || p[len(p)-1] == ','
}

// signalScan is the length of the stretch of a text whose every signal
// signalPrefix weighs; past it, only each signal's first occurrence.
const signalScan = 79

// signalsByFirst holds the signals by their first byte.
var signalsByFirst = func() (by [256][]string) {
	for _, sig := range signals {
		by[sig[0]] = append(by[sig[0]], sig)
	}
	return by
}()

// introOK reports whether text before a signal is a short introduction
// ending with a comma ("for a survey,", "sur ce point,").
func introOK(intro string) bool {
	if !strings.HasSuffix(intro, ",") {
		return false
	}
	w := strings.Fields(intro)
	if len(w) > introMaxWords || introForbiddenSet.index(intro) >= 0 {
		return false
	}
	for _, x := range w[1:] {
		if isCapitalised(x) {
			return false // "Lovejoy, Lovejoy, und": names, not an introduction
		}
	}
	return true
}

// runeSet is a set of characters: IndexAny, ContainsAny and Trim with
// it for a cutset, without a search of the set for every ASCII byte.
type runeSet struct {
	ascii [utf8.RuneSelf]bool
	other string // the characters outside ASCII
	// stop holds the bytes index stops at: the set's ASCII characters
	// and every byte outside ASCII
	stop [256]bool
}

func newRuneSet(chars string) *runeSet {
	set := &runeSet{}
	for _, r := range chars {
		if r < utf8.RuneSelf {
			set.ascii[r] = true
		} else {
			set.other += string(r)
		}
	}
	for c := range set.stop {
		set.stop[c] = c >= utf8.RuneSelf || set.ascii[c]
	}
	return set
}

// has reports whether r is in the set.
func (set *runeSet) has(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && set.ascii[r]
	}
	return strings.ContainsRune(set.other, r)
}

// index is strings.IndexAny(s, chars) for the set's chars.
func (set *runeSet) index(s string) int {
	for i := 0; i < len(s); {
		for i < len(s) && !set.stop[s[i]] {
			i++ // an ASCII character not in the set, in a loop of their own
		}
		if i == len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
			if set.ascii[c] {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if strings.ContainsRune(set.other, r) {
			return i
		}
		i += size
	}
	return -1
}

// trim is strings.TrimFunc(s, set.has).
func (set *runeSet) trim(s string) string {
	for s != "" {
		if c := s[0]; c < utf8.RuneSelf {
			if !set.ascii[c] {
				break
			}
			s = s[1:]
			continue
		}
		r, size := utf8.DecodeRuneInString(s)
		if !set.has(r) {
			break
		}
		s = s[size:]
	}
	for s != "" {
		if c := s[len(s)-1]; c < utf8.RuneSelf {
			if !set.ascii[c] {
				break
			}
			s = s[:len(s)-1]
			continue
		}
		r, size := utf8.DecodeLastRuneInString(s)
		if !set.has(r) {
			break
		}
		s = s[:len(s)-size]
	}
	return s
}

// Character sets of Split.
var (
	hyphenOrApostrophe = newRuneSet("-'’") // after a particle: "al-Ruṣāfī", "d'Alembert"
	digitOrComma       = newRuneSet("0123456789,")
	introForbiddenSet  = newRuneSet(introForbidden)
	quotesOrStar       = newRuneSet("“”«»„\"‘’*")
	doubleQuotes       = newRuneSet("“”«»„\"")
	wordPunct          = newRuneSet(",.;:()[]“”\"'‘’«»*_") // trimmed off the words commentaryScore weighs
)

// An introduction has at most introMaxWords words and none of the
// characters of introForbidden.
const (
	introMaxWords  = 6
	introForbidden = "0123456789“”\"«»()"
)

// introLimit is the last byte offset in t at which a signal may start:
// the text before one starting later holds a character an introduction
// may not, or too many words, so introOK refuses it.
// It is the start of the word past introMaxWords, or the last byte of
// the first forbidden character, whichever comes first: t is read once,
// up to the first of them.
func introLimit(t string) int {
	words, inWord := 0, false
	for i := 0; i < len(t); {
		if inWord {
			for i < len(t) && plainInWord[t[i]] {
				i++ // an ASCII byte inside a word that changes nothing
			}
			if i == len(t) {
				break
			}
		}
		var space, forbidden bool
		size := 1
		if c := t[i]; c < utf8.RuneSelf {
			// as unicode.IsSpace and introForbiddenSet.has read ASCII
			space = c == ' ' || '\t' <= c && c <= '\r'
			forbidden = introForbiddenSet.ascii[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(t[i:])
			space, forbidden = unicode.IsSpace(r), introForbiddenSet.has(r)
		}
		if space {
			inWord = false
			i += size
			continue
		}
		if !inWord {
			inWord = true
			if words++; words > introMaxWords {
				return i
			}
		}
		if forbidden {
			return i + size - 1
		}
		i += size
	}
	return len(t)
}

// plainInWord holds the ASCII bytes that are neither spaces nor
// forbidden in an introduction: inside a word, introLimit passes them over.
var plainInWord = func() (set [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		set[c] = !unicode.IsSpace(rune(c)) && !introForbiddenSet.ascii[c]
	}
	return set
}()

// conjunctionSignals may only open a part, never follow an introduction.
var conjunctionSignals = map[string]bool{"and": true, "et": true, "und": true, "with": true, "also": true}

// makePiece builds a piece from a chunk when it holds a citation.
func makePiece(note string, sp Span) (Piece, bool) {
	sp = unwrapParens(note, sp)
	t := note[sp.Start:sp.End]
	pc := Piece{Start: sp.Start, End: sp.End}
	if pre, n := signalPrefix(t); n > 0 && n < len(t) {
		pc.Prefix = pre
		pc.Start += n
		t = note[pc.Start:sp.End]
	}
	if n := leadingCommentary(t); n > 0 && n < len(t) {
		pc.Start += n
		t = note[pc.Start:sp.End]
	}
	t, pc.Alias = takeAlias(t)
	t = strings.TrimSpace(t)
	pc.Text = t
	if form, start, end := findBackRef(t); form != "" {
		if k := nameBeforeBackRef(t[:start]); k > 0 {
			// "… is discussed in Conquest, op. cit." → "Conquest, op. cit."
			if idx := strings.Index(note[pc.Start:sp.End], t[k:]); idx >= 0 {
				pc.Start += idx
			}
			t = t[k:]
			end -= k
			pc.Text = t
		}
		pc.Back = form
		pc.Locator = pinpointAfter(t, end)
		return pc, true
	}
	if !looksLikeCitation(t) {
		return pc, false
	}
	return pc, true
}

// trailingParenCitations finds the citations in brackets that close a
// sentence of commentary: "… as he recalled (Memoirs, p. 354)", "… is
// uncertain (Glare, 1982, p. 180; Moore, 2017, pp. 11–16)".
func trailingParenCitations(note string, sp Span) []Piece {
	t := strings.TrimRight(note[sp.Start:sp.End], " .")
	if !strings.HasSuffix(t, ")") {
		return nil
	}
	for k := len(t) - 2; k >= 0; k-- {
		if t[k] != '(' || matchingClose(t, k, len(t)) != len(t)-1 {
			continue
		}
		if !hasLabelledPinpoint(t[k+1:len(t)-1]) || !isProse(withoutQuoted(t[:k])) || textscan.FieldCount(t[:k]) < 4 {
			return nil
		}
		var out []Piece
		var buf [8]sentence
		for _, c := range cutSentences(buf[:0], t[k+1:len(t)-1]) {
			off := sp.Start + k + 1
			if pc, ok := makePiece(note, Span{off + c.Start, off + c.End}); ok {
				out = append(out, pc)
			}
		}
		return out
	}
	return nil
}

// trailingCitation finds a citation that closes a sentence of commentary
// after a comma and ends with a labelled pinpoint: "… an error, Hale,
// Tides, p. 12". The citation takes the comma parts back to the first that
// reads as prose.
func trailingCitation(note string, sp Span) (Piece, bool) {
	t := note[sp.Start:sp.End]
	if !endsWithLabelledPinpoint(t) {
		return Piece{}, false
	}
	var buf [16]int
	commas := appendCommasOutsideQuotes(buf[:0], t)
	best := -1
	for n := len(commas) - 1; n >= 0 && n >= len(commas)-4; n-- {
		k := commas[n]
		partEnd := len(t)
		if n+1 < len(commas) {
			partEnd = commas[n+1]
		}
		part := t[k+2 : partEnd]
		if startsLower(part) && !isPinpoint(part, false) || isProse(withoutQuoted(part)) || textscan.FieldCount(part) > 8 {
			break
		}
		if opensCitation(t[k+2:]) {
			best = k
		}
	}
	if best < 0 || !isProse(withoutQuoted(t[:best])) {
		return Piece{}, false
	}
	rest := t[best+2:]
	if _, r := Locator(rest); r == "" || !isCapitalised(r) {
		return Piece{}, false
	}
	return makePiece(note, Span{sp.Start + best + 2, sp.End})
}

// unwrapParens drops the brackets around a sentence that is wholly
// bracketed: "(Memoirs, p. 354)" → "Memoirs, p. 354".
func unwrapParens(note string, sp Span) Span {
	t := note[sp.Start:sp.End]
	if len(t) < 3 || (t[0] != '(' && t[0] != '[') {
		return sp
	}
	if c := matchingClose(t, 0, len(t)); c == len(t)-1 {
		s, e := trimSpan(note, sp.Start+1, sp.End-1)
		return Span{s, trimEndPunct(note, s, e)}
	}
	return sp
}

// nameBeforeBackRef finds where the author's name starts in the prose
// before a back-reference ("The story is recounted in Medvedev, " →
// offset of "Medvedev"); 0 when the text before is no prose.
func nameBeforeBackRef(pre string) int {
	head := strings.TrimRight(pre, " ,")
	if textscan.FieldCountUpTo(head, 4) <= 4 || commentaryScore(withoutQuoted(head)) < 0.3 {
		return 0 // told before the words are gathered
	}
	words := strings.Fields(head)
	k := len(head)
	for n := len(words) - 1; n >= 0 && len(words)-n <= 4; n-- {
		w := words[n]
		if !isCapitalised(w) && !lookupLower(particles, w) {
			break
		}
		k = strings.LastIndex(head[:k], w)
	}
	if k >= len(head) || k <= 0 {
		return 0
	}
	return k
}

// takeAlias removes an alias declaration from t: "(Hereafter, Greeman)",
// "(hereafter cited as X)", "[hereinafter X]", "(FLTS)".
func takeAlias(t string) (string, string) {
	for _, open := range []byte{'(', '['} {
		for from := 0; from < len(t); {
			k := strings.IndexByte(t[from:], open)
			if k < 0 {
				break
			}
			k += from
			c := matchingClose(t, k, len(t))
			if c < 0 {
				break
			}
			inner := strings.TrimSpace(t[k+1 : c])
			if a := aliasIn(inner); a != "" {
				rest := strings.TrimSpace(t[:k]) + t[c+1:]
				return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(rest), ",")), a
			}
			from = c + 1
		}
	}
	return t, ""
}

// aliasSentence returns the alias a sentence of its own declares for the
// citation before it ("Cited below as FGM", "Henceforth Memoirs"), "" if
// the sentence is no such declaration.
func aliasSentence(t string) string {
	tt := strings.TrimSpace(t)
	for _, kw := range []string{"cited below as", "referred to below as", "hereafter cited as", "hereinafter cited as", "cited hereafter as", "hereafter", "hereinafter", "henceforth", "cited as"} {
		if textscan.HasPrefixFold(tt, kw) {
			a := aliasIn(t)
			if n := textscan.FieldCount(a); n == 0 || n > 6 {
				return ""
			}
			return a
		}
	}
	return ""
}

// aliasIn returns the alias declared by a bracketed text, "" if none.
func aliasIn(inner string) string {
	if mayDeclareAlias(inner) {
		if a, ok := aliasAfterKeyword(inner); ok {
			return a
		}
	}
	// an all-capitals abbreviation: "(FLTS)"
	if n := utf8.RuneCountInString(inner); n >= 2 && n <= 8 {
		for _, r := range inner {
			if !unicode.IsUpper(r) && r != '-' && r != '&' {
				return ""
			}
		}
		return inner
	}
	return ""
}

// mayDeclareAlias reports whether lower(inner) may hold one of the
// keywords aliasAfterKeyword looks for: each holds one of these words, or
// the ASCII end of one ("ci-après", "désormais"). Most brackets hold none,
// and are not lowered.
func mayDeclareAlias(inner string) bool {
	for _, w := range []string{"cited", "referred", "hereafter", "hereinafter", "henceforth", "ci-apr", "sormais", "im folgenden", "en adelante"} {
		if containsLower(inner, w) {
			return true
		}
	}
	return false
}

// aliasAfterKeyword returns the alias after the first keyword (by their
// order) that inner holds in any case.
func aliasAfterKeyword(inner string) (string, bool) {
	li := lower(inner)
	for _, kw := range []string{"cited below as", "referred to below as", "cited henceforth as", "hereafter cited as", "hereinafter cited as", "hereafter referred to as", "cited hereafter as", "hereafter", "hereinafter", "henceforth", "cited as", "ci-après", "désormais", "im folgenden", "en adelante"} {
		if k := strings.Index(li, kw); k >= 0 {
			a := strings.TrimSpace(inner[k+len(kw):])
			a = strings.Trim(a, " ,:.\"“”'‘’*_")
			return a, true
		}
	}
	return "", false
}

// looksLikeCitation decides whether a sentence cites something rather than
// only comments. Trailing commentary after a comma ("…, 45, whose reading
// is followed here") is ignored.
func looksLikeCitation(t string) bool {
	if t == "" || !hasLetter(t) {
		return false
	}
	// each of the first three holds a slash, which most citations lack
	if strings.IndexByte(t, '/') >= 0 && (strings.Contains(t, "http://") || strings.Contains(t, "https://") || strings.Contains(t, "doi.org/")) || strings.HasPrefix(t, "doi:") {
		return true
	}
	t = citationHead(t)
	if startsLower(t) && !startsWithParticle(t) {
		return false // citations open with a name or a title, prose with a lower-case word
	}
	bare := withoutQuoted(t)
	// the words are counted only as far as each test needs, after its
	// other conditions
	if opensProse(firstWord(t)) && textscan.FieldCountUpTo(t, 9) >= 10 {
		return false // "Although Serge uses the superlative, …"
	}
	if containsLower(t, "letter ") && (containsLower(t, "letter to ") || containsLower(t, "letter from ")) ||
		containsLower(t, "interview") && (containsLower(t, "interview with ") || containsLower(t, "interview by ") || containsLower(t, "interviews with ")) {
		if textscan.FieldCountUpTo(t, 16) <= 16 {
			return true // "Victor Serge, letter to Jacques Mesnil"
		}
	}
	if onlyQuotations(bare) {
		return true // « Dīwān al-Ruṣāfī »: a title alone
	}
	loc, rest := Locator(t)
	if loc != "" && (strings.Contains(rest, ",") || quotesOrStar.index(rest) >= 0 || textscan.FieldCountUpTo(rest, 6) <= 6) {
		// the share of prose must stay under 0.5, or 0.75 after names
		// ("Ausloos, The deuteronomist’s history, 320"): the names are
		// only read when the share falls between
		switch score := commentaryScore(withoutQuoted(rest)); {
		case score < 0.5:
			return true
		case score >= 0.75:
			return false
		}
		a, _, ok := strings.Cut(rest, ", ")
		if !ok {
			return false
		}
		_, okA := parseNames(a, natural)
		return okA
	}
	hasYear := yearIn(t) > 0
	quotedTitle := len(bare) < len(t) || strings.Contains(t, "*")
	if hasYear && (strings.Contains(t, "(") || quotedTitle || strings.Count(t, ",") >= 2 || hasPublisherWord(t)) { // the costliest test last
		return commentaryScore(bare) < 0.45
	}
	if quotedTitle && strings.Count(t, ",") >= 1 && textscan.FieldCountUpTo(t, 25) <= 25 {
		return commentaryScore(bare) < 0.4
	}
	// "Serge, Memoirs" / "Gelb and others, The Assyrian Dictionary": a short form
	if a, b, ok := strings.Cut(t, ", "); ok && !startsLower(t) && textscan.FieldCountUpTo(t, 20) <= 20 || ok && startsWithParticle(t) {
		// the names are read last, as the most costly test
		if (isCapitalised(b) && commentaryScore(b) < 0.3 || startsWithParticle(b) && commentaryScore(b) < 0.5) && isNames(a) {
			return true
		}
	}
	return false
}

// onlyQuotations reports whether text with its quotations replaced by "Q"
// (withoutQuoted) holds nothing else: strings.TrimSpace(strings.ReplaceAll(
// bare, "Q", "")) == "", without building the string when bare is ASCII.
func onlyQuotations(bare string) bool {
	for i := 0; i < len(bare); i++ {
		switch c := bare[i]; {
		case c >= utf8.RuneSelf:
			return strings.TrimSpace(strings.ReplaceAll(bare, "Q", "")) == ""
		case c != 'Q' && c != ' ' && (c < '\t' || c > '\r'):
			return false // a character that stays and is no space
		}
	}
	return true
}

// proseOpeners are words that open a sentence of prose and hardly ever a
// citation: pronouns, conjunctions and sentence adverbs.
var proseOpeners = setOf(`he she his her hers they their them it its we our this these those there
	while whilst although though but however thus nor once later when whereas since because
	moreover furthermore meanwhile indeed instead also yet still hence therefore nevertheless`)

// opensProse reports whether a sentence's first word marks it as prose.
// A word of a length no prose opener has is told without a look-up
// (lower keeps a word's length).
func opensProse(w string) bool {
	w = proseOpenerPunct.trim(w)
	if len(w) < proseOpenerLens[0] || len(w) > proseOpenerLens[1] {
		return false
	}
	return lookupLower(proseOpeners, w)
}

// proseOpenerPunct is trimmed off a word before it is looked up among
// the proseOpeners.
var proseOpenerPunct = newRuneSet(",;:\"'“”‘’")

// proseOpenerLens are the lengths of the shortest and the longest of the
// proseOpeners.
var proseOpenerLens = func() (lens [2]int) {
	lens[0] = 1 << 30
	for w := range proseOpeners {
		lens[0], lens[1] = min(lens[0], len(w)), max(lens[1], len(w))
	}
	return lens
}()

// citationHead cuts trailing commentary written after a comma.
// The parts are those between ", "; the rest from a part on is t from
// that part's start.
//
// A rest that holds a digit is no prose (isProse), so the parts before the
// last digit of t, found when first needed, are passed over without being
// weighed.
func citationHead(t string) string {
	lastDigit := -2 // not yet looked for
	// the words of the first rest weighed, weighed once: a rest's words
	// are those of t from its start on
	var wordBuf [64]weighedWord // on the stack: rests of up to 64 words
	var words []weighedWord
	for cut := strings.Index(t, ", "); cut >= 0; {
		from := cut + 2 // where the part starts
		part, rest := t[from:], t[from:]
		next := strings.Index(rest, ", ")
		if next >= 0 {
			part = rest[:next]
		}
		if startsLower(part) && !startsWithParticle(part) && doubleQuotes.index(part) < 0 {
			if lastDigit == -2 {
				lastDigit = lastASCIIDigit(t)
			}
			if from > lastDigit && !isPinpoint(rest, false) {
				if words == nil {
					// the later parts' rests are within this one's
					words = weighWords(wordBuf[:0], t, from)
				}
				if proseFrom(words, from) {
					return t[:cut]
				}
			}
		}
		if next < 0 {
			break
		}
		cut = from + next
	}
	return t
}

// weighedWord is a field of a text as commentaryScore weighs it.
type weighedWord struct {
	start            int
	counted, isProse bool
}

// weighWords appends to out the fields of t that start at from or later,
// weighed; t[from-1] is a space.
func weighWords(out []weighedWord, t string, from int) []weighedWord {
	ex := commentaryExempt()
	for i := from; ; {
		start, end := fieldBounds(t, i)
		if start == end {
			return out
		}
		i = end
		counted, prose := ex.weigh(t[start:end])
		out = append(out, weighedWord{start, counted, prose})
	}
}

// proseFrom is isProse(t[from:]) for the weighed words of t, when t[from-1]
// is a space and t[from:] holds no ASCII digit: the fields of t[from:] are
// the fields of t that start at from or later.
func proseFrom(words []weighedWord, from int) bool {
	fields, total, prose := 0, 0, 0
	for _, w := range words {
		if w.start < from {
			continue
		}
		fields++
		if w.counted {
			total++
		}
		if w.isProse {
			prose++
		}
	}
	return fields >= 2 && proseShare(prose, total) >= 0.3
}

// lastASCIIDigit returns the offset of the last ASCII digit of t, or -1.
func lastASCIIDigit(t string) int {
	for i := len(t) - 1; i >= 0; i-- {
		if '0' <= t[i] && t[i] <= '9' {
			return i
		}
	}
	return -1
}

// withoutQuoted removes quoted titles from t.
// Text without a quotation comes back as it is (a quotation mark that
// closes nothing, as an apostrophe, is none); otherwise the text between
// quotations is copied in runs.
func withoutQuoted(t string) string {
	if quoteOpenerSet.index(t) < 0 {
		return t
	}
	var b strings.Builder // grown at the first quotation
	copied := 0           // t[:copied] is written
	for i := 0; i < len(t); {
		for i < len(t) && t[i] < utf8.RuneSelf && t[i] != '"' && t[i] != '\'' {
			i++ // opens no quotation
		}
		if i == len(t) {
			break
		}
		r, size := utf8.DecodeRuneInString(t[i:])
		if cr, ok := openQuote(r, t, i+size, len(t)); ok && (i == 0 || !isWordRune(lastRune(t[:i]))) {
			if c := findCloseQuote(t, i+size, len(t), r, cr); c >= 0 {
				if b.Cap() == 0 {
					b.Grow(len(t))
				}
				b.WriteString(t[copied:i])
				// a straight quote may close a curly one: i may pass
				// the end by the difference
				i = c + utf8.RuneLen(cr)
				copied = min(i, len(t))
				b.WriteString(" Q ")
				continue
			}
		}
		i += size
	}
	if b.Cap() == 0 {
		return t // no quotation
	}
	b.WriteString(t[copied:])
	return b.String()
}

// withoutQuotedLen is len(withoutQuoted(t)), without building it.
func withoutQuotedLen(t string) int {
	if quoteOpenerSet.index(t) < 0 {
		return len(t)
	}
	n := 0
	for i := 0; i < len(t); {
		if c := t[i]; c < utf8.RuneSelf && c != '"' && c != '\'' {
			n++ // opens no quotation
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(t[i:])
		if cr, ok := openQuote(r, t, i+size, len(t)); ok && (i == 0 || !isWordRune(lastRune(t[:i]))) {
			if c := findCloseQuote(t, i+size, len(t), r, cr); c >= 0 {
				i = c + utf8.RuneLen(cr)
				n += len(" Q ")
				continue
			}
		}
		n += min(size, len(t)-i)
		i += size
	}
	return n
}

// quoteOpeners are the marks openQuote may read as opening a quotation.
const quoteOpeners = "“„«‘‚\"'"

var quoteOpenerSet = newRuneSet(quoteOpeners)

// commentaryScore is the share of words that read as running prose:
// lower-case words that are not function words, particles or labels.
func commentaryScore(t string) float64 {
	ex := commentaryExempt()
	total, prose := 0, 0
	for i := 0; ; {
		start, end := fieldBounds(t, i)
		if start == end {
			break
		}
		i = end
		counted, isProse := ex.weigh(t[start:end])
		if counted {
			total++
		}
		if isProse {
			prose++
		}
	}
	return proseShare(prose, total)
}

// proseShare is the share commentaryScore gives for prose words out of
// total counted ones.
func proseShare(prose, total int) float64 {
	if total == 0 {
		return 1
	}
	return float64(prose) / float64(total)
}

// weigh tells whether commentaryScore counts a field of text as a word
// (it holds a letter) and whether it reads as running prose.
func (ex exemptWords) weigh(field string) (counted, prose bool) {
	w := wordPunct.trim(field)
	letter, lowerFirst := letterStart(w)
	if !letter {
		return false, false
	}
	if !lowerFirst {
		return true, false
	}
	if len(w) <= 3 { // as long as lower(w): too short for prose
		return true, false
	}
	lw := lower(w)
	if tw := strings.TrimRight(lw, "."); tw == lw && ex.any[lw] || tw != lw && (ex.whole[lw] || ex.trimmed[tw]) {
		return true, false
	}
	if k := hyphenOrApostrophe.index(lw); k > 0 && particles[lw[:k]] {
		return true, false // as startsWithParticle: "al-Ruṣāfī"
	}
	return true, true
}

// letterStart is (hasLetter(w), startsLower(w)), read in one pass while w
// is ASCII: startsLower is told by the first letter or digit, hasLetter by
// the first letter.
func letterStart(w string) (letter, lowerFirst bool) {
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= utf8.RuneSelf:
			return hasLetter(w), startsLower(w) // no letter or digit before
		case 'a' <= c && c <= 'z':
			return true, true
		case 'A' <= c && c <= 'Z':
			return true, false
		case '0' <= c && c <= '9':
			return hasLetter(w[i+1:]), false
		}
	}
	return false, false
}

// exemptWords are the lower-case words commentaryScore does not count as
// prose: whole, as written (function words, particles, months), trimmed,
// once their closing full stops are cut (locator labels, abbreviations),
// and any, either (for a word without a closing full stop).
type exemptWords struct{ whole, trimmed, any map[string]bool }

// commentaryExempt gathers the exempt words at first use, after init has
// filled months. They are only read.
var commentaryExempt = sync.OnceValue(func() exemptWords {
	ex := exemptWords{whole: map[string]bool{}, trimmed: map[string]bool{}, any: map[string]bool{}}
	for _, set := range []map[string]bool{stopLike, particles} {
		for w, ok := range set {
			ex.whole[w] = ex.whole[w] || ok
		}
	}
	for w, m := range months {
		ex.whole[w] = ex.whole[w] || m > 0
	}
	for _, set := range []map[string]bool{locatorLabels, abbreviations} {
		for w, ok := range set {
			ex.trimmed[w] = ex.trimmed[w] || ok
		}
	}
	for _, set := range []map[string]bool{ex.whole, ex.trimmed} {
		for w, ok := range set {
			ex.any[w] = ex.any[w] || ok
		}
	}
	return ex
})

// stopLike are function words of several languages.
var stopLike = setOf(`under with from into upon their about dans pour avec sous sur entre eine einer einem über
	para sobre desde edited translated published reprinted special issue letter interview unpublished
	dissertation thesis`)

// isStopLike reports function words of several languages.
func isStopLike(w string) bool { return stopLike[w] }
