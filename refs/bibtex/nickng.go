package bibtex

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	nickng "github.com/nickng/bibtex"
)

// nickngMu serialises every call into nickng/bibtex, whose parser keeps its
// state in package globals.
var nickngMu sync.Mutex

// hiddenAt stands in for @ inside values: nickng refuses an @ in a braced
// value unless a backslash precedes it.
const hiddenAt = "\uE000"

// canonicalValue puts a value on one line and hides its @ signs.
var canonicalValue = strings.NewReplacer("\n", " ", "\r", " ", "@", hiddenAt)

// canonicalCopy renders entries as BibTeX nickng reads correctly: every value
// one braced string (macros and # already expanded), keys and field names
// replaced by e<i> and f<j> so nothing in them can trip its scanner, and each
// piece on the line it came from, so that nickng's line numbers are the
// file's.
func canonicalCopy(entries []rawEntry, lines int) string {
	out := make([]strings.Builder, lines+1)
	for i, e := range entries {
		typ := e.Type
		if !isBareIdent(typ) {
			typ = "misc"
		}
		fmt.Fprintf(&out[e.Line], "@%s{e%d,", typ, i)
		for j, f := range e.Fields {
			if j > 0 {
				out[f.Line].WriteString(",")
			}
			v := canonicalValue.Replace(f.Value)
			fmt.Fprintf(&out[f.Line], " f%d = {%s}", j, v)
		}
		out[e.EndLine].WriteString("}")
	}
	var b strings.Builder
	for i := 1; i <= lines; i++ {
		if i > 1 {
			b.WriteByte('\n')
		}
		b.WriteString(out[i].String())
	}
	return b.String()
}

// isBareIdent reports whether s survives nickng's scanner as a bare
// identifier: an ASCII letter or digit, then letters, digits and -_:./+.
func isBareIdent(s string) bool {
	if s == "" || s == "comment" || s == "string" || s == "preamble" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if !alnum && (i == 0 || !strings.ContainsRune("-_:./+", rune(c))) {
			return false
		}
	}
	return true
}

// parseNickng runs nickng over src with every guard: the mutex, recovery
// from panics, a reset of its global scanner state, and errors mapped to
// *Error with the file's line.
func parseNickng(file, src string) (bt *nickng.BibTex, err error) {
	nickngMu.Lock()
	defer nickngMu.Unlock()
	err = guard(file, func() error {
		var perr error
		bt, perr = nickng.Parse(strings.NewReader(src))
		return perr
	})
	// A failed parse can leave nickng's global "inside a field" flag set,
	// which would change how the next input is scanned; "@," clears it.
	_ = guard(file, func() error { _, e := nickng.Parse(strings.NewReader("@,")); return e })
	if err != nil {
		return nil, err
	}
	if bt == nil {
		return nil, &Error{File: file, Msg: "internal parser error: no result"}
	}
	return bt, nil
}

// guard runs f, turning a panic into an *Error and any error into one with
// the file's line.
func guard(file string, f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &Error{File: file, Msg: fmt.Sprintf("internal parser error: %v", r)}
		}
	}()
	if err := f(); err != nil {
		return mapError(file, err)
	}
	return nil
}

var (
	parseFailedAt = regexp.MustCompile(`^parse failed at (\d+):\d+: (.*)$`)
	lexFailedAt   = regexp.MustCompile(`^(.*) at (\d+):\d+$`)
)

// mapError turns nickng's "parse failed at L:C: msg" and "msg at L:C" into
// *Error "file:L: msg".
func mapError(file string, err error) error {
	s := err.Error()
	if m := parseFailedAt.FindStringSubmatch(s); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &Error{File: file, Line: line, Msg: m[2]}
	}
	if m := lexFailedAt.FindStringSubmatch(s); m != nil {
		line, _ := strconv.Atoi(m[2])
		return &Error{File: file, Line: line, Msg: m[1]}
	}
	return &Error{File: file, Msg: s}
}
