package notes

import "strings"

// sequence is a run of notes numbered on from one another.
type sequence struct {
	id, title  string
	first      int // index of its first note
	last       int // index of its last note
	regionFrom int // markers of the sequence lie after this 1-based line
	regionTo   int // ... and up to this one
}

// assignSequences splits the notes into numbering sequences and names them.
// Numbering that falls back (a number not above the previous one) starts a
// new sequence when it restarts at 1, or when a heading separates it from
// the previous note and the numbering goes on from it; neither a gap nor a
// single out-of-order number starts one.
func assignSequences(d *doc, notes []Note) []sequence {
	var seqs []sequence
	used := map[string]int{}
	begin := func(k int) {
		from := 0
		if len(seqs) > 0 {
			from = notes[seqs[len(seqs)-1].last].EndLine
		}
		title, id := sequenceHeading(d, from, notes[k].Line-1)
		if id == "" {
			id = "seq" + itoa(len(seqs)+1)
		}
		if used[id]++; used[id] > 1 {
			id += "-" + itoa(used[id])
		}
		seqs = append(seqs, sequence{id: id, title: title, first: k, last: k, regionFrom: from})
	}
	for k := range notes {
		if k == 0 || restarts(d, notes, k) {
			begin(k)
		}
		s := &seqs[len(seqs)-1]
		s.last = k
		notes[k].Seq, notes[k].SeqTitle = s.id, s.title
	}
	for i := range seqs {
		seqs[i].regionTo = notes[seqs[i].last].EndLine
	}
	return seqs
}

// restarts decides whether note k opens a new numbering sequence.
func restarts(d *doc, notes []Note, k int) bool {
	prev, n := notes[k-1].Number, notes[k].Number
	if n > prev || n == 0 {
		return false
	}
	if k+1 < len(notes) {
		if next := notes[k+1].Number; (next == prev+1 || next == prev+2) && next != n+1 {
			return false // a misread number inside the old sequence
		}
	}
	if n == 1 {
		return true
	}
	headed := false
	for i := notes[k-1].EndLine; i < notes[k].Line-1; i++ {
		if d.isHeading(i) {
			headed = true
			break
		}
	}
	return headed && (k+1 == len(notes) || notes[k+1].Number == n+1)
}

// sequenceHeading finds the heading a sequence is named after among the
// 0-based lines [from, to): the nearest division heading ("CHAPTER TWO",
// "Section II", prefixed with the chapter above it in the range: "ch2-sec2"),
// else the nearest of the least deeply numbered headings ("V. Title" before
// "5.1 Title"), else the nearest heading. It returns the heading and its id.
func sequenceHeading(d *doc, from, to int) (title, id string) {
	best, bestRank := -1, 0
	for i := to - 1; i >= from && i >= 0; i-- {
		if !d.isHeading(i) {
			continue
		}
		h := headingText(d.lines[i])
		if div, ok := chapterNumber(h); ok {
			if !strings.HasPrefix(div, "ch") {
				if ch := enclosingChapter(d, from, i); ch != "" {
					div = ch + "-" + div
				}
			}
			return h, div
		}
		if slug(h) == "" {
			continue
		}
		rank := 1000
		if level := headingLevel(h); level > 0 {
			rank = level
		}
		if best < 0 || rank < bestRank {
			best, bestRank = i, rank
		}
	}
	if best < 0 {
		return "", ""
	}
	h := headingText(d.lines[best])
	return h, slug(h)
}

// enclosingChapter returns the id of the nearest chapter heading among the
// 0-based lines [from, to), or "".
func enclosingChapter(d *doc, from, to int) string {
	for i := to - 1; i >= from && i >= 0; i-- {
		if !d.isHeading(i) {
			continue
		}
		if div, ok := chapterNumber(headingText(d.lines[i])); ok && strings.HasPrefix(div, "ch") {
			return div
		}
	}
	return ""
}
