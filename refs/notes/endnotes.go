package notes

import "strings"

// findEndnotes reads endnotes: entries under a "Notes"/"Endnotes"/"Notes
// and References" heading ("1. ", "1 ", "[1] ", "(1) ", "¹ "), and blocks of
// "[n] text" paragraphs without a heading, as pandoc's plain writer puts
// them at the end of a section or of the document. An entry runs on over
// its paragraph and over indented paragraphs after it; the notes end at the
// first paragraph that is neither (a heading inside a notes section, such
// as "Chapter 3", keeps the section open and lets numbering restart).
func findEndnotes(d *doc) ([]Note, []bool) {
	b := newBuilder(d)
	section := false // under a notes heading
	open := false    // inside a notes section or block
	last := 0        // number of the last entry of the open notes
	lastBlock := 0   // number of the last entry of any headless block
	cur := -1
	refList, lastRef := false, 0 // reading a numbered reference list
	afterRefHeading := false     // the previous paragraph is a bibliography heading
	for i := 0; i < len(d.lines); i++ {
		if d.skip[i] {
			section, open, cur, refList = false, false, -1, false
			continue
		}
		line := d.lines[i]
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			continue
		}
		para := d.paragraphStart(i)
		if para {
			startsRefs := afterRefHeading
			afterRefHeading = isReferencesHeading(trimmed)
			if label, n, _, ok := endnoteEntry(trimmed, false, true); ok && !section {
				if startsRefs || (refList && n > lastRef && label != "1") {
					refList, lastRef, cur, open = true, n, -1, false
					continue
				}
			}
			refList = false
		} else if refList {
			continue
		}
		if para && isNotesHeading(trimmed) {
			b.mark(-1, i)
			section, open, last, cur = true, true, 0, -1
			continue
		}
		if label, n, rest, ok := endnoteEntry(trimmed, section, para); ok && plausibleEntry(n, open, last, lastBlock, section) {
			cur = b.start(i, label, n, rest)
			open, last = true, n
			if !section {
				lastBlock = n
			}
			continue
		}
		if cur >= 0 && (!para || (leadingSpaces(line) >= 2 && open)) {
			b.add(cur, i, trimmed)
			continue
		}
		if section && para && d.isHeading(i) {
			b.mark(-1, i)
			last, cur = 0, -1
			continue
		}
		section, open, cur = false, false, -1
	}
	return b.result()
}

// plausibleEntry decides whether an entry numbered n continues the open
// notes (the next number, allowing a gap of two) or opens new ones (any
// number under a heading; 1 or the number after the last block otherwise).
func plausibleEntry(n int, open bool, last, lastBlock int, section bool) bool {
	switch {
	case open && last > 0:
		return n > last && n <= last+3
	case section:
		return true
	default:
		return n == 1 || (n > lastBlock && n <= lastBlock+3)
	}
}

// endnoteEntry recognises the start of an endnote entry. Outside a notes
// section only "[n] text" at a paragraph start counts; inside one also
// "n. text", "(n) text", superscripts and, at a paragraph start, "n text".
func endnoteEntry(s string, section, para bool) (label string, n int, rest string, ok bool) {
	if !section && !para {
		return "", 0, "", false
	}
	if strings.HasPrefix(s, "[") || (section && strings.HasPrefix(s, "(")) {
		close := "]"
		if s[0] == '(' {
			close = ")"
		}
		n, size := leadingDigits(s[1:])
		if size == 0 || !strings.HasPrefix(s[1+size:], close+" ") {
			return "", 0, "", false
		}
		rest = strings.TrimSpace(s[2+size:])
		return itoa(n), n, rest, rest != "" && n > 0
	}
	if !section {
		return "", 0, "", false
	}
	if n, size := leadingSuperscript(s); size > 0 {
		rest = strings.TrimSpace(s[size:])
		return itoa(n), n, rest, rest != ""
	}
	n, size := leadingDigits(s)
	if size == 0 || n == 0 {
		return "", 0, "", false
	}
	after := s[size:]
	switch {
	case strings.HasPrefix(after, ". "):
	case strings.HasPrefix(after, " ") && para:
	default:
		return "", 0, "", false
	}
	rest = strings.TrimSpace(strings.TrimPrefix(after, "."))
	return itoa(n), n, rest, rest != ""
}

// isNotesHeading reports whether a trimmed line is the heading of an endnote
// section: "Notes", "NOTES", "Endnotes", "Notes and References", "Notes to
// Chapter 3".
func isNotesHeading(s string) bool {
	if len(s) > 60 {
		return false
	}
	s = strings.ToLower(strings.TrimRight(s, ": ."))
	for _, h := range []string{"notes", "endnotes", "end notes", "notes and references", "references and notes"} {
		if s == h {
			return true
		}
	}
	return strings.HasPrefix(s, "notes to ") || strings.HasPrefix(s, "notes for ")
}

// isReferencesHeading reports whether a trimmed line heads a reference list
// ("Bibliography", "References", "Works Cited"): a "[1]" list under it is
// numbered references, not notes.
func isReferencesHeading(s string) bool {
	if len(s) > 40 {
		return false
	}
	switch strings.ToLower(strings.TrimRight(s, ": .")) {
	case "bibliography", "bibliographie", "bibliografie", "bibliografía", "bibliografia",
		"references", "références", "referenzen", "works cited", "literature", "literatur",
		"literaturverzeichnis", "reference list", "sources", "select bibliography":
		return true
	}
	return false
}
