// Package style writes bibliography entries in the common humanities and
// social-science styles: Chicago notes-bibliography and author-date (as the
// CSL styles chicago-notes-bibliography.csl and chicago-author-date.csl,
// CMOS 18th edition, render them), MLA and APA. It takes bib.Items, as
// CSL-JSON describes works, and returns rich text (roman and italic runs)
// that can be written as plain text, Markdown or HTML.
package style

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/ibid-project/ibid/bib"
)

// Style names accepted by Format and Bibliography.
const (
	ChicagoNotes      = "chicago-notes"
	ChicagoAuthorDate = "chicago-author-date"
	MLA               = "mla"
	APA               = "apa"
)

// Names lists the style names, in the order help texts show them.
func Names() []string { return []string{ChicagoNotes, ChicagoAuthorDate, MLA, APA} }

// renderer writes one bibliography entry in one style and says how the
// style sorts its entries.
type renderer interface {
	entry(it *bib.Item) Rich
	sortKey(it *bib.Item) string
}

func lookup(styleName string) (renderer, error) {
	switch styleName {
	case ChicagoNotes:
		return chicago{}, nil
	case ChicagoAuthorDate:
		return chicago{authorDate: true}, nil
	case MLA:
		return mla{}, nil
	case APA:
		return apa{}, nil
	}
	return nil, fmt.Errorf("unknown style %q (known: %s)", styleName, strings.Join(Names(), ", "))
}

// Format writes it as one bibliography entry in the named style. The only
// error is an unknown style name; an item missing fields still gets an
// entry, from what it has.
func Format(it *bib.Item, styleName string) (Rich, error) {
	r, err := lookup(styleName)
	if err != nil {
		return nil, err
	}
	if it == nil {
		return nil, nil
	}
	return tidy(r.entry(it)), nil
}

// Bibliography writes items as a bibliography in the named style, sorted as
// the style sorts (author, then date or title), one entry per line (text,
// markdown: entries separated by a blank line; html: a <div> of <p>s).
// format is "text", "markdown" or "html".
func Bibliography(w io.Writer, items []bib.Item, styleName, format string) error {
	r, err := lookup(styleName)
	if err != nil {
		return err
	}
	var write func(Rich) string
	switch format {
	case "text":
		write = Rich.Text
	case "markdown", "md":
		write = Rich.Markdown
	case "html":
		write = Rich.HTML
	default:
		return fmt.Errorf("unknown bibliography format %q (known: text, markdown, html)", format)
	}
	order := make([]int, len(items))
	keys := make([]string, len(items))
	for i := range items {
		order[i] = i
		keys[i] = r.sortKey(&items[i])
	}
	sort.SliceStable(order, func(a, b int) bool { return keys[order[a]] < keys[order[b]] })

	bw := bufio.NewWriter(w)
	if format == "html" {
		bw.WriteString("<div class=\"bibliography\">\n")
	}
	for n, i := range order {
		entry := write(tidy(r.entry(&items[i])))
		switch format {
		case "html":
			fmt.Fprintf(bw, "<p class=\"entry\">%s</p>\n", entry)
		case "text":
			fmt.Fprintln(bw, entry)
		default:
			if n > 0 {
				bw.WriteString("\n")
			}
			fmt.Fprintln(bw, entry)
		}
	}
	if format == "html" {
		bw.WriteString("</div>\n")
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write bibliography: %w", err)
	}
	return nil
}

// tidy collapses runs of white space inside r and trims its ends.
func tidy(r Rich) Rich {
	var out Rich
	space := false
	for _, s := range r {
		var b strings.Builder
		for _, c := range s.Text {
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
				space = true
				continue
			}
			if space && (len(out) > 0 || b.Len() > 0) {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(c)
		}
		if b.Len() > 0 {
			out = appendSpan(out, Span{Text: b.String(), Italic: s.Italic})
		}
	}
	return out
}

// sortText is the comparison form of a sort key part: folded to lower-case
// ASCII, leading articles kept (CSL sorts "The" as written).
func sortText(s string) string { return bib.Fold(s) }

// stripMarkup returns the text of a field without CSL rich-text tags.
func stripMarkup(s string) string { return parseMarkup(s).Text() }
