package export

import "testing"

func TestProtectTitle(t *testing.T) {
	for _, tc := range []struct {
		title   string
		english bool
		want    string
	}{
		{"The Making of the USSR", true, "The Making of the {USSR}"},
		{"Victor Serge: Political Critic of the USSR, 1919–1947", true, "Victor Serge: Political Critic of the {USSR}, 1919–1947"},
		{"McCarthy and the iPhone", true, "{McCarthy} and the {iPhone}"},
		{"Sentence case about Stalin and the Moscow trials", true, "Sentence case about {Stalin} and the {Moscow} trials"},
		{"Soviet-German relations in the interwar period", true, "{Soviet-German} relations in the interwar period"},
		{"Notes on nationalism", true, "Notes on nationalism"},
		{"(CPSU) history and its sources", true, "({CPSU}) history and its sources"},
		{"Le Temps des cerises", false, "{Le Temps des cerises}"},
		{"R&D in the USSR", true, `{R\&D} in the {USSR}`},
		{"", true, ""},
	} {
		if got := protectTitle(tc.title, tc.english, false); got != tc.want {
			t.Errorf("protectTitle(%q, %v) = %q, want %q", tc.title, tc.english, got, tc.want)
		}
	}
}

func TestSentenceCased(t *testing.T) {
	for title, want := range map[string]bool{
		"The Making of a Bolshevik":            false,
		"The making of a Bolshevik revolution": true,
		"Notes on nationalism":                 true,
		"A":                                    false,
	} {
		if got := sentenceCased(title); got != want {
			t.Errorf("sentenceCased(%q) = %v, want %v", title, got, want)
		}
	}
}
