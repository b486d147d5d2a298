package style

import (
	"html"
	"strings"
)

// Span is a run of text with one typeface.
type Span struct {
	Text   string
	Italic bool
}

// Rich is formatted text: the spans of one entry, in order.
type Rich []Span

// Text returns r as plain text, typefaces dropped.
func (r Rich) Text() string {
	var b strings.Builder
	for _, s := range r {
		b.WriteString(s.Text)
	}
	return b.String()
}

// Markdown returns r with italic runs as *italic*. Characters Markdown would
// read as markup (* _ [ ] ` \) are backslash-escaped; & < > are written as
// entities.
func (r Rich) Markdown() string {
	var b strings.Builder
	for _, s := range r.merged() {
		text := markdownEscaper.Replace(s.Text)
		if !s.Italic || strings.TrimSpace(s.Text) == "" {
			b.WriteString(text)
			continue
		}
		// Emphasis markers must touch the words: keep outer spaces outside.
		lead := text[:len(text)-len(strings.TrimLeft(text, " "))]
		trail := text[len(strings.TrimRight(text, " ")):]
		b.WriteString(lead + "*" + strings.TrimSpace(text) + "*" + trail)
	}
	return b.String()
}

var markdownEscaper = strings.NewReplacer(
	`&`, `&amp;`, `<`, `&lt;`, `>`, `&gt;`, `\`, `\\`, `*`, `\*`, `_`, `\_`, "`", "\\`", `[`, `\[`, `]`, `\]`,
)

// HTML returns r as an HTML fragment: text escaped, italic runs in <i>.
func (r Rich) HTML() string {
	var b strings.Builder
	for _, s := range r.merged() {
		text := html.EscapeString(s.Text)
		if s.Italic {
			b.WriteString("<i>" + text + "</i>")
			continue
		}
		b.WriteString(text)
	}
	return b.String()
}

// merged returns r with neighbouring spans of the same typeface joined and
// empty spans dropped.
func (r Rich) merged() Rich {
	var out Rich
	for _, s := range r {
		if s.Text == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Italic == s.Italic {
			out[n-1].Text += s.Text
			continue
		}
		out = append(out, s)
	}
	return out
}
