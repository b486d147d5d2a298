package export

import (
	"testing"

	"github.com/ibid-project/ibid/bib"
)

func TestBibNames(t *testing.T) {
	for _, tc := range []struct {
		names []bib.Name
		want  string
	}{
		{[]bib.Name{{Family: "Serge", Given: "Victor"}}, "Serge, Victor"},
		{[]bib.Name{{Family: "Gaulle", Given: "Charles", NonDroppingParticle: "de"}}, "de Gaulle, Charles"},
		{[]bib.Name{{Family: "Beethoven", Given: "Ludwig", DroppingParticle: "van"}}, "Beethoven, Ludwig van"},
		{[]bib.Name{{Family: "King", Given: "Martin Luther", Suffix: "Jr."}}, "King, Jr., Martin Luther"},
		{[]bib.Name{{Literal: "Smith and Sons, Ltd."}}, "{Smith and Sons, Ltd.}"},
		{[]bib.Name{{Family: "Plato"}}, "Plato"},
		{[]bib.Name{{Given: "Plato"}}, "{Plato}"},
		{[]bib.Name{{Family: "Rowe, Jr"}, {Family: "Sand and Co", Given: "A"}}, "{Rowe, Jr} and {Sand and Co}, A"},
		{[]bib.Name{{}, {Family: "García Márquez", Given: "Gabriel"}}, "García Márquez, Gabriel"},
		{[]bib.Name{{Family: "O'Brien", Given: "{Flann}"}}, `O'Brien, \{Flann\}`},
	} {
		if got := bibNames(tc.names, false); got != tc.want {
			t.Errorf("bibNames(%+v) = %q, want %q", tc.names, got, tc.want)
		}
	}
}

func TestDescription(t *testing.T) {
	for _, tc := range []struct {
		item bib.Item
		want string
	}{
		{bib.Item{Type: "personal_communication", Recipient: []bib.Name{{Family: "Sedov", Given: "Leon"}}}, "Letter to Leon Sedov"},
		{bib.Item{Type: "personal_communication", Genre: "Telegram", Recipient: []bib.Name{{Family: "Gide", Given: "André"}, {Family: "Malraux", Given: "André"}, {Literal: "NRF"}}},
			"Telegram to André Gide, André Malraux and NRF"},
		{bib.Item{Type: "interview", Interviewer: []bib.Name{{Family: "Roe", Given: "Jane"}}}, "Interview by Jane Roe"},
		{bib.Item{Type: "interview"}, "Interview"},
		{bib.Item{Type: "book"}, ""},
	} {
		if got := description(&tc.item); got != tc.want {
			t.Errorf("description(%+v) = %q, want %q", tc.item, got, tc.want)
		}
	}
}
