package main

import (
	"runtime"
	"sync"

	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/ibid-project/ibid/bib"

	"github.com/urfave/cli/v2"

	"github.com/ibid-project/ibid/refs/cite"
)

func refCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "ref",
		Usage:     "parse reference strings, one per line, into CSL-JSON items",
		ArgsUsage: "[FILE|-]...",
		Description: `Reads reference strings, one per line, from the files given or from stdin, and
writes one CSL-JSON item per line (JSON Lines), in input order. Blank lines are
skipped. With --note the strings are read as footnote citations (a final page number
is the pinpoint, given under "custom"), else as bibliography entries.

   echo 'Serge, Victor. Memoirs of a Revolutionary. London: Writers and Readers, 1984.' | ibid ref`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "note", Usage: "read the strings as footnote citations rather than bibliography entries"},
		},
		Action: func(c *cli.Context) error {
			kind := cite.Entry
			if c.Bool("note") {
				kind = cite.Note
			}
			paths := c.Args().Slice()
			if len(paths) == 0 {
				paths = []string{"-"}
			}
			out := bufio.NewWriter(env.Stdout)
			enc := json.NewEncoder(out)
			enc.SetEscapeHTML(false)
			for _, p := range paths {
				if err := refFile(env, p, kind, enc); err != nil {
					return err
				}
			}
			if err := out.Flush(); err != nil {
				return fmt.Errorf("write: %w", err)
			}
			return nil
		},
	}
}

func refFile(env *Env, path string, kind cite.Kind, enc *json.Encoder) error {
	var r io.Reader
	if path == "-" {
		if f, ok := env.Stdin.(*os.File); ok && isTerminal(f) {
			return usagef("ref: refusing to read from a terminal; pipe references in or name a file")
		}
		r = env.Stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("read %s: %w", path, unwrapPathError(err))
		}
		defer f.Close()
		r = f
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	line := 0
	batch := make([]string, 0, refBatch)
	for sc.Scan() {
		line++
		s := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\uFEFF"))
		if s == "" {
			continue
		}
		if batch = append(batch, s); len(batch) == refBatch {
			if err := writeRefs(enc, parseRefs(batch, kind)); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s:%d: %w", path, line+1, err)
	}
	return writeRefs(enc, parseRefs(batch, kind))
}

// refBatch is how many references are parsed at once, across all cores.
const refBatch = 1024

// parseRefs parses a batch of reference strings on every core and returns
// the items in input order; the locator of a note citation goes under
// "custom".
func parseRefs(batch []string, kind cite.Kind) []bib.Item {
	items := make([]bib.Item, len(batch))
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(batch); i += workers {
				ref := cite.Parse(batch[i], kind)
				it := ref.Item
				if ref.Locator != "" {
					it.Custom = map[string]any{"locator": ref.Locator}
				}
				items[i] = it
			}
		}(w)
	}
	wg.Wait()
	return items
}

func writeRefs(enc *json.Encoder, items []bib.Item) error {
	for i := range items {
		if err := enc.Encode(&items[i]); err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
	return nil
}
