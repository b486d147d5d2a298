package corpus

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Sequence is one AnyStyle labelled reference: its full text and its
// labelled parts.
type Sequence struct {
	Text   string
	Labels map[string][]string // label → texts, in order
}

// ReadAnystyle reads the sequences of an AnyStyle core.xml file. A
// sequence's text is its parts, each with its spaces collapsed, joined by
// one space.
func ReadAnystyle(r io.Reader) ([]Sequence, error) {
	dec := xml.NewDecoder(r)
	var out []Sequence
	var cur *Sequence
	var parts []string
	label := ""
	var buf strings.Builder
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read anystyle xml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "sequence":
				cur = &Sequence{Labels: map[string][]string{}}
				parts = parts[:0]
			case cur != nil:
				label = t.Name.Local
				buf.Reset()
			}
		case xml.CharData:
			if label != "" {
				buf.Write(t)
			}
		case xml.EndElement:
			switch {
			case t.Name.Local == "sequence" && cur != nil:
				cur.Text = strings.Join(parts, " ")
				out = append(out, *cur)
				cur = nil
			case label != "" && t.Name.Local == label:
				v := strings.Join(strings.Fields(buf.String()), " ")
				parts = append(parts, v)
				cur.Labels[label] = append(cur.Labels[label], v)
				label = ""
			}
		}
	}
	return out, nil
}

// AnystyleStrings returns the texts of the AnyStyle corpus
// (corpus/anystyle/core.xml in the shared directory), or skips t where it
// is absent.
func AnystyleStrings(t testing.TB) []string {
	t.Helper()
	f, err := os.Open(filepath.Join(Shared(t), "corpus", "anystyle", "core.xml"))
	if err != nil {
		t.Skipf("AnyStyle corpus absent: %v", err)
	}
	defer f.Close()
	seqs, err := ReadAnystyle(f)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(seqs))
	for i, s := range seqs {
		out[i] = s.Text
	}
	return out
}
