package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/ibid-project/ibid/bib/store"

	"github.com/ibid-project/ibid/internal/harvest"

	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"

	"github.com/ibid-project/ibid/refs"
)

func harvestCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "harvest",
		Usage:     "read documents and store their works and citations in the library",
		ArgsUsage: "FILE|-...",
		Description: `Parses each document and stores it in the library in one transaction: a document
is stored whole or not at all. Works are deduplicated against everything already in
the library. The same content again is reported as unchanged and writes nothing;
changed content replaces that document's citations (works still cited elsewhere stay).

   ibid harvest thesis.txt book.txt
   ibid --db lib.db harvest - < notes.txt`,
		Flags: append(dbFlags(),
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no progress bar, no per-document lines"},
		),
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("harvest needs at least one document (a path, or - for stdin)")
			}
			return withStore(c, false, func(s *store.Store) error {
				bar := newProgress(env, c.NArg(), c.Bool("quiet"))
				var docs, unchanged, newWorks, merged, cites, findings int
				for _, path := range c.Args().Slice() {
					data, err := readInput(env, path)
					if err != nil {
						return err
					}
					doc, err := refs.Parse(path, data)
					if err != nil {
						return err
					}
					if doc.Encoding != "utf-8" {
						fmt.Fprintf(env.Stderr, "ibid: %s: not UTF-8; read as %s\n", path, doc.Encoding)
					}
					res, err := s.Harvest(harvest.Input(doc, data))
					if err != nil {
						return fmt.Errorf("harvest %s: %w", path, err)
					}
					docs++
					if res.Unchanged {
						unchanged++
					}
					newWorks += res.NewWorks
					merged += res.MergedWorks
					cites += res.Citations
					findings += res.Findings
					if !c.Bool("quiet") && bar == nil {
						state := "stored"
						switch {
						case res.Unchanged:
							state = "unchanged"
						case res.Replaced:
							state = "replaced"
						}
						fmt.Fprintf(env.Stderr, "%s: %s (%d works new, %d merged, %d citations, %d findings)\n",
							path, state, res.NewWorks, res.MergedWorks, res.Citations, res.Findings)
					}
					if bar != nil {
						_ = bar.Add(1)
					}
				}
				if bar != nil {
					_ = bar.Finish()
				}
				_, err := fmt.Fprintf(env.Stdout, "harvested %d documents (%d unchanged): %d works new, %d merged, %d citations, %d findings\n",
					docs, unchanged, newWorks, merged, cites, findings)
				return err
			})
		},
	}
}

// newProgress returns a progress bar on stderr when stderr is a terminal,
// several files are harvested and nothing asks for quiet; else nil. Never
// on stdout, never in CI.
func newProgress(env *Env, n int, quiet bool) *progressbar.ProgressBar {
	if quiet || n < 2 || env.Getenv("CI") != "" || env.Getenv("TERM") == "" || env.Getenv("TERM") == "dumb" {
		return nil
	}
	f, ok := env.Stderr.(*os.File)
	if !ok || !isTerminal(f) {
		return nil
	}
	return progressbar.NewOptions(n,
		progressbar.OptionSetWriter(io.Writer(f)),
		progressbar.OptionSetDescription("harvest"),
		progressbar.OptionThrottle(80*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionShowCount(),
	)
}
