package bibtex

import (
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ibid-project/ibid/bib"
)

// FuzzParse checks that no input panics or exits the process, that errors
// are *Error values naming the file, and that entries are in file order with
// valid lines and convert to CSL items of known types.
func FuzzParse(f *testing.F) {
	for _, tt := range parseErrorTests {
		f.Add(tt.src)
	}
	for _, s := range []string{
		"@book{k, title = foo}", // undefined macro
		"@string{a = b}",        // undefined macro in @string
		"@string{foo = \" and \"}\n@book{k, title = \"A\" # foo # {B}}",
		"@book{k, title = {\\'e\\c{c}\\v{s}{\\ss}$x^2$}, author = {van Berg, Jr, J. and {WHO}}}",
		"@a{b, c = {d}", // leaves nickng mid-field
		"@a{b,c=\"d\"}\n\nfree text\n@b{e,f={g}}",
		"@book(k, title = {T},)",
		"@comment{unbalanced",
		"@book{k, note = {a@b}, year = {c. 1922--27}, month = {Sept.}, date = {1999-13/}}",
		"\x00@\xff{\x00, =}",
	} {
		f.Add(s)
	}
	if data, err := os.ReadFile("testdata/sample.bib"); err == nil {
		f.Add(string(data))
	}
	f.Fuzz(func(t *testing.T, src string) {
		entries, err := Parse("fuzz.bib", strings.NewReader(src))
		if err != nil {
			var perr *Error
			if !errors.As(err, &perr) || perr.File != "fuzz.bib" {
				t.Fatalf("error %v (%T) is not an *Error for fuzz.bib", err, err)
			}
			if strings.Contains(perr.Msg, "internal parser error") {
				t.Fatalf("nickng disagreed with the lexer: %v", err)
			}
			return
		}
		lines := strings.Count(src, "\n") + 1
		prev := 0
		for _, e := range entries {
			if e.Line < 1 || e.Line > lines || e.Line < prev {
				t.Fatalf("entry %q at line %d (file has %d, previous %d)", e.Key, e.Line, lines, prev)
			}
			prev = e.Line
			for name, v := range e.Fields {
				if !utf8.ValidString(v) {
					t.Fatalf("field %s is not UTF-8: %q", name, v)
				}
			}
		}
		items := Items(entries)
		if len(items) != len(entries) {
			t.Fatalf("%d items for %d entries", len(items), len(entries))
		}
		for _, it := range items {
			if !bib.Types[it.Type] {
				t.Fatalf("item %q has type %q, not a CSL type", it.ID, it.Type)
			}
		}
	})
}

// FuzzTeXToUnicode checks that conversion never panics, keeps text valid
// UTF-8 and leaves no braces that were not escaped.
func FuzzTeXToUnicode(f *testing.F) {
	for _, s := range []string{`{\'e}`, `\c{c}`, `\v`, `\`, `$\alpha`, `{{{`, `\'{\i}`, `\~{}`, "--- ~ ``x''"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := TeXToUnicode(s)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("TeXToUnicode(%q) = %q is not UTF-8", s, out)
		}
		if !strings.Contains(s, `\{`) && !strings.Contains(s, `\}`) && strings.ContainsAny(out, "{}") {
			t.Fatalf("TeXToUnicode(%q) = %q keeps a brace", s, out)
		}
	})
}
