package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/internal/textscan"
)

// particles are the lower-case words that join a family name (de la
// Macorra, von Humboldt, al-Ruṣāfī).
var particles = setOf(`de la le les du des d' von van der den ter ten da di do dos das del della delle dei
	y bin ibn ben bint al el al- el- ad- as- an- ar- at- az- dī zu vom zur van't 't st. saint`)

// suffixes are the name suffixes kept apart from the given name.
var suffixes = setOf(`jr jr. sr sr. ii iii iv jun. sen.`)

// the gates of the sets of words that names are read with
var (
	particleGate     = gateOf(particles)
	suffixGate       = gateOf(suffixes)
	nonNameGate      = gateOf(nonNameWords)
	titleStarterGate = gateOf(titleStarters)
)

// isParticle reports whether w, lower-cased, is a particle.
func isParticle(w string) bool { return lookupGated(particles, particleGate, w) }

// isSuffix reports whether w, lower-cased, is a name suffix.
func isSuffix(w string) bool { return lookupGated(suffixes, suffixGate, w) }

// conjunctions join the last two names of a list.
var conjunctions = []string{" and ", " & ", " et ", " und ", " y ", " e ", " with ", " avec ", "; "}

// etAlTails end a list of names cut short ("et al.").
var etAlTails = []string{", et al.", " et al.", ", et al", " et al", " and others", ", and others", " u. a.", " u.\u00a0a.", " u.a.",
	" et alii", " e.a.", " [et al.]", " y otros", " e altri", " i in.", " m.fl.", " mfl."}

// etAlEnds are the last bytes of etAlTails, in either case (hasSuffixLower
// folds ASCII capitals): a text ending otherwise ends with none of them.
var etAlEnds = func() (ends [256]bool) {
	for _, tail := range etAlTails {
		c := tail[len(tail)-1]
		ends[c] = true
		if 'a' <= c && c <= 'z' {
			ends[c-'a'+'A'] = true
		}
	}
	return ends
}()

// conjunctionsBySecond are the conjunctions by their second byte, in
// their order.
var conjunctionsBySecond = func() (by [256][]string) {
	for _, c := range conjunctions {
		by[c[1]] = append(by[c[1]], c)
	}
	return by
}()

// nextNameBreak returns where the first conjunction or comma at or after
// off stands in t and its length; (len(t), 0) when there is none. No two
// of them start at the same byte, so the first one met is the one that
// stands first.
func nextNameBreak(t string, off int) (at, n int) {
	for i := off; i < len(t); i++ {
		switch t[i] {
		case ',':
			return i, 1
		case ' ', ';':
			if i+1 == len(t) {
				continue // every conjunction has a second byte
			}
			for _, c := range conjunctionsBySecond[t[i+1]] {
				if c[0] == t[i] && strings.HasPrefix(t[i:], c) {
					return i, len(c)
				}
			}
		}
	}
	return len(t), 0
}

// oneNamePart reports whether parseNames takes t as it is, as one part:
// t has no spaces or punctuation for parseNames to trim, no tail of
// etAlTails and no conjunction or comma between names.
func oneNamePart(t string) bool {
	if t == "" || strings.TrimSpace(t) != t {
		return false
	}
	switch c := t[len(t)-1]; {
	case c == ',' || c == ';' || c == ':':
		return false
	case etAlEnds[c]:
		for _, tail := range etAlTails {
			if hasSuffixLower(t, tail) {
				return false
			}
		}
	}
	at, _ := nextNameBreak(t, 0)
	return at == len(t)
}

// nameList is the result of reading a run of text as names.
type nameList struct {
	names []bib.Name
	etAl  bool
	// looseDirect: a name in direct order follows an inverted one with
	// neither a conjunction before it nor one closing the list ("Sheridan,
	// Clare, Russian Portraits"): names only when a year follows them
	looseDirect bool
}

// nameStyle tells parseNames how inverted names ("Family, Given") may be.
type nameStyle int

const (
	natural     nameStyle = iota // "Given Family", except "Family, G." with initials
	firstInvert                  // the first name may be "Family, Given" (bibliographies)
)

// parseNames reads t as a list of personal or corporate names. ok is false
// when t does not look like names.
func parseNames(t string, style nameStyle) (nameList, bool) {
	var out nameList
	t = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(t), ",;:"))
	if t != "" && etAlEnds[t[len(t)-1]] {
		for _, tail := range etAlTails {
			if hasSuffixLower(t, tail) {
				t = strings.TrimSpace(t[:len(t)-len(tail)])
				out.etAl = true
				break
			}
		}
	}
	if t == "" {
		return out, false
	}
	if !strings.Contains(t, ",") && isCorporate(t) && textscan.FieldCount(t) <= 12 && corporateLike(t) {
		out.names = []bib.Name{{Literal: t}}
		return out, true
	}
	// split into parts at conjunctions and commas
	var partsBuf [8]string
	var conjBuf [8]bool
	parts := partsBuf[:0]
	conjAfter := conjBuf[:0] // a conjunction (not a comma) follows part i
	for off := 0; off < len(t); {
		cut, n := nextNameBreak(t, off)
		p := strings.TrimSpace(t[off:cut])
		isConj := n > 1
		if p != "" {
			parts = append(parts, p)
			conjAfter = append(conjAfter, isConj)
		} else if isConj && len(conjAfter) > 0 {
			conjAfter[len(conjAfter)-1] = true
		}
		if cut >= len(t) {
			break
		}
		off = cut + n
	}
	if len(parts) == 0 {
		return out, false
	}
	invertedSeen := false
	vancouver := 0  // names written "Family GN" without a comma
	initialLed := 0 // names written "I. Family"
	lastConj := len(parts) < 2 || conjAfter[len(parts)-2]
	for i := 0; i < len(parts); i++ {
		p := parts[i]
		if isSuffix(p) && len(out.names) > 0 {
			out.names[len(out.names)-1].Suffix = p
			continue
		}
		if i+1 < len(parts) && !conjAfter[i] {
			next := parts[i+1]
			var buf [8]string
			initials := isInitialsWords(withoutTrailingParticles(appendFields(buf[:0], next)))
			// "Gonzalez, Valentin, and Gorkin, Julian": after an inverted
			// name, a lone word after the conjunction opens another
			afterConj := i > 0 && conjAfter[i-1]
			canInvert := initials || (i == 0 && style == firstInvert) || (invertedSeen && initials) ||
				(invertedSeen && afterConj && textscan.FieldCount(p) == 1)
			// the family part is looked at only when the name may be inverted
			if canInvert && (isFamilyLike(p) || (compoundFamily(p) || particleFamily(p)) && !isPlace(next)) && isGivenLike(next) &&
				!(textscan.FieldCount(p) >= 2 && holdsNonNameWord(next)) { // not "Alfred Rosmer, Moscow Under Lenin"
				n := invertedName(p, next)
				if i+2 < len(parts) && isSuffix(parts[i+2]) {
					n.Suffix = parts[i+2]
					i++
				}
				out.names = appendName(out.names, n, len(parts))
				invertedSeen = true
				i++
				continue
			}
		}
		if !isNameLike(p) && !(i > 0 && lowerCaseGiven(p)) {
			return out, false
		}
		var buf [8]string
		words := appendFields(buf[:0], p)
		if invertedSeen && !conjAfter[i-1] && !lastConj && !out.etAl {
			if len(words) < 2 {
				return out, false // "Hale, Mara, Tides, Paris": a lone word is no co-author
			}
			out.looseDirect = true
		}
		if familyFirst(words) {
			vancouver++
		}
		if initialLedName(words) {
			initialLed++
		}
		out.names = appendName(out.names, naturalName(p), len(parts))
	}
	// "J. L. Wright, David" is a name and a title, not a list; "R. Lipsett,
	// C. Schaefer, C. Ussery" lists names each led by initials
	if len(out.names) >= 2 && !lastConj && !invertedSeen && !out.etAl && vancouver < len(out.names) && initialLed < len(out.names) {
		return out, false
	}
	return out, len(out.names) > 0
}

// initialLedName reports whether words are a name written "R. Lipsett",
// "C.-M. Hsu": initials, then a family name of whole words (not the
// abbreviations of a journal's name: "J. Opt. Soc. Am").
func initialLedName(words []string) bool {
	if len(words) < 2 || !isInitials(words[0]) {
		return false
	}
	k := 1
	for k < len(words)-1 && isInitials(words[k]) {
		k++
	}
	for _, w := range words[k:] {
		if isInitials(w) || strings.HasSuffix(w, ".") && !isSuffix(w) {
			return false
		}
	}
	return true
}

// appendName appends n to names, made at the first name with room for
// parts names (a list has no more names than parts): one allocation.
func appendName(names []bib.Name, n bib.Name, parts int) []bib.Name {
	if names == nil {
		names = make([]bib.Name, 0, parts)
	}
	return append(names, n)
}

// corporateLike reports whether t reads as an institution: capitalised
// words and function words only.
func corporateLike(t string) bool {
	var buf [32]byte // a word lower-cased
	for w := range strings.FieldsSeq(t) {
		if isCapitalised(w) || w == "&" {
			continue
		}
		lw := w
		if len(w) <= len(buf) && textscan.IsASCII(w) {
			lw = string(lowerASCII(buf[:0], w)) // on the stack: only looked up
		} else {
			lw = lower(w)
		}
		if !bib.IsStopword(lw) {
			return false
		}
	}
	return true
}

// isInitials reports whether t is only initials ("R. V.", "R.V.", "JJ",
// "M.-A."). Its words are read one by one, and the first that is no
// initials ends the reading: most texts asked about are not.
func isInitials(t string) bool {
	if len(t) >= 4 && asciiLetter(t[0]) && asciiLetter(t[1]) && asciiLetter(t[2]) && asciiLetter(t[3]) {
		return false // a piece of four letters or more, as most words open
	}
	if oneASCIIField(t) {
		n, ok := initialsLetters(t) // most texts asked about are single words
		return ok && n > 0 && n <= 6
	}
	letters := 0
	for i := 0; ; {
		a, b := fieldBounds(t, i)
		if a == b {
			break
		}
		n, ok := initialsLetters(t[a:b])
		letters += n
		if !ok || letters > 6 {
			return false
		}
		i = b
	}
	return letters > 0
}

// asciiLetter reports whether c is an ASCII letter.
func asciiLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// oneASCIIField reports whether t is ASCII without spaces and not empty:
// strings.Fields(t) is then t alone.
func oneASCIIField(t string) bool {
	if t == "" {
		return false
	}
	for i := 0; i < len(t); i++ {
		if c := t[i]; c >= utf8.RuneSelf || c == ' ' || '\t' <= c && c <= '\r' {
			return false
		}
	}
	return true
}

// isInitialsWords is isInitials of the words joined by spaces.
func isInitialsWords(words []string) bool {
	letters := 0
	for _, w := range words {
		n, ok := initialsLetters(w)
		if !ok {
			return false
		}
		letters += n
	}
	return letters > 0 && letters <= 6
}

// initialsLetters returns the number of initials' letters in the word w;
// ok is false when w is no initials.
func initialsLetters(w string) (letters int, ok bool) {
	// the pieces of w between full stops and hyphens (ASCII, so split
	// bytewise as strings.FieldsFunc would split the runes)
	for start := 0; start < len(w); {
		if w[start] == '.' || w[start] == '-' {
			start++
			continue
		}
		end := start
		for end < len(w) && w[end] != '.' && w[end] != '-' {
			end++
		}
		piece := w[start:end]
		start = end
		if len(piece) > 3*utf8.UTFMax {
			return 0, false // more than three runes, without counting them
		}
		n := utf8.RuneCountInString(piece)
		if n > 3 {
			return 0, false
		}
		for _, r := range piece {
			if !unicode.IsUpper(r) {
				if n == 2 && (piece == "Th" || piece == "Ch" || piece == "Sh" || piece == "Yu") {
					continue
				}
				return 0, false
			}
			letters++
		}
		if n > 1 && !strings.Contains(w, ".") && utf8.RuneCountInString(w) > 3 {
			return 0, false
		}
	}
	return letters, true
}

// nameWordOK reports whether w can be a word of a personal name.
func nameWordOK(w string) bool {
	if isParticle(w) || isSuffix(w) {
		return true
	}
	if isInitials(w) {
		return true
	}
	for _, r := range w {
		if unicode.IsDigit(r) {
			return false
		}
	}
	if strings.HasPrefix(w, "(") || strings.HasSuffix(w, ")") {
		return false
	}
	// lower-case prefixes such as al-, d', ibn-
	if k := indexJoiner(w); k > 0 && k <= 4 && (isParticle(w[:k]) || isParticle(w[:k+1])) {
		_, size := utf8.DecodeRuneInString(w[k:])
		return w[k+size:] == "" || isCapitalised(w[k+size:])
	}
	return isCapitalised(w)
}

// nonNameWords are prepositions, articles and conjunctions no name holds,
// even capitalised in a title.
var nonNameWords = setOf(`the of and or for from with into under over against after before without between
	through about upon toward towards sur dans pour avec sans contre entre über uber mit zur zum für fur gegen
	con para por sobre contra entre`)

// abstractSuffixes end English and French abstract nouns, which no
// personal name does: "Marxism", "Morality", "Revolution", "Development".
var abstractSuffixes = []string{"ism", "isms", "isme", "ity", "ities", "ité", "tion", "tions", "ment", "ments", "ness", "ology", "ologie", "ics", "ique", "iques"}

// abstractNoun reports whether w, a capitalised word of seven letters or
// more ("Clement" is a name), ends as an abstract noun does.
func abstractNoun(w string) bool {
	if len(w) < 8 {
		return false // trimmed, it would be shorter still
	}
	w = strings.TrimRight(w, ".,;:")
	if len(w) < 8 || !isCapitalised(w) {
		return false
	}
	for _, suf := range abstractSuffixes {
		if len(w) > len(suf)+3 && hasSuffixLower(w, suf) {
			return true
		}
	}
	return false
}

// holdsNonNameWord reports whether one of t's words is in nonNameWords.
func holdsNonNameWord(t string) bool {
	for w := range strings.FieldsSeq(t) {
		if lookupGated(nonNameWords, nonNameGate, w) {
			return true
		}
	}
	return false
}

// titleStarters are capitalised words that begin titles, never names.
var titleStarters = setOf(`the a an le la les l' un une der die das ein eine el los las lo il gli
	on of in from to toward towards towards what why how when where notes essays letters
	memoirs history histoire introduction report proceedings journal review bulletin
	new my our his her their this these some selected collected complete works oeuvres`)

// isNameLike reports whether t reads as one personal name in natural
// order ("Victor Serge", "R. V. Daniels", "María do Mar Castro Varela").
func isNameLike(t string) bool {
	var buf [6]string
	words, ok := fieldsUpTo(buf[:0], t)
	return ok && isNameLikeWords(words)
}

// isNameLikeWords is isNameLike of the words joined by spaces.
func isNameLikeWords(words []string) bool {
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	if lookupGated(titleStarters, titleStarterGate, words[0]) && len(words) > 1 {
		return false
	}
	capital := 0
	for _, w := range words {
		if !nameWordOK(w) || lookupGated(nonNameWords, nonNameGate, w) || abstractNoun(w) {
			return false // "Moscow Under Lenin", "Soviet Economic Development" are no names
		}
		if isCapitalised(w) || isCapitalised(afterParticle(w)) {
			capital++
		}
	}
	return capital > 0
}

// afterParticle returns w without an attached particle ("al-Muqtabas" →
// "Muqtabas"), or "" when it has none.
func afterParticle(w string) string {
	k := indexJoiner(w)
	if k <= 0 || !isParticle(w[:k]) {
		return ""
	}
	_, size := utf8.DecodeRuneInString(w[k:])
	return w[k+size:]
}

// isFamilyLike reports whether t can be the family part of an inverted
// name ("Serge", "de la Macorra", "Castro Varela", "al-Ruṣāfī").
func isFamilyLike(t string) bool {
	var buf [4]string
	words, ok := fieldsUpTo(buf[:0], t)
	if !ok || len(words) == 0 || isInitialsWords(words) {
		return false
	}
	if lookupGated(titleStarters, titleStarterGate, words[0]) && len(words) > 1 {
		return false
	}
	for k, w := range words {
		if !nameWordOK(w) || isInitials(w) {
			return false
		}
		if k > 0 && isParticle(w) && !isParticle(words[k-1]) {
			return false // "Lettres de Lyon": particles lead a family name
		}
	}
	return isCapitalised(words[len(words)-1]) || indexJoiner(words[len(words)-1]) >= 0
}

// compoundFamily reports whether t is a family name joined by an inner
// particle ("Vázques de Parga", "Sánchez de la Torre"):
// capitalised words on both sides of the particles. Before a given name
// that is no place, such a part is a name, not a title ("Lettres de Lyon,
// Paris").
func compoundFamily(t string) bool {
	var buf [4]string
	words, ok := fieldsUpTo(buf[:0], t)
	if !ok || len(words) < 3 || lookupGated(titleStarters, titleStarterGate, words[0]) {
		return false
	}
	inner := 0
	for k, w := range words {
		switch {
		case isParticle(w) && k > 0 && k < len(words)-1:
			inner++
		case !isCapitalised(w) || !nameWordOK(w) || isInitials(w):
			return false
		}
	}
	return inner > 0
}

// particleFamily reports whether t is a family name led by a capitalised
// particle ("Le Carré", "De Nardis", "Van der Merwe", "La Fontaine"): the
// particle's capital makes it look like a title's article.
func particleFamily(t string) bool {
	var buf [3]string
	words, ok := fieldsUpTo(buf[:0], t)
	if !ok || len(words) < 2 || !isParticle(words[0]) {
		return false
	}
	for _, w := range words[1:] {
		if !isParticle(w) && (!isCapitalised(w) || !nameWordOK(w) || isInitials(w)) {
			return false
		}
	}
	return isCapitalised(words[len(words)-1])
}

// lowerCaseName reports whether t is one lower-case word that may be a
// given name written without a capital.
func lowerCaseName(t string) bool {
	if r, _ := utf8.DecodeRuneInString(t); !unicode.IsLower(r) {
		return false // the loop below would say so last, after the look-ups
	}
	if strings.ContainsRune(t, ' ') || utf8.RuneCountInString(t) < 3 || bib.IsStopword(t) || particles[t] || isStopLike(t) {
		return false
	}
	for _, r := range t {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// lowerCaseGiven reports whether t is a name whose given name lost its
// capital but whose other words keep theirs ("john J. Collins" in a list
// of authors).
func lowerCaseGiven(t string) bool {
	first, rest, ok := strings.Cut(t, " ")
	return ok && lowerCaseName(first) && textscan.FieldCount(rest) >= 2 && isNameLike(rest)
}

// isGivenLike reports whether t can be the given part of an inverted name.
func isGivenLike(t string) bool {
	if isInitials(t) {
		return true
	}
	if hasPublisherWord(t) || isCorporate(t) {
		return false
	}
	var buf [4]string
	words, ok := fieldsUpTo(buf[:0], t)
	if !ok || len(words) == 0 {
		return false
	}
	for _, w := range words {
		if !nameWordOK(w) {
			return false
		}
	}
	return isCapitalised(words[0])
}

// withoutTrailingParticles drops the particles that end a given part's
// words ("J. A. van der" → "J. A.").
func withoutTrailingParticles(w []string) []string {
	k := len(w)
	for k > 1 && isParticle(w[k-1]) {
		k--
	}
	return w[:k]
}

// invertedName builds a name from "Family" and "Given" parts.
func invertedName(family, given string) bib.Name {
	var n bib.Name
	var fbuf, gbuf [8]string
	fw := appendFields(fbuf[:0], family)
	k := 0
	for k < len(fw)-1 && isParticle(fw[k]) {
		k++
	}
	if k > 0 {
		n.NonDroppingParticle = strings.Join(fw[:k], " ")
	}
	n.Family = strings.Join(fw[k:], " ")
	splitAttachedParticle(&n)
	gw := appendFields(gbuf[:0], given)
	j := len(gw)
	for j > 1 && isParticle(gw[j-1]) {
		j--
	}
	if j < len(gw) {
		part := strings.Join(gw[j:], " ")
		if strings.HasSuffix(part, "-") || strings.HasSuffix(part, "'") || strings.HasSuffix(part, "’") {
			n.NonDroppingParticle = strings.TrimSpace(part + n.NonDroppingParticle)
		} else {
			n.DroppingParticle = part
		}
	}
	n.Given = strings.Join(gw[:j], " ")
	return n
}

// naturalName builds a name from "Given Family" order; a trailing run of
// initials ("Pérez-Higueras JJ", "Heidegger M.") marks family-first order.
func naturalName(t string) bib.Name {
	var buf [8]string
	words := appendFields(buf[:0], t)
	var n bib.Name
	if len(words) > 1 && isSuffix(words[len(words)-1]) {
		n.Suffix = words[len(words)-1]
		words = words[:len(words)-1]
	}
	if familyFirst(words) {
		// family first: "Pérez-Higueras JJ", "Heidegger M."
		last := len(words) - 1
		for last > 0 && isInitials(words[last-1]) {
			last--
		}
		m := invertedName(strings.Join(words[:last], " "), strings.Join(words[last:], " "))
		m.Suffix = n.Suffix
		return m
	}
	if len(words) == 1 {
		if given, family := gluedInitials(words[0]); family != "" {
			return bib.Name{Given: given, Family: family, Suffix: n.Suffix} // "E.H.Carr"
		}
		n.Family = words[0]
		splitAttachedParticle(&n)
		return n
	}
	f := len(words) - 1
	p := f
	for p > 1 && isParticle(words[p-1]) {
		p--
	}
	n.Family = words[f]
	if p < f {
		n.NonDroppingParticle = strings.Join(words[p:f], " ")
	}
	n.Given = strings.Join(words[:p], " ")
	splitAttachedParticle(&n)
	return n
}

// gluedInitials splits a name whose initials were typed without spaces
// ("E.H.Carr" → "E.H.", "Carr"); family is "" when w is no such name.
func gluedInitials(w string) (given, family string) {
	k := strings.LastIndexByte(w, '.')
	if k <= 0 || k+1 >= len(w) || !isInitials(w[:k+1]) || !isCapitalised(w[k+1:]) || utf8.RuneCountInString(w[k+1:]) < 2 {
		return "", ""
	}
	return w[:k+1], w[k+1:]
}

// splitAttachedParticle moves a lower-case prefix such as "al-" or "d'"
// from the family name to the non-dropping particle, as citeproc does.
func splitAttachedParticle(n *bib.Name) {
	f := n.Family
	k := indexJoiner(f)
	if k <= 0 || k > 4 {
		return
	}
	prefix := f[:k+len(string(firstRune(f[k:])))]
	if !isParticle(f[:k]) && !isParticle(prefix) {
		return
	}
	if !unicode.IsLower(firstRune(f)) || k+len(string(firstRune(f[k:]))) >= len(f) {
		return
	}
	if n.NonDroppingParticle != "" {
		n.NonDroppingParticle += " " + prefix
	} else {
		n.NonDroppingParticle = prefix
	}
	n.Family = f[len(prefix):]
}

// familyFirst reports whether words are a name written family first
// without a comma: "Pérez-Higueras JJ", "Heidegger M.".
func familyFirst(words []string) bool {
	if len(words) < 2 || isInitials(words[0]) {
		return false
	}
	last := words[len(words)-1]
	if !isInitials(last) {
		return false
	}
	if !strings.Contains(last, ".") {
		return true // Vancouver: "Arias A", "Peters OA"
	}
	return len(words) == 2
}
