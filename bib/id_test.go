package bib

import (
	"strconv"
	"strings"
	"testing"
)

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

// workIDByWords is WorkID as first written, on whole word lists.
func workIDByWords(it *Item) string {
	var b strings.Builder
	b.WriteString("w:")
	part := func() {
		if b.Len() > len("w:") {
			b.WriteByte('-')
		}
	}
	for _, w := range Words(it.FirstFamily()) {
		b.WriteString(w)
	}
	if y := it.YearOf(); y != 0 {
		part()
		b.WriteString(strconv.Itoa(y))
	}
	words := SignificantWords(it.Title)
	if len(words) == 0 {
		words = SignificantWords(it.ContainerTitle)
	}
	if len(words) == 0 {
		for _, names := range [][]Name{it.Recipient, it.Interviewer} {
			for _, n := range names {
				words = append(words, Words(n.Family+" "+n.Literal)...)
			}
		}
	}
	if len(words) > 3 {
		words = words[:3]
	}
	for _, w := range words {
		part()
		b.WriteString(w)
	}
	if b.Len() == len("w:") {
		return "w:untitled"
	}
	return b.String()
}

func FuzzWorkID(f *testing.F) {
	f.Add("de la Cruz", "Él y la revolución: a b c d", "", "Sedov", 1968)
	f.Add("", "", "The Journal", "", 0)
	f.Add("O'Brien", "a the of", "", "Trotsky Lev Leon", 1936)
	f.Fuzz(func(t *testing.T, family, title, container, recipient string, year int) {
		it := Item{Author: []Name{{Family: family}}, Title: title, ContainerTitle: container,
			Recipient: []Name{{Family: recipient, Literal: title}}}
		if year != 0 {
			it.Issued = &Date{DateParts: [][]int{{year}}}
		}
		if got, want := WorkID(&it), workIDByWords(&it); got != want {
			t.Fatalf("WorkID = %q, want %q", got, want)
		}
	})
}
