package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

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
	for sc.Scan() {
		line++
		s := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\uFEFF"))
		if s == "" {
			continue
		}
		ref := cite.Parse(s, kind)
		it := ref.Item
		if ref.Locator != "" {
			if it.Custom == nil {
				it.Custom = map[string]any{}
			}
			it.Custom["locator"] = ref.Locator
		}
		if err := enc.Encode(&it); err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s:%d: %w", path, line+1, err)
	}
	return nil
}
