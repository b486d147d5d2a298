package biblio

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestThesisBibliography reads the OCR'd 1991 thesis and checks its
// bibliography's structure. Counting rule: every numbered, lettered,
// dashed or plain reference is one entry; each "- " item under a numbered
// collection ("Correspondence held at …:") is one entry whose Group is
// that item; each article under a periodical header is one entry whose
// Group is the periodical; headings, periodical headers, lead-in lines and
// explanatory paragraphs are not entries. Run with -v for the figures.
func TestThesisBibliography(t *testing.T) {
	doc := readDoc(t, filepath.Join(sharedDir(t), "corpus", "thesis-serge-1991.txt"))
	bs := Find(doc, nil)
	if len(bs) != 1 {
		t.Fatalf("found %d bibliographies, want 1", len(bs))
	}
	b := bs[0]
	if isTOCLine(doc.Lines[b.Line-1]) {
		t.Errorf("bibliography starts at table-of-contents line %d", b.Line)
	}
	if b.EndLine < b.Line || b.EndLine > len(doc.Lines) {
		t.Errorf("bibliography lines %d-%d", b.Line, b.EndLine)
	}
	t.Logf("heading %q, lines %d-%d, %d headings, %d entries", b.Heading, b.Line, b.EndLine, len(b.Headings), len(b.Entries))

	checkHeadingSequences(t, b.Headings)
	checkEntryInvariants(t, b, true)

	perTop := map[string]int{}
	var order []string
	grouped, inherited, labelled := 0, 0, 0
	groups := map[string]bool{}
	for _, e := range b.Entries {
		top := "(none)"
		if len(e.Section) > 0 {
			top = e.Section[0]
		}
		if _, ok := perTop[top]; !ok {
			order = append(order, top)
		}
		perTop[top]++
		if e.Group != "" {
			grouped++
			groups[e.Group] = true
		}
		if e.Author != "" {
			inherited++
		}
		if e.Label != "" {
			labelled++
		}
	}
	for _, top := range order {
		t.Logf("  %-45s %4d entries", top, perTop[top])
	}
	t.Logf("labelled %d, in a group %d (%d groups), inherited author %d", labelled, grouped, len(groups), inherited)
	if len(perTop) < 4 {
		t.Errorf("entries fall under %d top-level sections, want the 4 roman ones", len(perTop))
	}
	if len(groups) < 20 {
		t.Errorf("%d groups; the journalism section lists its articles under some 30 periodicals", len(groups))
	}
}

// checkHeadingSequences asserts that the headings of each level and parent
// run in label order (I, II, III …; A, B, C …), which also tests that "I."
// after "H." is read as a letter.
func checkHeadingSequences(t *testing.T, hs []Heading) {
	t.Helper()
	last := map[int]string{}
	for _, h := range hs {
		for lv := range last {
			if lv > h.Level {
				delete(last, lv)
			}
		}
		if h.Label == "" {
			continue
		}
		if prev, ok := last[h.Level]; ok && !follows(prev, h.Label) {
			t.Errorf("heading %q (line %d, level %d) does not follow %q", h.Label+". "+h.Title, h.Line, h.Level, prev)
		}
		last[h.Level] = h.Label
	}
	if len(hs) == 0 || hs[0].Label != "I" || hs[0].Level != 1 {
		t.Errorf("first heading %+v, want roman I at level 1", hs)
	}
}

// follows reports whether label b comes right after a (I→II, H→I, 1→2).
func follows(a, b string) bool {
	if ra, rb := romanValue(a), romanValue(b); ra > 0 && rb == ra+1 {
		return true
	}
	if len(a) == 1 && len(b) == 1 && b[0] == a[0]+1 {
		return true
	}
	return allDigits(a) && allDigits(b) && len(a) <= len(b) && a < b
}

// checkEntryInvariants asserts what must hold of any parsed bibliography:
// entries in order inside the bibliography, no entry on a heading line, no
// empty entry, every line listed once; and, when repeatsHeading is set
// (a real document), no entry repeating a heading's text.
func checkEntryInvariants(t testing.TB, b Bibliography, repeatsHeading bool) {
	t.Helper()
	headingLine := map[int]bool{}
	headingText := map[string]bool{}
	for _, h := range b.Headings {
		headingLine[h.Line] = true
		headingText[h.Title] = true
	}
	seen := map[int]bool{}
	prev := b.Line
	for _, e := range b.Entries {
		if strings.TrimSpace(e.Raw) == "" {
			t.Errorf("entry at line %d is empty", e.Line)
		}
		if e.Line <= b.Line || e.EndLine > b.EndLine || e.Line > e.EndLine {
			t.Errorf("entry lines %d-%d outside bibliography %d-%d", e.Line, e.EndLine, b.Line, b.EndLine)
		}
		if len(e.Lines) == 0 || e.Lines[0] != e.Line || e.Lines[len(e.Lines)-1] != e.EndLine {
			t.Errorf("entry %d-%d lists lines %v", e.Line, e.EndLine, e.Lines)
		}
		for _, l := range e.Lines {
			if l <= prev {
				t.Errorf("entry line %d out of order (after %d)", l, prev)
			}
			if headingLine[l] {
				t.Errorf("entry %q holds heading line %d", e.Raw, l)
			}
			if seen[l] {
				t.Errorf("line %d in two entries", l)
			}
			seen[l] = true
			prev = l
		}
		if repeatsHeading && headingText[e.Raw] {
			t.Errorf("entry at line %d repeats a heading: %q", e.Line, e.Raw)
		}
		if len(e.Section) > len(b.Headings) {
			t.Errorf("entry at line %d has %d sections, more than %d headings", e.Line, len(e.Section), len(b.Headings))
		}
	}
}
