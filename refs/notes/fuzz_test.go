package notes

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ibid-project/ibid/refs/text"
)

func FuzzFind(f *testing.F) {
	inputs, _ := filepath.Glob("testdata/*.*")
	for _, in := range inputs {
		if data, err := os.ReadFile(in); err == nil && filepath.Ext(in) != ".json" {
			f.Add(data)
		}
	}
	for _, c := range scanTable {
		f.Add([]byte(c.line))
	}
	f.Add([]byte("¹⁴(...continued)\n\n(continued...)\n[Footnote 3: open\n[^a]: x\n\f12 y\n_____\n1 a\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := text.Decode("fuzz", data)
		if err != nil {
			return
		}
		res := Find(doc, func(line int) bool { return line%7 == 0 })
		checkInvariants(t, doc, res)
	})
}

// checkInvariants asserts what holds of every Result.
func checkInvariants(t *testing.T, doc *text.Text, res Result) {
	t.Helper()
	n := len(doc.Lines)
	if len(res.NoteLine) != n {
		t.Fatalf("NoteLine has %d entries for %d lines", len(res.NoteLine), n)
	}
	if (res.Form == "") != (len(res.Notes) == 0) {
		t.Errorf("form %q with %d notes", res.Form, len(res.Notes))
	}
	prevLine := 0
	for _, note := range res.Notes {
		if note.Line < 1 || note.Line > note.EndLine || note.EndLine > n {
			t.Errorf("note %s: lines %d-%d outside 1-%d", note.Label, note.Line, note.EndLine, n)
		}
		if note.Line < prevLine {
			t.Errorf("note at line %d after a note at line %d", note.Line, prevLine)
		}
		prevLine = note.Line
		if note.Seq == "" {
			t.Errorf("note at line %d has no sequence", note.Line)
		}
		for k, l := range note.Lines {
			if l < note.Line || l > note.EndLine || (k > 0 && l <= note.Lines[k-1]) {
				t.Errorf("note at line %d: Lines %v not sorted within %d-%d", note.Line, note.Lines, note.Line, note.EndLine)
				break
			}
			if !res.NoteLine[l-1] {
				t.Errorf("note line %d not marked in NoteLine", l)
			}
		}
		for _, m := range note.Markers {
			if m < 1 || m > n || res.NoteLine[m-1] {
				t.Errorf("note at line %d: marker line %d out of range or inside a note", note.Line, m)
			}
		}
	}
	for k, f := range res.Findings {
		if f.Line < 1 || f.Line > n {
			t.Errorf("finding %s at line %d outside 1-%d", f.Code, f.Line, n)
		}
		if k > 0 && f.Line < res.Findings[k-1].Line {
			t.Errorf("findings not sorted by line")
		}
	}
}

// headingTextEveryCaret is headingText as it was before it looked for a
// caret only on a line ending with a digit: FuzzHeadingText holds the two
// to one text.
func headingTextEveryCaret(s string) string {
	s = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(s), "#"))
	for {
		t := strings.TrimRight(s, "⁰¹²³⁴⁵⁶⁷⁸⁹ ")
		if strings.HasSuffix(t, "]") {
			if open := strings.LastIndexByte(t, '['); open > 0 && !strings.ContainsAny(t[open+1:len(t)-1], " ") {
				t = t[:open]
			}
		}
		if caret := strings.LastIndexByte(t, '^'); caret > 0 {
			if _, size := leadingDigits(t[caret+1:]); size > 0 && caret+1+size == len(t) {
				t = t[:caret]
			}
		}
		t = strings.TrimSpace(t)
		if t == s {
			return s
		}
		s = t
	}
}

func FuzzHeadingText(f *testing.F) {
	for _, s := range []string{"", "# Notes", "Chapter One¹", "Introduction^3", "Title [^2]", "a^b^12", "x^123456789012", "^3", "Notes [3] ^4 ²"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := headingText(s), headingTextEveryCaret(s); got != want {
			t.Fatalf("headingText(%q) = %q, want %q", s, got, want)
		}
	})
}
