package store

import (
	"errors"
	"reflect"
	"testing"
)

func TestHarvestDedupAcrossDocuments(t *testing.T) {
	s, _ := mustOpen(t)
	a := mustHarvest(t, s, docOf("a.txt", "h1",
		book("Serge", "Victor", "Memoirs of a Revolutionary", 1963),
		book("Trotsky", "Leon", "The Revolution Betrayed", 1937)))
	if a.NewWorks != 2 || a.MergedWorks != 0 || a.Citations != 2 {
		t.Fatalf("first harvest = %+v, want 2 new works, 2 citations", a)
	}
	b := mustHarvest(t, s, docOf("b.txt", "h2",
		book("Serge", "V.", "Memoirs", 0),
		book("Sergé", "Victor", "Memoirs of a Revolutlonary", 1963),
		book("Serge", "Victor", "Conquered City", 1975)))
	if b.NewWorks != 1 || b.MergedWorks != 2 {
		t.Fatalf("second harvest = %+v, want 1 new, 2 merged", b)
	}
	works, err := s.Works(Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(works) != 3 {
		t.Fatalf("works = %v, want 3", workIDs(works))
	}
	memoirs := works[0]
	if memoirs.Item.Title != "Memoirs of a Revolutionary" || memoirs.Item.Author[0].Given != "Victor" {
		t.Errorf("merged item = %+v", memoirs.Item)
	}
	if len(memoirs.Sources) != 3 {
		t.Errorf("sources = %v, want 3", memoirs.Sources)
	}
	_, cites, err := s.Work(memoirs.ID)
	if err != nil || len(cites) != 3 {
		t.Fatalf("Work(%s) citations = %v, %v; want 3", memoirs.ID, cites, err)
	}
}

func TestHarvestUnchangedAndReplaced(t *testing.T) {
	s, _ := mustOpen(t)
	memoirs := book("Serge", "Victor", "Memoirs of a Revolutionary", 1963)
	betrayed := book("Trotsky", "Leon", "The Revolution Betrayed", 1937)
	city := book("Serge", "Victor", "Conquered City", 1975)
	mustHarvest(t, s, docOf("a.txt", "h1", memoirs, betrayed))
	mustHarvest(t, s, docOf("b.txt", "h2", memoirs))
	before, _ := s.Works(Filter{})
	docsBefore, _ := s.Docs()

	again := mustHarvest(t, s, docOf("a.txt", "h1", memoirs, betrayed))
	if !again.Unchanged || again.Replaced || again.NewWorks != 0 {
		t.Fatalf("same content = %+v, want Unchanged", again)
	}
	after, _ := s.Works(Filter{})
	docsAfter, _ := s.Docs()
	if !reflect.DeepEqual(before, after) || !reflect.DeepEqual(docsBefore, docsAfter) {
		t.Fatalf("unchanged harvest changed the store")
	}

	// a.txt now cites another book instead of both: Trotsky is cited by
	// nothing else and goes; Serge's memoirs stay, cited by b.txt.
	res := mustHarvest(t, s, docOf("a.txt", "h3", city))
	if !res.Replaced || res.NewWorks != 1 {
		t.Fatalf("changed content = %+v, want Replaced with 1 new work", res)
	}
	works, _ := s.Works(Filter{})
	ids := workIDs(works)
	want := []string{"w:serge-1963-memoirs-revolutionary", "w:serge-1975-conquered-city"}
	if !reflect.DeepEqual(ids, want) {
		t.Fatalf("works after replace = %v, want %v", ids, want)
	}
	cites, _ := s.Citations("a.txt")
	if len(cites) != 1 || cites[0].Work != "w:serge-1975-conquered-city" {
		t.Fatalf("a.txt citations = %+v", cites)
	}
	if _, _, err := s.Work("w:trotsky-1937-revolution-betrayed"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("removed work: err = %v, want ErrNotFound", err)
	}
}
