package main

import (
	"fmt"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/ibid-project/ibid/bib/store"
)

// dbFlags are the flags of every command that opens the library.
func dbFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "db", Usage: "library file (default $IBID_DB, else $XDG_DATA_HOME/ibid/library.db)", EnvVars: []string{"IBID_DB"}},
		&cli.DurationFlag{Name: "lock-timeout", Value: 2 * time.Second, Usage: "how long to wait for another ibid process to release the library"},
	}
}

// withStore runs fn on the library, opened read-only or for writing, and
// closes it; an error closing a written library is reported too.
func withStore(c *cli.Context, readOnly bool, fn func(*store.Store) error) error {
	s, err := openStore(c, readOnly)
	if err != nil {
		return err
	}
	err = fn(s)
	if cerr := s.Close(); err == nil && cerr != nil {
		return fmt.Errorf("close %s: %w", s.Path(), cerr)
	}
	return err
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
