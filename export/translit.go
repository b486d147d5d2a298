package export

import "strings"

// translit spells Cyrillic and Greek letters in Latin letters, for keys
// only (Better BibTeX transliterates too): "Карпов" → "Karpov". Upper-case
// letters map to a capitalised spelling.
var translit = map[rune]string{}

func init() {
	pairs := func(lower, upper string, latin string) {
		lo, up := []rune(lower), []rune(upper)
		for i, l := range strings.Split(latin, " ") {
			if l == "-" {
				l = ""
			}
			translit[lo[i]] = l
			if l != "" {
				translit[up[i]] = strings.ToUpper(l[:1]) + l[1:]
			} else {
				translit[up[i]] = ""
			}
		}
	}
	pairs("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў",
		"АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯІЇЄҐЎ",
		"a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch - y - e iu ia i i ie g u")
	pairs("αβγδεζηθικλμνξοπρστυφχψωάέήίόύώς",
		"ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΆΈΉΊΌΎΏΣ",
		"a v g d e z i th i k l m n x o p r s t y f ch ps o a e i i o y o s")
}

// transliterate replaces Cyrillic and Greek letters by Latin spellings;
// other characters are kept.
func transliterate(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x370 && r < 0x530 }) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if l, ok := translit[r]; ok {
			b.WriteString(l)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
