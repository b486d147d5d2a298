package refs

import (
	"testing"
)

func TestProseReadings(t *testing.T) {
	tests := []struct {
		body          string
		family, title string // of the first reading; "" for none
	}{
		{"First published in Paris as The Harbour Years, Lantern Press, 1925", "", "The Harbour Years"},
		{"Originally published as “Tides,” Harbour Review, 1930", "", "Tides"},
		{"Mara Hale notes, in his book The Forming of the Harbour, Lantern Press, 1964, that the strike failed", "Hale", "The Forming of the Harbour"},
		{"Doe, however, in her article \"The Unhappy Elitist\", which appeared in 1984, says otherwise", "Doe", "The Unhappy Elitist"},
		{"In Harbour Years, Doe quoted from her own diary", "Doe", "Harbour Years"},
		// not prose citations
		{"In 1936, Doe wrote to Roe", "", ""},
		{"In Harbour Years, The Dock Strike", "", ""},
		{"Doe notes, in his view, that the strike failed", "", ""},
		{"Published by Lantern Press", "", ""},
	}
	for _, tc := range tests {
		got := proseReadings(tc.body)
		if tc.title == "" {
			for _, it := range got {
				if it.Title != "" {
					t.Errorf("proseReadings(%q) = title %q, want none", tc.body, it.Title)
				}
			}
			continue
		}
		if len(got) == 0 {
			t.Errorf("proseReadings(%q) = nothing, want %q", tc.body, tc.title)
			continue
		}
		it := got[0]
		if it.Title != tc.title {
			t.Errorf("proseReadings(%q) title = %q, want %q", tc.body, it.Title, tc.title)
		}
		fam := ""
		if len(it.Author) > 0 {
			fam = it.Author[0].Family
		}
		if fam != tc.family {
			t.Errorf("proseReadings(%q) author = %q, want %q", tc.body, fam, tc.family)
		}
	}
}

func FuzzProseReadings(f *testing.F) {
	for _, s := range []string{"First published in Paris as Harbour Years, 1925", "Mara Hale notes, in his book The Forming, 1964",
		"In Harbour Years, Doe quoted", "In ", " in his book ", "reprinted as "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, it := range proseReadings(s) {
			if len(it.Title) > len(s) {
				t.Errorf("title %q longer than the text %q", it.Title, s)
			}
		}
	})
}
