package biblio

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// particles are lower-case words that belong to a surname or given name.
var particles = map[string]bool{
	"van": true, "von": true, "de": true, "del": true, "della": true, "di": true, "da": true, "du": true,
	"le": true, "la": true, "ten": true, "ter": true, "y": true, "do": true, "dos": true, "das": true,
	"der": true, "den": true, "al": true, "el": true, "bin": true, "ibn": true, "zu": true,
}

// conjunctions join the names of co-authors.
var conjunctions = map[string]bool{"and": true, "&": true, "et": true, "und": true, "y": true, "e": true}

// notNames are capitalised words that start titles, never names.
var notNames = map[string]bool{
	"the": true, "a": true, "an": true, "le": true, "la": true, "les": true, "l": true, "el": true,
	"los": true, "las": true, "der": true, "die": true, "das": true, "un": true, "une": true, "my": true,
	"our": true, "on": true, "in": true, "of": true, "from": true, "to": true, "for": true, "with": true,
	"sur": true, "de": true, "du": true, "des": true, "dans": true, "mon": true, "notre": true, "ein": true,
	"eine": true, "il": true, "lo": true, "i": true, "uber": true, "zur": true, "vom": true, "what": true,
	"why": true, "how": true, "is": true, "no": true, "vol": true, "letter": true, "letters": true,
	// prepositions are no part of a name ("Alfred Rosmer, Moscow Under Lenin")
	"under": true, "against": true, "after": true, "before": true, "at": true, "by": true, "into": true,
	"over": true, "without": true, "between": true, "through": true, "about": true, "upon": true,
}

// roles follow a name list ("ed.", "Hrsg.", "(Eds.)"); they are not part
// of the author.
var roles = map[string]bool{
	"ed": true, "eds": true, "editor": true, "editors": true, "dir": true, "dirs": true,
	"hrsg": true, "hg": true, "trans": true, "tr": true, "trad": true, "comp": true, "comps": true,
	"coord": true, "coords": true, "compiler": true, "translator": true, "eds.)": true,
}

// ownAuthor returns the author part at the start of an entry ("Conquest,
// Robert", "Bastian, Mathieu, Sebastien Heymann, and Mathieu Jacomy",
// "Atabaki, T., & Rustămova-Tohidi, S."), without a role such as "ed.",
// and the surname of the first author; ok is false when the entry does
// not start with a name.
func ownAuthor(s string) (author, surname string, ok bool) {
	f := words(s)
	n, sur, ok := nameAt(f, 0, true)
	if !ok {
		return "", "", false
	}
	end := n
	// more names: ", Given Surname, and …", "and Surname, Given", "& …"
	for end < len(f) {
		conj := conjunctions[f[end]]
		if !conj && !strings.HasSuffix(f[end-1], ",") {
			break
		}
		k := end
		if conj {
			k++
		}
		m, _, ok := nameAt(f, k, conj)
		if !conj && ok {
			// "Baillot, A., Baker, J., …": a further inverted name carries
			// initials, not a second title ("Sheridan, Clare, Russian
			// Portraits, London")
			m, _, ok = invertedInitials(f, k)
		}
		if !ok && !conj {
			// a co-author in direct order must be followed by more names
			// and a conjunction: "…, Sebastien Heymann, and Mathieu Jacomy."
			if m2, _, ok2 := directName(f, k); ok2 && strings.HasSuffix(f[m2-1], ",") && listEndsWithConjunction(f, m2) {
				m, ok = m2, true
			}
		}
		if !ok {
			break
		}
		end = m
	}
	author = strings.Join(f[:end], " ")
	author = strings.TrimRight(author, ",;: ")
	author = trimRole(author)
	author = strings.TrimSuffix(author, ".")
	if strings.HasSuffix(author, ".") || lastIsInitial(author) {
		author += "."
	}
	return strings.TrimRight(author, ", "), sur, true
}

// lastIsInitial reports an author ending in an initial whose period was
// trimmed ("Atabaki, T., & Rustămova-Tohidi, S").
func lastIsInitial(s string) bool {
	f := words(s)
	if len(f) == 0 {
		return false
	}
	w := f[len(f)-1]
	r, n := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && (n == len(w) || strings.Count(w, ".") > 0 && runes(strings.ReplaceAll(w, ".", "")) <= 3)
}

// listEndsWithConjunction reports whether, from word k on, the list of
// comma-separated direct names reaches a conjunction.
func listEndsWithConjunction(f []string, k int) bool {
	for k < len(f) {
		if conjunctions[f[k]] {
			_, _, ok := nameAt(f, k+1, true)
			return ok
		}
		m, _, ok := directName(f, k)
		if !ok || !strings.HasSuffix(f[m-1], ",") {
			return false
		}
		k = m
	}
	return false
}

// nameAt reads one personal name starting at word k: inverted ("Surname,
// Given") or, when givenFirst is allowed, "Given Surname". It returns the
// index after the name and the surname.
func nameAt(f []string, k int, givenFirst bool) (end int, surname string, ok bool) {
	if k >= len(f) {
		return 0, "", false
	}
	if end, sur, ok := invertedName(f, k); ok {
		return end, sur, true
	}
	if k+1 < len(f) && startsWithQuote(f[k+1]) && strings.HasSuffix(f[k], ",") && nameWord(f[k]) && !notNames[lowerWord(f[k])] {
		return k + 1, strings.TrimSuffix(f[k], ","), true // "Lungdahl, "An Old Revolutionary …""
	}
	if givenFirst {
		return directName(f, k)
	}
	return 0, "", false
}

// invertedName reads "Surname, Given" (surname of up to two capitalised
// words after optional particles; given names or initials up to a
// terminator, or only the first given name when none comes soon).
func invertedName(f []string, k int) (int, string, bool) {
	i := k
	for i < len(f) && particles[strings.ToLower(strings.TrimSuffix(f[i], ","))] && !strings.HasSuffix(f[i], ",") {
		i++
	}
	start := i
	for i < len(f) && i-start < 2 && nameWord(f[i]) && !strings.HasSuffix(f[i], ",") {
		i++
	}
	if i >= len(f) || !strings.HasSuffix(f[i], ",") || !nameWord(strings.TrimSuffix(f[i], ",")) || i-start > 1 {
		return 0, "", false
	}
	surname := strings.TrimSuffix(strings.Join(f[k:i+1], " "), ",")
	if notNames[lowerWord(f[start])] && start == i {
		return 0, "", false
	}
	i++
	// given names
	g, afterInitial := i, 0
	for g < len(f) && g-i < 4 && (givenWord(f[g]) || particles[f[g]] && g > i) {
		if terminates(f[g]) {
			return g + 1, surname, true
		}
		if isInitial(f[g]) {
			afterInitial = g + 1
		}
		g++
	}
	switch {
	case g == i:
		return 0, "", false
	case g < len(f) && (strings.HasPrefix(f[g], "(") || conjunctions[f[g]]):
		return g, surname, true // "Ayalon, A. (1995)", "Reed, Dale and Jakobson, Michael"
	case afterInitial > 0:
		return afterInitial, surname, true // "Cannon, James P. The History"
	case i-k > 1:
		// a two-word surname needs given names that end: "Alfred Rosmer,
		// Moscow Under Lenin" is a name in direct order and a title
		return 0, "", false
	}
	return i + 1, surname, true // "Deutscher, Isaac The Prophet Armed": the first given name
}

// invertedInitials reads "Surname, I." whose given names are initials
// only.
func invertedInitials(f []string, k int) (int, string, bool) {
	end, sur, ok := invertedName(f, k)
	if !ok {
		return 0, "", false
	}
	for _, w := range f[k+len(words(sur)) : end] {
		if !isInitial(strings.TrimRight(w, ",;:")) {
			return 0, "", false
		}
	}
	return end, sur, true
}

// directName reads "Given Surname" (two to four capitalised words or
// initials, the first not a title word), ended by a comma, colon or period
// or followed by a conjunction or a lower-case parenthesis.
func directName(f []string, k int) (int, string, bool) {
	if k >= len(f) || notNames[lowerWord(f[k])] {
		return 0, "", false
	}
	if w := f[k]; strings.HasSuffix(w, ".") && !isInitial(w) && nameWord(w) && k+1 < len(f) {
		return k + 1, strings.TrimSuffix(w, "."), true // "Aristotle. Poetics."
	}
	for i := k; i < len(f) && i-k < 4; i++ {
		w := f[i]
		if !(givenWord(w) || i > k && particles[w]) || strings.Contains(w, "'s") || strings.Contains(w, "’s") {
			return 0, "", false
		}
		if i == k {
			if terminates(w) {
				return 0, "", false
			}
			continue
		}
		sur := strings.TrimRight(w, ",.:;")
		if strings.HasSuffix(w, ",") || strings.HasSuffix(w, ":") ||
			strings.HasSuffix(w, ".") && !isInitial(w) {
			return i + 1, sur, true
		}
		if i+1 < len(f) && (conjunctions[f[i+1]] || strings.HasPrefix(f[i+1], "(") && startsLower(strings.TrimLeft(f[i+1], "("))) {
			return i + 1, sur, true
		}
	}
	return 0, "", false
}

// nameWord is a capitalised word that can be part of a surname:
// letters, hyphens and apostrophes ("Rustămova-Tohidi", "O'Neill", "ʿAbduh").
func nameWord(w string) bool {
	w = strings.TrimRight(w, ",.")
	if w == "" || strings.HasPrefix(w, "al-") {
		return w != ""
	}
	first := true
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			if first && !unicode.IsUpper(r) {
				return false
			}
			first = false
		case r == '-' || r == '\'' || r == '’' || r == 'ʿ' || r == 'ʾ':
		default:
			return false
		}
	}
	return !first
}

// givenWord is a given name or initials ("Robert", "E.H.", "J.-P.", "Robert,").
func givenWord(w string) bool {
	w = strings.TrimRight(w, ",:;")
	if isInitial(w) {
		return true
	}
	return nameWord(w) && !notNames[lowerWord(w)] && !roles[lowerWord(w)]
}

// isInitial is one or more initials: "J.", "E.H.", "J.-P.".
func isInitial(w string) bool {
	w = strings.TrimRight(w, ",:;")
	if !strings.HasSuffix(w, ".") {
		return false
	}
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.' || r == '-':
		default:
			return false
		}
	}
	return letters >= 1 && letters <= 3
}

// terminates reports a given-name word that ends the name: a comma,
// colon, semicolon, or a period after a full word.
func terminates(w string) bool {
	if strings.HasSuffix(w, ",") || strings.HasSuffix(w, ":") || strings.HasSuffix(w, ";") {
		return true
	}
	return strings.HasSuffix(w, ".") && !isInitial(w)
}

func lowerWord(w string) string {
	return strings.ToLower(fold(strings.Trim(w, ",.:;'’")))
}

// trimRole removes a trailing editorial role from an author text:
// "Karaganis, Joe, ed." → "Karaganis, Joe"; "Degras, Jane, (Ed.)".
func trimRole(a string) string {
	for {
		f := words(a)
		if len(f) < 2 {
			return a
		}
		last := strings.ToLower(strings.Trim(f[len(f)-1], "().,;:"))
		if !roles[last] {
			return a
		}
		a = strings.TrimRight(strings.Join(f[:len(f)-1], " "), ",;: ")
	}
}

// inherit fills Entry.Author for same-author continuations, section by
// section (see the package documentation for the rules).
func inherit(es []Entry, meta []entryMeta) {
	for start := 0; start < len(es); {
		end := start + 1
		for end < len(es) && meta[end].section == meta[start].section {
			end++
		}
		inheritRun(es[start:end], meta[start:end])
		start = end
	}
}

func inheritRun(es []Entry, meta []entryMeta) {
	n := len(es)
	own := make([]bool, n)
	authors := make([]string, n)
	keys := make([]string, n)
	eligible := make([]bool, n)
	count := 0
	surnames := make([]string, n)
	for i, e := range es {
		a, sur, ok := ownAuthor(e.Raw)
		own[i], authors[i] = ok && !isDitto(e.Raw), a
		keys[i] = sortKey(e.Raw)
		if own[i] {
			surnames[i] = sortKey(sur)
			if strings.HasPrefix(e.Raw, sur) {
				// sorted by surname, then given names: "Hart" before "Hartley"
				keys[i] = surnames[i] + " " + sortKey(strings.TrimPrefix(a, sur))
			}
		}
		eligible[i] = (meta[i].kind == kindNone || meta[i].kind == kindDash) && !isDitto(e.Raw) && e.Group == ""
		if eligible[i] {
			count++
		}
	}
	inOrder := longestSorted(keys, eligible, own)
	rescueDirectNames(inOrder, keys, surnames, eligible)
	sorted := 0
	for _, ok := range inOrder {
		if ok {
			sorted++
		}
	}
	mostlySorted := count >= 4 && sorted*10 >= count*6
	numbered := false // a numbered or lettered item came before in this run
	lastSurname := "" // of the last entry naming its own author
	for i := 1; i < n; i++ {
		if k := meta[i-1].kind; k == kindDigit || k == kindLower || k == kindRoman || k == kindUpper {
			numbered = true
		}
		prev := es[i-1].Author
		if prev == "" && own[i-1] {
			prev = authors[i-1]
		}
		if prev == "" && isDitto(es[i].Raw) {
			prev = leadElement(es[i-1].Raw) // a periodical or institution as author
		}
		if prev == "" {
			continue
		}
		switch {
		case isDitto(es[i].Raw):
			es[i].Author = prev
		case !eligible[i]:
		case meta[i].kind == kindDash && !own[i]:
			es[i].Author = prev
		case meta[i].kind == kindNone && numbered && !own[i]:
			es[i].Author = prev // a further work under a numbered author entry
		case mostlySorted && !inOrder[i] && !(own[i] && surnames[i] == lastSurname) && !(meta[i].kind == kindDash && invertedOwn(own[i], es[i].Raw)):
			es[i].Author = prev
		}
		if own[i] && es[i].Author == "" {
			lastSurname = surnames[i]
		}
	}
}

// invertedOwn reports whether an entry that names its own author opens
// with the surname and a comma ("- Lewin, Moshe, Russian Peasants …"): on
// a bulleted line that is a new author, even where a careless
// alphabetical order ("Lenin", "Lewin", "Levine") puts the entry out of
// sequence.
func invertedOwn(own bool, raw string) bool {
	if !own {
		return false
	}
	f := words(raw)
	return len(f) > 1 && strings.HasSuffix(f[0], ",")
}

// longestSorted marks the heaviest non-decreasing subsequence of keys
// among the eligible entries; entries that name an author weigh more, so
// that titles that happen to sort well do not displace them.
func longestSorted(keys []string, eligible, own []bool) []bool {
	n := len(keys)
	best := make([]int, n)
	from := make([]int, n)
	top := -1
	for i := 0; i < n; i++ {
		from[i] = -1
		if !eligible[i] {
			continue
		}
		w := 1
		if own[i] {
			w = 3
		}
		best[i] = w
		for j := 0; j < i; j++ {
			if eligible[j] && keys[j] <= keys[i] && best[j]+w > best[i] {
				best[i], from[i] = best[j]+w, j
			}
		}
		if top < 0 || best[i] > best[top] {
			top = i
		}
	}
	in := make([]bool, n)
	for i := top; i >= 0; i = from[i] {
		in[i] = true
	}
	return in
}

// rescueDirectNames puts back in order the entries whose author is
// printed given name first ("Roy A. Medvedev, …") when their surname sorts
// between the in-order entries around them.
func rescueDirectNames(in []bool, keys, surnames []string, eligible []bool) {
	prev := ""
	for i := range in {
		if !eligible[i] {
			continue
		}
		if in[i] {
			prev = keys[i]
			continue
		}
		if surnames[i] == "" || surnames[i] < prev {
			continue
		}
		next := ""
		for j := i + 1; j < len(in); j++ {
			if eligible[j] && in[j] {
				next = keys[j]
				break
			}
		}
		if next == "" || surnames[i] <= next {
			in[i] = true
		}
	}
}

// leadElement is the first period-separated element of an entry, when it
// is short: what a ditto mark stands for when the entry above has no
// personal author ("al-Muqtabas (Dimashq). Ḥawādith …").
func leadElement(raw string) string {
	end := strings.Index(raw, ". ")
	if end <= 0 || runes(raw[:end]) > 100 || isDitto(raw) {
		return ""
	}
	return raw[:end]
}
