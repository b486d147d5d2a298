package export

import (
	"regexp"
	"strings"
	"testing"

	"github.com/ibid-project/ibid/bib"
)

func TestEscapeTeX(t *testing.T) {
	for _, tc := range []struct {
		in, want, ascii string
	}{
		{in: "Rowman & Littlefield", want: `Rowman \& Littlefield`},
		{in: "100% of $5, #1, a_b", want: `100\% of \$5, \#1, a\_b`},
		{in: "~^\\", want: `\textasciitilde{}\textasciicircum{}\textbackslash{}`},
		{in: "a {b} c", want: `a \{b\} c`},
		{in: "a } b {", want: `a \textbraceright{} b \textbraceleft{}`},
		{in: "{{x}", want: `\textbraceleft{}\{x\}`},
		{in: "mail@example.org", want: `mail\/@example.org`},
		{in: "line\nbreak\t tab\x00nul\x1b", want: "line break tabnul"},
		{in: "  padded  ", want: "padded"},
		{in: "Révolution, Łódź, ß", want: "Révolution, Łódź, ß", ascii: `R{\'e}volution, {\L}{\'o}d{\'z}, {\ss}`},
		{in: "Ça, ñ, ş, ő, ě", want: "Ça, ñ, ş, ő, ě", ascii: `{\c C}a, {\~n}, {\c s}, {\H o}, {\v e}`},
		{in: "Việt", want: "Việt", ascii: `Vi{\^{\d{e}}}t`},
		{in: "“Quoted” – dash", want: "“Quoted” – dash", ascii: "``Quoted'' -- dash"},
		{in: "Русская עברית", want: "Русская עברית", ascii: "Русская עברית"},
	} {
		if got := escapeTeX(tc.in, false); got != tc.want {
			t.Errorf("escapeTeX(%q) = %q, want %q", tc.in, got, tc.want)
		}
		wantASCII := tc.ascii
		if wantASCII == "" {
			wantASCII = tc.want
		}
		if got := escapeTeX(tc.in, true); got != wantASCII {
			t.Errorf("escapeTeX(%q, ascii) = %q, want %q", tc.in, got, wantASCII)
		}
	}
}

// ourCommands are the only control sequences the writer itself emits.
var ourCommands = map[string]bool{
	"textbackslash": true, "textasciitilde": true, "textasciicircum": true,
	"textbraceleft": true, "textbraceright": true, "ldots": true,
	"ss": true, "o": true, "O": true, "ae": true, "AE": true, "oe": true, "OE": true,
	"aa": true, "AA": true, "l": true, "L": true, "i": true,
	"c": true, "u": true, "r": true, "H": true, "v": true, "d": true, "k": true, "b": true,
}

var controlWord = regexp.MustCompile(`\\([A-Za-z]+)`)

// TestHostileStringsInert writes works made of TeX and BibTeX syntax and
// checks that no control word of the input survives, braces balance, and
// every field stays on its own line.
func TestHostileStringsInert(t *testing.T) {
	hostile := []string{
		`\input{/etc/passwd}`, `}`, `{`, `}{`, `%`, `@comment{x}`, `@book{evil,`,
		"\x00\x01\x1b[31m", `\def\x{y}\x`, `$\alpha$`, `\\`, `\end{document}`,
		"title = {x}\n@misc{y,", `\csname relax\endcsname`, `\'e \"o`,
	}
	var works []bib.Work
	for i, h := range hostile {
		works = append(works, bib.Work{ID: string(rune('a' + i)), Item: bib.Item{
			Type: "book", Title: h, Author: []bib.Name{{Family: h, Given: h}, {Literal: h}},
			Publisher: h, Note: h, URL: "http://x/" + h, Issued: &bib.Date{Literal: h},
		}})
	}
	for _, opt := range []Options{{}, {ASCII: true}} {
		out, _ := writeBoth(t, works, opt)
		for _, v := range fieldValues(string(out)) {
			if !bracesBalance(v) {
				t.Errorf("unbalanced braces in value %q", v)
			}
			for _, m := range controlWord.FindAllStringSubmatch(v, -1) {
				if !ourCommands[m[1]] {
					t.Errorf("control word \\%s survived in %q", m[1], v)
				}
			}
		}
		entries := 0
		for _, line := range strings.Split(string(out), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "@") {
				entries++
			}
		}
		if entries != len(works) {
			t.Errorf("%d lines start with @, want %d (one per entry)", entries, len(works))
		}
		bt, err := parseNickng(out)
		if err != nil {
			t.Fatalf("nickng/bibtex: %v\n%s", err, out)
		}
		if len(bt.Entries) != len(works) {
			t.Errorf("nickng read %d entries, want %d", len(bt.Entries), len(works))
		}
	}
}

func TestTexASCII(t *testing.T) {
	for r, want := range map[rune]string{
		'é': `{\'e}`, 'É': `{\'E}`, 'à': "{\\`a}", 'ü': `{\"u}`, 'ç': `{\c c}`, 'ñ': `{\~n}`,
		'ø': `{\o}`, 'ß': `{\ss}`, 'å': `{\aa}`, 'ı': `{\i}`, 'ǎ': `{\v a}`, 'ą': `{\k a}`,
		'í': `{\'i}`, 'α': "α", '文': "文",
	} {
		if got := texASCII(r); got != want {
			t.Errorf("texASCII(%q) = %q, want %q", r, got, want)
		}
	}
}

func TestArabicVolume(t *testing.T) {
	tests := []struct{ in, want string }{
		{"IX", "9"}, {"v", "5"}, {"XLIV", "44"}, {"MCMXC", "1990"}, {"12", "12"}, {"IIII", "IIII"},
		{"VX", "VX"}, {"2a", "2a"}, {"Vol", "Vol"}, {"", ""}, {"I", "1"}, {"C", "100"}, {"Civ", "104"},
	}
	for _, tt := range tests {
		if got := arabicVolume(tt.in); got != tt.want {
			t.Errorf("arabicVolume(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestOrigDate(t *testing.T) {
	tests := []struct {
		in   *bib.Date
		want string
	}{
		{nil, ""},
		{&bib.Date{DateParts: [][]int{{1836}}}, "1836"},
		{&bib.Date{DateParts: [][]int{{1836, 5}}}, "1836-05"},
		{&bib.Date{DateParts: [][]int{{1836, 5, 9}}}, "1836-05-09"},
		{&bib.Date{DateParts: [][]int{{1836}, {1840}}}, ""}, // a range is not written
		{&bib.Date{Literal: "n.d."}, ""},
	}
	for _, tt := range tests {
		if got := origDate(tt.in); got != tt.want {
			t.Errorf("origDate(%+v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
