package export

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/ibid-project/ibid/bib"
)

func year(y ...int) *bib.Date { return &bib.Date{DateParts: [][]int{y}} }

func TestBaseKey(t *testing.T) {
	for _, tc := range []struct {
		name string
		item bib.Item
		want string
	}{
		{"author, three title words, year",
			bib.Item{Author: []bib.Name{{Family: "Greeman", Given: "Richard"}}, Title: "Victor Serge: The Making of a Bolshevik", Issued: year(1968)},
			"greemanVictorSergeMaking1968"},
		{"function words and single letters skipped",
			bib.Item{Author: []bib.Name{{Family: "Serge"}}, Title: "L'An I de la révolution russe", Issued: year(1930)},
			"sergeRevolutionRusse1930"},
		{"accents transliterated, particle kept",
			bib.Item{Author: []bib.Name{{Family: "Gaulle", NonDroppingParticle: "de"}}, Title: "Mémoires de guerre", Issued: year(1954)},
			"degaulleMemoiresGuerre1954"},
		{"corporate author",
			bib.Item{Author: []bib.Name{{Literal: "Central Intelligence Agency"}}, Title: "The CPSU", Issued: year(1955)},
			"centralintelligenceagencyCPSU1955"},
		{"editor when no author",
			bib.Item{Editor: []bib.Name{{Family: "Cohen"}}, Title: "Bukharin", Issued: year(1973)},
			"cohenBukharin1973"},
		{"no year", bib.Item{Author: []bib.Name{{Family: "Ngô"}}, Title: "Au pays de la cloche fêlée"}, "ngoPaysClocheFelee"},
		{"Cyrillic transliterated", bib.Item{Author: []bib.Name{{Family: "Карпов"}}, Title: "Русская революция", Issued: year(1967)}, "karpovRusskaiaRevoliutsiia1967"},
		{"no Latin letters at all", bib.Item{Title: "המהפכה", Issued: year(1970)}, "anon1970"},
		{"nothing", bib.Item{}, "anon"},
		{"reserved word", bib.Item{Title: "Comment"}, "anonComment"},
		{"hostile characters dropped", bib.Item{Author: []bib.Name{{Family: "O'Brien, {\\x}"}}, Title: "%$#_{}~^\\ 100% Sure", Issued: year(2000)}, "obrienx100Sure2000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := baseKey(&tc.item); got != tc.want {
				t.Errorf("baseKey = %q, want %q", got, tc.want)
			}
		})
	}
}

var keyShape = regexp.MustCompile(`^[A-Za-z0-9_:-]+$`)

func TestKeysUniqueAndOrderFree(t *testing.T) {
	var works []bib.Work
	for i := 0; i < 30; i++ {
		works = append(works, bib.Work{ID: fmt.Sprintf("w%02d", i), Item: bib.Item{
			Author: []bib.Name{{Family: "Nobody"}}, Title: "Untitled", Issued: year(1950)}})
	}
	// Two works keyed "nobody", and one whose own key is what the second
	// would get as a suffixed key.
	works = append(works,
		bib.Work{ID: "x1", Item: bib.Item{Author: []bib.Name{{Family: "Nobody"}}}},
		bib.Work{ID: "x2", Item: bib.Item{Author: []bib.Name{{Family: "Nobody"}}}},
		bib.Work{ID: "x3", Item: bib.Item{Author: []bib.Name{{Family: "Nobodya"}}}})
	keys := Keys(works)
	if len(keys) != len(works) {
		t.Fatalf("%d keys for %d works", len(keys), len(works))
	}
	seen := map[string]string{}
	for id, k := range keys {
		if !keyShape.MatchString(k) {
			t.Errorf("key %q has characters outside [A-Za-z0-9_:-]", k)
		}
		if other, dup := seen[k]; dup {
			t.Errorf("works %s and %s share key %q", other, id, k)
		}
		seen[k] = id
	}
	for id, want := range map[string]string{"w00": "nobodyUntitled1950", "w01": "nobodyUntitled1950a",
		"w27": "nobodyUntitled1950aa", "x1": "nobody", "x2": "nobodyb", "x3": "nobodya"} {
		if keys[id] != want {
			t.Errorf("work %s: key %q, want %q", id, keys[id], want)
		}
	}
	reversed := make([]bib.Work, len(works))
	for i, w := range works {
		reversed[len(works)-1-i] = w
	}
	for id, k := range Keys(reversed) {
		if keys[id] != k {
			t.Errorf("work %s: key %q in one order, %q in the other", id, keys[id], k)
		}
	}
}

func TestSuffix(t *testing.T) {
	for n, want := range map[int]string{0: "a", 1: "b", 25: "z", 26: "aa", 27: "ab", 701: "zz", 702: "aaa"} {
		if got := suffix(n); got != want {
			t.Errorf("suffix(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestOrderWorksCleansAndDedupesGivenKeys(t *testing.T) {
	works := []bib.Work{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}}
	got := orderWorks(works, map[string]string{"a": "same", "b": "sa{m}e", "c": "bad key,", "d": "@STRING"})
	var keys []string
	for _, k := range got {
		keys = append(keys, k.key)
	}
	want := []string{"anonSTRING", "badkey", "same", "samea"}
	if fmt.Sprint(keys) != fmt.Sprint(want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
}
