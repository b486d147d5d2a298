package csljson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/ibid-project/ibid/bib"
)

// Parse reads a CSL-JSON array (or a single object, or JSON Lines of items)
// into bib.Items, leniently (see the package comment). Errors are *Error
// values with the line and column of the problem.
func Parse(name string, r io.Reader) ([]bib.Item, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	p := &parser{file: name, data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	p.dec.UseNumber()
	start := p.skipSpace(0)
	switch {
	case start == len(data):
		return nil, nil
	case data[start] == '[':
		return p.array()
	case data[start] == '{':
		return p.objects()
	}
	return nil, p.errorAt(int64(start), fmt.Sprintf("expected a JSON array or object of CSL items, found %q", data[start]))
}

type parser struct {
	file string
	data []byte
	dec  *json.Decoder
}

// skipSpace returns the offset of the first byte at or after off that is not
// JSON white space or a comma between values.
func (p *parser) skipSpace(off int) int {
	for off < len(p.data) && bytes.IndexByte([]byte(" \t\r\n,"), p.data[off]) >= 0 {
		off++
	}
	return off
}

func (p *parser) errorAt(offset int64, msg string) *Error {
	line, col := position(p.data, offset)
	return &Error{File: p.file, Line: line, Col: col, Msg: msg}
}

// jsonError converts a decoder error for the value starting at offset start
// to an *Error. The streaming decoder's offsets are not always from the start
// of the input, so a syntax error is located again by decoding from start.
func (p *parser) jsonError(err error, start int) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return p.errorAt(int64(len(p.data)), "unexpected end of JSON input")
	case errors.As(err, &syntax):
		var again *json.SyntaxError
		if errors.As(json.Unmarshal(p.data[start:], new(any)), &again) && again.Error() == syntax.Error() {
			return p.errorAt(int64(start)+again.Offset-1, syntax.Error())
		}
		return p.errorAt(int64(start), syntax.Error())
	case errors.As(err, &typ):
		return p.errorAt(int64(start), typ.Error())
	}
	return p.errorAt(int64(start), err.Error())
}

// array reads [item, item, ...] and nothing after it.
func (p *parser) array() ([]bib.Item, error) {
	if _, err := p.dec.Token(); err != nil {
		return nil, p.jsonError(err, 0)
	}
	items := []bib.Item{}
	for p.dec.More() {
		it, err := p.next()
		if err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	if _, err := p.dec.Token(); err != nil {
		return nil, p.jsonError(err, p.skipSpace(int(p.dec.InputOffset())))
	}
	if off := p.skipSpace(int(p.dec.InputOffset())); off < len(p.data) {
		return nil, p.errorAt(int64(off), "unexpected text after the array of items")
	}
	return items, nil
}

// objects reads one item or JSON Lines of items.
func (p *parser) objects() ([]bib.Item, error) {
	var items []bib.Item
	for p.skipSpace(int(p.dec.InputOffset())) < len(p.data) {
		it, err := p.next()
		if err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	return items, nil
}

// next decodes the next value as an item.
func (p *parser) next() (bib.Item, error) {
	start := p.skipSpace(int(p.dec.InputOffset()))
	var raw json.RawMessage
	if err := p.dec.Decode(&raw); err != nil {
		return bib.Item{}, p.jsonError(err, start)
	}
	it, msg := convertItem(raw)
	if msg != "" {
		line, _ := position(p.data, int64(start))
		return bib.Item{}, &Error{File: p.file, Line: line, Msg: msg}
	}
	return it, nil
}
