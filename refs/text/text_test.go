package text

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		lines     []string
		pageBreak []int // 1-based lines that start a page
		encoding  string
	}{
		{"utf8", "a\nb\n", []string{"a", "b"}, nil, "utf-8"},
		{"bom", "\xEF\xBB\xBFa\nb", []string{"a", "b"}, nil, "utf-8"},
		{"crlf", "a\r\nb\r\n", []string{"a", "b"}, nil, "utf-8"},
		{"old mac", "a\rb", []string{"a", "b"}, nil, "utf-8"},
		{"trailing spaces", "a  \t\nb\u00a0", []string{"a", "b"}, nil, "utf-8"},
		{"form feed", "a\n\fb\nc\f\nd", []string{"a", "b", "c", "d"}, []int{2, 3}, "utf-8"},
		{"windows-1252", "caf\xe9 \x93quoted\x94", []string{"café “quoted”"}, nil, "windows-1252"},
		{"latin-1 with C1", "na\xefve \x81", []string{"naïve \u0081"}, nil, "iso-8859-1"},
		{"empty", "", nil, nil, "utf-8"},
		{"superscripts kept", "word.¹²\n¹²Note.", []string{"word.¹²", "¹²Note."}, nil, "utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode("doc.txt", []byte(tt.in))
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if !reflect.DeepEqual(got.Lines, tt.lines) {
				t.Errorf("Lines = %q, want %q", got.Lines, tt.lines)
			}
			if got.Encoding != tt.encoding {
				t.Errorf("Encoding = %q, want %q", got.Encoding, tt.encoding)
			}
			var breaks []int
			for i, b := range got.PageBreak {
				if b {
					breaks = append(breaks, i+1)
				}
			}
			if !reflect.DeepEqual(breaks, tt.pageBreak) {
				t.Errorf("page breaks at %v, want %v", breaks, tt.pageBreak)
			}
		})
	}
}

func TestDecodeRefusesBinary(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"ab\x00cd", "doc.txt:1:3: binary data (byte 0x00 at offset 2): not a text document"},
		{"line\nsecond\x01", "doc.txt:2:7: binary data (byte 0x01 at offset 11): not a text document"},
		{"\xFF\xFEa\x00", "doc.txt:1:1: UTF-16 text is not supported; convert it to UTF-8"},
		{"\x89PNG\r\n\x1a\n", "doc.txt:2:1: binary data (byte 0x1a at offset 6): not a text document"},
	}
	for _, tt := range tests {
		_, err := Decode("doc.txt", []byte(tt.in))
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("Decode(%q) error = %v, want *Error", tt.in, err)
		}
		if err.Error() != tt.want {
			t.Errorf("Decode(%q) = %q, want %q", tt.in, err.Error(), tt.want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{"a\nb", "\xEF\xBB\xBF\r\n\f", "caf\xe9", "x\x00", "¹²³"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := Decode("fuzz", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz:") {
				t.Fatalf("error does not name the document: %v", err)
			}
			return
		}
		if len(got.Lines) != len(got.PageBreak) {
			t.Fatalf("%d lines but %d page-break flags", len(got.Lines), len(got.PageBreak))
		}
		for i, l := range got.Lines {
			if !utf8.ValidString(l) || strings.ContainsAny(l, "\n\r\f") {
				t.Fatalf("line %d = %q: not clean UTF-8 text", i+1, l)
			}
		}
	})
}

// FuzzCheckBinary holds checkBinary, which reads 32 bytes at a time,
// to the byte-at-a-time check: the same first offending byte, or none.
func FuzzCheckBinary(f *testing.F) {
	for _, s := range []string{"", "abc", "plain text\nwith lines\r\n", "0123456789abcdef\x00", "été\x01", "\x80\x9f\xff\x1f", "\x1b[0m\f\v\t", "a line of more than thirty-two bytes, then\n one more line of text \x02 at its end"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		want := -1
		for i, b := range data {
			if b < 0x20 && b != '\t' && b != '\n' && b != '\v' && b != '\f' && b != '\r' && b != 0x1b {
				want = i
				break
			}
		}
		err := checkBinary("x", data)
		if (err == nil) != (want < 0) {
			t.Fatalf("checkBinary(%q) = %v, want offending offset %d", data, err, want)
		}
		if want >= 0 && !strings.Contains(err.Error(), fmt.Sprintf("at offset %d)", want)) {
			t.Fatalf("checkBinary(%q) = %v, want offset %d", data, err, want)
		}
	})
}
