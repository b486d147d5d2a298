package bib

import (
	"strconv"
	"strings"
)

// WorkID returns a readable id for a work: "w:" + first creator's family
// name + year + up to three significant title words, all folded to ASCII,
// e.g. "w:greeman-1968-victor-serge-making". Two different works can share
// an id; callers that need uniqueness add a suffix.
func WorkID(it *Item) string {
	var parts []string
	if fam := Words(it.FirstFamily()); len(fam) > 0 {
		parts = append(parts, strings.Join(fam, ""))
	}
	if y := it.YearOf(); y != 0 {
		parts = append(parts, strconv.Itoa(y))
	}
	words := SignificantWords(it.Title)
	if len(words) == 0 {
		words = SignificantWords(it.ContainerTitle)
	}
	if len(words) == 0 {
		// letters and interviews: the recipient or interviewer identifies them
		for _, names := range [][]Name{it.Recipient, it.Interviewer} {
			for _, n := range names {
				words = append(words, Words(n.Family+" "+n.Literal)...)
			}
		}
	}
	if len(words) > 3 {
		words = words[:3]
	}
	parts = append(parts, words...)
	if len(parts) == 0 {
		return "w:untitled"
	}
	return "w:" + strings.Join(parts, "-")
}
