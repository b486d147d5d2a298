package store

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzOpen opens arbitrary bytes as a store: Open never panics, and when it
// refuses the file, the file is untouched.
func FuzzOpen(f *testing.F) {
	f.Add([]byte("¹⁴Serge, Memoirs, p. 71.\n"))
	f.Add(make([]byte, 8192))
	f.Add([]byte{0xed, 0xda, 0x0c, 0xed})
	s, path := mustOpen(f)
	mustHarvest(f, s, docOf("a.txt", "h1", book("Serge", "Victor", "Memoirs", 1963)))
	s.Close()
	valid, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(valid)
	f.Add(valid[:4096])
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "fuzz.db")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, ro := range []bool{true, false} {
			s, err := Open(path, Options{ReadOnly: ro, Timeout: 50 * time.Millisecond})
			if err != nil {
				after, _ := os.ReadFile(path)
				if !bytes.Equal(after, data) {
					t.Fatalf("refused (%v) but changed the file", err)
				}
				continue
			}
			s.Close()
		}
	})
}
