package notes

import (
	"fmt"
	"sort"
)

// maxGapReported bounds the missing numbers reported for one gap: a larger
// jump is more likely a misread number than that many lost notes.
const maxGapReported = 10

// findings lists the numbering and marker anomalies, sorted by line.
func findings(notes []Note, seqs []sequence, unmatched []marker) []Finding {
	out := []Finding{}
	add := func(code string, line int, seq string, number int, format string, args ...any) {
		out = append(out, Finding{Code: code, Line: line, Seq: seq, Number: number, Message: fmt.Sprintf(format, args...)})
	}
	for _, q := range seqs {
		seen := map[int]int{} // number -> line of its first note
		high := 0
		for k := q.first; k <= q.last; k++ {
			n := notes[k]
			if n.Number == 0 {
				continue
			}
			if first, dup := seen[n.Number]; dup {
				add(DuplicateNote, n.Line, q.id, n.Number, "note %d of %s appears again (first at line %d)", n.Number, q.id, first)
				continue
			}
			seen[n.Number] = n.Line
			if n.Number > high+1 && n.Number-high-1 <= maxGapReported {
				for m := high + 1; m < n.Number; m++ {
					add(MissingNote, n.Line, q.id, m, "note %d of %s is missing (the numbering goes from %d to %d)", m, q.id, high, n.Number)
				}
			}
			if n.Number > high {
				high = n.Number
			}
		}
	}
	for _, n := range notes {
		if len(n.Markers) == 0 {
			add(NoteWithoutMarker, n.Line, n.Seq, n.Number, "no marker points to note %s of %s", n.Label, n.Seq)
		}
	}
	for _, m := range unmatched {
		add(MarkerWithoutNote, m.line, markerSeq(seqs, m.line), labelNumber(m.label), "marker %s has no note", m.label)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Line != out[j].Line {
			return out[i].Line < out[j].Line
		}
		return out[i].Number < out[j].Number
	})
	return out
}

// markerSeq names the sequence whose region holds a marker's line.
func markerSeq(seqs []sequence, line int) string {
	for _, q := range seqs {
		if line > q.regionFrom && line <= q.regionTo {
			return q.id
		}
	}
	if len(seqs) > 0 {
		return seqs[len(seqs)-1].id
	}
	return ""
}
