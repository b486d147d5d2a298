package notes

import "strings"

// findPagefoot reads page-foot notes: lines starting with superscript digits
// ("¹⁴Serge, Memoirs, p. 71."), and, after a separator rule, lines starting
// with plain digits ("14 " or "14. "). A note runs on over the following
// lines until a blank line, the next note, a rule, a page number or a new
// page. A "(continued...)" line ends the first part of a page-split note; a
// later "¹⁴(...continued)" opens its rest, which is joined to it.
func findPagefoot(d *doc) ([]Note, []bool) {
	b := newBuilder(d)
	cur := -1         // the note being read, or -1
	awaiting := false // cur is a continuation header whose text follows
	inFoot := false   // after a separator rule on this page
	lastInFoot := 0   // number of the last note under the rule
	lastNote, lastEnd := -1, -1
	for i := 0; i < len(d.lines); i++ {
		if d.skip[i] {
			cur, inFoot, awaiting = -1, false, false
			continue
		}
		if d.pageBreak[i] {
			cur, inFoot = -1, false
		}
		line := d.lines[i]
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			if !awaiting {
				cur, inFoot = -1, false
			}
			continue
		}
		if isSeparator(trimmed) {
			if next := i + 1 + boolInt(d.blank(i+1)); next < len(d.lines) && d.pageFootStart(next, -1) {
				b.mark(-1, i)
				inFoot, lastInFoot, cur, awaiting = true, -1, -1, false
				continue
			}
		}
		if label, number, rest, ok := d.pagefootNoteStart(i, inFoot, lastInFoot); ok {
			if inFoot {
				lastInFoot = number
			}
			rest, split := cutContinuedOut(rest)
			cur, awaiting = startOrContinue(b, i, label, number, rest)
			if split {
				cur, awaiting = -1, false
			}
			lastNote, lastEnd = cur, i
			continue
		}
		if cur < 0 && lastNote >= 0 && d.detachedNumber(i, b.notes[lastNote].Number) {
			cur, awaiting = b.start(i, trimmed, b.notes[lastNote].Number+1, ""), true
			lastNote, lastEnd = cur, i
			continue
		}
		if continuedOut(trimmed) && lastNote >= 0 && (cur == lastNote || i-lastEnd <= 2) {
			b.mark(lastNote, i)
			cur, awaiting = -1, false
			continue
		}
		if cur < 0 {
			continue
		}
		if isPageNumber(trimmed) {
			cur, awaiting = -1, false
			continue
		}
		text, split := cutContinuedOut(trimmed)
		b.add(cur, i, text)
		lastEnd = i
		awaiting = false
		if split {
			cur = -1
		}
	}
	return b.result()
}

// startOrContinue opens a note at line i, or, when rest starts with a
// continuation tag, reopens the recent note with the same label. It returns
// the note's index and whether its text is still to come (an empty header).
func startOrContinue(b *builder, i int, label string, number int, rest string) (int, bool) {
	if after, ok := continuedIn(rest); ok {
		if k := b.lastWithLabel(label, 4); k >= 0 {
			b.notes[k].Continued = true
			b.mark(k, i)
			b.add(k, i, after)
			return k, after == ""
		}
		rest = after
	}
	k := b.start(i, label, number, rest)
	return k, rest == ""
}

// pagefootNoteStart recognises the first line of a page-foot note: a
// superscript number at the start of the line, or, under a separator rule,
// a plain number followed by a space or ". " and text, plausibly next after
// the last note under the rule (last < 0: the first note under the rule).
func (d *doc) pagefootNoteStart(i int, inFoot bool, last int) (label string, number int, rest string, ok bool) {
	s := d.lines[i]
	s = s[leadingSpaces(s):]
	if n, size := leadingSuperscript(s); size > 0 {
		return itoa(n), n, strings.TrimSpace(s[size:]), true
	}
	if !inFoot {
		return "", 0, "", false
	}
	n, size := leadingDigits(s)
	if size == 0 || n == 0 || (last >= 0 && (n <= last || n > last+3)) {
		return "", 0, "", false
	}
	rest = s[size:]
	rest = strings.TrimPrefix(rest, ".")
	if rest == "" || rest[0] != ' ' {
		return "", 0, "", false
	}
	rest = strings.TrimSpace(rest)
	if rest == "" {
		return "", 0, "", false
	}
	return itoa(n), n, rest, true
}

// pageFootStart reports whether line i opens a page-foot note under a rule.
func (d *doc) pageFootStart(i, last int) bool {
	_, _, _, ok := d.pagefootNoteStart(i, true, last)
	return ok
}

// detachedLookahead is how far detachedNumber looks for the next note.
const detachedLookahead = 40

// detachedNumber recognises a note number that OCR read as plain digits on a
// line of their own, the note text following as the next paragraph: the
// line holds only the number after last, stands alone at the left margin,
// and the next superscript note within a few lines is numbered one more.
// (A page number in that place would have to match both numbers.)
func (d *doc) detachedNumber(i, last int) bool {
	s := d.lines[i]
	n, size := leadingDigits(s)
	if size == 0 || size != len(s) || n != last+1 || !d.paragraphStart(i) || !d.blank(i+1) {
		return false
	}
	text := i + 2
	if d.blank(text) {
		return false
	}
	if _, size := leadingSuperscript(d.lines[text]); size > 0 {
		return false
	}
	for j := text + 1; j < len(d.lines) && j <= i+detachedLookahead; j++ {
		if next, size := leadingSuperscript(d.lines[j]); size > 0 {
			return next == n+1
		}
	}
	return false
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
