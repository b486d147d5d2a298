package store

import (
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/ibid-project/ibid/bib"
)

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

func TestOpenRefusesWhatIsNotAStore(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	foreignBolt := func(name string, fill func(*bolt.Tx) error) string {
		p := filepath.Join(dir, name)
		db, err := bolt.Open(p, 0o644, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Update(fill); err != nil {
			t.Fatal(err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name string
		path string
		want error
	}{
		{"text file", write("notes.txt", []byte(strings.Repeat("¹⁴Serge, Memoirs, p. 71.\n", 400))), ErrNotStore},
		{"short binary", write("short.db", []byte{0, 1, 2, 3}), ErrNotStore},
		{"page of zeros", write("zeros.db", make([]byte, 8192)), ErrNotStore},
		{"empty file", write("empty.db", nil), ErrNotStore},
		{"directory", dir, ErrNotStore},
		{"another program's bbolt file", foreignBolt("other.db", func(tx *bolt.Tx) error {
			_, err := tx.CreateBucket([]byte("settings"))
			return err
		}), ErrNotStore},
		{"another schema version", foreignBolt("v9.db", func(tx *bolt.Tx) error {
			for _, b := range allBuckets {
				if _, err := tx.CreateBucket(b); err != nil {
					return err
				}
			}
			return tx.Bucket(bucketMeta).Put([]byte(keySchema), []byte("9"))
		}), ErrSchema},
	}
	for _, tc := range tests {
		for _, ro := range []bool{false, true} {
			t.Run(tc.name, func(t *testing.T) {
				var before [32]byte
				info, _ := os.Stat(tc.path)
				if !info.IsDir() {
					before = fileHash(t, tc.path)
				}
				s, err := Open(tc.path, Options{ReadOnly: ro, Timeout: 100 * time.Millisecond})
				if err == nil {
					s.Close()
					t.Fatalf("Open(ReadOnly=%v) succeeded, want %v", ro, tc.want)
				}
				if !errors.Is(err, tc.want) {
					t.Fatalf("Open(ReadOnly=%v) = %v, want %v", ro, err, tc.want)
				}
				if strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), tc.path) {
					t.Errorf("error %q: want one line naming the path", err)
				}
				if !info.IsDir() && fileHash(t, tc.path) != before {
					t.Errorf("Open changed the file")
				}
			})
		}
	}
}

func TestOpenCreatesAndReopens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "library.db")
	if _, err := Open(path, Options{ReadOnly: true}); !errors.Is(err, ErrNoStore) {
		t.Fatalf("read-only Open of a missing store = %v, want ErrNoStore", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("read-only Open created %s", path)
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustHarvest(t, s, docOf("a.txt", "h1", book("Serge", "Victor", "Memoirs", 1963)))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	docs, err := s.Docs()
	if err != nil || len(docs) != 1 || docs[0].Name != "a.txt" || docs[0].Works != 1 || docs[0].Citations != 1 {
		t.Fatalf("Docs after reopen = %+v, %v", docs, err)
	}
	if _, err := s.Harvest(docOf("b.txt", "h2")); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("Harvest on a read-only store = %v, want ErrReadOnly", err)
	}
}

// TestOpenLocked holds the store read-write through one handle; a second
// Open in the same process blocks too (bbolt's flock is per file
// description), and must fail with ErrLocked after its timeout, never hang.
func TestOpenLocked(t *testing.T) {
	s, path := mustOpen(t)
	for _, ro := range []bool{false, true} {
		start := time.Now()
		done := make(chan error, 1)
		go func() {
			s2, err := Open(path, Options{ReadOnly: ro, Timeout: 100 * time.Millisecond})
			if err == nil {
				s2.Close()
			}
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.Is(err, ErrLocked) {
				t.Fatalf("second Open(ReadOnly=%v) = %v, want ErrLocked", ro, err)
			}
			if want := "store " + path + " is locked by another ibid process"; !strings.HasPrefix(err.Error(), want) {
				t.Errorf("error = %q, want it to start %q", err, want)
			}
			if elapsed := time.Since(start); elapsed < 100*time.Millisecond {
				t.Errorf("gave up after %v, before the timeout", elapsed)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("second Open(ReadOnly=%v) hangs", ro)
		}
	}
	// Once released, the store opens again.
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(path, Options{Timeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	s2.Close()
}

// TestReadOnlyLeavesFileIdentical runs every query on a store opened
// read-only and checks the file is byte-identical afterwards.
func TestReadOnlyLeavesFileIdentical(t *testing.T) {
	s, path := mustOpen(t)
	memoirs := book("Serge", "Victor", "Memoirs of a Revolutionary", 1963)
	mustHarvest(t, s, docOf("a.txt", "h1", memoirs, book("Trotsky", "Leon", "My Life", 1930)))
	mustHarvest(t, s, docOf("b.txt", "h2", book("Serge", "V.", "Memoirs", 0)))
	if _, err := s.Import("lib.json", []bib.Item{book("Carr", "E. H.", "The Bolshevik Revolution", 1950)}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, path)

	r, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	works, err := r.Works(Filter{})
	if err != nil || len(works) != 3 {
		t.Fatalf("Works = %v, %v; want 3", workIDs(works), err)
	}
	queries := []func() error{
		func() error { _, err := r.Works(Filter{Doc: "a.txt", CitedOnly: true, Type: "book"}); return err },
		func() error { _, _, err := r.Work(works[0].ID); return err },
		func() error { _, err := r.Citations(""); return err },
		func() error { _, err := r.Citations("b.txt"); return err },
		func() error { _, err := r.Findings(""); return err },
		func() error { _, err := r.Search("serge memoirs"); return err },
		func() error { _, err := r.Docs(); return err },
	}
	for i, q := range queries {
		if err := q(); err != nil {
			t.Errorf("query %d: %v", i, err)
		}
	}
	writes := []func() error{
		func() error { _, err := r.Harvest(docOf("c.txt", "h3", memoirs)); return err },
		func() error { _, err := r.Import("x.json", nil); return err },
		func() error { return r.Forget("a.txt") },
		func() error { _, err := r.Merge(works[0].ID, works[1].ID); return err },
		func() error { _, err := r.Unmerge(works[0].ID); return err },
	}
	for i, w := range writes {
		if err := w(); !errors.Is(err, ErrReadOnly) {
			t.Errorf("write %d on a read-only store = %v, want ErrReadOnly", i, err)
		}
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if fileHash(t, path) != before {
		t.Fatal("read-only queries changed the store file")
	}
}

func TestDefaultPath(t *testing.T) {
	home := t.TempDir()
	tests := []struct {
		ibidDB, xdg string
		want        string
	}{
		{"/tmp/x.db", "/xdg", "/tmp/x.db"},
		{"", "/xdg", "/xdg/ibid/library.db"},
		{"", "", filepath.Join(home, ".local/share/ibid/library.db")},
	}
	for _, tc := range tests {
		t.Setenv("IBID_DB", tc.ibidDB)
		t.Setenv("XDG_DATA_HOME", tc.xdg)
		t.Setenv("HOME", home)
		got, err := DefaultPath()
		if err != nil || got != tc.want {
			t.Errorf("DefaultPath(IBID_DB=%q, XDG_DATA_HOME=%q) = %q, %v; want %q", tc.ibidDB, tc.xdg, got, err, tc.want)
		}
	}
}
