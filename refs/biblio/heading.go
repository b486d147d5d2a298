package biblio

import (
	"strings"
	"unicode/utf8"

	"github.com/ibid-project/ibid/internal/textscan"
)

// bibTitles are the folded titles of a bibliography section. strong titles
// name the whole section; weak ones ("Sources", "Literature") are also
// used for subsections and start a bibliography only outside another one.
var bibTitles = map[string]bool{
	"bibliography": true, "references": true, "works cited": true, "works consulted": true,
	"select bibliography": true, "selected bibliography": true, "reference list": true,
	"sources and bibliography": true, "bibliography and sources": true, "list of references": true,
	"bibliographie": true, "ouvrages cites": true, "sources et bibliographie": true, "references bibliographiques": true,
	"literaturverzeichnis": true, "quellen und literatur": true, "quellenverzeichnis": true, "quellen- und literaturverzeichnis": true,
	"bibliografia": true, "referencias": true, "obras citadas": true, "referencias bibliograficas": true,
	// weak
	"sources": false, "literature": false, "literatur": false, "fuentes": false,
}

// endTitles are folded headings that end a bibliography.
var endTitles = map[string]bool{
	"notes": true, "endnotes": true, "footnotes": true, "index": true, "general index": true,
	"index of names": true, "appendix": true, "appendices": true, "glossary": true,
	"annexe": true, "annexes": true, "anhang": true, "anmerkungen": true, "register": true,
	"personenregister": true, "indice": true, "notas": true, "apendice": true, "apendices": true,
	"acknowledgements": true, "acknowledgments": true, "about the author": true,
}

// chapterWords open a chapter or part heading.
var chapterWords = []string{"chapter", "chapitre", "kapitel", "capitulo", "part", "partie", "teil"}

// headingKey folds a standalone heading line for comparison with the title
// tables: Markdown marks, a section number ("7.", "VII.", "A.") and closing
// punctuation removed, accents folded, lower case.
func headingKey(s string) string {
	s = strings.TrimSpace(strings.Trim(s, "#"))
	if lab, rest := parseLabel(s); lab.kind == kindDigit || lab.kind == kindRoman || lab.kind == kindUpper {
		s = rest
	}
	s = strings.TrimRight(s, ".: ")
	return joinFields(strings.ToLower(fold(s)))
}

// joinFields is strings.Join(strings.Fields(s), " "): s itself when it is
// ASCII words between single spaces already.
func joinFields(s string) string {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r',
			c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' '):
			return strings.Join(strings.Fields(s), " ")
		}
	}
	return s
}

// maxTitleRunes bounds the length of a bibliography heading line.
const maxTitleRunes = 60

// isBibTitle reports whether the line s is a bibliography heading.
func isBibTitle(s string) bool {
	if len(s) > 3*maxTitleRunes || runes(s) > maxTitleRunes || !hasTitleStem(s) || isTOCLine(s) {
		return false
	}
	_, ok := bibTitles[headingKey(s)]
	return ok
}

// titleStems occur in every bibliography title; a line without one is
// rejected before the costlier folding.
var titleStems = []string{"bibl", "refer", "référ", "works", "sourc", "liter", "ouvra", "quell", "obras", "fuent"}

func hasTitleStem(s string) bool {
	if textscan.IsASCII(s) { // lowered in place as compared: ToLower keeps ASCII text's length
		for _, st := range titleStems {
			if textscan.ContainsFold(s, st) {
				return true
			}
		}
		return false
	}
	low := strings.ToLower(s)
	for _, st := range titleStems {
		if strings.Contains(low, st) {
			return true
		}
	}
	return false
}

// isStrongTitle reports a title that always names a whole bibliography.
func isStrongTitle(s string) bool { return bibTitles[headingKey(s)] }

// isTOCLine reports a table-of-contents line: dot leaders or a tab, or a
// title followed by a gap of two or more spaces and a page number.
func isTOCLine(s string) bool {
	if strings.Contains(s, "....") || strings.Contains(s, ". . .") || strings.Contains(s, "\t") {
		return true
	}
	gap := strings.LastIndex(s, "  ")
	if gap < 0 {
		return false
	}
	num := strings.TrimSpace(s[gap:])
	return num != "" && len(num) <= 4 && allDigits(num) && strings.TrimSpace(s[:gap]) != ""
}

// isEndTitle reports a heading that ends a bibliography: Notes, Index,
// Appendix (also "Appendix A: ...").
func isEndTitle(s string) bool {
	if len(s) > 240 || runes(s) > 80 || isTOCLine(s) {
		return false
	}
	k := headingKey(s)
	if endTitles[k] {
		return true
	}
	for _, w := range []string{"appendix ", "annexe ", "anhang ", "index of ", "apendice "} {
		if strings.HasPrefix(k, w) {
			return true
		}
	}
	return false
}

// isChapterHeading reports "Chapter 3", "CHAPTER TWO", "Part II ...".
func isChapterHeading(s string) bool {
	if len(s) > 300 || runes(s) > 100 || isTOCLine(s) {
		return false
	}
	var f [2]string // the first two words: no more are read
	n := 0
	for w := range strings.FieldsSeq(strings.ToLower(fold(strings.Trim(s, "# ")))) {
		f[n] = w
		if n++; n == len(f) {
			break
		}
	}
	if n < 2 {
		return false
	}
	for _, w := range chapterWords {
		if f[0] == w {
			return true
		}
	}
	return false
}

// markdownLevel is the number of leading '#' of an ATX heading, 0 if none.
func markdownLevel(s string) int {
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n >= len(s) || s[n] != ' ' {
		return 0
	}
	return n
}
