package bibtex

import (
	"errors"
	"strings"
	"testing"
)

// parseErrorTests pin the exact messages of malformed input.
var parseErrorTests = []struct{ name, src, want string }{
	{"unclosed entry", "@book{k,\n title = {T},\n", `t.bib:1: entry "k" is not closed`},
	{"next entry starts", "@book{a, title = {T}\n\n@book{b, title = {U}}", `t.bib:1: entry "a" is not closed before the @ on line 3`},
	{"brace swallows entry", "@book{k,\n title = {T,\n year = 1990}\n", `t.bib:1: entry "k" is not closed`},
	{"unclosed brace", "@book{k,\n title = {T{x,\n}", `t.bib:2: unbalanced braces: the { of field "title" is never closed`},
	{"unclosed quote", "@book{k,\n title = \"T,\n", `t.bib:2: the quoted value of field "title" is never closed`},
	{"stray } in quotes", "@book{k, title = \"T}\"}", `t.bib:1: unbalanced braces: } without { in field "title"`},
	{"missing comma", "@book{k,\n title = {T}\n year = 1990}", `t.bib:3: expected , or } after field "title" in entry "k", found 'y'`},
	{"missing =", "@book{k,\n title {T}}", `t.bib:2: expected = after field "title" in entry "k"`},
	{"missing value", "@book{k, title = }", `t.bib:1: expected a value for field "title", found '}'`},
	{"value at eof", "@book{k, title =", `t.bib:1: expected a value for field "title", found the end of the file`},
	{"no type", "x @ {k}", `t.bib:1: expected an entry type after @`},
	{"no brace", "@book k, title = {T}", `t.bib:1: expected { or ( after @book`},
	{"bad field name", "@book{k, {title} = {T}}", `t.bib:1: expected a field name in entry "k", found '{'`},
	{"unclosed @string", "@string{a = {A}", `t.bib:1: @string a is not closed`},
	{"paren closed by brace", "@book(k, title = {T}}", `t.bib:1: expected , or ) after field "title" in entry "k", found '}'`},
}

func TestParseErrors(t *testing.T) {
	for _, tt := range parseErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("t.bib", strings.NewReader(tt.src))
			var perr *Error
			if !errors.As(err, &perr) {
				t.Fatalf("got %v (%T), want *Error", err, err)
			}
			if err.Error() != tt.want {
				t.Errorf("got  %q\nwant %q", err, tt.want)
			}
		})
	}
}

func TestParseStructure(t *testing.T) {
	src := "% Encoding: UTF-8\n" +
		"Free text between entries, even with = and {braces}.\n" +
		"@Comment{jabref-meta: databaseType:bibtex;}\n" +
		"@preamble{ \"\\newcommand{\\noopsort}[1]{}\" }\n" +
		"@BOOK{serge:memoirs,\n" + // line 5
		"  Title = {Memoirs of a Revolutionary},\n" +
		"  title = {ignored repeat},\n" +
		"  note = {write to a@b.org},\n" +
		"}\n" +
		"@article(k2, title = \"Paren {Entry}\", journal={J},)\n" + // line 10
		"@misc{, title = {No key}}\n" +
		"@comment{@book{hidden, title = {commented out}}}\n"
	entries := parseOne(t, src)
	want := []struct {
		key, typ string
		line     int
		title    string
	}{
		{"serge:memoirs", "book", 5, "Memoirs of a Revolutionary"},
		{"k2", "article", 10, "Paren Entry"},
		{"", "misc", 11, "No key"},
	}
	if len(entries) != len(want) {
		t.Fatalf("got %d entries, want %d: %+v", len(entries), len(want), entries)
	}
	for i, w := range want {
		e := entries[i]
		if e.Key != w.key || e.Type != w.typ || e.Line != w.line || e.Fields["title"] != w.title {
			t.Errorf("entry %d = %q %q line %d title %q, want %+v", i, e.Key, e.Type, e.Line, e.Fields["title"], w)
		}
	}
	if got := entries[0].Fields["note"]; got != "write to a@b.org" {
		t.Errorf("note = %q, want the @ kept", got)
	}
}

func TestParseLatin1(t *testing.T) {
	src := []byte("@book{k, title = {Caf\xe9 Society}}")
	entries, err := Parse("latin1.bib", strings.NewReader(string(src)))
	if err != nil {
		t.Fatal(err)
	}
	if got := entries[0].Fields["title"]; got != "Café Society" {
		t.Errorf("title = %q, want %q", got, "Café Society")
	}
}

func TestParseEmpty(t *testing.T) {
	for _, src := range []string{"", "\n\n", "% only a comment\n", "\uFEFF"} {
		entries, err := Parse("e.bib", strings.NewReader(src))
		if err != nil || len(entries) != 0 {
			t.Errorf("Parse(%q) = %v, %v; want no entries and no error", src, entries, err)
		}
	}
}
