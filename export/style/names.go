package style

import (
	"strings"
	"unicode"

	"github.com/ibid-project/ibid/bib"
)

// nameOrder says how one name is written.
type nameOrder int

const (
	givenFirst  nameOrder = iota // Victor Serge
	familyFirst                  // Serge, Victor
)

// formatName writes one name. A literal (an institution) is written as it
// is. In family-first order the particles follow the given name ("Gogh,
// Vincent van"); in given-first order a particle ending in a hyphen or
// apostrophe is joined to the family name ("al-Rusafi").
func formatName(n bib.Name, order nameOrder) string {
	if n.Literal != "" {
		return n.Literal
	}
	if n.Family == "" {
		return n.Given
	}
	given := normaliseInitials(n.Given)
	if order == familyFirst {
		s := n.Family
		rest := joinWords(given, n.DroppingParticle, n.NonDroppingParticle)
		if rest != "" {
			s += ", " + rest
		}
		if n.Suffix != "" {
			s += ", " + n.Suffix
		}
		return s
	}
	family := n.Family
	if p := n.NonDroppingParticle; p != "" {
		family = attachParticle(p, family)
	}
	if p := n.DroppingParticle; p != "" {
		family = attachParticle(p, family)
	}
	return joinWords(given, family, n.Suffix)
}

// normaliseInitials writes initials as citeproc-js does: "J.R." becomes
// "J. R." and a lone capital gets its period ("Maxim G" → "Maxim G.").
func normaliseInitials(given string) string {
	if given == "" {
		return ""
	}
	var b strings.Builder
	rs := []rune(given)
	for i, c := range rs {
		b.WriteRune(c)
		if c == '.' && i+1 < len(rs) && unicode.IsUpper(rs[i+1]) {
			b.WriteByte(' ')
		}
	}
	words := strings.Fields(b.String())
	for i, w := range words {
		if r := []rune(w); len(r) == 1 && unicode.IsUpper(r[0]) {
			words[i] = w + "."
		}
	}
	return strings.Join(words, " ")
}

func attachParticle(particle, family string) string {
	if strings.HasSuffix(particle, "-") || strings.HasSuffix(particle, "'") || strings.HasSuffix(particle, "’") {
		return particle + family
	}
	return particle + " " + family
}

func joinWords(words ...string) string {
	var kept []string
	for _, w := range words {
		if w = strings.TrimSpace(w); w != "" {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}

// nameList describes how a list of names is written.
type nameList struct {
	firstOrder nameOrder // order of the first name
	restOrder  nameOrder // order of the others
	and        string    // word before the last name ("and", "&"); "" for none
	etAlMin    int       // lists this long or longer are cut (0: never)
	etAlFirst  int       // names kept when cut
	etAl       string    // what follows a cut list (", et al.")
	// serialComma puts the delimiter before "and" also with two names
	// (Chicago after an inverted first name: "Smith, John, and Jane Doe").
	serialCommaPair bool
}

// format writes names as the list describes.
func (l nameList) format(names []bib.Name) string {
	if len(names) == 0 {
		return ""
	}
	if l.etAlMin > 0 && len(names) >= l.etAlMin && l.etAlFirst < len(names) {
		parts := make([]string, 0, l.etAlFirst)
		for i, n := range names[:l.etAlFirst] {
			parts = append(parts, formatName(n, l.orderOf(i)))
		}
		return strings.Join(parts, ", ") + l.etAl
	}
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = formatName(n, l.orderOf(i))
	}
	if len(parts) == 1 {
		return parts[0]
	}
	last := parts[len(parts)-1]
	if n := names[len(names)-1]; n.Literal == "others" || n.Literal == "et al." {
		return strings.Join(parts[:len(parts)-1], ", ") + " " + l.andWord() + " " + last
	}
	if len(parts) == 2 && !(l.serialCommaPair && l.firstOrder == familyFirst) {
		return parts[0] + " " + l.andWord() + " " + last
	}
	return strings.Join(parts[:len(parts)-1], ", ") + ", " + l.andWord() + " " + last
}

func (l nameList) orderOf(i int) nameOrder {
	if i == 0 {
		return l.firstOrder
	}
	return l.restOrder
}

func (l nameList) andWord() string {
	if l.and == "" {
		return "and"
	}
	return l.and
}
