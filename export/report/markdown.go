package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Markdown writes the report as CommonMark: a summary, the documents as a
// table, the index of works (the Chicago entry, then a table of citing
// notes), the index of notes and the findings grouped by kind. Text from the
// input is escaped so that it cannot turn into markup.
func Markdown(w io.Writer, in Input) error {
	v := build(in)
	b := bufio.NewWriter(w)
	s := v.Summary
	fmt.Fprintf(b, "# Citation report\n\n")
	fmt.Fprintf(b, "%d documents · %d notes · %d works · %d citations · %d findings\n",
		s.Documents, s.Notes, s.Works, s.Citations, s.Findings)

	fmt.Fprintf(b, "\n## Documents\n\n")
	fmt.Fprintf(b, "| Document | Sequence | Notes | Citations | Per note |\n|---|---|--:|--:|--:|\n")
	for _, d := range v.Docs {
		name := mdText(d.Name)
		if d.Title != "" {
			name += " — " + mdText(d.Title)
		}
		fmt.Fprintf(b, "| %s | (all) | %d | %d | |\n", name, d.Notes, d.Citations)
		for _, sq := range d.Sequences {
			fmt.Fprintf(b, "| | %s | %d | %d | %.2f |\n", mdText(strings.TrimSpace(sq.ID+" "+sq.Title)), sq.Notes, sq.Citations, sq.Density)
		}
	}

	fmt.Fprintf(b, "\n## Works and the notes that cite them\n")
	for _, wk := range v.Works {
		fmt.Fprintf(b, "\n### %s\n\n", mdText(wk.Label))
		if len(wk.Entry) > 0 {
			fmt.Fprintf(b, "%s\n\n", wk.Entry.Markdown())
		}
		fmt.Fprintf(b, "id %s · %s\n", mdText(wk.ID), plural(len(wk.Cites), "citation", "citations"))
		if len(wk.Cites) == 0 {
			continue
		}
		fmt.Fprintf(b, "\n| Document | Note | Locator | Line | Form |\n|---|---|---|--:|---|\n")
		for _, c := range wk.Cites {
			fmt.Fprintf(b, "| %s | %s | %s | %d | %s |\n", mdText(c.Doc), mdText(noteName(c.Seq, c.Note, c.Line)),
				mdText(c.Locator), c.Line, mdText(c.Form))
		}
	}

	fmt.Fprintf(b, "\n## Notes and the works they cite\n\n")
	fmt.Fprintf(b, "| Document | Note | Line | Works |\n|---|---|--:|---|\n")
	for _, n := range v.Notes {
		var works []string
		for _, c := range n.Cites {
			s := mdText(c.Label)
			if c.Locator != "" {
				s += ", " + mdText(c.Locator)
			}
			works = append(works, s)
		}
		fmt.Fprintf(b, "| %s | %s | %d | %s |\n", mdText(n.Doc), mdText(noteName(n.Seq, n.Note, n.Line)), n.Line,
			strings.Join(works, "; "))
	}

	fmt.Fprintf(b, "\n## Consistency\n")
	if len(v.Findings) == 0 {
		fmt.Fprintf(b, "\nNo findings.\n")
	}
	for _, g := range v.Findings {
		fmt.Fprintf(b, "\n### %s (%d)\n\n", mdText(g.Code), len(g.Items))
		for _, f := range g.Items {
			fmt.Fprintf(b, "- **%s** %s\n", mdText(where(f.Doc, f.Line, f.EndLine)), mdText(f.Message))
		}
	}
	if err := b.Flush(); err != nil {
		return fmt.Errorf("write markdown report: %w", err)
	}
	return nil
}

var mdEscaper = strings.NewReplacer(
	`&`, `&amp;`, `<`, `&lt;`, `>`, `&gt;`, `\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`, `#`, `\#`, `|`, `\|`,
	"\n", " ", "\r", " ",
)

// mdText escapes inline text and table cells.
func mdText(s string) string { return mdEscaper.Replace(s) }
