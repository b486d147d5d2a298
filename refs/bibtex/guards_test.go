package bibtex

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	nickng "github.com/nickng/bibtex"
)

// parseOne parses src and fails the test on error.
func parseOne(t *testing.T, src string) []Entry {
	t.Helper()
	entries, err := Parse("t.bib", strings.NewReader(src))
	if err != nil {
		t.Fatalf("Parse(%q): %v", src, err)
	}
	return entries
}

// Guard 1: an undefined macro is an *Error with the file and line; the test
// binary survives (nickng would have called log.Fatalf).
func TestUndefinedMacro(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"bare value", "@book{k,\n  title = foo}", `t.bib:2: undefined @string macro "foo"`},
		{"after #", "@string{a = {A}}\n@book{k,\n\n title = a # \n bar # {x}}", `t.bib:5: undefined @string macro "bar"`},
		{"inside @string", "@string{a = b}", `t.bib:1: undefined @string macro "b"`},
		{"used before defined", "@book{k, title = later}\n@string{later = {L}}", `t.bib:1: undefined @string macro "later"`},
		{"not a month", "@book{k, month = janvier}", `t.bib:1: undefined @string macro "janvier"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("t.bib", strings.NewReader(tt.src))
			var perr *Error
			if !errors.As(err, &perr) {
				t.Fatalf("got %v (%T), want *Error", err, err)
			}
			if err.Error() != tt.want {
				t.Errorf("got %q, want %q", err, tt.want)
			}
		})
	}
}

// Macros that are defined, predefined or not macros at all are read.
func TestMacrosResolved(t *testing.T) {
	tests := []struct{ name, src, field, want string }{
		{"defined", "@string{pub = {Gallimard}}\n@book{k, publisher = pub}", "publisher", "Gallimard"},
		{"case-insensitive", "@String{PUB = \"Seuil\"}\n@book{k, publisher = Pub}", "publisher", "Seuil"},
		{"month macro", "@book{k, month = apr}", "month", "April"},
		{"in braces is text", "@book{k, title = {foo bar}}", "title", "foo bar"},
		{"in quotes is text", `@book{k, title = "foo # bar"}`, "title", "foo # bar"},
		{"in a comment", "% title = foo\n@comment{ title = foo }\n@book{k, title = {T}}", "title", "T"},
		{"number", "@book{k, year = 1951}", "year", "1951"},
		{"paren string", "@string(pub = {P})\n@book{k, publisher = pub}", "publisher", "P"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := parseOne(t, tt.src)
			if len(e) != 1 {
				t.Fatalf("got %d entries, want 1", len(e))
			}
			if got := e[0].Fields[tt.field]; got != tt.want {
				t.Errorf("%s = %q, want %q", tt.field, got, tt.want)
			}
		})
	}
}

// TestNickngExitsOnUndefinedMacro shows the hazard guard 1 exists for: fed
// an undefined macro directly, nickng exits the process.
func TestNickngExitsOnUndefinedMacro(t *testing.T) {
	if os.Getenv("IBID_NICKNG_RAW") == "1" {
		_, _ = nickng.Parse(strings.NewReader("@book{k, title = foo}"))
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestNickngExitsOnUndefinedMacro$")
	cmd.Env = append(os.Environ(), "IBID_NICKNG_RAW=1")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Skip("nickng no longer exits on an undefined macro; guard 1 is now only belt and braces")
	}
	if !strings.Contains(string(out), "unknown string variable") {
		t.Errorf("nickng exited (%v) without the expected message: %s", err, out)
	}
}

// Guard 2: concurrent Parse calls each get their own result (run with -race:
// nickng's globals would race without the mutex).
func TestConcurrentParse(t *testing.T) {
	const n = 32
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var src strings.Builder
			for j := range i%4 + 1 {
				fmt.Fprintf(&src, "@article{key%d-%d,\n  title = {Title %d.%d},\n  year = %d}\n", i, j, i, j, 1900+i)
			}
			entries, err := Parse(fmt.Sprintf("f%d.bib", i), strings.NewReader(src.String()))
			if err != nil {
				errs <- err
				return
			}
			if len(entries) != i%4+1 {
				errs <- fmt.Errorf("input %d: %d entries, want %d", i, len(entries), i%4+1)
				return
			}
			for j, e := range entries {
				if e.Key != fmt.Sprintf("key%d-%d", i, j) || e.Fields["title"] != fmt.Sprintf("Title %d.%d", i, j) ||
					e.Fields["year"] != fmt.Sprint(1900+i) {
					errs <- fmt.Errorf("input %d entry %d: got %+v", i, j, e)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// Guard 2b: a failed nickng parse leaves its global scanner state "inside a
// field"; parseNickng resets it so the next parse is not affected.
func TestNickngStateReset(t *testing.T) {
	if _, err := parseNickng("bad.bib", "@a{b, c = {d}"); err == nil {
		t.Fatal("unterminated entry parsed without error")
	}
	if _, err := parseNickng("good.bib", "@book{e0, f0 = {x}}"); err != nil {
		t.Fatalf("good input after a failed one: %v", err)
	}
}

// Guard 3: # joins strings and macros; nickng alone keeps only the first
// piece.
func TestConcatenation(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"string macro brace", "@string{foo = \" and \"}\n@book{k, title = \"A\" # foo # {B}}", "A and B"},
		{"nested macros", "@string{a = {x}}\n@string{b = a # \"y\"}\n@book{k, title = b # b}", "xyxy"},
		{"number", "@book{k, title = {Vol. } # 3}", "Vol. 3"},
		{"month and day", "@book{k, title = jan # {~1}}", "January 1"},
		{"across lines", "@book{k, title = {A}\n  #\n  {B}}", "AB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := parseOne(t, tt.src)
			if got := e[0].Fields["title"]; got != tt.want {
				t.Errorf("title = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestNickngDropsConcatenation shows the hazard guard 3 exists for.
func TestNickngDropsConcatenation(t *testing.T) {
	bt, err := parseNickng("t.bib", `@book{k, title = "A" # {B}}`)
	if err != nil {
		t.Fatal(err)
	}
	if got := bt.Entries[0].Fields["title"].String(); got == "AB" {
		t.Skip("nickng now joins # pieces; the lexer's expansion is only belt and braces")
	}
}

// Guard 5: a panic inside the guarded call becomes an *Error.
func TestGuardRecoversPanic(t *testing.T) {
	err := guard("t.bib", func() error { panic("index out of range") })
	var perr *Error
	if !errors.As(err, &perr) {
		t.Fatalf("got %v (%T), want *Error", err, err)
	}
	if want := "t.bib: internal parser error: index out of range"; err.Error() != want {
		t.Errorf("got %q, want %q", err, want)
	}
}

// Guard 6: nickng's positions become file:line.
func TestMapError(t *testing.T) {
	tests := []struct {
		in   error
		want string
	}{
		{&nickng.ErrParse{Err: "syntax error"}, "t.bib:1: syntax error"},
		{errors.New("parse failed at 12:4: syntax error: unexpected tRBRACE"), "t.bib:12: syntax error: unexpected tRBRACE"},
		{errors.New("unexpected @ sign at 3:9"), "t.bib:3: unexpected @ sign"},
		{errors.New("something else"), "t.bib: something else"},
	}
	for _, tt := range tests {
		if got := mapError("t.bib", tt.in).Error(); got != tt.want {
			t.Errorf("mapError(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Guard 6, end to end: a syntax error nickng finds is reported on its line.
func TestNickngSyntaxErrorLine(t *testing.T) {
	_, err := parseNickng("t.bib", "\n\n@book{k, title = }")
	if err == nil || !strings.HasPrefix(err.Error(), "t.bib:3: syntax error") {
		t.Errorf("got %v, want t.bib:3: syntax error...", err)
	}
}
