package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/urfave/cli/v2"

	"github.com/ibid-project/ibid/refs"
)

func parseCommand(env *Env) *cli.Command {
	return &cli.Command{
		Name:      "parse",
		Usage:     "print a document's notes, bibliography entries, citations and findings",
		ArgsUsage: "FILE|-",
		Description: `Reads one document (UTF-8, Latin-1 or Windows-1252 text; "-" for stdin) and
writes, in document order, one JSON object per line: every note ("kind":"note") with
its sequence, number, lines, markers and resolved citations; every bibliography
entry ("entry") with its section, group and CSL-JSON item; every in-text citation
group ("intext"); every finding ("problem"). No library is touched. The shapes are
documented in README.md ("JSON outputs").

   ibid parse --format jsonl thesis.txt | jq -c 'select(.kind=="note") | .citations[].work'`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "jsonl", Usage: "output format: jsonl"},
		},
		Action: func(c *cli.Context) error {
			if err := oneFormat(c.String("format"), "jsonl"); err != nil {
				return err
			}
			doc, err := parseArg(env, c, "parse")
			if err != nil {
				return err
			}
			return writeJSONL(env.Stdout, doc)
		},
	}
}

// parseArg reads and parses the command's single document argument.
func parseArg(env *Env, c *cli.Context, cmd string) (*refs.Document, error) {
	if c.NArg() != 1 {
		return nil, usagef("%s takes one document (a path, or - for stdin), got %d arguments", cmd, c.NArg())
	}
	path := c.Args().First()
	data, err := readInput(env, path)
	if err != nil {
		return nil, err
	}
	doc, err := refs.Parse(path, data)
	if err != nil {
		return nil, err
	}
	if doc.Encoding != "utf-8" {
		fmt.Fprintf(env.Stderr, "ibid: %s: not UTF-8; read as %s\n", path, doc.Encoding)
	}
	return doc, nil
}

// writeJSONL writes the document's records in document order: notes,
// entries, in-text groups and problems interleaved by line.
func writeJSONL(w io.Writer, doc *refs.Document) error {
	type rec struct {
		line int
		v    any
	}
	var recs []rec
	for i := range doc.Notes {
		recs = append(recs, rec{doc.Notes[i].Line, &doc.Notes[i]})
	}
	for i := range doc.Entries {
		recs = append(recs, rec{doc.Entries[i].Line, &doc.Entries[i]})
	}
	for i := range doc.InText {
		recs = append(recs, rec{doc.InText[i].Line, &doc.InText[i]})
	}
	for i := range doc.Problems {
		recs = append(recs, rec{doc.Problems[i].Line, &doc.Problems[i]})
	}
	sort.SliceStable(recs, func(i, j int) bool { return recs[i].line < recs[j].line })
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range recs {
		if err := enc.Encode(r.v); err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
	return nil
}
