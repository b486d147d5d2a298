package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/ibid-project/ibid/refs"
)

func checkCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "check a document's footnotes against its bibliography (exit 1 on findings)",
		ArgsUsage: "FILE|-",
		Description: `Reports, one per line with the line to fix:
   missing-note          a note number skipped in a sequence
   duplicate-note        the same number twice in a sequence
   marker-without-note   an in-text marker whose note is missing
   note-without-marker   a note no marker points to
   unresolved-ibid       "Ibid." or "op. cit." with nothing to refer to
   ambiguous-short-form  a short form that fits several works equally
   not-in-bibliography   a work the notes cite that the bibliography lacks
   never-cited           a bibliography entry no note cites

Exit status: 0 no findings, 1 findings printed, 2 unreadable input or usage error.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text", Usage: "output format: text or json"},
		},
		Action: func(c *cli.Context) error {
			format := c.String("format")
			if err := oneFormat(format, "text", "json"); err != nil {
				return err
			}
			doc, err := parseArg(env, c, "check")
			if err != nil {
				return err
			}
			if format == "json" {
				err = writeCheckJSON(env.Stdout, doc)
			} else {
				err = writeCheckText(env.Stdout, doc)
			}
			if err != nil {
				return err
			}
			if len(doc.Problems) > 0 {
				return errFindings
			}
			return nil
		},
	}
}

func writeCheckText(w io.Writer, doc *refs.Document) error {
	for _, p := range doc.Problems {
		where := ""
		if p.Seq != "" {
			where = fmt.Sprintf(" [%s note %d]", p.Seq, p.Number)
		}
		if _, err := fmt.Fprintf(w, "%s:%d: %s%s: %s\n", p.Doc, p.Line, p.Code, where, p.Message); err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
	_, err := fmt.Fprintf(w, "%s: %d notes, %d bibliography entries, %d citations, %d findings\n",
		doc.Name, len(doc.Notes), len(doc.Entries), doc.CitationCount(), len(doc.Problems))
	return err
}

func writeCheckJSON(w io.Writer, doc *refs.Document) error {
	problems := doc.Problems
	if problems == nil {
		problems = []refs.Problem{}
	}
	out := struct {
		Doc       string         `json:"doc"`
		Notes     int            `json:"notes"`
		Entries   int            `json:"entries"`
		Citations int            `json:"citations"`
		Problems  []refs.Problem `json:"problems"`
	}{doc.Name, len(doc.Notes), len(doc.Entries), doc.CitationCount(), problems}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
