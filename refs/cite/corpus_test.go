package cite

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// sharedDir returns ../shared next to the module root, skipping the test
// when the shared corpus is absent.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			shared := filepath.Join(dir, "..", "shared")
			if _, err := os.Stat(shared); err != nil {
				t.Skip("shared corpus not found at", shared)
			}
			return shared
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("no module root above", dir)
		}
		dir = parent
	}
}

// thesisNotes returns the footnote texts of the OCR'd thesis: lines that
// start with superscript digits, without the marker.
func thesisNotes(t *testing.T) []string {
	t.Helper()
	f, err := os.Open(filepath.Join(sharedDir(t), "corpus", "thesis-serge-1991.txt"))
	if err != nil {
		t.Skip("thesis not available:", err)
	}
	defer f.Close()
	var notes []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		i := 0
		for i < len(line) {
			r, size := utf8.DecodeRuneInString(line[i:])
			if !strings.ContainsRune("⁰¹²³⁴⁵⁶⁷⁸⁹", r) {
				break
			}
			i += size
		}
		if i > 0 && i < len(line) {
			notes = append(notes, strings.TrimSpace(line[i:]))
		}
	}
	return notes
}

// TestThesisNotes splits and parses every footnote of the thesis: nothing
// panics, pieces stay in bounds, most notes yield citations and back
// references are recognised.
func TestThesisNotes(t *testing.T) {
	notes := thesisNotes(t)
	if len(notes) < 1000 {
		t.Fatalf("found %d notes in the thesis, want over 1000", len(notes))
	}
	withPieces, backs, located := 0, 0, 0
	for _, n := range notes {
		pieces := Split(n)
		if len(pieces) > 0 {
			withPieces++
		}
		for _, pc := range pieces {
			checkPiece(t, n, pc)
			if pc.Back != "" {
				backs++
				continue
			}
			r := Parse(pc.Text, Note)
			checkSpans(t, pc.Text, r)
			if r.Locator != "" {
				located++
			}
		}
	}
	t.Logf("%d notes, %d with citations, %d back-references, %d located citations", len(notes), withPieces, backs, located)
	if share := float64(withPieces) / float64(len(notes)); share < 0.75 {
		t.Errorf("only %.0f%% of notes yield citations", 100*share)
	}
	if backs < 200 {
		t.Errorf("only %d back-references recognised", backs)
	}
}

// TestRenderedYears checks on the rendered documents' bibliographies that
// the publication year is read from at least 90% of entries that print
// their record's year.
func TestRenderedYears(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "corpus", "rendered-dev")
	keys, _ := filepath.Glob(filepath.Join(dir, "*.key.json"))
	if len(keys) == 0 {
		t.Skip("no rendered documents in", dir)
	}
	total, agree := 0, 0
	for _, kp := range keys {
		var key struct {
			Bibliography []struct{ Key, Text string } `json:"bibliography"`
		}
		var recs []struct {
			ID     string `json:"id"`
			Issued struct {
				DateParts [][]any `json:"date-parts"`
			} `json:"issued"`
		}
		readJSONFile(t, kp, &key)
		readJSONFile(t, strings.TrimSuffix(kp, ".key.json")+".csl.json", &recs)
		years := map[string]int{}
		for _, r := range recs {
			if len(r.Issued.DateParts) > 0 && len(r.Issued.DateParts[0]) > 0 {
				if y, ok := r.Issued.DateParts[0][0].(float64); ok {
					years[r.ID] = int(y)
				}
			}
		}
		for _, b := range key.Bibliography {
			y := years[b.Key]
			if y == 0 || !strings.Contains(b.Text, itoa(y)) {
				continue
			}
			total++
			if Parse(b.Text, Entry).Item.Issued.Year() == y {
				agree++
			}
		}
	}
	if total == 0 {
		t.Fatal("no entries compared")
	}
	if share := float64(agree) / float64(total); share < 0.9 {
		t.Errorf("year read from %d of %d entries (%.1f%%), want ≥ 90%%", agree, total, 100*share)
	}
}

func readJSONFile(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func itoa(n int) string {
	var b [12]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
