package notes

import (
	"strings"
	"unicode/utf8"
)

// marker is an in-text note marker.
type marker struct {
	line  int // 1-based
	label string
}

// scanMarkers collects the markers of body lines: lines that are neither
// note lines nor skipped.
func scanMarkers(d *doc, noteLine []bool, scan func(line string, emit func(col int, label string))) []marker {
	var out []marker
	// one closure for every line, told the line it is scanning
	line := 0
	emit := func(_ int, label string) {
		out = append(out, marker{line: line, label: label})
	}
	for i, l := range d.lines {
		if noteLine[i] || d.skip[i] {
			continue
		}
		line = i + 1
		scan(l, emit)
	}
	return out
}

// superscriptMarkers emits every run of superscript digits in line.
func superscriptMarkers(line string, emit func(col int, label string)) {
	// Superscript digits start with the bytes 0xC2 or 0xE2, which no
	// other byte of a rune is: the line is read from one to the next.
	nextC2, nextE2 := -1, -1 // where each was found last, at or after i
	for i := 0; i < len(line); {
		if nextC2 < i {
			nextC2 = indexByteFrom(line, i, 0xC2)
		}
		if nextE2 < i {
			nextE2 = indexByteFrom(line, i, 0xE2)
		}
		if i = min(nextC2, nextE2); i == len(line) {
			return
		}
		n, size := leadingSuperscript(line[i:])
		if size == 0 {
			_, w := utf8.DecodeRuneInString(line[i:])
			i += w
			continue
		}
		emit(i, itoa(n))
		i += size
	}
}

// indexByteFrom returns the offset of the first c in s at or after i, or
// len(s) when there is none.
func indexByteFrom(s string, i int, c byte) int {
	if k := strings.IndexByte(s[i:], c); k >= 0 {
		return i + k
	}
	return len(s)
}

// endnoteMarkers emits "[12]" attached to the preceding text ("word.[12]"),
// "^12" and superscript numbers.
func endnoteMarkers(line string, emit func(col int, label string)) {
	superscriptMarkers(line, emit)
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '[':
			if i == 0 || line[i-1] == ' ' || line[i-1] == '\t' {
				continue
			}
			if n, size := leadingDigits(line[i+1:]); size > 0 && i+1+size < len(line) && line[i+1+size] == ']' {
				emit(i, itoa(n))
			}
		case '^':
			if n, size := leadingDigits(line[i+1:]); size > 0 {
				emit(i, itoa(n))
			}
		}
	}
}

// markdownMarkers emits pandoc footnote references "[^label]".
func markdownMarkers(line string, emit func(col int, label string)) {
	for i := 0; i+2 < len(line); i++ {
		if line[i] != '[' || line[i+1] != '^' {
			continue
		}
		end := strings.IndexByte(line[i+2:], ']')
		if end <= 0 {
			continue
		}
		label := line[i+2 : i+2+end]
		if strings.ContainsAny(label, " \t[") {
			continue
		}
		emit(i, label)
	}
}

// transcribedMarkers emits "[12]" and "[A]" anchors, reading the OCR
// confusions "[l4]" and "[I4]" as 14.
func transcribedMarkers(line string, emit func(col int, label string)) {
	for i := 0; i < len(line); i++ {
		if line[i] != '[' {
			continue
		}
		end := strings.IndexByte(line[i+1:], ']')
		if end <= 0 || end > maxDigits {
			continue
		}
		if label, ok := transcribedLabel(line[i+1 : i+1+end]); ok {
			emit(i, label)
		}
	}
}

// transcribedLabel normalises a transcribed note label: digits (with l, I
// and O misread for 1, 1 and 0 when a real digit is present) or a single
// capital letter.
func transcribedLabel(s string) (string, bool) {
	if len(s) == 1 && s[0] >= 'A' && s[0] <= 'Z' {
		return s, true
	}
	if s == "" || len(s) > maxDigits {
		return "", false
	}
	var b strings.Builder
	digit := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			b.WriteByte(c)
			digit = true
		case c == 'l' || c == 'I':
			b.WriteByte('1')
		case c == 'O':
			b.WriteByte('0')
		default:
			return "", false
		}
	}
	if !digit {
		return "", false
	}
	n, _ := leadingDigits(b.String())
	if n == 0 {
		return "", false
	}
	return itoa(n), true
}

// labelNumber is the number a label stands for: its value, or A=1, B=2.
func labelNumber(label string) int {
	if n, size := leadingDigits(label); size > 0 && size == len(label) {
		return n
	}
	if len(label) == 1 && label[0] >= 'A' && label[0] <= 'Z' {
		return int(label[0]-'A') + 1
	}
	return 0
}
