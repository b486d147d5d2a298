package main

import (
	"crypto/sha256"
	"encoding/hex"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/ibid-project/ibid/bib"
	"github.com/ibid-project/ibid/bib/store"
	"github.com/ibid-project/ibid/refs"
)

// dbFlags are the flags of every command that opens the library.
func dbFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "db", Usage: "library file (default $IBID_DB, else $XDG_DATA_HOME/ibid/library.db)", EnvVars: []string{"IBID_DB"}},
		&cli.DurationFlag{Name: "lock-timeout", Value: 2 * time.Second, Usage: "how long to wait for another ibid process to release the library"},
	}
}

// openStore opens the library named by --db / $IBID_DB / the default path.
func openStore(c *cli.Context, readOnly bool) (*store.Store, error) {
	path := c.String("db")
	if path == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return nil, err
		}
		path = p
	}
	return store.Open(path, store.Options{ReadOnly: readOnly, Timeout: c.Duration("lock-timeout")})
}

// docInput turns a parsed document into what the store keeps of it.
func docInput(doc *refs.Document, data []byte) store.DocInput {
	sum := sha256.Sum256(data)
	in := store.DocInput{Name: doc.Name, Hash: hex.EncodeToString(sum[:]), Title: doc.Title,
		Notes: len(doc.Notes), Entries: len(doc.Entries)}
	for _, s := range doc.Sequences {
		in.Sequences = append(in.Sequences, store.SeqInfo{ID: s.ID, Title: s.Title, Notes: s.Notes})
	}
	sources := map[string][]bib.Provenance{}
	inBib := map[string]bool{}
	for _, e := range doc.Entries {
		if e.Work == "" {
			continue
		}
		inBib[e.Work] = true
		sources[e.Work] = append(sources[e.Work], bib.Provenance{Doc: doc.Name, Line: e.Line, EndLine: e.EndLine})
	}
	addCites := func(cs []refs.Citation, p bib.Provenance) {
		for _, c := range cs {
			if c.Work == "" {
				continue
			}
			loc := ""
			if c.Locator != nil {
				loc = *c.Locator
			}
			in.Citations = append(in.Citations, bib.Citation{Provenance: p, Form: c.Form, Work: c.Work, Locator: loc})
			if len(sources[c.Work]) == 0 || c.Form == bib.FormFull {
				sources[c.Work] = append(sources[c.Work], p)
			}
		}
	}
	for _, n := range doc.Notes {
		addCites(n.Citations, bib.Provenance{Doc: doc.Name, Line: n.Line, EndLine: n.EndLine, Seq: n.Seq, Note: n.Number})
	}
	for _, g := range doc.InText {
		addCites(g.Citations, bib.Provenance{Doc: doc.Name, Line: g.Line, EndLine: g.EndLine})
	}
	for _, id := range sortedKeys(doc.Works) {
		in.Works = append(in.Works, store.WorkInput{Key: id, Item: *doc.Works[id], Sources: sources[id], InBibliography: inBib[id]})
	}
	for _, p := range doc.Problems {
		in.Findings = append(in.Findings, bib.Finding{Provenance: bib.Provenance{Doc: p.Doc, Line: p.Line, Seq: p.Seq, Note: p.Number},
			Code: p.Code, Message: p.Message})
	}
	return in
}
