package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/ibid-project/ibid/bib/store"

	"github.com/urfave/cli/v2"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/refs/bibtex"
	"github.com/ibid-project/ibid/refs/csljson"
)

func importCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "import",
		Usage:     "add the works of a BibTeX or CSL-JSON file to the library",
		ArgsUsage: "FILE.bib|FILE.json...",
		Description: `Reads BibTeX (.bib) or CSL-JSON (.json, with or without ids) and adds its works to
the library, deduplicated against what is there. A malformed file is reported as
FILE:LINE: message and nothing of it is stored.`,
		Flags: append(dbFlags(),
			&cli.StringFlag{Name: "format", Usage: "bibtex or csljson (default: from the file extension)"},
		),
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("import needs at least one .bib or .json file")
			}
			var batches [][]bib.Item
			for _, path := range c.Args().Slice() {
				items, err := readLibraryFile(env, path, c.String("format"))
				if err != nil {
					return err
				}
				batches = append(batches, items)
			}
			return withStore(c, false, func(s *store.Store) error {
				for i, path := range c.Args().Slice() {
					res, err := s.Import(path, batches[i])
					if err != nil {
						return fmt.Errorf("import %s: %w", path, err)
					}
					if _, err := fmt.Fprintf(env.Stdout, "imported %s: %d items, %d works new, %d merged\n",
						path, res.Items, res.NewWorks, res.MergedWorks); err != nil {
						return err
					}
				}
				return nil
			})
		},
	}
}

func readLibraryFile(env *Env, path, format string) ([]bib.Item, error) {
	if format == "" {
		switch strings.ToLower(filepath.Ext(path)) {
		case ".bib", ".bibtex":
			format = "bibtex"
		case ".json", ".jsonl", ".csljson":
			format = "csljson"
		default:
			return nil, usagef("import: cannot tell the format of %s; use --format bibtex|csljson", path)
		}
	}
	data, err := readInput(env, path)
	if err != nil {
		return nil, err
	}
	switch format {
	case "bibtex":
		entries, err := bibtex.Parse(path, bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		return bibtex.Items(entries), nil
	case "csljson":
		return csljson.Parse(path, bytes.NewReader(data))
	}
	return nil, usagef("import: unknown format %q (want bibtex, csljson)", format)
}
