package bib

import "testing"

func TestWorkID(t *testing.T) {
	tests := []struct {
		item Item
		want string
	}{
		{Item{Author: []Name{{Family: "Greeman", Given: "Richard"}}, Title: "Victor Serge: The Making of a Novelist (1890-1928)",
			Issued: &Date{DateParts: [][]int{{1968}}}}, "w:greeman-1968-victor-serge-making"},
		{Item{Author: []Name{{Family: "Núñez"}}, Title: "Él y la revolución"}, "w:nunez-revolucion"},
		{Item{Editor: []Name{{Family: "de la Cruz"}}, Title: "A"}, "w:delacruz"},
		{Item{Type: "personal_communication", Author: []Name{{Family: "Serge"}}, Recipient: []Name{{Family: "Sedov"}},
			Issued: &Date{DateParts: [][]int{{1936, 5, 12}}}}, "w:serge-1936-sedov"},
		{Item{Author: []Name{{Literal: "Associated Press"}}, Title: "Westchester Approves Measure"}, "w:associatedpress-westchester-approves-measure"},
		{Item{}, "w:untitled"},
	}
	for _, tt := range tests {
		if got := WorkID(&tt.item); got != tt.want {
			t.Errorf("WorkID(%+v) = %q, want %q", tt.item, got, tt.want)
		}
	}
}
