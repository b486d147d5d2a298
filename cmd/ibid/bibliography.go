package main

import (
	"io"

	"github.com/urfave/cli/v2"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/export/style"
)

func bibliographyCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "bibliography",
		Usage:     "print a formatted bibliography (Chicago, MLA, APA)",
		ArgsUsage: "[DOCUMENT]",
		Description: `Formats the works of the library (or of one document) as a bibliography, sorted as
the style sorts them.

   ibid bibliography --style chicago-author-date --format markdown thesis.txt`,
		Flags: append(dbFlags(),
			&cli.StringFlag{Name: "style", Value: "chicago-notes", Usage: "chicago-notes, chicago-author-date, mla or apa"},
			&cli.StringFlag{Name: "format", Value: "text", Usage: "text, markdown or html"},
			&cli.StringFlag{Name: "doc", Usage: "from the library: only the works of this document"},
			&cli.BoolFlag{Name: "cited-only", Usage: "only works some citation cites"},
			&cli.StringFlag{Name: "type", Usage: "only works of this CSL type"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to this file instead of stdout"},
		),
		Action: func(c *cli.Context) error {
			if err := oneFormat(c.String("style"), "chicago-notes", "chicago-author-date", "mla", "apa"); err != nil {
				return err
			}
			if err := oneFormat(c.String("format"), "text", "markdown", "html"); err != nil {
				return err
			}
			works, err := selectWorks(env, c)
			if err != nil {
				return err
			}
			items := make([]bib.Item, len(works))
			for i := range works {
				items[i] = works[i].Item
			}
			return writeOutput(env, c.String("output"), func(w io.Writer) error {
				return style.Bibliography(w, items, c.String("style"), c.String("format"))
			})
		},
	}
}
