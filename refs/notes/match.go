package notes

import "sort"

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
		cands := byLabel[m.label]
		// The first note of that label after the marker; as sequence regions
		// are consecutive, no later note can share the marker's region if it
		// does not, and the note before it is the nearest one before.
		after := sort.Search(len(cands), func(j int) bool { return notes[cands[j]].Line > m.line })
		best := -1
		switch {
		case after < len(cands) && inRegion(cands[after], m.line):
			best = cands[after]
		case after > 0 && inRegion(cands[after-1], m.line):
			best = cands[after-1]
		}
		if best < 0 {
			unmatched = append(unmatched, m)
			continue
		}
		notes[best].Markers = append(notes[best].Markers, m.line)
	}
	return unmatched
}
