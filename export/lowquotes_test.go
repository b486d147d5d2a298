package export

import "testing"

// German low quotation marks become the ASCII that pdflatex's default
// encoding sets; with them as UTF-8 latex stops on "\quotedblbase
// unavailable in encoding OT1".
func TestLowQuotes(t *testing.T) {
	for _, ascii := range []bool{false, true} {
		if got, want := escapeTeX("„Digitale Quellen“ und ‚q‘", ascii), ",,Digitale Quellen"; got[:len(want)] != want {
			t.Errorf("escapeTeX(ascii=%v) = %q, want prefix %q", ascii, got, want)
		}
	}
}
