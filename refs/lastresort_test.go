package refs

import (
	"slices"
	"strings"
	"testing"

	"github.com/ibid-project/ibid/bib"
)

const lastResortDoc = `Chapter One

Text.¹ More.² Again.³ And.⁴ Then.⁵ Last.⁶ Letters.⁷ Replies.⁸ Talks.⁹

¹Jane Doe, The Night Book, Paris, Maison, 1952, p. 3.

²JD, "A Quiet Harbour," The Weekly Review, March 1938, p. 7.

³Doe, "Rain in May," 12 May 1944, The Night Book, pp. 44-47.

⁴Doe, The Night Book, entry for Nov. 15, 1946.

⁵Harbour Gazette, Lisbon, 7 September 1941, vol. 33, no. 36, written by Tom Roe.

⁶Doe, "Rain in May," The Night Book, p. 48.

⁷Jane Doe to Paul Smyth, June 3, 1950.

⁸TR to JD, May 2, 1950.

⁹Private conversation with Maria in Lisbon, August 20, 1990.

Bibliography

Books and Articles

Doe, Jane. The Night Book. Paris: Maison, 1952.

Doe, Jane. "A Quiet Harbour." The Weekly Review, March 1938.

Roe, Tom. "Sailing Home." Harbour Gazette, Lisbon, 7 September 1941, vol. 33, no. 36, pp. 8-12.

Roe, Tom. "Other Shores." Harbour Gazette, Lisbon, 14 September 1941, vol. 33, no. 37, pp. 3-4.

Published Correspondence

Doe, Jane, and Tom Roe. Harbour Letters, 1949-1951. London: Quay Press, 1990.

Unpublished Correspondence

1. Paul Smyth, 1948-1955, Smyth Papers, Town Library, Leeds.

Interviews

Maria Lopes, May 1987, Aug. 1990, Lisbon.
`

// TestLastResort: initials for an author, a part of a listed book, an
// article known by its periodical's issue, a letter of a listed
// collection and a conversation with a listed interviewee all find the
// bibliography; the part and the letter are works
// of their own, held by the bibliography through their book or collection.
func TestLastResort(t *testing.T) {
	doc, err := Parse("t.txt", []byte(lastResortDoc))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Notes) != 9 || len(doc.Entries) != 7 {
		t.Fatalf("notes %d, entries %d, want 9 and 7", len(doc.Notes), len(doc.Entries))
	}
	only := func(n int) Citation {
		t.Helper()
		cs := doc.Notes[n-1].Citations
		if len(cs) != 1 {
			t.Fatalf("note %d: %d citations %+v, want 1", n, len(cs), cs)
		}
		return cs[0]
	}
	listedAt := func(n, entry int) {
		t.Helper()
		c := only(n)
		if c.BibLine == nil || *c.BibLine != doc.Entries[entry].Line {
			t.Errorf("note %d %q: bib_line %v, want %d (%s)", n, c.Text, c.BibLine, doc.Entries[entry].Line, doc.Entries[entry].Raw)
		}
	}
	listedAt(2, 1) // JD: the one creator with those initials
	if a := only(2).Item.Author; len(a) != 1 || a[0].Family != "Doe" {
		t.Errorf("note 2: author %+v, want Doe", a)
	}
	listedAt(3, 0) // a part, held through its book
	listedAt(4, 0) // a place in the book
	listedAt(5, 2) // the one listed article of that issue
	listedAt(6, 0)
	listedAt(7, 5) // a letter in a listed collection of letters
	if only(7).Work == doc.Entries[5].Work || only(7).Item.Type != "personal_communication" {
		t.Errorf("letter: work %s, type %s, want a letter of its own", only(7).Work, only(7).Item.Type)
	}
	listedAt(8, 4) // between the two authors of published letters, by initials
	if it := only(8).Item; len(it.Author) != 1 || it.Author[0].Family != "Roe" || len(it.Recipient) != 1 || it.Recipient[0].Family != "Doe" {
		t.Errorf("letter by initials: author %+v recipient %+v, want Roe to Doe", it.Author, it.Recipient)
	}

	listedAt(9, 6) // a conversation with a listed interviewee on a listed date
	if only(9).Form != "interview" {
		t.Errorf("note 9: form %q, want interview", only(9).Form)
	}

	part := only(3)
	if part.Item.Type != "chapter" || part.Item.Title != "Rain in May" || part.Item.ContainerTitle != "The Night Book" {
		t.Errorf("part: %+v, want the chapter \"Rain in May\" in The Night Book", *part.Item)
	}
	if part.Work == only(1).Work {
		t.Errorf("the part and its book share work %s", part.Work)
	}
	if only(6).Work != part.Work {
		t.Errorf("the part cited again is work %s, want %s", only(6).Work, part.Work)
	}
	if only(4).Work != only(1).Work {
		t.Errorf("a place in the book is work %s, want the book's %s", only(4).Work, only(1).Work)
	}

	var codes []string
	for _, p := range doc.Problems {
		codes = append(codes, p.Code)
		if p.Code == CodeNeverCited && p.Line != doc.Entries[3].Line {
			t.Errorf("never-cited at line %d, want only the unsent issue's article (line %d)", p.Line, doc.Entries[3].Line)
		}
	}
	if strings.Contains(strings.Join(codes, " "), CodeNotInBibliography) {
		t.Errorf("problems %v: nothing cited is missing from the bibliography", codes)
	}
}

// TestLastResortRefusesGuesses: an issue's date alone, without its
// periodical, finds no article; a letter outside a collection's years is
// not in it; a conversation on a date the interviews do not list is
// another one; initials two creators share name nobody.
func TestLastResortRefusesGuesses(t *testing.T) {
	src := strings.Replace(lastResortDoc, "⁵Harbour Gazette, Lisbon,", "⁵The Evening Post, Lisbon,", 1)
	src = strings.Replace(src, "June 3, 1950", "June 3, 1960", 1)     // after the collection's years
	src = strings.Replace(src, "May 2, 1950", "May 2, 1952", 1)       // after the years of the title
	src = strings.Replace(src, "August 20, 1990", "June 20, 1990", 1) // a month the entry does not list
	doc, err := Parse("t.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	missing := map[int]bool{}
	for _, p := range doc.Problems {
		missing[p.Number] = missing[p.Number] || p.Code == CodeNotInBibliography
	}
	if !missing[5] {
		t.Errorf("another periodical's issue of that day: note 5 must be not-in-bibliography, problems %+v", doc.Problems)
	}
	if !missing[9] {
		t.Errorf("a conversation on a date the interviews do not list: note 9 must be not-in-bibliography, problems %+v", doc.Problems)
	}
	if !missing[7] || !missing[8] {
		t.Errorf("letters written after their collection's years: notes 7 and 8 must be not-in-bibliography, problems %+v", doc.Problems)
	}

	entry := func(given, family string) Entry {
		return Entry{Item: &bib.Item{Type: "book", Title: "A Title", Author: []bib.Name{{Given: given, Family: family}}}}
	}
	r := newResolver(&Document{Entries: []Entry{entry("Jane", "Doe"), entry("Jack", "Dunn"), entry("Tom", "Roe"), entry("T.", "Roe")}})
	r.addEntries()
	if n := r.creatorOfInitials("JD"); n != nil {
		t.Errorf("JD = %+v, want nobody (Jane Doe and Jack Dunn)", *n)
	}
	if n := r.creatorOfInitials("TR"); n == nil || n.Family != "Roe" {
		t.Errorf("TR = %v, want Roe (one person written two ways)", n)
	}
	if got := r.withInitialsExpanded([]string{"tr"}); len(got) != 1 || got[0] != "roe" {
		t.Errorf("withInitialsExpanded([tr]) = %v, want [roe]", got)
	}
}

func TestNameInitials(t *testing.T) {
	tests := []struct {
		name bib.Name
		want string
	}{
		{bib.Name{Given: "Victor", Family: "Serge"}, "VS"},
		{bib.Name{Given: "Leon Davidovich", Family: "Trotsky"}, "LDT"},
		{bib.Name{Given: "E.H.", Family: "Carr"}, "EHC"},
		{bib.Name{Given: "Jean-Paul", Family: "Sartre"}, "JPS"},
		{bib.Name{Given: "Ludwig", Family: "van Beethoven"}, "LB"},
		{bib.Name{Given: "Émile", Family: "Zola"}, "EZ"},
		{bib.Name{Family: "Serge"}, ""},
	}
	for _, tt := range tests {
		if got := nameInitials(&tt.name); got != tt.want {
			t.Errorf("nameInitials(%+v) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestIsCorrespondence(t *testing.T) {
	group := func(s string) *string { return &s }
	tests := []struct {
		entry Entry
		want  bool
	}{
		{Entry{Section: []string{"Works", "E. Unpublished Correspondence"}, Item: &bib.Item{Title: "Leon Lyovich Sedov"}}, true},
		{Entry{Group: group("Correspondence held at the Archive, 1941-1947"), Item: &bib.Item{Title: "Angelica Balabanova"}}, true},
		{Entry{Section: []string{"Lettres inédites"}, Item: &bib.Item{Title: "Marcel Martinet"}}, true},
		{Entry{Group: group("New Leader 1942-1947, (Serge was their Mexican Correspondent)"), Item: &bib.Item{Title: "Letter"}}, false},
		{Entry{Section: []string{"Letters"}, Item: &bib.Item{Title: "The Trotsky Murder: the Assassin Fails to Escape His Twenty-Year Term"}}, false},
		{Entry{Section: []string{"Books"}, Item: &bib.Item{Title: "Paul Smyth"}}, false},
	}
	for _, tt := range tests {
		if got := isCorrespondence(&tt.entry, map[string]bool{}); got != tt.want {
			t.Errorf("isCorrespondence(%v %v %q) = %v, want %v", tt.entry.Section, tt.entry.Group, tt.entry.Item.Title, got, tt.want)
		}
	}
}

// TestQuotedEntry: a note that copies out an entry nearly word for word
// cites it, whatever its parser made of either; one that shares only a
// few of its words does not.
func TestQuotedEntry(t *testing.T) {
	src := `Chapter One

A.¹ B.²

¹8. 10 June 1987, from the River Office Ap 24, 1987 from the Navy.

²Another reply of 24 May 1988 from the Harbour Board.

Bibliography

Files

1. 24 May 1988, from the Harbour Agency, reporting an inquiry in Lisbon of 26 March 1946.
2. 10 June 1987, from the River Office.
`
	doc, err := Parse("t.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Notes) != 2 || len(doc.Entries) != 2 {
		t.Fatalf("notes %d, entries %d, want 2 and 2", len(doc.Notes), len(doc.Entries))
	}
	if got := bibLines(doc.Notes[0].Citations); !slices.Equal(got, []int{doc.Entries[1].Line}) {
		t.Errorf("note 1 cites entries at %v, want [%d]", got, doc.Entries[1].Line)
	}
	for _, c := range doc.Notes[1].Citations {
		if c.BibLine != nil {
			t.Errorf("note 2 %q cites the entry at %d; it shares only its date", c.Text, *c.BibLine)
		}
	}
}

func TestTranslationTitles(t *testing.T) {
	tests := []struct {
		raw  string
		want []string
	}{
		{"S'il est Minuit dans le Siecle, Grasset, Paris, 1939. English translation by Richard Greeman, Midnight in the Century, Writers & Readers, London, 1982.", []string{"Midnight in the Century"}},
		{"Destin d'une revolution, Paris, 1937. English translation by Max Schachtman, Russia Twenty Years After, New York, 1937.", []string{"Russia Twenty Years After"}},
		{"Le Tournant obscur, Paris, 1951, translated as The Dark Turn, London, 1990.", []string{"The Dark Turn"}},
		{"Carnets, Julliard, Paris, 1952, translated by James Fenwick.", nil},
		{"Memoirs, London, 1963.", nil},
	}
	for _, tt := range tests {
		if got := translationTitles(tt.raw); !slices.Equal(got, tt.want) {
			t.Errorf("translationTitles(%.40q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}

// TestAbbreviationOfTranslation: "Doe, HL, p. 12" is the initials of a
// translation the entry names, after the work's author.
func TestAbbreviationOfTranslation(t *testing.T) {
	src := `Chapter One

A.¹

¹Doe, HL, p. 12.

Bibliography

Doe, Jane. Lumières du port. Paris: Quai, 1950. English translation by Tom Roe, Harbour Lights, London, 1960.
`
	doc, err := Parse("t.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	cs := doc.Notes[0].Citations
	if len(cs) != 1 || cs[0].Form != "abbrev" || cs[0].BibLine == nil || *cs[0].BibLine != doc.Entries[0].Line {
		t.Errorf("citations %+v, want an abbreviation of the entry at line %d", cs, doc.Entries[0].Line)
	}
}

// TestFrontMatter: an introduction another hand wrote to a listed book is
// a part of that book.
func TestFrontMatter(t *testing.T) {
	src := `Chapter One

A.¹

¹Tom Roe, Introduction, The Night Book, Quay Press, Paris, 1980, pp. 23-24.

Bibliography

Doe, Jane. The Night Book. Paris: Maison, 1952.
`
	doc, err := Parse("t.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	cs := doc.Notes[0].Citations
	if len(cs) != 1 || cs[0].BibLine == nil || *cs[0].BibLine != doc.Entries[0].Line {
		t.Fatalf("citations %+v, want a part of the entry at line %d", cs, doc.Entries[0].Line)
	}
	if it := cs[0].Item; it.Type != "chapter" || it.Title != "Introduction" || it.ContainerTitle != "The Night Book" || len(it.Author) != 1 || it.Author[0].Family != "Roe" {
		t.Errorf("item %+v, want Roe's Introduction in The Night Book", *it)
	}
}

func TestCrossReference(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"See chapter 1 infra, p. 73", true},
		{"supra, n. 12", true},
		{"see above, p. 40", true},
		{"Chap. V, Section I, fn 215 above", true},
		{"Chapter 3", true},
		{"Serge, Memoirs, p. 71", false},
		{"Chapter Six in Histoire de la Russie, the account given above by the author of a longer work", false},
	}
	for _, tt := range tests {
		if got := crossReference(tt.text); got != tt.want {
			t.Errorf("crossReference(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func FuzzDistinctWordsSet(f *testing.F) {
	f.Add("24 May 1988, from the Defense Intelligence Agency, 1988 the agency of a b 2")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		seen := map[string]bool{}
		got, want := distinctWordsSet(bib.Words(s), seen), distinctWords(bib.Words(s))
		if !slices.Equal(got, want) || len(seen) != len(want) {
			t.Fatalf("distinctWordsSet(%q) = %q, want %q", s, got, want)
		}
	})
}
