package refs

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

func parseFile(t *testing.T, path string) *Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Parse(filepath.Base(path), data)
	if err != nil {
		t.Fatalf("Parse(%s): %v", path, err)
	}
	return doc
}

// noteAt returns the note of sequence index seq (0-based) with number n.
func noteAt(t *testing.T, doc *Document, seq, n int) *Note {
	t.Helper()
	if seq >= len(doc.Sequences) {
		t.Fatalf("document has %d sequences, want more than %d", len(doc.Sequences), seq)
	}
	id := doc.Sequences[seq].ID
	for i := range doc.Notes {
		if doc.Notes[i].Seq == id && doc.Notes[i].Number == n {
			return &doc.Notes[i]
		}
	}
	t.Fatalf("no note %d in sequence %s", n, id)
	return nil
}

func locator(c Citation) string {
	if c.Locator == nil {
		return ""
	}
	return *c.Locator
}

// TestResolveSample checks each resolution rule on the synthetic sample
// thesis (../testdata/sample-thesis.txt).
func TestResolveSample(t *testing.T) {
	doc := parseFile(t, "../testdata/sample-thesis.txt")
	if got := len(doc.Sequences); got != 2 {
		t.Fatalf("sequences = %d, want 2 (numbering restarts in chapter two)", got)
	}
	full := noteAt(t, doc, 0, 1)
	if len(full.Citations) != 1 || full.Citations[0].Form != "full" || full.Citations[0].BibLine == nil {
		t.Fatalf("note 1: want one full citation found in the bibliography, got %+v", full.Citations)
	}
	brunner := full.Citations[0].Work
	tests := []struct {
		name      string
		seq, note int
		index     int
		form      string
		sameAs    *Note // the work must be the one this note's first citation names
		work      string
		locator   string
	}{
		{name: "ibid follows the previous note", seq: 0, note: 3, form: "ibid", sameAs: noteAt(t, doc, 0, 2), locator: "p. 19"},
		{name: "declared alias", seq: 0, note: 4, form: "alias", work: brunner, locator: "p. 88"},
		{name: "declared abbreviation", seq: 0, note: 9, form: "abbrev", sameAs: noteAt(t, doc, 0, 6), locator: "p. 112"},
		{name: "op. cit. by author", seq: 0, note: 10, form: "opcit", sameAs: noteAt(t, doc, 0, 5), locator: "p. 320"},
		{name: "short author-title form", seq: 0, note: 7, form: "short", sameAs: noteAt(t, doc, 0, 2), locator: "p. 55"},
		{name: "short form in a new chapter", seq: 1, note: 1, form: "short", work: brunner, locator: "pp. 140-142"},
		{name: "ibid without locator", seq: 1, note: 2, form: "ibid", work: brunner},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := noteAt(t, doc, tt.seq, tt.note)
			if len(n.Citations) <= tt.index {
				t.Fatalf("note %d has %d citations: %q", tt.note, len(n.Citations), n.Text)
			}
			c := n.Citations[tt.index]
			if c.Form != tt.form {
				t.Errorf("form = %q, want %q", c.Form, tt.form)
			}
			want := tt.work
			if tt.sameAs != nil {
				want = tt.sameAs.Citations[0].Work
			}
			if c.Work != want || want == "" {
				t.Errorf("work = %q, want %q", c.Work, want)
			}
			if got := locator(c); got != tt.locator {
				t.Errorf("locator = %q, want %q", got, tt.locator)
			}
		})
	}

	codes := map[string]int{}
	for _, p := range doc.Problems {
		codes[p.Code]++
	}
	for code, min := range map[string]int{CodeMissingNote: 1, CodeMarkerWithoutNote: 1, CodeNeverCited: 3} {
		if codes[code] < min {
			t.Errorf("findings %s = %d, want at least %d (all: %v)", code, codes[code], min, codes)
		}
	}
	if codes[CodeUnresolvedIbid] != 0 || codes[CodeAmbiguousShort] != 0 {
		t.Errorf("unexpected unresolved/ambiguous findings: %v", doc.Problems)
	}
}

// TestUnresolvedIbid: an "Ibid." that opens its sequence refers to nothing.
func TestUnresolvedIbid(t *testing.T) {
	src := "Chapter One\n\nA claim.¹ Another.²\n\n¹Ibid., p. 4.\n\n²Jane Doe, A Book About Things, Penguin, London, 1990, p. 3.\n"
	doc, err := Parse("t.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range doc.Problems {
		if p.Code == CodeUnresolvedIbid && p.Line == 5 {
			found = true
		}
	}
	if !found {
		t.Errorf("want unresolved-ibid at line 5, got %+v", doc.Problems)
	}
}

// TestAmbiguousShortForm: a short form naming only an author with two
// works in the bibliography is reported, not guessed.
func TestAmbiguousShortForm(t *testing.T) {
	src := `Chapter One

A claim.¹

¹Doe, p. 4.

Bibliography

Doe, Jane. A Book About Things. London: Penguin, 1990.
Doe, Jane. Another Book Entirely. London: Penguin, 1995.
`
	doc, err := Parse("t.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Entries) != 2 {
		t.Fatalf("entries = %d, want 2", len(doc.Entries))
	}
	for _, c := range doc.Notes[0].Citations {
		if c.Work != "" {
			t.Errorf("short form resolved to %s; want no guess", c.Work)
		}
	}
}

// TestGolden pins the parse output of every synthetic document in
// testdata/ (run with -update to rewrite), and checks a second parse is
// identical.
func TestGolden(t *testing.T) {
	inputs, _ := filepath.Glob("testdata/*.txt")
	inputs = append(inputs, "../testdata/sample-thesis.txt")
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			render := func() []byte {
				var buf bytes.Buffer
				doc := parseFile(t, in)
				enc := json.NewEncoder(&buf)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", " ")
				if err := enc.Encode(doc); err != nil {
					t.Fatal(err)
				}
				return buf.Bytes()
			}
			got := render()
			golden := filepath.Join("testdata", strings.TrimSuffix(filepath.Base(in), ".txt")+".golden.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("parse of %s differs from %s (run go test -update and review the diff)", in, golden)
			}
			if again := render(); !bytes.Equal(got, again) {
				t.Errorf("second parse of %s differs from the first", in)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"Text.¹\n\n¹Ibid.\n",
		"A.¹\n\n¹Doe, A Book, London, 1990, p. 3; ibid., p. 4; FLTS, p. 2.\n\nBibliography\n\n1. Doe, A Book, 1990.\n",
		"(Smith 1990, 12) [1]\n\nReferences\n\n[1] Smith, J. A title. 1990.\n",
		lastResortDoc, // letters, interviews, parts of books, issues
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse("fuzz.txt", data)
		if err != nil {
			return
		}
		for _, n := range doc.Notes {
			if n.Line < 1 || n.EndLine < n.Line || n.EndLine > doc.Lines {
				t.Fatalf("note %s/%d spans lines %d-%d of %d", n.Seq, n.Number, n.Line, n.EndLine, doc.Lines)
			}
			for _, c := range n.Citations {
				if c.Item != nil && c.Work == "" {
					t.Fatalf("citation %q has an item but no work id", c.Text)
				}
			}
		}
	})
}

// TestInterviewsAndLetters: entries under an "Interviews" heading name the
// person interviewed; a note's interview resolves to that entry whatever
// its date, and letters are one work per correspondents and day.
func TestInterviewsAndLetters(t *testing.T) {
	src := `Chapter One

A claim.¹ Another.² A third.³ A fourth.⁴ A fifth.⁵ A sixth.⁶

¹According to his daughter Ana Ruiz, interviewed in Lima, May 1988.

²Doe to Roe, May 2, 1950.

³Doe to Roe, May 9, 1950.

⁴Doe to Roe, May 2, 1950.

⁵Doe to Poe, May 2, 1950.

⁶Interview with Pedro, June 1990.

Bibliography

I. Interviews

Ana Ruiz, March 1987, Lima.
Pedro Gil, June 3, 1990, Cusco.
`
	doc, err := Parse("t.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Entries) != 2 {
		t.Fatalf("entries = %d, want 2", len(doc.Entries))
	}
	for _, e := range doc.Entries {
		if e.Item.Type != "interview" || len(e.Item.Author) != 1 {
			t.Errorf("entry %q: type %q authors %+v, want an interview with one person", e.Raw, e.Item.Type, e.Item.Author)
		}
	}
	work := func(n int) string {
		t.Helper()
		if len(doc.Notes[n].Citations) != 1 {
			t.Fatalf("note %d: %d citations, want 1", n+1, len(doc.Notes[n].Citations))
		}
		return doc.Notes[n].Citations[0].Work
	}
	if c := doc.Notes[0].Citations; len(c) != 1 || c[0].BibLine == nil || *c[0].BibLine != doc.Entries[0].Line {
		t.Errorf("interview note: citations %+v, want the Ana Ruiz entry", c)
	}
	if c := doc.Notes[5].Citations; len(c) != 1 || c[0].BibLine == nil || *c[0].BibLine != doc.Entries[1].Line {
		t.Errorf("interview by given name: citations %+v, want the Pedro Gil entry", c)
	}
	if work(1) != work(3) {
		t.Errorf("the same letter cited twice got two works: %s, %s", work(1), work(3))
	}
	if work(1) == work(2) || work(1) == work(4) {
		t.Errorf("letters of other days or to other people share a work: %s %s %s", work(1), work(2), work(4))
	}
}

// TestListsAndShortTitles: a note that names its author once and lists
// several works lends the author to each; a short title is the leading
// words of a title, not words found further on in another one.
func TestListsAndShortTitles(t *testing.T) {
	src := `Chapter One

A claim.¹ Another.² A third.³

¹See Jane Doe, A Book About Things, p. 4, Dark Years, p. 9, "The Second Trial," in The Weekly Review, March 1938, p. 3.

²Roe, Letters to Doe, p. 2; "An Unsigned Leader," in The Weekly Review, April 1938.

³Doe, Dark Years, p. 10.

Bibliography

Doe, Jane. A Book About Things. London: Penguin, 1990.
Doe, Jane. Dark Years: A Memoir of the War in the North, 1940-1945. London: Penguin, 1995.
Doe, Jane. Letters to a Friend: Dark Years. London: Penguin, 1999.
Roe, Richard. Letters to Doe. London: Penguin, 1980.
`
	doc, err := Parse("t.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Entries) != 4 {
		t.Fatalf("entries = %d, want 4", len(doc.Entries))
	}
	cites := doc.Notes[0].Citations
	if len(cites) != 3 {
		t.Fatalf("note 1: %d citations, want 3: %+v", len(cites), cites)
	}
	if a := cites[2].Item.Author; len(a) != 1 || a[0].Family != "Doe" {
		t.Errorf("article listed after Jane Doe's book: authors %+v, want Doe", a)
	}
	for _, c := range []Citation{cites[1], doc.Notes[2].Citations[0]} {
		if c.BibLine == nil || *c.BibLine != doc.Entries[1].Line {
			t.Errorf("%q resolved to entry line %v, want the entry whose title opens with the short title (line %d)", c.Text, c.BibLine, doc.Entries[1].Line)
		}
	}
	unsigned := doc.Notes[1].Citations
	if len(unsigned) != 2 || len(unsigned[1].Item.Author) != 0 {
		t.Errorf("an unsigned article after a semicolon borrows no author: %+v", unsigned)
	}
}

// TestOpCitOfNames: the names before "op. cit." are read as names, never
// as a title; an author that only a full note citation gives its entry
// ("Hale, Mara Tides" lost its comma) still finds the work by name.
func TestOpCitOfNames(t *testing.T) {
	src := `Chapter One

A claim.¹ Another.² A third.³ A fourth.⁴

¹Mara Hale, Tides of the North, Lantern Press, London, 1969, p. 80.

²Jane Doe and Ann Roe Smith, The Life of Ann Roe, p. 5.

³Hale, op. cit., p. 82.

⁴Doe and Ann Roe Smith, op. cit., p. 7.

Bibliography

Hale, Mara Tides of the North, Lantern Press, London, 1969.
Doe, Jane, and Ann Roe Smith. The Life of Ann Roe. London: Penguin, 1975.
Doe, Jane. Letters to Ann Roe Smith. London: Penguin, 1980.
`
	doc, err := Parse("t.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Entries) != 3 {
		t.Fatalf("entries = %d, want 3", len(doc.Entries))
	}
	for _, tc := range []struct{ note, entry int }{{2, 0}, {3, 1}} {
		cs := doc.Notes[tc.note].Citations
		if len(cs) != 1 || cs[0].Form != "opcit" || cs[0].BibLine == nil || *cs[0].BibLine != doc.Entries[tc.entry].Line {
			t.Errorf("note %d: citations %+v, want op. cit. of the entry at line %d", tc.note+1, cs, doc.Entries[tc.entry].Line)
		}
	}
}

// TestShortTitleOfCitedWork: a short title given without its author
// names the work cited in full before it, not another whose title holds
// the same words more completely.
func TestShortTitleOfCitedWork(t *testing.T) {
	src := `Chapter One

A claim.¹ Another.²

¹Jane Doe, Year One of the Harbour Strike, Lantern Press, 1972, p. 19.

²Year One, p. 67.

Bibliography

Doe, Jane. L'An I de la grève du port. Paris, 1930. English translation, Year One of the Harbour Strike, Lantern Press, 1972.
Roe, Ann. "Jane Doe, Year One." Harbour Review 1 (1973): 93-97.
`
	doc, err := Parse("t.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Entries) != 2 {
		t.Fatalf("entries = %d, want 2", len(doc.Entries))
	}
	first, short := doc.Notes[0].Citations, doc.Notes[1].Citations
	if len(first) != 1 || len(short) != 1 {
		t.Fatalf("citations %+v / %+v, want one each", first, short)
	}
	if first[0].Work == "" || short[0].Work != first[0].Work {
		t.Errorf("short title resolved to %q, want the work cited in full before (%q)", short[0].Work, first[0].Work)
	}
}

// TestAuthorAndVolume: "Doe, Vol. 2, p. 5" names one of Doe's works
// briefly (the one cited last), it is no full citation without a title.
func TestAuthorAndVolume(t *testing.T) {
	src := `Chapter One

A claim.¹ Another.²

¹Jane Doe, The Harbour Years, Lantern Press, 1970, p. 3.

²Doe, Vol. 2, pp. 142-145.

Bibliography

Doe, Jane. The Harbour Years. London: Lantern Press, 1970.
Doe, Jane. The Inland Years. London: Lantern Press, 1975.
`
	doc, err := Parse("t.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	cs := doc.Notes[1].Citations
	if len(cs) != 1 || cs[0].Form != "short" || cs[0].BibLine == nil || *cs[0].BibLine != doc.Entries[0].Line || locator(cs[0]) != "pp. 142-145" {
		t.Errorf("citations %+v, want a short form of the entry at line %d at pp. 142-145", cs, doc.Entries[0].Line)
	}
}

// TestOpCitByAliasAndPages: an op. cit. whose names end in a declared
// alias is that work; one whose page lies outside an article's pages is
// not that article.
func TestOpCitByAliasAndPages(t *testing.T) {
	src := `Chapter One

A.¹ B.² C.³ D.⁴

¹Mara Hale, The Making of a Harbour, PhD dissertation, Lund University, 1968 (Hereafter, Hale), p. 12.

²Mara Hale, "The Tides Are Burning," Harbour Review, No. 39, 1967, pp. 146-159.

³Mara Hale, op. cit., p. 150.

⁴Hale, op. cit., p. 219.

Bibliography

Hale, Mara. The Making of a Harbour. PhD dissertation, Lund University, 1968.
Hale, Mara. "The Tides Are Burning." Harbour Review 39 (1967): 146-159.
`
	doc, err := Parse("t.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Entries) != 2 {
		t.Fatalf("entries = %d, want 2", len(doc.Entries))
	}
	for _, n := range []int{2, 3} {
		cs := doc.Notes[n].Citations
		if len(cs) != 1 || cs[0].BibLine == nil || *cs[0].BibLine != doc.Entries[0].Line {
			t.Errorf("note %d: citations %+v, want the dissertation (line %d)", n+1, cs, doc.Entries[0].Line)
		}
	}
}

func TestWithinCitation(t *testing.T) {
	words := func(s string) []string { return strings.Fields(s) }
	tests := []struct {
		title, cited string
		want         bool
	}{
		{"central committee minutes bolsheviks october revolution", "bolsheviks october revolution central committee minutes russian labour party 1917 1918", true},
		{"harbour years", "harbour years dock strike", false}, // too short a title to tell
		{"stalin anti stalin", "aimed india china congress anti imperialist socialist seeds sown debacle chinese revolution 1927 stalin comintern policies", false},
		{"central committee minutes", "central committee", false},
	}
	for _, tc := range tests {
		if got := withinCitation(words(tc.title), words(tc.cited)); got != tc.want {
			t.Errorf("withinCitation(%q, %q) = %v, want %v", tc.title, tc.cited, got, tc.want)
		}
	}
}

// TestAuthorDateYearsAndEditors: "(Hale, 2016b)" is the second of Hale's
// 2016 works in the reference list's order, and "(Hale, 2001)" is the
// volume Hale edited, not a chapter in it.
func TestAuthorDateYearsAndEditors(t *testing.T) {
	src := `Harbours

Tides turned (Hale, 2016b, p. 141). Docks closed (Hale, 2016a). Ships sank (Hale, 2001, p. 9).

References

Hale, M. (Ed.). (2001). The harbour companion. Lantern Press.
Hale, M. (2016a). Dock work. Lantern Press.
Hale, M. (2016b). Tide tables. Lantern Press.
Roe, A. (2001). Piers. In M. Hale (Ed.), The harbour companion (pp. 1-20). Lantern Press.
`
	doc, err := Parse("t.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Entries) != 4 {
		t.Fatalf("entries = %d, want 4", len(doc.Entries))
	}
	var got []int
	for _, group := range doc.InText {
		got = append(got, bibLines(group.Citations)...)
	}
	want := []int{doc.Entries[2].Line, doc.Entries[1].Line, doc.Entries[0].Line}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("in-text citations resolved to entry lines %v, want %v", got, want)
	}
}

// TestAuthorPageCommentary: in an author-page group, lower-case words
// after the author and a comma are commentary ("Le Carré, with further
// references"), a capitalised one is a short title ("Westfahl, Space and
// Beyond 320"); a lower-case name before a year is an author ("marsh,
// 1990", as bell hooks writes hers).
func TestAuthorPageCommentary(t *testing.T) {
	src := `Frontiers

The documents are dated late (for the text, see Carré, with further references; with Stern 168–71; Westfahl, Space and Beyond 320). So it is argued (marsh, 1990, Note 3).

Works Cited

Carré, John le. The Quest for Karla. Knopf, 1982.

marsh, anne. (1990). Silt and salt. Quay Press.

Stern, Ephraim. The New Encyclopedia. Carta, 1993.

Westfahl, Gary. Space and Beyond. Greenwood, 2000.

Westfahl, Gary. The True Frontier. Greenwood, 2000.
`
	doc, err := Parse("t.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Entries) != 5 || len(doc.InText) != 2 {
		t.Fatalf("entries = %d, in-text groups = %d, want 5 and 2", len(doc.Entries), len(doc.InText))
	}
	got := append(bibLines(doc.InText[0].Citations), bibLines(doc.InText[1].Citations)...)
	want := []int{doc.Entries[0].Line, doc.Entries[2].Line, doc.Entries[3].Line, doc.Entries[1].Line}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("in-text citations resolved to entry lines %v, want %v", got, want)
	}
}

// TestNameAloneShortForm: "Doe, 28." is the short form of the work by Doe
// cited last, not a work whose title holds the name, and with a page it
// is no interview.
func TestNameAloneShortForm(t *testing.T) {
	src := `Chapter One

A.¹ B.² C.³ D.⁴ E.⁵ F.⁶

¹Jane Doe, Harbour Lights (London: Quay Press, 1990), 12.

²Doe, 28.

³Interview with Jane Doe, May 1991.

⁴Doe, 30.

⁵Maʿrūf al-Ruṣāfī, Qatīl al-hamjiyya (Cairo: Muqtaṭaf, 1906), 238.

⁶Al-Ruṣāfī, 237.

Bibliography

Doe, Jane. Another Book. London: Quay Press, 1985.

Doe, Jane. Harbour Lights. London: Quay Press, 1990.

Roe, Tom. The Doe Family Papers. Leeds: Pier, 1995.

al-Ruṣāfī, Maʿrūf. Dīwān al-Ruṣāfī. Beirut: Dar, 1910.
`
	doc, err := Parse("t.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Notes) != 6 || len(doc.Entries) != 4 {
		t.Fatalf("notes %d, entries %d, want 6 and 4", len(doc.Notes), len(doc.Entries))
	}
	// a name with its particle: the work cited just before (known from
	// its note only), not the listed work whose title holds the name
	full, short := doc.Notes[4].Citations, doc.Notes[5].Citations
	if len(full) != 1 || len(short) != 1 || short[0].Work != full[0].Work {
		t.Errorf("note 6: citations %+v, want the work of note 5 %+v", short, full)
	}
	for _, n := range []int{2, 4} {
		cs := doc.Notes[n-1].Citations
		if len(cs) != 1 || cs[0].BibLine == nil || *cs[0].BibLine != doc.Entries[1].Line || cs[0].Form != "short" {
			t.Errorf("note %d: citations %+v, want a short form of Harbour Lights (line %d)", n, cs, doc.Entries[1].Line)
		}
	}
}

// bibLines returns the bibliography line each citation resolved to, 0 for
// none.
func bibLines(cs []Citation) []int {
	out := make([]int, 0, len(cs))
	for _, c := range cs {
		line := 0
		if c.BibLine != nil {
			line = *c.BibLine
		}
		out = append(out, line)
	}
	return out
}
