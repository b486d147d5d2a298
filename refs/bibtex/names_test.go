package bibtex

import (
	"reflect"
	"testing"

	"github.com/ibid-project/ibid/bib"
)

func TestNames(t *testing.T) {
	tests := []struct {
		in   string
		want []bib.Name
	}{
		{"Victor Serge", []bib.Name{{Family: "Serge", Given: "Victor"}}},
		{"Serge, Victor", []bib.Name{{Family: "Serge", Given: "Victor"}}},
		{"Serge, Victor and Trotsky, Leon", []bib.Name{{Family: "Serge", Given: "Victor"}, {Family: "Trotsky", Given: "Leon"}}},
		{"Ludwig van Beethoven", []bib.Name{{Family: "Beethoven", Given: "Ludwig", NonDroppingParticle: "van"}}},
		{"van der Berg, Jan", []bib.Name{{Family: "Berg", Given: "Jan", NonDroppingParticle: "van der"}}},
		{"King, Jr, Martin Luther", []bib.Name{{Family: "King", Given: "Martin Luther", Suffix: "Jr"}}},
		{"Jean de La Fontaine", []bib.Name{{Family: "La Fontaine", Given: "Jean", NonDroppingParticle: "de"}}},
		{"{World Health Organization}", []bib.Name{{Literal: "World Health Organization"}}},
		{"{Barnes and Noble}", []bib.Name{{Literal: "Barnes and Noble"}}},
		{"{\\'E}mile Zola", []bib.Name{{Family: "Zola", Given: "Émile"}}},
		{"Zola, {\\'E}mile", []bib.Name{{Family: "Zola", Given: "Émile"}}},
		{"{\\'e}tienne de la Bo{\\'e}tie", []bib.Name{{Family: "Boétie", NonDroppingParticle: "étienne de la"}}},
		{"Aristotle", []bib.Name{{Family: "Aristotle"}}},
		{"Smith, John and others", []bib.Name{{Family: "Smith", Given: "John"}}},
		{"A. Smith AND B. Jones", []bib.Name{{Family: "Smith", Given: "A."}, {Family: "Jones", Given: "B."}}},
		{"Anderson, Alan", []bib.Name{{Family: "Anderson", Given: "Alan"}}},
		{"Schr\\\"oder, Gerhard", []bib.Name{{Family: "Schröder", Given: "Gerhard"}}},
		{"", nil},
		{" and , and ", nil},
	}
	for _, tt := range tests {
		if got := Names(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Names(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}
