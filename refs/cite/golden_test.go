package cite

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenCase is one line of testdata/refs.txt with what the package makes
// of it.
type goldenCase struct {
	Input  string  `json:"input"`
	Kind   string  `json:"kind"`
	Ref    *Ref    `json:"ref,omitempty"`
	Pieces []Piece `json:"pieces,omitempty"`
}

// TestGolden parses the synthetic strings of testdata/refs.txt and
// compares the result with testdata/refs.golden.json; -update rewrites it.
func TestGolden(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "refs.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []goldenCase
	sc := bufio.NewScanner(bytes.NewReader(in))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") || len(line) < 3 {
			continue
		}
		c := goldenCase{Input: line[2:], Kind: line[:1]}
		switch c.Kind {
		case "E":
			r := Parse(c.Input, Entry)
			c.Ref = &r
		case "N":
			r := Parse(c.Input, Note)
			c.Ref = &r
		case "S":
			c.Pieces = Split(c.Input)
		}
		cases = append(cases, c)
	}
	got, err := json.MarshalIndent(cases, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "refs.golden.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s; run go test -update and review the diff", path)
	}
	// a second run gives the same answers
	again, _ := json.MarshalIndent(cases, "", "  ")
	if !bytes.Equal(append(again, '\n'), got) {
		t.Error("golden output is not deterministic")
	}
}
