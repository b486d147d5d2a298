package bibtex

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Entry is one BibTeX entry. Type and field names are lower case; field
// values are clean Unicode text (TeX accents, escapes, dashes and case braces
// resolved).
type Entry struct {
	Key    string
	Type   string
	Line   int
	Fields map[string]string

	// raw keeps the TeX of each field, which name splitting needs (braces
	// group corporate names and protect particles).
	raw map[string]string
}

// Parse reads BibTeX text named name. Errors are *Error values printing
// "file:line: message". Text that is not UTF-8 is read as Windows-1252, the
// usual encoding of older .bib files.
func Parse(name string, r io.Reader) ([]Entry, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	src := decode(data)
	raw, err := lex(name, src)
	if err != nil {
		return nil, err
	}
	bt, err := parseNickng(name, canonicalCopy(raw, strings.Count(src, "\n")+1))
	if err != nil {
		return nil, err
	}
	if len(bt.Entries) != len(raw) {
		return nil, &Error{File: name, Msg: fmt.Sprintf(
			"internal parser error: read %d entries, nickng read %d", len(raw), len(bt.Entries))}
	}
	entries := make([]Entry, len(raw))
	for i, re := range raw {
		ne := bt.Entries[i]
		e := Entry{Key: re.Key, Type: re.Type, Line: re.Line,
			Fields: make(map[string]string, len(re.Fields)), raw: make(map[string]string, len(re.Fields))}
		for j, f := range re.Fields {
			v, ok := ne.Fields[fmt.Sprintf("f%d", j)]
			if !ok {
				return nil, &Error{File: name, Line: f.Line, Msg: fmt.Sprintf(
					"internal parser error: nickng lost field %q of entry %q", f.Name, re.Key)}
			}
			text := strings.ReplaceAll(v.String(), hiddenAt, "@")
			e.raw[f.Name] = text
			if verbatimFields[f.Name] {
				e.Fields[f.Name] = verbatimText(text)
			} else {
				e.Fields[f.Name] = TeXToUnicode(text)
			}
		}
		entries[i] = e
	}
	return entries, nil
}

// decode returns data as text: UTF-8 as it is (without a byte-order mark),
// anything else read as Windows-1252.
func decode(data []byte) string {
	s := strings.TrimPrefix(string(data), "\uFEFF")
	if utf8.ValidString(s) {
		return s
	}
	out, err := charmap.Windows1252.NewDecoder().String(s)
	if err != nil {
		return strings.ToValidUTF8(s, "\uFFFD")
	}
	return out
}
