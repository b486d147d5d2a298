package style

import (
	"strings"
	"unicode/utf8"
)

// plain and ital make one-span Rich values; empty text makes an empty Rich.
func plain(s string) Rich {
	if s == "" {
		return nil
	}
	return Rich{{Text: s}}
}

func ital(s string) Rich {
	if s == "" {
		return nil
	}
	return Rich{{Text: s, Italic: true}}
}

// italicize sets the whole of r in italics, flipping runs that were already
// italic back to roman (a ship's name inside a book title).
func italicize(r Rich) Rich {
	out := make(Rich, len(r))
	for i, s := range r {
		out[i] = Span{Text: s.Text, Italic: !s.Italic}
	}
	return out
}

// quoted wraps r in double quotes, turning double quotes inside into single
// ones as American usage nests them.
func quoted(r Rich) Rich {
	if len(r) == 0 {
		return nil
	}
	inner := make(Rich, len(r))
	for i, s := range r {
		inner[i] = Span{Text: nestQuotes.Replace(s.Text), Italic: s.Italic}
	}
	return cat(plain("“"), inner, plain("”"))
}

var nestQuotes = strings.NewReplacer("“", "‘", "”", "’")

// cat concatenates parts, fixing punctuation where they meet: a period or
// comma goes inside a closing quotation mark, and a period after a sentence
// end (. ? !) is dropped.
func cat(parts ...Rich) Rich {
	var out Rich
	for _, p := range parts {
		for _, s := range p {
			out = appendSpan(out, s)
		}
	}
	return out
}

// join concatenates the non-empty parts with delim between them.
func join(delim string, parts ...Rich) Rich {
	var out Rich
	for _, p := range parts {
		if len(p) == 0 || p.Text() == "" {
			continue
		}
		if len(out) > 0 {
			out = appendSpan(out, Span{Text: delim})
		}
		out = cat(out, p)
	}
	return out
}

// wrap surrounds a non-empty r with prefix and suffix.
func wrap(prefix string, r Rich, suffix string) Rich {
	if len(r) == 0 || r.Text() == "" {
		return nil
	}
	return cat(plain(prefix), r, plain(suffix))
}

func appendSpan(out Rich, s Span) Rich {
	if s.Text == "" {
		return out
	}
	if len(out) == 0 {
		return append(out, s)
	}
	if p := s.Text[0]; p == '.' || p == ',' {
		out, s.Text = mergePunct(out, s.Text)
		if s.Text == "" {
			return out
		}
	}
	if n := len(out); out[n-1].Italic == s.Italic {
		out[n-1].Text += s.Text
		return out
	}
	return append(out, s)
}

// mergePunct resolves a leading period or comma of next against the end of
// out, returning both updated.
func mergePunct(out Rich, next string) (Rich, string) {
	i := len(out) - 1
	for i >= 0 && out[i].Text == "" {
		i--
	}
	if i < 0 {
		return out, next
	}
	last := out[i].Text
	punct, rest := next[:1], next[1:]
	body, quotes := splitClosingQuotes(last)
	end, _ := utf8.DecodeLastRuneInString(body)
	switch {
	case end == '.' || end == '?' || end == '!':
		if punct == "." || end != '.' && quotes == "" {
			return out, rest // "Title?" + "." → "Title?"
		}
		if punct == "," && end == '.' && quotes == "" {
			break // "ed." + "," stays "ed.,"
		}
		if quotes != "" {
			out[i].Text = body + punct + quotes
			return out, rest
		}
	case quotes != "":
		out[i].Text = body + punct + quotes // American: ,” and .”
		return out, rest
	}
	return out, next
}

// splitClosingQuotes splits s into its body and its trailing closing
// quotation marks.
func splitClosingQuotes(s string) (body, quotes string) {
	body = strings.TrimRight(s, "”’")
	return body, s[len(body):]
}
