package bibtex

import (
	"fmt"
	"strings"
)

// rawField is one field of an entry as written: its lower-case name and its
// value as raw TeX, with @string macros and # concatenations expanded.
type rawField struct {
	Name  string
	Value string
	Line  int
}

// rawEntry is one entry as the lexer read it.
type rawEntry struct {
	Type    string // lower case
	Key     string
	Line    int // line of the @
	EndLine int // line of the closing delimiter
	Fields  []rawField
}

// monthMacros are the @string macros every BibTeX style predefines.
var monthMacros = map[string]string{
	"jan": "January", "feb": "February", "mar": "March", "apr": "April",
	"may": "May", "jun": "June", "jul": "July", "aug": "August",
	"sep": "September", "oct": "October", "nov": "November", "dec": "December",
}

// lexer reads BibTeX the way BibTeX does: text outside entries is comment,
// @comment and @preamble are skipped, @string defines macros, and values are
// braced or quoted strings, numbers and macro names joined by #.
type lexer struct {
	file   string
	src    string
	pos    int
	line   int
	macros map[string]string
}

// lex reads every entry of src, or returns the first problem as an *Error.
func lex(file, src string) ([]rawEntry, error) {
	l := &lexer{file: file, src: src, line: 1, macros: map[string]string{}}
	for k, v := range monthMacros {
		l.macros[k] = v
	}
	var entries []rawEntry
	for {
		at := strings.IndexByte(l.src[l.pos:], '@')
		if at < 0 {
			return entries, nil
		}
		l.advance(at)
		e, ok, err := l.item()
		if err != nil {
			return nil, err
		}
		if ok {
			entries = append(entries, e)
		}
	}
}

func (l *lexer) errorf(line int, format string, args ...any) error {
	return &Error{File: l.file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// advance moves n bytes on, counting lines.
func (l *lexer) advance(n int) {
	end := l.pos + n
	l.line += strings.Count(l.src[l.pos:end], "\n")
	l.pos = end
}

func (l *lexer) eof() bool { return l.pos >= len(l.src) }

func (l *lexer) peek() byte {
	if l.eof() {
		return 0
	}
	return l.src[l.pos]
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func (l *lexer) skipSpace() {
	for !l.eof() && isSpace(l.src[l.pos]) {
		l.advance(1)
	}
}

// isIdentByte reports whether c may appear in a BibTeX identifier (entry
// type, field name, macro name): anything but space and "#%'(),={}@.
func isIdentByte(c byte) bool {
	return !isSpace(c) && !strings.ContainsRune("\"#%'(),={}@", rune(c))
}

func (l *lexer) ident() string {
	start := l.pos
	for !l.eof() && isIdentByte(l.src[l.pos]) {
		l.pos++
	}
	return l.src[start:l.pos]
}

// item reads one @-item; ok is false for @comment, @preamble and @string.
func (l *lexer) item() (e rawEntry, ok bool, err error) {
	atLine := l.line
	l.pos++ // '@'
	l.skipSpace()
	typ := strings.ToLower(l.ident())
	if typ == "" {
		return e, false, l.errorf(atLine, "expected an entry type after @")
	}
	l.skipSpace()
	open := l.peek()
	if open != '{' && open != '(' {
		return e, false, l.errorf(atLine, "expected { or ( after @%s", typ)
	}
	closer := byte('}')
	if open == '(' {
		closer = ')'
	}
	switch typ {
	case "comment":
		l.skipComment()
		return e, false, nil
	case "preamble":
		l.advance(1)
		if _, err := l.value("@preamble"); err != nil {
			return e, false, err
		}
		return e, false, l.expectClose(closer, atLine, "@preamble")
	case "string":
		l.advance(1)
		return e, false, l.stringDef(closer, atLine)
	}
	l.advance(1)
	e, err = l.entry(typ, closer, atLine)
	return e, err == nil, err
}

// skipComment skips the balanced group after @comment; when it is not
// balanced, only the word is skipped and the rest is comment text, as BibTeX
// itself treats it.
func (l *lexer) skipComment() {
	depth := 0
	for i := l.pos; i < len(l.src); i++ {
		switch l.src[i] {
		case '{', '(':
			depth++
		case '}', ')':
			depth--
			if depth == 0 {
				l.advance(i + 1 - l.pos)
				return
			}
		}
	}
}

func (l *lexer) expectClose(closer byte, atLine int, what string) error {
	l.skipSpace()
	switch {
	case l.eof():
		return l.errorf(atLine, "%s is not closed", what)
	case l.peek() != closer:
		return l.errorf(l.line, "expected %c to close %s (opened on line %d), found %q",
			closer, what, atLine, l.peek())
	}
	l.advance(1)
	return nil
}

// stringDef reads `name = value` and defines the macro.
func (l *lexer) stringDef(closer byte, atLine int) error {
	l.skipSpace()
	name := l.ident()
	if name == "" {
		return l.errorf(l.line, "expected a macro name in @string")
	}
	l.skipSpace()
	if l.peek() != '=' {
		return l.errorf(l.line, "expected = after @string macro %q", name)
	}
	l.advance(1)
	v, err := l.value(fmt.Sprintf("@string %s", name))
	if err != nil {
		return err
	}
	l.macros[strings.ToLower(name)] = v
	return l.expectClose(closer, atLine, fmt.Sprintf("@string %s", name))
}

// entry reads the key and fields of an entry whose opening delimiter has
// been read.
func (l *lexer) entry(typ string, closer byte, atLine int) (rawEntry, error) {
	e := rawEntry{Type: typ, Line: atLine}
	l.skipSpace()
	start := l.pos
	for !l.eof() {
		c := l.src[l.pos]
		if c == ',' || c == closer || c == '}' || isSpace(c) {
			break
		}
		l.pos++
	}
	e.Key = l.src[start:l.pos]
	what := fmt.Sprintf("entry %q", e.Key)
	seen := map[string]bool{}
	for {
		l.skipSpace()
		switch c := l.peek(); {
		case l.eof():
			return e, l.errorf(atLine, "%s is not closed", what)
		case c == closer:
			e.EndLine = l.line
			l.advance(1)
			return e, nil
		case c == ',':
			l.advance(1)
			continue
		case c == '@':
			return e, l.errorf(atLine, "%s is not closed before the @ on line %d", what, l.line)
		}
		line := l.line
		name := strings.ToLower(l.ident())
		if name == "" {
			return e, l.errorf(l.line, "expected a field name in %s, found %q", what, l.peek())
		}
		l.skipSpace()
		if l.peek() != '=' {
			return e, l.errorf(l.line, "expected = after field %q in %s", name, what)
		}
		l.advance(1)
		v, err := l.value(fmt.Sprintf("field %q", name))
		if err != nil {
			return e, err
		}
		if !seen[name] { // BibTeX keeps the first of repeated fields
			seen[name] = true
			e.Fields = append(e.Fields, rawField{Name: name, Value: v, Line: line})
		}
		l.skipSpace()
		if c := l.peek(); c == '@' {
			return e, l.errorf(atLine, "%s is not closed before the @ on line %d", what, l.line)
		} else if c != ',' && c != closer && !l.eof() {
			return e, l.errorf(l.line, "expected , or %c after field %q in %s, found %q", closer, name, what, c)
		}
	}
}

// value reads pieces joined by #: braced or quoted strings, numbers and macro
// names, and returns their concatenation as raw TeX.
func (l *lexer) value(what string) (string, error) {
	var b strings.Builder
	for {
		l.skipSpace()
		c := l.peek()
		switch {
		case c == '{':
			s, err := l.braced(what)
			if err != nil {
				return "", err
			}
			b.WriteString(s)
		case c == '"':
			s, err := l.quoted(what)
			if err != nil {
				return "", err
			}
			b.WriteString(s)
		case c >= '0' && c <= '9':
			b.WriteString(l.ident())
		case !l.eof() && isIdentByte(c):
			line := l.line
			name := l.ident()
			v, ok := l.macros[strings.ToLower(name)]
			if !ok {
				return "", l.errorf(line, "undefined @string macro %q", name)
			}
			b.WriteString(v)
		case l.eof():
			return "", l.errorf(l.line, "expected a value for %s, found the end of the file", what)
		default:
			return "", l.errorf(l.line, "expected a value for %s, found %q", what, c)
		}
		l.skipSpace()
		if l.peek() != '#' {
			return b.String(), nil
		}
		l.advance(1)
	}
}

// braced reads {...} with nested braces and returns what is inside.
func (l *lexer) braced(what string) (string, error) {
	line := l.line
	depth := 0
	for i := l.pos; i < len(l.src); i++ {
		switch l.src[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				s := l.src[l.pos+1 : i]
				l.advance(i + 1 - l.pos)
				return s, nil
			}
		}
	}
	return "", l.errorf(line, "unbalanced braces: the { of %s is never closed", what)
}

// quoted reads "..." and returns what is inside. A quote ends the string only
// outside braces; \" is taken as an escaped quote, as most writers mean it.
func (l *lexer) quoted(what string) (string, error) {
	line := l.line
	depth := 0
	for i := l.pos + 1; i < len(l.src); i++ {
		switch l.src[i] {
		case '\\':
			if i+1 < len(l.src) && l.src[i+1] == '"' {
				i++
			}
		case '{':
			depth++
		case '}':
			depth--
			if depth < 0 {
				l.advance(i - l.pos)
				return "", l.errorf(l.line, "unbalanced braces: } without { in %s", what)
			}
		case '"':
			if depth == 0 {
				s := l.src[l.pos+1 : i]
				l.advance(i + 1 - l.pos)
				return s, nil
			}
		}
	}
	return "", l.errorf(line, "the quoted value of %s is never closed", what)
}
