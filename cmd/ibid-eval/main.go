// Command ibid-eval measures ibid against the answer keys of the shared
// corpus and prints the figures the issues ask for.
//
//	go run ./cmd/ibid-eval rendered [DIR]   resolution and field accuracy on rendered-dev
//	go run ./cmd/ibid-eval thesis [FILE]    the thesis sample checked by hand (testdata/thesis-sample.tsv)
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: ibid-eval rendered [DIR] | thesis [FILE] [SAMPLE.tsv] [-v]")
		os.Exit(2)
	}
	args := os.Args[2:]
	verbose := false
	var rest []string
	for _, a := range args {
		if a == "-v" {
			verbose = true
			continue
		}
		rest = append(rest, a)
	}
	var err error
	switch os.Args[1] {
	case "rendered":
		dir := "../shared/corpus/rendered-dev"
		if len(rest) > 0 {
			dir = rest[0]
		}
		err = rendered(os.Stdout, dir, verbose)
	case "thesis":
		doc, sample := "../shared/corpus/thesis-serge-1991.txt", "testdata/thesis-sample.tsv"
		if len(rest) > 0 {
			doc = rest[0]
		}
		if len(rest) > 1 {
			sample = rest[1]
		}
		err = thesis(os.Stdout, doc, sample, verbose)
	case "library":
		dir, doc := "../shared/corpus/rendered-dev", "../shared/corpus/thesis-serge-1991.txt"
		if len(rest) > 0 {
			dir = rest[0]
		}
		err = library(os.Stdout, dir, doc, verbose)
	default:
		err = fmt.Errorf("unknown evaluation %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "ibid-eval:", err)
		os.Exit(1)
	}
}
