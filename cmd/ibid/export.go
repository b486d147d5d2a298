package main

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/ibid-project/ibid/internal/harvest"

	"github.com/urfave/cli/v2"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/bib/store"
	"github.com/ibid-project/ibid/export"
	"github.com/ibid-project/ibid/refs"
)

func exportCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "export",
		Usage:     "write the library (or one document's works) as BibTeX or CSL-JSON",
		ArgsUsage: "[DOCUMENT]",
		Description: `Writes BibTeX or CSL-JSON that Zotero, pandoc, biber and citeproc import. With a
DOCUMENT argument the document is parsed and exported directly, no library involved;
without one the library is exported. The same works export byte-identical files run
after run; CSL-JSON ids equal the BibTeX keys (Better BibTeX's shape).

   ibid export --format bibtex -o thesis.bib thesis.txt
   ibid export --format csljson --cited-only --doc thesis.txt > thesis.json`,
		Flags: append(dbFlags(),
			&cli.StringFlag{Name: "format", Value: "bibtex", Usage: "bibtex or csljson"},
			&cli.StringFlag{Name: "doc", Usage: "from the library: only the works of this document"},
			&cli.BoolFlag{Name: "cited-only", Usage: "only works some note or in-text citation cites"},
			&cli.StringFlag{Name: "type", Usage: "only works of this CSL type (book, article-journal, ...)"},
			&cli.BoolFlag{Name: "ascii", Usage: "BibTeX: TeX accents ({\\'e}) instead of UTF-8"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to this file instead of stdout"},
		),
		Action: func(c *cli.Context) error {
			format := c.String("format")
			if err := oneFormat(format, "bibtex", "csljson"); err != nil {
				return err
			}
			works, err := selectWorks(env, c)
			if err != nil {
				return err
			}
			keys := export.Keys(works)
			return writeOutput(env, c.String("output"), func(w io.Writer) error {
				if format == "csljson" {
					return export.WriteCSLJSON(w, works, keys)
				}
				return export.WriteBibTeX(w, works, keys, export.Options{ASCII: c.Bool("ascii")})
			})
		},
	}
}

// selectWorks returns the works a command works on: a document's, parsed
// on the spot, or the library's, filtered.
func selectWorks(env *Env, c *cli.Context) ([]bib.Work, error) {
	switch c.NArg() {
	case 0:
		var works []bib.Work
		err := withStore(c, true, func(s *store.Store) (err error) {
			works, err = s.Works(store.Filter{Doc: c.String("doc"), CitedOnly: c.Bool("cited-only"), Type: c.String("type")})
			return err
		})
		return works, err
	case 1:
		doc, err := parseArg(env, c, c.Command.Name)
		if err != nil {
			return nil, err
		}
		return documentWorks(doc, c.Bool("cited-only"), c.String("type")), nil
	}
	return nil, usagef("%s takes at most one document", c.Command.Name)
}

// documentWorks turns a parsed document's works into library works with
// their provenance, without a store.
func documentWorks(doc *refs.Document, citedOnly bool, typ string) []bib.Work {
	in := harvest.Input(doc, nil)
	cited := map[string]bool{}
	for _, ct := range in.Citations {
		cited[ct.Work] = true
	}
	var works []bib.Work
	for _, w := range in.Works {
		if citedOnly && !cited[w.Key] {
			continue
		}
		if typ != "" && w.Item.Type != typ {
			continue
		}
		works = append(works, bib.Work{ID: w.Key, Item: w.Item, Sources: w.Sources})
	}
	return works
}

// writeOutput runs write on stdout or on the file named by -o, which is
// replaced only when writing succeeded.
func writeOutput(env *Env, path string, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		bw := bufio.NewWriter(env.Stdout)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPathError(err))
	}
	bw := bufio.NewWriter(f)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
