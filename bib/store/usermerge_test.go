package store

import (
	"errors"
	"reflect"
	"testing"
)

// A pseudonym: dedup cannot know the two are one work, the user does.
var (
	pseudonym = book("Kibalchich", "Victor", "Memoirs of a Revolutionary", 1963)
	realName  = book("Serge", "Victor", "Memoirs of a Revolutionary", 1963)
	other     = book("Trotsky", "Leon", "My Life", 1930)
)

func TestMergeSurvivesLaterHarvest(t *testing.T) {
	s, _ := mustOpen(t)
	mustHarvest(t, s, docOf("a.txt", "h1", pseudonym, other))
	mustHarvest(t, s, docOf("b.txt", "h1", realName))
	works, _ := s.Works(Filter{})
	if len(works) != 3 {
		t.Fatalf("works = %v, want 3 before the merge", workIDs(works))
	}
	keep, gone := "w:serge-1963-memoirs-revolutionary", "w:kibalchich-1963-memoirs-revolutionary"
	merged, err := s.Merge(keep, gone)
	if err != nil {
		t.Fatal(err)
	}
	if merged.ID != keep || len(merged.Sources) != 2 {
		t.Fatalf("Merge = %s with %d sources, want %s with 2", merged.ID, len(merged.Sources), keep)
	}
	assertCitedWork(t, s, "a.txt", keep, "w:trotsky-1930-my-life")

	// The merged-away id leads to the kept work.
	w, cites, err := s.Work(gone)
	if err != nil || w.ID != keep || len(cites) != 2 {
		t.Fatalf("Work(%s) = %s with %d citations, %v; want %s with 2", gone, w.ID, len(cites), err, keep)
	}

	// a.txt changes and is harvested again, and a new document cites the
	// pseudonymous form: the merge is applied again.
	mustHarvest(t, s, docOf("a.txt", "h2", pseudonym))
	res := mustHarvest(t, s, docOf("c.txt", "h3", pseudonym, other))
	if res.NewWorks != 1 || res.MergedWorks != 1 {
		t.Errorf("c.txt harvest = %+v, want the pseudonym merged, Trotsky new", res)
	}
	works, _ = s.Works(Filter{})
	if ids := workIDs(works); !reflect.DeepEqual(ids, []string{keep, "w:trotsky-1930-my-life"}) {
		t.Fatalf("works after re-harvest = %v", ids)
	}
	assertCitedWork(t, s, "a.txt", keep)
	assertCitedWork(t, s, "c.txt", keep, "w:trotsky-1930-my-life")
}

func TestUnmergeSurvivesLaterHarvest(t *testing.T) {
	s, _ := mustOpen(t)
	// Dedup takes two volumes cited without volume numbers for one work;
	// the user knows better.
	vol1 := book("Carr", "E. H.", "The Bolshevik Revolution", 1950)
	vol3 := book("Carr", "Edward Hallett", "The Bolshevik Revolution, 1917-1923", 1951)
	mustHarvest(t, s, docOf("a.txt", "h1", vol1))
	mustHarvest(t, s, docOf("b.txt", "h1", vol3))
	works, _ := s.Works(Filter{})
	if len(works) != 1 {
		t.Fatalf("works = %v, want the two merged by dedup", workIDs(works))
	}
	parts, err := s.Unmerge(works[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) != 2 || parts[0].ID != works[0].ID {
		t.Fatalf("Unmerge = %v, want 2 works, the first keeping %s", workIDs(parts), works[0].ID)
	}
	if _, err := s.Unmerge(parts[0].ID); !errors.Is(err, ErrNothingToUnmerge) {
		t.Errorf("Unmerge of a single description = %v, want ErrNothingToUnmerge", err)
	}
	assertCitedWork(t, s, "a.txt", parts[0].ID)
	assertCitedWork(t, s, "b.txt", parts[1].ID)

	// Harvests of changed documents and a new one citing both do not merge
	// them back, and the ids stay.
	mustHarvest(t, s, docOf("b.txt", "h2", vol3))
	mustHarvest(t, s, docOf("a.txt", "h2", vol1))
	mustHarvest(t, s, docOf("c.txt", "h1", vol3, vol1))
	works, _ = s.Works(Filter{})
	if ids := workIDs(works); !reflect.DeepEqual(ids, workIDs(parts)) {
		t.Fatalf("works after re-harvest = %v, want %v", ids, workIDs(parts))
	}
	assertCitedWork(t, s, "c.txt", parts[1].ID, parts[0].ID)

	// Merging them again by hand is allowed and lifts the rule.
	if _, err := s.Merge(parts[0].ID, parts[1].ID); err != nil {
		t.Fatal(err)
	}
	mustHarvest(t, s, docOf("d.txt", "h1", vol3))
	if works, _ = s.Works(Filter{}); len(works) != 1 {
		t.Fatalf("works after merging back = %v, want 1", workIDs(works))
	}
}

func TestUnmergeUndoesUserMerge(t *testing.T) {
	s, _ := mustOpen(t)
	mustHarvest(t, s, docOf("a.txt", "h1", pseudonym, realName))
	keep, gone := "w:serge-1963-memoirs-revolutionary", "w:kibalchich-1963-memoirs-revolutionary"
	if _, err := s.Merge(keep, gone); err != nil {
		t.Fatal(err)
	}
	parts, err := s.Unmerge(keep)
	if err != nil {
		t.Fatal(err)
	}
	if ids := workIDs(parts); !reflect.DeepEqual(ids, []string{keep, gone}) {
		t.Fatalf("Unmerge = %v, want the two original works back", ids)
	}
	assertCitedWork(t, s, "a.txt", gone, keep)
	mustHarvest(t, s, docOf("a.txt", "h2", pseudonym, realName))
	if works, _ := s.Works(Filter{}); len(works) != 2 {
		t.Fatalf("works after re-harvest = %v, want 2", workIDs(works))
	}
}

// assertCitedWork checks that doc's citations point, in order, at works.
func assertCitedWork(t *testing.T, s *Store, doc string, works ...string) {
	t.Helper()
	cites, err := s.Citations(doc)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cites {
		got = append(got, c.Work)
	}
	if !reflect.DeepEqual(got, works) {
		t.Errorf("%s cites %v, want %v", doc, got, works)
	}
}
