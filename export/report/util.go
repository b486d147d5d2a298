package report

import "strconv"

func itoa(n int) string { return strconv.Itoa(n) }

func strconvHex(r rune) string { return strconv.FormatInt(int64(r), 16) }

// where writes a provenance as "doc:line" or "doc:line-end".
func where(doc string, line, end int) string {
	s := doc + ":" + itoa(line)
	if end > line {
		s += "-" + itoa(end)
	}
	return s
}

// noteName writes a note's place: "seq n. 12" or "line 40" outside notes.
func noteName(seq string, note, line int) string {
	if note <= 0 {
		return "line " + itoa(line)
	}
	if seq == "" {
		return "n. " + itoa(note)
	}
	return seq + " n. " + itoa(note)
}
