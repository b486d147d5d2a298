package cite

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParse(f *testing.F) {
	for _, tc := range entryTests {
		f.Add(tc.in, false)
	}
	for _, tc := range noteTests {
		f.Add(tc.in, true)
	}
	for _, s := range []string{"", "(", "“", "*", "[1]", "p.", "Ibid.", "a, b; c. d: e", "‘’", "«»", "http://", "doi: 10."} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, note bool) {
		kind := Entry
		if note {
			kind = Note
		}
		r := Parse(s, kind)
		if r.Item.Type == "" {
			t.Fatalf("Parse(%q): no type", s)
		}
		for field, sp := range r.Spans {
			if sp.Start < 0 || sp.End > len(s) || sp.Start > sp.End {
				t.Fatalf("Parse(%q): span %s = %v out of bounds", s, field, sp)
			}
			v := verbatimValue(field, &r)
			if v == "" || !utf8.ValidString(s) {
				continue
			}
			first := strings.Trim(strings.Fields(v)[0], ",;:.")
			if !strings.Contains(stripEmphasis(s[sp.Start:sp.End]), stripEmphasis(first)) {
				t.Fatalf("Parse(%q): span %s %q lacks %q", s, field, s[sp.Start:sp.End], first)
			}
		}
	})
}

func FuzzSplit(f *testing.F) {
	for _, tc := range noteTests {
		f.Add(tc.in)
	}
	for _, s := range []string{"", ";", "See", "Ibid.; Ibid.", "(Hereafter, X)", "“a. B.” C; d", "'x.' Y, p. 1.",
		"Carr, Interregnum, p. 218, and Deutscher, Vol. 2, pp. 142-145.", "A b c d e f g: \"T,\" J, p. 2.",
		"Titled \"T,\" J, p. 1.", "X's life of Y, Z, 1917.", "a b c d. (M, p. 3)", "a b c d e (M, p. 3; N, p. 4).",
		"T, 1937. Cited below as FGM.", "see various letters, X Papers, Y Library.", "Greeman, ibid., p, 155.",
		"Although he says so, he calls it an error, Hale, Tides, p. 12."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, note string) {
		prevEnd := 0
		for _, pc := range Split(note) {
			if pc.Start < prevEnd {
				t.Fatalf("Split(%q): piece %+v overlaps the one before", note, pc)
			}
			prevEnd = pc.End
			if pc.Start < 0 || pc.End > len(note) || pc.Start > pc.End {
				t.Fatalf("Split(%q): piece %+v out of bounds", note, pc)
			}
			if pc.Back != "" && pc.Back != BackIbid && pc.Back != BackOpCit && pc.Back != BackLocCit {
				t.Fatalf("Split(%q): unknown back form %q", note, pc.Back)
			}
			Parse(pc.Text, Note)
		}
	})
}

// benchRefs is a mix of entries and notes in the shapes of the styles.
var benchRefs = func() []string {
	var out []string
	for _, tc := range entryTests {
		out = append(out, tc.in)
	}
	for _, tc := range noteTests {
		out = append(out, tc.in)
	}
	return out
}()

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		s := benchRefs[n%len(benchRefs)]
		kind := Entry
		if n%2 == 1 {
			kind = Note
		}
		Parse(s, kind)
		n++
	}
}

func BenchmarkSplit(b *testing.B) {
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		Split(benchRefs[n%len(benchRefs)])
		n++
	}
}
