package notes

import "strings"

// markdownPlain turns the inline Markdown of a footnote into plain text:
// backslash escapes resolved, emphasis asterisks dropped, links and spans
// reduced to their text and autolinks to their address, as a reader sees
// them.
func markdownPlain(s string) string {
	if !strings.ContainsAny(s, "\\*[<") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			b.WriteByte(s[i+1])
			i++
		case c == '*':
		case c == '<':
			if end := strings.IndexByte(s[i:], '>'); end > 0 && isAutolink(s[i+1:i+end]) {
				b.WriteString(s[i+1 : i+end])
				i += end
			} else {
				b.WriteByte(c)
			}
		case c == '[':
			text, next, ok := markdownLink(s, i)
			if !ok {
				text, next, ok = markdownSpan(s, i)
			}
			if !ok {
				b.WriteByte(c)
				continue
			}
			b.WriteString(markdownPlain(text))
			i = next - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// markdownLink reads "[text](target)" at s[i]: the text and the index after
// the link.
func markdownLink(s string, i int) (text string, next int, ok bool) {
	close := strings.Index(s[i:], "](")
	if close <= 0 {
		return "", 0, false
	}
	end := strings.IndexByte(s[i+close:], ')')
	if end < 0 {
		return "", 0, false
	}
	return s[i+1 : i+close], i + close + end + 1, true
}

// markdownSpan reads "[text]{.class}" at s[i]: the text (upper-cased for
// small capitals, as pandoc's plain writer prints them) and the index after
// the span.
func markdownSpan(s string, i int) (text string, next int, ok bool) {
	close := strings.Index(s[i:], "]{")
	if close <= 0 {
		return "", 0, false
	}
	end := strings.IndexByte(s[i+close:], '}')
	if end < 0 {
		return "", 0, false
	}
	text = s[i+1 : i+close]
	if strings.Contains(s[i+close:i+close+end], "smallcaps") {
		text = strings.ToUpper(text)
	}
	return text, i + close + end + 1, true
}

// isAutolink reports whether the inside of <...> is an address.
func isAutolink(s string) bool {
	return !strings.ContainsAny(s, " <") && (strings.Contains(s, "://") || strings.HasPrefix(s, "mailto:") || strings.HasPrefix(s, "doi:"))
}

func isASCIIPunct(c byte) bool {
	return c > ' ' && c < 0x7f && !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
}
