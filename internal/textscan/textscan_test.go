package textscan

import (
	"strings"
	"testing"
)

func FuzzFieldCount(f *testing.F) {
	for _, s := range []string{"", "a b", "  Serge,  Memoirs\tp. 71 ", "é\u00a0x\u2003y", "\xff a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := FieldCount(s), len(strings.Fields(s)); got != want {
			t.Fatalf("FieldCount(%q) = %d, want %d", s, got, want)
		}
	})
}

func TestHasPrefixFold(t *testing.T) {
	tests := []struct {
		s, prefix string
		want      bool
	}{
		{"Interview with X", "interview", true}, {"INTERVIEW", "interview", true}, {"Inter", "interview", false},
		{"Ibid., p. 3", "ibid", true}, {"Über", "uber", false}, {"", "a", false}, {"abc", "", true},
	}
	for _, tt := range tests {
		if got := HasPrefixFold(tt.s, tt.prefix); got != tt.want {
			t.Errorf("HasPrefixFold(%q, %q) = %v, want %v", tt.s, tt.prefix, got, tt.want)
		}
	}
}

func FuzzContainsFold(f *testing.F) {
	f.Add("Interview with X", "interview")
	f.Add("conversation WITH", "with")
	f.Fuzz(func(t *testing.T, s, sub string) {
		if !IsASCII(s) || !IsASCII(sub) || strings.ToLower(sub) != sub {
			return
		}
		if got, want := ContainsFold(s, sub), strings.Contains(strings.ToLower(s), sub); got != want {
			t.Fatalf("ContainsFold(%q, %q) = %v, want %v", s, sub, got, want)
		}
	})
}

// containsFoldByByte is ContainsFold trying every offset.
func containsFoldByByte(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && lowerByte(s[i+j]) == sub[j] {
			j++
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

func FuzzContainsFoldBytes(f *testing.F) {
	f.Add("Interview with X", "interview")
	f.Add("translated by É", "transl")
	f.Add("aaA", "aa")
	f.Fuzz(func(t *testing.T, s, sub string) {
		if strings.ToLower(sub) != sub || !IsASCII(sub) {
			return
		}
		if got, want := ContainsFold(s, sub), containsFoldByByte(s, sub); got != want {
			t.Fatalf("ContainsFold(%q, %q) = %v, want %v", s, sub, got, want)
		}
	})
}

func FuzzFieldCountUpTo(f *testing.F) {
	for _, s := range []string{"", " ", "a b c", " a\u00a0b\u2003c  d ", "one two three four five six seven eight nine"} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, limit int) {
		limit = abs(limit % 30)
		if got, want := FieldCountUpTo(s, limit), min(FieldCount(s), limit+1); got != want {
			t.Fatalf("FieldCountUpTo(%q, %d) = %d, want %d", s, limit, got, want)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
