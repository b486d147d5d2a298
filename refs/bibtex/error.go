package bibtex

import "fmt"

// Error is a problem reading a BibTeX file. It prints as "file:line: msg",
// or "file: msg" when no line is known.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}
