package store

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/ibid-project/ibid/bib"
)

// crashChildEnv, when set to a store path, makes the test binary a child
// that harvests documents into that store until it is killed.
const crashChildEnv = "IBID_STORE_CRASH_CHILD"

// crashDoc is the i-th document the child harvests: it declares its number
// of citations in its name, so the parent can check it is complete.
func crashDoc(i int) DocInput {
	n := 3 + i%5
	var items []bib.Item
	for j := 0; j < n; j++ {
		k := (i*7 + j) % 40
		items = append(items, book(fmt.Sprintf("Author%02d", k), "A.", fmt.Sprintf("Work Number %d of the Pool", k), 1900+k))
	}
	in := docOf(fmt.Sprintf("doc-%04d-cites-%d.txt", i, n), fmt.Sprintf("hash-%d", i), items...)
	in.Findings = []bib.Finding{{Provenance: bib.Provenance{Doc: in.Name, Line: 1}, Code: "never-cited", Message: "synthetic"}}
	return in
}

// TestCrashChild is the child's body; it does nothing in a normal run.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashChildEnv)
	if path == "" {
		t.Skip("runs only as the child of TestCrashMidHarvest")
	}
	s, err := Open(path, Options{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println("ready")
	for i := 0; ; i++ {
		in := crashDoc(i % 300)
		in.Hash = fmt.Sprintf("hash-%d", i) // a new hash: every round replaces the document
		if _, err := s.Harvest(in); err != nil {
			t.Fatal(err)
		}
	}
}

// TestCrashMidHarvest kills a child process with SIGKILL while it
// harvests, then checks the store opens and every document in it is
// complete: as many citations and findings as it declared, every cited work
// present.
func TestCrashMidHarvest(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the crash test")
	}
	path := filepath.Join(t.TempDir(), "library.db")
	for round := 0; round < 4; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.v")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
		out := &strings.Builder{}
		cmd.Stdout, cmd.Stderr = out, out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Once it harvests, let it write for a while: long enough to be
		// inside some commit, different each round.
		for start := time.Now(); !strings.Contains(out.String(), "ready"); time.Sleep(5 * time.Millisecond) {
			if time.Since(start) > 20*time.Second {
				t.Fatalf("child never started:\n%s", out)
			}
		}
		time.Sleep(200*time.Millisecond + time.Duration(round)*130*time.Millisecond)
		if err := cmd.Process.Kill(); err != nil { // SIGKILL on Unix
			t.Fatal(err)
		}
		err := cmd.Wait()
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			t.Fatalf("round %d: child ended by itself (%v):\n%s", round, err, out)
		}
		checkComplete(t, path, round)
	}
}

func checkComplete(t *testing.T, path string, round int) {
	t.Helper()
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("round %d: open after SIGKILL: %v", round, err)
	}
	defer s.Close()
	err = s.db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatalf("round %d: bbolt consistency check: %v", round, err)
	}
	docs, err := s.Docs()
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) == 0 {
		t.Fatalf("round %d: the child stored nothing", round)
	}
	works, err := s.Works(Filter{})
	if err != nil {
		t.Fatal(err)
	}
	stored := map[string]bool{}
	for _, w := range works {
		stored[w.ID] = true
	}
	for _, d := range docs {
		parts := strings.Split(strings.TrimSuffix(d.Name, ".txt"), "-")
		declared, _ := strconv.Atoi(parts[len(parts)-1])
		cites, err := s.Citations(d.Name)
		if err != nil {
			t.Fatal(err)
		}
		findings, err := s.Findings(d.Name)
		if err != nil {
			t.Fatal(err)
		}
		if len(cites) != declared || d.Citations != declared || len(findings) != 1 {
			t.Errorf("round %d: %s has %d citations (record %d), %d findings; declared %d, 1",
				round, d.Name, len(cites), d.Citations, len(findings), declared)
		}
		for _, c := range cites {
			if !stored[c.Work] {
				t.Errorf("round %d: %s cites missing work %q", round, d.Name, c.Work)
			}
		}
	}
	t.Logf("round %d: %d complete documents", round, len(docs))
}
