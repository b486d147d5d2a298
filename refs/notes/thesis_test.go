package notes

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/ibid-project/ibid/refs/text"
)

// thesisSkip skips the thesis's bibliography: from its "BIBLIOGRAPHY"
// heading (the last line that says only that) to the end.
func thesisSkip(doc *text.Text) func(int) bool {
	start := len(doc.Lines) + 1
	for i := len(doc.Lines) - 1; i >= 0; i-- {
		if strings.TrimSpace(doc.Lines[i]) == "BIBLIOGRAPHY" {
			start = i + 1
			break
		}
	}
	return func(line int) bool { return line >= start }
}

func thesis(t testing.TB) *text.Text {
	return readDoc(t, filepath.Join(sharedDir(t), "corpus", "thesis-serge-1991.txt"))
}

func TestThesisCounts(t *testing.T) {
	doc := thesis(t)
	res := Find(doc, thesisSkip(doc))
	if res.Form != FormPagefoot {
		t.Errorf("form = %q, want %q", res.Form, FormPagefoot)
	}
	perSeq := map[string]int{}
	var order []string
	continued, withMarker, markers := 0, 0, 0
	for _, n := range res.Notes {
		if perSeq[n.Seq] == 0 {
			order = append(order, n.Seq)
		}
		perSeq[n.Seq]++
		if n.Continued {
			continued++
		}
		if len(n.Markers) > 0 {
			withMarker++
		}
		markers += len(n.Markers)
	}
	for _, s := range order {
		t.Logf("sequence %-40q %4d notes", s, perSeq[s])
	}
	t.Logf("notes %d, continued %d, notes with a marker %d, markers matched %d", len(res.Notes), continued, withMarker, markers)
	for _, f := range res.Findings {
		t.Logf("finding %s line %d %s %d: %s", f.Code, f.Line, f.Seq, f.Number, f.Message)
	}

	// Account for every line that starts with a superscript digit: it opens
	// a note, or it opens the rest of a page-split note.
	skip := thesisSkip(doc)
	starts := map[int]bool{}
	for _, n := range res.Notes {
		starts[n.Line] = true
	}
	raw, opening, continuation := 0, 0, 0
	for i, l := range doc.Lines {
		if _, size := leadingSuperscript(l); size == 0 || skip(i+1) {
			continue
		}
		raw++
		switch {
		case starts[i+1]:
			opening++
		case res.NoteLine[i]:
			continuation++
		default:
			t.Errorf("line %d starts with a superscript number but is in no note: %.60q", i+1, l)
		}
	}
	detached := len(res.Notes) - opening
	t.Logf("lines starting with a superscript digit: %d = %d note starts + %d continuation parts; %d note(s) whose number OCR detached from the text", raw, opening, continuation, detached)
	if _, joins := continuedParts(res.Notes); joins != continuation {
		t.Errorf("%d continuation lines, but %d parts joined", continuation, joins)
	}
	if withMarker < len(res.Notes)*99/100 {
		t.Errorf("only %d of %d notes have a marker", withMarker, len(res.Notes))
	}
	for _, s := range order {
		if strings.HasPrefix(s, "seq") {
			t.Errorf("sequence %q is not named after a heading", s)
		}
	}
}

// continuedParts counts the continued notes and the parts joined to them
// (text parts that start on a later line than the one before them with a
// gap, i.e. beyond the first part).
func continuedParts(notes []Note) (continued, joins int) {
	for _, n := range notes {
		if !n.Continued {
			continue
		}
		continued++
		for k := 1; k < len(n.Lines); k++ {
			if n.Lines[k] > n.Lines[k-1]+1 {
				joins++
			}
		}
	}
	return continued, joins
}
