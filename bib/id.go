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
	fam := fold(it.FirstFamily())
	for i := 0; i < len(fam); i++ {
		if fam[i] != ' ' {
			b.WriteByte(fam[i]) // the family's words run together
		}
	}
	if y := it.YearOf(); y != 0 {
		part()
		b.WriteString(strconv.Itoa(y))
	}
	// the first three of SignificantWords, read off the folded title
	// without splitting it all
	var first [3]string
	n := firstSignificant(fold(it.Title), first[:])
	if n == 0 {
		n = firstSignificant(fold(it.ContainerTitle), first[:])
	}
	words := first[:n]
	if n == 0 {
		// letters and interviews: the recipient or interviewer identifies them
		var all []string
		for _, names := range [][]Name{it.Recipient, it.Interviewer} {
			for _, name := range names {
				all = append(all, Words(name.Family+" "+name.Literal)...)
			}
		}
		words = first[:copy(first[:], all)]
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

// firstSignificant fills out with the first words of the folded string f
// that SignificantWords keeps, and returns how many it found.
func firstSignificant(f string, out []string) int {
	n := 0
	for f != "" && n < len(out) {
		w := f
		if k := strings.IndexByte(f, ' '); k >= 0 {
			w, f = f[:k], f[k+1:]
		} else {
			f = ""
		}
		if len(w) >= 2 && !isStopword(w) {
			out[n] = w
			n++
		}
	}
	return n
}
