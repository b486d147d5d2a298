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
}
