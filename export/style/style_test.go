package style

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ibid-project/ibid/bib"
)

var update = flag.Bool("update", false, "rewrite golden files")

func loadItems(t testing.TB) []bib.Item {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "items.json"))
	if err != nil {
		t.Fatal(err)
	}
	var items []bib.Item
	if err := json.Unmarshal(data, &items); err != nil {
		t.Fatalf("testdata/items.json: %v", err)
	}
	return items
}

func item(t *testing.T, id string) bib.Item {
	t.Helper()
	for _, it := range loadItems(t) {
		if it.ID == id {
			return it
		}
	}
	t.Fatalf("no item %q in testdata/items.json", id)
	return bib.Item{}
}

// TestChicagoNotes pins entries written by hand from CMOS 18 (14.68–14.110).
func TestChicagoNotes(t *testing.T) {
	tests := []struct{ id, want string }{
		{"serge1963", "Serge, Victor. Memoirs of a Revolutionary, 1901-1941. Translated by Peter Sedgwick. Oxford University Press, 1963."},
		{"carr1950", "Carr, E. H. The Bolshevik Revolution. 2nd ed. Vol. 1. A History of Soviet Russia 1. Macmillan, 1950."},
		{"editedvol", "Gogh, Vincent van, and Jane Smith, eds. Letters from the South. Penguin, 1990."},
		{"chapter1", "Cotterill, David. “Serge and the Opposition.” In The Serge-Trotsky Papers, edited by David Cotterill. Pluto Press, 1994."},
		{"journal1", "Marshall, Richard, and Ann Doe. “Anarchism and the ‘Paris Group.’” Journal of Modern History 56, no. 2 (1984): 321–28. https://doi.org/10.1000/jmh.56.2."},
		{"many", "A, One, Two B, Three C, et al. “Large Teams.” Science 1 (2020)."},
		{"news", "Pravda. “On the Party Discussion.” December 11, 1923."},
		{"thesis", "Greeman, Richard. “Victor Serge and the Novel of Revolution.” PhD diss., Columbia University, 1968."},
		{"web", "International Institute of Social History. “Victor Serge Papers.” IISH Archives, May 14, 2019. https://example.org/serge."},
		{"nodate", "Manifesto of the Left Opposition. Communist league, n.d."},
		{"enc", "Nove, Alec. “New Economic Policy.” In Encyclopedia of Russian History, vol. 3, edited by James R. Millar. Macmillan, 2004."},
		{"french", "Furet, François. Le passé d’une illusion. Robert Laffont, 1995."},
		{"review", "Kozinn, Allan. Review of Concert of New Music. New York Times, April 21, 2000."},
		{"reprint", "Emerson, Ralph Waldo. Nature. 1836; Beacon, 1985."},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			it := item(t, tt.id)
			got, err := Format(&it, ChicagoNotes)
			if err != nil {
				t.Fatal(err)
			}
			if got.Text() != tt.want {
				t.Errorf("got  %s\nwant %s", got.Text(), tt.want)
			}
		})
	}
}

func TestChicagoAuthorDate(t *testing.T) {
	tests := []struct{ id, want string }{
		{"serge1963", "Serge, Victor. 1963. Memoirs of a Revolutionary, 1901-1941. Translated by Peter Sedgwick. Oxford University Press."},
		{"journal1", "Marshall, Richard, and Ann Doe. 1984. “Anarchism and the ‘Paris Group.’” Journal of Modern History 56 (2): 321–28. https://doi.org/10.1000/jmh.56.2."},
		{"news", "Pravda. 1923. “On the Party Discussion.” December 11."},
		{"nodate", "Manifesto of the Left Opposition. n.d. Communist league."},
		{"reprint", "Emerson, Ralph Waldo. (1836) 1985. Nature. Beacon."},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			it := item(t, tt.id)
			got, err := Format(&it, ChicagoAuthorDate)
			if err != nil {
				t.Fatal(err)
			}
			if got.Text() != tt.want {
				t.Errorf("got  %s\nwant %s", got.Text(), tt.want)
			}
		})
	}
}

func TestMLAAndAPA(t *testing.T) {
	tests := []struct{ style, id, want string }{
		{MLA, "serge1963", "Serge, Victor. Memoirs of a Revolutionary, 1901-1941. Translated by Peter Sedgwick, Oxford University Press, 1963."},
		{MLA, "journal1", "Marshall, Richard, and Ann Doe. “Anarchism and the ‘Paris Group.’” Journal of Modern History, vol. 56, no. 2, 1 June 1984, pp. 321–28, doi.org/10.1000/jmh.56.2."},
		{APA, "serge1963", "Serge, V. (1963). Memoirs of a revolutionary, 1901-1941. Oxford University Press."},
		{APA, "journal1", "Marshall, R., & Doe, A. (1984). Anarchism and the “Paris group.” Journal of Modern History, 56(2), 321–328. https://doi.org/10.1000/jmh.56.2"},
	}
	for _, tt := range tests {
		t.Run(tt.style+"/"+tt.id, func(t *testing.T) {
			it := item(t, tt.id)
			got, err := Format(&it, tt.style)
			if err != nil {
				t.Fatal(err)
			}
			if got.Text() != tt.want {
				t.Errorf("got  %s\nwant %s", got.Text(), tt.want)
			}
		})
	}
}

func TestUnknownStyle(t *testing.T) {
	it := bib.Item{Type: "book", Title: "X"}
	if _, err := Format(&it, "harvard"); err == nil || !strings.Contains(err.Error(), "harvard") {
		t.Errorf("Format with an unknown style: err = %v", err)
	}
	if err := Bibliography(&bytes.Buffer{}, nil, ChicagoNotes, "pdf"); err == nil {
		t.Error("Bibliography accepted format pdf")
	}
}

func TestRichOutputs(t *testing.T) {
	r := Rich{{Text: "Smith. "}, {Text: "A <b> & *c*_d ", Italic: true}, {Text: "[x]."}}
	if got, want := r.Text(), "Smith. A <b> & *c*_d [x]."; got != want {
		t.Errorf("Text() = %q, want %q", got, want)
	}
	if got, want := r.Markdown(), `Smith. *A &lt;b&gt; &amp; \*c\*\_d* \[x\].`; got != want {
		t.Errorf("Markdown() = %q, want %q", got, want)
	}
	if got, want := r.HTML(), "Smith. <i>A &lt;b&gt; &amp; *c*_d </i>[x]."; got != want {
		t.Errorf("HTML() = %q, want %q", got, want)
	}
}

func TestTitleCase(t *testing.T) {
	tests := []struct{ in, want string }{
		{"memoirs of a revolutionary", "Memoirs of a Revolutionary"},
		{"the state and revolution: a study", "The State and Revolution: A Study"},
		{"life in the USSR and iPhones", "Life in the USSR and iPhones"},
		{"quality-of-life in the near east", "Quality-of-Life in the near East"},
		{"another round-up", "Another Round-Up"},
		{"research on, for, and of africa", "Research on, for, and of Africa"},
		{"jesus' wife", "Jesus' Wife"},
		{"what is to be done?", "What Is to Be Done?"},
	}
	for _, tt := range tests {
		if got := titleCase(plain(tt.in)).Text(); got != tt.want {
			t.Errorf("titleCase(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPageRange(t *testing.T) {
	tests := []struct{ in, want string }{
		{"3-10", "3–10"}, {"71-72", "71–72"}, {"96-117", "96–117"}, {"100-104", "100–104"},
		{"101-108", "101–8"}, {"808-833", "808–33"}, {"321-328", "321–28"}, {"498-532", "498–532"},
		{"1087-1089", "1087–89"}, {"1496-1500", "1496–500"}, {"1003-1005", "1003–5"}, {"i135-i141", "i135–41"},
		{"431-456, 791-823", "431–56, 791–823"}, {"xii", "xii"}, {"12", "12"}, {"5--9", "5–9"},
	}
	for _, tt := range tests {
		if got := pageRange(tt.in); got != tt.want {
			t.Errorf("pageRange(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNames(t *testing.T) {
	tests := []struct {
		name  bib.Name
		order nameOrder
		want  string
	}{
		{bib.Name{Family: "Rusafi", Given: "Maruf", NonDroppingParticle: "al-"}, givenFirst, "Maruf al-Rusafi"},
		{bib.Name{Family: "Rusafi", Given: "Maruf", NonDroppingParticle: "al-"}, familyFirst, "Rusafi, Maruf al-"},
		{bib.Name{Family: "King", Given: "Martin Luther", Suffix: "Jr."}, familyFirst, "King, Martin Luther, Jr."},
		{bib.Name{Family: "Romanov", Given: "Maxim G"}, givenFirst, "Maxim G. Romanov"},
		{bib.Name{Family: "Tolkien", Given: "J.R.R."}, familyFirst, "Tolkien, J. R. R."},
		{bib.Name{Literal: "World Bank"}, familyFirst, "World Bank"},
	}
	for _, tt := range tests {
		if got := formatName(tt.name, tt.order); got != tt.want {
			t.Errorf("formatName(%+v) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestBibliographyGolden writes the synthetic items in every style and
// format and compares with testdata/bibliography.STYLE.FORMAT.
func TestBibliographyGolden(t *testing.T) {
	items := loadItems(t)
	for _, name := range Names() {
		for _, format := range []string{"text", "markdown", "html"} {
			t.Run(name+"/"+format, func(t *testing.T) {
				var got bytes.Buffer
				if err := Bibliography(&got, items, name, format); err != nil {
					t.Fatal(err)
				}
				golden := filepath.Join("testdata", "bibliography."+name+"."+format)
				if *update {
					if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test -update)", err)
				}
				if !bytes.Equal(got.Bytes(), want) {
					t.Errorf("differs from %s (run go test -update and review the diff)", golden)
				}
				// Idempotent, and independent of input order.
				rev := make([]bib.Item, len(items))
				for i := range items {
					rev[len(items)-1-i] = items[i]
				}
				var again bytes.Buffer
				if err := Bibliography(&again, rev, name, format); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), again.Bytes()) {
					t.Error("output depends on input order")
				}
			})
		}
	}
}

func FuzzFormat(f *testing.F) {
	for _, it := range loadItems(f) {
		f.Add(it.Type, it.Title, it.ContainerTitle, it.FirstFamily(), it.Page, it.Publisher, it.Volume, it.YearOf())
	}
	f.Add("chapter", "<i>x", "“'\"", "-", "1-2-3,,", "", "", -40)
	f.Fuzz(func(t *testing.T, typ, title, container, family, page, publisher, volume string, year int) {
		it := bib.Item{Type: typ, Title: title, ContainerTitle: container, Page: page, Publisher: publisher,
			Volume: volume, Issue: volume, Edition: volume, CollectionTitle: container, CollectionNumber: volume,
			Author: []bib.Name{{Family: family, Given: title, NonDroppingParticle: volume}},
			Editor: []bib.Name{{Literal: family}}, Translator: []bib.Name{{Given: family}},
			Issued: &bib.Date{DateParts: [][]int{{year, year % 14, year % 33}, {year}}}, OriginalDate: &bib.Date{Literal: page},
			URL: container, DOI: page}
		for _, name := range Names() {
			r, err := Format(&it, name)
			if err != nil {
				t.Fatal(err)
			}
			text := r.Text()
			if strings.Contains(text, "  ") || text != strings.TrimSpace(text) {
				t.Errorf("%s: untidy white space in %q", name, text)
			}
			if strings.Contains(r.HTML(), "<script") {
				t.Errorf("%s: HTML not escaped: %q", name, r.HTML())
			}
		}
	})
}

func BenchmarkFormat(b *testing.B) {
	items := loadItems(b)
	for b.Loop() {
		for i := range items {
			if _, err := Format(&items[i], ChicagoNotes); err != nil {
				b.Fatal(err)
			}
		}
	}
}
