package biblio

import "strings"

// markdownPlain reduces one line of Markdown to the text a reader sees:
// backslash escapes resolved, emphasis asterisks and underscores around
// words dropped, links and bracketed spans reduced to their text (small
// capitals upper-cased), autolinks to their address, and a leading "# "
// kept so headings stay recognisable.
func markdownPlain(s string) string {
	if !strings.ContainsAny(s, "\\*[<_") {
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
			if i == 0 && strings.HasPrefix(s, "* ") {
				b.WriteByte('*') // a list bullet
			}
		case c == '_' && emphasisUnderscore(s, i):
		case c == '<':
			end := strings.IndexByte(s[i:], '>')
			if end > 0 && isAddress(s[i+1:i+end]) {
				b.WriteString(s[i+1 : i+end])
				i += end
			} else {
				b.WriteByte(c)
			}
		case c == '[':
			text, next, ok := bracketed(s, i)
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

// emphasisUnderscore reports an underscore that opens or closes emphasis:
// at a word edge, not inside a word like snake_case.
func emphasisUnderscore(s string, i int) bool {
	before := i == 0 || !isWordByte(s[i-1])
	after := i+1 >= len(s) || !isWordByte(s[i+1])
	return before != after
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// bracketed reads "[text](target)" or "[text]{.class}" at s[i] and returns
// the text to print and the index after the construct.
func bracketed(s string, i int) (text string, next int, ok bool) {
	for _, open := range []string{"](", "]{"} {
		mid := strings.Index(s[i:], open)
		if mid <= 0 || strings.Contains(s[i+1:i+mid], "[") {
			continue
		}
		closer := byte(')')
		if open == "]{" {
			closer = '}'
		}
		end := strings.IndexByte(s[i+mid:], closer)
		if end < 0 {
			continue
		}
		text = s[i+1 : i+mid]
		if open == "]{" && strings.Contains(s[i+mid:i+mid+end], "smallcaps") {
			text = strings.ToUpper(text)
		}
		return text, i + mid + end + 1, true
	}
	return "", 0, false
}

func isAddress(s string) bool {
	return !strings.ContainsAny(s, " <") &&
		(strings.Contains(s, "://") || strings.HasPrefix(s, "mailto:") || strings.Contains(s, "@"))
}

func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}
