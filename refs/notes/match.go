package notes

// matchMarkers pairs every marker with a note of the same label: the nearest
// note after the marker (a footnote follows its marker) within the marker's
// sequence region, else the nearest one before it in that region. It fills
// Note.Markers and returns the markers no note answers.
func matchMarkers(notes []Note, seqs []sequence, markers []marker) []marker {
	byLabel := map[string][]int{}
	for k, n := range notes {
		byLabel[n.Label] = append(byLabel[n.Label], k)
	}
	seqOf := make([]int, len(notes))
	for s, q := range seqs {
		for k := q.first; k <= q.last; k++ {
			seqOf[k] = s
		}
	}
	inRegion := func(k, line int) bool {
		q := seqs[seqOf[k]]
		return line > q.regionFrom && line <= q.regionTo
	}
	var unmatched []marker
	for _, m := range markers {
		best := -1
		for _, k := range byLabel[m.label] {
			if !inRegion(k, m.line) {
				continue
			}
			if notes[k].Line > m.line {
				best = k
				break
			}
			best = k // the nearest before, unless one follows
		}
		if best < 0 {
			unmatched = append(unmatched, m)
			continue
		}
		notes[best].Markers = append(notes[best].Markers, m.line)
	}
	return unmatched
}
