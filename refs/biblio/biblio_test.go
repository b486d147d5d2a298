package biblio

import (
	"strings"
	"testing"

	"github.com/ibid-project/ibid/refs/text"
)

func decode(t testing.TB, s string) *text.Text {
	t.Helper()
	doc, err := text.Decode("test", []byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// findTests are small documents and the bibliographies Find must report:
// heading line, end line and entry count for each.
var findTests = []struct {
	name string
	doc  string
	want [][3]int // {Line, EndLine, entries}
}{
	{"none", "Just a paragraph of prose.\n\nAnother one, from 1990.\n", nil},
	{"references numbered heading", "Text.\n\n7. References\n\nSmith, John. A Book. London, 1990.\n\nDoe, Jane. Another Book. Paris, 1991.\n", [][3]int{{3, 7, 2}}},
	{"toc line is not the section", "BIBLIOGRAPHY.....\t\t12\nIndex.....\t\t20\n\nBody text.\n\nBIBLIOGRAPHY\n\nSmith, John. A Book. London, 1990.\nDoe, Jane. Another Book. Paris, 1991.\n", [][3]int{{6, 9, 2}}},
	{"toc with page number", "Bibliography   483\n\nBody.\n\nBibliography\n\nSmith, John. A Book. London, 1990.\n\nDoe, Jane. Another Book. Paris, 1991.\n", [][3]int{{5, 9, 2}}},
	{"ends at notes heading", "Works Cited\n\nSmith, John. A Book. London, 1990.\n\nDoe, Jane. Another Book. Paris, 1991.\n\nNotes\n\n1. See Smith, 12.\n", [][3]int{{1, 5, 2}}},
	{"ends at index", "Bibliographie\n\nDupont, Jean. Un livre. Paris, 1990.\n\nMartin, Paul. Un autre. Lyon, 1992.\n\nINDEX\n\nDupont, 3\n", [][3]int{{1, 5, 2}}},
	{"ends at appendix", "Literaturverzeichnis\n\nMüller, Hans. Ein Buch. Berlin, 1990.\n\nSchmidt, Eva. Noch eins. Wien, 1991.\n\nAppendix A: Tables\n\nTable 1, 1990.\n", [][3]int{{1, 5, 2}}},
	{"ends at bracketed notes", "Bibliography\n\nSmith, John. A Book. London, 1990.\n\nDoe, Jane. Another Book. Paris, 1991.\n\n[1] See Smith 1990, 4.\n\n[2] Doe 1991, 7.\n", [][3]int{{1, 5, 2}}},
	{"numeric list is not notes", "References\n\n[1] J. Smith, A Book. London, 1990.\n\n[2] J. Doe, Another Book. Paris, 1991.\n", [][3]int{{1, 5, 2}}},
	{"markdown footnotes end it", "# Bibliografía\n\nGarcía, Ana. *Un libro*. Madrid, 1990.\n\nPérez, Luis. *Otro libro*. Sevilla, 1991.\n\n[^1]: García, 4.\n", [][3]int{{1, 5, 2}}},
	{"one per chapter", "Chapter 1\n\nText.\n\nReferences\n\nSmith, John. A Book. London, 1990.\n\nDoe, Jane. Another Book. Paris, 1991.\n\nChapter 2\n\nMore text.\n\nReferences\n\nRoe, Ann. A Third. Leeds, 1992.\n\nPoe, Ed. A Fourth. York, 1993.\n", [][3]int{{5, 9, 2}, {15, 19, 2}}},
	{"weak title inside is a subsection", "Bibliography\n\nSources\n\nArchive of the Party, Paris, 1920-1930.\n\nLiterature\n\nSmith, John. A Book. London, 1990.\n", [][3]int{{1, 9, 2}}},
	{"heading followed by prose only", "Sources\n\nThe sources of this chapter are discussed in the following pages, which set out the argument.\n", nil},
}

func TestFind(t *testing.T) {
	for _, tt := range findTests {
		t.Run(tt.name, func(t *testing.T) {
			bs := Find(decode(t, tt.doc), nil)
			var got [][3]int
			for _, b := range bs {
				got = append(got, [3]int{b.Line, b.EndLine, len(b.Entries)})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("bibliography %d: got %v, want %v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestFindSkip(t *testing.T) {
	doc := decode(t, "Bibliography\n\nSmith, John. A Book. London, 1990.\n\n12 Smith, A Book, 4.\n\nDoe, Jane. Another Book. Paris, 1991.\n")
	bs := Find(doc, func(line int) bool { return line == 5 })
	if len(bs) != 1 || len(bs[0].Entries) != 2 {
		t.Fatalf("got %+v, want one bibliography of 2 entries", bs)
	}
	for _, e := range bs[0].Entries {
		if strings.Contains(e.Raw, "12 Smith") {
			t.Errorf("note line became part of entry %q", e.Raw)
		}
	}
}

func TestContains(t *testing.T) {
	bs := []Bibliography{{Line: 10, EndLine: 20}, {Line: 40, EndLine: 41}}
	for _, tt := range []struct {
		line int
		want bool
	}{{9, false}, {10, true}, {20, true}, {21, false}, {40, true}, {41, true}, {42, false}} {
		if got := Contains(bs, tt.line); got != tt.want {
			t.Errorf("Contains(%d) = %v, want %v", tt.line, got, tt.want)
		}
	}
	if Contains(nil, 1) {
		t.Error("Contains(nil) = true")
	}
}

func TestParseLabel(t *testing.T) {
	tests := []struct {
		in         string
		kind       labelKind
		label, out string
	}{
		{"12. La Presse, Paris, 1921.", kindDigit, "12", "La Presse, Paris, 1921."},
		{"IV. Secondary Sources", kindRoman, "IV", "Secondary Sources"},
		{"B. Novels", kindUpper, "B", "Novels"},
		{"I. Journalism", kindRoman, "I", "Journalism"},
		{"b) Fiction, 1930.", kindLower, "b", "Fiction, 1930."},
		{"[3] J. Doe, A Book.", kindBracket, "3", "J. Doe, A Book."},
		{"- a. Vera Figner, Memoires, 1930", kindLower, "a", "Vera Figner, Memoires, 1930"},
		{"- The Harvest of Sorrow, 1986.", kindDash, "-", "The Harvest of Sorrow, 1986."},
		{"V. I. Lenin, Works, 1928.", kindNone, "", "V. I. Lenin, Works, 1928."},
		{"A. J. Malherbe, Ed.", kindNone, "", "A. J. Malherbe, Ed."},
		{"———. Another Book. 1990.", kindNone, "", "———. Another Book. 1990."},
		{"---, ed. A Book.", kindNone, "", "---, ed. A Book."},
		{"1917. The Year", kindNone, "", "1917. The Year"},
	}
	for _, tt := range tests {
		lab, out := parseLabel(tt.in)
		if lab.kind != tt.kind || lab.text != tt.label || out != tt.out {
			t.Errorf("parseLabel(%q) = %v %q %q; want %v %q %q", tt.in, lab.kind, lab.text, out, tt.kind, tt.label, tt.out)
		}
	}
}

func TestIsProse(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"These are listed by category and roughly in the order in which they appeared.", true},
		{"This is not a complete list of her articles", true},
		{"Some 175 pages of reports were released to the author in 1989 under a request. The file contains reports from agents in several countries. Several branches seem to have been involved.", true},
		{"Moore, S. D. (2017). Why the johannine jesus weeps at the tomb of lazarus. In F. S. Spencer (Ed.), Mixed feelings and vexed passions. SBL Press.", false},
		{"Notre bilan d'un quart de siecle (partially typed, partially handwritten 4 pp)", false},
		{"Typescript, no date, no title", false},
		{"\"Les ports en hiver,\" no. 12, 1921, p. 33.", false},
	}
	for _, tt := range tests {
		if got := isProse(tt.in); got != tt.want {
			t.Errorf("isProse(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestMarkdownPlain(t *testing.T) {
	tests := []struct{ in, want string }{
		{`\[1\] *The Press*. <https://example.org/a_b>`, "[1] The Press. https://example.org/a_b"},
		{"[Smith]{.smallcaps}, *Title*", "SMITH, Title"},
		{"[a link](http://x.org) and _emphasis_ in snake_case", "a link and emphasis in snake_case"},
	}
	for _, tt := range tests {
		if got := markdownPlain(tt.in); got != tt.want {
			t.Errorf("markdownPlain(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestOneEntryPerLine: short entries typed one per line, no blank lines
// between, are separate entries, not one hand-wrapped entry.
func TestOneEntryPerLine(t *testing.T) {
	src := "Text.\n\nBIBLIOGRAPHY\n\nDoe, Jane. A Book About Things. London: Penguin, 1990.\n" +
		"Roe, Tom. River Towns. London: Verso, 2001.\nZed, Amy. Unread Pages. Paris: Seuil, 1970.\n"
	tx, err := text.Decode("t.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	bs := Find(tx, nil)
	if len(bs) != 1 || len(bs[0].Entries) != 3 {
		var got []string
		for _, b := range bs {
			for _, e := range b.Entries {
				got = append(got, e.Raw)
			}
		}
		t.Fatalf("entries = %q, want 3", got)
	}
}

// TestBulletOwnInvertedName: a bulleted entry that opens with its own
// inverted name is a new author even where the list's alphabetical order
// slips ("Cotter" before "Coster" and "Cotes"), and the untitled bullets after it are
// that author's works.
func TestBulletOwnInvertedName(t *testing.T) {
	doc := decode(t, `Bibliography

- Adams, John, Harbour Days, London, Lantern, 1970.
- Baker, Ann, Tides, London, Lantern, 1971.
- Carter, Bill and Dole, Eve, Ships, New York, Wake Press, 1979.
- Selected Papers, Moscow, Lantern, 1971.
- Cotter, Moshe, Sand and Sea, London, 1968.
- Further Tides, London, Wake Press, 1968.
- Coster, Isaac, The Mind of Tides, London, Lantern, 1959.
- Cotes, Lee, Currents, London, Lantern, 1962.
- Evans, Jan, Rivers, London, 1960.
- Fisher, Kay, Boats, London, 1961.
`)
	bs := Find(doc, nil)
	if len(bs) != 1 {
		t.Fatalf("got %d bibliographies, want 1", len(bs))
	}
	authors := map[string]string{}
	for _, e := range bs[0].Entries {
		authors[e.Raw[:12]] = e.Author
	}
	for raw, want := range map[string]string{
		"Selected Pap": "Carter, Bill and Dole, Eve",
		"Cotter, Mosh": "",
		"Further Tide": "Cotter, Moshe",
	} {
		if got, ok := authors[raw]; !ok || got != want {
			t.Errorf("entry %q: author %q (found %v), want %q", raw, got, ok, want)
		}
	}
}
