package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"
)

// Env is what a command may touch of the outside world; tests inject their
// own.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
}

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func newApp(env *Env) *cli.App {
	app := &cli.App{
		Name:  "ibid",
		Usage: "harvest, resolve and export the references of footnoted documents",
		Description: `ibid reads a document (an OCR'd thesis, a book, pandoc output) whose references
live in footnotes and a bibliography, resolves "Ibid.", "op. cit." and short forms to
the works they name, keeps the works in one deduplicated library and exports them.

A one-shot check of a manuscript needs no library:
   ibid check thesis.txt               footnote/bibliography consistency, exit 1 on findings
   ibid parse --format jsonl thesis.txt  notes, entries and citations as JSON Lines
   ibid export --format bibtex thesis.txt

EXIT STATUS
   0  clean   1  findings reported (check)   2  usage error, unreadable input or store trouble`,
		Version:         version,
		Reader:          env.Stdin,
		Writer:          env.Stdout,
		ErrWriter:       env.Stderr,
		HideHelpCommand: false,
		Suggest:         true,
		// urfave/cli would otherwise os.Exit inside Run: exit codes are
		// decided in main only.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError:   onUsageError,
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usagef("unknown command %q", c.Args().First())
			}
			return cli.ShowAppHelp(c)
		},
		Commands: []*cli.Command{
			parseCommand(env),
			checkCommand(env),
			refCommand(env),
			harvestCommand(env),
			importCommand(env),
			worksCommand(env),
			showCommand(env),
			searchCommand(env),
			docsCommand(env),
			forgetCommand(env),
			mergeCommand(env),
			unmergeCommand(env),
			exportCommand(env),
			reportCommand(env),
			bibliographyCommand(env),
		},
	}
	for _, c := range app.Commands {
		guardCommand(c)
	}
	return app
}

// onUsageError turns a flag-parsing error into a one-line usage error
// instead of urfave/cli's help dump on stdout.
func onUsageError(_ *cli.Context, err error, _ bool) error {
	return usagef("%s", strings.TrimPrefix(err.Error(), "flag provided but not defined: "))
}

// guardCommand applies what urfave/cli v2 does not inherit: the usage-error
// handler, and the check that no flag hides among the positional arguments
// (where v2 would silently treat it as an argument).
func guardCommand(c *cli.Command) {
	c.OnUsageError = onUsageError
	action := c.Action
	c.Action = func(ctx *cli.Context) error {
		for _, a := range ctx.Args().Slice() {
			if strings.HasPrefix(a, "-") && a != "-" {
				return usagef("%s: flag %s after the file arguments; put flags before files", c.Name, a)
			}
		}
		if action == nil {
			return nil
		}
		return action(ctx)
	}
	for _, sub := range c.Subcommands {
		guardCommand(sub)
	}
}

// readInput reads a path, or standard input for "-". A terminal on stdin
// is refused rather than waited on.
func readInput(env *Env, path string) ([]byte, error) {
	if path == "-" {
		if f, ok := env.Stdin.(*os.File); ok && isTerminal(f) {
			return nil, usagef("refusing to read a document from a terminal; pipe it in or name a file")
		}
		data, err := io.ReadAll(env.Stdin)
		if err != nil {
			return nil, fmt.Errorf("read stdin: %w", err)
		}
		return data, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, unwrapPathError(err))
	}
	return data, nil
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// oneFormat checks a --format value against the allowed ones.
func oneFormat(got string, allowed ...string) error {
	for _, a := range allowed {
		if got == a {
			return nil
		}
	}
	return usagef("unknown format %q (want %s)", got, strings.Join(allowed, ", "))
}
