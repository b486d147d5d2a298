package notes

import "strings"

// maxFootnoteLines bounds a "[Footnote ...]" block whose closing bracket is
// missing: it then ends at its first blank line.
const maxFootnoteLines = 60

// findTranscribed reads the notes of transcribed books (Project Gutenberg,
// Distributed Proofreaders, Wikisource): "[Footnote 3: text]" blocks, one or
// more lines up to the closing bracket, anywhere in the text; and "[3] text"
// or "[A] text" paragraphs gathered under a "FOOTNOTES:" heading. Labels
// misread by OCR ("l4", "I4") are read as numbers; an opener without its
// colon ("[Footnote 3 text]") is accepted.
func findTranscribed(d *doc) ([]Note, []bool) {
	b := newBuilder(d)
	gathered := false // under a FOOTNOTES heading
	cur := -1
	for i := 0; i < len(d.lines); i++ {
		if d.skip[i] {
			gathered, cur = false, -1
			continue
		}
		line := d.lines[i]
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			continue
		}
		if label, rest, ok := footnoteOpener(trimmed); ok {
			i = readFootnoteBlock(d, b, i, label, rest)
			cur = -1
			continue
		}
		para := d.paragraphStart(i)
		if para && isFootnotesHeading(trimmed) {
			b.mark(-1, i)
			gathered, cur = true, -1
			continue
		}
		if gathered && para {
			if label, rest, ok := gatheredEntry(trimmed); ok {
				cur = b.start(i, label, labelNumber(label), rest)
				continue
			}
		}
		if cur >= 0 && (!para || leadingSpaces(line) >= 2) {
			b.add(cur, i, trimmed)
			continue
		}
		if gathered && para && d.isHeading(i) {
			gathered, cur = false, -1
			continue
		}
		cur = -1
		if para {
			gathered = false
		}
	}
	return b.result()
}

// readFootnoteBlock reads a "[Footnote ...]" block opening at line i and
// returns the index of its last line: the line with the closing bracket, or,
// when none comes within maxFootnoteLines, the end of the paragraph.
func readFootnoteBlock(d *doc, b *builder, i int, label, rest string) int {
	k := b.start(i, label, labelNumber(label), "")
	depth := 1 + bracketBalance(rest)
	end := i
	if depth > 0 {
		end = -1
		for j, dep := i+1, depth; j < len(d.lines) && j-i <= maxFootnoteLines && !d.skip[j]; j++ {
			if dep += bracketBalance(d.lines[j]); dep <= 0 {
				end = j
				break
			}
		}
		if end < 0 {
			end = i
			for end+1 < len(d.lines) && !d.blank(end+1) && !d.skip[end+1] {
				end++
			}
		}
	}
	b.add(k, i, closeBracket(rest, end == i))
	for j := i + 1; j <= end; j++ {
		if !d.blank(j) {
			b.add(k, j, closeBracket(d.lines[j], j == end))
		} else {
			b.mark(k, j)
		}
	}
	return end
}

// closeBracket trims s and, on the block's last line, removes the bracket
// that closes it.
func closeBracket(s string, last bool) string {
	s = strings.TrimSpace(s)
	if last {
		s = strings.TrimSuffix(s, "]")
	}
	return s
}

// bracketBalance is the number of '[' minus the number of ']' in s.
func bracketBalance(s string) int {
	return strings.Count(s, "[") - strings.Count(s, "]")
}

// footnoteOpener recognises "[Footnote 3: text", "[Footnote A: text" and
// the colonless "[Footnote 3 text" at the start of a trimmed line.
func footnoteOpener(s string) (label, rest string, ok bool) {
	const word = "[footnote"
	if len(s) < len(word)+2 || !strings.EqualFold(s[:len(word)], word) || s[len(word)] != ' ' {
		return "", "", false
	}
	s = strings.TrimLeft(s[len(word):], " ")
	end := strings.IndexAny(s, ": ]")
	if end < 0 {
		end = len(s)
	}
	label, ok = transcribedLabel(s[:end])
	if !ok {
		return "", "", false
	}
	rest = strings.TrimPrefix(s[end:], ":")
	return label, strings.TrimSpace(rest), true
}

// gatheredEntry recognises "[3] text" or "[A] text" under a FOOTNOTES
// heading, and "[Footnote 3: ...]" already handled by footnoteOpener.
func gatheredEntry(s string) (label, rest string, ok bool) {
	if !strings.HasPrefix(s, "[") {
		return "", "", false
	}
	end := strings.IndexByte(s, ']')
	if end < 2 {
		return "", "", false
	}
	label, ok = transcribedLabel(s[1:end])
	if !ok {
		return "", "", false
	}
	rest = strings.TrimSpace(s[end+1:])
	return label, rest, rest != ""
}

// isFootnotesHeading reports whether a trimmed line is "FOOTNOTES:" or
// "Footnotes".
func isFootnotesHeading(s string) bool {
	return strings.EqualFold(strings.TrimRight(s, ": ."), "footnotes")
}
