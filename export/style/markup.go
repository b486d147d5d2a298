package style

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// parseMarkup reads the rich text CSL-JSON allows inside a field (<i>, <b>,
// <sup>, <sub>, <span class="nocase">, small caps) into spans. Italics are
// kept; other tags are dropped, their text kept. Entities are decoded.
// Anything that is not one of those tags is text.
func parseMarkup(s string) Rich {
	return curlyQuotes(parseTags(s))
}

func parseTags(s string) Rich {
	if !strings.ContainsAny(s, "<&") {
		return plain(s)
	}
	var out Rich
	italic := 0
	for s != "" {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			out = appendRaw(out, s, italic > 0)
			break
		}
		out = appendRaw(out, s[:i], italic > 0)
		s = s[i:]
		j := strings.IndexByte(s, '>')
		if j < 0 {
			out = appendRaw(out, s, italic > 0)
			break
		}
		tag := strings.ToLower(s[1:j])
		switch {
		case tag == "i" || tag == "em":
			italic++
		case tag == "/i" || tag == "/em":
			if italic > 0 {
				italic--
			}
		case tag == "b" || tag == "/b" || tag == "sup" || tag == "/sup" || tag == "sub" || tag == "/sub" ||
			tag == "/span" || strings.HasPrefix(tag, "span "):
		default:
			out = appendRaw(out, s[:j+1], italic > 0)
		}
		s = s[j+1:]
	}
	return out
}

func appendRaw(out Rich, text string, italic bool) Rich {
	if text == "" {
		return out
	}
	text = html.UnescapeString(text)
	if n := len(out); n > 0 && out[n-1].Italic == italic {
		out[n-1].Text += text
		return out
	}
	return append(out, Span{Text: text, Italic: italic})
}

// curlyQuotes turns straight quotes into typographic ones: an apostrophe or
// closing quote after a letter, digit or punctuation, an opening one
// elsewhere.
func curlyQuotes(r Rich) Rich {
	var prev rune = ' '
	out := make(Rich, len(r))
	for i, s := range r {
		if !strings.ContainsAny(s.Text, `"'`) {
			out[i] = s
			if s.Text != "" {
				prev, _ = utf8.DecodeLastRuneInString(s.Text)
			}
			continue
		}
		var b strings.Builder
		runes := []rune(s.Text)
		for j, c := range runes {
			opening := unicode.IsSpace(prev) || strings.ContainsRune("([{“‘—–-/", prev)
			elision := j+1 < len(runes) && unicode.IsDigit(runes[j+1]) // ’21
			switch {
			case c == '\'' && opening && !elision:
				b.WriteRune('‘')
			case c == '\'':
				b.WriteRune('’')
			case c == '"' && opening:
				b.WriteRune('“')
			case c == '"':
				b.WriteRune('”')
			default:
				b.WriteRune(c)
			}
			prev = c
		}
		out[i] = Span{Text: b.String(), Italic: s.Italic}
	}
	return out
}
