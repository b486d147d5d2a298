package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Text writes the report as plain text for a terminal or a file: a summary
// line, the documents with their sequences, the index of works (every note
// citing each), the index of notes (the works each cites) and the findings
// grouped by kind, each with the doc:line to fix.
func Text(w io.Writer, in Input) error {
	v := build(in)
	b := bufio.NewWriter(w)
	s := v.Summary
	fmt.Fprintf(b, "ibid report: %d documents, %d notes, %d works, %d citations, %d findings\n",
		s.Documents, s.Notes, s.Works, s.Citations, s.Findings)

	heading(b, "Documents")
	for _, d := range v.Docs {
		fmt.Fprintf(b, "%s", d.Name)
		if d.Title != "" {
			fmt.Fprintf(b, "  %s", d.Title)
		}
		fmt.Fprintf(b, "\n    %d notes, %d citations, %d bibliography entries\n", d.Notes, d.Citations, d.Entries)
		for _, sq := range d.Sequences {
			fmt.Fprintf(b, "    %-8s %-40s %4d notes %4d citations %5.2f per note\n",
				sq.ID, sq.Title, sq.Notes, sq.Citations, sq.Density)
		}
	}

	heading(b, "Works and the notes that cite them")
	for _, wk := range v.Works {
		fmt.Fprintf(b, "%s  [%s]  %s\n", wk.Label, wk.ID, plural(len(wk.Cites), "citation", "citations"))
		for _, c := range wk.Cites {
			fmt.Fprintf(b, "    %s  %s", where(c.Doc, c.Line, 0), noteName(c.Seq, c.Note, c.Line))
			if c.Locator != "" {
				fmt.Fprintf(b, "  %s", c.Locator)
			}
			fmt.Fprintf(b, "  (%s)\n", c.Form)
		}
	}

	heading(b, "Notes and the works they cite")
	for _, n := range v.Notes {
		fmt.Fprintf(b, "%s  %s\n", where(n.Doc, n.Line, 0), noteName(n.Seq, n.Note, n.Line))
		for _, c := range n.Cites {
			fmt.Fprintf(b, "    %s  [%s]", c.Label, c.WorkID)
			if c.Locator != "" {
				fmt.Fprintf(b, "  %s", c.Locator)
			}
			fmt.Fprintf(b, "  (%s)\n", c.Form)
		}
	}

	heading(b, "Consistency")
	if len(v.Findings) == 0 {
		fmt.Fprintln(b, "no findings")
	}
	for _, g := range v.Findings {
		fmt.Fprintf(b, "%s: %d\n", g.Code, len(g.Items))
		for _, f := range g.Items {
			fmt.Fprintf(b, "    %s: %s\n", where(f.Doc, f.Line, f.EndLine), f.Message)
		}
	}
	if err := b.Flush(); err != nil {
		return fmt.Errorf("write text report: %w", err)
	}
	return nil
}

func heading(b *bufio.Writer, title string) {
	fmt.Fprintf(b, "\n%s\n%s\n", title, strings.Repeat("=", len(title)))
}

// plural writes a count with its noun: "1 note", "3 notes".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return itoa(n) + " " + many
}
