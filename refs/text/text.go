// Package text turns the bytes of a document into numbered lines: it strips a
// byte-order mark, normalises line ends, records page breaks (form feeds),
// reads Latin-1 and Windows-1252 documents, and refuses input that is not
// text at all.
package text

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Text is a decoded document.
type Text struct {
	Name string // the document's name as the user gave it
	// Lines holds the document's lines without their ends and without form
	// feeds; Lines[i] is line i+1.
	Lines []string
	// PageBreak[i] is true when a form feed came before or inside line i+1,
	// i.e. a new page starts there.
	PageBreak []bool
	// Encoding is "utf-8", or the legacy encoding the bytes were read as.
	Encoding string
}

// Error is an input problem at a position in a document.
type Error struct {
	Doc  string
	Line int // 1-based; 0 when unknown
	Col  int // 1-based byte column; 0 when unknown
	Msg  string
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.Doc, e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.Doc, e.Line, e.Msg)
	default:
		return fmt.Sprintf("%s: %s", e.Doc, e.Msg)
	}
}

// Decode reads data as a text document named name. UTF-8 (with or without a
// BOM) is read as is; bytes that are not UTF-8 but are plausible Windows-1252
// or Latin-1 text are converted, and Encoding says which. Input with NUL
// bytes or other control characters that no text document contains is
// refused with an *Error naming the line and column.
func Decode(name string, data []byte) (*Text, error) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if bytes.HasPrefix(data, []byte("\xFF\xFE")) || bytes.HasPrefix(data, []byte("\xFE\xFF")) {
		return nil, &Error{Doc: name, Line: 1, Col: 1, Msg: "UTF-16 text is not supported; convert it to UTF-8"}
	}
	if err := checkBinary(name, data); err != nil {
		return nil, err
	}
	enc := "utf-8"
	s := ""
	if utf8.Valid(data) {
		s = string(data)
	} else {
		enc = "windows-1252"
		dec := charmap.Windows1252
		if hasC1Undefined(data) {
			enc, dec = "iso-8859-1", charmap.ISO8859_1
		}
		out, err := dec.NewDecoder().Bytes(data)
		if err != nil {
			line, col := position(data, firstInvalidUTF8(data))
			return nil, &Error{Doc: name, Line: line, Col: col, Msg: "invalid text encoding"}
		}
		s = string(out)
	}
	return split(name, s, enc), nil
}

func split(name, s, enc string) *Text {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.TrimSuffix(s, "\n")
	raw := strings.Split(s, "\n")
	t := &Text{Name: name, Lines: make([]string, len(raw)), PageBreak: make([]bool, len(raw)), Encoding: enc}
	for i, l := range raw {
		if strings.IndexByte(l, '\f') >= 0 {
			t.PageBreak[i] = true
			l = strings.ReplaceAll(l, "\f", "")
		}
		t.Lines[i] = strings.TrimRight(l, " \t\u00a0")
	}
	if len(raw) == 1 && raw[0] == "" {
		t.Lines, t.PageBreak = nil, nil
	}
	return t
}

// binaryByte holds the bytes checkBinary refuses.
var binaryByte = func() (t [256]bool) {
	for b := range 0x20 {
		t[b] = b != '\t' && b != '\n' && b != '\v' && b != '\f' && b != '\r' && b != 0x1b
	}
	return t
}()

// checkBinary refuses bytes that no text document holds: NUL and the C0
// controls other than tab, line feed, vertical tab, form feed, carriage
// return and escape.
func checkBinary(name string, data []byte) error {
	// Eight bytes at a time: most are none below 0x20. x-0x20 in a byte
	// borrows into its top bit when the byte is below 0x20 (the lowest
	// such byte always does; a byte of 0x80 or more, which also could, is
	// masked by &^x), and only those eight are then looked at one by one.
	// Four such words are read a turn, and told apart together.
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	low := func(x uint64) uint64 { return (x - 0x20*ones) &^ x & highs }
	for i := 0; i < len(data); i += 32 {
		end := min(i+32, len(data))
		if end-i == 32 {
			w := data[i : i+32]
			if low(binary.LittleEndian.Uint64(w))|low(binary.LittleEndian.Uint64(w[8:]))|
				low(binary.LittleEndian.Uint64(w[16:]))|low(binary.LittleEndian.Uint64(w[24:])) == 0 {
				continue
			}
		}
		for j := i; j < end; j++ {
			b := data[j]
			if !binaryByte[b] {
				continue
			}
			line, col := position(data, j)
			return &Error{Doc: name, Line: line, Col: col, Msg: fmt.Sprintf("binary data (byte 0x%02x at offset %d): not a text document", b, j)}
		}
	}
	return nil
}

// hasC1Undefined reports bytes that Windows-1252 leaves undefined; such
// input is more likely Latin-1 with C1 controls.
func hasC1Undefined(data []byte) bool {
	for _, b := range data {
		switch b {
		case 0x81, 0x8d, 0x8f, 0x90, 0x9d:
			return true
		}
	}
	return false
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}

// position turns a byte offset into a 1-based line and column.
func position(data []byte, off int) (line, col int) {
	line = 1 + bytes.Count(data[:off], []byte("\n"))
	col = off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}
