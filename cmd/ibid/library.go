package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/bib/store"
)

func formatFlag() cli.Flag {
	return &cli.StringFlag{Name: "format", Value: "text", Usage: "output format: text or jsonl"}
}

func worksCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:  "works",
		Usage: "list the works in the library",
		Description: `Lists works sorted by author, year and title: one line each (id, author, year,
title), or one JSON object per work with --format jsonl.

   ibid works --doc thesis.txt --format jsonl | jq -r .id`,
		Flags: append(dbFlags(), formatFlag(),
			&cli.StringFlag{Name: "doc", Usage: "only works cited or listed by this document"},
			&cli.StringFlag{Name: "type", Usage: "only works of this CSL type (book, article-journal, ...)"},
		),
		Action: func(c *cli.Context) error {
			if err := noArgs(c); err != nil {
				return err
			}
			format := c.String("format")
			if err := oneFormat(format, "text", "jsonl"); err != nil {
				return err
			}
			return withStore(c, true, func(s *store.Store) error {
				works, err := s.Works(store.Filter{Doc: c.String("doc"), Type: c.String("type")})
				if err != nil {
					return err
				}
				return writeWorks(env.Stdout, works, format)
			})
		},
	}
}

func searchCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "search",
		Usage:     "find works by author and title words",
		ArgsUsage: "WORDS...",
		Description: `Lists the works whose authors and titles hold every word given (case and accents
ignored).

   ibid search serge memoirs`,
		Flags: append(dbFlags(), formatFlag()),
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("search needs words to look for")
			}
			format := c.String("format")
			if err := oneFormat(format, "text", "jsonl"); err != nil {
				return err
			}
			return withStore(c, true, func(s *store.Store) error {
				works, err := s.Search(strings.Join(c.Args().Slice(), " "))
				if err != nil {
					return err
				}
				return writeWorks(env.Stdout, works, format)
			})
		},
	}
}

func showCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "show",
		Usage:     "show one work and every place it is cited",
		ArgsUsage: "ID",
		Flags:     append(dbFlags(), formatFlag()),
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("show takes one work id (see 'ibid works')")
			}
			format := c.String("format")
			if err := oneFormat(format, "text", "jsonl"); err != nil {
				return err
			}
			return withStore(c, true, func(s *store.Store) error {
				w, cites, err := s.Work(c.Args().First())
				if err != nil {
					return err
				}
				if format == "jsonl" {
					return encodeJSON(env.Stdout, struct {
						bib.Work
						Citations []bib.Citation `json:"citations"`
					}{w, cites})
				}
				out := env.Stdout
				fmt.Fprintf(out, "%s\n  %s\n", w.ID, describe(&w.Item))
				item, _ := json.MarshalIndent(w.Item, "  ", "  ")
				fmt.Fprintf(out, "  %s\n", item)
				fmt.Fprintf(out, "cited %d times:\n", len(cites))
				for _, ct := range cites {
					where := fmt.Sprintf("%s:%d", ct.Doc, ct.Line)
					if ct.Seq != "" {
						where += fmt.Sprintf(" (%s note %d)", ct.Seq, ct.Note)
					}
					loc := ""
					if ct.Locator != "" {
						loc = ", " + ct.Locator
					}
					if _, err := fmt.Fprintf(out, "  %s %s%s\n", where, ct.Form, loc); err != nil {
						return err
					}
				}
				return nil
			})
		},
	}
}

func docsCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:  "docs",
		Usage: "list the documents harvested into the library",
		Flags: append(dbFlags(), formatFlag()),
		Action: func(c *cli.Context) error {
			if err := noArgs(c); err != nil {
				return err
			}
			format := c.String("format")
			if err := oneFormat(format, "text", "jsonl"); err != nil {
				return err
			}
			return withStore(c, true, func(s *store.Store) error {
				docs, err := s.Docs()
				if err != nil {
					return err
				}
				for _, d := range docs {
					if format == "jsonl" {
						if err := encodeJSON(env.Stdout, d); err != nil {
							return err
						}
						continue
					}
					if _, err := fmt.Fprintf(env.Stdout, "%s\t%s\t%d notes\t%d entries\t%d works\t%d citations\t%d findings\n",
						d.Name, d.Harvested.Format("2006-01-02 15:04"), d.Notes, d.Entries, d.Works, d.Citations, d.Findings); err != nil {
						return err
					}
				}
				return nil
			})
		},
	}
}

func forgetCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "forget",
		Usage:     "remove a document and its citations from the library",
		ArgsUsage: "DOC",
		Flags:     dbFlags(),
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("forget takes one document name (see 'ibid docs')")
			}
			return withStore(c, false, func(s *store.Store) error {
				if err := s.Forget(c.Args().First()); err != nil {
					return err
				}
				_, err := fmt.Fprintf(env.Stdout, "forgot %s\n", c.Args().First())
				return err
			})
		},
	}
}

func mergeCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "merge",
		Usage:     "merge two works the library kept apart (kept across later harvests)",
		ArgsUsage: "KEEP-ID OTHER-ID",
		Flags:     dbFlags(),
		Action: func(c *cli.Context) error {
			if c.NArg() != 2 {
				return usagef("merge takes two work ids: the one to keep and the one to fold into it")
			}
			return withStore(c, false, func(s *store.Store) error {
				w, err := s.Merge(c.Args().Get(0), c.Args().Get(1))
				if err != nil {
					return err
				}
				_, err = fmt.Fprintf(env.Stdout, "merged into %s: %s\n", w.ID, describe(&w.Item))
				return err
			})
		},
	}
}

func unmergeCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "unmerge",
		Usage:     "undo a merge (kept across later harvests)",
		ArgsUsage: "ID",
		Flags:     dbFlags(),
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("unmerge takes one work id")
			}
			return withStore(c, false, func(s *store.Store) error {
				works, err := s.Unmerge(c.Args().First())
				if err != nil {
					return err
				}
				for _, w := range works {
					if _, err := fmt.Fprintf(env.Stdout, "%s\t%s\n", w.ID, describe(&w.Item)); err != nil {
						return err
					}
				}
				return nil
			})
		},
	}
}

func noArgs(c *cli.Context) error {
	if c.NArg() > 0 {
		return usagef("%s takes no arguments, got %q", c.Command.Name, c.Args().First())
	}
	return nil
}

func writeWorks(w io.Writer, works []bib.Work, format string) error {
	for i := range works {
		if format == "jsonl" {
			if err := encodeJSON(w, &works[i]); err != nil {
				return err
			}
			continue
		}
		if _, err := fmt.Fprintf(w, "%s\t%s\n", works[i].ID, describe(&works[i].Item)); err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
	return nil
}

// describe is a one-line human description: author, year, title.
func describe(it *bib.Item) string {
	parts := []string{}
	if f := it.FirstFamily(); f != "" {
		parts = append(parts, f)
	}
	if y := it.YearOf(); y != 0 {
		parts = append(parts, fmt.Sprint(y))
	}
	title := it.Title
	if title == "" {
		title = it.ContainerTitle
	}
	parts = append(parts, title)
	return strings.Join(parts, ", ")
}

func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}
