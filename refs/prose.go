package refs

import (
	"strings"
	"unicode"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/internal/textscan"
	"github.com/ibid-project/ibid/refs/cite"
)

// A citation written into a sentence names its work in ways the
// reference parser does not read as fields: "First published in Paris as
// Lenine, 1917, …", "James Hulse notes, in his book The Forming of the
// Communist International, …", "In From Lenin to Stalin, Serge quoted …".
// proseReadings returns the citation such a sentence holds, as a parsed
// item, when it has one of these shapes; the resolver tries them when the
// sentence as written names no work it knows.
func proseReadings(body string) []bib.Item {
	var out []bib.Item
	if rest, ok := afterEditionIntro(body); ok {
		out = append(out, cite.Parse(rest, cite.Note).Item)
	}
	if name, rest, ok := inPossessiveWork(body); ok {
		out = append(out, withAuthor(cite.Parse(rest, cite.Note).Item, name))
	}
	if title, name, ok := inTitleNameSays(body); ok {
		out = append(out, withAuthor(bib.Item{Type: "book", Title: title}, name))
	}
	return out
}

// withAuthor gives it the named author when it has none.
func withAuthor(it bib.Item, name string) bib.Item {
	if len(it.Author) == 0 && name != "" {
		if a := cite.Parse(name+", Title", cite.Note).Item.Author; len(a) > 0 {
			it.Author = a
		}
	}
	return it
}

// editionIntros open a note's account of another edition of a work.
var editionIntros = []string{"first published", "originally published", "also published", "later published",
	"published in english", "reprinted", "republished", "translated"}

// afterEditionIntro returns what follows " as " in "First published in
// Paris as Lenine, 1917, Librairie du Travail, 1925".
func afterEditionIntro(body string) (string, bool) {
	low := strings.ToLower(body)
	if len(low) != len(body) {
		return "", false // offsets in low must be offsets in body
	}
	for _, intro := range editionIntros {
		if !strings.HasPrefix(low, intro) {
			continue
		}
		k := strings.Index(low, " as ")
		if k < 0 || k > 60 {
			return "", false
		}
		rest := strings.TrimSpace(body[k+len(" as "):])
		return rest, rest != "" && startsUpperOrQuote(rest)
	}
	return "", false
}

// possessiveWorks introduce a work in prose: "in his book", "in her
// article".
var possessiveWorks = []string{" in his ", " in her ", " in their "}

// workNouns may follow "in his" before the title.
var workNouns = map[string]bool{"book": true, "article": true, "study": true, "essay": true, "biography": true,
	"history": true, "memoirs": true, "pamphlet": true, "review": true, "work": true, "novel": true, "introduction": true,
	"preface": true, "account": true, "dissertation": true, "thesis": true, "autobiography": true}

// inPossessiveWork reads "James Hulse notes, in his book The Forming …"
// as the name that opens the sentence and the citation after "in his
// book".
func inPossessiveWork(body string) (name, rest string, ok bool) {
	low := strings.ToLower(body)
	if len(low) != len(body) {
		return "", "", false // offsets in low must be offsets in body
	}
	for _, p := range possessiveWorks {
		k := strings.Index(low, p)
		if k <= 0 || k > 60 {
			continue
		}
		rest = strings.TrimSpace(body[k+len(p):])
		noun, after, _ := strings.Cut(rest, " ")
		if !workNouns[strings.ToLower(strings.Trim(noun, ","))] {
			continue
		}
		rest = strings.TrimSpace(after)
		name = leadingNameWords(body[:k])
		if name == "" || rest == "" || !startsUpperOrQuote(rest) {
			continue
		}
		return name, rest, true
	}
	return "", "", false
}

// inTitleNameSays reads "In From Lenin to Stalin, Serge quoted …" as the
// title between "In" and the comma, by the name that follows it.
func inTitleNameSays(body string) (title, name string, ok bool) {
	if !strings.HasPrefix(body, "In ") {
		return "", "", false
	}
	title, rest, found := strings.Cut(body[len("In "):], ", ")
	if !found || title == "" || !startsUpperOrQuote(title) || unicode.IsDigit(firstRune(title)) || textscan.FieldCountUpTo(title, 10) > 10 {
		return "", "", false
	}
	words := strings.Fields(rest)
	if len(words) < 2 || !unicode.IsLower(firstRune(words[1])) {
		return "", "", false // "Serge quoted": a name, then a verb
	}
	name = leadingNameWords(words[0])
	if name == "" {
		return "", "", false
	}
	return strings.Trim(title, `"“”`), name, true
}

// leadingNameWords returns the capitalised words that open s ("James
// Hulse" of "James Hulse notes,", "Sedgwick" of "Sedgwick, however,").
func leadingNameWords(s string) string {
	var words []string
	for _, w := range strings.Fields(s) {
		t := strings.TrimRight(w, ",")
		if t == "" || !unicode.IsUpper(firstRune(t)) {
			break
		}
		words = append(words, t)
		if t != w || len(words) == 3 {
			break // a comma ends the name
		}
	}
	return strings.Join(words, " ")
}

func startsUpperOrQuote(s string) bool {
	r := firstRune(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"“«„‘`, r)
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}
