// Command ibid-eval-refs measures how well package refs/cite reads
// reference strings, on the AnyStyle labelled corpus and on the rendered
// documents with exact answer keys:
//
//	ibid-eval-refs [-v] anystyle [core.xml]
//	ibid-eval-refs [-v] rendered [dir]
//	ibid-eval-refs strings [core.xml]   the AnyStyle strings, one per line (input for ibid ref)
//
// Paths default to ../shared/corpus relative to the module root.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "ibid-eval-refs:", err)
		var u usageError
		if errors.As(err, &u) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

// usageError is a mistake in the command line.
type usageError string

func (u usageError) Error() string { return string(u) }

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("ibid-eval-refs", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	verbose := fs.Bool("v", false, "print a sample of mismatches")
	samples := fs.Int("n", 8, "mismatches to print per field with -v")
	if err := fs.Parse(args); err != nil {
		return usageError(err.Error())
	}
	rest := fs.Args()
	if len(rest) == 0 {
		return usageError("usage: ibid-eval-refs [-v] anystyle|rendered|strings [path]")
	}
	opts := options{verbose: *verbose, samples: *samples}
	switch rest[0] {
	case "anystyle":
		path, err := corpusPath(rest[1:], "anystyle/core.xml")
		if err != nil {
			return err
		}
		res, err := evalAnystyle(path, opts)
		if err != nil {
			return err
		}
		res.print(out, opts)
		return nil
	case "strings":
		path, err := corpusPath(rest[1:], "anystyle/core.xml")
		if err != nil {
			return err
		}
		return writeAnystyleStrings(path, out)
	case "rendered":
		path, err := corpusPath(rest[1:], "rendered-dev")
		if err != nil {
			return err
		}
		res, err := evalRendered(path, opts)
		if err != nil {
			return err
		}
		res.print(out, opts)
		return nil
	}
	return usageError(fmt.Sprintf("unknown evaluation %q (want anystyle, rendered or strings)", rest[0]))
}

// options are the command's settings.
type options struct {
	verbose bool
	samples int
}

// corpusPath returns the given path, or the default under
// ../shared/corpus next to the module root.
func corpusPath(args []string, def string) (string, error) {
	if len(args) > 0 {
		return args[0], nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("find corpus: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared", "corpus", def), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("find corpus: no go.mod above the working directory; give the path")
		}
		dir = parent
	}
}
