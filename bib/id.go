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
	var b strings.Builder
	b.Grow(64)
	b.WriteString("w:")
	part := func() { // a separator before every part but the first
		if b.Len() > len("w:") {
			b.WriteByte('-')
		}
	}
	fam := Words(it.FirstFamily())
	for _, w := range fam {
		b.WriteString(w) // the family's words run together
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
	for _, w := range words {
		part()
		b.WriteString(w)
	}
	if b.Len() == len("w:") {
		return "w:untitled"
	}
	return b.String()
}
