// Package bibtex reads BibTeX files into entries and CSL items. It is the
// one place ibid touches github.com/nickng/bibtex, and it guards every sharp
// edge of that library:
//
//   - Undefined @string macros make nickng call log.Fatalf, which exits the
//     process. Our own lexer (lex.go) reads the file first, respecting
//     braces, quotes and comments, and returns an *Error naming the file and
//     line of the first undefined macro before nickng sees anything.
//   - nickng keeps its parser state in package globals, so Parse holds a
//     package mutex around every call into it.
//   - nickng drops every piece after the first in a `#` concatenation and
//     strips the braces out of quoted values (turning \c{c} into \cc). The
//     lexer expands macros and concatenations itself and hands nickng a
//     canonical copy of the file, each value braced, on the same lines as the
//     original, so that nickng's positions are still the file's.
//   - Values come back as raw TeX; tex.go turns accents, escapes, dashes,
//     ties, font commands, math dollars and case braces into Unicode text.
//   - A panic inside nickng is recovered and returned as an *Error
//     "file: internal parser error: ...".
//   - nickng's "parse failed at L:C: msg" errors are mapped to the *Error
//     "file:L: msg".
package bibtex
