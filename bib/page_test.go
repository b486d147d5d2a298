package bib

import "testing"

func TestNormalizePage(t *testing.T) {
	tests := []struct{ in, want string }{
		{"312–14", "312-314"},
		{"1096–167", "1096-1167"},
		{"93–96", "93-96"},
		{"347‑57", "347-357"},
		{"5", "5"},
		{"107-", "107-"},
		{"12–14, 18–9", "12-14, 18-19"},
		{"xii–xv", "xii-xv"},
		{"199–201", "199-201"},
		{"98-102", "98-102"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := NormalizePage(tt.in); got != tt.want {
			t.Errorf("NormalizePage(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
