package export

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	nickng "github.com/nickng/bibtex"

	"github.com/ibid-project/ibid/bib"
)

var update = flag.Bool("update", false, "rewrite golden files")

// loadWorks reads the synthetic library in testdata/works.json.
func loadWorks(t testing.TB) []bib.Work {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "works.json"))
	if err != nil {
		t.Fatal(err)
	}
	var works []bib.Work
	if err := json.Unmarshal(data, &works); err != nil {
		t.Fatalf("testdata/works.json: %v", err)
	}
	return works
}

// sharedDir returns ../shared beside the repository root, or skips.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("no go.mod above the package: cannot find ../shared")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("shared material not found at %s", shared)
	}
	return shared
}

// nickngMu serialises calls into nickng/bibtex, whose parser state is
// global.
var nickngMu sync.Mutex

// parseNickng parses BibTeX with nickng/bibtex, the test oracle, under
// the mutex, with panics turned into errors. A failed parse can leave
// nickng's global "inside a field" flag set; parsing "@," clears it.
func parseNickng(src []byte) (bt *nickng.BibTex, err error) {
	nickngMu.Lock()
	defer nickngMu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("nickng/bibtex panicked: %v", r)
		}
		func() {
			defer func() { _ = recover() }()
			_, _ = nickng.Parse(strings.NewReader("@,"))
		}()
	}()
	return nickng.Parse(bytes.NewReader(src))
}

// writeBoth renders works in both formats with their generated keys.
func writeBoth(t testing.TB, works []bib.Work, opt Options) (bibtex, csl []byte) {
	t.Helper()
	keys := Keys(works)
	var b, c bytes.Buffer
	if err := WriteBibTeX(&b, works, keys, opt); err != nil {
		t.Fatal(err)
	}
	if err := WriteCSLJSON(&c, works, keys); err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), c.Bytes()
}

// bracesBalance reports whether every brace in a BibTeX value pairs up
// when counted the way bibtex and biber count them (escaped or not).
func bracesBalance(s string) bool {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

// fieldValues returns the raw values of the "name = {value}" lines we
// write, one per line.
func fieldValues(out string) []string {
	var vals []string
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "  ") {
			continue
		}
		_, v, ok := strings.Cut(line, " = ")
		if !ok {
			continue
		}
		v = strings.TrimSuffix(v, ",")
		if strings.HasPrefix(v, "{") && strings.HasSuffix(v, "}") {
			v = v[1 : len(v)-1]
		}
		vals = append(vals, v)
	}
	return vals
}
