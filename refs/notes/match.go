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

// markerRuns splits the markers into numbering runs: a run ends where the
// numbers fall back to 1.
func markerRuns(markers []marker) [][]marker {
	var runs [][]marker
	prev := 0
	for _, m := range markers {
		n := labelNumber(m.label)
		if len(runs) == 0 || (n == 1 && prev > 1) {
			runs = append(runs, nil)
		}
		runs[len(runs)-1] = append(runs[len(runs)-1], m)
		if n > 0 {
			prev = n
		}
	}
	return runs
}

// gathered reports whether the notes look gathered away from their
// markers (endnotes collected at the end of the book, chapter by chapter):
// some sequence has notes but no marker, and the markers fall into as many
// numbering runs as there are sequences.
func gathered(notes []Note, seqs []sequence, runs [][]marker) bool {
	if len(seqs) < 2 || len(runs) != len(seqs) {
		return false
	}
	for _, q := range seqs {
		marked := false
		for k := q.first; k <= q.last; k++ {
			marked = marked || len(notes[k].Markers) > 0
		}
		if !marked {
			return true
		}
	}
	return false
}

// matchRuns pairs the k-th run of markers with the k-th sequence of notes,
// each marker with the note of its label there. It replaces Note.Markers
// and returns the markers no note answers.
func matchRuns(notes []Note, seqs []sequence, runs [][]marker) []marker {
	for k := range notes {
		notes[k].Markers = []int{}
	}
	var unmatched []marker
	for r, run := range runs {
		q := seqs[r]
		for _, m := range run {
			found := false
			for k := q.first; k <= q.last && !found; k++ {
				if notes[k].Label == m.label {
					notes[k].Markers = append(notes[k].Markers, m.line)
					found = true
				}
			}
			if !found {
				unmatched = append(unmatched, m)
			}
		}
	}
	return unmatched
}
