package main

import (
	"io"

	"github.com/ibid-project/ibid/internal/harvest"

	"github.com/urfave/cli/v2"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/bib/store"
	"github.com/ibid-project/ibid/export/report"
)

func reportCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "report",
		Usage:     "cross-reference and consistency report (text, json, markdown or html)",
		ArgsUsage: "[DOCUMENT]",
		Description: `For each work, every note that cites it (document, sequence, note, page, line), and
per note the works it cites; then the findings of 'ibid check' grouped by kind with
the lines to fix. --format html writes one self-contained page (no network) with a
per-chapter chart of citation density and the most-cited works.

   ibid report --format html -o report.html thesis.txt`,
		Flags: append(dbFlags(),
			&cli.StringFlag{Name: "format", Value: "text", Usage: "text, json, markdown or html"},
			&cli.StringFlag{Name: "doc", Usage: "from the library: only this document"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to this file instead of stdout"},
		),
		Action: func(c *cli.Context) error {
			format := c.String("format")
			if err := oneFormat(format, "text", "json", "markdown", "html"); err != nil {
				return err
			}
			in, err := reportInput(env, c)
			if err != nil {
				return err
			}
			return writeOutput(env, c.String("output"), func(w io.Writer) error {
				switch format {
				case "json":
					return report.JSON(w, in)
				case "markdown":
					return report.Markdown(w, in)
				case "html":
					return report.HTML(w, in)
				}
				return report.Text(w, in)
			})
		},
	}
}

// reportInput gathers a report's material from one document or from the
// library.
func reportInput(env *Env, c *cli.Context) (report.Input, error) {
	var in report.Input
	if c.NArg() > 1 {
		return in, usagef("report takes at most one document")
	}
	if c.NArg() == 1 {
		doc, err := parseArg(env, c, "report")
		if err != nil {
			return in, err
		}
		di := harvest.Input(doc, nil)
		in.Docs = []report.DocSummary{docSummary(di.Name, di.Title, di.Notes, di.Entries, di.Sequences)}
		for _, w := range di.Works {
			in.Works = append(in.Works, bib.Work{ID: w.Key, Item: w.Item, Sources: w.Sources})
		}
		in.Citations, in.Findings = di.Citations, di.Findings
		return in, nil
	}
	docName := c.String("doc")
	err := withStore(c, true, func(s *store.Store) error {
		docs, err := s.Docs()
		if err != nil {
			return err
		}
		for _, d := range docs {
			if docName == "" || d.Name == docName {
				in.Docs = append(in.Docs, docSummary(d.Name, d.Title, d.Notes, d.Entries, d.Sequences))
			}
		}
		if in.Works, err = s.Works(store.Filter{Doc: docName}); err != nil {
			return err
		}
		if in.Citations, err = s.Citations(docName); err != nil {
			return err
		}
		in.Findings, err = s.Findings(docName)
		return err
	})
	return in, err
}

func docSummary(name, title string, notes, entries int, seqs []store.SeqInfo) report.DocSummary {
	d := report.DocSummary{Name: name, Title: title, Notes: notes, Entries: entries}
	for _, s := range seqs {
		d.Sequences = append(d.Sequences, report.SeqInfo{ID: s.ID, Title: s.Title, Notes: s.Notes})
	}
	return d
}
