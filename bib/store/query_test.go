package store

import (
	"errors"
	"reflect"
	"testing"

	"github.com/ibid-project/ibid/bib"
)

// library builds a small store: two documents and an import.
func library(t *testing.T) *Store {
	t.Helper()
	s, _ := mustOpen(t)
	a := docOf("a.txt", "h1",
		book("Serge", "Victor", "Memoirs of a Revolutionary", 1963),
		book("Trotsky", "Leon", "My Life", 1930))
	a.Works = append(a.Works, WorkInput{Key: "listed", Item: book("Carr", "E. H.", "The Bolshevik Revolution", 1950), InBibliography: true})
	a.Findings = []bib.Finding{
		{Provenance: bib.Provenance{Doc: "a.txt", Line: 30}, Code: "never-cited", Message: "Carr is never cited"},
		{Provenance: bib.Provenance{Doc: "a.txt", Line: 5}, Code: "missing-note", Message: "note 3 is missing"},
	}
	mustHarvest(t, s, a)
	mustHarvest(t, s, docOf("b.txt", "h2", book("SERGE", "V.", "Memoirs", 0)))
	art := bib.Item{Type: "article-journal", Title: "Letters from Moscow", ContainerTitle: "La Vie ouvrière", Issue: "12",
		Issued: &bib.Date{DateParts: [][]int{{1921, 3, 4}}}}
	res, err := s.Import("zotero.json", []bib.Item{art, book("Serge", "Victor", "Memoirs of a Revolutionary", 1963)})
	if err != nil {
		t.Fatal(err)
	}
	if res.Items != 2 || res.NewWorks != 1 || res.MergedWorks != 1 {
		t.Fatalf("Import = %+v, want 1 new and 1 merged", res)
	}
	return s
}

func TestWorksFilter(t *testing.T) {
	s := library(t)
	tests := []struct {
		filter Filter
		want   []string
	}{
		{Filter{}, []string{"w:1921-letters-moscow", "w:carr-1950-bolshevik-revolution", "w:serge-1963-memoirs-revolutionary", "w:trotsky-1930-my-life"}},
		{Filter{Doc: "a.txt"}, []string{"w:carr-1950-bolshevik-revolution", "w:serge-1963-memoirs-revolutionary", "w:trotsky-1930-my-life"}},
		{Filter{Doc: "a.txt", CitedOnly: true}, []string{"w:serge-1963-memoirs-revolutionary", "w:trotsky-1930-my-life"}},
		{Filter{CitedOnly: true}, []string{"w:serge-1963-memoirs-revolutionary", "w:trotsky-1930-my-life"}},
		{Filter{Doc: "b.txt"}, []string{"w:serge-1963-memoirs-revolutionary"}},
		{Filter{Type: "article-journal"}, []string{"w:1921-letters-moscow"}},
	}
	for _, tc := range tests {
		works, err := s.Works(tc.filter)
		if err != nil {
			t.Fatalf("Works(%+v): %v", tc.filter, err)
		}
		if got := workIDs(works); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Works(%+v) = %v, want %v", tc.filter, got, tc.want)
		}
	}
	if _, err := s.Works(Filter{Doc: "nope.txt"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("Works of an unknown document = %v, want ErrNotFound", err)
	}
}

func TestWorkCarriesProvenance(t *testing.T) {
	s := library(t)
	w, cites, err := s.Work("w:serge-1963-memoirs-revolutionary")
	if err != nil {
		t.Fatal(err)
	}
	var docs []string
	for _, p := range w.Sources {
		docs = append(docs, p.Doc)
	}
	if want := []string{"a.txt", "b.txt", "zotero.json"}; !reflect.DeepEqual(docs, want) {
		t.Errorf("sources from %v, want %v", docs, want)
	}
	if len(cites) != 2 || cites[0].Doc != "a.txt" || cites[1].Doc != "b.txt" || cites[0].Work != w.ID {
		t.Errorf("citations = %+v", cites)
	}
	if w.Item.Author[0].Family != "Serge" || w.Item.Author[0].Given != "Victor" || w.Item.ID != w.ID {
		t.Errorf("merged item = %+v", w.Item)
	}
	if _, _, err := s.Work("w:nobody"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Work of an unknown id = %v, want ErrNotFound", err)
	}
}

func TestCitationsFindingsDocs(t *testing.T) {
	s := library(t)
	cites, err := s.Citations("")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cites {
		got = append(got, c.Doc+" "+c.Work)
	}
	want := []string{"a.txt w:serge-1963-memoirs-revolutionary", "a.txt w:trotsky-1930-my-life", "b.txt w:serge-1963-memoirs-revolutionary"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Citations = %v, want %v", got, want)
	}
	findings, err := s.Findings("a.txt")
	if err != nil || len(findings) != 2 || findings[0].Line != 5 {
		t.Errorf("Findings = %+v, %v; want 2 sorted by line", findings, err)
	}
	if _, err := s.Findings("nope.txt"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Findings of an unknown document = %v, want ErrNotFound", err)
	}
	docs, err := s.Docs()
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].Name != "a.txt" || docs[0].Works != 3 || docs[0].Citations != 2 || docs[0].Findings != 2 || docs[0].Harvested.IsZero() {
		t.Errorf("Docs = %+v", docs)
	}
}

func TestSearch(t *testing.T) {
	s := library(t)
	tests := []struct {
		q    string
		want []string
	}{
		{"serge", []string{"w:serge-1963-memoirs-revolutionary"}},
		{"SÉRGE memoirs", []string{"w:serge-1963-memoirs-revolutionary"}},
		{"victor revolution", nil},
		{"revolution", []string{"w:carr-1950-bolshevik-revolution"}},
		{"moscow letters", []string{"w:1921-letters-moscow"}},
		{"  ", nil},
	}
	for _, tc := range tests {
		works, err := s.Search(tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if got := workIDs(works); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Search(%q) = %v, want %v", tc.q, got, tc.want)
		}
	}
}

func TestForgetAndReimport(t *testing.T) {
	s := library(t)
	if err := s.Forget("a.txt"); err != nil {
		t.Fatal(err)
	}
	if err := s.Forget("a.txt"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second Forget = %v, want ErrNotFound", err)
	}
	works, _ := s.Works(Filter{})
	// Trotsky and Carr were only in a.txt; Serge stays (b.txt, the import).
	if got, want := workIDs(works), []string{"w:1921-letters-moscow", "w:serge-1963-memoirs-revolutionary"}; !reflect.DeepEqual(got, want) {
		t.Errorf("works after Forget = %v, want %v", got, want)
	}
	// Importing the same source again replaces it.
	res, err := s.Import("zotero.json", []bib.Item{book("Carr", "E. H.", "The Bolshevik Revolution", 1950)})
	if err != nil || res.NewWorks != 1 {
		t.Fatalf("re-import = %+v, %v", res, err)
	}
	works, _ = s.Works(Filter{})
	if got, want := workIDs(works), []string{"w:carr-1950-bolshevik-revolution", "w:serge-1963-memoirs-revolutionary"}; !reflect.DeepEqual(got, want) {
		t.Errorf("works after re-import = %v, want %v", got, want)
	}
}

func TestHarvestRejectsUnnamedDocument(t *testing.T) {
	s, _ := mustOpen(t)
	if _, err := s.Harvest(DocInput{Hash: "h"}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("Harvest without a name = %v, want ErrInvalidInput", err)
	}
	if _, err := s.Import("", nil); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("Import without a source = %v, want ErrInvalidInput", err)
	}
}

func TestWorkIDClash(t *testing.T) {
	s, _ := mustOpen(t)
	// Same author, year and first title words, different works.
	a := bib.Item{Type: "article-journal", Title: "Notes of the Week", ContainerTitle: "The Observer", Author: []bib.Name{{Family: "Orwell"}},
		Issued: &bib.Date{DateParts: [][]int{{1946, 3, 4}}}}
	b := a
	b.Issued = &bib.Date{DateParts: [][]int{{1946, 3, 11}}}
	mustHarvest(t, s, docOf("a.txt", "h1", a, b))
	works, _ := s.Works(Filter{})
	if got, want := workIDs(works), []string{"w:orwell-1946-notes-week", "w:orwell-1946-notes-week-2"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("works = %v, want %v", got, want)
	}
	// Stable: the same document again, changed, keeps the ids.
	mustHarvest(t, s, docOf("a.txt", "h2", b, a))
	assertCitedWork(t, s, "a.txt", "w:orwell-1946-notes-week-2", "w:orwell-1946-notes-week")
}
