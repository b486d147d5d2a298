package cite

import (
	"encoding/binary"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ibid-project/ibid/internal/textscan"
)

// abbreviations are lower-cased words that a period follows without
// ending a sentence.
var abbreviations = setOf(`p pp pps vol vols no nos nr nᵒ ed eds éd édn trans tr transl ch chap chaps n nn
	fol fols ff col cols sec secs pt pts bk art fig repr rev comp comps dir hg hrsg bd bde s jg aufl vgl
	ibid ib id cit op loc cf ca esp jan feb febr mar apr jun jul aug sep sept oct nov dec janv févr fév
	avr juil déc ene abr ago dic mr mrs dr prof st inc co ltd univ dept vs ser suppl introd intro pref
	pub publ coll no° nouv éds et al dept gen pseud anon misc mss ms cod viz approx num
	j trans proc math soc amer acad sci int intl conf rev phys chem lett res natl inst commun comput eng
	appl stat biol med syst softw theor ann bull mech electron inf anal geophys symp annu assoc adv lab
	struct dyn meth opt quart q rec sel ieee acm jpn ger brit hist philos psychol sociol econ polit
	educ stud lit ling neurosci physiol biochem mol clin zool bot ecol environ geol astron astrophys
	nucl sol comm computat optim oper manag manage sys technol mater ind`)

// ordinalWords are written-out ordinals used in editions.
var ordinalWords = setOf(`first second third fourth fifth sixth seventh eighth ninth tenth
	premiere première deuxième troisième quatrième seconde zweite dritte vierte fünfte
	segunda tercera cuarta`)

// isOrdinal reports whether w is an ordinal number ("2nd", "3rd", "2ᵉ",
// "2.", "second").
func isOrdinal(w string) bool {
	dotted := strings.HasSuffix(w, ".")
	w = lower(strings.TrimRight(w, "."))
	if ordinalWords[w] {
		return true
	}
	i := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		i++
	}
	if i == 0 {
		return false
	}
	switch w[i:] {
	case "":
		return dotted
	case "st", "nd", "rd", "th", "e", "ᵉ", "er", "re", "ème", "eme", "a", "o", "ª", "º", "te":
		return true
	}
	return false
}

// publisherWords mark a segment as a publisher's name.
var publisherWords = setOf(`press presses verlag verlags publishers publisher publishing publications
	publication books editions éditions editorial ediciones edicion edición editora editores
	editori editrice librairie libreria librería bibliothèque bibliotheque maspero gallimard seuil
	grasset flammarion julliard rieder plon fayard payot hachette dunod sons brothers bros
	company inc ltd gmbh ag imprimerie impr druck typographie tipografia imprenta group
	routledge macmillan penguin norton knopf doubleday harper verso pluto longman longmans heinemann
	wiley springer elsevier brill blackwell polity sage pergamon praeger greenwood schocken vintage
	random pantheon putnam scribner scribners secker warburg gollancz jarrolds cape allen unwin hogarth
	methuen chatto windus faber dent collins harcourt houghton mifflin viking dutton atheneum
	beacon grove merlin lawrence wishart cerf mohr siebeck kohlhammer suhrkamp
	rowohlt fischer dietz beck transcript niemeyer teubner olms harrassowitz peeters eerdmans fortress
	abingdon westminster clarendon university universität université universidad universidade
	università academic academia akademie scholars society institute institut instituto cahiers
	taschenbuch quetzales fontamara savelli spartacus actes sud pocket livre poche
	addison-wesley prentice-hall mcgraw-hill north-holland springer-verlag wiley-interscience kaufmann
	benjamin/cummings kluwer`)

// corporateWords mark a name as an institution rather than a person.
var corporateWords = setOf(`press association associated committee commission council institute institution
	society university college department ministry office bureau agency organization organisation
	organizzazione union league party federation foundation trust group corporation company consortium
	congress parliament senate government assembly board center centre library museum archive archives
	service services international national united nations bank school academy conference church
	commissariat soviet comintern secretariat cooperative collective editors staff team project network
	movement club`)

// roleWords maps role abbreviations and phrases written after or before
// names to the CSL role they give.
var roleWords = map[string]string{
	"ed": "editor", "eds": "editor", "ed.": "editor", "eds.": "editor", "editor": "editor",
	"editors": "editor", "éd": "editor", "éds": "editor", "dir": "editor", "dirs": "editor",
	"hg": "editor", "hrsg": "editor", "hgg": "editor", "coord": "editor", "comp": "editor",
	"comps": "editor", "compiler": "editor", "compilers": "editor", "ed(s)": "editor",
	"trans": "translator", "tr": "translator", "transl": "translator", "translator": "translator",
	"translators": "translator", "trad": "translator", "tran": "translator", "übers": "translator",
}

// roleLeaders are phrases that introduce names in a role, longest first.
var roleLeaders = []struct{ phrase, role string }{
	{"edited and translated by", "editor+translator"},
	{"translated and edited by", "editor+translator"},
	{"edited and introduced by", "editor"},
	{"edited with an introduction by", "editor"},
	{"selected and edited by", "editor"},
	{"translated from the russian by", "translator"},
	{"translated from the french by", "translator"},
	{"translated from the german by", "translator"},
	{"translated from the spanish by", "translator"},
	{"translated by", "translator"},
	{"trans. by", "translator"},
	{"tr. by", "translator"},
	{"edited by", "editor"},
	{"ed. by", "editor"},
	{"eds. by", "editor"},
	{"compiled by", "editor"},
	{"herausgegeben von", "editor"},
	{"hrsg. von", "editor"},
	{"hrsg. v.", "editor"},
	{"hg. von", "editor"},
	{"hg. v.", "editor"},
	{"übersetzt von", "translator"},
	{"übers. von", "translator"},
	{"aus dem russischen von", "translator"},
	{"édité par", "editor"},
	{"éd. par", "editor"},
	{"sous la direction de", "editor"},
	{"sous la dir. de", "editor"},
	{"dir. par", "editor"},
	{"traduit par", "translator"},
	{"traduction de", "translator"},
	{"trad. par", "translator"},
	{"trad. de", "translator"},
	{"editado por", "editor"},
	{"traducido por", "translator"},
	{"traducción de", "translator"},
	{"introduction by", "introduction"},
	{"with an introduction by", "introduction"},
	{"foreword by", "introduction"},
	{"preface by", "introduction"},
	{"introduced by", "introduction"},
	{"ed.", "editor"},
	{"eds.", "editor"},
	{"éd.", "editor"},
	{"hg.", "editor"},
	{"hrsg.", "editor"},
	{"dir.", "editor"},
	{"trans.", "translator"},
	{"tr.", "translator"},
	{"transl.", "translator"},
	{"trad.", "translator"},
	{"übers.", "translator"},
}

// places are cities commonly printed as places of publication. A segment
// that is one of them (possibly followed by a state or country) is read as
// the place.
var places = setOfLines(`abingdon
al-qāhira
amsterdam
ann arbor
atlanta
austin
avignon
baghdad
baltimore
barcelona
basel
basingstoke
baton rouge
bayrūt
beijing
beirut
berkeley
berlin
bern
bielefeld
birmingham
bloomington
bombay
bonn
bordeaux
boston
boulder
brighton
brussels
bruxelles
budapest
buenos aires
cairo
calcutta
cambridge
cambridge, ma
cambridge, mass
cape town
cham
chapel hill
chicago
college station
cologne
copenhagen
coyoacan
coyoacán
damascus
darmstadt
delhi
den haag
dimashq
dordrecht
downers grove
dresden
dublin
durham
edinburgh
englewood cliffs
evanston
firenze
florence
frankfurt
frankfurt am main
freiburg
freiburg im breisgau
garden city
geneva
genève
glasgow
grand rapids
göttingen
halle
halle an der saale
hamburg
harmondsworth
havana
heidelberg
helsinki
hoboken
hong kong
istanbul
ithaca
jerusalem
kansas city
kent
kiev
köln
la paz
lausanne
leiden
leipzig
leningrad
lille
lima
lisboa
lisbon
liverpool
london
london and new york
los angeles
louisville
lyon
madison
madrid
mainz
manchester
marburg
marseille
melbourne
mexico
mexico city
mexico df
middlesex
milan
milano
minneapolis
montpellier
montreal
montreuil
montréal
moscou
moscow
moskva
mountain view
mumbai
munich
méxico
münchen
münster
nanterre
nashville
new brunswick
new delhi
new haven
new york
new york city
notre dame
ohio
oslo
ottawa
oxford
paris
peking
petrograd
philadelphia
piscataway
prague
praha
princeton
rio de janeiro
roma
rome
saint louis
saint-pétersbourg
salt lake city
san diego
san francisco
san juan
santa barbara
santiago
santo domingo
sao paulo
sevilla
seville
shanghai
sheffield
singapore
st louis
st petersburg
st. louis
stanford
stockholm
strasbourg
stuttgart
sydney
são paulo
tehran
tel aviv
the hague
thousand oaks
tokyo
torino
toronto
toulouse
turin
tübingen
upper saddle river
urbana
valencia
vienna
walnut creek
warsaw
warszawa
washington
westport
wien
wiesbaden
winona lake
zurich
zürich`)

// countries and states may follow a city in a place ("Cambridge, MA").
var regions = setOf(`al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj
	nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc mass conn calif ill ind mich minn
	wis tenn penn md. ont bc qc on uk usa us u.s.a england scotland wales france germany deutschland italy spain
	mexico canada switzerland belgium netherlands russia ussr austria israel egypt lebanon syria
	japan india australia ireland d.c n.y n.j calif. mass. conn. greece sweden norway denmark finland portugal
	poland hungary czechoslovakia yugoslavia romania bulgaria turkey china brazil argentina chile peru cuba`)

// regionNames are the regions of more than one word, or written out, that
// follow a city: "Englewood Cliffs, New Jersey", "Amsterdam, The
// Netherlands". States named as their cities are ("New York",
// "Washington") are left out: "Pathfinder Press, New York" is a
// publisher and its city.
var regionNames = setOfLines(`alabama
alaska
arizona
arkansas
california
colorado
connecticut
delaware
florida
georgia
hawaii
idaho
illinois
indiana
iowa
kansas
kentucky
louisiana
maine
maryland
massachusetts
michigan
minnesota
mississippi
missouri
montana
nebraska
nevada
new hampshire
new jersey
new mexico
north carolina
north dakota
ohio
oklahoma
oregon
pennsylvania
rhode island
south carolina
south dakota
tennessee
texas
utah
vermont
virginia
west virginia
wisconsin
wyoming
district of columbia
ontario
british columbia
alberta
manitoba
nova scotia
new south wales
queensland
the netherlands
united kingdom
united states
new zealand
south africa
soviet union`)

// longestKey returns the length of m's longest key.
func longestKey[V any](m map[string]V) int {
	n := 0
	for k := range m {
		n = max(n, len(k))
	}
	return n
}

// setOfLines makes a set of the lines of text (entries may hold spaces).
func setOfLines(text string) map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			m[l] = true
		}
	}
	return m
}

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for w := range strings.FieldsSeq(words) {
		m[w] = true
	}
	return m
}

// isPlace reports whether the text names a place of publication: a known
// city, optionally with a region, or several joined by "and"/"&"/"-".
//
// Most texts asked are no place, and their first word tells so:
// isPlaceOf's first test is made here on t, lowered only if it passes.
// Trimming and cutting at ASCII bytes finds the same bytes in t as in
// lower(t), and the gate and lookupLower lower what they read.
func isPlace(t string) bool {
	low := strings.TrimSpace(trimDotsCommas(t))
	if low == "" || len(low) > 60 {
		return false
	}
	if w := placeFirstWord(low); !placeFirstGate.mayHold(w) || !lookupLower(placeFirstWords, w) {
		return false
	}
	return isPlaceOf(lower(t))
}

// isPlaceOf is isPlace(t) given lt, lower(t): lower keeps every full stop,
// comma and space where it is, and every rune's length, so lt alone tells
// it (trimmed, it is as long as t trimmed).
func isPlaceOf(lt string) bool {
	low := strings.TrimSpace(trimDotsCommas(lt))
	if low == "" || len(low) > 60 {
		return false
	}
	if w := placeFirstWord(low); !placeFirstGate.mayHold(w) || !placeFirstWords[w] {
		return false // every reading below opens with a place, so with its first word
	}
	if placeGate.mayHold(low) && places[low] {
		return true
	}
	if k, at := placeJoinIn(low); k >= 0 {
		return isPlace(low[:at]) && isPlace(low[at+len(placeJoins[k]):])
	}
	if a, b, ok := strings.Cut(low, ", "); ok {
		return places[a] && (regions[strings.TrimRight(b, ".")] || places[b])
	}
	if a, b, ok := strings.Cut(low, " "); ok && places[a] && regions[strings.Trim(b, ".()")] {
		return true
	}
	return false
}

var placeGate = gateOf(places)

// trimDotsCommas is strings.TrimRight(t, ".,") without the cutset's set
// built at each call.
func trimDotsCommas(t string) string {
	for len(t) > 0 && (t[len(t)-1] == '.' || t[len(t)-1] == ',') {
		t = t[:len(t)-1]
	}
	return t
}

// placeFirstWords are the first words of places (placeFirstWord). What
// isPlaceOf accepts is a place, places joined, or a place followed by a
// region, a comma or a space: it opens with a place, and a place followed
// by a space, a comma, a full stop or a slash, so its first word is one
// of these. Most segments that are no place are turned away by it.
var placeFirstWords = func() map[string]bool {
	m := make(map[string]bool, len(places))
	for k := range places {
		m[placeFirstWord(k)] = true
	}
	return m
}()

var placeFirstGate = gateOf(placeFirstWords)

// placeFirstWord returns low up to its first space, comma, full stop or
// slash.
func placeFirstWord(low string) string {
	for k := 0; k < len(low); k++ {
		switch low[k] {
		case ' ', ',', '.', '/': // bytes no longer rune holds
			return low[:k]
		}
	}
	return low
}

// placeJoins join the places of a publisher's several cities, in the
// order they are looked for.
var placeJoins = []string{" and ", " & ", " - ", " – ", "/", " et ", " und ", " y "}

// placeJoinIn returns the first of placeJoins (by its order) that low
// holds and where it first stands in low, or -1: strings.Cut with each in
// turn, in one pass over low.
func placeJoinIn(low string) (k, at int) {
	k, at = len(placeJoins), -1
	for i := 0; i < len(low) && k > 0; i++ {
		// the one join that may stand at i, known by its first two bytes
		j := int8(-1)
		if c := low[i]; c != ' ' {
			j = placeJoinByFirst[c]
		} else if i+1 < len(low) {
			j = placeJoinAfterSpace[low[i+1]]
		}
		if j >= 0 && int(j) < k && strings.HasPrefix(low[i:], placeJoins[j]) {
			k, at = int(j), i // a join met later counts only if it comes before in the list
		}
	}
	if at < 0 {
		return -1, -1
	}
	return k, at
}

// placeJoinByFirst and placeJoinAfterSpace index placeJoins by their
// first byte, or by their second for those opening with a space; no two
// share it.
var placeJoinByFirst, placeJoinAfterSpace = func() (first, afterSpace [256]int8) {
	for c := range first {
		first[c], afterSpace[c] = -1, -1
	}
	for k, j := range placeJoins {
		at := &first[j[0]]
		if j[0] == ' ' {
			at = &afterSpace[j[1]]
		}
		if *at >= 0 {
			panic("cite: two place joins share their opening bytes")
		}
		*at = int8(k)
	}
	return first, afterSpace
}()

// hasPublisherWord reports whether t contains a word typical of
// publishers' names.
func hasPublisherWord(t string) bool { return anyWordIn(t, publisherWords, publisherGate) }

// isCorporate reports whether a name is an institution's.
func isCorporate(t string) bool { return anyWordIn(t, corporateWords, corporateGate) }

var (
	publisherGate = gateOf(publisherWords)
	corporateGate = gateOf(corporateWords)
)

// wordGate tells cheaply, from its length and first byte, that a word
// lower-cased cannot be a key of a set, so that most words are neither
// lower-cased nor hashed. lower keeps a word's length and lowers an ASCII
// byte only from A-Z to a-z. The lengths are kept by first byte: a set's
// keys of one length share few first bytes, so the pair turns away more
// words than each alone.
type wordGate struct {
	lens    uint64      // bit n: a key is n bytes long (n < 64)
	long    bool        // a key is 64 bytes long or longer
	byFirst [128]uint64 // bit n of byFirst[c]: a key of n bytes (n < 64) opens with the ASCII byte c
}

// gateOf returns the gate of the keys of m.
func gateOf[V any](m map[string]V) *wordGate {
	g := new(wordGate)
	for k := range m {
		if len(k) >= 64 {
			g.long = true
			continue
		}
		g.lens |= 1 << len(k)
		if k != "" && k[0] < utf8.RuneSelf {
			g.byFirst[k[0]] |= 1 << len(k)
		}
	}
	return g
}

// mayHold reports whether lower(w) may be a key: false only when it is
// surely none. A word opening with a non-ASCII byte may be a key of its
// length (lower may change that byte).
func (g *wordGate) mayHold(w string) bool {
	if len(w) >= 64 {
		return g.long
	}
	bit := uint64(1) << len(w)
	if g.lens&bit == 0 {
		return false
	}
	if w == "" {
		return true
	}
	c := w[0]
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return c >= utf8.RuneSelf || g.byFirst[c]&bit != 0
}

// anyWordIn reports whether a word of t (as eachWord splits it),
// lower-cased, is in set, whose gate is g.
func anyWordIn(t string, set map[string]bool, g *wordGate) bool {
	start := -1
	for i := 0; i <= len(t); i++ {
		if i < len(t) && !wordBreaks[t[i]] {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if w := t[start:i]; g.mayHold(w) && lookupLower(set, w) {
				return true
			}
			start = -1
		}
	}
	return false
}

// anyLowerWordIn is anyWordIn(t, set, g) given lt, lower(t): lower keeps
// every byte that breaks words where it is and makes none, so the words
// of lt are those of t lowered, looked up as they are.
func anyLowerWordIn(lt string, set map[string]bool, g *wordGate) bool {
	start := -1
	for i := 0; i <= len(lt); i++ {
		if i < len(lt) && !wordBreaks[lt[i]] {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if w := lt[start:i]; g.mayHold(w) && set[w] {
				return true
			}
			start = -1
		}
	}
	return false
}

// isWordBreak reports whether byte c separates words for eachWord.
func isWordBreak(c byte) bool { return wordBreaks[c] }

// wordBreaks are the bytes that separate words for eachWord.
var wordBreaks = [256]bool{' ': true, ',': true, '.': true, ':': true, ';': true, '(': true, ')': true, '"': true, '\t': true, '\n': true}

// eachWord calls fn with each word of t (split at spaces and punctuation)
// until fn returns false.
func eachWord(t string, fn func(string) bool) {
	start := -1
	for i := 0; i <= len(t); i++ {
		sep := i == len(t) || isWordBreak(t[i])
		if sep {
			if start >= 0 && !fn(t[start:i]) {
				return
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
}

// lookupGated is lookupLower(m, w) for a map m whose gate is g: most
// words are turned away by the gate, neither lower-cased nor hashed.
func lookupGated[V any](m map[string]V, g *wordGate, w string) V {
	if !g.mayHold(w) {
		var none V
		return none
	}
	return lookupLower(m, w)
}

// head is s's first n bytes, or a few more up to a rune boundary: lower
// keeps every rune's length, so lower(s) begins with lower(head(s, n)).
func head(s string, n int) string {
	if n >= len(s) {
		return s
	}
	for n < len(s) && !utf8.RuneStart(s[n]) {
		n++
	}
	return s[:n]
}

// fieldBounds returns the bounds of the first field of s at or after i, as
// strings.Fields splits s (at ASCII spaces and at runes unicode.IsSpace
// holds); start == end == len(s) when there is none. A hand loop: the
// callers below ran strings.FieldsSeq's iterator, which cost several times
// as much for the short texts they split.
func fieldBounds(s string, i int) (start, end int) {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	start = i
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace[c] {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return start, i
}

// asciiSpace are the ASCII bytes unicode.IsSpace holds.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// appendFields appends strings.Fields(s) to dst: given a slice of an
// array on the caller's stack, short texts split without allocating.
func appendFields(dst []string, s string) []string {
	for i := 0; ; {
		a, b := fieldBounds(s, i)
		if a == b {
			return dst
		}
		dst = append(dst, s[a:b])
		i = b
	}
}

// fieldsUpTo appends strings.Fields(s) to dst while they fit in its
// capacity; ok is false (and dst partial) when s has more.
func fieldsUpTo(dst []string, s string) (words []string, ok bool) {
	for i := 0; ; {
		a, b := fieldBounds(s, i)
		if a == b {
			return dst, true
		}
		if len(dst) == cap(dst) {
			return dst, false
		}
		dst = append(dst, s[a:b])
		i = b
	}
}

// firstField returns the first of strings.Fields(s) and how many there are,
// without building them.
func firstField(s string) (string, int) {
	first, n := "", 0
	for i := 0; ; n++ {
		a, b := fieldBounds(s, i)
		if a == b {
			return first, n
		}
		if n == 0 {
			first = s[a:b]
		}
		i = b
	}
}

// firstWord is strings.Fields(t)[0], "" when t has no field.
func firstWord(t string) string {
	a, b := fieldBounds(t, 0)
	return t[a:b]
}

// twoFields returns strings.Fields(s) when it holds exactly two fields,
// without building them.
func twoFields(s string) (string, string, bool) {
	a0, b0 := fieldBounds(s, 0)
	a1, b1 := fieldBounds(s, b0)
	if a0 == b0 || a1 == b1 {
		return "", "", false
	}
	if a2, b2 := fieldBounds(s, b1); a2 != b2 {
		return "", "", false
	}
	return s[a0:b0], s[a1:b1], true
}

// lowerASCII appends s to dst with its ASCII capitals lower-cased and every
// other byte kept: what lower gives for every rune a caller compares to
// ASCII words.
func lowerASCII(dst []byte, s string) []byte {
	from := len(dst)
	dst = append(dst, s...)
	lowerASCIIInPlace(dst[from:])
	return dst
}

// hasASCIIUpper reports whether s holds an ASCII capital, which
// lowerASCII would change.
func hasASCIIUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// lowerASCIIInPlace lower-cases the ASCII capitals of b.
func lowerASCIIInPlace(b []byte) {
	for k, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[k] = c + 'a' - 'A'
		}
	}
}

// indexJoiner is strings.IndexAny(w, "-'’") by bytes: with a character
// outside ASCII in its set, IndexAny decodes w rune by rune and searches
// the set for each. The bytes of "-", "'" and "’" (E2 80 99) begin runes
// wherever they stand, and no other rune holds them so.
func indexJoiner(w string) int {
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case '-', '\'':
			return i
		case 0xE2:
			if strings.HasPrefix(w[i:], "’") {
				return i
			}
		}
	}
	return -1
}

// hasDigit is strings.ContainsAny(t, "0123456789") without building the
// set of the digits for each call.
func hasDigit(t string) bool {
	for i := 0; i < len(t); i++ {
		if '0' <= t[i] && t[i] <= '9' {
			return true
		}
	}
	return false
}

// hasSuffixLower is strings.HasSuffix(lower(s), suffix) for an ASCII
// suffix, without lower-casing s.
func hasSuffixLower(s, suffix string) bool {
	return len(s) >= len(suffix) && textscan.HasPrefixFold(s[len(s)-len(suffix):], suffix)
}

// equalLower is lower(s) == word for an ASCII word, without lower-casing
// s: lower keeps every non-ASCII byte of s non-ASCII.
func equalLower(s, word string) bool {
	return len(s) == len(word) && textscan.HasPrefixFold(s, word)
}

// equalLowerAny is lower(s) == word for any word, lowered on the stack
// when s is short.
func equalLowerAny(s, word string) bool {
	if len(s) != len(word) {
		return false // lower keeps the length
	}
	var buf [64]byte
	if len(s) > len(buf) {
		return lower(s) == word
	}
	return string(appendLower(buf[:0], s)) == word
}

// lookupLower is m[lower(w)], without allocating for short ASCII words.
func lookupLower[V any](m map[string]V, w string) V {
	v, _ := lookupLowerOK(m, w)
	return v
}

// lookupLowerOK is m[lower(w)] with its comma-ok, without allocating for
// short words.
func lookupLowerOK[V any](m map[string]V, w string) (V, bool) {
	var buf [64]byte
	if len(w) > len(buf) {
		v, ok := m[lower(w)]
		return v, ok
	}
	v, ok := m[string(appendLower(buf[:0], w))] // lower keeps the length: no growth
	return v, ok
}

// appendLower appends lower(s) to dst. lower keeps the length, so dst
// grows once and every byte is written in a single pass: no run of ASCII
// is scanned, copied and then lowered apart.
func appendLower(dst []byte, s string) []byte {
	from := len(dst)
	dst = slices.Grow(dst, len(s))[:from+len(s)]
	out := dst[from:][:len(s)] // as long as s: no bounds check below
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			// most text is ASCII: eight bytes at a time while they are
			b := s[i : i+8]
			w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
				uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
			if w&highBits == 0 {
				binary.LittleEndian.PutUint64(out[i:], lowerASCII8(w))
				i += 8
				continue
			}
		}
		if c := s[i]; c < utf8.RuneSelf {
			out[i] = asciiLower[c]
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		lr := unicode.ToLower(r)
		if r == utf8.RuneError || utf8.RuneLen(lr) != size {
			copy(out[i:], s[i:i+size])
		} else {
			utf8.EncodeRune(out[i:], lr)
		}
		i += size
	}
	return dst
}

// highBits holds the high bit of each byte of a word.
const highBits = 0x8080808080808080

// lowerASCII8 lower-cases the eight ASCII bytes of w, all in one: a byte
// b is a capital when b+0x3f reaches 0x80 ('A' and above) and b+0x25 does
// not ('Z' and below); no sum carries into the next byte, since b < 0x80.
// The capitals get 0x20, which their high bit shifted gives.
func lowerASCII8(w uint64) uint64 {
	fromA := w + 0x3f3f3f3f3f3f3f3f
	pastZ := w + 0x2525252525252525
	return w | (fromA&^pastZ&highBits)>>2
}

// asciiLower maps each ASCII byte to its lower case.
var asciiLower = func() (m [utf8.RuneSelf]byte) {
	for c := range m {
		m[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			m[c] += 'a' - 'A'
		}
	}
	return m
}()

// isCapitalised reports whether the first letter of w is upper case.
func isCapitalised(w string) bool {
	for _, r := range w {
		if r < utf8.RuneSelf {
			// ASCII, as below: no modifier letter is ASCII
			switch {
			case 'A' <= r && r <= 'Z':
				return true
			case 'a' <= r && r <= 'z':
				return false
			case r == '\'' || r == '(' || r == '"':
				continue
			}
			return false
		}
		if unicode.IsLetter(r) && !unicode.Is(unicode.Lm, r) {
			return unicode.IsUpper(r)
		}
		if unicode.Is(unicode.Lm, r) {
			continue
		}
		if r != 'ʿ' && r != 'ʾ' && r != '\'' && r != '’' && r != '(' && r != '"' && r != '“' {
			return false
		}
	}
	return false
}

// hasLetter reports whether t contains a letter.
func hasLetter(t string) bool {
	for _, r := range t {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// allDigits reports whether t is a non-empty run of ASCII digits.
func allDigits(t string) bool {
	if t == "" {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return true
}

// lower lower-cases s rune by rune, keeping every rune whose lower case
// would change its encoded length (and invalid bytes) as it is, so that
// byte offsets found in the result are valid in s.
func lower(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= 0x80 || ('A' <= c && c <= 'Z') {
			break
		}
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder // one allocation, where a byte slice costs two
	b.Grow(len(s))
	b.WriteString(s[:i])
	var chunk [128]byte // lowered a piece at a time on the stack
	for i < len(s) {
		// end the piece between runes, where lower reads s the same: before
		// the last rune start, else (no rune starts after i) anywhere past
		// the rune at i
		j := min(i+len(chunk)-utf8.UTFMax, len(s))
		k := j
		for k > i && k < len(s) && !utf8.RuneStart(s[k]) {
			k--
		}
		if k > i {
			j = k
		}
		b.Write(appendLower(chunk[:0], s[i:j])) // as long as s[i:j]: no growth
		i = j
	}
	return b.String()
}
