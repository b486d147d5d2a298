package cite

import (
	"strings"
	"unicode"
)

// isDashes reports whether t is a run of dashes standing for the previous
// entry's names ("———", "---").
func isDashes(t string) bool {
	if t == "" {
		return false
	}
	for _, r := range t {
		if r != '—' && r != '-' && r != '–' && r != '_' {
			return false
		}
	}
	return true
}

// splitAuthorBlock cuts the segments of a bibliography entry's opening
// names where a sentence ends but the segmenter could not tell: after a
// role abbreviation ("Villar, dir. Afro-Latinx ...") and after a final
// initial ("Townsend, Anthony M. Smart Cities").
func (p *parser) splitAuthorBlock(i int) {
	for k := i; k < len(p.segs) && k < i+24 && p.segs[k].kind == plain; k++ {
		if k > i && !nameish(p.text(k-1)) {
			return // past the names: "Title, 1832–1858, ed. Don E. Fehrenbacher" names an editor
		}
		if k > i && p.splitLeadingRole(k) {
			return
		}
		if k == i+1 && p.segs[i].sep == ',' && isFamilyLike(p.text(i)) && p.splitAfterInitial(k) {
			return
		}
		if k > i+1 && p.lastInvertedName(i, k-1) && p.splitAfterInitial(k) {
			return // "Knopfmacher, A., and Warlimont, R. Distinct degree …"
		}
		if k > i && p.vancouverBefore(i, k) && p.splitAfterVancouverName(k) {
			return // "Collier T, Villette A. Analyse critique …"
		}
		if k == i+1 && p.segs[i].sep == ',' && isFamilyLike(p.text(i)) && p.splitYearAfterNames(k) {
			return // "Diewald, Gabriele 2002. A model …"
		}
		if p.segs[k].sep != ',' && p.segs[k].sep != ';' {
			return
		}
	}
}

// lastInvertedName reports whether segment j is the family name of the
// last author ("and Warlimont", "& Sidner", "P. and Cousot") of a list
// that opens inverted
// at segment i ("Knopfmacher, A."): the given names follow it.
func (p *parser) lastInvertedName(i, j int) bool {
	if first, _, _ := strings.Cut(strings.TrimSpace(p.text(i+1)), " "); p.segs[i].sep != ',' || p.segs[j].sep != ',' || !isFamilyLike(p.text(i)) || !isInitials(first) {
		return false
	}
	t := " " + p.text(j)
	for _, and := range []string{" and ", " & ", " und ", " et ", " y "} {
		// "and Warlimont", or "P. and Cousot" after the given names before
		if before, rest, ok := strings.Cut(t, and); ok {
			before = strings.TrimSpace(before)
			return (before == "" || isInitials(before)) && isFamilyLike(rest)
		}
	}
	// "Hazell, T.J.; DeGuire, J.R.; Weiler, H.A. Vitamin D", "Arbea, J.I.,
	// Mateos, E. 1991.": a family name after the initials of the name before
	return j > i+1 && isInitials(strings.TrimSpace(p.text(j-1))) && (p.segs[j-1].sep == ';' || p.segs[j-1].sep == ',') && isFamilyLike(p.text(j))
}

// splitYearAfterNames splits segment k, the given names after the first
// inverted family name of an author-date entry, where the year follows the
// names with no stop before it: "Gabriele
// 2002" becomes "Gabriele" and "2002"; "Tristram R. Kidder 2013 Building
// Mound A" also loses its title to a segment of its own.
func (p *parser) splitYearAfterNames(k int) bool {
	t := p.text(k)
	off := 0
	for off < len(t) {
		sp := strings.IndexByte(t[off:], ' ')
		if sp < 0 {
			return false
		}
		at := off + sp + 1 // a word starts here
		w, _, _ := strings.Cut(t[at:], " ")
		w = strings.TrimRight(w, ".,:;")
		if len(w) >= 4 && len(w) <= 5 && allDigits(w[:4]) && yearIn(w[:4]) > 0 && (len(w) == 4 || w[4] >= 'a' && w[4] <= 'z') {
			head := strings.TrimRight(t[:at], " ")
			if !nameish(head) {
				return false
			}
			yearEnd := at + len(w)
			rest := strings.TrimLeft(strings.TrimLeft(t[yearEnd:], ".,:;"), " ")
			if rest != "" && !isCapitalised(rest) {
				return false
			}
			if rest != "" {
				p.splitSeg(k, p.segs[k].start+yearEnd, p.segs[k].start+len(t)-len(rest), '.')
			}
			p.splitSeg(k, p.segs[k].start+len(head), p.segs[k].start+at, '.')
			return true
		}
		off = at
	}
	return false
}

// vancouverBefore reports whether segments i..k-1 are names written
// Vancouver style, family name then initials without stops ("Collier T",
// "Peters OA"), each followed by a comma.
func (p *parser) vancouverBefore(i, k int) bool {
	for j := i; j < k; j++ {
		var buf [8]string
		if p.segs[j].sep != ',' || !familyFirst(appendFields(buf[:0], p.text(j))) || strings.Contains(p.text(j), ".") {
			return false
		}
	}
	return true
}

// splitAfterVancouverName splits "Villette A. Analyse critique" in
// segment k after the last name's initials, when a capitalised title
// follows them.
func (p *parser) splitAfterVancouverName(k int) bool {
	t := p.text(k)
	fam, rest, ok := strings.Cut(t, " ")
	if !ok || !isFamilyLike(fam) {
		return false
	}
	ini, rest, ok := strings.Cut(rest, " ")
	if !ok || !strings.HasSuffix(ini, ".") || strings.Count(ini, ".") != 1 || !isInitials(strings.TrimSuffix(ini, ".")) || !isCapitalised(rest) {
		return false
	}
	end := len(fam) + 1 + len(ini) - 1 // the stop after the initials ends the names
	p.splitSeg(k, p.segs[k].start+end, p.segs[k].start+len(t)-len(rest), '.')
	return true
}

// splitLeadingRole splits "dir. Title" in segment k into the role and the
// rest; it reports whether it did.
func (p *parser) splitLeadingRole(k int) bool {
	if k >= len(p.segs) || p.segs[k].kind != plain {
		return false
	}
	t := p.text(k)
	sp := strings.IndexByte(t, ' ')
	if sp < 2 || t[sp-1] != '.' || roleWord(t[:sp]) == "" {
		return false
	}
	rest := strings.TrimLeft(t[sp:], " ")
	if rest == "" || !unicode.IsUpper(firstRune(rest)) && !strings.ContainsRune("“«„\"‘", firstRune(rest)) {
		return false
	}
	p.splitSeg(k, p.segs[k].start+sp-1, p.segs[k].start+len(t)-len(rest), '.')
	return true
}

// splitAfterInitial splits "Anthony M. Smart Cities" in segment k after
// the last initial of a given name; it reports whether it did.
func (p *parser) splitAfterInitial(k int) bool {
	t := p.text(k)
	var buf [4]string
	words, _ := fieldsUpTo(buf[:0], t) // the first four words: no more are read
	off := 0
	for n, w := range words {
		off = strings.Index(t[off:], w) + off + len(w)
		if n >= 3 {
			return false
		}
		if isInitials(w) && strings.HasSuffix(w, ".") && n+1 < len(words) && !isInitials(words[n+1]) {
			given := t[:off]
			if !isGivenLike(given) {
				return false
			}
			rest := strings.TrimLeft(t[off:], " ")
			if !isCapitalised(rest) && !opensWithYear(rest) {
				return false // "Ignace J. et al."
			}
			p.splitSeg(k, p.segs[k].start+off, p.segs[k].start+len(t)-len(rest), '.')
			return true
		}
	}
	return false
}

// splitSeg splits segment k into [start, end1) with separator sep and
// [start2, end).
func (p *parser) splitSeg(k, end1, start2 int, sep byte) {
	a := p.segs[k]
	b := a
	a.end, a.sep = end1, sep
	b.start = start2
	p.segs = append(p.segs[:k+1], p.segs[k:]...)
	p.segs[k], p.segs[k+1] = a, b
	p.used = append(p.used[:k+1], p.used[k:]...)
	p.used[k+1] = false
	p.stopCache = nil
}

// opensWithYear reports whether t opens with a year of publication, as an
// author-date entry does after its names ("C. L. 1986. Attention").
func opensWithYear(t string) bool {
	w, _, _ := strings.Cut(t, " ")
	return yearIn(strings.TrimRight(w, ".,")) > 0
}
