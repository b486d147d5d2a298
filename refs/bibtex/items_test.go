package bibtex

import (
	"reflect"
	"testing"

	"github.com/ibid-project/ibid/bib"
)

// itemOf parses one entry and converts it.
func itemOf(t *testing.T, src string) bib.Item {
	t.Helper()
	items := Items(parseOne(t, src))
	if len(items) != 1 {
		t.Fatalf("got %d items, want 1", len(items))
	}
	return items[0]
}

func TestItemTypes(t *testing.T) {
	tests := []struct{ bibType, extra, want, genre string }{
		{"article", "", "article-journal", ""},
		{"book", "", "book", ""},
		{"incollection", "booktitle = {B}", "chapter", ""},
		{"inbook", "booktitle = {B}", "chapter", ""},
		{"inbook", "chapter = {3}", "book", ""},
		{"inproceedings", "booktitle = {Proc}", "paper-conference", ""},
		{"conference", "", "paper-conference", ""},
		{"phdthesis", "", "thesis", "PhD thesis"},
		{"mastersthesis", "", "thesis", "Master's thesis"},
		{"phdthesis", "type = {Th\\`ese de doctorat}", "thesis", "Thèse de doctorat"},
		{"techreport", "", "report", ""},
		{"report", "", "report", ""},
		{"unpublished", "", "manuscript", ""},
		{"booklet", "", "pamphlet", ""},
		{"online", "", "webpage", ""},
		{"www", "", "webpage", ""},
		{"letter", "", "personal_communication", ""},
		{"misc", "", "document", ""},
		{"NoSuchType", "", "document", ""},
	}
	for _, tt := range tests {
		it := itemOf(t, "@"+tt.bibType+"{k, title = {T}, "+tt.extra+"}")
		if it.Type != tt.want || it.Genre != tt.genre {
			t.Errorf("@%s{%s}: type %q genre %q, want %q %q", tt.bibType, tt.extra, it.Type, it.Genre, tt.want, tt.genre)
		}
		if !bib.Types[it.Type] {
			t.Errorf("@%s: %q is not a CSL type", tt.bibType, it.Type)
		}
	}
}

func TestItemDates(t *testing.T) {
	tests := []struct {
		fields string
		want   *bib.Date
	}{
		{"year = 1951", &bib.Date{DateParts: [][]int{{1951}}}},
		{"year = 1951, month = apr", &bib.Date{DateParts: [][]int{{1951, 4}}}},
		{"year = 1951, month = {4}, day = {12}", &bib.Date{DateParts: [][]int{{1951, 4, 12}}}},
		{"year = 1951, month = {Sept.}", &bib.Date{DateParts: [][]int{{1951, 9}}}},
		{"year = {1922--1927}", &bib.Date{DateParts: [][]int{{1922}, {1927}}}},
		{"year = {c. 1900}", &bib.Date{DateParts: [][]int{{1900}}, Circa: true}},
		{"year = {[1921]}", &bib.Date{DateParts: [][]int{{1921}}, Circa: true}},
		{"year = {1985a}", &bib.Date{DateParts: [][]int{{1985}}}},
		{"year = {n.d.}", &bib.Date{Literal: "n.d."}},
		{"date = {1937-04-05}", &bib.Date{DateParts: [][]int{{1937, 4, 5}}}},
		{"date = {1922/1927}", &bib.Date{DateParts: [][]int{{1922}, {1927}}}},
		{"date = {1950~}", &bib.Date{DateParts: [][]int{{1950}}, Circa: true}},
		{"date = {1937-04}, year = 1990", &bib.Date{DateParts: [][]int{{1937, 4}}}},
		{"date = {Spring 1937}", &bib.Date{DateParts: [][]int{{1937}}}},
		{"title = {no date}", nil},
	}
	for _, tt := range tests {
		it := itemOf(t, "@book{k, "+tt.fields+"}")
		if !reflect.DeepEqual(it.Issued, tt.want) {
			t.Errorf("%s: issued = %+v, want %+v", tt.fields, it.Issued, tt.want)
		}
	}
}

func TestItemFields(t *testing.T) {
	it := itemOf(t, `@article{serge1938,
  author = {Serge, Victor},
  title = {La {Russie} nue},
  shorttitle = {Russie},
  journal = {Esprit},
  shortjournal = {Espr.},
  volume = 6, number = {61},
  pages = {12--34},
  year = 1938,
  publisher = {Les Éditions},
  address = {Paris},
  doi = {10.1000/x\_y},
  url = {https://example.org/a--b},
  urldate = {2023-01-25},
  langid = {french},
  note = {Trans. by X},
  series = {Essais},
  editor = {Mounier, Emmanuel},
  translator = {Doe, J.},
  issn = {0014-0759},
}`)
	want := bib.Item{
		ID: "serge1938", Type: "article-journal",
		Author:         []bib.Name{{Family: "Serge", Given: "Victor"}},
		Editor:         []bib.Name{{Family: "Mounier", Given: "Emmanuel"}},
		Translator:     []bib.Name{{Family: "Doe", Given: "J."}},
		Title:          "La Russie nue",
		TitleShort:     "Russie",
		ContainerTitle: "Esprit", ContainerTitleShort: "Espr.",
		CollectionTitle: "Essais",
		Publisher:       "Les Éditions", PublisherPlace: "Paris",
		Volume: "6", Issue: "61", Page: "12–34",
		Issued:   &bib.Date{DateParts: [][]int{{1938}}},
		Accessed: &bib.Date{DateParts: [][]int{{2023, 1, 25}}},
		DOI:      "10.1000/x_y", URL: "https://example.org/a--b", ISSN: "0014-0759",
		Language: "french", Note: "Trans. by X",
	}
	if !reflect.DeepEqual(it, want) {
		t.Errorf("got  %+v\nwant %+v", it, want)
	}
}

func TestItemNumber(t *testing.T) {
	tests := []struct{ src, issue, number, collectionNumber string }{
		{"@article{k, number = 3}", "3", "", ""},
		{"@article{k, number = 3, issue = 4}", "4", "3", ""},
		{"@book{k, series = {S}, number = 12}", "", "", "12"},
		{"@techreport{k, series = {S}, number = {TR-1}}", "", "TR-1", ""},
		{"@book{k, number = 12}", "", "12", ""},
	}
	for _, tt := range tests {
		it := itemOf(t, tt.src)
		if it.Issue != tt.issue || it.Number != tt.number || it.CollectionNumber != tt.collectionNumber {
			t.Errorf("%s: issue %q number %q collection-number %q, want %q %q %q",
				tt.src, it.Issue, it.Number, it.CollectionNumber, tt.issue, tt.number, tt.collectionNumber)
		}
	}
}

func TestPages(t *testing.T) {
	tests := []struct{ in, want string }{
		{"12–34", "12–34"}, {"12 – 34", "12–34"}, {"12——34", "12–34"}, {"12-34", "12-34"},
		{"xi, 3–5", "xi, 3–5"}, {"", ""},
	}
	for _, tt := range tests {
		if got := pages(tt.in); got != tt.want {
			t.Errorf("pages(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Entries built by hand (no raw TeX) still convert.
func TestItemsFromPlainEntries(t *testing.T) {
	items := Items([]Entry{{Key: "k", Type: "Book", Fields: map[string]string{
		"author": "Serge, Victor and Trotsky, Leon", "title": "Memoirs", "year": "1951"}}})
	if len(items) != 1 || items[0].Type != "book" || len(items[0].Author) != 2 || items[0].YearOf() != 1951 {
		t.Errorf("got %+v", items)
	}
}
