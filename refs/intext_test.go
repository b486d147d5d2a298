package refs

import (
	"slices"
	"strconv"
	"testing"
)

// groupsByByte is groups by its definition, one byte after another.
func groupsByByte(s string) []group {
	var out []group
	depth, start := 0, 0
	var open byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case depth == 0 && (c == '(' || c == '['):
			depth, start, open = 1, i, c
		case depth > 0 && c == open:
			depth++
		case depth > 0 && c == closer(open):
			depth--
			if depth == 0 {
				out = append(out, group{open: open, start: start, end: i + 1, inner: s[start+1 : i]})
			}
		}
	}
	return out
}

func FuzzGroups(f *testing.F) {
	for _, s := range []string{"", "(a)", "see (Serge 1951, [2]) and [3] (x", "((a) b) [c [d] e] (f]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := groups(s), groupsByByte(s); !slices.Equal(got, want) {
			t.Fatalf("groups(%q) = %v, want %v", s, got, want)
		}
	})
}

func FuzzAtoi(f *testing.F) {
	for _, s := range []string{"12", "-3", "+4", "+-5", "1964b", "", "99999999999999999999", "0x1", "1_000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := strconv.Atoi(s)
		if got, ok := atoi(s); ok != (err == nil) || ok && got != n {
			t.Fatalf("atoi(%q) = %d, %v; strconv.Atoi gives %d, %v", s, got, ok, n, err)
		}
	})
}
